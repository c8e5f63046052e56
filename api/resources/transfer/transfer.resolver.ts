import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { crudResolverOf, serviceOf, typesOf } from '../../registry';
import { MAX_PER_PAGE } from '../../crud/list-metadata';
import { cancelTransfer, completeTransfer } from './transfer.service';

const { ObjectType: Transfer } = typesOf('Transfer');
const versionArg = { nullable: true, description: 'The version you last read (optional).' } as const;

@Resolver(() => Transfer)
export class TransferResolver extends crudResolverOf('Transfer') {
  @Mutation(() => Transfer, {
    description:
      '办理调动 (Complete a pending transfer): in one transaction the current posting ends the day before the effective date, the new posting opens, and the person’s organization and status follow. Nothing changes if any step is refused.',
  })
  async completeTransfer(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, versionArg) version: number | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.db.transaction((tx) => completeTransfer(tx, id, version));
  }

  @Mutation(() => Transfer, { description: '取消调动 (Cancel a pending transfer); a completed one stays as it is.' })
  async cancelTransfer(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, versionArg) version: number | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.db.transaction((tx) => cancelTransfer(tx, id, version));
  }

  @Query(() => [Transfer], {
    description:
      '逾期未归位 (Overdue secondments): completed secondments past their expected return date whose person has not returned, earliest due first. The same people are StaffMembers with overdueReturn: true.',
  })
  async overdueSecondments(@Ctx() ctx: Context) {
    return serviceOf('Transfer').list(ctx.db, {
      filter: { returnOverdue: true },
      sortField: 'expectedReturnDate',
      perPage: MAX_PER_PAGE,
    });
  }
}
