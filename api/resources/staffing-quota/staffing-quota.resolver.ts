import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { crudResolverOf, serviceOf, typesOf } from '../../registry';
import { MAX_PER_PAGE } from '../../crud/list-metadata';

const { ObjectType: StaffingQuota } = typesOf('StaffingQuota');

@Resolver(() => StaffingQuota)
export class StaffingQuotaResolver extends crudResolverOf('StaffingQuota') {
  @Query(() => [StaffingQuota], {
    description:
      '空编率超标 (Quotas above the vacancy cap): the organizations and categories whose vacancy rate exceeds the configured cap in a year, highest rate first.',
  })
  async quotasAboveVacancyCap(
    @Arg('year', () => Int, { description: 'The staffing year, e.g. 2026.' }) year: number,
    @Ctx() ctx: Context,
  ) {
    return serviceOf('StaffingQuota').list(ctx.db, {
      filter: { year, aboveVacancyCap: true },
      sortField: 'vacancyRate',
      sortOrder: 'DESC',
      perPage: MAX_PER_PAGE,
    });
  }
}
