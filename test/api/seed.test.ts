import { seedDemo } from '../../api/seed/seed';
import { delegationReach, departments, guidance, townships, verticalUnits } from '../../api/seed/data/organizations';
import { GUIDING } from '../../api/seed/data/directory';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { ok } from '../helpers/operations';
import { nothingWritten } from '../helpers/expect-errors';
import { today } from '../../api/dates';

// The demo county a new user sees: Zhenping (《镇平县行政执法改革与管理专项整治工作实施方案》), each department delegating its own
// items wherever they reach, whoever guides the township.
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

const full = (short: string) => [...departments, ...verticalUnits, ...townships].find((o) => o.short === short)!.name;

it('has a published catalog where every department delegates its own items, not only to the townships it guides', async () => {
  const [catalog] = await ok(server, 'allDelegationCatalogs', { filter: { status: 'PUBLISHED' } }, 'id documentNumber supersedes { status }');
  expect(catalog.documentNumber).toBeTruthy();
  expect(catalog.supersedes.status).toBe('SUPERSEDED');
  const delegations = await ok<any[]>(
    server,
    'allDelegations',
    { filter: { catalogId: catalog.id }, perPage: 1000 },
    'recipient { name } delegatingOrganization { id name } powerItem { sourceDepartmentId }',
  );
  // The delegating department is the item's own (原实施部门), every time.
  for (const d of delegations) expect(d.delegatingOrganization.id).toBe(d.powerItem.sourceDepartmentId);
  const pairs = new Set(delegations.map((d) => `${d.delegatingOrganization.name}→${d.recipient.name}`));
  expect(pairs).toEqual(new Set(delegationReach.flatMap((r) => r.townships.map((t) => `${full(r.department)}→${full(t)}`))));
  // Departments that guide no one hand their items down all the same; urban management to every street and township.
  const reached = (department: string) => new Set(delegations.filter((d) => d.delegatingOrganization.name === full(department)).map((d) => d.recipient.name));
  for (const department of ['住建局', '水利局', '卫健委', '林业局']) {
    expect(guidance.some((g) => g.department === department)).toBe(false);
    expect(reached(department).size).toBeGreaterThanOrEqual(4);
  }
  expect(reached('城市管理局')).toEqual(new Set(townships.map((t) => t.name)));
  // And a guiding department reaches townships it does not guide.
  const guided = new Set(guidance.flatMap((g) => g.townships.map((t) => `${full(g.department)}→${full(t)}`)));
  expect([...pairs].filter((p) => !guided.has(p)).length).toBeGreaterThan(guided.size);
  for (const p of guided) expect(pairs).toContain(p);
});

