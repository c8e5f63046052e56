import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { fieldErrors, refused } from '../helpers/expect-errors';

// The six rates of 《镇平县行政执法改革与管理专项整治工作实施方案》附件2 as the server answers them: the
// deductions of a rate with nothing to divide by, the filing target taken from the two previous
// years, suits against the county government counted for the unit that handled them, and the
// ranking of a year's units.
const { server, world } = withWorld();

const RATES = 'filingTarget filingTargetDefaulted totalScore rates { key numerator denominator rate deduction points note }';
const byKey = (r: { rates: { key: string }[] }) => Object.fromEntries(r.rates.map((x) => [x.key, x])) as Record<string, any>;
const report = (organizationId: string, year: number, counts: Record<string, number | null>) =>
  ok(server, 'createCaseReport', { organizationId, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, ...counts }, RATES);

describe('a deduction is taken even where its rate has nothing to divide by', () => {
  it('办结率: no case filed, one overdue (−2) and one county leader’s assignment left undone (−5)', async () => {
    const org = await world.org('零立案扣分镇', 'TOWNSHIP');
    const r = await report(org, 2025, { casesDue: 10, totalCases: 10, casesOverdue: 1, leaderAssignmentsUnfulfilled: 1 });
    expect(byKey(r).closing).toMatchObject({ denominator: 0, rate: null, points: null, deduction: 7 });
    // 立案率 0/10 → 0, 被起诉率 0/10 → 16: 16 of the 36 points that apply = 44.44, less 7.
    expect(r.totalScore).toBe(37.44);
  });

  it('执行率: nothing closed, one decision the court refused to enforce (−3)', async () => {
    const org = await world.org('零办结扣分镇', 'TOWNSHIP');
    const r = await report(org, 2025, { casesDue: 10, casesFiled: 9, penalties: 9, totalCases: 10, courtRefusals: 1 });
    expect(byKey(r).execution).toMatchObject({ denominator: 0, rate: null, points: null, deduction: 3 });
    // 18 + 0 (办结 0/9) + 16 + 16 = 50 of 68 = 73.53, less 3.
    expect(r.totalScore).toBe(70.53);
  });

  it('处罚率: nothing filed, one case that should have been penalized (−3)', async () => {
    const org = await world.org('零处罚扣分镇', 'TOWNSHIP');
    const r = await report(org, 2025, { casesDue: 10, totalCases: 10, unpenalized: 1 });
    expect(byKey(r).penalty).toMatchObject({ denominator: 0, rate: null, points: null, deduction: 3 });
    expect(r.totalScore).toBe(41.44);
  });

  it('no rate applies at all: a leader’s assignment left undone still gives a score, of 0, not none', async () => {
    const org = await world.org('全无分母镇', 'TOWNSHIP');
    expect((await report(org, 2025, { leaderAssignmentsUnfulfilled: 1 })).totalScore).toBe(0);
    const empty = await world.org('空报表镇', 'TOWNSHIP');
    expect((await report(empty, 2025, {})).totalScore).toBeNull();
  });
});

