import { sql } from 'drizzle-orm';
import { startGeneration } from './sync-generation';
import type { Database, Queryable } from '../db';
import { BackupError, readBackup, rowsHash, verifyBackup, type BackupHeader, type TableEnd, type TableStart } from './backup-format';
import { appliedPoint, migrateTo, releaseMigrations } from './migrations';
import { backupTables } from './schema-tables';
import { tableRows } from './backup';

// Puts a backup into an empty database: the schema is built up to the migration the backup was
// written at (the server applies the later ones when it starts, as for any older database), then
// every row goes in, in one transaction, in the order of the foreign keys; identities continue
// where the backed-up database stood; each table's count and checksum are compared with the
// backup's before the transaction commits. A database that holds records is refused unless told
// (`force`), and then emptied first.

const BATCH_ROWS = 1000;
const BATCH_CHARS = 4_000_000;

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(q: Queryable, query: ReturnType<typeof sql>) => ((await q.execute(query)) as unknown as Rows<T>).rows;

async function publicTables(q: Queryable): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(
    q,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  return rows.map((r) => r.name);
}

/** The tables of the schema that hold at least one row. */
export async function tablesWithRows(q: Queryable): Promise<string[]> {
  const present = new Set(await publicTables(q));
  const out: string[] = [];
  for (const { name } of backupTables) {
    if (!present.has(name)) continue;
    const [row] = await rowsOf<{ any: boolean }>(q, sql`select exists (select 1 from ${sql.identifier(name)}) as any`);
    if (row.any) out.push(name);
  }
  return out;
}

/** Drops everything the migrations made (and the rate limiter's table), so they can run again from the start. */
async function emptyDatabase(q: Queryable): Promise<void> {
  for (const name of await publicTables(q)) await q.execute(sql`drop table if exists ${sql.identifier(name)} cascade`);
  const types = await rowsOf<{ name: string }>(q, sql`select typname as name from pg_type where typtype = 'e' and typnamespace = 'public'::regnamespace`);
  for (const { name } of types) await q.execute(sql`drop type if exists ${sql.identifier(name)} cascade`);
  await q.execute(sql`drop schema if exists drizzle cascade`);
}

async function insertBatch(q: Queryable, table: string, columns: string[], deferred: string[], rows: string[]): Promise<void> {
  const t = sql.identifier(table);
  const list = sql.join(columns.map((c) => sql.identifier(c)), sql`, `);
  const json = `[${rows.join(',')}]`;
  // Columns that refer to rows restored later go in empty (removed from each row's JSON).
  const source = deferred.length
    ? sql`(select jsonb_agg(e - ${`{${deferred.join(',')}}`}::text[]) from jsonb_array_elements(${json}::jsonb) e)`
    : sql`${json}::jsonb`;
  await q.execute(sql`insert into ${t} (${list}) overriding system value select ${list} from jsonb_populate_recordset(null::${t}, ${source})`);
}

async function fillDeferred(q: Queryable, table: string, key: string, deferred: string[], rows: string[]): Promise<void> {
  const t = sql.identifier(table);
  const k = sql.identifier(key);
  const sets = sql.join(deferred.map((c) => sql`${sql.identifier(c)} = s.${sql.identifier(c)}`), sql`, `);
  await q.execute(sql`update ${t} set ${sets} from jsonb_populate_recordset(null::${t}, ${`[${rows.join(',')}]`}::jsonb) s where ${t}.${k} = s.${k}`);
}

export interface RestoreResult {
  header: BackupHeader;
  rows: Record<string, number>;
}

