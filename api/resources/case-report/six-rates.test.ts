import { SIX_RATES, sixRates, totalScore, type CaseCounts } from './six-rates';

// The scoring of 《镇平县行政执法改革与管理专项整治工作实施方案》 (附件2) worked by hand on a few
// offices' counts: each rate earns its weight times the rate, less its deductions, and the total
// scales the rates that apply to 100.

const NONE: CaseCounts = {
  casesDue: 0,
  casesFiled: 0,
  casesClosed: 0,
  casesOverdue: 0,
  leaderAssignmentsUnfulfilled: 0,
  decisionsExecuted: 0,
  courtRefusals: 0,
  penalties: 0,
  unpenalized: 0,
  lawsuits: 0,
  totalCases: 0,
  judgments: 0,
  judgmentsWon: 0,
  countyLawsuits: 0,
  countyJudgments: 0,
  countyJudgmentsWon: 0,
};

const pointsOf = (counts: Partial<CaseCounts>) => Object.fromEntries(sixRates({ ...NONE, ...counts }).map((s) => [s.key, s.points]));

it('weighs the six rates as the standard does, 100 points in all', () => {
  expect(SIX_RATES.map((r) => [r.label.zh, r.weight])).toEqual([
    ['立案率', 20],
    ['办结率', 16],
    ['执行率', 16],
    ['处罚率', 16],
    ['被起诉率', 16],
    ['胜诉率', 16],
  ]);
  expect(SIX_RATES.reduce((n, r) => n + r.weight, 0)).toBe(100);
});

it('scores an office worked by hand, leaving out the rate with nothing to divide by', () => {
  const scores = sixRates({
    ...NONE,
    casesDue: 20,
    casesFiled: 18,
    casesClosed: 15,
    casesOverdue: 1,
    decisionsExecuted: 15,
    penalties: 12,
    unpenalized: 1,
    lawsuits: 1,
    totalCases: 20,
  });
  expect(scores.map((s) => [s.key, s.numerator, s.denominator, s.deduction, s.points])).toEqual([
    ['filing', 18, 20, 0, 18], // 20 × 18/20
    ['closing', 15, 18, 2, 11.33], // 16 × 15/18 − 2 for one overdue case
    ['execution', 15, 15, 0, 16],
    ['penalty', 12, 18, 3, 7.67], // 16 × 12/18 − 3 for one case left unpenalized
    ['lawsuit', 1, 20, 0, 15.2], // 16 × (1 − 1/20): fewer lawsuits score higher
    ['winning', 0, 0, 0, null], // no judgments: not applicable
  ]);
  expect(scores.find((s) => s.key === 'winning')!.rate).toBeNull();
  // 68.2 of the 84 points that apply, as a score out of 100.
  expect(totalScore(scores)).toBe(81.19);
});

it('caps a rate at 100% and never takes a score below zero', () => {
  // More cases filed than due (cases carried over) earn the weight, not more.
  expect(pointsOf({ casesDue: 10, casesFiled: 15 }).filing).toBe(20);
  // Deductions larger than the points earned leave zero.
  expect(pointsOf({ casesFiled: 10, casesClosed: 10, casesOverdue: 3, leaderAssignmentsUnfulfilled: 2 }).closing).toBe(0);
  expect(pointsOf({ casesFiled: 10, casesClosed: 10, decisionsExecuted: 10, courtRefusals: 6 }).execution).toBe(0);
  // Lawsuits beyond the cases counted earn nothing, and no lawsuits earn everything.
  expect(pointsOf({ lawsuits: 5, totalCases: 4 }).lawsuit).toBe(0);
  expect(pointsOf({ lawsuits: 0, totalCases: 4 }).lawsuit).toBe(16);
});

it('counts deductions even where the rate does not apply, but scores no points there', () => {
  const closing = sixRates({ ...NONE, casesOverdue: 2 }).find((s) => s.key === 'closing')!;
  expect(closing).toMatchObject({ rate: null, points: null, deduction: 4 });
});

it('has no total when no rate applies', () => {
  expect(totalScore(sixRates(NONE))).toBeNull();
});

it('scores a perfect office 100 whichever rates apply', () => {
  expect(totalScore(sixRates({ ...NONE, casesDue: 5, casesFiled: 5, casesClosed: 5, decisionsExecuted: 5, penalties: 5, totalCases: 5, judgments: 2, judgmentsWon: 2 }))).toBe(100);
  // No court judgments: the winning rate is left out, not counted as zero.
  expect(totalScore(sixRates({ ...NONE, casesDue: 5, casesFiled: 5, casesClosed: 5, decisionsExecuted: 5, penalties: 5, totalCases: 5 }))).toBe(100);
});

