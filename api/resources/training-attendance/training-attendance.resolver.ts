import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { notFound } from '../../errors';
import { parseId } from '../../crud/model';
import { crudResolverOf, modelOf, typesOf } from '../../registry';
import { StaffTrainingHours, trainingHours } from './training-hours';

const { ObjectType: TrainingAttendance } = typesOf('TrainingAttendance');
const { ObjectType: StaffMember } = typesOf('StaffMember');

function optionalId(value: string | null | undefined, resource: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  const id = parseId(value);
  if (id === null) throw notFound(modelOf(resource).label, value);
  return id;
}

@Resolver(() => TrainingAttendance)
export class TrainingAttendanceResolver extends crudResolverOf('TrainingAttendance') {
  @Query(() => [StaffTrainingHours], {
    description:
      '年度培训学时 (Training hours per staff member in a year) by kind, and whether the professional-law minimum is met. Covers everyone not departed except auxiliary staff.',
  })
  async trainingHours(
    @Arg('year', () => Int) year: number,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Only staff working at this organization.' }) organizationId: string | null,
    @Arg('staffMemberId', () => ID, { nullable: true, description: 'Only this person.' }) staffMemberId: string | null,
    @Arg('onlyBelowMinimum', () => Boolean, { nullable: true, description: 'Only people below the minimum.' }) onlyBelowMinimum: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return trainingHours(ctx.db, {
      year,
      organizationId: optionalId(organizationId, 'Organization'),
      staffMemberId: optionalId(staffMemberId, 'StaffMember'),
      onlyBelowMinimum: onlyBelowMinimum ?? false,
    });
  }
}

@Resolver(() => StaffTrainingHours)
export class StaffTrainingHoursResolver {
  @FieldResolver(() => StaffMember, { description: 'The person.' })
  staffMember(@Root() row: StaffTrainingHours, @Ctx() ctx: Context) {
    return ctx.loaders.get('StaffMember')!.load(row.staffMemberId);
  }
}
