import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { MAX_PER_PAGE } from '../../crud/list-metadata';
import { crudResolverOf, serviceOf, typesOf } from '../../registry';
import { sendBackFinding } from './finding.service';

const { ObjectType: Finding } = typesOf('Finding');

@Resolver(() => Finding)
export class FindingResolver extends crudResolverOf('Finding') {
  @Mutation(() => Finding, {
    description: '退回整改 (Send a rectified finding back to RECTIFYING), with the verifier’s reason.',
  })
  async sendBackFinding(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { description: 'Why the rectification is not accepted.' }) reason: string,
    @Arg('version', () => Int, { nullable: true, description: 'The version you last read (optional).' }) version: number | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.db.transaction((tx) => sendBackFinding(tx, id, reason, version));
  }

  @Query(() => [Finding], {
    description: '逾期未整改 (Overdue findings): past the due date and not rectified, earliest due first.',
  })
  async overdueFindings(@Ctx() ctx: Context) {
    return serviceOf('Finding').list(ctx.db, { filter: { overdue: true }, sortField: 'dueDate', perPage: MAX_PER_PAGE });
  }
}