describe('the filing target (参考本单位近两年立案数量平均值)', () => {
  it('takes the average of the two previous years’ filed cases when none is entered, and says so', async () => {
    const org = await world.org('立案任务镇', 'TOWNSHIP');
    // Two half-year reports in 2023 (30 + 14 = 44) and one in 2024 (36): (44 + 36) ÷ 2 = 40.
    await ok(server, 'createCaseReport', { organizationId: org, periodStart: '2023-01-01', periodEnd: '2023-06-30', casesDue: 30, casesFiled: 30 });
    await ok(server, 'createCaseReport', { organizationId: org, periodStart: '2023-07-01', periodEnd: '2023-12-31', casesDue: 14, casesFiled: 14 });
    await report(org, 2024, { casesDue: 40, casesFiled: 36 });
    // A report three years back is not one of the two.
    await report(org, 2022, { casesDue: 500, casesFiled: 500 });
    const r = await report(org, 2025, { casesFiled: 30 });
    expect(r).toMatchObject({ filingTarget: 40, filingTargetDefaulted: true });
    expect(byKey(r).filing).toMatchObject({
      numerator: 30,
      denominator: 40,
      rate: 0.75,
      points: 15,
      note: '未填写应立案数，参考本单位近两年立案数量平均值核定为 40 件 (Cases due not entered: set at 40, the average of the unit\'s filed cases over the two previous years)',
    });
  });

  it('uses the target entered, and leaves the rate out when neither exists', async () => {
    const org = await world.org('任务已填镇', 'TOWNSHIP');
    await report(org, 2024, { casesDue: 40, casesFiled: 36 });
    const entered = await report(org, 2025, { casesDue: 50, casesFiled: 30 });
    expect(entered).toMatchObject({ filingTarget: 50, filingTargetDefaulted: false });
    expect(byKey(entered).filing).toMatchObject({ denominator: 50, note: null });
    const fresh = await world.org('新设镇', 'TOWNSHIP');
    const none = await report(fresh, 2025, { casesFiled: 30 });
    expect(none).toMatchObject({ filingTarget: null, filingTargetDefaulted: false });
    expect(byKey(none).filing).toMatchObject({ denominator: 0, rate: null, points: null, note: null });
  });

  it('follows the earlier years as they are corrected', async () => {
    const org = await world.org('更正年报镇', 'TOWNSHIP');
    const earlier = await ok(server, 'createCaseReport', { organizationId: org, periodStart: '2024-01-01', periodEnd: '2024-12-31', casesDue: 20, casesFiled: 20 });
    expect((await report(org, 2025, { casesFiled: 10 })).filingTarget).toBe(20);
    await ok(server, 'updateCaseReport', { id: earlier.id, casesFiled: 16 });
    const [latest] = await ok(server, 'allCaseReports', { filter: { organizationId: org, periodStart: '2025-01-01' } }, 'filingTarget');
    expect(latest.filingTarget).toBe(16);
  });
});

describe('suits against the county government (县政府诉讼案件计入承办单位)', () => {
  it('count in the handling unit’s lawsuit and winning rates', async () => {
    const org = await world.org('承办单位镇', 'TOWNSHIP');
    const r = await report(org, 2025, {
      casesDue: 20, totalCases: 20, lawsuits: 1, countyLawsuits: 1, judgments: 1, judgmentsWon: 1, countyJudgments: 1, countyJudgmentsWon: 0,
    });
    // 被起诉率 (1 + 1) ÷ 20 → 16 × 0.9 = 14.4; 胜诉率 (1 + 0) ÷ (1 + 1) → 8.
    expect(byKey(r).lawsuit).toMatchObject({ numerator: 2, denominator: 20, points: 14.4 });
    expect(byKey(r).winning).toMatchObject({ numerator: 1, denominator: 2, points: 8 });
  });

  it('refuses more county wins than county judgments, and more county suits than cases', async () => {
    const org = await world.org('县诉校验镇', 'TOWNSHIP');
    const base = { organizationId: org, periodStart: '2025-01-01', periodEnd: '2025-12-31' };
    expect(fieldErrors(await refused(server, 'createCaseReport', { ...base, totalCases: 1, countyLawsuits: 2, countyJudgments: 1, countyJudgmentsWon: 2 }))).toEqual({
      countyLawsuits: 'exceeds',
      countyJudgmentsWon: 'exceeds',
    });
  });
});

