import { call, ok } from '../helpers/operations';
import { inFlightTogether } from '../helpers/in-flight';
import { withWorld } from '../helpers/fixtures';
import { onlyError, fieldErrors, refused } from '../helpers/expect-errors';
import { today } from '../../api/dates';

// Rules 6 and 7 of the whole-record issue: findings move forward and escalate with a history that is
// never rewritten; case reports give the six rates of 《镇平县行政执法改革与管理专项整治工作实施方案》 附件2, figure by figure.
const { server, world } = withWorld();
let inspection: string;

beforeAll(async () => {
  inspection = (await world.supervision()).inspection;
});


const finding = (extra: Record<string, unknown> = {}) =>
  ok(server, 'createFinding', {
    inspectionId: inspection,
    responsibleOrganizationId: world.street,
    area: 'TEAM',
    description: '借调人员未按期归位',
    dueDate: '2099-12-31',
    ...extra,
  }).then((r) => r.id as string);

const read = (id: string) =>
  ok(server, 'Finding', { id }, 'status overdue rectifiedOn verifiedOn sentBackCount lastSendBackReason escalation escalatedOn version');

describe('findings move forward only', () => {
  it('walks OPEN → RECTIFYING → RECTIFIED → VERIFIED one step at a time, recording the days', async () => {
    const id = await finding();
    expect(fieldErrors(await refused(server, 'updateFinding', { id, status: 'RECTIFIED' }))).toEqual({ status: 'transition' });
    expect(fieldErrors(await refused(server, 'updateFinding', { id, status: 'RECTIFYING' }))).toEqual({ measures: 'required' });
    await ok(server, 'updateFinding', { id, status: 'RECTIFYING', measures: '组织归位并约谈相关负责人' });
    await ok(server, 'updateFinding', { id, status: 'RECTIFIED' });
    expect(await read(id)).toMatchObject({ status: 'RECTIFIED', rectifiedOn: today(), verifiedOn: null });
    expect(fieldErrors(await refused(server, 'updateFinding', { id, status: 'OPEN' }))).toEqual({ status: 'transition' });
    await ok(server, 'updateFinding', { id, status: 'VERIFIED' });
    expect(await read(id)).toMatchObject({ status: 'VERIFIED', verifiedOn: today() });
    for (const status of ['OPEN', 'RECTIFYING', 'RECTIFIED']) {
      expect(fieldErrors(await refused(server, 'updateFinding', { id, status }))).toEqual({ status: 'transition' });
    }
    // Editing other fields of a verified finding is still possible (a typo in the description).
    await ok(server, 'updateFinding', { id, description: '借调人员未按期归位（已核实）' });
  });

  it('starts every new finding as OPEN', async () => {
    expect(fieldErrors(await refused(server, 'createFinding', {
      inspectionId: inspection, responsibleOrganizationId: world.street, area: 'TEAM', description: '直接办结', dueDate: '2099-01-01', status: 'VERIFIED',
    }))).toEqual({ status: 'transition' });
  });

  it('lets a verifier send a rectified finding back with a reason, and only then', async () => {
    const id = await finding({ measures: '补办执法证' });
    expect(onlyError(await refused(server, 'sendBackFinding', { id, reason: '未见整改材料' })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'STATE' });
    await ok(server, 'updateFinding', { id, status: 'RECTIFYING' });
    await ok(server, 'updateFinding', { id, status: 'RECTIFIED' });
    expect(fieldErrors(await refused(server, 'sendBackFinding', { id, reason: '   ' }))).toEqual({ reason: 'required' });
    const { version } = await read(id);
    await ok(server, 'updateFinding', { id, responsiblePerson: '李某' });
    expect(onlyError(await refused(server, 'sendBackFinding', { id, reason: '材料不全', version })).extensions).toMatchObject({ reason: 'STALE_VERSION' });

    await ok(server, 'sendBackFinding', { id, reason: '整改材料缺少培训签到表' });
    expect(await read(id)).toMatchObject({ status: 'RECTIFYING', rectifiedOn: null, sentBackCount: 1, lastSendBackReason: '整改材料缺少培训签到表' });
    await ok(server, 'updateFinding', { id, status: 'RECTIFIED' });
    await ok(server, 'sendBackFinding', { id, reason: '仍未补齐' });
    expect((await read(id)).sentBackCount).toBe(2);
  });
});

describe('overdue findings', () => {
  it('is overdue past the due date until rectified', async () => {
    const late = await finding({ dueDate: '2025-01-31', measures: '限期整改' });
    const onTime = await finding({ dueDate: '2099-01-31' });
    expect((await read(late)).overdue).toBe(true);
    expect((await read(onTime)).overdue).toBe(false);
    const listed = (await ok<any[]>(server, 'overdueFindings', {})).map((f) => f.id);
    expect(listed).toContain(late);
    expect(listed).not.toContain(onTime);
    const filtered = await ok<any[]>(server, 'allFindings', { filter: { overdue: true, ids: [late, onTime] } });
    expect(filtered).toEqual([{ id: late }]);

    await ok(server, 'updateFinding', { id: late, status: 'RECTIFYING' });
    expect((await read(late)).overdue).toBe(true); // rectifying is not rectified
    await ok(server, 'updateFinding', { id: late, status: 'RECTIFIED' });
    expect((await read(late)).overdue).toBe(false);
    expect((await ok<any[]>(server, 'overdueFindings', {})).map((f) => f.id)).not.toContain(late);
  });
});

