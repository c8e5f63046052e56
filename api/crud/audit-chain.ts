import { createHash, getHashes } from 'node:crypto';
import { and, asc, eq, getTableColumns, gte, isNull, lte, sql, type SQLWrapper } from 'drizzle-orm';
import { auditChain, auditEntries } from '../../drizzle/schema';
import { recordPurge } from '../ops/sync-generation';
import type { Db, Queryable, Tx } from '../db';
import { columnName, fixedStatement, runStatement } from './compiled-statements';

// Tamper evidence for the audit trail (网络安全等级保护 2.0: 审计记录应受到保护, 避免受到未预期的删除、修改
// 或覆盖). Each entry carries the hash of its content and of the entry before it, so altering an entry
// breaks its own hash and deleting one breaks the link of the next. Entries are chained one after
// the other: every transaction that appends locks the chain's head row (`audit_chain`) until it
// commits, so two writers never continue the same hash, and chain order is id order. Only writers
// of the audit trail wait on it; reads take no lock.

/** SM3 (GB/T 32905) where the platform's OpenSSL provides it, SHA-256 otherwise; recorded per entry. */
export const AUDIT_HASH: 'sm3' | 'sha256' = getHashes().includes('sm3') ? 'sm3' : 'sha256';

/** What the hash of entries written from now on covers (see `entryHash`). */
export const AUDIT_HASH_VERSION = 2;

/** An entry's values as the chain covers them. */
export interface ChainedContent {
  at: Date;
  /** The writing transaction's id, which orders the change feed; covered from version 2 on. */
  txId: number;
  actorKind: string;
  actorId: number | null;
  actorName: string;
  operation: string;
  resource: string;
  recordId: number;
  changes: unknown;
  via: string | null;
}

/** JSON with keys in a fixed order at every depth: jsonb keeps its own order, not the writer's. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The hash of one entry, continuing `previous` (null for the first entry ever). Version 1 (entries
 * chained before the transaction id was covered) leaves the transaction id out; version 2 covers it,
 * so an entry moved in the change feed's order shows as altered.
 */
export function entryHash(algorithm: string, previous: string | null, e: ChainedContent, version = AUDIT_HASH_VERSION): string {
  const content = canonical({
    ...(version >= 2 ? { txId: String(e.txId) } : {}),
    previous,
    at: e.at.toISOString(),
    actorKind: e.actorKind,
    actorId: e.actorId,
    actorName: e.actorName,
    operation: e.operation,
    resource: e.resource,
    recordId: e.recordId,
    changes: e.changes,
    via: e.via,
  });
  return createHash(algorithm).update(content, 'utf8').digest('hex');
}

// Every audited write sends the same two statements while it holds the head: they are rendered
// once and sent as named prepared statements, and the entries and the head's move are one statement,
// so the head is held for two round trips and the commit.

/**
 * The head, locked until the transaction ends, with the id of this transaction, which the entries
 * it writes carry and their hash covers.
 */
const LOCK_HEAD = fixedStatement(
  sql`select ${auditChain.lastHash} as "lastHash", ${auditChain.anchorHash} as "anchorHash", pg_current_xact_id()::text as "txId" from ${auditChain} where ${auditChain.id} = 1 for update`,
);

/** What an entry is written with, before it is chained. */
export type NewEntry = Omit<ChainedContent, 'at' | 'txId'>;

type ChainedRow = ChainedContent & { createdAt: Date; updatedAt: Date; hashAlgorithm: string; hashVersion: number; previousHash: string | null; hash: string };

/** The columns an appended entry is written with (the others take their defaults). */
const WRITTEN = ['at', 'actorKind', 'actorId', 'actorName', 'operation', 'resource', 'recordId', 'changes', 'via', 'createdAt', 'updatedAt', 'txId', 'hashAlgorithm', 'hashVersion', 'previousHash', 'hash'] as const satisfies readonly (keyof ChainedRow)[];

/**
 * Writes the entries (a JSON array, in chain order) and moves the head to the last of them, in one
 * statement. The entries are read with their position and inserted in it, so their ids follow
 * the chain's order.
 */
