import { Client } from 'pg';
import { onCleanup } from './cleanup';

export interface BenchDatabase {
  name: string;
  url: string;
  /** Drops it now (also registered as a cleanup step). */
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(adminUrl: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own, named after this process so parallel runs (and other engineers' test
 * databases on the same server) are never touched; dropped on every way out.
 */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `bench_reads_${process.pid}_${Date.now().toString(36)}`;
  await admin(adminUrl, (c) => c.query(`create database "${name}"`));
  const drop = onCleanup(`drop database ${name}`, () =>
    // FORCE ends the servers' leftover connections (PostgreSQL 13+).
    admin(adminUrl, (c) => c.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  );
  return { name, url: withDatabase(adminUrl, name), drop };
}

/** Facts about the PostgreSQL server for the results, and whether pg_stat_statements is usable. */
export async function describeServer(url: string) {
  return admin(url, async (c) => {
    const version = (await c.query('show server_version')).rows[0].server_version as string;
    const preload = (await c.query('show shared_preload_libraries')).rows[0].shared_preload_libraries as string;
    const settings = Object.fromEntries(
      (
        await c.query(
          `select name, setting from pg_settings where name in ('shared_buffers','work_mem','jit','max_connections','effective_cache_size','random_page_cost')`,
        )
      ).rows.map((r) => [r.name, r.setting]),
    );
    return { version, sharedPreloadLibraries: preload, pgStatStatements: /\bpg_stat_statements\b/.test(preload), settings };
  });
}