describe('the ranking of a year (caseRanking)', () => {
  const RANKING = 'rank reports filingTarget filingTargetDefaulted deductions totalScore organization { name } rates { key points deduction }';

  it('ranks the year’s units by total, adding up each unit’s reports, ties sharing a place', async () => {
    const year = 2031;
    const a = await world.org('排名甲镇', 'TOWNSHIP');
    const b = await world.org('排名乙镇', 'TOWNSHIP');
    const c = await world.org('排名丙镇', 'TOWNSHIP');
    const d = await world.org('排名丁镇', 'TOWNSHIP');
    const e = await world.org('排名戊镇', 'TOWNSHIP');
    const perfect = { casesDue: 5, casesFiled: 5, casesClosed: 5, decisionsExecuted: 5, penalties: 5, totalCases: 5 };
    // 甲: two half-years adding up to a perfect year.
    await ok(server, 'createCaseReport', { organizationId: a, periodStart: `${year}-01-01`, periodEnd: `${year}-06-30`, casesDue: 2, casesFiled: 2, casesClosed: 2, decisionsExecuted: 2, penalties: 2, totalCases: 2 });
    await ok(server, 'createCaseReport', { organizationId: a, periodStart: `${year}-07-01`, periodEnd: `${year}-12-31`, casesDue: 3, casesFiled: 3, casesClosed: 3, decisionsExecuted: 3, penalties: 3, totalCases: 3 });
    // 乙: perfect as well.
    await report(b, year, perfect);
    // 丙: the 62.49 report of the worked example in 附件2's order.
    await report(c, year, {
      casesDue: 50, casesFiled: 45, casesClosed: 40, casesOverdue: 2, leaderAssignmentsUnfulfilled: 1, decisionsExecuted: 36, courtRefusals: 1,
      penalties: 30, unpenalized: 2, lawsuits: 3, totalCases: 60, judgments: 2, judgmentsWon: 1,
    });
    // 丁: nothing filed, a leader's assignment undone: 37.44 as above, less nothing else.
    await report(d, year, { casesDue: 10, totalCases: 10, casesOverdue: 1, leaderAssignmentsUnfulfilled: 1 });
    // 戊: an empty report, no score.
    await report(e, year, {});
    // Another year's report does not count.
    await report(c, year + 1, perfect);

    const rows = await ok(server, 'caseRanking', { year }, RANKING);
    expect(rows.map((r: any) => [r.organization.name, r.rank, r.totalScore, r.reports])).toEqual([
      ['排名甲镇', 1, 100, 2],
      ['排名乙镇', 1, 100, 1],
      ['排名丙镇', 3, 62.49, 1],
      ['排名丁镇', 4, 37.44, 1],
      ['排名戊镇', null, null, 1],
    ]);
    const dRow = rows.find((r: any) => r.organization.name === '排名丁镇');
    expect(dRow.deductions).toBe(7);
    expect(dRow.rates.find((x: any) => x.key === 'closing')).toEqual({ key: 'closing', points: null, deduction: 7 });
    const cRow = rows.find((r: any) => r.organization.name === '排名丙镇');
    expect(cRow.rates.map((x: any) => [x.key, x.points, x.deduction])).toEqual([
      ['filing', 18, 0], ['closing', 5.22, 9], ['execution', 11.4, 3], ['penalty', 4.67, 6], ['lawsuit', 15.2, 0], ['winning', 8, 0],
    ]);
  });

  it('takes a year without targets from the two previous years, and says so', async () => {
    const org = await world.org('排名默认任务镇', 'TOWNSHIP');
    await report(org, 2038, { casesDue: 30, casesFiled: 30 });
    await report(org, 2039, { casesDue: 50, casesFiled: 50 });
    await ok(server, 'createCaseReport', { organizationId: org, periodStart: '2040-01-01', periodEnd: '2040-06-30', casesFiled: 20 });
    await ok(server, 'createCaseReport', { organizationId: org, periodStart: '2040-07-01', periodEnd: '2040-12-31', casesFiled: 10 });
    const [row] = await ok(server, 'caseRanking', { year: 2040 }, RANKING);
    // (30 + 50) ÷ 2 = 40 cases due; 30 filed → 20 × 0.75 = 15.
    expect(row).toMatchObject({ filingTarget: 40, filingTargetDefaulted: true, reports: 2 });
    expect(row.rates[0]).toMatchObject({ key: 'filing', points: 15 });
  });

  it('refuses a year out of range with a field error', async () => {
    expect(fieldErrors(await call(server, 'caseRanking', { year: 99999 }))).toEqual({ year: 'range' });
  });
});