const APPEND = (() => {
  const columns = getTableColumns(auditEntries);
  const list = (f: (key: (typeof WRITTEN)[number]) => SQLWrapper) => sql.join(WRITTEN.map(f), sql`, `);
  const field = (key: string) => sql.identifier(key);
  return fixedStatement(sql`with written as (
    insert into ${auditEntries} (${list((k) => sql.identifier(columnName(columns[k])))})
    select ${list((k) => sql`e.${field(k)}`)}
    from rows from (jsonb_to_recordset(${sql.placeholder('entries')}::jsonb) as (${list((k) => sql`${field(k)} ${sql.raw(columns[k].getSQLType())}`)}))
      with ordinality as e(${list(field)}, position)
    order by e.position
    returning ${auditEntries.id}
  )
  update ${auditChain} set ${sql.identifier(columnName(auditChain.lastEntryId))} = (select max(id) from written), ${sql.identifier(columnName(auditChain.lastHash))} = ${sql.placeholder('lastHash')}
  where ${auditChain.id} = 1`);
})();

/**
 * The chain's head, locked until the transaction ends; written the first time (the first start
 * after the upgrade that added it). Two first writers both insert it: one waits for the other.
 */
async function lockHead(tx: Queryable): Promise<{ lastHash: string | null; anchorHash: string | null; txId: number }> {
  const locked = async () => (await runStatement<{ lastHash: string | null; anchorHash: string | null; txId: string }>(tx, LOCK_HEAD, {}))[0];
  let head = await locked();
  if (!head) {
    await tx.insert(auditChain).values({ id: 1 }).onConflictDoNothing();
    head = await locked();
  }
  return { ...head, txId: Number(head.txId) };
}

/**
 * Appends entries to the trail in the caller's transaction, chained after the head, and moves the
 * head. The head row stays locked until the transaction ends: a writer arriving meanwhile waits
 * for it, then continues from what it wrote (or from the old head, if it rolled back).
 */
export async function appendAuditEntries(tx: Queryable, entries: NewEntry[]): Promise<void> {
  if (!entries.length) return;
  const head = await lockHead(tx);
  // After a purge of every entry, the chain goes on from the anchor.
  let previous = head.lastHash ?? head.anchorHash ?? null;
  // The time is the server's, to the millisecond (what JavaScript dates hold), so the hash worked out
  // now is the hash of what is read back.
  const at = new Date();
  const rows = entries.map((e): ChainedRow => {
    // Stored as JSON: what the hash covers is the value as it will read back.
    const changes = JSON.parse(JSON.stringify(e.changes ?? {})) as unknown;
    const hash = entryHash(AUDIT_HASH, previous, { ...e, at, changes, txId: head.txId });
    const row = { ...e, at, createdAt: at, updatedAt: at, changes, txId: head.txId, hashAlgorithm: AUDIT_HASH, hashVersion: AUDIT_HASH_VERSION, previousHash: previous, hash };
    previous = hash;
    return row;
  });
  await runStatement(tx, APPEND, { entries: JSON.stringify(rows.map((r) => Object.fromEntries(WRITTEN.map((k) => [k, r[k] ?? null])))), lastHash: previous });
}

/**
 * Chains the entries written before the chain existed (an upgrade), in id order, after the head.
 * Run at every start; after the first it finds nothing. Returns how many it chained.
 */
export async function chainUnchainedEntries(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const head = await lockHead(tx);
    const pending = await tx.select().from(auditEntries).where(isNull(auditEntries.hash)).orderBy(asc(auditEntries.id));
    if (!pending.length) return 0;
    let previous = head.lastHash ?? head.anchorHash ?? null;
    for (const e of pending) {
      const hash = entryHash(AUDIT_HASH, previous, e);
      await tx.update(auditEntries).set({ hashAlgorithm: AUDIT_HASH, hashVersion: AUDIT_HASH_VERSION, previousHash: previous, hash }).where(eq(auditEntries.id, e.id));
      previous = hash;
    }
    await tx.update(auditChain).set({ lastEntryId: pending[pending.length - 1].id, lastHash: previous }).where(eq(auditChain.id, 1));
    return pending.length;
  });
}

/** The head row (the last entry chained, the purge's anchor), for those who keep a copy elsewhere. */
export async function auditChainHead(db: Queryable) {
  const [head] = await db.select().from(auditChain).where(eq(auditChain.id, 1));
  return head;
}

/** Why an entry does not match. */
export type ChainProblem = 'ALTERED' | 'BROKEN_LINK' | 'UNCHAINED' | 'HEAD_MISMATCH' | 'UNKNOWN_ALGORITHM';

