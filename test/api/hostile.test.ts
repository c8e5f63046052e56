import { startTestServer, type TestServer } from '../helpers/test-server';
import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { onlyError, refusal, fieldErrors, nothingWritten } from '../helpers/expect-errors';
import { getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLInputType, type GraphQLObjectType } from 'graphql';
import { describeFailure } from '../../api/log';
import pluralize from 'pluralize';
import { getApp } from '../../api/app';
import { resourceDefinitions } from '../../api/resources';
import { relationsOf } from '../../api/crud/relations';

// Protective limits and hostile input: each refusal has its own code and leaves the data
// as it was. A second server with small limits shares the first one's database.
const { server, world } = withWorld();
let tight: TestServer;

const LIMITS = { depth: 4, cost: 2_000, aliases: 3, bodyBytes: 4_000, perMinute: 1000 };

beforeAll(async () => {
  tight = await startTestServer({ sharing: server, limits: LIMITS });
});
afterAll(() => tight?.stop());

const raw = (s: TestServer, body: string, headers: Record<string, string> = {}) =>
  fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${s.adminToken}`, ...headers }, body });

describe('limits', () => {
  it('refuses a query nested too deep', async () => {
    const res = await nothingWritten(server, () => tight.gql('{ allOrganizations { parent { parent { parent { parent { id } } } } } }'));
    expect(onlyError(res).extensions).toMatchObject({ code: 'DEPTH_LIMIT', messages: { zh: '查询嵌套不能超过 4 层', en: 'A query may nest at most 4 levels' } });
    expect((await tight.gql('{ allOrganizations { parent { parent { id } } } }')).errors).toBeUndefined();
  });

  it('refuses a query with too many aliases', async () => {
    const wide = '{ a: _allOrganizationsMeta { count } b: _allOrganizationsMeta { count } c: _allOrganizationsMeta { count } d: _allOrganizationsMeta { count } }';
    refusal(await tight.gql(wide), 'ALIAS_LIMIT');
  });

  it('counts a list by the page it asks for, the default page included', async () => {
    // Each field 1, a list its selection once per row: 10 × (1 + id + name) = 30.
    expect((await tight.gql('{ allOrganizations(perPage: 10) { id name } }')).errors).toBeUndefined();
    const big = onlyError(await nothingWritten(server, () => tight.gql('{ allOrganizations(perPage: 1000) { id name } }')));
    expect(big.extensions).toMatchObject({ code: 'COST_LIMIT', cost: 3000, maxCost: 2000 });
    expect(big.extensions?.messages.zh).toMatch(/每页条数/);
    // No perPage: the default page of 100 rows. Per row: itself 1, three scalars, four references
    // of 1 + 3 fields each, one of them with a nested reference of 1 + 3: 1 + 3 + 4 × 4 + 4 = 24.
    const nested = '{ allDelegations { id mode scope recipient { id name kind } powerItem { id name code domain { id name code } } catalog { id title status } delegatingOrganization { id name kind } } }';
    expect(onlyError(await tight.gql(nested)).extensions).toMatchObject({ code: 'COST_LIMIT', cost: 100 * 24 });
    // The variables' page counts too.
    const viaVariable = await tight.gql('query($n: Int) { allOrganizations(perPage: $n) { id name } }', { n: 700 });
    expect(onlyError(viaVariable).extensions).toMatchObject({ code: 'COST_LIMIT', cost: 2100 });
  });

  it('counts each request of a document again when a variable the cost depends on changes', async () => {
    // Costs are kept per document and per value of the variables they depend on: a cheap request
    // first must not let the same document through with a costly page, a list of ids or a directive.
    const page = 'query($n: Int, $id: ID) { allOrganizations(perPage: $n, filter: { id: $id }) { id name } }';
    expect((await tight.gql(page, { n: 5, id: world.township })).errors).toBeUndefined();
    expect((await tight.gql(page, { n: 5, id: world.street })).errors).toBeUndefined();
    expect(onlyError(await tight.gql(page, { n: 900, id: world.township })).extensions).toMatchObject({ code: 'COST_LIMIT', cost: 2700 });
    const ids = 'query($ids: [ID!]) { allOrganizations(filter: { ids: $ids }) { id name kind } }';
    expect((await tight.gql(ids, { ids: [world.township] })).errors).toBeUndefined();
    const many = Array.from({ length: 600 }, (_, i) => String(i + 1));
    expect(onlyError(await tight.gql(ids, { ids: many })).extensions).toMatchObject({ code: 'COST_LIMIT', cost: 2400 });
    // An explicit null is the default page; an absent variable takes the document's default.
    const defaulted = 'query($n: Int = 1000) { allOrganizations(perPage: $n) { id name } }';
    expect((await tight.gql(defaulted, { n: null })).errors).toBeUndefined();
    expect(onlyError(await tight.gql(defaulted, {})).extensions).toMatchObject({ code: 'COST_LIMIT', cost: 3000 });
    const skipped = 'query($big: Boolean!) { a: _allOrganizationsMeta { count } allOrganizations(perPage: 1000) @include(if: $big) { id name } }';
    expect((await tight.gql(skipped, { big: false })).errors).toBeUndefined();
    expect(onlyError(await tight.gql(skipped, { big: true })).extensions).toMatchObject({ code: 'COST_LIMIT' });
  });

  it('counts the operation that runs whatever operationName says: an empty or unknown name answers no data', async () => {
    const costly = '{ a: allOrganizations(perPage: 1000) { id name } }';
    const named = 'query Costly { a: allOrganizations(perPage: 1000) { id name } } query Cheap { _allOrganizationsMeta { count } }';
    for (const body of [
      { query: costly, operationName: '' },
      { query: costly, operationName: 'Other' },
      { query: named, operationName: '' },
      { query: named, operationName: 'Nothing' },
    ]) {
      const res = (await (await raw(tight, JSON.stringify(body))).json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      expect({ body, data: res.data ?? null, refused: Boolean(res.errors?.length) }).toEqual({ body, data: null, refused: true });
    }
    const counted = (await (await raw(tight, JSON.stringify({ query: named, operationName: 'Costly' }))).json()) as { errors?: { extensions?: { code?: string; cost?: number } }[] };
    expect(counted.errors?.[0].extensions).toMatchObject({ code: 'COST_LIMIT', cost: 3000 });
  });

  it('refuses thirty pages of a thousand rows with references under the default limits', async () => {
    const aliases = Array.from({ length: 29 }, (_, i) => `p${i}: allPostings(perPage: 1000) { id post staffMember { id name } organization { id name } }`);
    const res = await nothingWritten(server, () => server.gql(`{ ${aliases.join(' ')} }`));
    expect(onlyError(res).extensions).toMatchObject({ code: 'COST_LIMIT', cost: 29 * 1000 * 9, maxCost: 100_000 });
  });

  it('lets the admin export a thousand rows of any record under the default limits', async () => {
    // What react-admin's export asks: every field, references by id, and the count. The records
    // pointing at each row (reverse relations) are the record page's, a page each, not the export's.
    const { schema } = getApp();
    for (const d of resourceDefinitions) {
      const type = schema.getType(d.name) as GraphQLObjectType;
      const relations = new Set(relationsOf(getApp().records.model(d)).flatMap((r) => [r.name, r.metaName]));
      // A reference by its id; an embedded object (a rate and its points, a history entry's field
      // changes with their labels in both languages) with its own fields, to any depth.
      const embedded = (t: GraphQLObjectType): string =>
        Object.values(t.getFields())
          .map((f) => {
            const inner = getNamedType(f.type);
            return isObjectType(inner) ? `${f.name} { ${'id' in inner.getFields() ? 'id' : embedded(inner)} }` : f.name;
          })
          .join(' ');
      // A list of objects of unknown length worked out per row (a history entry's field changes,
      // beside the raw `changes` the export takes) is the record page's, as the relations are.
      const unbounded = (f: GraphQLField<unknown, unknown>) =>
        isListType(getNullableType(f.type)) && isObjectType(getNamedType(f.type)) && !f.extensions?.rows;
      const fields = Object.values(type.getFields()).filter((f) => !relations.has(f.name) && !unbounded(f)).map((f) => {
        const target = getNamedType(f.type);
        if (!isObjectType(target)) return f.name;
        return `${f.name} { ${'id' in target.getFields() ? 'id' : embedded(target)} }`;
      });
      const plural = pluralize(d.name);
      const res = await server.gql(`{ items: all${plural}(perPage: 1000) { ${fields.join(' ')} } total: _all${plural}Meta { count } }`);
      expect([d.name, res.errors]).toEqual([d.name, undefined]);
    }
  });

  it('caps perPage', async () => {
    expect(fieldErrors(await call(server, 'allOrganizations', { perPage: 1001 }))).toEqual({ perPage: 'range' });
  });

  it('refuses a body too large and a body that is not JSON, with their own codes', async () => {
    const big = await nothingWritten(server, () => raw(tight, JSON.stringify({ query: `mutation { createOrganization(name: "${'大'.repeat(3000)}", kind: OTHER) { id } }` })));
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

  // The embedded database serves one instance; on PostgreSQL the counters are shared. Each instance
  // counts in memory and adds its counts to the shared ones every `shareEveryMs`.
  if (process.env.TEST_DRIVER === 'pg') it('holds across two instances on one PostgreSQL database', async () => {
    const limits = { perMinute: 4, shareEveryMs: 100 };
    const first = await startTestServer({ sharing: server, limits });
    const second = await startTestServer({ sharing: server, limits });
    const shared = () => new Promise((resolve) => setTimeout(resolve, 500));
    try {
      const token = await server.tokenFor('CATALOG_EDITOR');
      const ask = (s: TestServer) => raw({ ...s, adminToken: token }, JSON.stringify({ query: '{ _allOrganizationsMeta { count } }' }));
      expect((await ask(first)).status).toBe(200);
      expect((await ask(first)).status).toBe(200);
      await shared();
      expect((await ask(second)).status).toBe(200);
      expect((await ask(second)).status).toBe(200);
      await shared();
      // Four in all: each instance knows of the other's two.
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
    const rows = await nothingWritten(server, () => ok<any[]>(server, 'allOrganizations', { filter: { q: text } }));
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
      expect(fieldErrors(await nothingWritten(server, () => call(server, 'allOrganizations', { sortField, sortOrder })))).toEqual({ [field]: field === 'sortField' ? 'unknown' : 'enum' });
    }
  });

  it('refuses ids that are not ids, overlong and malformed values, and wrong types', async () => {
    expect(fieldErrors(await nothingWritten(server, () => call(server, 'allOrganizations', { filter: { ids: ['1 or 1=1'] } })))).toEqual({ 'filter.ids': 'id' });
    expect(fieldErrors(await nothingWritten(server, () => call(server, 'allOrganizations', { filter: { parentId: '1; drop' } })))).toEqual({ 'filter.parentId': 'id' });
    refusal(await nothingWritten(server, () => call(server, 'updateOrganization', { id: "1' or '1'='1", name: 'x' })), 'NOT_FOUND');
    expect(fieldErrors(await nothingWritten(server, () => call(server, 'createOrganization', { name: '长'.repeat(10_000), kind: 'OTHER' })))).toEqual({ name: 'maxLength' });
    expect(fieldErrors(await nothingWritten(server, () => call(server, 'createDelegationCatalog', { title: '坏日期', issuingOrganizationId: world.government, effectiveFrom: '2021-02-30' })))).toEqual({ effectiveFrom: 'type' });
    const wrongType = await nothingWritten(server, () => server.gql('query($p: Int) { allOrganizations(perPage: $p) { id } }', { p: 'ten' }));
    refusal(wrongType, 'BAD_USER_INPUT');
    const wrongEnum = await nothingWritten(server, () => server.gql('mutation { createOrganization(name: "x", kind: "STREET") { id } }'));
    expect(onlyError(wrongEnum).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const huge = await nothingWritten(server, () => call(server, 'allOrganizations', { page: 2 ** 31 }));
    expect(huge.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('control characters and oversized lists', () => {
  const NUL = '坏\u0000值';
  const logged: string[] = [];
  let spy: jest.SpyInstance;
  beforeAll(() => {
    // The server runs in this process: whatever it logs while refusing lands here.
    spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  });
  afterAll(() => spy.mockRestore());

  /** A value of the argument's type that passes validation; execution never starts for these requests. */
  function placeholder(type: GraphQLInputType): unknown {
    const t = getNullableType(type);
    if (isListType(t)) return [];
    if (isEnumType(t)) return t.getValues()[0].value;
    if (isInputObjectType(t)) return {};
    switch ((t as { name: string }).name) {
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'LocalDate':
        return '2025-01-01';
      default:
        return '1';
    }
  }

  /** Every argument of every mutation that takes text, with the mutation's other required arguments. */
  const cases = () => {
    const out: [string, string, Record<string, unknown>][] = [];
    for (const field of Object.values(getApp().schema.getMutationType()!.getFields())) {
      for (const arg of field.args) {
        const named = getNamedType(arg.type).name;
        if (!['String', 'ID', 'LocalDate'].includes(named)) continue;
        const args: Record<string, unknown> = {};
        for (const other of field.args) if (isNonNullType(other.type)) args[other.name] = placeholder(other.type);
        const list = isListType(getNullableType(arg.type));
        args[arg.name] = list ? [NUL] : NUL;
        // The error names the argument, and the item of a list.
        out.push([field.name, list ? `${arg.name}[0]` : arg.name, args]);
      }
    }
    return out;
  };

  it('refuses a NUL in any text argument of any mutation as a field error, writing nothing', async () => {
    const all = cases();
    expect(all.length).toBeGreaterThan(100); // every create, update and domain operation
    await nothingWritten(server, async () => {
      const unexpected: string[] = [];
      for (const [mutation, arg, args] of all) {
        const res = await call(server, mutation, args);
        const error = res.errors?.[0];
        const field = (error?.extensions?.fieldErrors as { field: string; rule: string }[] | undefined)?.[0];
        const got = `${error?.extensions?.code} ${field?.field} ${field?.rule}`;
        if (got !== `BAD_USER_INPUT ${arg} controlCharacter`) unexpected.push(`${mutation}: ${arg} → ${got}`);
      }
      expect(unexpected).toEqual([]);
    });
  });

  it('refuses control characters in searches, filters and sign-in alike', async () => {
    for (const [field, args, where] of [
      ['allOrganizations', { filter: { q: NUL } }, 'filter.q'],
      ['allStaffMembers', { filter: { name: NUL } }, 'filter.name'],
      ['_allOrganizationsMeta', { filter: { code_neq: 'x\u0007' } }, 'filter.code_neq'],
      ['login', { username: NUL, password: 'x' }, 'username'],
      ['login', { username: 'admin', password: 'pass\u001bword' }, 'password'],
    ] as const) {
      const res = await call(server.as(field === 'login' ? null : server.adminToken), field, args as Record<string, unknown>);
      expect([field, fieldErrors(res)]).toEqual([field, { [where]: 'controlCharacter' }]);
    }
    // A variable's default, written in the document, where the request does not send the variable.
    const defaulted = await server.gql('query($q: String = "坏\\u0000值") { allOrganizations(filter: { q: $q }) { id } }');
    expect(fieldErrors(defaulted)).toEqual({ 'filter.q': 'controlCharacter' });
    // Tabs and line breaks are text.
    const note = await ok(server, 'createOrganization', { name: '换行\n测试\t机构', kind: 'OTHER' }, 'name');
    expect(note.name).toBe('换行\n测试\t机构');
  });

  it('caps an ids filter and a bulk operation at a page, and changes each record once', async () => {
    const many = Array.from({ length: 70_000 }, (_, i) => String(i + 1));
    expect(fieldErrors(await nothingWritten(server, () => call(server, 'allOrganizations', { filter: { ids: many } })))).toEqual({ 'filter.ids': 'maxItems' });
    expect(fieldErrors(await nothingWritten(server, () => call(server, 'deleteOrganizations', { ids: many.slice(0, 1001) })))).toEqual({ ids: 'maxItems' });
    const org = (await ok(server, 'createOrganization', { name: '批量重复测试', kind: 'OTHER' })).id;
    const done = await ok(server, 'updateOrganizations', { ids: [org, org, org], data: { region: '重复县' } }, 'ids');
    expect(done.ids).toEqual([org]);
    expect((await ok(server, 'Organization', { id: org }, 'version')).version).toBe(2);
    expect((await ok<any[]>(server, 'auditTrail', { resource: 'Organization', id: org }, 'operation')).map((e) => e.operation)).toEqual(['create', 'update']);
  });

  it('leaves searched values out of the server log', () => {
    expect(logged.filter((l) => l.includes('坏') || l.includes('pass'))).toEqual([]);
  });
});

describe('the server log', () => {
  it('keeps the fault, never the values a failed query carried', () => {
    const driverError = Object.assign(new Error('invalid input syntax for type integer: "王小明"'), { code: '22P02' });
    const failed = Object.assign(new Error('Failed query: select * from staff_members where name = $1\nparams: 王小明,13812345678'), { cause: driverError, name: 'DrizzleQueryError' });
    const text = describeFailure(failed);
    expect(text).toMatch(/DrizzleQueryError: Failed query: select \* from staff_members where name = \$1/);
    expect(text).toMatch(/caused by Error \[22P02\]: invalid input syntax for type integer: ‹value›/);
    expect(text).not.toMatch(/王小明|13812345678/);
    expect(text).toMatch(/^\s+at /m); // where it was thrown stays
  });
});

describe('security headers', () => {
  it('are on every response: the API, the health check and the admin', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    const responses = [await raw(server, JSON.stringify({ query: '{ me { id } }' })), await fetch(`${base}/healthz`), await fetch(`${base}/`), await fetch(`${base}/#/Organization`)];
    for (const res of responses) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/); // no inline or remote script
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).not.toMatch(/upgrade-insecure-requests/); // county intranets serve plain http
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
    // No landing page that would load an explorer from a CDN.
    const landing = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(await landing.text()).not.toMatch(/cdn|apollographql\.com/i);
  });
});
