import { and, eq, inArray, sql } from 'drizzle-orm';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { trainingAttendances, trainingSessions } from '../../../drizzle/schema';
import type { Queryable } from '../../db';
import { config } from '../../config';
import { attendedDaysSql } from '../training-session/training-days';
import { heldToTrainingMinimums } from './training-hours';

@ObjectType('StaffTrainingDays', {
  description:
    '年度公共法律知识培训天数 (A staff member’s general-law training days in one year, military drill included) against the minimums of 《镇平县行政执法改革与管理专项整治工作实施方案》 (每人培训时间不少于4天，其中军事训练不少于2天).',
})
export class StaffTrainingDays {
  @Field(() => ID)
  staffMemberId!: number;

  @Field(() => Int)
  year!: number;

  @Field(() => Float, { description: '培训天数 (General-law and military-drill days attended: the drill is part of the general-law training).' })
  generalLawDays!: number;

  @Field(() => Float, { description: '其中军事训练天数 (Of which military-drill days).' })
  drillDays!: number;

  @Field(() => Float, { description: '最低培训天数 (The configured minimum, 4 by default).' })
  requiredGeneralLawDays!: number;

  @Field(() => Float, { description: '最低军事训练天数 (The configured minimum, 2 by default).' })
  requiredDrillDays!: number;

  @Field(() => Boolean, { description: '达到最低天数 (Both minimums are met).' })
  meetsMinimum!: boolean;
}

export interface TrainingDaysQuery {
  year: number;
  organizationId?: number;
  staffMemberId?: number;
  onlyBelowMinimum?: boolean;
}

/**
 * General-law and drill days per person in a year (by the year a session starts), for the same
 * people as the hours (`heldToTrainingMinimums`).
 */
export async function trainingDays(db: Queryable, q: TrainingDaysQuery): Promise<StaffTrainingDays[]> {
  const people = await heldToTrainingMinimums(db, q);
  if (!people.length) return [];
  const sums = await db
    .select({
      staffMemberId: trainingAttendances.staffMemberId,
      kind: trainingSessions.kind,
      days: sql<number>`sum(${attendedDaysSql})`.mapWith(Number),
    })
    .from(trainingAttendances)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendances.sessionId))
    .where(
      and(
        inArray(trainingAttendances.staffMemberId, people.map((p) => p.id)),
        inArray(trainingSessions.kind, ['GENERAL_LAW', 'MILITARY_DRILL']),
        sql`extract(year from ${trainingSessions.startsOn}) = ${q.year}`,
      ),
    )
    .groupBy(trainingAttendances.staffMemberId, trainingSessions.kind);
  const requiredGeneralLawDays = config.generalLawDaysMin;
  const requiredDrillDays = config.militaryDrillDaysMin;
  const rows = people.map(({ id }) => {
    const mine = sums.filter((s) => s.staffMemberId === id);
    const drillDays = mine.find((s) => s.kind === 'MILITARY_DRILL')?.days ?? 0;
    const generalLawDays = drillDays + (mine.find((s) => s.kind === 'GENERAL_LAW')?.days ?? 0);
    return {
      staffMemberId: id,
      year: q.year,
      generalLawDays,
      drillDays,
      requiredGeneralLawDays,
      requiredDrillDays,
      meetsMinimum: generalLawDays >= requiredGeneralLawDays && drillDays >= requiredDrillDays,
    };
  });
  return q.onlyBelowMinimum ? rows.filter((r) => !r.meetsMinimum) : rows;
}
