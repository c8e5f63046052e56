import type { GraphQLResolveInfo } from 'graphql';
import { and, eq, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { delegationCatalogs, delegations } from '../../../drizzle/schema';
import type { Context } from '../../context';
import { notFound } from '../../errors';
import type { ResolverKit } from '../../crud/resource';
import { LocalDate } from '../../crud/scalars';
import { DEFAULT_PER_PAGE, ListMetadata, MAX_PER_PAGE } from '../../crud/list-metadata';
import { readOf } from '../../crud/json-read';
import { organizationResource } from '../organization/organization.resource';

export function delegationResolvers({ Crud, types, records, service }: ResolverKit) {
  /** Delegations of published or superseded catalog versions a street held on a day; drafts never count. */
  async function heldOn(ctx: Context, organizationId: string, date: string): Promise<SQL> {
    const organizations = records.of(organizationResource);
    const organization = await organizations.get(ctx.db, organizationId);
    if (!organization) throw notFound(organizations.model.label, organizationId);
    const inForce = ctx.db.select({ id: delegationCatalogs.id }).from(delegationCatalogs).where(inArray(delegationCatalogs.status, ['PUBLISHED', 'SUPERSEDED']));
    return and(
      eq(delegations.recipientId, organization.id),
      inArray(delegations.catalogId, inForce),
      lte(delegations.effectiveFrom, date),
      or(isNull(delegations.effectiveTo), gte(delegations.effectiveTo, date)),
    )!;
  }

  @Resolver(() => types.ObjectType)
  class DelegationResolver extends Crud {
    @Query(() => [types.ObjectType], {
      description:
        '某日持有的赋权事项 (What a street or township held on a given day): delegations of published or superseded catalog versions in effect on that day, by power item, a page at a time. Drafts never count.',
    })
    async delegationsAsOf(
      @Arg('organizationId', () => ID, { description: 'The street or township.' }) organizationId: string,
      @Arg('date', () => LocalDate, { description: 'The day, YYYY-MM-DD.' }) date: string,
      @Arg('page', () => Int, { nullable: true, description: 'Zero-based page number (default 0).' }) page: number | undefined,
      @Arg('perPage', () => Int, { nullable: true, description: `Rows per page, 1 to ${MAX_PER_PAGE} (default ${DEFAULT_PER_PAGE}).` }) perPage: number | undefined,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ) {
      const where = await heldOn(ctx, organizationId, date);
      return service.listAs(ctx.db, { page, perPage, sortField: 'powerItemId' }, readOf(ctx, service.model, info), where);
    }

    @Query(() => ListMetadata, { name: '_delegationsAsOfMeta', description: 'How many delegations a street or township held on a given day.' })
    async delegationsAsOfMeta(
      @Arg('organizationId', () => ID, { description: 'The street or township.' }) organizationId: string,
      @Arg('date', () => LocalDate, { description: 'The day, YYYY-MM-DD.' }) date: string,
      @Ctx() ctx: Context,
    ) {
      return { count: await service.count(ctx.db, undefined, await heldOn(ctx, organizationId, date)) };
    }
  }
  return [DelegationResolver];
}