describe('escalation history', () => {
  const escalate = (findingId: string, level: string, escalatedOn: string, note = '督办') =>
    ok(server, 'createFindingEscalation', { findingId, level, escalatedOn, note }).then((r) => r.id as string);

  it('appends escalations with their dates; the latest becomes the finding’s current one', async () => {
    const id = await finding({ dueDate: '2025-03-31' });
    expect(await read(id)).toMatchObject({ escalation: 'NONE', escalatedOn: null });
    await escalate(id, 'NOTICE', '2025-04-07', '发提醒函');
    await escalate(id, 'CIRCULAR', '2025-05-06', '镇法治办〔2025〕3号通报');
    expect(await read(id)).toMatchObject({ escalation: 'CIRCULAR', escalatedOn: '2025-05-06' });
    // Recorded late, dated earlier: kept in the history, the current level stays the later one.
    await escalate(id, 'INTERVIEW', '2025-04-20', '约谈分管负责人');
    expect(await read(id)).toMatchObject({ escalation: 'CIRCULAR', escalatedOn: '2025-05-06' });
    await escalate(id, 'FLAGGED', '2025-06-01');
    await escalate(id, 'REFERRED', '2025-07-01', '移送县纪委监委');
    const history = await ok<any[]>(server, 'allFindingEscalations', { filter: { findingId: id }, sortField: 'escalatedOn' }, 'level escalatedOn');
    expect(history.map((h) => h.level)).toEqual(['NOTICE', 'INTERVIEW', 'CIRCULAR', 'FLAGGED', 'REFERRED']);
    expect(await read(id)).toMatchObject({ escalation: 'REFERRED', escalatedOn: '2025-07-01' });
  });

  it('never edits or deletes an escalation, and keeps the finding while it has a history', async () => {
    const id = await finding({ dueDate: '2025-03-31' });
    const entry = await escalate(id, 'NOTICE', '2025-04-07');
    for (const [field, args] of [
      ['updateFindingEscalation', { id: entry, note: '改写' }],
      ['updateFindingEscalations', { ids: [entry], data: { level: 'CIRCULAR' } }],
      ['deleteFindingEscalation', { id: entry }],
      ['deleteFindingEscalations', { ids: [entry] }],
    ] as const) {
      expect(onlyError(await refused(server, field, args)).extensions).toMatchObject({ code: 'CONFLICT', reason: 'LOCKED' });
    }
    expect(onlyError(await refused(server, 'deleteFinding', { id })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'REFERENCED' });
  });

  it('refuses an escalation without a step, dated in the future, or of a verified finding', async () => {
    const id = await finding({ dueDate: '2025-03-31', measures: '整改' });
    expect(fieldErrors(await refused(server, 'createFindingEscalation', { findingId: id, level: 'NONE', escalatedOn: '2099-01-01', note: '' }))).toEqual({
      level: 'enum',
      escalatedOn: 'future',
      note: 'required',
    });
    for (const status of ['RECTIFYING', 'RECTIFIED', 'VERIFIED']) await ok(server, 'updateFinding', { id, status });
    expect(fieldErrors(await refused(server, 'createFindingEscalation', { findingId: id, level: 'NOTICE', escalatedOn: '2025-04-01', note: '迟到的提醒' }))).toEqual({ findingId: 'state' });
  });

  it('judges a finding verified and escalated at once one after the other: a verified finding is not escalated', async () => {
    const id = await finding({ dueDate: '2025-03-31', measures: '整改' });
    for (const status of ['RECTIFYING', 'RECTIFIED']) await ok(server, 'updateFinding', { id, status });
    const [verified, escalated] = await inFlightTogether(server, [
      () => call(server, 'updateFinding', { id, status: 'VERIFIED' }, 'status'),
      () => call(server, 'createFindingEscalation', { findingId: id, level: 'NOTICE', escalatedOn: '2025-04-01', note: '逾期提醒' }, 'id'),
    ]);
    expect(verified.errors).toBeUndefined();
    expect(fieldErrors(escalated)).toEqual({ findingId: 'state' });
    expect(await read(id)).toMatchObject({ status: 'VERIFIED', escalation: 'NONE' });
  });

  it('refuses an organization inspecting itself', async () => {
    expect(fieldErrors(await refused(server, 'createInspection', {
      title: '自查', kind: 'SUPERVISION', inspectingOrganizationId: world.street, inspectedOrganizationId: world.street, inspectedOn: '2025-01-01',
    }))).toEqual({ inspectedOrganizationId: 'same' });
  });
});

