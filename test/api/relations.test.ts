import { organizations, staffMembers } from '../../drizzle/schema';
import { call, ok } from '../helpers/operations';
import { errorCode, onlyError } from '../helpers/expect-errors';
import { withWorld } from '../helpers/fixtures';

// Reverse relations: each record answers the records that point at it, with allXs's filter,
// order, paging and count, under the same read rules, and a page of parents asks the database
// once per relation, not once per parent.
const { server, world } = withWorld();

const delegate = (recipientId: string, extra: Record<string, unknown> = {}) => world.delegate(recipientId, extra);

const organization = (id: string, selection: string) => ok(server, 'Organization', { id }, selection);

async function token(scopes: string[], personalData = false) {
  const issued = await ok(server, 'issueApiToken', { name: '关系测试平台', scopes, expiresAt: '2099-01-01T00:00:00Z', personalData }, 'secret');
  return server.as(issued.secret);
}

describe('a street answers the records that point at it', () => {
  let street: string;
  let other: string;
  let held: string[];

  beforeAll(async () => {
    street = await world.org('关系街道', 'STREET');
    other = await world.org('别的街道', 'STREET');
    held = [];
    for (let i = 0; i < 4; i++) {
      held.push(await delegate(street, { mode: i % 2 ? 'ENTRUSTED' : 'GRANTED', effectiveFrom: `2021-0${i + 6}-01` }));
    }
    await delegate(other);
  });

  it('lists only its own, named by the field when two fields point at it', async () => {
    const org = await organization(street, 'delegationsAsRecipient { id recipientId } _delegationsAsRecipientMeta { count }');
    expect(org.delegationsAsRecipient.map((d: any) => d.id)).toEqual(held);
    expect(org.delegationsAsRecipient.every((d: any) => d.recipientId === street)).toBe(true);
    expect(org._delegationsAsRecipientMeta.count).toBe(4);
    // The department that delegated them sees them from its side.
    const department = await organization(world.department, '_delegationsAsDelegatingOrganizationMeta { count }');
    expect(department._delegationsAsDelegatingOrganizationMeta.count).toBeGreaterThanOrEqual(6);
  });

  it('filters, sorts and pages like allDelegations; the count follows the filter', async () => {
    const org = await organization(
      street,
      `entrusted: delegationsAsRecipient(filter: { mode: ENTRUSTED }) { id mode }
       _delegationsAsRecipientMeta(filter: { mode: ENTRUSTED }) { count }
       latest: delegationsAsRecipient(sortField: "effectiveFrom", sortOrder: "DESC", perPage: 2) { id effectiveFrom createdAt version }
       second: delegationsAsRecipient(sortField: "effectiveFrom", sortOrder: "DESC", perPage: 2, page: 1) { id }
       beyond: delegationsAsRecipient(perPage: 2, page: 5) { id }
       since: delegationsAsRecipient(filter: { effectiveFrom_gte: "2021-08-01" }) { id }`,
    );
    expect(org.entrusted.map((d: any) => d.id)).toEqual([held[1], held[3]]);
    expect(org._delegationsAsRecipientMeta.count).toBe(2);
    expect(org.latest.map((d: any) => d.id)).toEqual([held[3], held[2]]);
    // Read through the window query, values arrive as allDelegations gives them.
    expect(org.latest[0]).toMatchObject({ effectiveFrom: '2021-09-01', createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/), version: 1 });
    expect(org.second.map((d: any) => d.id)).toEqual([held[1], held[0]]);
    expect(org.beyond).toEqual([]);
    expect(org.since.map((d: any) => d.id)).toEqual([held[2], held[3]]);
  });

  it('a filter on the pointing field cannot reach another street’s records', async () => {
    const org = await organization(street, `delegationsAsRecipient(filter: { recipientId: "${other}" }) { id } _delegationsAsRecipientMeta(filter: { recipientId: "${other}" }) { count }`);
    expect(org.delegationsAsRecipient).toEqual([]);
    expect(org._delegationsAsRecipientMeta.count).toBe(0);
  });

  it('starts at a page of ten inside a record, and serves more when asked', async () => {
    const many = await world.org('多项街道', 'STREET');
    for (let i = 0; i < 12; i++) await delegate(many);
    const org = await organization(many, 'delegationsAsRecipient { id } more: delegationsAsRecipient(perPage: 20) { id } _delegationsAsRecipientMeta { count }');
    expect(org.delegationsAsRecipient).toHaveLength(10);
    expect(org.more).toHaveLength(12);
    expect(org._delegationsAsRecipientMeta.count).toBe(12);
  });

  it('refuses bad paging, an unknown sort field and a malformed id with the field named', async () => {
    const bad = await call(server, 'Organization', { id: street }, 'delegationsAsRecipient(perPage: 0) { id }');
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(onlyError(bad).extensions?.fieldErrors?.[0]).toMatchObject({ field: 'perPage', zh: expect.stringContaining('每页条数') });
    const sort = await call(server, 'Organization', { id: street }, 'delegationsAsRecipient(sortField: "nonsense") { id }');
    expect(onlyError(sort).extensions?.fieldErrors?.[0]).toMatchObject({ field: 'sortField' });
    const id = await call(server, 'Organization', { id: street }, '_delegationsAsRecipientMeta(filter: { powerItemId: "x" }) { count }');
    expect(onlyError(id).extensions?.fieldErrors?.[0]).toMatchObject({ field: 'filter.powerItemId' });
  });

  it('names the relations from the model: plural of the pointing record, by field when it points twice or at itself', async () => {
    const person = await world.generalLaw(await world.staffMember());
    await ok(server, 'createCertificate', { staffMemberId: person, number: world.unique('豫执关-'), issuingAuthority: '河南省人民政府', issuedOn: '2023-01-01' });
    await ok(server, 'createPosting', { staffMemberId: person, organizationId: world.street, post: 'ENFORCEMENT', startedOn: '2024-01-01' });
    const got = await ok(server, 'StaffMember', { id: person }, 'certificates { staffMemberId } postings { organizationId } _certificatesMeta { count }');
    expect(got).toEqual({ certificates: [{ staffMemberId: person }], postings: [{ organizationId: world.street }], _certificatesMeta: { count: 1 } });
    const child = await world.org('下属单位', 'OTHER', { parentId: world.government });
    expect((await organization(world.government, 'organizationsAsParent { id }')).organizationsAsParent).toEqual([{ id: child }]);
    const catalog = await ok(server, 'DelegationCatalog', { id: world.catalog }, 'delegations { id } _delegationsMeta { count }');
    expect(catalog._delegationsMeta.count).toBeGreaterThan(0);
    const power = await ok(server, 'PowerItem', { id: world.powerItem }, 'delegations { id recipientId } _delegationsMeta { count }');
    expect(power).toEqual({ delegations: [{ id: world.delegation, recipientId: world.street }], _delegationsMeta: { count: 1 } });
  });
});

