import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { MIGRATIONS_FOLDER, type Database, type Queryable } from '../db';

// Where a database stands in the migration history. drizzle records each applied migration in
// drizzle.__drizzle_migrations with the hash of its SQL file and the journal's `when`; a backup
// names the point its rows were written at, and a restore rebuilds the schema up to that point.

export interface MigrationPoint {
  /** The journal's tag: `0005_session_validity`. */
  tag: string;
  /** sha256 of the migration's SQL file, as drizzle records it. */
  hash: string;
  /** The journal's `when`, drizzle's `created_at`. */
  when: number;
}

interface JournalEntry {
  idx: number;
  tag: string;
  when: number;
}

/** The migrations this release ships, oldest first. */
export function releaseMigrations(folder = MIGRATIONS_FOLDER): MigrationPoint[] {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  const files = readMigrationFiles({ migrationsFolder: folder });
  return journal.entries.map((entry, i) => ({ tag: entry.tag, when: entry.when, hash: files[i].hash }));
}

/** The last migration applied to the database, or null when none was (an empty database). */
export async function appliedPoint(db: Queryable): Promise<{ hash: string; when: number } | null> {
  const exists = (await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`)) as unknown as {
    rows: { present: boolean }[];
  };
  if (!exists.rows[0].present) return null;
  const last = (await db.execute(sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`)) as unknown as {
    rows: { hash: string; created_at: string | number }[];
  };
  const row = last.rows[0];
  return row ? { hash: row.hash, when: Number(row.created_at) } : null;
}

/** The release's migration a database stands at; throws when it is not one of this release's. */
export async function currentPoint(db: Queryable): Promise<MigrationPoint | null> {
  const applied = await appliedPoint(db);
  if (!applied) return null;
  const point = releaseMigrations().find((m) => m.when === applied.when);
  if (!point) {
    throw new Error(
      `数据库的迁移点（${applied.when}）不是本版本的迁移之一，它由更新的版本写入。\n` +
        `The database stands at a migration (${applied.when}) this release does not have: a newer release wrote it.`,
    );
  }
  return point;
}

/**
 * Applies this release's migrations up to and including `tag` (all of them when absent), through
 * drizzle's own migrator on a copy of the journal that ends there.
 */
export async function migrateTo(database: Database, tag: string): Promise<void> {
  const all = releaseMigrations();
  const end = all.findIndex((m) => m.tag === tag);
  if (end < 0) throw new Error(`本版本没有迁移 ${tag} / This release has no migration ${tag}`);
  const folder = mkdtempSync(path.join(tmpdir(), 'township-migrations-'));
  try {
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'));
    journal.entries = journal.entries.slice(0, end + 1);
    mkdirSync(path.join(folder, 'meta'));
    writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify(journal));
    for (const m of all.slice(0, end + 1)) copyFileSync(path.join(MIGRATIONS_FOLDER, `${m.tag}.sql`), path.join(folder, `${m.tag}.sql`));
    const config = { migrationsFolder: folder };
    // The driver decides which migrator runs; both record the same table.
    if (database.driver === 'pg') await migratePg(database.db as never, config);
    else await migratePglite(database.db as never, config);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
