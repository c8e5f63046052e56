import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import type { ResolverKit } from '../../crud/resource';
import { delegationResource } from '../delegation/delegation.resource';
import { organizationResource } from '../organization/organization.resource';
import { powerItemResource } from '../power-item/power-item.resource';
import { catalogDiff, catalogDiffTypes, type CatalogDiffItem, type CatalogDiffRecipient } from './catalog-diff';
import { publishCatalog } from './delegation-catalog.service';
import { draftNextEdition } from './next-edition';
import { LocalDate } from '../../crud/scalars';

export function delegationCatalogResolvers({ Crud, types, records }: ResolverKit) {
  const diff = catalogDiffTypes(records.types(delegationResource).ObjectType, types.ObjectType);

  @Resolver(() => types.ObjectType)
  class DelegationCatalogResolver extends Crud {
    @Mutation(() => types.ObjectType, {
      description:
        '发布目录 (Publish a draft catalog). Requires a document number, an issue date and at least one delegation; a superseded version is closed the day before this one takes effect.',
    })
    async publishDelegationCatalog(
      @Arg('id', () => ID) id: string,
      @Arg('version', () => Int, { nullable: true, description: 'The version you last read (optional).' })
      version: number | null,
      @Ctx() ctx: Context,
    ) {
      return ctx.db.transaction((tx) => publishCatalog(records, tx, id, version));
    }

    @Mutation(() => types.ObjectType, {
      description:
        '起草下一版 (Draft the next edition of a published catalog): a new DRAFT that supersedes it, holding a copy of each of its delegations still in force on the new effective date, for editors to adjust and publish. One transaction; the same access as creating a catalog. Refused with field errors when the catalog is not published, the date is not after its own, or a draft superseding it exists already.',
    })
    async draftNextEdition(
      @Arg('catalogId', () => ID, { description: 'The published catalog the new edition will supersede.' }) catalogId: string,
      @Arg('title', () => String, { description: 'Title of the new edition, e.g. …赋权事项目录（2025年版）.' }) title: string,
      @Arg('effectiveFrom', () => LocalDate, { description: 'Day the new edition takes effect; after the catalog’s own.' }) effectiveFrom: string,
      @Ctx() ctx: Context,
    ) {
      return ctx.db.transaction((tx) => draftNextEdition(records, tx, catalogId, title, effectiveFrom));
    }

    @Query(() => diff.CatalogDiff, {
      description:
        '目录调整对照 (What changed between two editions), per street or township: items added, taken back, and changed with each term’s old and new value (mode, scope, scope note, delegating department, dates). A start or end that only follows the editions (a delegation starting with its catalog, or ended the day before the next edition) is not a change. Before publishing a draft, compare the edition it supersedes with it.',
    })
    async catalogDiff(
      @Arg('fromId', () => ID, { description: 'The earlier edition.' }) fromId: string,
      @Arg('toId', () => ID, { description: 'The later edition (e.g. the draft about to be published).' }) toId: string,
      @Ctx() ctx: Context,
    ) {
      return catalogDiff(ctx, fromId, toId);
    }
  }

  @Resolver(() => diff.CatalogDiffRecipient)
  class CatalogDiffRecipientResolver {
    @FieldResolver(() => records.types(organizationResource).ObjectType, { description: 'The street or township.' })
    recipient(@Root() row: CatalogDiffRecipient, @Ctx() ctx: Context) {
      return ctx.loaders.of(organizationResource).load(row.recipientId);
    }
  }

  @Resolver(() => diff.CatalogDiffItem)
  class CatalogDiffItemResolver {
    @FieldResolver(() => records.types(powerItemResource).ObjectType, { description: 'The power item.' })
    powerItem(@Root() row: CatalogDiffItem, @Ctx() ctx: Context) {
      return ctx.loaders.of(powerItemResource).load(row.powerItemId);
    }
  }

  return [DelegationCatalogResolver, CatalogDiffRecipientResolver, CatalogDiffItemResolver];
}