describe('six rates (《镇平县行政执法改革与管理专项整治工作实施方案》 附件2)', () => {
  const report = async (counts: Record<string, number>) => {
    const org = await world.org('六率测试镇', 'TOWNSHIP');
    return ok(
      server,
      'createCaseReport',
      { organizationId: org, periodStart: '2025-01-01', periodEnd: '2025-12-31', ...counts },
      'totalScore rates { key label numerator denominator rate weight deduction points }',
    );
  };
  const byKey = (r: any) => Object.fromEntries(r.rates.map((x: any) => [x.key, x]));

  it('scores a report with every rate applicable and every kind of deduction', async () => {
    const r = await report({
      casesDue: 50, casesFiled: 45, casesClosed: 40, casesOverdue: 2, leaderAssignmentsUnfulfilled: 1, decisionsExecuted: 36, courtRefusals: 1,
      penalties: 30, unpenalized: 2, lawsuits: 3, totalCases: 60, judgments: 2, judgmentsWon: 1,
    });
    const k = byKey(r);
    expect(r.rates.map((x: any) => [x.label, x.weight])).toEqual([
      ['立案率 (Filing rate)', 20], ['办结率 (Closing rate)', 16], ['执行率 (Execution rate)', 16],
      ['处罚率 (Penalty rate)', 16], ['被起诉率 (Lawsuit rate)', 16], ['胜诉率 (Winning rate)', 16],
    ]);
    // 立案率 45/50 = 0.9 → 20 × 0.9 = 18
    expect(k.filing).toMatchObject({ numerator: 45, denominator: 50, rate: 0.9, deduction: 0, points: 18 });
    // 办结率 40/45 → 16 × 0.8889 = 14.22, less 2 × 2 overdue and 5 × 1 leader assignment = 5.22
    expect(k.closing.rate).toBeCloseTo(40 / 45, 10);
    expect(k.closing).toMatchObject({ deduction: 9, points: 5.22 });
    // 执行率 36/40 = 0.9 → 14.4, less 3 × 1 court refusal = 11.4
    expect(k.execution).toMatchObject({ rate: 0.9, deduction: 3, points: 11.4 });
    // 处罚率 30/45 → 10.67, less 3 × 2 unpenalized = 4.67
    expect(k.penalty).toMatchObject({ deduction: 6, points: 4.67 });
    // 被起诉率 3/60 = 0.05 → 16 × (1 − 0.05) = 15.2
    expect(k.lawsuit).toMatchObject({ rate: 0.05, deduction: 0, points: 15.2 });
    // 胜诉率 1/2 → 8
    expect(k.winning).toMatchObject({ rate: 0.5, points: 8 });
    // 18 + 5.22 + 11.4 + 4.67 + 15.2 + 8
    expect(r.totalScore).toBe(62.49);
  });

  it('leaves out rates with nothing to divide by, never goes below zero, and scales the rest to 100', async () => {
    const r = await report({ casesFiled: 10, casesClosed: 10, casesOverdue: 10, decisionsExecuted: 0, penalties: 10 });
    const k = byKey(r);
    expect(k.filing).toMatchObject({ denominator: 0, rate: null, points: null });
    expect(k.closing).toMatchObject({ rate: 1, deduction: 20, points: 0 }); // 16 − 20, floored
    expect(k.execution).toMatchObject({ rate: 0, points: 0 });
    expect(k.penalty).toMatchObject({ rate: 1, points: 16 });
    expect(k.lawsuit).toMatchObject({ rate: null, points: null });
    expect(k.winning).toMatchObject({ rate: null, points: null });
    // 16 earned of the 48 that apply
    expect(r.totalScore).toBe(33.33);
  });

  it('caps a filing rate above 100% at full points', async () => {
    const r = await report({ casesDue: 20, casesFiled: 25, casesClosed: 25, decisionsExecuted: 25, penalties: 25, totalCases: 25 });
    const k = byKey(r);
    expect(k.filing).toMatchObject({ rate: 1.25, points: 20 });
    expect(k.lawsuit).toMatchObject({ rate: 0, points: 16 });
    expect(r.totalScore).toBe(100);
  });

  it('has no total at all for an empty report', async () => {
    const r = await report({});
    expect(r.rates.every((x: any) => x.rate === null && x.points === null)).toBe(true);
    expect(r.totalScore).toBeNull();
  });

  it('refuses negative counts and parts larger than their whole', async () => {
    const org = await world.org('六率校验镇', 'TOWNSHIP');
    const base = { organizationId: org, periodStart: '2025-01-01', periodEnd: '2025-12-31' };
    expect(fieldErrors(await refused(server, 'createCaseReport', { ...base, casesFiled: -1 }))).toEqual({ casesFiled: 'min' });
    expect(fieldErrors(await refused(server, 'createCaseReport', { ...base, casesFiled: 5, casesClosed: 6, penalties: 7, lawsuits: 1, judgments: 1, judgmentsWon: 2 }))).toEqual({
      casesClosed: 'exceeds', penalties: 'exceeds', lawsuits: 'exceeds', judgmentsWon: 'exceeds',
    });
    expect(fieldErrors(await refused(server, 'createCaseReport', { ...base, periodEnd: '2024-12-31' }))).toEqual({ periodEnd: 'range' });
    await ok(server, 'createCaseReport', base);
    expect(fieldErrors(await refused(server, 'createCaseReport', base))).toEqual({ periodEnd: 'unique' });
  });
});
