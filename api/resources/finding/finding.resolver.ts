import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import type { ResolverKit } from '../../crud/resource';
import { sendBackFinding } from './finding.service';

export function findingResolvers({ Crud, types, records }: ResolverKit) {
  @Resolver(() => types.ObjectType)
  class FindingResolver extends Crud {
    @Mutation(() => types.ObjectType, {
      description: '退回整改 (Send a rectified finding back to RECTIFYING), with the verifier’s reason.',
    })
    async sendBackFinding(
      @Arg('id', () => ID) id: string,
      @Arg('reason', () => String, { description: 'Why the rectification is not accepted.' }) reason: string,
      @Arg('version', () => Int, { nullable: true, description: 'The version you last read (optional).' }) version: number | null,
      @Ctx() ctx: Context,
    ) {
      return ctx.db.transaction((tx) => sendBackFinding(records, tx, id, reason, version));
    }
  }
  return [FindingResolver];
}
