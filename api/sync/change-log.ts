import { sql } from 'drizzle-orm';
import type { Queryable } from '../db';
import { appError, badInput } from '../errors';
import type { Generation } from '../ops/sync-generation';

// The change feed reads the audit trail: every write through the API leaves an entry in the
// transaction that made it, with the record's id (deletes included) and the writing transaction's
// id. Entries are read in (transaction id, entry id) order, and only those of transactions that
// have ended: below the horizon (the oldest transaction of this database still running, see
// `horizon`), no entry can appear later. A transaction that began first and commits after a
// later one holds the horizon back until it ends; it is read then, before the later one, and a
// client that read in between has not moved past it. (A sequence or a timestamp alone would let
// that client skip it.) On PGlite, with one connection, the horizon is always the next transaction.

/** A position in the log: everything up to it (in transaction order) has been read. */
export interface Position {
  /** Transaction id (xid8 as a decimal string: it may outgrow a JavaScript number in principle). */
  tx: string;
  /** Audit entry id within that transaction; 0 for "none of it yet". */
  entry: number;
}

export interface LogEntry {
  id: number;
  tx: string;
  resource: string;
  recordId: number;
  operation: string;
  at: Date;
  /** Each changed field's [before, after], as the audit trail keeps it. */
  changes: Record<string, [unknown, unknown]>;
}

/** Cursors of this form carry their generation (api/ops/sync-generation.ts); `s1.` ones, from before, did not. */
const PREFIX = 's2.';
const FORMER = 's1.';

/** A position of one generation of the feed: what a cursor stands for. */
export interface CursorPosition extends Position {
  /** The generation the cursor was issued in; absent for no cursor (the start of the trail). */
  generation?: string;
}

/** Opaque to clients: a versioned, URL-safe encoding of the generation and the position. */
export function encodeCursor(p: Position, generation: string): string {
  return PREFIX + Buffer.from(`${generation}:${p.tx}:${p.entry}`).toString('base64url');
}

function invalidCursor() {
  return badInput([
    {
      field: 'cursor',
      rule: 'cursor',
      zh: '同步游标无效：请使用上一次 changesSince 或 syncCursor 返回的 nextCursor',
      en: 'Invalid sync cursor: pass the nextCursor a previous changesSince or syncCursor returned',
    },
  ]);
}

export function decodeCursor(cursor: string | null | undefined): CursorPosition {
  if (cursor === null || cursor === undefined || cursor === '') return { tx: '0', entry: 0 };
  // A cursor of the former form names no generation: whether its transaction ids are this
  // database's cannot be told, so it is refused as one of another generation.
  if (cursor.startsWith(FORMER) && /^\d{1,19}:\d{1,10}$/.test(Buffer.from(cursor.slice(FORMER.length), 'base64url').toString())) {
    return { tx: '0', entry: 0, generation: '' };
  }
  const decoded = cursor.startsWith(PREFIX) ? Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString() : '';
  const m = /^([0-9a-f-]{36}):(\d{1,19}):(\d{1,10})$/.exec(decoded);
  if (!m || Number(m[3]) > 2_147_483_647) throw invalidCursor();
  return { generation: m[1], tx: BigInt(m[2]).toString(), entry: Number(m[3]) };
}

/**
 * Refuses, with SYNC_RESTART, a position the feed can no longer continue from: one of another
 * generation (a restore since, or a cursor of the former form; no cursor at all after a restore),
 * or one before the latest entry a purge deleted (no cursor at all included), which would miss what
 * was deleted.
 */
export function assertContinuable(from: CursorPosition, current: Generation): void {
  // No cursor in a restored generation: the restored entries are not served, so the start of the
  // trail cannot be read either.
  const otherGeneration = from.generation !== undefined ? from.generation !== current.generation : current.startEntryId > 0;
  const purged =
    current.purgedTxId !== null &&
    current.purgedEntryId !== null &&
    (BigInt(from.tx) < BigInt(current.purgedTxId) || (BigInt(from.tx) === BigInt(current.purgedTxId) && from.entry < current.purgedEntryId));
  if (!otherGeneration && !purged) return;
  const why = otherGeneration
    ? { reason: 'GENERATION', zh: '数据库已从备份恢复（或游标来自旧版本），', en: 'the database was restored from a backup (or the cursor is of an earlier release), ' }
    : { reason: 'PURGED', zh: '此游标之后的审计记录已被清理，', en: 'audit entries after this cursor have been purged, ' };
  throw appError(
    'SYNC_RESTART',
    {
      zh: `须重新同步：${why.zh}无法从此游标继续。请先取 syncCursor，再用 allXs 完整读取，然后从该游标继续 changesSince`,
      en: `Sync again from the start: ${why.en}so the feed cannot continue from this cursor. Take syncCursor, read the records in full with allXs, then follow changesSince from that cursor`,
    },
    { reason: why.reason },
  );
}

