import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { crudResolverOf, typesOf } from '../../registry';
import { publishCatalog } from './delegation-catalog.service';
import { CatalogDiff, catalogDiff, CatalogDiffItem, CatalogDiffRecipient } from './catalog-diff';

const { ObjectType: DelegationCatalog } = typesOf('DelegationCatalog');
const { ObjectType: Organization } = typesOf('Organization');
const { ObjectType: PowerItem } = typesOf('PowerItem');

@Resolver(() => DelegationCatalog)
export class DelegationCatalogResolver extends crudResolverOf('DelegationCatalog') {
  @Mutation(() => DelegationCatalog, {
    description:
      '发布目录 (Publish a draft catalog). Requires a document number, an issue date and at least one delegation; a superseded version is closed the day before this one takes effect.',
  })
  async publishDelegationCatalog(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { nullable: true, description: 'The version you last read (optional).' })
    version: number | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.db.transaction((tx) => publishCatalog(tx, id, version));
  }

  @Query(() => CatalogDiff, {
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

@Resolver(() => CatalogDiffRecipient)
export class CatalogDiffRecipientResolver {
  @FieldResolver(() => Organization, { description: 'The street or township.' })
  recipient(@Root() row: CatalogDiffRecipient, @Ctx() ctx: Context) {
    return ctx.loaders.get('Organization')!.load(row.recipientId);
  }
}

@Resolver(() => CatalogDiffItem)
export class CatalogDiffItemResolver {
  @FieldResolver(() => PowerItem, { description: 'The power item.' })
  powerItem(@Root() row: CatalogDiffItem, @Ctx() ctx: Context) {
    return ctx.loaders.get('PowerItem')!.load(row.powerItemId);
  }
}