it('gives no street or township an item twice on any day of its catalogs', async () => {
  const local = [
    ...(await ok<any[]>(server, 'allOrganizations', { filter: { kind: 'STREET' }, perPage: 100 }, 'id')),
    ...(await ok<any[]>(server, 'allOrganizations', { filter: { kind: 'TOWNSHIP' }, perPage: 100 }, 'id')),
  ];
  expect(local).toHaveLength(22);
  for (const date of ['2022-01-01', '2023-07-01', today()]) {
    for (const { id } of local) {
      const held = (await ok<any[]>(server, 'delegationsAsOf', { organizationId: id, date, perPage: 1000 }, 'powerItemId')).map((d) => d.powerItemId);
      expect(held.length).toBeGreaterThan(0);
      expect(new Set(held).size).toBe(held.length);
    }
  }
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

it('has each department’s staff named to every township its items reach, the guiding ones marked, a liaison at each township, and four lists for all', async () => {
  const assignments = await ok<any[]>(server, 'allGuidanceAssignments', { perPage: 1000 }, 'note department { name } township { id name } leadContact { organizationId title mobile }');
  const pair = (a: any) => `${a.department.name}→${a.township.name}`;
  expect(new Set(assignments.map(pair))).toEqual(new Set(delegationReach.flatMap((r) => r.townships.map((t) => `${full(r.department)}→${full(t)}`))));
  expect(assignments).toHaveLength(delegationReach.reduce((n, r) => n + r.townships.length, 0));
  // Who guides is still the county's guidance mapping: those assignments say so; the others are staff named (分包).
  const guiding = assignments.filter((a) => a.note === GUIDING);
  expect(new Set(guiding.map(pair))).toEqual(new Set(guidance.flatMap((g) => g.townships.map((t) => `${full(g.department)}→${full(t)}`))));
  expect(new Set(guiding.map((a) => a.leadContact.title))).toEqual(new Set(['执法大队副大队长']));
  expect(new Set(assignments.filter((a) => a.note !== GUIDING).map((a) => a.leadContact.title))).toEqual(new Set(['分包执法人员']));
  for (const a of assignments) expect(a.leadContact.mobile).toMatch(/^1[3-9]\d{9}$/);
  for (const t of new Set(assignments.map((a) => a.township.id))) {
    const liaisons = await ok(server, 'allLiaisonContacts', { filter: { organizationId: t, role: 'LIAISON' } }, 'counterpartId');
    expect(liaisons.length).toBe(1);
  }
  // 任务、责任、流程、标准: four lists for each department that delegates and for each street and township.
  const entries = await ok<any[]>(server, 'allResponsibilityEntries', { perPage: 1000 }, 'kind organization { name kind }');
  expect(entries).toHaveLength((delegationReach.length + townships.length) * 4);
  const kinds = new Map<string, Set<string>>();
  for (const e of entries) kinds.set(e.organization.name, (kinds.get(e.organization.name) ?? new Set()).add(e.kind));
  expect(new Set(kinds.keys())).toEqual(new Set([...delegationReach.map((r) => full(r.department)), ...townships.map((t) => t.name)]));
  for (const seen of kinds.values()) expect(seen).toEqual(new Set(['TASK', 'RESPONSIBILITY', 'PROCESS', 'STANDARD']));
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

  it('has certificate histories, leavers whose certificates were cancelled, a transfer not carried out, a misused place and an exempted quota', async () => {
    for (const kind of ['ANNUAL_REVIEW', 'SUSPENDED', 'RESTORED', 'CANCELLED', 'REVOKED', 'LOSS_PUBLISHED']) {
      expect(await count('_allCertificateEventsMeta', { kind })).toBeGreaterThan(0);
    }
    // Each leaver's certificates were cancelled by the departure or retirement itself.
    const leavers = await ok<any[]>(server, 'allTransfers', { filter: { status: 'COMPLETED' }, perPage: 1000 }, 'id kind staffMember { status certificates { status } }');
    const gone = leavers.filter((t) => t.kind === 'DEPARTURE' || t.kind === 'RETIREMENT');
    expect(new Set(gone.map((t) => t.kind))).toEqual(new Set(['DEPARTURE', 'RETIREMENT']));
    for (const t of gone) expect(t.staffMember.certificates.map((c: any) => c.status)).toEqual(t.staffMember.certificates.map(() => 'CANCELLED'));
    expect(await count('_allCertificateEventsMeta', { kind: 'CANCELLED', transferId_null: false })).toBe(gone.length);
    expect((await ok<any[]>(server, 'overdueTransfers', {}, 'overdue')).length).toBeGreaterThan(0);
    expect(await count('_allStaffingQuotasMeta', { misused_gt: 0 })).toBeGreaterThan(0);
    const exempt = await ok<any[]>(server, 'allStaffingQuotas', { filter: { capExempt: true } }, 'effectiveVacancyRate aboveVacancyCap capExemptDocument');
    expect(exempt.length).toBeGreaterThan(0);
    for (const q of exempt) expect(q).toMatchObject({ aboveVacancyCap: false, capExemptDocument: expect.stringMatching(/〔\d{4}〕/) });
    expect(exempt.some((q) => q.effectiveVacancyRate > 0.2)).toBe(true);
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
    for (const kind of ['REASSIGNMENT', 'SECONDMENT', 'RETURN', 'RECRUITMENT', 'DEPARTURE', 'RETIREMENT']) {
      expect(await count('_allTransfersMeta', { kind, status: 'COMPLETED' })).toBeGreaterThan(0);
    }
    expect(await count('_allTransfersMeta', { status: 'PENDING' })).toBeGreaterThan(0);
    expect(await count('_allTransfersMeta', { status: 'CANCELLED' })).toBeGreaterThan(0);
  });

  it('has quotas for both years, some above the vacancy cap but not most', async () => {
    for (const year of [2025, 2026]) {
      const all = await count('_allStaffingQuotasMeta', { year });
      expect(all).toBeGreaterThanOrEqual(townships.length * 2);
      const above = await ok(server, 'quotasAboveVacancyCap', { year }, 'effectiveVacancyRate aboveVacancyCap');
      expect(above.length).toBeGreaterThanOrEqual(3);
      expect(above.length).toBeLessThan(all / 4);
      for (const q of above) expect(q.effectiveVacancyRate).toBeGreaterThan(0.2);
    }
  });

  it('has training in 2025 that brings some, not all, to the 30-hour professional-law minimum', async () => {
    const kinds = new Set((await ok(server, 'allTrainingSessions', { perPage: 100 }, 'kind')).map((s: any) => s.kind));
    for (const kind of ['PROFESSIONAL_LAW', 'GENERAL_LAW', 'INDUCTION', 'CASE_BASED', 'COMPETITION']) expect(kinds).toContain(kind);
    const hours = await ok(server, 'trainingHours', { year: 2025 }, 'professionalLawHours meetsProfessionalLawMinimum');
    const meeting = hours.filter((h: any) => h.meetsProfessionalLawMinimum);
    expect(meeting.length).toBeGreaterThan(10);
    expect(hours.length - meeting.length).toBeGreaterThan(10);
    // About a thousand, not thousands: the 2025 drill adds one per person of the general-law rotation,
    // the qualifying rotations one per officer, the 2025 make-up sessions one per person who missed.
    expect(await count('_allTrainingAttendancesMeta')).toBeLessThan(1300);
  });

  it('has 2025 general-law days, roadshows and guided cases that some meet and some do not, and a recruit overdue for induction', async () => {
    const days = await ok<any[]>(server, 'trainingDays', { year: 2025 }, 'generalLawDays drillDays meetsMinimum');
    expect(days.filter((d) => d.meetsMinimum).length).toBeGreaterThan(10);
    expect(days.filter((d) => !d.meetsMinimum && d.drillDays > 0).length).toBeGreaterThan(0); // left the drill after a day
    const support = await ok<any[]>(server, 'streetTrainingSupport', { year: 2025 }, 'organization { name } roadshows guidedCases meetsMinimum');
    expect(support).toHaveLength(22);
    expect(support.filter((s) => s.meetsMinimum).map((s) => s.organization.name).sort()).toEqual(['涅阳街道', '玉都街道', '石佛寺镇', '雪枫街道'].sort());
    expect(support.find((s) => s.organization.name === '杨营镇')).toMatchObject({ roadshows: 2, guidedCases: 2, meetsMinimum: false });
    const overdue = await ok<any[]>(server, 'recruitsWithoutInduction', {}, 'organization { name }');
    expect(overdue.map((s) => s.organization.name)).toEqual(['曲屯镇']);
  });

  it('has equipment and patrol grids for every street and township, some short of cameras or of a named person', async () => {
    const teams = await ok<any[]>(server, 'teamEquipmentAndGrids', {}, 'organization { name } bodyCameras meetsBodyCameraMinimum grids gridsWithoutPerson gridsStaffed');
    expect(teams).toHaveLength(22);
    expect(teams.filter((t) => !t.meetsBodyCameraMinimum).map((t) => [t.organization.name, t.bodyCameras])).toEqual(
      expect.arrayContaining([['晁陂镇', 3], ['马庄乡', 3], ['遮山镇', 3]]),
    );
    expect(teams.filter((t) => !t.meetsBodyCameraMinimum)).toHaveLength(3);
    expect(teams.filter((t) => !t.gridsStaffed).map((t) => [t.organization.name, t.grids, t.gridsWithoutPerson]).sort()).toEqual([
      ['王岗乡', 0, 0],
      ['郭庄乡', 5, 1],
    ]);
    expect(await ok(server, 'gridsWithoutResponsiblePerson', {}, 'name')).toEqual([{ name: '郭庄乡中心片区二级网格' }]);
  });

  it('has a 2025 team standard sheet where every standard is met by some teams and missed by others', async () => {
    const sheet = await ok<any[]>(server, 'teamStandards', { year: 2025 }, 'standard passed organization { name }');
    expect(sheet).toHaveLength(22 * 11);
    const results = new Map<string, Set<boolean>>();
    for (const r of sheet) results.set(r.standard, (results.get(r.standard) ?? new Set()).add(r.passed));
    expect([...results].filter(([, seen]) => seen.size !== 2).map(([standard]) => standard)).toEqual([]);
    const failed = (standard: string) => sheet.filter((r) => r.standard === standard && !r.passed).map((r) => r.organization.name).sort();
    expect(failed('SQUAD_LEADER')).toEqual(['张林镇', '老庄镇']);
    expect(failed('LIAISON')).toEqual(['侯集镇']);
    expect(failed('BODY_CAMERAS')).toEqual(['晁陂镇', '遮山镇', '马庄乡']);
    // Every enforcement posting of the demo began with the general-law completion it needs.
    expect(failed('TRAINING_DAYS')).not.toContain('涅阳街道');
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

  it('has case reports for 2024 to 2026 for the 22 streets and townships, scored out of 100', async () => {
    for (const [periodStart, periodEnd] of [
      ['2024-01-01', '2024-12-31'],
      ['2025-01-01', '2025-12-31'],
      ['2026-01-01', '2026-12-31'],
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
    // The latest year leaves some targets to the two previous years' average; the ranking shows it.
    const ranking = await ok(server, 'caseRanking', { year: 2026 }, 'rank filingTargetDefaulted');
    expect(ranking).toHaveLength(townships.length);
    expect(ranking[0].rank).toBe(1);
    expect(ranking.filter((r: any) => r.filingTargetDefaulted).length).toBeGreaterThan(0);
    expect(ranking.filter((r: any) => !r.filingTargetDefaulted).length).toBeGreaterThan(0);
  });

  it('has self-inspections (one a zero report), graded case-file reviews, and serious findings flagged in time and not', async () => {
    const zero = await ok(server, 'zeroReportSelfInspections', {}, 'kind inspectedOrganization { name }');
    expect(zero).toEqual([{ kind: 'SELF_INSPECTION', inspectedOrganization: { name: expect.stringContaining('枣园') } }]);
    const reviews = await ok(server, 'allInspections', { filter: { kind: 'CASE_REVIEW' } }, 'filesReviewed filesExcellent filesGood filesPassed filesFailed');
    expect(reviews.length).toBeGreaterThanOrEqual(3);
    for (const r of reviews) expect(r.filesExcellent + r.filesGood + r.filesPassed + r.filesFailed).toBe(r.filesReviewed);
    expect(await count('_allOrganizationsMeta', { caseReviewDue: true })).toBeGreaterThan(0);
    const serious = await ok(server, 'allFindings', { filter: { severity: 'SERIOUS' } }, 'flaggingOverdue');
    expect(serious.some((f: any) => f.flaggingOverdue)).toBe(true);
    expect(serious.some((f: any) => !f.flaggingOverdue)).toBe(true);
  });
});

it('has case referrals on time, late and overdue, police referrals copied to the procuratorate, and complaints that became them', async () => {
  const referrals = await ok(server, 'allCaseReferrals', { perPage: 100 }, 'id kind status overdue late procuratorateCopiedTo toOrganization { name }');
  expect(new Set(referrals.map((r: any) => r.status))).toEqual(new Set(['SENT', 'RECEIVED', 'ACCEPTED', 'RETURNED']));
  expect(referrals.some((r: any) => r.overdue)).toBe(true);
  expect(referrals.some((r: any) => r.late && !r.overdue)).toBe(true);
  expect(referrals.some((r: any) => ['ACCEPTED', 'RETURNED'].includes(r.status) && !r.late)).toBe(true);
  const police = referrals.filter((r: any) => r.kind === 'TO_POLICE');
  expect(police.length).toBeGreaterThan(0);
  for (const r of police) expect(r).toMatchObject({ procuratorateCopiedTo: '镇平县人民检察院', toOrganization: { name: '镇平县公安局' } });
  expect((await ok(server, 'overdueCaseReferrals', {})).length).toBe(referrals.filter((r: any) => r.overdue).length);
  const complaints = await ok(server, 'allComplaints', { perPage: 100 }, 'channel closedOn disposition caseReferral { id }');
  expect(new Set(complaints.map((c: any) => c.channel))).toEqual(new Set(['HOTLINE_12345', 'HOTLINE_12319', 'LETTER', 'VISIT', 'ONLINE']));
  expect(complaints.some((c: any) => c.closedOn === null)).toBe(true);
  expect(complaints.filter((c: any) => c.disposition === 'REFERRED').every((c: any) => referrals.some((r: any) => r.id === c.caseReferral.id))).toBe(true);
  const counts = await ok(server, 'complaintCounts', { year: 2025 }, 'organization { name } received closed referred');
  expect(counts.find((c: any) => c.organization.name === '涅阳街道')).toEqual({ organization: { name: '涅阳街道' }, received: 2, closed: 2, referred: 1 });
});

it('has a referral to the discipline commission, and dispatch requests answered on time, late and not at all, with a joint enforcement', async () => {
  const discipline = await ok(server, 'allCaseReferrals', { filter: { kind: 'TO_DISCIPLINE' } }, 'status toOrganization { name kind }');
  expect(discipline).toEqual([{ status: 'ACCEPTED', toOrganization: { name: '中共镇平县纪律检查委员会 镇平县监察委员会', kind: 'OTHER' } }]);
  const calls = await ok(server, 'allDispatchAssignments', { perPage: 100 }, 'status overdue acknowledgedLate arrivedLate rating department { name }');
  expect(new Set(calls.map((c: any) => c.status))).toEqual(new Set(['CALLED', 'ARRIVED', 'CLOSED']));
  expect(calls.some((c: any) => c.overdue)).toBe(true);
  expect(calls.some((c: any) => c.status === 'CLOSED' && !c.acknowledgedLate && !c.arrivedLate)).toBe(true);
  expect(calls.some((c: any) => c.acknowledgedLate && c.arrivedLate)).toBe(true);
  expect((await ok(server, 'overdueDispatchAssignments', {})).length).toBe(calls.filter((c: any) => c.overdue).length);
  const joint = await ok(server, 'allDispatchRequests', { filter: { q: '玉雕加工' } }, 'filedWithJusticeOn helperTownship { name } secondHelperTownship { name }');
  expect(joint).toEqual([{ filedWithJusticeOn: '2025-06-03', helperTownship: { name: '遮山镇' }, secondHelperTownship: { name: '卢医镇' } }]);
  const { departments } = await ok(server, 'dispatchAssessment', { year: 2025 }, 'departments { received closedRate averageRating organization { name } }');
  expect(departments.find((d: any) => d.organization.name === '镇平县城市管理局')).toEqual({ received: 1, closedRate: 1, averageRating: 5, organization: { name: '镇平县城市管理局' } });
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