export interface ChainReport {
  ok: boolean;
  /** Entries checked. */
  checked: number;
  /** The first entry that does not match (for HEAD_MISMATCH, the last entry kept). */
  firstBadId: number | null;
  problem: ChainProblem | null;
  /** The entry a purge left as the start of the chain, if any. */
  anchorEntryId: number | null;
}

const PAGE = 2000;

/**
 * Checks the entries with ids from `from` to `to` (the whole trail by default): each one's hash
 * over its content and its previous hash, and each link to the entry before it (from the chain's
 * start, or the purge's anchor). Over the whole trail, the head must name the last entry: a deleted
 * last entry shows there.
 */
export async function verifyAuditChain(db: Queryable, range: { from?: number; to?: number } = {}): Promise<ChainReport> {
  const [head] = await db.select().from(auditChain).where(eq(auditChain.id, 1));
  const anchorEntryId = head?.anchorEntryId ?? null;
  const bad = (checked: number, firstBadId: number | null, problem: ChainProblem): ChainReport => ({ ok: false, checked, firstBadId, problem, anchorEntryId });
  let checked = 0;
  // The link into the range: the entry before it, or the chain's start (or anchor).
  let previous: string | null = head?.anchorHash ?? null;
  if (range.from !== undefined) {
    const [before] = await db
      .select({ hash: auditEntries.hash })
      .from(auditEntries)
      .where(sql`${auditEntries.id} < ${range.from}`)
      .orderBy(sql`${auditEntries.id} desc`)
      .limit(1);
    if (before) previous = before.hash;
  }
  let after = range.from ?? 0;
  let lastSeen: { id: number; hash: string | null } | undefined;
  for (;;) {
    const page = await db
      .select()
      .from(auditEntries)
      .where(and(gte(auditEntries.id, after), range.to !== undefined ? lte(auditEntries.id, range.to) : undefined))
      .orderBy(asc(auditEntries.id))
      .limit(PAGE);
    for (const e of page) {
      checked++;
      if (!e.hash || !e.hashAlgorithm) return bad(checked, e.id, 'UNCHAINED');
      if (!getHashes().includes(e.hashAlgorithm)) return bad(checked, e.id, 'UNKNOWN_ALGORITHM');
      if (entryHash(e.hashAlgorithm, e.previousHash, e, e.hashVersion) !== e.hash) return bad(checked, e.id, 'ALTERED');
      if (e.previousHash !== previous) return bad(checked, e.id, 'BROKEN_LINK');
      previous = e.hash;
      lastSeen = e;
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1].id + 1;
  }
  if (range.to === undefined && (lastSeen || range.from === undefined) && head && (head.lastHash ?? null) !== (lastSeen?.hash ?? head.anchorHash ?? null)) {
    return bad(checked, lastSeen?.id ?? null, 'HEAD_MISMATCH');
  }
  return { ok: true, checked, firstBadId: null, problem: null, anchorEntryId };
}

/**
 * Deletes the entries older than `before` and records the anchor (the last one deleted) in the
 * head, in the caller's transaction: the first remaining entry still links to it, so the trail
 * stays verifiable. The caller audits the purge itself. Returns what was deleted.
 */
export async function purgeAuditEntriesBefore(tx: Tx, before: Date): Promise<{ deleted: number; anchorEntryId: number | null; anchorHash: string | null }> {
  await lockHead(tx);
  // Entries are chained in id order: those before the first young one go, none after it, so no
  // entry younger than `before` is deleted even if the clock once went back.
  const [firstYoung] = await tx
    .select({ id: auditEntries.id })
    .from(auditEntries)
    .where(gte(auditEntries.at, before))
    .orderBy(asc(auditEntries.id))
    .limit(1);
  const old = firstYoung ? sql`${auditEntries.id} < ${firstYoung.id}` : undefined;
  const [last] = await tx.select({ id: auditEntries.id, hash: auditEntries.hash }).from(auditEntries).where(old).orderBy(sql`${auditEntries.id} desc`).limit(1);
  if (!last) return { deleted: 0, anchorEntryId: null, anchorHash: null };
  // The sync feed's cursors before what goes can no longer continue (api/ops/sync-generation.ts).
  await recordPurge(tx, last.id);
  const deleted = await tx.delete(auditEntries).where(lte(auditEntries.id, last.id)).returning({ id: auditEntries.id });
  await tx.update(auditChain).set({ anchorEntryId: last.id, anchorHash: last.hash }).where(eq(auditChain.id, 1));
  return { deleted: deleted.length, anchorEntryId: last.id, anchorHash: last.hash };
}