describe('a page of parents asks the database once per relation', () => {
  const REGION = '批量县';
  let parents: { id: number }[];

  beforeAll(async () => {
    // Inserted in one statement: the subject is reading them, not creating them.
    parents = await server.database.db
      .insert(organizations)
      .values(Array.from({ length: 100 }, (_, i) => ({ name: `批量街道${i}`, kind: 'STREET' as const, region: REGION, code: world.unique('BULK-') })))
      .returning({ id: organizations.id });
    await server.database.db.insert(staffMembers).values(
      parents.flatMap((p, i) => Array.from({ length: (i % 3) + 1 }, (_, k) => ({ name: `批量员${i}-${k}`, organizationId: p.id, category: 'ENFORCEMENT' as const }))),
    );
  });

  it('reads 100 streets with their staff, counts and a reference of each in a bounded number of statements', async () => {
    const query = `{ allOrganizations(filter: { region: "${REGION}" }, perPage: 100, sortField: "id") {
      id
      staffMembers(perPage: 2, sortField: "name", sortOrder: "DESC") { name organizationId organization { name } certificateAlert }
      _staffMembersMeta { count }
      delegationsAsRecipient { id }
    } }`;
    server.queries.length = 0;
    const res = await server.gql(query);
    const statements = server.queries.length;
    expect(res.errors).toBeUndefined();
    const rows = res.data!.allOrganizations;
    expect(rows).toHaveLength(100);
    rows.forEach((org: any, i: number) => {
      const size = (i % 3) + 1;
      expect(org._staffMembersMeta.count).toBe(size);
      expect(org.staffMembers.map((s: any) => s.name)).toEqual([`批量员${i}-${size - 1}`, `批量员${i}-${size - 2}`].slice(0, Math.min(size, 2)));
      expect(org.staffMembers.every((s: any) => s.organizationId === org.id && s.organization.name === `批量街道${i}`)).toBe(true);
      expect(org.delegationsAsRecipient).toEqual([]);
    });
    // The sign-in check, the list, the staff pages, their count, their organizations and the
    // delegations: one each, where one per parent would be over 300.
    expect(statements).toBeLessThanOrEqual(6);
  });

  it('sorts each parent’s page by a computed field', async () => {
    const res = await server.gql(`{ allOrganizations(filter: { region: "${REGION}" }, perPage: 3, sortField: "id") { staffMembers(sortField: "certificateAlert", sortOrder: "DESC") { certificateAlert organizationId } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.allOrganizations.map((o: any) => o.staffMembers.length)).toEqual([1, 2, 3]);
  });
});

describe('the same read rules as allXs, through the nested field', () => {
  it('shows a street’s HR officer and a viewer only their own account among the street’s users', async () => {
    const hr = await server.tokenFor('HR', world.street);
    const viewer = await server.tokenFor('VIEWER', world.street);
    await server.tokenFor('SUPERVISOR', world.street);
    const admin = await organization(world.street, 'users { username } _usersMeta { count }');
    expect(admin._usersMeta.count).toBe(3);
    for (const token of [hr, viewer]) {
      const me = (await ok(server.as(token), 'me', {}, 'username')).username;
      const own = await ok(server.as(token), 'Organization', { id: world.street }, 'users { username } _usersMeta { count }');
      expect(own).toEqual({ users: [{ username: me }], _usersMeta: { count: 1 } });
    }
  });

  it('lets a street’s HR officer read the street’s staff and another street’s, as allStaffMembers does', async () => {
    const hr = server.as(await server.tokenFor('HR', world.street));
    await world.staffMember();
    const own = await ok(hr, 'Organization', { id: world.street }, '_staffMembersMeta { count }');
    const listed = await ok(hr, '_allStaffMembersMeta', { filter: { organizationId: world.street } }, 'count');
    expect(own._staffMembersMeta.count).toBe(listed.count);
  });

  it('refuses a token without the related record’s scope on the nested list and on its count', async () => {
    const orgOnly = await token(['Organization']);
    expect((await ok(orgOnly, 'Organization', { id: world.street }, 'name')).name).toBe('测试街道');
    for (const selection of ['delegationsAsRecipient { id }', '_delegationsAsRecipientMeta { count }']) {
      const res = await call(orgOnly, 'Organization', { id: world.street }, selection);
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(onlyError(res).extensions?.messages?.zh).toContain('Delegation');
    }
    const both = await token(['Organization', 'Delegation']);
    expect((await ok(both, 'Organization', { id: world.street }, '_delegationsAsRecipientMeta { count }'))._delegationsAsRecipientMeta.count).toBeGreaterThan(0);
  });

  it('masks personal fields through the nested field, and refuses looking people up by them there', async () => {
    const person = await world.staffMember({ name: '王小明' });
    const masked = await token(['Organization', 'StaffMember']);
    const got = await ok(masked, 'Organization', { id: world.street }, `staffMembers(filter: { ids: ["${person}"] }) { name }`);
    expect(got.staffMembers).toEqual([{ name: '王**' }]);
    const search = await call(masked, 'Organization', { id: world.street }, 'staffMembers(filter: { q: "王小明" }) { id }');
    expect(errorCode(search)).toBe('FORBIDDEN');
    const sorted = await call(masked, 'Organization', { id: world.street }, 'staffMembers(sortField: "name") { id }');
    expect(errorCode(sorted)).toBe('FORBIDDEN');
    const personal = await token(['Organization', 'StaffMember'], true);
    expect((await ok(personal, 'Organization', { id: world.street }, `staffMembers(filter: { ids: ["${person}"] }) { name }`)).staffMembers).toEqual([{ name: '王小明' }]);
  });

  it('answers nothing to an anonymous caller', async () => {
    expect(errorCode(await call(server.as(null), 'Organization', { id: world.street }, 'staffMembers { id }'))).toBe('UNAUTHENTICATED');
  });
});

describe('what a street held on a day, a page at a time', () => {
  it('pages delegationsAsOf and counts it, under the Delegation scope', async () => {
    const street = await world.org('分页街道', 'STREET');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await delegate(street));
    const { version } = await ok(server, 'DelegationCatalog', { id: world.catalog }, 'version');
    await ok(server, 'publishDelegationCatalog', { id: world.catalog, version });
    const day = { organizationId: street, date: '2022-01-01' };
    expect((await ok(server, '_delegationsAsOfMeta', day, 'count')).count).toBe(3);
    expect((await ok(server, '_delegationsAsOfMeta', { ...day, date: '2021-01-01' }, 'count')).count).toBe(0);
    const all = await ok<any[]>(server, 'delegationsAsOf', day, 'id');
    expect(all.map((d) => d.id).sort()).toEqual([...ids].sort());
    const first = await ok<any[]>(server, 'delegationsAsOf', { ...day, perPage: 2 }, 'id');
    const second = await ok<any[]>(server, 'delegationsAsOf', { ...day, perPage: 2, page: 1 }, 'id');
    expect([...first, ...second].map((d) => d.id)).toEqual(all.map((d) => d.id));
    expect(onlyError(await call(server, 'delegationsAsOf', { ...day, perPage: 0 })).extensions?.fieldErrors?.[0]).toMatchObject({ field: 'perPage' });

    const orgOnly = await token(['Organization']);
    expect(errorCode(await call(orgOnly, '_delegationsAsOfMeta', day, 'count'))).toBe('FORBIDDEN');
    const withDelegations = await token(['Organization', 'Delegation']);
    expect((await ok(withDelegations, '_delegationsAsOfMeta', day, 'count')).count).toBe(3);
  });
});
