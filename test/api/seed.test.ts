import { seedDemo } from '../../api/seed/seed';
import { departments, guidance, townships, verticalUnits } from '../../api/seed/data/organizations';
import { dbFingerprint, startTestServer, type TestServer } from '../helpers/test-server';
import { ok } from '../helpers/operations';
import { today } from '../../api/dates';

// The demo county a new user sees: Zhenping (seed 004), its catalog following the guidance mapping.
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: true });
});
afterAll(() => server?.stop());

const count = async (field: string, filter: Record<string, unknown> = {}) =>
  (await ok(server, field, { filter }, 'count')).count as number;

it('has the 22 streets and townships, 27 departments and 4 vertical units of seed 004', async () => {
  expect(await count('_allOrganizationsMeta', { kind: 'STREET' })).toBe(3);
  expect(await count('_allOrganizationsMeta', { kind: 'TOWNSHIP' })).toBe(19);
  expect(await count('_allOrganizationsMeta', { kind: 'DEPARTMENT' })).toBe(27);
  expect(await count('_allOrganizationsMeta', { kind: 'VERTICAL_UNIT' })).toBe(4);
  const police = await ok(server, 'allOrganizations', { filter: { q: '派出所' } }, 'name parent { name }');
  expect(police.length).toBeGreaterThan(0);
  expect(police[0].parent.name).toBe('镇平县公安局');
});

it('has at least 40 power items, each with a legal basis and a domain', async () => {
  const items = await ok(server, 'allPowerItems', { perPage: 1000 }, 'name settingBasis category domain { name } sourceDepartment { kind }');
  expect(items.length).toBeGreaterThanOrEqual(40);
  for (const item of items) {
    expect(item.settingBasis).toMatch(/《.+》/);
    expect(['DEPARTMENT', 'VERTICAL_UNIT']).toContain(item.sourceDepartment.kind);
  }
  expect(await count('_allEnforcementDomainsMeta')).toBeGreaterThanOrEqual(10);
});

it('has a published catalog whose delegations follow the guidance mapping', async () => {
  const [catalog] = await ok(server, 'allDelegationCatalogs', { filter: { status: 'PUBLISHED' } }, 'id documentNumber supersedes { status }');
  expect(catalog.documentNumber).toBeTruthy();
  expect(catalog.supersedes.status).toBe('SUPERSEDED');
  const delegations = await ok(
    server,
    'allDelegations',
    { filter: { catalogId: catalog.id }, perPage: 1000 },
    'recipient { name } delegatingOrganization { name }',
  );
  const pairs = new Set(delegations.map((d: any) => `${d.delegatingOrganization.name}→${d.recipient.name}`));
  const expected = new Set<string>();
  const full = (short: string) => [...departments, ...verticalUnits, ...townships].find((o) => o.short === short)!.name;
  for (const g of guidance) for (const t of g.townships) expected.add(`${full(g.department)}→${full(t)}`);
  expect(pairs).toEqual(expected);
});

it('answers what 涅阳街道 holds today and held in 2022', async () => {
  const [nieyang] = await ok(server, 'allOrganizations', { filter: { name: '涅阳街道' } });
  const now = await ok(server, 'delegationsAsOf', { organizationId: nieyang.id, date: today() }, 'mode catalog { status }');
  expect(now.length).toBeGreaterThan(0);
  expect(now.every((d: any) => d.catalog.status === 'PUBLISHED' && d.mode === 'GRANTED')).toBe(true);
  const then = await ok(server, 'delegationsAsOf', { organizationId: nieyang.id, date: '2022-01-01' }, 'mode catalog { status }');
  expect(then.length).toBeGreaterThan(0);
  expect(then.every((d: any) => d.catalog.status === 'SUPERSEDED' && d.mode === 'ENTRUSTED')).toBe(true);
});

it('has the guidance assignments of seed 004, each with a lead contact and a liaison at the township', async () => {
  const assignments = await ok(server, 'allGuidanceAssignments', { perPage: 100 }, 'department { name } township { id name } leadContact { organizationId mobile }');
  expect(assignments).toHaveLength(guidance.reduce((n, g) => n + g.townships.length, 0));
  const full = (short: string) => [...departments, ...verticalUnits, ...townships].find((o) => o.short === short)!.name;
  expect(new Set(assignments.map((a: any) => `${a.department.name}→${a.township.name}`))).toEqual(
    new Set(guidance.flatMap((g) => g.townships.map((t) => `${full(g.department)}→${full(t)}`))),
  );
  for (const a of assignments) {
    expect(a.leadContact.mobile).toMatch(/^1[3-9]\d{9}$/);
    const liaisons = await ok(server, 'allLiaisonContacts', { filter: { organizationId: a.township.id, role: 'LIAISON' } }, 'counterpartId');
    expect(liaisons.length).toBe(1);
  }
  expect(await count('_allResponsibilityEntriesMeta')).toBe(guidance.length * 4);
});

it('seeding again changes nothing', async () => {
  const before = await dbFingerprint(server);
  await seedDemo(server.database.db);
  expect(await dbFingerprint(server)).toEqual(before);
});
