import { sql } from 'drizzle-orm';
import { caseReferrals } from '../../../drizzle/schema';
import { config } from '../../config';
import { today } from '../../dates';
import { currentActor } from '../../auth/actor';

// Who does which part of a referral. 《武昌区街道综合行政执法规范化建设实施意见》（五）健全案件移送机制: the unit
// that finds a violation another must handle 及时告知有管辖权的部门进行查处，并移送案件相关线索材料; so the
// sending unit records the referral, and the unit it goes to signs for it and decides. A street or
// township account acts for its own organization only; county accounts (departments, the justice
// bureau's supervisors) record any step for either side, as they write across the county elsewhere.

/** What an account of another organization is told when the step is not its own. */
export const SENDER_RULE = {
  zh: '案件移送由移送单位登记，只有移送单位的账号可以新建、修改或撤回（尚未接收的）移送',
  en: 'A referral is recorded by the sending unit: only its accounts create, edit or withdraw one (until it is received)',
};
export const RECEIVER_RULE = {
  zh: '接收、受理或退回移送案件，由接收单位办理',
  en: 'Signing for, accepting or returning a referral is for the receiving unit',
};

/** Does the signed-in account act for this organization (a street's or township's own; any for a county account)? */
export function actsFor(organizationId: number): boolean {
  const actor = currentActor();
  if (!actor || actor.kind !== 'USER' || !actor.local) return true;
  return actor.organizationId === organizationId;
}

/**
 * Still waiting on the receiving unit past its deadline (configuration, calendar days): not signed
 * for within `referralReceiptDays` of sending, or not decided within `referralDecisionDays` of receipt.
 */
export function referralOverdue() {
  const day = sql`cast(${today()} as date)`;
  return sql`((${caseReferrals.status} = 'SENT' and ${caseReferrals.sentOn} + ${config.referralReceiptDays}::int < ${day})
    or (${caseReferrals.status} = 'RECEIVED' and ${caseReferrals.receivedOn} + ${config.referralDecisionDays}::int < ${day}))`;
}

/** A step already taken, but later than its deadline allowed. */
export function referralLate() {
  return sql`coalesce(${caseReferrals.receivedOn} > ${caseReferrals.sentOn} + ${config.referralReceiptDays}::int
    or ${caseReferrals.decidedOn} > ${caseReferrals.receivedOn} + ${config.referralDecisionDays}::int, false)`;
}