export async function restoreDatabase(database: Database, file: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  // The whole file is checked before anything in the database changes.
  const summary = await verifyBackup(file);
  const { header } = summary;
  const release = releaseMigrations();
  const point = release.find((m) => m.tag === header.migration.tag);
  if (!point) {
    throw new BackupError(
      `备份写于迁移 ${header.migration.tag}，本版本没有这一迁移（备份来自更新的版本）：请用更新的版本恢复。`,
      `The backup was written at migration ${header.migration.tag}, which this release does not have (a newer release wrote it): restore it with that release or a later one.`,
    );
  }
  if (point.hash !== header.migration.hash || point.when !== header.migration.when) {
    throw new BackupError(
      `备份写于迁移 ${point.tag}，但那次迁移的内容与本版本的不同，无法确定表结构。`,
      `The backup was written at migration ${point.tag}, but that migration differs from this release's: the table layout cannot be known.`,
    );
  }
  const { db } = database;

  const filled = await tablesWithRows(db);
  if (filled.length && !options.force) {
    throw new BackupError(
      `目标数据库不是空的（${filled.join('、')} 有数据）。恢复只写入空数据库；确要清空它再恢复，请加 --force。`,
      `The target database is not empty (${filled.join(', ')} hold rows). A restore writes into an empty database only; to empty it and restore, add --force.`,
    );
  }
  // An empty database at a later (or unknown) migration, or one emptied with --force, is rebuilt
  // from the first migration; an empty one at or before the backup's point is migrated forward.
  const applied = await appliedPoint(db);
  const leftovers = (await publicTables(db)).length > 0;
  if (filled.length || (applied && applied.when > point.when) || (applied && !release.some((m) => m.when === applied.when)) || (!applied && leftovers)) {
    await emptyDatabase(db);
  }
  await migrateTo(database, point.tag);

  const restored = await db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const counts: Record<string, number> = {};
    let table: (TableStart & { columns: string[]; deferred: string[] }) | undefined;
    let batch: string[] = [];
    let chars = 0;
    let pending: string[] = [];
    const flush = async () => {
      if (!table || !batch.length) return;
      await insertBatch(tx, table.name, table.columns, table.deferred, batch);
      if (table.deferred.length) pending.push(...batch);
      batch = [];
      chars = 0;
    };
    for await (const line of readBackup(file)) {
      if (line.kind === 'table') {
        const columns = await rowsOf<{ name: string }>(
          tx,
          sql`select column_name as name from information_schema.columns
              where table_schema = 'public' and table_name = ${line.name} and is_generated = 'NEVER' order by ordinal_position`,
        );
        if (!columns.length) throw new BackupError(`迁移后没有表 ${line.name}。`, `There is no table ${line.name} after the migrations.`);
        const known = backupTables.find((t) => t.name === line.name);
        table = { ...line, columns: columns.map((c) => c.name), deferred: known?.deferred ?? [] };
        pending = [];
      } else if (line.kind === 'row') {
        batch.push(line.json);
        chars += line.json.length;
        if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
      } else if (line.kind === 'tableEnd') {
        await flush();
        const current = table!;
        for (let i = 0; i < pending.length; i += BATCH_ROWS) {
          await fillDeferred(tx, current.name, current.key, current.deferred, pending.slice(i, i + BATCH_ROWS));
        }
        pending = [];
        await continueIdentity(tx, current);
        await checkTable(tx, current, line);
        counts[current.name] = line.rows;
        table = undefined;
      }
    }
    // The restored trail's transaction ids are not this database's from now on: a new generation of
    // sync cursors, so a client's cursor is answered SYNC_RESTART rather than skipping or repeating.
    // (Restored at a migration before the generation's table, the table comes later, empty: new too.)
    if ((await publicTables(tx)).includes('sync_generation')) await startGeneration(tx);
    return counts;
  });
  return { header, rows: restored };
}

/** The identity hands out what it would have in the backed-up database, never an id a deleted record had. */
async function continueIdentity(q: Queryable, table: TableStart): Promise<void> {
  if (table.nextId === null) return;
  const t = sql.identifier(table.name);
  const k = sql.identifier(table.key);
  await q.execute(
    sql`select setval(pg_get_serial_sequence(${`"${table.name}"`}, ${table.key}),
                      greatest(${table.nextId}::bigint, (select coalesce(max(${k}), 0) + 1 from ${t})), false)`,
  );
}

/** The rows as the database now holds them must be the backup's, text for text. */
async function checkTable(q: Queryable, table: TableStart, end: TableEnd): Promise<void> {
  const hash = rowsHash();
  let n = 0;
  for await (const json of tableRows(q, table.name, table.key)) {
    hash.add(json);
    n++;
  }
  if (n !== end.rows || hash.digest() !== end.sha256) {
    throw new BackupError(
      `恢复后表 ${table.name} 与备份不符（${n} 行，备份 ${end.rows} 行）；已全部撤销。`,
      `After the restore, table ${table.name} does not match the backup (${n} rows, the backup has ${end.rows}); everything was rolled back.`,
    );
  }
}
