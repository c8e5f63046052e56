import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import type { ResolverKit } from '../../crud/resource';
import { organizationResource } from '../organization/organization.resource';
import { optionalId } from '../optional-id';
import { StreetTrainingSupport, streetTrainingSupport } from './street-training';

export function trainingAudienceResolvers({ Crud, types, records }: ResolverKit) {
  @Resolver(() => types.ObjectType)
  class TrainingAudienceResolver extends Crud {
    @Query(() => [StreetTrainingSupport], {
      description:
        '街道、乡镇年度专业巡讲与以案代训 (Roadshows received and penalty cases guided per street and township in a year) against the configured minimums (《武清区关于进一步深化街镇综合执法改革的指导意见》: 巡讲不少于2次，全程跟踪指导的处罚案件不少于3件).',
    })
    async streetTrainingSupport(
      @Arg('year', () => Int) year: number,
      @Arg('organizationId', () => ID, { nullable: true, description: 'Only this street or township.' }) organizationId: string | null,
      @Arg('onlyBelowMinimum', () => Boolean, { nullable: true, description: 'Only those below either minimum.' }) onlyBelowMinimum: boolean | null,
      @Ctx() ctx: Context,
    ) {
      return streetTrainingSupport(ctx.db, {
        year,
        organizationId: optionalId(organizationId, records.model(organizationResource)),
        onlyBelowMinimum: onlyBelowMinimum ?? false,
      });
    }
  }

  @Resolver(() => StreetTrainingSupport)
  class StreetTrainingSupportResolver {
    @FieldResolver(() => records.types(organizationResource).ObjectType, { description: 'The street or township.' })
    organization(@Root() row: StreetTrainingSupport, @Ctx() ctx: Context) {
      return ctx.loaders.of(organizationResource).load(row.organizationId);
    }
  }

  return [TrainingAudienceResolver, StreetTrainingSupportResolver];
}
