import { parse } from 'graphql';
import { getApp } from '../../api/app';
import type { Actor } from '../../api/auth/actor';
import { compileResponse } from '../../api/crud/compiled-response';
import { startServer, type RunningServer } from '../../api/server';
import { call, ok } from '../helpers/operations';
import { withoutSecondFactor, withWorld } from '../helpers/fixtures';

// The compiled fast path (api/crud/compiled-response.ts) against graphql-js: the same documents,
// as the same callers, sent to this server and to a second instance over the same database that
// executes every request with graphql-js. The answers must be the same JSON, keys in the same order
// (the same bytes once read and written again, as PostgreSQL spaces its text); and the documents the
// fast path claims must really be answered by its one statement (else this test could not fail).
let plain: RunningServer;
// Declared before the world's (jest runs afterAll hooks in the order they are declared): the second
// instance stops, its request limiter's last accounting included, before the database it shares closes.
afterAll(() => plain?.stop());
const { server, world } = withWorld();

beforeAll(async () => {
  plain = await startServer({ database: server.database, port: 0, host: '127.0.0.1', limits: { perMinute: 100_000 }, compiledReads: false });
});

async function post(url: string, token: string | null, query: string, variables?: Record<string, unknown>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.text() };
}

/** A compiled statement: it ends with its `data` column (read from its root values where a fallback is tested). */
const COMPILED = / as data( from \(select .+ offset 0\) as _root)?$/s;

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
  const compiled = statements.length === 1 && COMPILED.test(statements[0]);
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

  // Object rows: an array row shorter than the test's parameters would make jest wait for `done`.
  const compiledCases: { name: string; query: string; variables?: Record<string, unknown> }[] = [
    {
      name: 'nested references, dates, instants, enums, lists of enums, __typename',
      query: `{ allDelegations(perPage: 10, sortField: "id") { __typename id recipientId mode effectiveFrom effectiveTo createdAt updatedAt
          recipient { id name kind parent { id name } } catalog { id status effectiveFrom }
          powerItem { __typename name penaltyKinds domain { id name } } } }`,
    },
    {
      name: 'aliases, a named fragment and an inline one merged with the same field, variables',
      query: `query Q($id: ID!) { __typename a: Delegation(id: $id) { ...D powerItem { id } } b: Delegation(id: $id) { id ... on Delegation { mode } }
          missing: Delegation(id: "999999") { id } bad: Delegation(id: "x") { id } }
        fragment D on Delegation { id mode powerItem { name code } recipient { name } }`,
      variables: { id: 'the test world delegation' },
    },
    {
      name: 'pages, order, filters and counts',
      query: `query P($f: OrganizationFilter) { p0: allOrganizations(page: 0, perPage: 4, sortField: "name", sortOrder: "DESC", filter: $f) { id name parentId }
          p1: allOrganizations(page: 1, perPage: 4, sortField: "name", sortOrder: "DESC", filter: $f) { id name }
          empty: allOrganizations(filter: { region: "无此县" }) { id }
          _allOrganizationsMeta(filter: $f) { count __typename } all: _allOrganizationsMeta { count } }`,
      variables: { f: { region: '对比县', kind: 'STREET' } },
    },
    { name: 'computed fields, a preset list', query: `{ allFindings { id overdue flaggingOverdue dueDate status responsiblePerson inspection { id kind } } overdueFindings { id } }` },
    {
      // Response keys longer than PostgreSQL keeps of a name, alike in their first 63 characters.
      name: 'one reference asked twice under long aliases',
      query: `{ allDelegations(perPage: 5) { id ${'r'.repeat(70)}1: recipient { id name } ${'r'.repeat(70)}2: recipient { kind } catalog { id } } }`,
    },
  ];

  it.each(compiledCases)('$name', async ({ query, variables }) => {
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
      // A reverse relation's page from a variable, a directive, introspection, a domain operation, a bad page.
      [admin(), `query V($n: Int) { Organization(id: "${world.street}") { id delegationsAsRecipient(perPage: $n) { id } } }`],
      [admin(), `{ allDelegations(perPage: 2) { id mode @skip(if: true) } }`],
      [admin(), `{ __schema { queryType { name } } }`],
      [admin(), `{ allOrganizations(perPage: 5000) { id } }`],
      [admin(), `{ allOrganizations(sortField: "nope") { id } }`],
    ];
    for (const [who, query] of cases) {
      const { normal, fast, statements } = await both(who, query);
      expect(fast).toEqual(normal);
      expect(statements.some((s) => COMPILED.test(s))).toBe(false);
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

// Reverse relations (api/crud/relations.ts) inside record objects: each parent's page of the rows
// that point at it, its count, their own references and relations, under the same read limits.
describe('reverse relations read as graphql-js reads them, from one statement', () => {
  const REGION = '关系对比县';
  let township: string;
  let streets: string[];
  let held: string[];
  let many: string;
  let liaison: string;

  const delegate = (recipientId: string, extra: Record<string, unknown> = {}) => world.delegate(recipientId, extra);

  beforeAll(async () => {
    township = await world.org(world.unique('关系对比镇'), 'TOWNSHIP', { region: REGION, parentId: world.government });
    streets = [];
    for (let i = 0; i < 3; i++) streets.push(await world.org(world.unique('关系对比街道'), 'STREET', { region: REGION, parentId: township }));
    held = [];
    // The first street holds four, the second one, the third none; modes and days differ, two share a day.
    for (let i = 0; i < 4; i++) held.push(await delegate(streets[0], { mode: i % 2 ? 'ENTRUSTED' : 'GRANTED', effectiveFrom: `2021-0${6 + (i >> 1)}-01` }));
    await delegate(streets[1], { mode: 'GRANTED' });
    // More than a nested page of ten.
    many = await world.org(world.unique('多项对比街道'), 'STREET', { region: REGION, parentId: township });
    for (let i = 0; i < 11; i++) await delegate(many);
    liaison = (
      await ok(server, 'createLiaisonContact', {
        organizationId: streets[0], counterpartId: world.department, personName: '关系联络员', role: 'LIAISON', mobile: '13712345678', activeFrom: '2021-04-25',
      })
    ).id as string;
  });

  // Queries built when run: the ids exist only after beforeAll.
  const cases: { name: string; query: () => string }[] = [
    {
      name: 'a page of organizations with their delegations as recipient, references nested, and counts',
      query: () => `{ allOrganizations(filter: { region: "${REGION}" }, sortField: "id") { id name
          delegationsAsRecipient { id mode effectiveFrom createdAt recipientId powerItem { id name penaltyKinds domain { name } } recipient { id name parent { name } } }
          _delegationsAsRecipientMeta { count __typename } } }`,
    },
    {
      name: 'pages, sorts and filters of the relation written in the document; the default page of ten',
      query: () => `{ allOrganizations(filter: { region: "${REGION}", kind: STREET }, sortField: "id") { id
          first: delegationsAsRecipient(perPage: 2, sortField: "effectiveFrom", sortOrder: "DESC") { id effectiveFrom }
          second: delegationsAsRecipient(perPage: 2, page: 1, sortField: "effectiveFrom", sortOrder: "DESC") { id effectiveFrom }
          beyond: delegationsAsRecipient(perPage: 2, page: 9) { id }
          granted: delegationsAsRecipient(filter: { mode: GRANTED }, sortField: "mode") { id mode }
          _delegationsAsRecipientMeta(filter: { mode: GRANTED }, perPage: 0) { count }
          since: delegationsAsRecipient(filter: { effectiveFrom_gte: "2021-07-01", q: "户外" }) { id }
          chosen: delegationsAsRecipient(filter: { ids: ["${held[3]}", "${held[0]}"] }) { id }
          other: delegationsAsRecipient(filter: { recipientId: "${world.street}" }) { id }
          recent: delegationsAsRecipient(filter: { createdAt_gte: "2020-01-01T00:00:00.000Z", effectiveTo_null: true }) { id }
          unnoted: delegationsAsRecipient(filter: { scopeNote_null: true }) { id powerItem { id } }
          more: delegationsAsRecipient(perPage: 20) { id } } }`,
    },
    {
      name: 'a relation of a table to itself, also under a reference and inside its own rows',
      query: () => `{ Organization(id: "${township}") { id
          organizationsAsParent(sortField: "name", sortOrder: "DESC") { id name caseReviewDue parentId parent { id name organizationsAsParent(perPage: 1) { id } }
            organizationsAsParent { id } _organizationsAsParentMeta { count } _delegationsAsRecipientMeta { count } }
          _organizationsAsParentMeta { count }
          parent { id organizationsAsParent(filter: { ids: ["${township}"] }) { id parentId organizationsAsParent(perPage: 2) { id } } } }
        department: Organization(id: "${world.department}") { powerItems(filter: { penaltyKinds: FINE, q: "户外" }, perPage: 3, sortField: "id", sortOrder: "DESC") { id penaltyKinds } } }`,
    },
    {
      name: 'a delegation’s recipient with its delegations, the same table below the same table',
      query: () => `{ allDelegations(filter: { ids: ["${held[0]}", "${held[2]}"] }) { id recipient { id delegationsAsRecipient(perPage: 3) { id recipient { id } catalog { id } }
          delegationsAsRecipient(perPage: 3) { ...D mode } } } }
        fragment D on Delegation { id powerItem { code } ... on Delegation { effectiveFrom } }`,
    },
  ];

  it.each(cases)('$name', async ({ query }) => {
    const { normal, fast, compiled } = await both(admin(), query());
    expect(normal.status).toBe(200);
    expect(JSON.parse(normal.body).errors).toBeUndefined();
    expect(fast).toEqual(normal);
    expect(compiled).toBe(true);
  });


  it('reads a token’s relations as the guard allows: scoped lists and counts compile, masked; the rest is graphql-js’s refusal', async () => {
    const query = `{ Organization(id: "${streets[0]}") { id delegationsAsRecipient(sortField: "id") { id powerItem { name } } _delegationsAsRecipientMeta { count }
        liaisonContactsAsOrganization { personName mobile organization { name } } } }`;
    const scoped = await both(await token(['Organization', 'Delegation', 'PowerItem', 'LiaisonContact']), query);
    expect(scoped.fast).toEqual(scoped.normal);
    expect(scoped.compiled).toBe(true);
    const answer = JSON.parse(scoped.fast.body).data.Organization;
    expect(answer._delegationsAsRecipientMeta.count).toBe(4);
    expect(answer.liaisonContactsAsOrganization).toEqual([{ personName: '关****', mobile: '137******78', organization: { name: expect.any(String) } }]);
    // Without the related record's scope, on the list and on its count: FORBIDDEN, from graphql-js.
    const orgOnly = await token(['Organization']);
    const lookups: [string, string][] = [
      [orgOnly, `{ Organization(id: "${streets[0]}") { id delegationsAsRecipient { id } } }`],
      [orgOnly, `{ Organization(id: "${streets[0]}") { id _delegationsAsRecipientMeta { count } } }`],
      // The related rows' own reference outside the token's scopes.
      [await token(['Organization', 'Delegation']), `{ Organization(id: "${streets[0]}") { delegationsAsRecipient { id powerItem { name } } } }`],
      // Looking people up by a masked field, or sorting by one, through the relation.
      [await token(['Organization', 'LiaisonContact']), `{ Organization(id: "${streets[0]}") { liaisonContactsAsOrganization(filter: { q: "关系" }) { id } } }`],
      [await token(['Organization', 'LiaisonContact']), `{ Organization(id: "${streets[0]}") { liaisonContactsAsOrganization(sortField: "personName") { id } } }`],
    ];
    for (const [who, lookup] of lookups) {
      const refused = await both(who, lookup);
      expect(refused.fast).toEqual(refused.normal);
      expect(refused.compiled).toBe(false);
      expect(JSON.parse(refused.fast.body).errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect(liaison).toBeDefined();
  });

  it('leaves to graphql-js what it cannot write into the kept statement, and the pages and filters it refuses', async () => {
    const org = `Organization(id: "${streets[0]}")`;
    const cases: { query: string; variables?: Record<string, unknown> }[] = [
      // Arguments from variables: the kept objects do not depend on the variables' values.
      { query: `query V($n: Int) { ${org} { delegationsAsRecipient(perPage: $n) { id } } }`, variables: { n: 1 } },
      { query: `query V($n: Int) { ${org} { delegationsAsRecipient(perPage: $n) { id } } }`, variables: { n: 3 } },
      { query: `query V($f: DelegationFilter) { ${org} { _delegationsAsRecipientMeta(filter: $f) { count } } }`, variables: { f: { mode: 'GRANTED' } } },
      // A backslash's meaning in the statement's text would hang on a server setting.
      { query: `{ ${org} { delegationsAsRecipient(filter: { q: "a\\\\b" }) { id } } }` },
      // Bad pages, sorts and ids: graphql-js names the field.
      { query: `{ ${org} { delegationsAsRecipient(perPage: 0) { id } } }` },
      { query: `{ ${org} { delegationsAsRecipient(perPage: 5000) { id } } }` },
      { query: `{ ${org} { delegationsAsRecipient(page: -1) { id } } }` },
      { query: `{ ${org} { delegationsAsRecipient(sortField: "nope") { id } } }` },
      { query: `{ ${org} { delegationsAsRecipient(sortOrder: "UP") { id } } }` },
      { query: `{ ${org} { _delegationsAsRecipientMeta(filter: { powerItemId: "x" }) { count } } }` },
    ];
    for (const { query, variables } of cases) {
      const { normal, fast, compiled } = await both(admin(), query, variables);
      expect({ query, variables, fast }).toEqual({ query, variables, fast: normal });
      expect({ query, variables, compiled }).toEqual({ query, variables, compiled: false });
    }
  });
});

// A domain list the definition declares (`lists`): what a street held on a day and its count. The
// condition is the resolver's own (api/resources/delegation/held-on.ts); an empty answer (an
// unknown street's NOT_FOUND, or a street holding nothing) is left to graphql-js.
describe('what a street held on a day reads the same on both paths', () => {
  let street: string;
  let idle: string;
  let other: string;
  const day = '2024-06-01';
  beforeAll(async () => {
    street = await world.org(world.unique('持有街道'), 'STREET', { parentId: world.township });
    idle = await world.org(world.unique('无事项街道'), 'STREET', { parentId: world.township });
    other = await world.org(world.unique('他街道'), 'STREET', { parentId: world.township });
    const catalog = (
      await ok(server, 'createDelegationCatalog', {
        title: world.unique('对比目录'),
        issuingOrganizationId: world.government,
        documentNumber: world.unique('对比〔2024〕'),
        issuedOn: '2024-01-10',
        effectiveFrom: '2024-02-01',
      })
    ).id as string;
    for (let i = 0; i < 5; i++) {
      const powerItem = (
        await ok(server, 'createPowerItem', {
          codeScheme: '测试编码',
          code: world.unique('02-DB-'),
          name: `对比事项${i}的处罚`,
          category: 'PENALTY',
          domainId: world.domain,
          sourceDepartmentId: world.department,
          settingBasis: '《城市市容和环境卫生管理条例》第三十六条',
        })
      ).id as string;
      for (const recipientId of i < 3 ? [street, other] : [street]) {
        await ok(server, 'createDelegation', { catalogId: catalog, powerItemId: powerItem, recipientId, delegatingOrganizationId: world.department, mode: 'GRANTED', effectiveFrom: '2024-02-01' });
      }
    }
    await ok(server, 'publishDelegationCatalog', { id: catalog });
  });

  const asOf = `query A($o: ID!, $d: LocalDate!, $p: Int, $n: Int) {
      delegationsAsOf(organizationId: $o, date: $d, page: $p, perPage: $n) { __typename id mode effectiveFrom effectiveTo createdAt recipient { name } powerItem { id name code domain { name } } }
      _delegationsAsOfMeta(organizationId: $o, date: $d) { count } }`;

  it.each([
    { name: 'a page', page: 0, perPage: 2, rows: 2 },
    { name: 'a second page', page: 1, perPage: 2, rows: 2 },
    { name: 'the last page, shorter', page: 2, perPage: 2, rows: 1 },
    { name: 'the default page', page: undefined, perPage: undefined, rows: 5 },
  ])('$name, with nested power items and the count, from one statement', async ({ page, perPage, rows }) => {
    const { normal, fast, compiled } = await both(admin(), asOf, { o: street, d: day, p: page, n: perPage });
    expect(JSON.parse(normal.body).errors).toBeUndefined();
    expect(fast).toEqual(normal);
    expect(compiled).toBe(true);
    const data = JSON.parse(fast.body).data;
    expect(data.delegationsAsOf).toHaveLength(rows);
    expect(data._delegationsAsOfMeta).toEqual({ count: 5 });
  });

  it('reads aliases and a count alone from one statement', async () => {
    const query = `{ a: delegationsAsOf(organizationId: "${street}", date: "${day}", perPage: 3) { id powerItemId }
        b: delegationsAsOf(organizationId: "${other}", date: "${day}") { id recipientId } n: _delegationsAsOfMeta(organizationId: "${other}", date: "${day}") { count __typename } }`;
    const { normal, fast, compiled } = await both(admin(), query);
    expect(JSON.parse(normal.body).errors).toBeUndefined();
    expect(fast).toEqual(normal);
    expect(compiled).toBe(true);
    expect(JSON.parse(fast.body).data.n).toEqual({ count: 3, __typename: 'ListMetadata' });
  });

  it('leaves an empty answer to graphql-js: a street holding nothing, a day before, a page past the end, an unknown street', async () => {
    const cases = [
      { o: idle, d: day },
      { o: street, d: '2024-01-01' },
      { o: street, d: day, p: 9, n: 2 },
      { o: '999999', d: day },
      { o: 'abc', d: day },
    ];
    // The list and the count apart: with both, which NOT_FOUND graphql-js reports first is a race of its own.
    const list = `query L($o: ID!, $d: LocalDate!, $p: Int, $n: Int) { delegationsAsOf(organizationId: $o, date: $d, page: $p, perPage: $n) { id powerItem { name } } }`;
    const count = `query C($o: ID!, $d: LocalDate!) { _delegationsAsOfMeta(organizationId: $o, date: $d) { count } }`;
    for (const query of [asOf, list, count]) {
      for (const variables of cases) {
        if (query === asOf && ['999999', 'abc'].includes(variables.o)) continue;
        const { normal, fast, compiled, statements } = await both(admin(), query, query === count ? { o: variables.o, d: variables.d } : variables);
        const page = query === count && variables.o === street && variables.p !== undefined;
        expect({ variables, ...fast }).toEqual({ variables, ...normal });
        // A count of a street holding something past its last page is not empty: that one statement answers it.
        expect({ variables, compiled }).toEqual({ variables, compiled: page });
        // Otherwise the one statement was asked, and said its answer is graphql-js's.
        if (!page) expect(statements.some((s) => / as fallback, /.test(s))).toBe(true);
      }
    }
    for (const query of [list, count]) expect(JSON.parse((await both(admin(), query, { o: '999999', d: day })).fast.body).errors[0].extensions.code).toBe('NOT_FOUND');
    const nothing = JSON.parse((await both(admin(), asOf, { o: idle, d: day })).fast.body);
    expect(nothing).toEqual({ data: { delegationsAsOf: [], _delegationsAsOfMeta: { count: 0 } } });
  });

  it('refuses a bad page or a malformed day on graphql-js, as before', async () => {
    for (const variables of [{ o: street, d: day, n: 0 }, { o: street, d: day, n: 5000 }, { o: street, d: day, p: -1 }, { o: street, d: '2024-13-01' }]) {
      const { normal, fast, statements } = await both(admin(), asOf, variables);
      expect({ variables, ...fast }).toEqual({ variables, ...normal });
      expect(JSON.parse(fast.body).errors?.length).toBeGreaterThan(0);
      expect(statements.some((s) => COMPILED.test(s))).toBe(false);
    }
  });

  it('reads as another street’s account and as tokens as graphql-js does', async () => {
    const callers = {
      'another street’s viewer': await server.tokenFor('VIEWER', other),
      'a township’s administrator': await server.tokenFor('ADMIN', world.township),
      'a token with the records': await token(['Delegation', 'PowerItem', 'Organization', 'EnforcementDomain']),
      'a token with the records and personal data': await token(['Delegation', 'PowerItem', 'Organization', 'EnforcementDomain'], true),
    };
    for (const [who, caller] of Object.entries(callers)) {
      const { normal, fast, compiled } = await both(caller, asOf, { o: street, d: day, p: 0, n: 4 });
      expect({ who, ...fast }).toEqual({ who, ...normal });
      expect({ who, compiled }).toEqual({ who, compiled: true });
      expect(JSON.parse(fast.body).data._delegationsAsOfMeta.count).toBe(5);
    }
    // Without the nested records' scopes, or without delegations': FORBIDDEN, from the guard.
    for (const scopes of [['Delegation'], ['PowerItem', 'Organization']]) {
      const { normal, fast, compiled } = await both(await token(scopes), asOf, { o: street, d: day });
      expect(fast).toEqual(normal);
      expect(compiled).toBe(false);
      expect(JSON.parse(fast.body).errors[0].extensions.code).toBe('FORBIDDEN');
    }
  });
});

// The access rules of the administrators' records: confidential tokens (their keepers and readers
// only, also in nested lists and counts), the audit trail, the sign-in log and the sessions
// (each account its own, the county's administrator and the auditor all), hidden fields, masking.
// Whatever the compiled path answers must be what graphql-js answers, caller by caller.
describe('the records the administrators keep read the same on both paths', () => {
  // The three administrators sign in here without enrolling a second factor.
  withoutSecondFactor();
  const callers: Record<string, string> = {};
  let ownSession: string;
  let someEntry: string;
  let someToken: string;
  let staff: string;
  beforeAll(async () => {
    someToken = (await ok(server, 'issueApiToken', { name: world.unique('审计对比'), scopes: ['Organization'], expiresAt: '2099-01-01T00:00:00Z' }, 'apiToken { id }')).apiToken.id;
    callers.admin = admin();
    callers.viewer = await server.tokenFor('VIEWER', world.street);
    callers.other = await server.tokenFor('VIEWER', world.township);
    callers.auditor = await server.tokenFor('AUDIT_ADMIN');
    callers.security = await server.tokenFor('SECURITY_ADMIN');
    callers.system = await server.tokenFor('SYSTEM_ADMIN');
    callers.street = await server.tokenFor('ADMIN', world.street);
    // The street's administrator acts (its own audit entries); the viewer fails one sign-in (its own sign-in log).
    staff = (await ok(server.as(callers.street), 'createStaffMember', { name: '欧阳明月', organizationId: world.street, category: 'ENFORCEMENT', mobile: '13812345678' })).id;
    const viewer = await ok(server.as(callers.viewer), 'me', {}, 'id username');
    await call(server.as(null), 'login', { username: viewer.username, password: 'not-the-password' }, 'token');
    ownSession = (await ok(server.as(callers.viewer), 'allUserSessions', {}, 'id'))[0].id;
    someEntry = (await ok(server, 'allAuditEntries', { sortField: 'id', sortOrder: 'DESC', perPage: 1 }, 'id'))[0].id;
  });
  const who = ['admin', 'viewer', 'other', 'auditor', 'security', 'system', 'street'];
  // Those who read every account (the administrators, the auditor and a street's administrator, whose
  // organization owns accounts) and those who read only their own.
  // A street's administrator reads its own street's accounts only.
  const readsEveryAccount = (caller: string) => !['viewer', 'other', 'street'].includes(caller);
  const reads = (caller: string): { name: string; query: string; compiles: boolean }[] => [
    {
      name: 'API tokens, their count and one by id',
      query: `{ allApiTokens(sortField: "id") { id name scopes personalData expiresAt revokedAt createdById createdBy { id username } createdAt }
          _allApiTokensMeta { count } ApiToken(id: "${someToken}") { id name } }`,
      compiles: true,
    },
    {
      name: 'the audit trail, its count and one entry by id',
      query: `{ allAuditEntries(perPage: 50, sortField: "id", sortOrder: "DESC") { id at actorKind actorId actorName operation resource recordId via version hashAlgorithm previousHash hash }
          _allAuditEntriesMeta { count } AuditEntry(id: "${someEntry}") { id resource recordId } }`,
      compiles: true,
    },
    {
      name: 'the sign-in log with its accounts',
      query: `{ allLoginEvents(sortField: "id") { id username userId result reason address user { id username role } } _allLoginEventsMeta { count } }`,
      compiles: true,
    },
    {
      name: 'the sessions, and the viewer’s own by id',
      query: `{ allUserSessions(sortField: "id") { id userId startedAt expiresAt online endedAt endedBy } _allUserSessionsMeta { count }
          UserSession(id: "${ownSession}") { id userId } }`,
      compiles: true,
    },
    // A non-null reference to an account the caller may not read: graphql-js reports it, so it goes there.
    {
      name: 'sessions with their non-null account',
      query: `{ allUserSessions(sortField: "id") { id user { id username } } }`,
      compiles: readsEveryAccount(caller),
    },
    // Nested lists and counts of confidential and private records, each under its read limit.
    {
      name: 'accounts with their tokens, sessions and sign-ins nested',
      query: `{ allUsers(sortField: "id") { id username apiTokens { id name } _apiTokensMeta { count } loginEvents { id } _loginEventsMeta { count }
          userSessionsAsUser { id } _userSessionsAsUserMeta { count } } }`,
      compiles: true,
    },
    {
      name: 'a street’s accounts through its relation, and the tokens they keep',
      query: `{ Organization(id: "${world.street}") { id users(sortField: "id") { id username role apiTokens { id } _apiTokensMeta { count } } _usersMeta { count } } }`,
      compiles: true,
    },
  ];

  it.each(who)('as %s', async (caller) => {
    for (const { name, query, compiles } of reads(caller)) {
      const { normal, fast, compiled } = await both(callers[caller], query);
      expect({ name, ...fast }).toEqual({ name, ...normal });
      expect({ name, compiled }).toEqual({ name, compiled: compiles });
    }
  });

  it('tells tokens from the rest as graphql-js does: none for the viewer and the street, all for the auditor', async () => {
    const count = async (caller: string, query: string) => JSON.parse((await both(callers[caller], query)).fast.body).data;
    const tokens = `{ allApiTokens { id } _allApiTokensMeta { count } }`;
    expect(await count('viewer', tokens)).toEqual({ allApiTokens: [], _allApiTokensMeta: { count: 0 } });
    expect(await count('street', tokens)).toEqual({ allApiTokens: [], _allApiTokensMeta: { count: 0 } });
    expect((await count('auditor', tokens))._allApiTokensMeta.count).toBeGreaterThan(0);
    const sessions = `{ UserSession(id: "${ownSession}") { id } }`;
    expect(await count('viewer', sessions)).toEqual({ UserSession: { id: ownSession } });
    expect(await count('other', sessions)).toEqual({ UserSession: null });
    const events = (await count('viewer', `{ allLoginEvents { userId result } }`)).allLoginEvents;
    expect(events.length).toBeGreaterThan(0);
    expect((await count('other', `{ allLoginEvents { id } }`)).allLoginEvents).toEqual([]);
    const entries = (await count('street', `{ allAuditEntries { actorName } }`)).allAuditEntries as { actorName: string }[];
    expect(entries.length).toBeGreaterThan(0);
    expect(new Set(entries.map((e) => e.actorName)).size).toBe(1);
  });

  it('reads a street’s accounts through its relation under the read limit: a viewer counts and lists only its own', async () => {
    const query = `{ Organization(id: "${world.street}") { users(sortField: "id") { id } _usersMeta { count } } }`;
    const everyone = await both(callers.admin, query);
    const own = await both(callers.viewer, query);
    for (const read of [everyone, own]) {
      expect(read.fast).toEqual(read.normal);
      expect(read.compiled).toBe(true);
    }
    expect(JSON.parse(everyone.fast.body).data.Organization._usersMeta.count).toBeGreaterThan(1);
    const me = await ok(server.as(callers.viewer), 'me', {}, 'id');
    expect(JSON.parse(own.fast.body).data.Organization).toEqual({ users: [{ id: me.id }], _usersMeta: { count: 1 } });
  });

  it('refuses hidden fields on both paths alike', async () => {
    for (const query of [`{ allApiTokens { id secretHash } }`, `{ allAuditEntries { id txId } }`, `{ allUsers { id passwordHash } }`]) {
      const { normal, fast, compiled } = await both(callers.admin, query);
      expect(normal.status).toBe(400);
      expect(fast).toEqual(normal);
      expect(compiled).toBe(false);
    }
  });

  it('reads the administrators’ records through a token as graphql-js does: none, or refused', async () => {
    const scoped = await token(['LoginEvent', 'UserSession', 'AuditEntry', 'User']);
    const { normal, fast, compiled } = await both(scoped, `{ allLoginEvents { id } allUserSessions { id } allAuditEntries { id } _allAuditEntriesMeta { count } allUsers { id } }`);
    expect(fast).toEqual(normal);
    expect(compiled).toBe(true);
    expect(JSON.parse(fast.body).data).toEqual({ allLoginEvents: [], allUserSessions: [], allAuditEntries: [], _allAuditEntriesMeta: { count: 0 }, allUsers: [] });
    const refused = await both(scoped, `{ allApiTokens { id } }`);
    expect(refused.fast).toEqual(refused.normal);
    expect(refused.compiled).toBe(false);
    expect(JSON.parse(refused.fast.body).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('masks a person’s name and mobile for a token without the personal-data scope', async () => {
    const query = `{ allStaffMembers(sortField: "id") { id name mobile category organization { name } } _allStaffMembersMeta { count } StaffMember(id: "${staff}") { name mobile } }`;
    const masked = await both(await token(['StaffMember', 'Organization']), query);
    expect(masked.fast).toEqual(masked.normal);
    expect(masked.compiled).toBe(true);
    expect(JSON.parse(masked.fast.body).data.StaffMember).toEqual({ name: '欧***', mobile: '138******78' });
  });
});

// A session confined to enrolling its second factor is refused reads before the compiled path.
it('refuses an administrator who has not enrolled a second factor on both paths alike', async () => {
  const auditor = await server.tokenFor('AUDIT_ADMIN', world.township);
  const { normal, fast, compiled } = await both(auditor, `{ allAuditEntries { id } }`);
  expect(normal.status).toBe(403);
  expect(fast).toEqual(normal);
  expect(compiled).toBe(false);
});

describe('kept compiled reads', () => {
  // Each statement is kept by document, reader and variables (by id: the ids' shape, the ids bound):
  // the same document read again with other values, or by another reader, must not get the answer
  // of the first.
  it('answer each new id, page and filter of a document read again, and each reader its own rows', async () => {
    const byId = 'query ById($id: ID!) { Organization(id: $id) { id name kind parent { id name } } }';
    const ids = [world.street, world.township, 'x', '999999', world.street, world.township];
    const seen = new Set<string>();
    for (const id of ids) {
      const { normal, fast, compiled } = await both(admin(), byId, { id });
      expect({ id, fast, compiled }).toEqual({ id, fast: normal, compiled: true });
      seen.add(fast.body);
    }
    // Three different answers: two records, and null (an id that is not one, one that is not there).
    expect(seen.size).toBe(3);
    const list = `query L($page: Int, $f: OrganizationFilter) { allOrganizations(page: $page, perPage: 3, sortField: "name", filter: $f) { id name kind } }`;
    const variables = [{ page: 0 }, { page: 1 }, { page: 0, f: { kind: 'STREET' } }, { page: 0 }, { page: 0, f: { kind: 'TOWNSHIP' } }];
    const answers: string[] = [];
    for (const v of variables) {
      const { normal, fast, compiled } = await both(admin(), list, v);
      expect({ v, fast, compiled }).toEqual({ v, fast: normal, compiled: true });
      answers.push(fast.body);
    }
    // Two pages, and the streets' page and the townships', differ; the first page read again is the first.
    expect([answers[1] !== answers[0], answers[4] !== answers[2], answers[3]]).toEqual([true, true, answers[0]]);
    // The same document as a county administrator, then a street's viewer (its read limit), then again.
    const users = `{ allUsers(sortField: "id") { id username } }`;
    const street = await server.tokenFor('VIEWER', world.street);
    const counts: number[] = [];
    for (const reader of [admin(), street, admin()]) {
      const { normal, fast, compiled } = await both(reader, users);
      expect({ fast, compiled }).toEqual({ fast: normal, compiled: true });
      counts.push(JSON.parse(fast.body).data.allUsers.length);
    }
    expect(counts[1]).toBe(1);
    expect(counts[0]).toBeGreaterThan(1);
    expect(counts[2]).toBe(counts[0]);
  });

  it('are built once: a read by id for every id, any other read for its variables, each for its reader', () => {
    const { schema, records } = getApp();
    const admin: Actor = { kind: 'USER', id: 1, name: 'admin', role: 'ADMIN', organizationId: null, local: false };
    const street: Actor = { ...admin, id: 2, role: 'VIEWER', organizationId: 5, local: true };
    const compile = (query: string, variables: Record<string, unknown>, actor = admin) =>
      compileResponse(schema, records.models, parse(query), null, variables, actor);
    // Each call parses its own document, as Apollo keeps one per text: the same text, kept apart.
    const byId = parse('query B($id: ID!) { Organization(id: $id) { id name } }');
    const first = compileResponse(schema, records.models, byId, null, { id: '7' }, admin)!;
    const second = compileResponse(schema, records.models, byId, null, { id: '8' }, admin)!;
    expect([second.query, Object.values(first.values), Object.values(second.values)]).toEqual([first.query, [7], [8]]);
    expect(second.query).toBe(first.query);
    expect(compileResponse(schema, records.models, byId, null, { id: '7' }, street)!.query).not.toBe(first.query);
    const list = parse('query L($page: Int) { allOrganizations(page: $page, perPage: 2) { id } }');
    const page = (n: number) => compileResponse(schema, records.models, list, null, { page: n }, admin)!.query;
    expect(page(0)).toBe(page(0));
    expect(page(1)).not.toBe(page(0));
    // Another document of the same text is another entry (kept by document, not by text).
    expect(compile('query B($id: ID!) { Organization(id: $id) { id name } }', { id: '7' })!.query).not.toBe(first.query);
  });

  it('answer a field of today’s date as of the county’s day, not the day the document was first read', async () => {
    const { inspection } = await world.supervision();
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 86_400_000));
    const finding = (await ok(server, 'createFinding', { inspectionId: inspection, responsibleOrganizationId: world.street, area: 'CONDUCT', description: '明日到期', dueDate: tomorrow })).id;
    // A token: its access outlives the days the clock is moved by (a session would expire).
    const reader = await token(['Finding']);
    const query = `{ Finding(id: "${finding}") { id overdue } allFindings(filter: { ids: ["${finding}"] }) { id overdue } }`;
    const overdue = async (url: string) => {
      const res = JSON.parse((await post(url, reader, query)).body);
      return [res.data.Finding.overdue, res.data.allFindings[0].overdue];
    };
    // Read (and kept) on both paths while the finding is not yet due.
    for (let i = 0; i < 2; i++) {
      expect(await overdue(server.url)).toEqual([false, false]);
      expect(await overdue(`http://127.0.0.1:${plain.port}/graphql`)).toEqual([false, false]);
    }
    // Three days later (only the clock moves; timers run as they do).
    jest.useFakeTimers({
      now: Date.now() + 3 * 86_400_000,
      doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'],
    });
    try {
      expect(await overdue(server.url)).toEqual([true, true]);
      expect(await overdue(`http://127.0.0.1:${plain.port}/graphql`)).toEqual([true, true]);
    } finally {
      jest.useRealTimers();
    }
  });
});

if (process.env.TEST_DRIVER === 'pg') {
  describe('compiled reads on PostgreSQL', () => {
    it('are prepared once a document is read again, and answer the same as graphql-js with each new value', async () => {
      const query = 'query ById($id: ID!) { Delegation(id: $id) { id mode powerItem { id name domain { name } } recipient { id name } } }';
      const ids = [world.delegation, '999999', world.delegation];
      for (const id of ids) {
        const { normal, fast, compiled } = await both(admin(), query, { id });
        expect({ id, fast, compiled }).toEqual({ id, fast: normal, compiled: true });
      }
      // Every connection of the pool at once: the one that served the reads holds the statement.
      const pool = server.database.pool!;
      const held = await Promise.all(
        Array.from({ length: 10 }, () => pool.query<{ n: number }>(`select count(*)::int as n from pg_prepared_statements where name like 'compiled\\_%'`)),
      );
      expect(Math.max(...held.map((r) => r.rows[0].n))).toBeGreaterThan(0);
    });
  });
}
