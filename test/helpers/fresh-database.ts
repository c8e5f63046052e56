import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../api/db';
import { backupTables } from '../../api/ops/schema-tables';
import { nextIdOf } from '../../api/ops/backup';

// An empty database of the test's driver, as a separate process sees it: a data directory for the
// embedded database, a new PostgreSQL database (named after TEST_DATABASE_URL's, so CI drops it).

export interface FreshDatabase {
  driver: 'pglite' | 'pg';
  /** The environment that points the product's commands at it. */
  env: Record<string, string>;
  /** Opens it in this process (on the embedded database, only while no product process holds it). */
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export async function freshDatabase(): Promise<FreshDatabase> {
  if (process.env.TEST_DRIVER !== 'pg') {
    const dir = mkdtempSync(path.join(tmpdir(), 'db-'));
    return {
      driver: 'pglite',
      env: { DATA_DIR: dir },
      open: () => openDatabase({ dataDir: dir }),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `${new URL(adminUrl).pathname.slice(1)}_t_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    driver: 'pg',
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ url: url.toString() }),
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * Every table of the schema as text: its row count, an md5 of its rows in key order (PostgreSQL's
 * JSON of each row, times in UTC) and what its identity hands out next.
 */
export async function tableFingerprints(database: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    for (const { name, key } of backupTables) {
      const result = (await tx.execute(
        sql`select count(*)::int as n, coalesce(md5(string_agg(to_jsonb(x)::text, '|' order by x.${sql.identifier(key)})), '') as h from ${sql.identifier(name)} x`,
      )) as unknown as { rows: { n: number; h: string }[] };
      out[name] = `${result.rows[0].n} rows, ${result.rows[0].h}, next id ${await nextIdOf(tx, name, key)}`;
    }
  });
  return out;
}
