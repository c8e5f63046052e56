import { sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, rowsHash, type BackupHeader, type BackupWriter, type TableStart } from './backup-format';
import { backupTables } from './schema-tables';
import { currentPoint, releaseMigrations } from './migrations';

// Writes every table of the schema from one snapshot: a read-only REPEATABLE READ transaction on
// PostgreSQL (the servers keep writing meanwhile and none of their writes is half in the backup); on
// PGlite, whose one connection serves one transaction at a time, requests wait while it runs.

const BATCH = 2000;

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(q: Queryable, query: ReturnType<typeof sql>) => ((await q.execute(query)) as unknown as Rows<T>).rows;

/** What the table's identity hands out next (null for a table without one). */
export async function nextIdOf(q: Queryable, table: string, key: string): Promise<number | null> {
  const [{ seq }] = await rowsOf<{ seq: string | null }>(q, sql`select pg_get_serial_sequence(${`"${table}"`}, ${key}) as seq`);
  if (!seq) return null;
  const [state] = await rowsOf<{ last_value: string; is_called: boolean }>(q, sql`select last_value, is_called from ${sql.raw(seq)}`);
  return Number(state.last_value) + (state.is_called ? 1 : 0);
}

/** Each row of a table in key order, as PostgreSQL's JSON text, a batch at a time. */
export async function* tableRows(q: Queryable, table: string, key: string): AsyncGenerator<string> {
  let after: number | null = null;
  for (;;) {
    const t = sql.identifier(table);
    const k = sql.identifier(key);
    const batch: { k: number; j: string }[] = await rowsOf<{ k: number; j: string }>(
      q,
      after === null
        ? sql`select ${k} as k, to_jsonb(x)::text as j from ${t} x order by ${k} limit ${BATCH}`
        : sql`select ${k} as k, to_jsonb(x)::text as j from ${t} x where ${k} > ${after} order by ${k} limit ${BATCH}`,
    );
    for (const row of batch) yield row.j;
    if (batch.length < BATCH) return;
    after = Number(batch[batch.length - 1].k);
  }
}

/** Writes the whole database into the writer and ends it; on failure the file is left without its end line. */
export async function backupDatabase(database: Database, writer: BackupWriter): Promise<Record<string, number>> {
  try {
    const counts = await database.db.transaction(
      async (tx) => {
        // Times are written with their offset either way; in UTC the text is the same whatever the
        // server's zone, so the checksums of a restore on another server still match.
        await tx.execute(sql`set local timezone = 'UTC'`);
        const point = await currentPoint(tx);
        const latest = releaseMigrations().at(-1)!;
        if (!point || point.when !== latest.when) {
          throw new BackupError(
            `数据库停在迁移 ${point?.tag ?? '（无）'}，本版本为 ${latest.tag}：请先用本版本启动一次服务器（启动时自动升级），或用写入它的版本备份。`,
            `The database stands at migration ${point?.tag ?? '(none)'}, this release at ${latest.tag}: start this release's server on it once (it upgrades at start), or back it up with the release that wrote it.`,
          );
        }
        const header: BackupHeader = {
          kind: 'header',
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          migration: point,
          createdAt: new Date().toISOString(),
          source: database.driver === 'pg' ? 'postgresql' : 'pglite',
          tables: backupTables.map((t) => t.name),
        };
        await writer.line(JSON.stringify(header));
        const counts: Record<string, number> = {};
        for (const table of backupTables) {
          const start: TableStart = { kind: 'table', name: table.name, key: table.key, nextId: await nextIdOf(tx, table.name, table.key) };
          await writer.line(JSON.stringify(start));
          const hash = rowsHash();
          let n = 0;
          for await (const json of tableRows(tx, table.name, table.key)) {
            hash.add(json);
            await writer.row(json);
            n++;
          }
          await writer.line(JSON.stringify({ kind: 'tableEnd', name: table.name, rows: n, sha256: hash.digest() }));
          counts[table.name] = n;
        }
        return counts;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await writer.end(counts);
    return counts;
  } catch (error) {
    writer.abort(error as Error);
    throw error;
  }
}
