import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { delegationCatalogs, delegations } from '../../../drizzle/schema';
import type { Context } from '../../context';
import { notFound } from '../../errors';
import { LocalDate } from '../../crud/scalars';
import { crudResolverOf, modelOf, serviceOf, typesOf } from '../../registry';

const { ObjectType: Delegation } = typesOf('Delegation');

@Resolver(() => Delegation)
export class DelegationResolver extends crudResolverOf('Delegation') {
  @Query(() => [Delegation], {
    description:
      '某日持有的赋权事项 (What a street or township held on a given day): delegations of published or superseded catalog versions in effect on that day. Drafts never count.',
  })
  async delegationsAsOf(
    @Arg('organizationId', () => ID, { description: 'The street or township.' }) organizationId: string,
    @Arg('date', () => LocalDate, { description: 'The day, YYYY-MM-DD.' }) date: string,
    @Ctx() ctx: Context,
  ) {
    const organization = await serviceOf('Organization').get(ctx.db, organizationId);
    if (!organization) throw notFound(modelOf('Organization').label, organizationId);
    return ctx.db
      .select({ delegation: delegations })
      .from(delegations)
      .innerJoin(delegationCatalogs, eq(delegationCatalogs.id, delegations.catalogId))
      .where(
        and(
          eq(delegations.recipientId, organization.id),
          inArray(delegationCatalogs.status, ['PUBLISHED', 'SUPERSEDED']),
          lte(delegations.effectiveFrom, date),
          or(isNull(delegations.effectiveTo), gte(delegations.effectiveTo, date)),
        ),
      )
      .orderBy(asc(delegations.powerItemId), asc(delegations.id))
      .then((rows) => rows.map((r) => r.delegation));
  }
}
