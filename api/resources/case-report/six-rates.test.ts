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
