import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Logger } from 'drizzle-orm/logger';
import { Pool } from 'pg';
import * as schema from '../drizzle/schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle has the same query API as the database; resources take either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Queryable = Db | Tx;

export const MIGRATIONS_FOLDER = path.resolve(__dirname, '../drizzle/migrations');

export interface DatabaseOptions {
  /** `postgres://…` uses the pg driver with a pool; absent means embedded PGlite. */
  url?: string;
  /** PGlite data directory; absent (with no url) means an in-memory database. */
  dataDir?: string;
  /** Called with every SQL statement; tests count statements with it. */
  onQuery?: (sql: string) => void;
}

export interface Database {
  db: Db;
  driver: 'pglite' | 'pg';
  /** The `pg` pool, for libraries that keep state in PostgreSQL (the rate limiter). */
  pool?: Pool;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const logger: Logger | undefined = options.onQuery
    ? { logQuery: (query) => options.onQuery!(query) }
    : undefined;
  if (options.url) {
    const pool = new Pool({ connectionString: options.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    const db = drizzlePg(pool, { schema, casing: 'snake_case', logger });
    return {
      db: db as unknown as Db,
      driver: 'pg',
      pool,
      migrate: () => migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      close: () => pool.end(),
    };
  }
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema, casing: 'snake_case', logger });
  return {
    db: db as unknown as Db,
    driver: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    // PGlite flushes its files on close; the process must wait for this before exiting.
    close: () => client.close(),
  };
}
