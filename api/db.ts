import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Logger } from 'drizzle-orm/logger';
import { Client, Pool, type PoolClient } from 'pg';
import * as schema from '../drizzle/schema';
import { lockDataDir } from './data-dir-lock';

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
  /**
   * Hears NOTIFY on `channel` from every connection. `up` is called once listening (again, after
   * a lost connection), `down` when notifications may be missed.
   */
  listen?(channel: string, handlers: { notified(): void; up(): void; down(): void }): { close(): Promise<void> };
}

/** How long to wait before listening again after the connection was lost. */
const RELISTEN_MS = Number(process.env.DATABASE_RELISTEN_MS ?? 1000);

/** A dedicated connection listening on one channel, opened again whenever it is lost. */
function listener(url: string, channel: string, handlers: { notified(): void; up(): void; down(): void }) {
  let closed = false;
  let client: Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const lost = () => {
    if (!client) return;
    client.removeAllListeners();
    client.on('error', () => {});
    void client.end().catch(() => {});
    client = undefined;
    handlers.down();
    if (!closed) retry = setTimeout(open, RELISTEN_MS);
  };
  const open = async () => {
    if (closed) return;
    const c = new Client({ connectionString: url, keepAlive: true });
    client = c;
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', () => handlers.notified());
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      if (client === c) handlers.up();
    } catch {
      if (client === c) lost();
    }
  };
  void open();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = undefined;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => {});
        await c.end().catch(() => {});
      }
    },
  };
}

/**
 * A pool that gets back a connection which died while checked out. drizzle's transaction releases
 * its connection only once BEGIN has succeeded: when the database goes away at that moment the
 * connection would stay checked out for ever, the pool would shrink by one each time, and closing
 * it would wait for good. Here a checked-out connection that fails is released (and discarded) at
 * once, and the caller's own release later does nothing.
 */
class ResilientPool extends Pool {
  connect(): Promise<PoolClient>;
  connect(callback: (err: Error | undefined, client: PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  connect(callback?: (err: Error | undefined, client: PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<PoolClient> | void {
    // The callback form is pool.query's own, which releases on errors itself.
    if (callback) return super.connect(callback);
    return super.connect().then((client) => {
      const release = client.release.bind(client);
      let released = false;
      const once = (err?: Error | boolean) => {
        if (released) return;
        released = true;
        client.removeListener('error', once);
        release(err);
      };
      client.on('error', once);
      client.release = once;
      return client;
    });
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const logger: Logger | undefined = options.onQuery
    ? { logQuery: (query) => options.onQuery!(query) }
    : undefined;
  if (options.url) {
    const pool = new ResilientPool({
      connectionString: options.url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // While the database is away a request waits this long for a connection, then is answered
      // UNAVAILABLE, instead of queueing until the client gives up.
      connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 5000),
      keepAlive: true,
      // A connection is renewed after so many statements: each keeps the prepared statements of the
      // compiled reads it ran (crud/compiled-statements.ts) until it closes, and names a busy
      // server stops using (another day's texts, other readers') must not stay with it for ever.
      maxUses: Number(process.env.DATABASE_CONNECTION_MAX_USES ?? 5000),
    });
    // PostgreSQL ends idle pooled connections when it restarts or fails over (and proxies end them
    // on idle timeouts). The pool drops such a connection and opens a new one when next needed;
    // without a listener, Node would treat the event as fatal and the API would die with it.
    pool.on('error', (error) => console.warn(`[database] an idle connection ended: ${error.message}`));
    // The same for a connection in use between two statements of a transaction: the next statement
    // fails (the request is answered UNAVAILABLE) and the pool discards the connection on release.
    pool.on('connect', (client) => client.on('error', (error) => console.warn(`[database] a connection in use ended: ${error.message}`)));
    const db = drizzlePg(pool, { schema, casing: 'snake_case', logger });
    return {
      db: db as unknown as Db,
      driver: 'pg',
      pool,
      migrate: () => migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      close: () => pool.end(),
      listen: (channel, handlers) => listener(options.url!, channel, handlers),
    };
  }
  // One process per data directory: a second one would keep its own copy and lose writes.
  const release = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  let client: PGlite;
  try {
    // pg_trgm serves `q` searches by trigram indexes (the migrations create it, as on PostgreSQL).
    const extensions = { pg_trgm };
    client = options.dataDir ? new PGlite(options.dataDir, { extensions }) : new PGlite({ extensions });
    await client.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite(client, { schema, casing: 'snake_case', logger });
  return {
    db: db as unknown as Db,
    driver: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    listen: (channel, handlers) => {
      const unlisten = client.listen(channel, () => handlers.notified()).then((stop) => {
        handlers.up();
        return stop;
      });
      return { close: async () => void (await (await unlisten)().catch(() => {})) };
    },
    // PGlite flushes its files on close; the process must wait for this before exiting, and only
    // then gives the directory up.
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}
