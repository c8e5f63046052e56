import { ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { fieldErrors, refused } from '../helpers/expect-errors';
import { addDays, dayBefore, halfYearStart, today } from '../../api/dates';

// 《镇平县行政执法改革与管理专项整治工作实施方案》: 自查自纠…列出问题清单; 每半年组织开展1次执法案卷评查工作;
// 对自查发现问题较少、问题零报告…的单位重点督查; 对性质严重、影响恶劣的问题实行挂牌督办.
const { server, world } = withWorld();

const inspect = (args: Record<string, unknown>) =>
  ok(server, 'createInspection', { title: world.unique('检查'), inspectedOn: '2025-04-20', ...args }, 'id zeroReport').then((r) => r as { id: string; zeroReport: boolean });
const problem = (inspectionId: string, responsibleOrganizationId: string, extra: Record<string, unknown> = {}) =>
  ok(server, 'createFinding', { inspectionId, responsibleOrganizationId, area: 'CONDUCT', description: world.unique('问题'), dueDate: '2099-12-31', ...extra }).then(
    (r) => r.id as string,
  );

describe('self-inspection (自查自纠)', () => {
  it('is the unit inspecting itself, its problem list recorded as findings', async () => {
    const unit = await world.org('自查镇', 'TOWNSHIP');
    const self = await inspect({ kind: 'SELF_INSPECTION', inspectingOrganizationId: unit, inspectedOrganizationId: unit });
    // Until it lists a problem it is a zero report.
    expect(self.zeroReport).toBe(true);
    await problem(self.id, unit, { description: '自查：执法文书未编号' });
    await problem(self.id, unit, { description: '自查：执法记录仪未全程记录', severity: 'MAJOR' });
    const listed = await ok(server, 'allFindings', { filter: { inspectionId: self.id }, sortField: 'id' }, 'description responsibleOrganization { name }');
    expect(listed.map((f: any) => [f.description, f.responsibleOrganization.name])).toEqual([
      ['自查：执法文书未编号', '自查镇'],
      ['自查：执法记录仪未全程记录', '自查镇'],
    ]);
    expect((await ok(server, 'Inspection', { id: self.id }, 'zeroReport')).zeroReport).toBe(false);
  });

  it('refuses another unit as the inspector of a self-inspection, and a unit inspecting itself otherwise', async () => {
    const unit = await world.org('自查校验镇', 'TOWNSHIP');
    const base = { title: '自查', inspectedOn: '2025-04-20' };
    expect(
      fieldErrors(await refused(server, 'createInspection', { ...base, kind: 'SELF_INSPECTION', inspectingOrganizationId: world.government, inspectedOrganizationId: unit })),
    ).toEqual({ inspectingOrganizationId: 'self' });
    expect(fieldErrors(await refused(server, 'createInspection', { ...base, kind: 'SUPERVISION', inspectingOrganizationId: unit, inspectedOrganizationId: unit }))).toEqual({
      inspectedOrganizationId: 'same',
    });
  });

  it('lists a unit that reported zero problems for targeted inspection (问题零报告…重点督查)', async () => {
    const silent = await world.org('零报告镇', 'TOWNSHIP');
    const frank = await world.org('如实报告镇', 'TOWNSHIP');
    const zero = await inspect({ kind: 'SELF_INSPECTION', inspectingOrganizationId: silent, inspectedOrganizationId: silent });
    const reported = await inspect({ kind: 'SELF_INSPECTION', inspectingOrganizationId: frank, inspectedOrganizationId: frank });
    await problem(reported.id, frank);
    // A supervision visit that found nothing is not a self-inspection's zero report.
    const visit = await inspect({ kind: 'SUPERVISION', inspectingOrganizationId: world.government, inspectedOrganizationId: frank });
    expect(visit.zeroReport).toBe(false);
    const listed = await ok(server, 'zeroReportSelfInspections', {}, 'id inspectedOrganization { name }');
    const ids = listed.map((i: any) => i.id);
    expect(ids).toContain(zero.id);
    expect(ids).not.toContain(reported.id);
    expect(ids).not.toContain(visit.id);
    expect(listed.find((i: any) => i.id === zero.id).inspectedOrganization.name).toBe('零报告镇');
  });
});

describe('case-file reviews (案卷评查)', () => {
  const review = { title: '案卷评查', kind: 'CASE_REVIEW', inspectedOn: '2025-06-18' };

  it('records the files reviewed and their grades', async () => {
    const unit = await world.org('评查镇', 'TOWNSHIP');
    const { id } = await ok(server, 'createInspection', {
      ...review, inspectingOrganizationId: world.government, inspectedOrganizationId: unit, filesReviewed: 15, filesExcellent: 2, filesGood: 6, filesPassed: 5, filesFailed: 2,
    });
    expect(await ok(server, 'Inspection', { id }, 'filesReviewed filesExcellent filesGood filesPassed filesFailed')).toEqual({
      filesReviewed: 15, filesExcellent: 2, filesGood: 6, filesPassed: 5, filesFailed: 2,
    });
  });

  it('refuses a review without files, grades that do not add up, and files on other kinds', async () => {
    const unit = await world.org('评查校验镇', 'TOWNSHIP');
    const base = { ...review, inspectingOrganizationId: world.government, inspectedOrganizationId: unit };
    expect(fieldErrors(await refused(server, 'createInspection', base))).toEqual({ filesReviewed: 'required' });
    expect(fieldErrors(await refused(server, 'createInspection', { ...base, filesReviewed: 10, filesGood: 6, filesPassed: 3 }))).toEqual({ filesFailed: 'sum' });
    expect(fieldErrors(await refused(server, 'createInspection', { ...base, filesReviewed: 10, filesFailed: -1, filesGood: 11 }))).toEqual({ filesFailed: 'min' });
    expect(fieldErrors(await refused(server, 'createInspection', { ...base, kind: 'SUPERVISION', filesReviewed: 10, filesGood: 10 }))).toEqual({
      filesReviewed: 'notApplicable',
      filesGood: 'notApplicable',
    });
  });

  it('flags a unit with no case-file review in the current half-year as due (每半年组织开展1次执法案卷评查工作)', async () => {
    const reviewed = await world.org('本半年已评查镇', 'TOWNSHIP');
    const lastHalf = await world.org('上半年度已评查镇', 'TOWNSHIP');
    const never = await world.org('从未评查局', 'DEPARTMENT');
    const notEnforcing = await world.org('不执法的其他机构', 'OTHER');
    const files = { filesReviewed: 4, filesGood: 4 };
    await ok(server, 'createInspection', { ...review, ...files, inspectingOrganizationId: world.government, inspectedOrganizationId: reviewed, inspectedOn: halfYearStart(today()) });
    // The last day of the previous half-year does not count for this one.
    await ok(server, 'createInspection', { ...review, ...files, inspectingOrganizationId: world.government, inspectedOrganizationId: lastHalf, inspectedOn: dayBefore(halfYearStart(today())) });
    const due = async (id: string) => (await ok(server, 'Organization', { id }, 'caseReviewDue')).caseReviewDue;
    expect(await due(reviewed)).toBe(false);
    expect(await due(lastHalf)).toBe(true);
    expect(await due(never)).toBe(true);
    expect(await due(notEnforcing)).toBe(false);
    const listed = (await ok(server, 'caseReviewsDue', {}, 'id')).map((o: any) => o.id);
    expect(listed).toEqual(expect.arrayContaining([lastHalf, never]));
    expect(listed).not.toContain(reviewed);
    expect(listed).not.toContain(notEnforcing);
    // A supervision visit is not a case-file review.
    await ok(server, 'createInspection', { title: '督导', kind: 'SUPERVISION', inspectingOrganizationId: world.government, inspectedOrganizationId: never, inspectedOn: today() });
    expect(await due(never)).toBe(true);
  });
});

describe('挂牌督办 of the most serious findings', () => {
  // The default of FLAGGED_SUPERVISION_DAYS: 15 days from the inspection.
  const inspectedDaysAgo = async (days: number) => {
    const unit = await world.org(world.unique('督办镇'), 'TOWNSHIP');
    const { id } = await inspect({ kind: 'SUPERVISION', inspectingOrganizationId: world.government, inspectedOrganizationId: unit, inspectedOn: addDays(today(), -days) });
    return { inspection: id, unit };
  };
  const late = async (id: string) => (await ok(server, 'Finding', { id }, 'flaggingOverdue')).flaggingOverdue;

  it('flags a serious finding without 挂牌督办 more than the configured days after its inspection, until it is flagged', async () => {
    const old = await inspectedDaysAgo(16);
    const serious = await problem(old.inspection, old.unit, { severity: 'SERIOUS' });
    const major = await problem(old.inspection, old.unit, { severity: 'MAJOR' });
    const recent = await inspectedDaysAgo(15);
    const seriousButRecent = await problem(recent.inspection, recent.unit, { severity: 'SERIOUS' });
    expect(await late(serious)).toBe(true);
    expect(await late(major)).toBe(false);
    expect(await late(seriousButRecent)).toBe(false);
    const listed = (await ok(server, 'unflaggedSeriousFindings', {}, 'id')).map((f: any) => f.id);
    expect(listed).toContain(serious);
    expect(listed).not.toContain(major);
    expect(listed).not.toContain(seriousButRecent);

    // A lesser step does not count; 挂牌督办 does.
    await ok(server, 'createFindingEscalation', { findingId: serious, level: 'INTERVIEW', escalatedOn: today(), note: '约谈' });
    expect(await late(serious)).toBe(true);
    await ok(server, 'createFindingEscalation', { findingId: serious, level: 'FLAGGED', escalatedOn: today(), note: '列入挂牌督办事项' });
    expect(await late(serious)).toBe(false);
    expect((await ok(server, 'unflaggedSeriousFindings', {}, 'id')).map((f: any) => f.id)).not.toContain(serious);
  });

  it('stops flagging a serious finding once it is verified', async () => {
    const old = await inspectedDaysAgo(40);
    const id = await problem(old.inspection, old.unit, { severity: 'SERIOUS', measures: '整改' });
    expect(await late(id)).toBe(true);
    for (const status of ['RECTIFYING', 'RECTIFIED', 'VERIFIED']) await ok(server, 'updateFinding', { id, status });
    expect(await late(id)).toBe(false);
  });
});
