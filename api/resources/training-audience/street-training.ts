import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { organizations, trainingAudiences, trainingSessions } from '../../../drizzle/schema';
import type { Queryable } from '../../db';
import { config } from '../../config';
import { LOCAL_KINDS } from '../rules';

@ObjectType('StreetTrainingSupport', {
  description:
    '街道、乡镇年度专业巡讲与以案代训 (Roadshow lectures received and penalty cases guided at a street or township in one year) against the minimums of 《武清区关于进一步深化街镇综合执法改革的指导意见》 (每年对各街镇巡讲不少于2次，全程跟踪指导的处罚案件不少于3件).',
})
export class StreetTrainingSupport {
  @Field(() => ID)
  organizationId!: number;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { description: '专业巡讲次数 (Roadshow sessions that served it).' })
  roadshows!: number;

  @Field(() => Int, { description: '最低巡讲次数 (The configured minimum, 2 by default).' })
  requiredRoadshows!: number;

  @Field(() => Int, { description: '全程跟踪指导的处罚案件 (Case-based sessions that served it, one guided case each).' })
  guidedCases!: number;

  @Field(() => Int, { description: '最低指导案件数 (The configured minimum, 3 by default).' })
  requiredGuidedCases!: number;

  @Field(() => Boolean, { description: '达到最低次数 (Both minimums are met).' })
  meetsMinimum!: boolean;
}

export interface StreetTrainingQuery {
  year: number;
  organizationId?: number;
  onlyBelowMinimum?: boolean;
}

/** Every street and township (or one), with the roadshows and guided cases that served it in a year. */
export async function streetTrainingSupport(db: Queryable, q: StreetTrainingQuery): Promise<StreetTrainingSupport[]> {
  const streets = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(inArray(organizations.kind, LOCAL_KINDS), q.organizationId !== undefined ? eq(organizations.id, q.organizationId) : undefined))
    .orderBy(asc(organizations.id));
  if (!streets.length) return [];
  const counts = await db
    .select({
      organizationId: trainingAudiences.organizationId,
      kind: trainingSessions.kind,
      sessions: sql<number>`count(distinct ${trainingSessions.id})`.mapWith(Number),
    })
    .from(trainingAudiences)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAudiences.sessionId))
    .where(
      and(
        inArray(trainingAudiences.organizationId, streets.map((s) => s.id)),
        inArray(trainingSessions.kind, ['ROADSHOW', 'CASE_BASED']),
        sql`extract(year from ${trainingSessions.startsOn}) = ${q.year}`,
      ),
    )
    .groupBy(trainingAudiences.organizationId, trainingSessions.kind);
  const requiredRoadshows = config.roadshowsPerYearMin;
  const requiredGuidedCases = config.guidedCasesPerYearMin;
  const count = (id: number, kind: string) => counts.find((c) => c.organizationId === id && c.kind === kind)?.sessions ?? 0;
  const rows = streets.map(({ id }) => {
    const roadshows = count(id, 'ROADSHOW');
    const guidedCases = count(id, 'CASE_BASED');
    return {
      organizationId: id,
      year: q.year,
      roadshows,
      requiredRoadshows,
      guidedCases,
      requiredGuidedCases,
      meetsMinimum: roadshows >= requiredRoadshows && guidedCases >= requiredGuidedCases,
    };
  });
  return q.onlyBelowMinimum ? rows.filter((r) => !r.meetsMinimum) : rows;
}