// 附件2's deductions are points of the unit's score, whatever its rates: a unit with nothing to divide
// by does not escape them. Each rate that carries a deduction, worked with no denominator.
describe('deductions where the rate has no denominator', () => {
  // The other rates of these offices: filing 9/10 → 18, lawsuits 0/10 → 16, out of 36 that apply.
  const ELSE: Partial<CaseCounts> = { casesDue: 10, casesFiled: 9, totalCases: 10 };

  it('办结率: no case filed, one overdue case (−2) and one county leader’s assignment left undone (−5)', () => {
    const scores = sixRates({ ...NONE, casesDue: 10, totalCases: 10, casesOverdue: 1, leaderAssignmentsUnfulfilled: 1 });
    expect(scores.find((s) => s.key === 'closing')).toMatchObject({ denominator: 0, rate: null, points: null, deduction: 7 });
    // Filing 0/10 → 0 and lawsuits 0/10 → 16: 16 of 36 = 44.44, less the 7 points.
    expect(totalScore(scores)).toBe(37.44);
  });

  it('执行率: nothing closed, one decision the court refused to enforce (−3)', () => {
    const scores = sixRates({ ...NONE, ...ELSE, penalties: 9, courtRefusals: 1 });
    expect(scores.find((s) => s.key === 'execution')).toMatchObject({ denominator: 0, rate: null, points: null, deduction: 3 });
    // filing 18 + closing 0 (0/9) + penalty 16 + lawsuit 16 = 50 of 68 = 73.53, less 3.
    expect(totalScore(scores)).toBe(70.53);
  });

  it('处罚率: nothing filed, one case found that should have been penalized (−3)', () => {
    const scores = sixRates({ ...NONE, casesDue: 10, totalCases: 10, unpenalized: 1 });
    expect(scores.find((s) => s.key === 'penalty')).toMatchObject({ denominator: 0, rate: null, points: null, deduction: 3 });
    // 16 of 36 = 44.44, less 3.
    expect(totalScore(scores)).toBe(41.44);
  });

  it('no rate applies at all: the deductions still leave a score, of 0', () => {
    expect(totalScore(sixRates({ ...NONE, leaderAssignmentsUnfulfilled: 1 }))).toBe(0);
  });

  it('a deduction where the rate applies stays inside that rate (never below its zero)', () => {
    const scores = sixRates({ ...NONE, ...ELSE, casesClosed: 9, decisionsExecuted: 9, penalties: 9, casesOverdue: 1 });
    expect(scores.find((s) => s.key === 'closing')).toMatchObject({ rate: 1, deduction: 2, points: 14 });
    // 18 + 14 + 16 + 16 + 16 = 80 of 84.
    expect(totalScore(scores)).toBe(95.24);
  });
});

describe('the filing target and the county government’s suits', () => {
  it('divides by the target from the two previous years when none is entered, and says so', () => {
    const [filing] = sixRates({ ...NONE, casesDue: null, filingTarget: 40, casesFiled: 30 });
    expect(filing).toMatchObject({ numerator: 30, denominator: 40, rate: 0.75, points: 15 });
    expect(filing.note?.zh).toBe('未填写应立案数，参考本单位近两年立案数量平均值核定为 40 件');
  });

  it('says nothing when the target was entered, and leaves the rate out when there is neither', () => {
    expect(sixRates({ ...NONE, casesDue: 40, filingTarget: 40, casesFiled: 30 })[0].note).toBeNull();
    expect(sixRates({ ...NONE, casesDue: null, filingTarget: null, casesFiled: 30 })[0]).toMatchObject({ rate: null, points: null, note: null });
  });

  it('counts suits against the county government with the unit that handled them (县政府诉讼案件计入承办单位)', () => {
    const scores = sixRates({ ...NONE, totalCases: 20, lawsuits: 1, countyLawsuits: 1, judgments: 1, judgmentsWon: 1, countyJudgments: 1, countyJudgmentsWon: 0 });
    const k = Object.fromEntries(scores.map((s) => [s.key, s]));
    // 被起诉率 2/20 → 16 × 0.9 = 14.4; 胜诉率 1/2 → 8.
    expect(k.lawsuit).toMatchObject({ numerator: 2, denominator: 20, points: 14.4 });
    expect(k.winning).toMatchObject({ numerator: 1, denominator: 2, points: 8 });
  });
});
