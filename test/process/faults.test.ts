import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { gql, login, runScript, startProduct } from '../helpers/product-process';

// Faults an operator meets: a stop signal in the middle of writes, a process killed outright, a
// second process on the same data directory. Each on the embedded database, and the signal on
// PostgreSQL too when TEST_DATABASE_URL is set.

const dirs: string[] = [];
const databases: string[] = [];
afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (databases.length) {
    const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});

const PASSWORD = 'fault-test-2026';

/** Where a product keeps its data: a new embedded directory, or a new PostgreSQL database; with one administrator. */
async function newStore(driver: 'pglite' | 'pg'): Promise<Record<string, string>> {
  let env: Record<string, string>;
  if (driver === 'pg') {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `${new URL(adminUrl).pathname.slice(1)}_t_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    databases.push(name);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString(), DATA_DIR: mkdtempSync(path.join(tmpdir(), 'key-')) };
  } else {
    env = { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'data-')) };
  }
  dirs.push(env.DATA_DIR);
  env.SEED = 'none';
  runScript('api/scripts/create-user.ts', ['fault.admin', 'ADMIN'], { ...env, NEW_USER_PASSWORD: PASSWORD });
  return env;
}

interface Burst {
  acknowledged: string[];
  /** Requests that got no answer or an error: not acknowledged. */
  unanswered: number;
  stop(): Promise<void>;
}

/** Writers creating organizations one after another until stopped (or the server goes away). */
function writeBurst(base: string, token: string, writers = 6): Burst {
  const acknowledged: string[] = [];
  let unanswered = 0;
  let running = true;
  const loops = Array.from({ length: writers }, async (_, w) => {
    for (let i = 0; running; i++) {
      const name = `写入${w}-${i}`;
      try {
        const res = await gql(base, 'mutation($n: String!) { createOrganization(name: $n, kind: OTHER) { id } }', token, { n: name });
        if (res.data?.createOrganization?.id) acknowledged.push(name);
        else unanswered++;
      } catch {
        unanswered++;
        // Connection refused: the server has stopped listening; nothing more to send.
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });
  return {
    acknowledged,
    get unanswered() {
      return unanswered;
    },
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** The burst's organizations stored, and whether each has its audit entry (a write is whole or absent). */
async function stored(base: string, token: string) {
  const res = await gql(base, '{ allOrganizations(filter: { q: "写入" }, perPage: 1000) { id name } }', token);
  const rows = res.data.allOrganizations as { id: string; name: string }[];
  const audited: string[] = [];
  for (const row of rows) {
    const trail = await gql(base, `{ auditTrail(resource: "Organization", id: "${row.id}") { operation } }`, token);
    if (trail.data.auditTrail.some((e: { operation: string }) => e.operation === 'create')) audited.push(row.name);
  }
  return { names: rows.map((r) => r.name), audited };
}

const drivers: ('pglite' | 'pg')[] = process.env.TEST_DATABASE_URL ? ['pglite', 'pg'] : ['pglite'];

describe.each(drivers)('on %s', (driver) => {
  it('SIGTERM to `npm start` in the middle of writes: every write answered is kept, every write kept was answered, exit 0', async () => {
    const env = await newStore(driver);
    const first = await startProduct(env, { npm: true });
    const token = await login(first.base, 'fault.admin', PASSWORD);
    const burst = writeBurst(first.base, token);
    await new Promise((r) => setTimeout(r, 1500));
    const signalled = Date.now();
    first.child.kill('SIGTERM'); // to npm, as an operator or a container runtime sends it
    expect(await first.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(30_000);
    expect(first.output()).toMatch(/SIGTERM: stopping…[\s\S]*Stopped\./);
    await burst.stop();
    expect(burst.acknowledged.length).toBeGreaterThan(0);

    const second = await startProduct(env);
    try {
      const after = await stored(second.base, await login(second.base, 'fault.admin', PASSWORD));
      expect(burst.acknowledged.filter((n) => !after.names.includes(n))).toEqual([]); // acknowledged ⊆ stored
      expect(after.names.filter((n) => !burst.acknowledged.includes(n))).toEqual([]); // stored ⊆ acknowledged
      expect(after.audited.sort()).toEqual(after.names.sort());
    } finally {
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    }
  });
});

describe('the embedded data directory', () => {
  it('is held by one process: a second refuses to start, naming the directory and the holder', async () => {
    const env = await newStore('pglite');
    const holder = await startProduct(env);
    try {
      const second = startProduct(env);
      await expect(second).rejects.toThrow(new RegExp(`exited with 1:[\\s\\S]*${env.DATA_DIR.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*process ${holder.child.pid}`));
      // Nor may a command-line script open it meanwhile.
      expect(() => runScript('api/scripts/seed.ts', [], env)).toThrow(/正由进程|in use by process/);
      // The holder is unharmed.
      expect((await fetch(`${holder.base}/healthz`)).status).toBe(200);
    } finally {
      holder.child.kill('SIGTERM');
      expect(await holder.exited).toBe(0);
    }
  });

  it('is taken over from a process killed outright, and a kill -9 mid-write leaves nothing half-written', async () => {
    const env = await newStore('pglite');
    const first = await startProduct(env);
    const token = await login(first.base, 'fault.admin', PASSWORD);
    const burst = writeBurst(first.base, token);
    await new Promise((r) => setTimeout(r, 1500));
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    await burst.stop();

    // The lock names a process that no longer runs: the next start recovers it.
    const second = await startProduct(env);
    try {
      const after = await stored(second.base, await login(second.base, 'fault.admin', PASSWORD));
      // Each organization is there with its audit entry, or not at all; and what was answered stayed.
      expect(after.audited.sort()).toEqual(after.names.sort());
      expect(burst.acknowledged.filter((n) => !after.names.includes(n))).toEqual([]);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });

  it('treats a lock left by a process that is gone, or an unreadable one, as stale', async () => {
    const env = await newStore('pglite');
    for (const content of [JSON.stringify({ pid: 999_999_999, host: hostname() }), '{ half-written']) {
      writeFileSync(path.join(env.DATA_DIR, 'township.lock'), content);
      const product = await startProduct(env);
      product.child.kill('SIGTERM');
      expect(await product.exited).toBe(0);
    }
  });
});
