import { and, asc, count, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { Arg, Ctx, Extensions, ID, Int, Query, Resolver } from 'type-graphql';
import { delegationCatalogs, delegations } from '../../../drizzle/schema';
import type { Context } from '../../context';
import { notFound } from '../../errors';
import type { ResolverKit } from '../../crud/resource';
import { LocalDate } from '../../crud/scalars';
import { paging } from '../../crud/filter-to-where';
import { ListMetadata } from '../../crud/list-metadata';
import { organizationResource } from '../organization/organization.resource';

export function delegationResolvers({ Crud, types, records, service }: ResolverKit) {
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
      @Arg('page', () => Int, { nullable: true, description: 'Zero-based page number; with perPage, pages the answer (absent: every delegation).' }) page?: number,
      @Arg('perPage', () => Int, { nullable: true, description: 'Rows per page, 1 to 1000 (absent: every delegation).' }) perPage?: number,
    ) {
      const where = await inForce(ctx, organizationId, date);
      const query = ctx.db.select({ delegation: delegations }).from(delegations).innerJoin(delegationCatalogs, eq(delegationCatalogs.id, delegations.catalogId)).where(where).orderBy(asc(delegations.powerItemId), asc(delegations.id));
      if (page == null && perPage == null) return query.then((rows) => rows.map((r) => r.delegation));
      const { limit, offset } = paging(service.model, { page, perPage });
      return query.limit(limit).offset(offset).then((rows) => rows.map((r) => r.delegation));
    }

    @Query(() => ListMetadata, { description: 'How many delegations delegationsAsOf answers for that street and day.' })
    // Its type is not a record's: the read guard learns from here whose data it counts.
    @Extensions({ resource: 'Delegation' })
    async _delegationsAsOfMeta(
      @Arg('organizationId', () => ID, { description: 'The street or township.' }) organizationId: string,
      @Arg('date', () => LocalDate, { description: 'The day, YYYY-MM-DD.' }) date: string,
      @Ctx() ctx: Context,
    ) {
      const where = await inForce(ctx, organizationId, date);
      const [row] = await ctx.db.select({ n: count() }).from(delegations).innerJoin(delegationCatalogs, eq(delegationCatalogs.id, delegations.catalogId)).where(where);
      return { count: Number(row.n) };
    }
  }

  /** Delegations of published or superseded versions held by the organization on that day. */
  async function inForce(ctx: Context, organizationId: string, date: string) {
    const organizations = records.of(organizationResource);
    const organization = await organizations.get(ctx.db, organizationId);
    if (!organization) throw notFound(organizations.model.label, organizationId);
    return and(
      eq(delegations.recipientId, organization.id),
      inArray(delegationCatalogs.status, ['PUBLISHED', 'SUPERSEDED']),
      lte(delegations.effectiveFrom, date),
      or(isNull(delegations.effectiveTo), gte(delegations.effectiveTo, date)),
    );
  }
  return [DelegationResolver];
}
