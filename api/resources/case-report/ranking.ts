import { and, gte, lte } from 'drizzle-orm';
import { caseReports } from '../../../drizzle/schema';
import type { Queryable } from '../../db';
import { sixRates, totalScore, type CaseCounts, type RateScore } from './six-rates';

// The units of the county ranked by their six-rate score for a year (《镇平县行政执法改革与管理专项
// 整治工作实施方案》: 定期进行评价，作为依法行政考核重要内容之一). A unit's reports whose period
// starts in the year are added up, count by count, and scored as one.

type Counted = Exclude<keyof CaseCounts, 'casesDue' | 'filingTarget'>;
const COUNTS: Counted[] = [
  'casesFiled', 'casesClosed', 'casesOverdue', 'leaderAssignmentsUnfulfilled', 'decisionsExecuted', 'courtRefusals', 'penalties',
  'unpenalized', 'lawsuits', 'totalCases', 'judgments', 'judgmentsWon', 'countyLawsuits', 'countyJudgments', 'countyJudgmentsWon',
];

export interface RankedUnit {
  organizationId: number;
  year: number;
  /** How many reports of the year were added up. */
  reports: number;
  counts: CaseCounts;
  rates: RateScore[];
  totalScore: number | null;
  /** 1 for the best; units with the same score share a place; null when the unit has no score. */
  rank: number | null;
}

type ReportRow = Pick<typeof caseReports.$inferSelect, Counted | 'organizationId' | 'casesDue'> & { year: number };

/**
 * A unit's counts for the year. The target is the sum of the targets entered when every report of
 * the year has one; otherwise the average of the unit's filed cases in the two previous years (by
 * the years that have reports), as 附件2 suggests; failing that, the targets that were entered.
 */
export function countsOfYear(year: number, mine: ReportRow[]): CaseCounts {
  const ofYear = mine.filter((r) => r.year === year);
  const counts = Object.fromEntries(COUNTS.map((k) => [k, ofYear.reduce((n, r) => n + r[k], 0)])) as Record<Counted, number>;
  const entered = ofYear.filter((r) => r.casesDue !== null);
  const enteredSum = entered.length ? entered.reduce((n, r) => n + r.casesDue!, 0) : null;
  if (entered.length === ofYear.length) return { ...counts, casesDue: enteredSum, filingTarget: enteredSum };
  const earlier = mine.filter((r) => r.year === year - 1 || r.year === year - 2);
  const years = new Set(earlier.map((r) => r.year)).size;
  const average = years ? Math.round(earlier.reduce((n, r) => n + r.casesFiled, 0) / years) : null;
  return { ...counts, casesDue: average === null ? enteredSum : null, filingTarget: average ?? enteredSum };
}

/** Every unit that reported for the year, best score first; units without a score last, by id. */
export async function caseRanking(db: Queryable, year: number): Promise<RankedUnit[]> {
  const rows = await db
    .select()
    .from(caseReports)
    .where(and(gte(caseReports.periodStart, `${year - 2}-01-01`), lte(caseReports.periodStart, `${year}-12-31`)));
  const byUnit = new Map<number, ReportRow[]>();
  for (const r of rows) byUnit.set(r.organizationId, [...(byUnit.get(r.organizationId) ?? []), { ...r, year: Number(r.periodStart.slice(0, 4)) }]);
  const units: RankedUnit[] = [];
  for (const [organizationId, mine] of byUnit) {
    const reports = mine.filter((r) => r.year === year).length;
    if (!reports) continue;
    const counts = countsOfYear(year, mine);
    const rates = sixRates(counts);
    units.push({ organizationId, year, reports, counts, rates, totalScore: totalScore(rates), rank: null });
  }
  units.sort((a, b) => (b.totalScore ?? -1) - (a.totalScore ?? -1) || a.organizationId - b.organizationId);
  units.forEach((u, i) => {
    if (u.totalScore === null) return;
    const previous = units[i - 1];
    u.rank = previous && previous.totalScore === u.totalScore ? previous.rank : i + 1;
  });
  return units;
}
