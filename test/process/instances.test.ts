import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { gql, login, runScript, startProduct, type Product } from '../helpers/product-process';
import { eventually } from '../helpers/eventually';

// Several instances behind a load balancer, as the README's production layout has them: two server
// processes started as the product starts, each on a port of its own, on one PostgreSQL database and
// one AUTH_SECRET. What one instance does, the other must see: records, sessions and API tokens
// (issued and ended), the per-minute request limit, and background jobs (run once, by either).
//
// Only PostgreSQL serves several processes (an embedded data directory belongs to one), so the
// suite needs TEST_DATABASE_URL. CI sets it, and there a missing one fails the run; elsewhere the
// suite is reported skipped, under a name that says why.

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl && process.env.CI) throw new Error('CI runs the two-instance suite on PostgreSQL: set TEST_DATABASE_URL (.ci/run does)');
if (!adminUrl) console.warn('TEST_DATABASE_URL is not set: skipping the two-instance suite (several instances need PostgreSQL).');
const onPostgres = adminUrl ? describe : describe.skip;

const PASSWORD = 'instances-test-2026';
const dirs: string[] = [];
let databaseName: string | undefined;
let env: Record<string, string>;
/** The test's own connection to the instances' database, to look at what they stored. */
let sql: Client;

const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

async function run<T = any>(base: string, token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await gql(base, query, token, variables);
  if (res.errors) throw new Error(`${query}: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

/** Two instances, the second started once the first has migrated the database (as the compose file does). */
async function startPair(extra: Record<string, string> = {}): Promise<[Product, Product]> {
  const first = await startProduct({ ...env, ...extra });
  const second = await startProduct({ ...env, ...extra });
  return [first, second];
}

async function stopAll(...products: Product[]) {
  for (const p of products) p.child.kill('SIGTERM');
  for (const p of products) expect(await p.exited).toBe(0);
}

onPostgres('two instances on one PostgreSQL database (needs TEST_DATABASE_URL: only PostgreSQL serves several processes)', () => {
  let a: Product;
  let b: Product;
  let admin: string;

  beforeAll(async () => {
    databaseName = `${new URL(adminUrl!).pathname.slice(1)}_t_${randomBytes(6).toString('hex')}`;
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`CREATE DATABASE ${databaseName}`);
    await c.end();
    const url = new URL(adminUrl!);
    url.pathname = `/${databaseName}`;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'instances-'));
    dirs.push(dataDir);
    // One signing key for both, as the production layout asks; a data directory that stays empty.
    env = { DATABASE_URL: url.toString(), AUTH_SECRET: randomBytes(32).toString('hex'), DATA_DIR: dataDir, SEED: 'none' };
    runScript('api/scripts/create-user.ts', ['instances.admin', 'ADMIN'], { ...env, NEW_USER_PASSWORD: PASSWORD });
    sql = new Client({ connectionString: url.toString() });
    await sql.connect();
    [a, b] = await startPair();
    admin = await login(a.base, 'instances.admin', PASSWORD);
  });

  afterAll(async () => {
    if (a && b) await stopAll(a, b);
    await sql?.end();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    if (databaseName) {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      await c.end();
    }
  });

  it('listen on ports of their own and answer healthy on PostgreSQL', async () => {
    expect(a.base).not.toBe(b.base);
    for (const p of [a, b]) expect(await (await fetch(`${p.base}/healthz`)).json()).toEqual({ status: 'ok', database: 'pg' });
  });

  it('a write through one is read through the other, and a stale version written through one is refused through the other', async () => {
    const created = await run(a.base, admin, 'mutation { createOrganization(name: "甲实例街道", kind: STREET) { id version } }');
    const { id, version } = created.createOrganization;
    expect((await run(b.base, admin, `{ Organization(id: "${id}") { name kind } }`)).Organization).toEqual({ name: '甲实例街道', kind: 'STREET' });
    // Changed through the second; the first reads the change and refuses the version it handed out.
    await run(b.base, admin, `mutation { updateOrganization(id: "${id}", version: ${version}, name: "乙实例改名街道") { id } }`);
    expect((await run(a.base, admin, `{ Organization(id: "${id}") { name } }`)).Organization.name).toBe('乙实例改名街道');
    const stale = await gql(a.base, `mutation { updateOrganization(id: "${id}", version: ${version}, name: "过期版本") { id } }`, admin);
    expect(codeOf(stale)).toBe('CONFLICT');
    // The history written through both is one history.
    const trail = await run(b.base, admin, `{ auditTrail(resource: "Organization", id: "${id}") { operation } }`);
    expect(trail.auditTrail.map((e: { operation: string }) => e.operation)).toEqual(['create', 'update']);
  });

  it('a session signed in through one works on the other, and ended on one is refused by both', async () => {
    const me = '{ me { username } }';
    // Signed out through the instance that did not issue it.
    const first = await login(a.base, 'instances.admin', PASSWORD);
    expect((await run(b.base, first, me)).me.username).toBe('instances.admin');
    expect((await run(a.base, first, me)).me.username).toBe('instances.admin');
    await run(b.base, first, 'mutation { logout }');
    expect(codeOf(await gql(b.base, me, first))).toBe('UNAUTHENTICATED');
    await eventually(async () => expect(codeOf(await gql(a.base, me, first))).toBe('UNAUTHENTICATED'));

    // Ended by an administrator through one while both have been serving it.
    const second = await login(b.base, 'instances.admin', PASSWORD);
    expect((await run(a.base, second, me)).me.username).toBe('instances.admin');
    expect((await run(b.base, second, me)).me.username).toBe('instances.admin');
    const sessions = await run(a.base, admin, '{ allUserSessions(filter: { online: true }, perPage: 100) { id } }');
    const { rows } = await sql.query<{ id: number }>('select id from user_sessions where ended_at is null order by id desc limit 1');
    expect(sessions.allUserSessions.map((s: { id: string }) => Number(s.id))).toContain(rows[0].id);
    await run(a.base, admin, `mutation { endUserSession(id: "${rows[0].id}") { endedBy } }`);
    const ended = await gql(a.base, me, second);
    expect(codeOf(ended)).toBe('UNAUTHENTICATED');
    await eventually(async () => {
      const res = await gql(b.base, me, second);
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' } });
    });
    // The administrator's own session, on both, is untouched.
    for (const p of [a, b]) expect((await run(p.base, admin, me)).me.username).toBe('instances.admin');
  });

  it('an API token issued through one works on the other, and revoked through one is refused by both', async () => {
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const issued = await run(a.base, admin, 'mutation($e: DateTimeISO!) { issueApiToken(name: "两实例令牌", scopes: ["Organization"], expiresAt: $e) { secret apiToken { id } } }', { e: expiresAt });
    const { secret, apiToken } = issued.issueApiToken;
    const count = '{ _allOrganizationsMeta { count } }';
    expect(codeOf(await gql(b.base, count, secret))).toBeUndefined();
    expect(codeOf(await gql(a.base, count, secret))).toBeUndefined();
    await run(b.base, admin, `mutation { revokeApiToken(id: "${apiToken.id}") { revokedAt } }`);
    expect(codeOf(await gql(b.base, count, secret))).toBe('UNAUTHENTICATED');
    await eventually(async () => expect(codeOf(await gql(a.base, count, secret))).toBe('UNAUTHENTICATED'));
  });

  it('an import job queued through either runs once, by one of them', async () => {
    const csv = (job: number) => `名称,领域代码\n${[1, 2, 3].map((n) => `双实例领域${job}-${n},DI${job}${n}`).join('\n')}\n`;
    const queue = async (p: Product, job: number) => {
      const res = await fetch(`${p.base}/import/EnforcementDomain?dryRun=false`, {
        method: 'POST',
        body: csv(job),
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${admin}` },
      });
      expect(res.status).toBe(202);
      return ((await res.json()) as { jobId: string }).jobId;
    };
    const ids = await Promise.all([0, 1, 2, 3, 4, 5].map((job) => queue(job % 2 ? a : b, job)));
    for (const id of ids) {
      await eventually(async () => {
        const { importJob } = await run(a.base, admin, `{ importJob(id: "${id}") { status } }`);
        expect(importJob.status).toBe('DONE');
      }, 120_000);
    }
    for (const id of ids) {
      const { importJob } = await run(b.base, admin, `{ importJob(id: "${id}") { status rowsDone created updated unchanged errors { code } } }`);
      // A second run would have found its lines stored: unchanged, not created.
      expect(importJob).toEqual({ status: 'DONE', rowsDone: 3, created: 3, updated: 0, unchanged: 0, errors: [] });
    }
    expect((await run(b.base, admin, '{ _allEnforcementDomainsMeta(filter: { q: "双实例领域" }) { count } }'))._allEnforcementDomainsMeta.count).toBe(18);
    // Each job wrote its records' history once, and the queue handed each out once.
    const audited = await sql.query<{ via: string; n: number }>(`select via, count(*)::int as n from audit_entries where via like 'import:%' group by via order by via`);
    expect(audited.rows).toEqual(ids.map((id) => ({ via: `import:${id}`, n: 3 })).sort((x, y) => x.via.localeCompare(y.via)));
    const handed = await sql.query<{ state: string; retry_count: number }>(`select state, retry_count from pgboss.job where name = 'import'`);
    expect(handed.rows).toHaveLength(6);
    expect(handed.rows.every((r) => r.state === 'completed' && r.retry_count === 0)).toBe(true);
  });

  it('a scheduled purge of the audit trail runs once a day, by one of them, not once per instance', async () => {
    // The trail's first two entries made old enough to go (the purge keeps anything younger than 180
    // days); written here so that there are two even when this test runs alone.
    for (const name of ['清理测试一', '清理测试二']) await run(a.base, admin, `mutation { createOrganization(name: "${name}", kind: OTHER) { id } }`);
    const old = await sql.query<{ id: number }>(`update audit_entries set at = now() - interval '400 days' where id in (select id from audit_entries order by id limit 2) returning id`);
    expect(old.rows).toHaveLength(2);
    const [c, d] = await startPair({ AUDIT_PURGE_AFTER_DAYS: '180' });
    try {
      // Each instance asks for the day's run a minute after it starts; the first asking queues it.
      const asked = (p: Product) => /Daily job audit-purge: today's run (queued|was queued already)/.test(p.output());
      await eventually(async () => expect([asked(c), asked(d)]).toEqual([true, true]), 300_000);
      await eventually(async () => expect([c, d].filter((p) => /Audit purge \(审计记录清理\)/.test(p.output()))).toHaveLength(1), 120_000);
      const outputs = [c, d].map((p) => p.output());
      expect(outputs.filter((o) => /today's run queued\./.test(o))).toHaveLength(1);
      expect(outputs.filter((o) => /today's run was queued already/.test(o))).toHaveLength(1);
      expect(outputs.join('\n').match(/Audit purge \(审计记录清理\): (\d+) entries/g)).toEqual(['Audit purge (审计记录清理): 2 entries']);
      // The two entries are gone, and the purge is in the trail once.
      expect((await sql.query('select id from audit_entries where id = any($1)', [old.rows.map((r) => r.id)])).rows).toEqual([]);
      const purges = await run(a.base, admin, '{ allAuditEntries(filter: { operation: "purge" }) { actorKind changes } }');
      expect(purges.allAuditEntries).toEqual([{ actorKind: 'SYSTEM', changes: expect.objectContaining({ deleted: [null, 2] }) }]);
      const handed = await sql.query<{ state: string }>(`select state from pgboss.job where name = 'audit-purge'`);
      expect(handed.rows).toEqual([{ state: 'completed' }]);
    } finally {
      await stopAll(c, d);
    }
  });

  it('share the request limit: a caller that used its share through one is refused through the other', async () => {
    // A pair of their own with a small limit, beside the first pair, on the same database.
    const [c, d] = await startPair({ RATE_LIMIT_PER_MINUTE: '5' });
    try {
      const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
      const issue = async (name: string) =>
        (await run(a.base, admin, 'mutation($n: String!, $e: DateTimeISO!) { issueApiToken(name: $n, scopes: ["Organization"], expiresAt: $e) { secret apiToken { id } } }', { n: name, e: expiresAt }))
          .issueApiToken;
      const limited = await issue('限流令牌');
      const ask = async (p: Product, token: string) =>
        (await fetch(`${p.base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ _allOrganizationsMeta { count } }' }),
        })).status;
      for (let i = 0; i < 5; i++) expect(await ask(c, limited.secret)).toBe(200);
      expect(await ask(c, limited.secret)).toBe(429);
      // The first instance has added its count to the shared one in the database.
      await eventually(async () => {
        const { rows } = await sql.query<{ points: number }>('select points from rate_limits where key = $1', [`graphql:TOKEN:${limited.apiToken.id}`]);
        expect(rows[0]?.points).toBe(5);
      });
      // The other instance has never served this caller: it refuses it at the first request.
      expect(await ask(d, limited.secret)).toBe(429);
      expect(await ask(d, limited.secret)).toBe(429);
      // Another caller is not refused on either.
      const other = await issue('未限流令牌');
      expect(await ask(d, other.secret)).toBe(200);
      expect(await ask(c, other.secret)).toBe(200);
    } finally {
      await stopAll(c, d);
    }
  });
});
