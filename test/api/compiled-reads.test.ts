import { startServer, type RunningServer } from '../../api/server';
import { ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';

// The compiled fast path (api/crud/compiled-response.ts) against graphql-js: the same documents,
// as the same callers, sent to this server and to a second instance over the same database that
// executes every request with graphql-js. The answers must be the same JSON, keys in the same order
// (the same bytes once read and written again, as PostgreSQL spaces its text); and the documents the
// fast path claims must really be answered by its one statement (else this test could not fail).
const { server, world } = withWorld();
let plain: RunningServer;

beforeAll(async () => {
  plain = await startServer({ database: server.database, port: 0, host: '127.0.0.1', limits: { perMinute: 100_000 }, compiledReads: false });
});
afterAll(() => plain?.stop());

async function post(url: string, token: string | null, query: string, variables?: Record<string, unknown>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.text() };
}

/** The answer of both paths, and whether the fast path's single statement answered it. */
async function both(token: string | null, query: string, variables?: Record<string, unknown>) {
  const canonical = (r: { status: number; body: string }) => ({ status: r.status, body: JSON.stringify(JSON.parse(r.body)) });
  const normal = canonical(await post(`http://127.0.0.1:${plain.port}/graphql`, token, query, variables));
  // Twice: the first request makes the caller known to this instance.
  await post(server.url, token, query, variables);
  server.queries.length = 0;
  const sent = await post(server.url, token, query, variables);
  // PostgreSQL's text is sent as it is (its own spacing): the same JSON when read, keys in the same order.
  const fast = canonical(sent);
  const statements = [...server.queries];
  const compiled = statements.length === 1 && / as data$/.test(statements[0]);
  return { normal, fast, compiled, statements };
}

const admin = () => server.adminToken;

async function token(scopes: string[], personalData = false): Promise<string> {
  const issued = await ok(server, 'issueApiToken', { name: world.unique('对比平台'), scopes, expiresAt: '2099-01-01T00:00:00Z', personalData }, 'secret');
  return issued.secret as string;
}

describe('a read made only of the grammar answers as graphql-js would, from one statement', () => {
  let liaison: string;
  let finding: string;
  beforeAll(async () => {
    ({ liaison } = await world.directory());
    ({ finding } = await world.supervision());
    await ok(server, 'updateFinding', { id: finding, responsiblePerson: '张三丰', version: 1 }, 'id');
    for (let i = 0; i < 6; i++) await world.org(world.unique('对比街道'), 'STREET', { parentId: world.township, region: '对比县' });
  });

  const compiledCases: [string, string, Record<string, unknown>?][] = [
    [
      'nested references, dates, instants, enums, lists of enums, __typename',
      `{ allDelegations(perPage: 10, sortField: "id") { __typename id recipientId mode effectiveFrom effectiveTo createdAt updatedAt
          recipient { id name kind parent { id name } } catalog { id status effectiveFrom }
          powerItem { __typename name penaltyKinds domain { id name } } } }`,
    ],
    [
      'aliases, a named fragment and an inline one merged with the same field, variables',
      `query Q($id: ID!) { __typename a: Delegation(id: $id) { ...D powerItem { id } } b: Delegation(id: $id) { id ... on Delegation { mode } }
          missing: Delegation(id: "999999") { id } bad: Delegation(id: "x") { id } }
        fragment D on Delegation { id mode powerItem { name code } recipient { name } }`,
      { id: 'the test world delegation' },
    ],
    [
      'pages, order, filters and counts',
      `query P($f: OrganizationFilter) { p0: allOrganizations(page: 0, perPage: 4, sortField: "name", sortOrder: "DESC", filter: $f) { id name parentId }
          p1: allOrganizations(page: 1, perPage: 4, sortField: "name", sortOrder: "DESC", filter: $f) { id name }
          empty: allOrganizations(filter: { region: "无此县" }) { id }
          _allOrganizationsMeta(filter: $f) { count __typename } all: _allOrganizationsMeta { count } }`,
      { f: { region: '对比县', kind: 'STREET' } },
    ],
    ['computed fields, a preset list', `{ allFindings { id overdue flaggingOverdue dueDate status responsiblePerson inspection { id kind } } overdueFindings { id } }`],
  ];

  it.each(compiledCases)('%s', async (_name, query, variables) => {
    const { normal, fast, compiled } = await both(admin(), query, variables?.id ? { ...variables, id: world.delegation } : variables);
    expect(normal.status).toBe(200);
    expect(JSON.parse(normal.body).errors).toBeUndefined();
    expect(fast).toEqual(normal);
    expect(compiled).toBe(true);
  });

  it('masks personal fields for a token without the personal-data scope, and not for one with it', async () => {
    const query = `{ allLiaisonContacts(sortField: "id") { id personName mobile officePhone organization { name } } LiaisonContact(id: "${liaison}") { personName mobile }
        allFindings { id responsiblePerson } }`;
    const maskedToken = await token(['LiaisonContact', 'Organization', 'Finding']);
    const masked = await both(maskedToken, query);
    expect(masked.fast).toEqual(masked.normal);
    expect(masked.compiled).toBe(true);
    const answer = JSON.parse(masked.fast.body).data;
    expect(answer.LiaisonContact).toEqual({ personName: '测****', mobile: '139******78' });
    expect(answer.allFindings.find((f: any) => f.id === finding).responsiblePerson).toBe('张**');
    const open = await both(await token(['LiaisonContact', 'Organization', 'Finding'], true), query);
    expect(open.fast).toEqual(open.normal);
    expect(open.compiled).toBe(true);
    expect(JSON.parse(open.fast.body).data.LiaisonContact).toEqual({ personName: '测试联络员', mobile: '13912345678' });
  });

  it('leaves to graphql-js what it does not compile or what the guard refuses, with the same answer', async () => {
    const scoped = await token(['Delegation', 'Organization']);
    const cases: [string | null, string][] = [
      // A reference outside the token's scopes: FORBIDDEN, from the guard.
      [scoped, `{ allDelegations { id powerItem { name } } }`],
      // A search by a personal field without the personal-data scope.
      [await token(['LiaisonContact']), `{ allLiaisonContacts(filter: { q: "测试" }) { id } }`],
      // Anonymous.
      [null, `{ allDelegations { id } }`],
      // A reverse relation, a directive, introspection, a domain operation, a bad page.
      [admin(), `{ Organization(id: "${world.street}") { id delegationsAsRecipient { id } } }`],
      [admin(), `{ allDelegations(perPage: 2) { id mode @skip(if: true) } }`],
      [admin(), `{ __schema { queryType { name } } }`],
      [admin(), `{ allOrganizations(perPage: 5000) { id } }`],
      [admin(), `{ allOrganizations(sortField: "nope") { id } }`],
    ];
    for (const [who, query] of cases) {
      const { normal, fast, statements } = await both(who, query);
      expect(fast).toEqual(normal);
      expect(statements.some((s) => / as data$/.test(s))).toBe(false);
    }
    const refused = JSON.parse((await post(server.url, scoped, `{ allDelegations { id powerItem { name } } }`)).body);
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('reads accounts as the read limit allows: a street user sees only their own', async () => {
    const street = await server.tokenFor('VIEWER', world.street);
    const { normal, fast, compiled } = await both(street, `{ allUsers { id username role } _allUsersMeta { count } }`);
    expect(fast).toEqual(normal);
    expect(compiled).toBe(true);
    expect(JSON.parse(fast.body).data._allUsersMeta.count).toBe(1);
  });
});
