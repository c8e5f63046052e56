import { startTestServer, type TestServer } from '../helpers/test-server';
import { call, ok } from '../helpers/operations';
import { errorCode } from '../helpers/expect-errors';

// The database going away and coming back (a restart, a failover, a proxy ending idle connections):
// the API stays up, says UNAVAILABLE while it is gone, recovers by itself, and loses no write it
// acknowledged. PostgreSQL is reached through a TCP proxy the test cuts, so the shared server is
// never restarted under other suites. The embedded database lives in the process and cannot go away.

const onPostgres = process.env.TEST_DRIVER === 'pg';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ viaProxy: onPostgres });
});
afterAll(() => server?.stop());

const base = () => server.url.replace(/\/graphql$/, '');
const health = async () => {
  const res = await fetch(`${base()}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string } };
};

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const got = await probe().catch(() => undefined);
    if (got !== undefined) return got;
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

it('answers the health check while the database is there', async () => {
  expect(await health()).toEqual({ status: 200, body: { status: 'ok', database: server.driver } });
});

// Only PostgreSQL can go away: on the embedded database these cases do not exist.
if (onPostgres) describe('PostgreSQL goes away and comes back', () => {
  it('stays up, answers 503 UNAVAILABLE while it is gone, and recovers by itself', async () => {
    const proxy = server.proxy!;
    // Connections are pooled and idle when the cut comes, as in a restart between requests.
    await ok(server, 'allOrganizations', { perPage: 5 });
    const before = await ok(server, 'createOrganization', { name: '断连前街道', kind: 'STREET' });

    await proxy.cut();
    const gone = await health();
    expect(gone).toEqual({ status: 503, body: { status: 'unavailable', database: 'pg' } });
    const read = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
      body: JSON.stringify({ query: '{ allOrganizations(perPage: 1) { id } }' }),
    });
    expect(read.status).toBe(503);
    expect(Number(read.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await read.json()) as { errors: { message: string; extensions: Record<string, any> }[] };
    expect(body.errors[0].extensions).toMatchObject({ code: 'UNAVAILABLE', messages: { zh: expect.stringMatching(/数据库暂时无法访问/), en: expect.stringMatching(/temporarily unavailable/) } });
    expect(errorCode(await call(server, 'createOrganization', { name: '断连中街道', kind: 'STREET' }))).toBe('UNAVAILABLE');

    await proxy.restore();
    await until('healthy again', async () => ((await health()).status === 200 ? true : undefined));
    const found = await ok<any[]>(server, 'allOrganizations', { filter: { q: '断连' } }, 'id name');
    // The write acknowledged before the cut is there; the one refused during it is not.
    expect(found.map((o) => o.name)).toEqual(['断连前街道']);
    expect(found[0].id).toBe(before.id);
  });

  it('keeps every acknowledged write through cuts under load', async () => {
    const proxy = server.proxy!;
    const acknowledged: string[] = [];
    const refused: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const name = `负载${w}-${i}`;
        const res = await call(server, 'createOrganization', { name, kind: 'OTHER' }).catch(() => undefined);
        if (res?.data?.createOrganization) acknowledged.push(name);
        else refused.push(name);
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    for (let round = 0; round < 3; round++) {
      await new Promise((r) => setTimeout(r, 300));
      await proxy.cut();
      await new Promise((r) => setTimeout(r, 300));
      await proxy.restore();
    }
    await until('writing again', async () => (errorCode(await call(server, 'createOrganization', { name: '负载恢复', kind: 'OTHER' })) ? undefined : true));
    stop = true;
    await Promise.all(writers);
    const stored = new Set((await ok<any[]>(server, 'allOrganizations', { filter: { q: '负载' }, perPage: 1000 }, 'name')).map((o) => o.name));
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0); // the cuts did land on requests
    expect(acknowledged.filter((n) => !stored.has(n))).toEqual([]);
  });
});
