import type { Label } from '../../../drizzle/schema/columns';

/** The counts of a CaseReport the six rates are computed from. */
export interface CaseCounts {
  casesDue: number;
  casesFiled: number;
  casesClosed: number;
  casesOverdue: number;
  leaderAssignmentsUnfulfilled: number;
  decisionsExecuted: number;
  courtRefusals: number;
  penalties: number;
  unpenalized: number;
  lawsuits: number;
  totalCases: number;
  judgments: number;
  judgmentsWon: number;
}

export interface RateScore {
  key: string;
  label: Label;
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator; null when the denominator is 0 (not applicable). */
  rate: number | null;
  weight: number;
  /** Points taken off for counted failures (overdue cases, court refusals …). */
  deduction: number;
  /** Points earned, 0 to weight; null when the rate is not applicable. */
  points: number | null;
}

interface RateRule {
  key: string;
  label: Label;
  weight: number;
  numerator: keyof CaseCounts;
  denominator: keyof CaseCounts;
  /** A lower rate is better (被起诉率 deducts by the rate). */
  lowerIsBetter?: boolean;
  /** Points off per counted case. */
  deductions?: [keyof CaseCounts, number][];
}

/**
 * 镇平县行政执法单位执法考核内容与评分标准 (《镇平县行政执法改革与管理专项整治工作实施方案》, 附件2). Each rate earns its weight times the
 * rate (capped at 100%), less the per-case deductions, never below zero; 被起诉率 earns its weight
 * times (1 − rate).
 */
export const SIX_RATES: RateRule[] = [
  { key: 'filing', label: { zh: '立案率', en: 'Filing rate' }, weight: 20, numerator: 'casesFiled', denominator: 'casesDue' },
  {
    key: 'closing',
    label: { zh: '办结率', en: 'Closing rate' },
    weight: 16,
    numerator: 'casesClosed',
    denominator: 'casesFiled',
    deductions: [
      ['casesOverdue', 2],
      ['leaderAssignmentsUnfulfilled', 5],
    ],
  },
  {
    key: 'execution',
    label: { zh: '执行率', en: 'Execution rate' },
    weight: 16,
    numerator: 'decisionsExecuted',
    denominator: 'casesClosed',
    deductions: [['courtRefusals', 3]],
  },
  {
    key: 'penalty',
    label: { zh: '处罚率', en: 'Penalty rate' },
    weight: 16,
    numerator: 'penalties',
    denominator: 'casesFiled',
    deductions: [['unpenalized', 3]],
  },
  {
    key: 'lawsuit',
    label: { zh: '被起诉率', en: 'Lawsuit rate' },
    weight: 16,
    numerator: 'lawsuits',
    denominator: 'totalCases',
    lowerIsBetter: true,
  },
  { key: 'winning', label: { zh: '胜诉率', en: 'Winning rate' }, weight: 16, numerator: 'judgmentsWon', denominator: 'judgments' },
];

const round2 = (n: number) => Math.round(n * 100) / 100;

export function sixRates(counts: CaseCounts): RateScore[] {
  return SIX_RATES.map((r) => {
    const numerator = counts[r.numerator];
    const denominator = counts[r.denominator];
    const deduction = (r.deductions ?? []).reduce((sum, [field, each]) => sum + counts[field] * each, 0);
    if (denominator === 0) {
      return { key: r.key, label: r.label, numerator, denominator, rate: null, weight: r.weight, deduction, points: null };
    }
    const rate = numerator / denominator;
    const share = r.lowerIsBetter ? 1 - Math.min(rate, 1) : Math.min(rate, 1);
    const points = round2(Math.max(0, r.weight * share - deduction));
    return { key: r.key, label: r.label, numerator, denominator, rate, weight: r.weight, deduction, points };
  });
}

/**
 * The total out of 100. A rate that does not apply (nothing to divide by) is left out and the
 * others are scaled to 100, so an office that had no court judgments is neither rewarded nor
 * punished for it; null when no rate applies.
 */
export function totalScore(scores: RateScore[]): number | null {
  const applicable = scores.filter((s) => s.points !== null);
  if (!applicable.length) return null;
  const earned = applicable.reduce((n, s) => n + s.points!, 0);
  const possible = applicable.reduce((n, s) => n + s.weight, 0);
  return round2((earned * 100) / possible);
}

/** The total score as a field of a case report (declared with the record, answered by its resolver). */
export const TOTAL_SCORE = {
  label: { zh: '考核总分', en: 'Total score' },
  help: {
    zh: '百分制：适用的各率得分按其分值折算为 100 分，无从计算的率不计入；各率均不适用时为空。',
    en: 'Out of 100: the points of the applicable rates scaled to 100; rates with nothing to divide by are left out. Empty when none applies.',
  },
};
