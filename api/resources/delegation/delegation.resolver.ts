import type { GraphQLResolveInfo } from 'graphql';
import { and, asc, count, desc, eq, gte, isNull, or } from 'drizzle-orm';
import { Arg, Ctx, Extensions, Field, FieldResolver, ID, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { delegationCatalogs, delegations, organizations } from '../../../drizzle/schema';
import { today } from '../../dates';
import type { Context } from '../../context';
import { notFound } from '../../errors';
import type { ResolverKit } from '../../crud/resource';
import { LocalDate } from '../../crud/scalars';
import { DEFAULT_PER_PAGE, ListMetadata, MAX_PER_PAGE } from '../../crud/list-metadata';
import { readOf } from '../../crud/json-read';
import { organizationResource } from '../organization/organization.resource';
import { delegationCatalogResource } from '../delegation-catalog/delegation-catalog.resource';
import { publicDisclosureResolvers } from './public-disclosure.resolver';

@ObjectType('UnconfirmedDelegationCount', {
  description: '未签订赋权确认书的赋权事项 (Delegations of one street or township whose 赋权确认书 is not signed yet).',
})
class UnconfirmedDelegationCount {
  @Field(() => ID)
  recipientId!: number;

  @Field(() => Int, { description: 'How many of its delegations are not confirmed.' })
  count!: number;
}

export function delegationResolvers({ Crud, types, records, service }: ResolverKit) {
  @Resolver(() => UnconfirmedDelegationCount)
  class UnconfirmedDelegationCountResolver {
    @FieldResolver(() => records.types(organizationResource).ObjectType, { description: 'The street or township.' })
    recipient(@Root() row: UnconfirmedDelegationCount, @Ctx() ctx: Context) {
      return ctx.loaders.of(organizationResource).load(row.recipientId);
    }
  }

  /**
   * What a street held on a day (`lists.delegationsAsOf` of the definition, api/resources/delegation/held-on.ts),
   * the condition the compiled read uses too. The street is looked up only when the answer is empty
   * (`known`): a street that holds something is read in the one statement of the answer.
   */
  const asOf = service.model.definition.lists!.delegationsAsOf;

  /** NOT_FOUND for a street that does not exist (or that the caller may not read); an empty answer otherwise. */
  async function known(ctx: Context, organizationId: string): Promise<void> {
    const streets = records.of(organizationResource);
    if (!(await streets.get(ctx.db, organizationId))) throw notFound(streets.model.label, organizationId);
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
      const rows = await service.listAs(
        ctx.db,
        { page, perPage, sortField: asOf.sortField, sortOrder: asOf.sortOrder },
        readOf(ctx, service.model, info),
        asOf.where({ organizationId, date }),
      );
      if (rows.length === 0) await known(ctx, organizationId);
      return rows;
    }

    @Query(() => ListMetadata, { name: '_delegationsAsOfMeta', description: 'How many delegations a street or township held on a given day.' })
    // Its type is not a record's: the read guard learns from here whose data it counts.
    @Extensions({ resource: 'Delegation' })
    async delegationsAsOfMeta(
      @Arg('organizationId', () => ID, { description: 'The street or township.' }) organizationId: string,
      @Arg('date', () => LocalDate, { description: 'The day, YYYY-MM-DD.' }) date: string,
      @Ctx() ctx: Context,
    ) {
      const n = await service.count(ctx.db, undefined, asOf.where({ organizationId, date }));
      if (n === 0) await known(ctx, organizationId);
      return { count: n };
    }

    @Query(() => [UnconfirmedDelegationCount], {
      description:
        '未确认的赋权事项 (Delegations whose 赋权确认书 is not signed yet), counted per street or township, most first. Of one catalog when `catalogId` is given; otherwise of the published catalogs, leaving out delegations already ended.',
    })
    async unconfirmedDelegations(
      @Arg('catalogId', () => ID, { nullable: true, description: 'One catalog (any status); absent: the published ones.' }) catalogId: string | null,
      @Ctx() ctx: Context,
    ): Promise<UnconfirmedDelegationCount[]> {
      const unsigned = isNull(delegations.confirmationSignedOn);
      let where;
      if (catalogId != null) {
        const catalogs = records.of(delegationCatalogResource);
        const catalog = await catalogs.get(ctx.db, catalogId);
        if (!catalog) throw notFound(catalogs.model.label, catalogId);
        where = and(unsigned, eq(delegations.catalogId, catalog.id));
      } else {
        where = and(
          unsigned,
          eq(delegationCatalogs.status, 'PUBLISHED'),
          or(isNull(delegations.effectiveTo), gte(delegations.effectiveTo, today())),
        );
      }
      const n = count();
      const rows = await ctx.db
        .select({ recipientId: delegations.recipientId, count: n })
        .from(delegations)
        .innerJoin(delegationCatalogs, eq(delegationCatalogs.id, delegations.catalogId))
        .innerJoin(organizations, eq(organizations.id, delegations.recipientId))
        .where(where)
        .groupBy(delegations.recipientId, organizations.code)
        .orderBy(desc(n), asc(organizations.code));
      return rows.map((r) => ({ recipientId: r.recipientId, count: Number(r.count) }));
    }
  }
  return [DelegationResolver, UnconfirmedDelegationCountResolver, ...publicDisclosureResolvers()];
}
