import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { delegationCatalogs, delegations, organizations } from '../../../drizzle/schema';
import { today } from '../../dates';
import type { Context } from '../../context';
import { notFound } from '../../errors';
import type { ResolverKit } from '../../crud/resource';
import { LocalDate } from '../../crud/scalars';
import { organizationResource } from '../organization/organization.resource';
import { delegationCatalogResource } from '../delegation-catalog/delegation-catalog.resource';

@ObjectType('UnconfirmedDelegationCount', {
  description: '未签订赋权确认书的赋权事项 (Delegations of one street or township whose 赋权确认书 is not signed yet).',
})
class UnconfirmedDelegationCount {
  @Field(() => ID)
  recipientId!: number;

  @Field(() => Int, { description: 'How many of its delegations are not confirmed.' })
  count!: number;
}

export function delegationResolvers({ Crud, types, records }: ResolverKit) {
  @Resolver(() => UnconfirmedDelegationCount)
  class UnconfirmedDelegationCountResolver {
    @FieldResolver(() => records.types(organizationResource).ObjectType, { description: 'The street or township.' })
    recipient(@Root() row: UnconfirmedDelegationCount, @Ctx() ctx: Context) {
      return ctx.loaders.of(organizationResource).load(row.recipientId);
    }
  }

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
  return [DelegationResolver, UnconfirmedDelegationCountResolver];
}
