import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { optionalId } from '../optional-id';
import type { ResolverKit } from '../../crud/resource';
import { organizationResource } from '../organization/organization.resource';
import { staffMemberResource } from '../staff-member/staff-member.resource';
import { StaffTrainingHours, trainingHours } from './training-hours';
import { StaffTrainingDays, trainingDays } from './training-days';


export function trainingAttendanceResolvers({ Crud, types, records }: ResolverKit) {
  @Resolver(() => types.ObjectType)
  class TrainingAttendanceResolver extends Crud {
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
        organizationId: optionalId(organizationId, records.model(organizationResource)),
        staffMemberId: optionalId(staffMemberId, records.model(staffMemberResource)),
        onlyBelowMinimum: onlyBelowMinimum ?? false,
      });
    }

    @Query(() => [StaffTrainingDays], {
      description:
        '年度公共法律知识培训天数 (General-law and military-drill days per staff member in a year) against the configured minimums (《镇平县行政执法改革与管理专项整治工作实施方案》: 每人培训时间不少于4天，其中军事训练不少于2天). Covers everyone not departed except auxiliary staff.',
    })
    async trainingDays(
      @Arg('year', () => Int) year: number,
      @Arg('organizationId', () => ID, { nullable: true, description: 'Only staff working at this organization.' }) organizationId: string | null,
      @Arg('staffMemberId', () => ID, { nullable: true, description: 'Only this person.' }) staffMemberId: string | null,
      @Arg('onlyBelowMinimum', () => Boolean, { nullable: true, description: 'Only people below either minimum.' }) onlyBelowMinimum: boolean | null,
      @Ctx() ctx: Context,
    ) {
      return trainingDays(ctx.db, {
        year,
        organizationId: optionalId(organizationId, records.model(organizationResource)),
        staffMemberId: optionalId(staffMemberId, records.model(staffMemberResource)),
        onlyBelowMinimum: onlyBelowMinimum ?? false,
      });
    }
  }

  @Resolver(() => StaffTrainingDays)
  class StaffTrainingDaysResolver {
    @FieldResolver(() => records.types(staffMemberResource).ObjectType, { description: 'The person.' })
    staffMember(@Root() row: StaffTrainingDays, @Ctx() ctx: Context) {
      return ctx.loaders.of(staffMemberResource).load(row.staffMemberId);
    }
  }

  @Resolver(() => StaffTrainingHours)
  class StaffTrainingHoursResolver {
    @FieldResolver(() => records.types(staffMemberResource).ObjectType, { description: 'The person.' })
    staffMember(@Root() row: StaffTrainingHours, @Ctx() ctx: Context) {
      return ctx.loaders.of(staffMemberResource).load(row.staffMemberId);
    }
  }

  return [TrainingAttendanceResolver, StaffTrainingHoursResolver, StaffTrainingDaysResolver];
}
