import { seedDemo } from '../../api/seed/seed';
import { departments, guidance, townships, verticalUnits } from '../../api/seed/data/organizations';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { ok } from '../helpers/operations';
import { nothingWritten } from '../helpers/expect-errors';
import { today } from '../../api/dates';

// The demo county a new user sees: Zhenping (《镇平县行政执法改革与管理专项整治工作实施方案》), its catalog following the guidance mapping.
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: true });
});
afterAll(() => server?.stop());

const count = async (field: string, filter: Record<string, unknown> = {}) =>
  (await ok(server, field, { filter }, 'count')).count as number;

it('has the 22 streets and townships, 27 departments and 4 vertical units of 《镇平县行政执法改革与管理专项整治工作实施方案》', async () => {
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

it('has the guidance assignments of 《镇平县行政执法改革与管理专项整治工作实施方案》, each with a lead contact and a liaison at the township', async () => {
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

describe('HR, training and supervision of the demo county', () => {
  it('has a few hundred invented staff across all 22 streets and townships', async () => {
    const staff = await ok(server, 'allStaffMembers', { perPage: 1000 }, 'name category mobile organization { name kind }');
    expect(staff.length).toBeGreaterThanOrEqual(250);
    expect(staff.length).toBeLessThanOrEqual(350);
    const local = staff.filter((s: any) => ['STREET', 'TOWNSHIP'].includes(s.organization.kind));
    const perTownship = new Map<string, number>();
    for (const s of local) perTownship.set(s.organization.name, (perTownship.get(s.organization.name) ?? 0) + 1);
    expect(new Set(perTownship.keys())).toEqual(new Set(townships.map((t) => t.name)));
    for (const n of perTownship.values()) expect(n).toBeGreaterThanOrEqual(8);
    expect(new Set(staff.map((s: any) => s.category))).toEqual(new Set(['ADMINISTRATIVE', 'INSTITUTIONAL', 'ENFORCEMENT', 'AUXILIARY']));
    for (const s of staff) if (s.mobile) expect(s.mobile).toMatch(/^1[3-9]\d{9}$/);
    expect(await count('_allStaffMembersMeta', { legalQualification: true })).toBeGreaterThan(0);
    expect(await count('_allStaffMembersMeta', { status: 'SECONDED' })).toBeGreaterThan(0);
    expect(await count('_allStaffMembersMeta', { status: 'LEFT' })).toBeGreaterThan(0);
  });

  it('has certificates in every status and flags people on an enforcement post without a valid one', async () => {
    for (const status of ['VALID', 'SUSPENDED', 'CANCELLED', 'REVOKED', 'LOST']) {
      expect(await count('_allCertificatesMeta', { status })).toBeGreaterThan(0);
    }
    expect(await count('_allCertificatesMeta', { status: 'VALID', expiresOn_lt: today() })).toBeGreaterThan(0);
    const flagged = await ok(server, 'staffWithoutValidCertificate', {}, 'name certificateAlert');
    expect(flagged.length).toBeGreaterThanOrEqual(2);
    expect(flagged.length).toBeLessThan(20);
    expect(flagged.every((s: any) => s.certificateAlert)).toBe(true);
  });

  it('has an overdue secondment, and transfers of every kind and status', async () => {
    const overdue = await ok(server, 'overdueSecondments', {}, 'expectedReturnDate returnOverdue staffMember { status overdueReturn }');
    expect(overdue.length).toBeGreaterThan(0);
    for (const t of overdue) {
      expect(t.expectedReturnDate < today()).toBe(true);
      expect(t.staffMember).toEqual({ status: 'SECONDED', overdueReturn: true });
    }
    // Another secondment is still within its time.
    expect(await count('_allTransfersMeta', { kind: 'SECONDMENT', status: 'COMPLETED', returnOverdue: false })).toBeGreaterThan(0);
    for (const kind of ['REASSIGNMENT', 'SECONDMENT', 'RETURN', 'RECRUITMENT', 'DEPARTURE']) {
      expect(await count('_allTransfersMeta', { kind, status: 'COMPLETED' })).toBeGreaterThan(0);
    }
    expect(await count('_allTransfersMeta', { status: 'PENDING' })).toBeGreaterThan(0);
    expect(await count('_allTransfersMeta', { status: 'CANCELLED' })).toBeGreaterThan(0);
  });

  it('has quotas for both years, some above the vacancy cap but not most', async () => {
    for (const year of [2025, 2026]) {
      const all = await count('_allStaffingQuotasMeta', { year });
      expect(all).toBeGreaterThanOrEqual(townships.length * 2);
      const above = await ok(server, 'quotasAboveVacancyCap', { year }, 'vacancyRate aboveVacancyCap');
      expect(above.length).toBeGreaterThanOrEqual(3);
      expect(above.length).toBeLessThan(all / 4);
      for (const q of above) expect(q.vacancyRate).toBeGreaterThan(0.2);
    }
  });

  it('has training in 2025 that brings some, not all, to the 30-hour professional-law minimum', async () => {
    const kinds = new Set((await ok(server, 'allTrainingSessions', { perPage: 100 }, 'kind')).map((s: any) => s.kind));
    for (const kind of ['PROFESSIONAL_LAW', 'GENERAL_LAW', 'INDUCTION', 'CASE_BASED', 'COMPETITION']) expect(kinds).toContain(kind);
    const hours = await ok(server, 'trainingHours', { year: 2025 }, 'professionalLawHours meetsProfessionalLawMinimum');
    const meeting = hours.filter((h: any) => h.meetsProfessionalLawMinimum);
    expect(meeting.length).toBeGreaterThan(10);
    expect(hours.length - meeting.length).toBeGreaterThan(10);
    expect(await count('_allTrainingAttendancesMeta')).toBeLessThan(800);
  });

  it('has findings in every status, some overdue, and escalations of every level', async () => {
    const findings = await ok(server, 'allFindings', { perPage: 1000 }, 'status area severity overdue sentBackCount escalation');
    expect(findings.length).toBeGreaterThanOrEqual(20);
    expect(new Set(findings.map((f: any) => f.status))).toEqual(new Set(['OPEN', 'RECTIFYING', 'RECTIFIED', 'VERIFIED']));
    expect(new Set(findings.map((f: any) => f.area))).toEqual(new Set(['TEAM', 'SYSTEM', 'CONDUCT', 'SUPPORT']));
    expect(new Set(findings.map((f: any) => f.severity))).toEqual(new Set(['MINOR', 'MAJOR', 'SERIOUS']));
    expect(findings.filter((f: any) => f.overdue).length).toBeGreaterThanOrEqual(3);
    expect(findings.some((f: any) => f.sentBackCount > 0 && f.status === 'RECTIFYING')).toBe(true);
    const escalations = await ok(server, 'allFindingEscalations', { perPage: 1000 }, 'level escalatedOn');
    expect(new Set(escalations.map((e: any) => e.level))).toEqual(new Set(['NOTICE', 'CIRCULAR', 'INTERVIEW', 'FLAGGED', 'REFERRED']));
    expect(escalations.every((e: any) => e.escalatedOn <= today())).toBe(true);
  });

  it('has case reports for 2024 and 2025 for the 22 streets and townships, scored out of 100', async () => {
    for (const [periodStart, periodEnd] of [
      ['2024-01-01', '2024-12-31'],
      ['2025-01-01', '2025-12-31'],
    ]) {
      const reports = await ok(
        server,
        'allCaseReports',
        { filter: { periodStart, periodEnd }, perPage: 100 },
        'organization { name } totalScore rates { key rate points }',
      );
      expect(new Set(reports.map((r: any) => r.organization.name))).toEqual(new Set(townships.map((t) => t.name)));
      for (const r of reports) {
        expect(r.totalScore).toBeGreaterThanOrEqual(0);
        expect(r.totalScore).toBeLessThanOrEqual(100);
      }
      // Some offices had no final judgment: their winning rate does not apply.
      expect(reports.some((r: any) => r.rates.find((x: any) => x.key === 'winning').rate === null)).toBe(true);
    }
  });
});

it('seeding again changes nothing', async () => {
  await nothingWritten(server, async () => {
    await seedDemo(server.database.db);
  });
});

it('has a week of sign-ins: successes, failures and sessions ended every way', async () => {
  const events = await ok(server, 'allLoginEvents', { perPage: 100 }, 'result reason');
  expect(new Set(events.map((e: { reason: string }) => e.reason))).toEqual(new Set(['SIGNED_IN', 'WRONG_PASSWORD', 'UNKNOWN_USER']));
  // The demo's sessions have all ended; the test's own administrator's is open.
  const sessions = await ok(server, 'allUserSessions', { filter: { online: false }, perPage: 100 }, 'endedBy');
  expect(new Set(sessions.map((s: { endedBy: string }) => s.endedBy))).toEqual(new Set(['SIGNED_OUT', 'IDLE', 'FORCED']));
});

it('does not bring back a demo account an administrator renamed, and keeps the sign-ins of one that signed in', async () => {
  const [viewer] = await ok(server, 'allUsers', { filter: { username: 'viewer' } }, 'id role');
  expect(viewer.role).toBe('VIEWER');
  // An account with a sign-in history is disabled or renamed, never deleted: the log keeps it.
  const refused = await server.gql(`mutation { deleteUser(id: "${viewer.id}") { id } }`);
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'REFERENCED' });
  await ok(server, 'updateUser', { id: viewer.id, username: 'viewer.renamed', active: false });
  await seedDemo(server.database.db);
  expect(await ok(server, 'allUsers', { filter: { username: 'viewer' } })).toEqual([]);
});
