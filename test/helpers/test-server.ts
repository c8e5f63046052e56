import { randomBytes } from 'node:crypto';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { Client } from 'pg';
import * as schema from '../../drizzle/schema';
import { openDatabase, type Database } from '../../api/db';
import { startServer } from '../../api/server';
import type { Limits } from '../../api/limits';
import type { JobOptions } from '../../api/jobs/queue';
import { seedDemo } from '../../api/seed/seed';
import { getApp } from '../../api/app';
import { userResource } from '../../api/resources/user/user.resource';
import { startSession } from '../../api/auth/session';
import { runAs, SYSTEM } from '../../api/auth/actor';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

export interface GqlResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: string[] }[];
}

export interface TestServer {
  url: string;
  driver: 'pglite' | 'pg';
  database: Database;
  /** Every SQL statement the server ran, in order; tests clear it and count. */
  queries: string[];
  /** Sends a query as the test's administrator (or as whoever `as` chose). */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  /** The same server seen by another caller: a user's token, or null for an anonymous request. */
  as(token: string | null): TestServer;
  /** A signed-in user with this role (and organization), created on first use. */
  tokenFor(role: string, organizationId?: string | null): Promise<string>;
  /** The administrator's token the default `gql` sends. */
  adminToken: string;
  /** On PostgreSQL with `viaProxy`: the proxy between the server and the database, to cut and restore. */
  proxy?: TcpProxy;
  stop(): Promise<void>;
}

/** POSTs a GraphQL request to an endpoint, signed in with the token when there is one. */
function poster(endpoint: string, token: string | null) {
  return async (query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResponse<any>;
  };
}

/** The real server on port 0 over a fresh database: PGlite in memory, or a new PostgreSQL database. */
export async function startTestServer(
  options: {
    seed?: boolean;
    limits?: Partial<Limits>;
    /** Another instance over the same database (as behind a load balancer); it leaves the database to its owner. */
    sharing?: TestServer;
    /** PostgreSQL only: reach the database through a TCP proxy the test can cut (`server.proxy`). */
    viaProxy?: boolean;
    /** Background jobs: `{ work: false }` for an instance that only queues them. */
    jobs?: JobOptions;
  } = {},
): Promise<TestServer> {
  // The suites that walk every record × role × operation send more than the production default of
  // requests a minute from one caller; the suites about the limit set theirs (hostile, public page).
  const limits = { perMinute: 100_000, ...options.limits };
  if (options.sharing) {
    const shared = options.sharing;
    const server = await startServer({ database: shared.database, port: 0, host: '127.0.0.1', limits, jobs: options.jobs });
    const endpoint = `http://127.0.0.1:${server.port}/graphql`;
    // Every caller of this instance (`as`) talks to it, not to the instance it shares with.
    const make = (token: string | null): TestServer => ({ ...shared, url: endpoint, as: make, gql: poster(endpoint, token), stop: () => server.stop() });
    return make(shared.adminToken);
  }
  const driver = process.env.TEST_DRIVER === 'pg' ? 'pg' : 'pglite';
  const queries: string[] = [];
  let url: string | undefined;
  let dropDatabase = async () => {};
  if (driver === 'pg') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
    // Named after the database of TEST_DATABASE_URL, so a run drops only its own databases and two
    // runs on one server (CI and a developer's) never drop each other's.
    const name = `${new URL(adminUrl).pathname.slice(1)}_t_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    dropDatabase = async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  let proxy: TcpProxy | undefined;
  if (url && options.viaProxy) {
    const u = new URL(url);
    proxy = await startTcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
    u.host = `127.0.0.1:${proxy.port}`;
    url = u.toString();
  }
  const database = await openDatabase({ url, onQuery: (sql) => queries.push(sql) });
  await database.migrate();
  if (options.seed) await seedDemo(database.db);
  const server = await startServer({ database, port: 0, host: '127.0.0.1', limits, jobs: options.jobs });
  const endpoint = `http://127.0.0.1:${server.port}/graphql`;
  const users = new Map<string, string>();
  const tokenFor = async (role: string, organizationId: string | null = null) => {
    const key = `${role}@${organizationId}`;
    if (!users.has(key)) {
      const username = `t-${role.toLowerCase()}-${organizationId ?? 'county'}-${users.size}`.replace(/_/g, '-');
      const user = await runAs(SYSTEM, () =>
        database.db.transaction((tx) =>
          getApp().records.of(userResource).create(tx, { username, role, organizationId: organizationId === null ? null : Number(organizationId) }),
        ),
      );
      users.set(key, (await startSession(database.db, user.id)).token);
    }
    return users.get(key)!;
  };
  const adminToken = await tokenFor('ADMIN');
  const make = (token: string | null): TestServer => ({
    url: endpoint,
    driver,
    database,
    queries,
    adminToken,
    tokenFor,
    as: make,
    gql: poster(endpoint, token),
    proxy,
    async stop() {
      await server.stop();
      await database.close();
      await proxy?.close();
      await dropDatabase();
    },
  });
  return make(adminToken);
}

/** Every table of the drizzle schema: a new table is fingerprinted without anyone listing it. */
const TABLES = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable)).map((table) => getTableName(table));

/**
 * A fingerprint of every row of every table (count and a hash of the contents), to show that a
 * refused write changed nothing at all.
 */
export async function dbFingerprint(server: TestServer): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const result = (await server.database.db.execute(
      // A session's last request is bookkeeping of use, written by any request about once a minute,
      // not a write the request asked for: left out, so a refusal can be shown to write nothing.
      `select count(*)::int as n, coalesce(md5(string_agg((to_jsonb(x) - 'last_seen_at')::text, '|' order by x.id)), '') as h from ${t} x`,
    )) as unknown as { rows: { n: number; h: string }[] };
    out[t] = `${result.rows[0].n}:${result.rows[0].h}`;
  }
  return out;
}

/**
 * How long a browser step may take before it counts as failed. A step is a click and the requests
 * it starts; on a 2-core CI machine running the other suites at the same time, a save and the page
 * it opens has been seen to take over 30 s, so the limit is set from that, not from a quiet run.
 */
export const STEP_TIMEOUT_MS = 90_000;
