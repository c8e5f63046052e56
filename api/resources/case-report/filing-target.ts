import { sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { caseReports } from '../../../drizzle/schema';

// 《镇平县行政执法改革与管理专项整治工作实施方案》附件2: 立案率=立案数量÷应立案数量, the target set
// "参考本单位近两年立案数量平均值". When a report leaves its target empty, the filing rate divides
// by that average: the cases the unit filed in each of the two calendar years before the report's,
// summed per year, averaged over the years that have reports, rounded to whole cases.

const EARLIER = 'earlier_reports';
const earlier = alias(caseReports, EARLIER);

/** The cases filed per year over the two years before this report's, averaged; null when none was reported. */
export const averageFiledBefore = () => sql`(select round(sum(${earlier.casesFiled})::numeric / count(distinct extract(year from ${earlier.periodStart})))::int
  from ${caseReports} as ${sql.identifier(EARLIER)}
  where ${earlier.organizationId} = ${caseReports.organizationId}
    and extract(year from ${earlier.periodStart}) between extract(year from ${caseReports.periodStart}) - 2 and extract(year from ${caseReports.periodStart}) - 1)`;

/** The target the filing rate divides by: the one entered, or else the two-year average. */
export const filingTarget = () => sql`coalesce(${caseReports.casesDue}, ${averageFiledBefore()})`;

/** The target was not entered and comes from the two previous years. */
export const filingTargetDefaulted = () => sql`(${caseReports.casesDue} is null and ${averageFiledBefore()} is not null)`;