const later = (a: Position, b: Position): Position => {
  const ta = BigInt(a.tx);
  const tb = BigInt(b.tx);
  return ta > tb || (ta === tb && a.entry >= b.entry) ? a : b;
};

/**
 * The oldest transaction of this database that may still be running: every entry below it is final.
 * Transaction ids are shared by every database of the server, and the snapshot's own xmin waits for
 * transactions of all of them (another application's long report would hold the feed back), so the
 * snapshot's running transactions are narrowed to those of sessions on this database. The snapshot
 * is taken first; a transaction it saw running that ends before the sessions are read is then
 * visible to the entries' statement, which runs later. Should some session of this database be
 * hidden from our role, the snapshot's xmin is used as it is.
 */
export async function horizon(db: Queryable): Promise<string> {
  const result = (await db.execute(sql`
    with s as (select pg_current_snapshot() as snap),
    mine as (
      select a.backend_xid::text::bigint as xid32, a.query
      from pg_stat_activity a
      where a.datname = current_database() and a.pid <> pg_backend_pid()
    )
    select
      pg_snapshot_xmin(snap)::text as xmin,
      pg_snapshot_xmax(snap)::text as xmax,
      (select min(x::text::bigint) from pg_snapshot_xip(snap) x
        where x::text::bigint % 4294967296 in (select xid32 from mine where xid32 is not null))::text as running,
      exists (select 1 from mine where query = '<insufficient privilege>') as hidden
    from s`)) as unknown as { rows: { xmin: string; xmax: string; running: string | null; hidden: boolean }[] };
  const { xmin, xmax, running, hidden } = result.rows[0];
  return hidden ? xmin : (running ?? xmax);
}

/** The position of "now": every transaction that has ended, none that has not. */
export async function currentPosition(db: Queryable): Promise<Position> {
  return { tx: await horizon(db), entry: 0 };
}

/**
 * Up to `first` entries of these resources after `from`, of ended transactions, in transaction
 * order, written in this generation (after `startEntryId`); and the position after them (the
 * horizon itself when nothing more is there yet).
 */
export async function readLog(
  db: Queryable,
  from: Position,
  resources: string[],
  first: number,
  startEntryId = 0,
): Promise<{ entries: LogEntry[]; next: Position; hasMore: boolean }> {
  // The horizon first: the entries' statement then runs on a later snapshot, which sees every
  // transaction below it as ended too.
  const h = await horizon(db);
  if (!resources.length) return { entries: [], next: later(from, { tx: h, entry: 0 }), hasMore: false };
  const names = sql.join(
    resources.map((r) => sql`${r}`),
    sql`, `,
  );
  const result = (await db.execute(sql`
    select id, tx_id::text as tx, resource, record_id as "recordId", operation, at, changes
    from audit_entries
    where tx_id < ${h}::bigint
      and (tx_id, id) > (${from.tx}::bigint, ${from.entry}::int)
      and id > ${startEntryId}::int
      and resource in (${names})
    order by tx_id, id
    limit ${first + 1}`)) as unknown as { rows: (Omit<LogEntry, 'at'> & { at: Date | string })[] };
  const rows = result.rows.map((r) => ({ ...r, id: Number(r.id), recordId: Number(r.recordId), at: new Date(r.at) }));
  const hasMore = rows.length > first;
  const entries = rows.slice(0, first);
  const last = entries.at(-1);
  const next = hasMore ? { tx: last!.tx, entry: last!.id } : later(from, { tx: h, entry: 0 });
  return { entries, next, hasMore };
}
