import { dbFingerprint, fieldErrors, onlyError, startTestServer, type TestServer } from '../helpers/test-server';
import { call, ok } from '../helpers/operations';
import { makeWorld, type World } from '../helpers/fixtures';

// Protective limits and hostile input (issue #5): each refusal has its own code and leaves the data
// as it was. A second server with small limits shares the first one's database.
let server: TestServer;
let tight: TestServer;
let world: World;

const LIMITS = { depth: 4, cost: 100, aliases: 3, bodyBytes: 4_000, perMinute: 1000 };

beforeAll(async () => {
  server = await startTestServer();
  world = await makeWorld(server);
  tight = await startTestServer({ sharing: server, limits: LIMITS });
});
afterAll(async () => {
  await tight?.stop();
  await server?.stop();
});

async function unchanged<T>(fn: () => Promise<T>): Promise<T> {
  const before = await dbFingerprint(server);
  const out = await fn();
  expect(await dbFingerprint(server)).toEqual(before);
  return out;
}

const raw = (s: TestServer, body: string, headers: Record<string, string> = {}) =>
  fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${s.adminToken}`, ...headers }, body });

describe('limits', () => {
  it('refuses a query nested too deep', async () => {
    const res = await unchanged(() => tight.gql('{ allOrganizations { parent { parent { parent { parent { id } } } } } }'));
    expect(onlyError(res).extensions).toMatchObject({ code: 'DEPTH_LIMIT', messages: { zh: '查询嵌套不能超过 4 层', en: 'A query may nest at most 4 levels' } });
    expect((await tight.gql('{ allOrganizations { parent { parent { id } } } }')).errors).toBeUndefined();
  });

  it('refuses a query with too many aliases, and one too costly', async () => {
    const wide = '{ a: _allOrganizationsMeta { count } b: _allOrganizationsMeta { count } c: _allOrganizationsMeta { count } d: _allOrganizationsMeta { count } }';
    expect(onlyError(await tight.gql(wide)).extensions?.code).toBe('ALIAS_LIMIT');
    const fields = 'id name kind region code createdAt updatedAt version';
    const costly = `{ allDelegations { ${fields.replace('name kind region code', 'mode scope')} recipient { ${fields} parent { ${fields} } } delegatingOrganization { ${fields} parent { ${fields} } } catalog { id title issuingOrganization { ${fields} } } } }`;
    expect(onlyError(await tight.gql(costly)).extensions?.code).toBe('COST_LIMIT');
  });

  it('caps perPage', async () => {
    expect(fieldErrors(await call(server, 'allOrganizations', { perPage: 1001 }))).toEqual({ perPage: 'range' });
  });

  it('refuses a body too large and a body that is not JSON, with their own codes', async () => {
    const big = await unchanged(() => raw(tight, JSON.stringify({ query: `mutation { createOrganization(name: "${'大'.repeat(3000)}", kind: OTHER) { id } }` })));
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const broken = await raw(server, '{"query": "{ allOrganizations { id } }"');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    // An encoding the server does not take: a JSON answer, not a page with a stack trace.
    const encoded = await raw(server, '{}', { 'content-encoding': 'compress' });
    expect(encoded.status).toBe(415);
    const text = await encoded.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(text).not.toMatch(/node_modules|at .*\(/);
  });
});

describe('rate limit', () => {
  it('refuses a caller past its share per minute, and not the next caller', async () => {
    const limited = await startTestServer({ sharing: server, limits: { perMinute: 5 } });
    try {
      const viewer = await server.tokenFor('VIEWER');
      const ask = (token: string) => raw({ ...limited, adminToken: token }, JSON.stringify({ query: '{ _allOrganizationsMeta { count } }' }));
      for (let i = 0; i < 5; i++) expect((await ask(viewer)).status).toBe(200);
      const refused = await ask(viewer);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as any).errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect((await ask(await server.tokenFor('SUPERVISOR'))).status).toBe(200);
      // Tokens that do not verify count against the address they come from.
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await ask('forged.token.value')).status);
      expect(statuses).toContain(401);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await limited.stop();
    }
  });

  // The embedded database serves one instance; on PostgreSQL the counters are shared.
  if (process.env.TEST_DRIVER === 'pg') it('holds across two instances on one PostgreSQL database', async () => {
    const first = await startTestServer({ sharing: server, limits: { perMinute: 4 } });
    const second = await startTestServer({ sharing: server, limits: { perMinute: 4 } });
    try {
      const token = await server.tokenFor('CATALOG_EDITOR');
      const ask = (s: TestServer) => raw({ ...s, adminToken: token }, JSON.stringify({ query: '{ _allOrganizationsMeta { count } }' }));
      expect((await ask(first)).status).toBe(200);
      expect((await ask(second)).status).toBe(200);
      expect((await ask(first)).status).toBe(200);
      expect((await ask(second)).status).toBe(200);
      expect((await ask(first)).status).toBe(429);
      expect((await ask(second)).status).toBe(429);
    } finally {
      await first.stop();
      await second.stop();
    }
  });
});

describe('hostile input', () => {
  const INJECTIONS = ["'; drop table organizations; --", "x' or '1'='1", '%', '_', '\\', '" OR ""="', '1; select pg_sleep(5)'];

  it.each(INJECTIONS)('treats %s as text in q and in field filters', async (text) => {
    const rows = await unchanged(() => ok<any[]>(server, 'allOrganizations', { filter: { q: text } }));
    expect(rows).toEqual([]);
    expect(await ok<any[]>(server, 'allOrganizations', { filter: { name: text } })).toEqual([]);
    expect(await ok<any[]>(server, 'allOrganizations', { filter: { code_neq: text, ids: [world.street] } })).toEqual([{ id: world.street }]);
  });

  it('refuses sortField and sortOrder that are not a field and a direction', async () => {
    for (const [sortField, sortOrder, field] of [
      ['name; drop table organizations', 'ASC', 'sortField'],
      ['id desc, (case when 1=1 then name end)', 'ASC', 'sortField'],
      ['name', 'ASC; delete from organizations', 'sortOrder'],
    ]) {
      expect(fieldErrors(await unchanged(() => call(server, 'allOrganizations', { sortField, sortOrder })))).toEqual({ [field]: field === 'sortField' ? 'unknown' : 'enum' });
    }
  });

  it('refuses ids that are not ids, overlong and malformed values, and wrong types', async () => {
    expect(fieldErrors(await unchanged(() => call(server, 'allOrganizations', { filter: { ids: ['1 or 1=1'] } })))).toEqual({ 'filter.ids': 'id' });
    expect(fieldErrors(await unchanged(() => call(server, 'allOrganizations', { filter: { parentId: '1; drop' } })))).toEqual({ 'filter.parentId': 'id' });
    expect(onlyError(await unchanged(() => call(server, 'updateOrganization', { id: "1' or '1'='1", name: 'x' }))).extensions?.code).toBe('NOT_FOUND');
    expect(fieldErrors(await unchanged(() => call(server, 'createOrganization', { name: '长'.repeat(10_000), kind: 'OTHER' })))).toEqual({ name: 'maxLength' });
    expect(fieldErrors(await unchanged(() => call(server, 'createDelegationCatalog', { title: '坏日期', issuingOrganizationId: world.government, effectiveFrom: '2021-02-30' })))).toEqual({ effectiveFrom: 'type' });
    const wrongType = await unchanged(() => server.gql('query($p: Int) { allOrganizations(perPage: $p) { id } }', { p: 'ten' }));
    expect(onlyError(wrongType).extensions?.code).toBe('BAD_USER_INPUT');
    const wrongEnum = await unchanged(() => server.gql('mutation { createOrganization(name: "x", kind: "STREET") { id } }'));
    expect(onlyError(wrongEnum).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const huge = await unchanged(() => call(server, 'allOrganizations', { page: 2 ** 31 }));
    expect(huge.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
