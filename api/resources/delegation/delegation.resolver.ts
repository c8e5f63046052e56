import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { delegationCatalogs, delegations } from '../../../drizzle/schema';
import type { Context } from '../../context';
import { notFound } from '../../errors';
import type { ResolverKit } from '../../crud/resource';
import { LocalDate } from '../../crud/scalars';
import { organizationResource } from '../organization/organization.resource';

export function delegationResolvers({ Crud, types, records }: ResolverKit) {
  @Resolver(() => types.ObjectType)
  class DelegationResolver extends Crud {
    @Query(() => [types.ObjectType], {
      description:
        '某日持有的赋权事项 (What a street or township held on a given day): delegations of published or superseded catalog versions in effect on that day. Drafts never count.',
    })
    async delegationsAsOf(
      @Arg('organizationId', () => ID, { description: 'The street or township.' }) organizationId: string,
      @Arg('date', () => LocalDate, { description: 'The day, YYYY-MM-DD.' }) date: string,
      @Ctx() ctx: Context,
    ) {
      const organizations = records.of(organizationResource);
      const organization = await organizations.get(ctx.db, organizationId);
      if (!organization) throw notFound(organizations.model.label, organizationId);
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
  return [DelegationResolver];
}
