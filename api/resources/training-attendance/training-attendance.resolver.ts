import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { notFound } from '../../errors';
import { parseId, type ResourceModel } from '../../crud/model';
import type { ResolverKit } from '../../crud/resource';
import { organizationResource } from '../organization/organization.resource';
import { staffMemberResource } from '../staff-member/staff-member.resource';
import { StaffTrainingHours, trainingHours } from './training-hours';

function optionalId(value: string | null | undefined, model: ResourceModel): number | undefined {
  if (value === null || value === undefined) return undefined;
  const id = parseId(value);
  if (id === null) throw notFound(model.label, value);
  return id;
}

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
  }

  @Resolver(() => StaffTrainingHours)
  class StaffTrainingHoursResolver {
    @FieldResolver(() => records.types(staffMemberResource).ObjectType, { description: 'The person.' })
    staffMember(@Root() row: StaffTrainingHours, @Ctx() ctx: Context) {
      return ctx.loaders.of(staffMemberResource).load(row.staffMemberId);
    }
  }

  return [TrainingAttendanceResolver, StaffTrainingHoursResolver];
}
