import type { Label } from '../../../drizzle/schema/columns';

/** The counts of a CaseReport the six rates are computed from. */
export interface CaseCounts {
  /** The target as entered; null when not entered (see `filingTarget`). */
  casesDue: number | null;
  /**
   * The target the filing rate divides by: `casesDue` when entered, or else the average of the
   * unit's filed cases over the two previous years (参考本单位近两年立案数量平均值); null when neither.
   */
  filingTarget?: number | null;
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
  /** Suits against the county government over a matter this unit handled (县政府诉讼案件计入承办单位). */
  countyLawsuits: number;
  countyJudgments: number;
  countyJudgmentsWon: number;
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
  /** How a figure was arrived at when it was not entered (the filing target taken from earlier years). */
  note: Label | null;
}

type CountKey = Exclude<keyof CaseCounts, 'casesDue' | 'filingTarget'> | 'filingTarget';

interface RateRule {
  key: string;
  label: Label;
  weight: number;
  /** The counts added up on each side (the unit's own suits and the county government's it handled). */
  numerator: CountKey[];
  denominator: CountKey[];
  /** A lower rate is better (被起诉率 deducts by the rate). */
  lowerIsBetter?: boolean;
  /** Points off per counted case. */
  deductions?: [CountKey, number][];
}

/**
 * 镇平县行政执法单位执法考核内容与评分标准 (《镇平县行政执法改革与管理专项整治工作实施方案》, 附件2). Each rate earns its weight times the
 * rate (capped at 100%), less the per-case deductions, never below zero; 被起诉率 earns its weight
 * times (1 − rate).
 */
export const SIX_RATES: RateRule[] = [
  { key: 'filing', label: { zh: '立案率', en: 'Filing rate' }, weight: 20, numerator: ['casesFiled'], denominator: ['filingTarget'] },
  {
    key: 'closing',
    label: { zh: '办结率', en: 'Closing rate' },
    weight: 16,
    numerator: ['casesClosed'],
    denominator: ['casesFiled'],
    deductions: [
      ['casesOverdue', 2],
      ['leaderAssignmentsUnfulfilled', 5],
    ],
  },
  {
    key: 'execution',
    label: { zh: '执行率', en: 'Execution rate' },
    weight: 16,
    numerator: ['decisionsExecuted'],
    denominator: ['casesClosed'],
    deductions: [['courtRefusals', 3]],
  },
  {
    key: 'penalty',
    label: { zh: '处罚率', en: 'Penalty rate' },
    weight: 16,
    numerator: ['penalties'],
    denominator: ['casesFiled'],
    deductions: [['unpenalized', 3]],
  },
  {
    key: 'lawsuit',
    label: { zh: '被起诉率', en: 'Lawsuit rate' },
    weight: 16,
    numerator: ['lawsuits', 'countyLawsuits'],
    denominator: ['totalCases'],
    lowerIsBetter: true,
  },
  { key: 'winning', label: { zh: '胜诉率', en: 'Winning rate' }, weight: 16, numerator: ['judgmentsWon', 'countyJudgmentsWon'], denominator: ['judgments', 'countyJudgments'] },
];

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The filing target of counts that may not carry one yet: the entered one, nothing else. */
const targetOf = (counts: CaseCounts) => (counts.filingTarget !== undefined ? counts.filingTarget : counts.casesDue) ?? 0;

/** Why the filing target is not the one entered, when it is not. */
function targetNote(counts: CaseCounts): Label | null {
  if (counts.casesDue !== null || counts.filingTarget == null) return null;
  return {
    zh: `未填写应立案数，参考本单位近两年立案数量平均值核定为 ${counts.filingTarget} 件`,
    en: `Cases due not entered: set at ${counts.filingTarget}, the average of the unit's filed cases over the two previous years`,
  };
}

export function sixRates(counts: CaseCounts): RateScore[] {
  const value = (key: CountKey) => (key === 'filingTarget' ? targetOf(counts) : counts[key]);
  const sum = (keys: CountKey[]) => keys.reduce((n, k) => n + value(k), 0);
  return SIX_RATES.map((r) => {
    const numerator = sum(r.numerator);
    const denominator = sum(r.denominator);
    const deduction = (r.deductions ?? []).reduce((total, [field, each]) => total + value(field) * each, 0);
    const note = r.key === 'filing' ? targetNote(counts) : null;
    if (denominator === 0) {
      return { key: r.key, label: r.label, numerator, denominator, rate: null, weight: r.weight, deduction, points: null, note };
    }
    const rate = numerator / denominator;
    const share = r.lowerIsBetter ? 1 - Math.min(rate, 1) : Math.min(rate, 1);
    const points = round2(Math.max(0, r.weight * share - deduction));
    return { key: r.key, label: r.label, numerator, denominator, rate, weight: r.weight, deduction, points, note };
  });
}

/**
 * The total out of 100. A rate that does not apply (nothing to divide by) is left out and the
 * others are scaled to 100, so an office that had no court judgments is neither rewarded nor
 * punished for it. Its deductions still count: a unit that filed no case does not escape the 5
 * points of a county leader's assignment it left undone; they come off the total, never below 0.
 * Null when no rate applies and nothing is deducted.
 */
export function totalScore(scores: RateScore[]): number | null {
  const applicable = scores.filter((s) => s.points !== null);
  const unapplied = scores.filter((s) => s.points === null).reduce((n, s) => n + s.deduction, 0);
  if (!applicable.length && !unapplied) return null;
  const earned = applicable.reduce((n, s) => n + s.points!, 0);
  const possible = applicable.reduce((n, s) => n + s.weight, 0);
  const scaled = possible ? (earned * 100) / possible : 0;
  return round2(Math.max(0, scaled - unapplied));
}

/** The total score as a field of a case report (declared with the record, answered by its resolver). */
export const TOTAL_SCORE = {
  label: { zh: '考核总分', en: 'Total score' },
  help: {
    zh: '百分制：适用的各率得分按其分值折算为 100 分，无从计算的率不计入；无从计算的率其扣分（超期、交办未落实、不予执行、应罚未罚）仍从总分中扣除，最低为 0；各率均不适用且无扣分时为空。',
    en: 'Out of 100: the points of the applicable rates scaled to 100; rates with nothing to divide by are left out, but their deductions (overdue, leader assignments, court refusals, unpenalized) still come off the total, never below 0. Empty when no rate applies and nothing is deducted.',
  },
};
