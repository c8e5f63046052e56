import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { crudResolverOf, typesOf } from '../../registry';
import { publishCatalog } from './delegation-catalog.service';

const { ObjectType: DelegationCatalog } = typesOf('DelegationCatalog');

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
}
