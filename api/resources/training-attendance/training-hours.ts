import { and, asc, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { enumDefinitions, staffMembers, trainingAttendances, trainingSessions } from '../../../drizzle/schema';
import type { Queryable } from '../../db';
import { config } from '../../config';
import { graphqlEnum } from '../../crud/scalars';

const TrainingKind = graphqlEnum(enumDefinitions.get('training_kind')!);

@ObjectType('TrainingHoursByKind', { description: '某类培训课时 (Hours of one training kind).' })
export class TrainingHoursByKind {
  @Field(() => TrainingKind)
  kind!: string;

  @Field(() => Float)
  hours!: number;
}

@ObjectType('StaffTrainingHours', {
  description: '年度培训学时 (A staff member’s training hours in one year), by kind, against the professional-law minimum.',
})
export class StaffTrainingHours {
  @Field(() => ID)
  staffMemberId!: number;

  @Field(() => Int)
  year!: number;

  @Field(() => Float, { description: '全部课时 (All hours attended in the year).' })
  totalHours!: number;

  @Field(() => Float, { description: '专业法律知识课时 (Professional-law hours).' })
  professionalLawHours!: number;

  @Field(() => Float, { description: '专业法律知识最低课时 (The configured yearly minimum, 30 by 《镇平县行政执法改革与管理专项整治工作实施方案》).' })
  requiredProfessionalLawHours!: number;

  @Field(() => Boolean, { description: '达到最低课时 (Professional-law hours reach the minimum).' })
  meetsProfessionalLawMinimum!: boolean;

  @Field(() => [TrainingHoursByKind], { description: 'Hours per kind attended, kinds with none left out.' })
  byKind!: TrainingHoursByKind[];
}

export interface TrainingHoursQuery {
  year: number;
  organizationId?: number;
  staffMemberId?: number;
  onlyBelowMinimum?: boolean;
}

/**
 * The people a year's training minimums apply to, by id: everyone still serving (not departed or
 * retired), except auxiliary staff, who do not enforce. Hours and days count the same people.
 */
export function heldToTrainingMinimums(db: Queryable, q: { organizationId?: number; staffMemberId?: number }): Promise<{ id: number }[]> {
  return db
    .select({ id: staffMembers.id })
    .from(staffMembers)
    .where(
      and(
        notInArray(staffMembers.status, ['LEFT', 'RETIRED']),
        ne(staffMembers.category, 'AUXILIARY'),
        q.organizationId !== undefined ? eq(staffMembers.organizationId, q.organizationId) : undefined,
        q.staffMemberId !== undefined ? eq(staffMembers.id, q.staffMemberId) : undefined,
      ),
    )
    .orderBy(asc(staffMembers.id));
}

/**
 * Hours per person and kind in a year (by the year a session starts), for the people the minimum
 * applies to: everyone not departed, except auxiliary staff, who do not enforce.
 */
export async function trainingHours(db: Queryable, q: TrainingHoursQuery): Promise<StaffTrainingHours[]> {
  const people = await heldToTrainingMinimums(db, q);
  if (!people.length) return [];
  const sums = await db
    .select({
      staffMemberId: trainingAttendances.staffMemberId,
      kind: trainingSessions.kind,
      hours: sql<number>`sum(${trainingAttendances.hoursAttended})`.mapWith(Number),
    })
    .from(trainingAttendances)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendances.sessionId))
    .where(
      and(
        inArray(trainingAttendances.staffMemberId, people.map((p) => p.id)),
        sql`extract(year from ${trainingSessions.startsOn}) = ${q.year}`,
      ),
    )
    .groupBy(trainingAttendances.staffMemberId, trainingSessions.kind);
  const required = config.professionalLawHoursMin;
  const kinds = Object.keys(enumDefinitions.get('training_kind')!.values);
  const rows = people.map(({ id }) => {
    const mine = sums.filter((s) => s.staffMemberId === id).sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
    const law = mine.find((s) => s.kind === 'PROFESSIONAL_LAW')?.hours ?? 0;
    return {
      staffMemberId: id,
      year: q.year,
      totalHours: mine.reduce((n, s) => n + s.hours, 0),
      professionalLawHours: law,
      requiredProfessionalLawHours: required,
      meetsProfessionalLawMinimum: law >= required,
      byKind: mine.map(({ kind, hours }) => ({ kind, hours })),
    };
  });
  return q.onlyBelowMinimum ? rows.filter((r) => !r.meetsProfessionalLawMinimum) : rows;
}
