import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import type { ResolverKit } from '../../crud/resource';
import { LocalDate } from '../../crud/scalars';
import { acceptCaseReferral, receiveCaseReferral, recordCaseReferralOutcome, returnCaseReferral } from './case-referral.service';

const versionArg = { nullable: true, description: 'The version you last read (optional).' } as const;
const dayArg = (what: string) => ({ nullable: true, description: `${what}, YYYY-MM-DD; today when absent. Not in the future, not before the previous step.` });

export function caseReferralResolvers({ Crud, types, records }: ResolverKit) {
  @Resolver(() => types.ObjectType)
  class CaseReferralResolver extends Crud {
    @Mutation(() => types.ObjectType, { description: '接收移送 (Sign for a sent referral): the receiving unit, SENT → RECEIVED, dated.' })
    async receiveCaseReferral(
      @Arg('id', () => ID) id: string,
      @Arg('receivedOn', () => LocalDate, dayArg('The day it was received')) receivedOn: string | null,
      @Arg('version', () => Int, versionArg) version: number | null,
      @Ctx() ctx: Context,
    ) {
      return ctx.db.transaction((tx) => receiveCaseReferral(records, tx, id, receivedOn, version));
    }

    @Mutation(() => types.ObjectType, { description: '受理移送 (Accept a received referral): the receiving unit, RECEIVED → ACCEPTED, dated, with the outcome so far.' })
    async acceptCaseReferral(
      @Arg('id', () => ID) id: string,
      @Arg('decidedOn', () => LocalDate, dayArg('The day of the decision')) decidedOn: string | null,
      @Arg('outcome', () => String, { nullable: true, description: 'What was done with it so far (a case filed …).' }) outcome: string | null,
      @Arg('version', () => Int, versionArg) version: number | null,
      @Ctx() ctx: Context,
    ) {
      return ctx.db.transaction((tx) => acceptCaseReferral(records, tx, id, decidedOn, outcome, version));
    }

    @Mutation(() => types.ObjectType, { description: '退回移送 (Return a received referral): the receiving unit, RECEIVED → RETURNED, dated, with the reason.' })
    async returnCaseReferral(
      @Arg('id', () => ID) id: string,
      @Arg('reason', () => String, { description: 'Why it is returned (no jurisdiction, materials missing …).' }) reason: string,
      @Arg('decidedOn', () => LocalDate, dayArg('The day of the decision')) decidedOn: string | null,
      @Arg('version', () => Int, versionArg) version: number | null,
      @Ctx() ctx: Context,
    ) {
      return ctx.db.transaction((tx) => returnCaseReferral(records, tx, id, decidedOn, reason, version));
    }

    @Mutation(() => types.ObjectType, { description: '登记办理结果 (Record the outcome of an accepted referral): the receiving unit.' })
    async recordCaseReferralOutcome(
      @Arg('id', () => ID) id: string,
      @Arg('outcome', () => String, { description: 'The outcome.' }) outcome: string,
      @Arg('version', () => Int, versionArg) version: number | null,
      @Ctx() ctx: Context,
    ) {
      return ctx.db.transaction((tx) => recordCaseReferralOutcome(records, tx, id, outcome, version));
    }
  }
  return [CaseReferralResolver];
}
