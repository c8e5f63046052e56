import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import type { ResolverKit } from '../../crud/resource';
import { cancelTransfer, completeTransfer } from './transfer.service';

const versionArg = { nullable: true, description: 'The version you last read (optional).' } as const;

export function transferResolvers({ Crud, types, records }: ResolverKit) {
  @Resolver(() => types.ObjectType)
  class TransferResolver extends Crud {
    @Mutation(() => types.ObjectType, {
      description:
        '办理调动 (Complete a pending transfer): in one transaction the current posting ends the day before the effective date, the new posting opens, and the person’s organization and status follow. Nothing changes if any step is refused.',
    })
    async completeTransfer(
      @Arg('id', () => ID) id: string,
      @Arg('version', () => Int, versionArg) version: number | null,
      @Ctx() ctx: Context,
    ) {
      return ctx.db.transaction((tx) => completeTransfer(records, tx, id, version));
    }

    @Mutation(() => types.ObjectType, { description: '取消调动 (Cancel a pending transfer); a completed one stays as it is.' })
    async cancelTransfer(
      @Arg('id', () => ID) id: string,
      @Arg('version', () => Int, versionArg) version: number | null,
      @Ctx() ctx: Context,
    ) {
      return ctx.db.transaction((tx) => cancelTransfer(records, tx, id, version));
    }
  }
  return [TransferResolver];
}
