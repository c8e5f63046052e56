import { and, asc, eq, sql } from 'drizzle-orm';
import { dispatchAssignments, dispatchRequests, organizations } from '../../../drizzle/schema';
import type { Db } from '../../db';
import { timeZone } from '../../dates';
import { acknowledgedLate, arrivedLate } from './dispatch-rules';

// The two-way assessment of call-and-report dispatch (《武昌区街道综合行政执法规范化建设实施意见》: 双向考核):
// the departments are scored on how they answered the streets' calls of a year, the streets on how
// they used the call and rated the answers. A year is the year the request was raised in the
// configured zone. The rates count every call received as the denominator, so a call never answered
// weighs against the department as much as a late one; a rate without calls is null.

export interface DepartmentAssessment {
  organizationId: number;
  received: number;
  acknowledgedOnTime: number;
  arrivedOnTime: number;
  closed: number;
  rated: number;
  averageRating: number | null;
}

export interface StreetAssessment {
  organizationId: number;
  raised: number;
  calls: number;
  rated: number;
  averageRatingGiven: number | null;
}

const inYear = (year: number) => sql`extract(year from ${dispatchRequests.raisedAt} at time zone ${timeZone()}) = ${year}`;
const countWhere = (condition: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${condition}))::int`;
const average = sql<string | null>`round(avg(${dispatchAssignments.rating}), 2)`;

export async function departmentAssessment(db: Db, year: number): Promise<DepartmentAssessment[]> {
  const rows = await db
    .select({
      organizationId: dispatchAssignments.departmentId,
      received: sql<number>`count(*)::int`,
      acknowledgedOnTime: countWhere(sql`${dispatchAssignments.acknowledgedAt} is not null and not ${acknowledgedLate()}`),
      arrivedOnTime: countWhere(sql`${dispatchAssignments.arrivedAt} is not null and not ${arrivedLate()}`),
      closed: countWhere(sql`${dispatchAssignments.status} = 'CLOSED'`),
      rated: countWhere(sql`${dispatchAssignments.rating} is not null`),
      averageRating: average,
    })
    .from(dispatchAssignments)
    .innerJoin(dispatchRequests, eq(dispatchRequests.id, dispatchAssignments.requestId))
    .innerJoin(organizations, eq(organizations.id, dispatchAssignments.departmentId))
    .where(inYear(year))
    .groupBy(dispatchAssignments.departmentId, organizations.code, organizations.name)
    .orderBy(asc(organizations.code), asc(organizations.name));
  return rows.map((r) => ({ ...r, averageRating: r.averageRating == null ? null : Number(r.averageRating) }));
}

export async function streetAssessment(db: Db, year: number): Promise<StreetAssessment[]> {
  const rows = await db
    .select({
      organizationId: dispatchRequests.streetId,
      raised: sql<number>`count(distinct ${dispatchRequests.id})::int`,
      calls: sql<number>`count(${dispatchAssignments.id})::int`,
      rated: countWhere(sql`${dispatchAssignments.rating} is not null`),
      averageRatingGiven: average,
    })
    .from(dispatchRequests)
    .leftJoin(dispatchAssignments, eq(dispatchAssignments.requestId, dispatchRequests.id))
    .innerJoin(organizations, eq(organizations.id, dispatchRequests.streetId))
    .where(and(inYear(year)))
    .groupBy(dispatchRequests.streetId, organizations.code, organizations.name)
    .orderBy(asc(organizations.code), asc(organizations.name));
  return rows.map((r) => ({ ...r, averageRatingGiven: r.averageRatingGiven == null ? null : Number(r.averageRatingGiven) }));
}
