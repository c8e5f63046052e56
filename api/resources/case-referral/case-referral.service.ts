import type { Tx } from '../../db';
import { FieldErrors, forbidden } from '../../errors';
import { inState, stepDay, stepText } from '../steps';
import type { Records } from '../../crud/records';
import { caseReferrals, enumDefinitions } from '../../../drizzle/schema';
import { rowOf, type Row } from '../../crud/resource';
import { caseReferralResource } from './case-referral.resource';
import { actsFor, RECEIVER_RULE } from './referral-rules';

// The receiving unit's steps, each dated and only forward: SENT → RECEIVED → ACCEPTED or RETURNED;
// an accepted referral then carries its outcome. Each starts with `claim` (signed in, locked, one of
// the two units or a county account, in the state the step follows, at the version read).

const STATUS = enumDefinitions.get('referral_status')!.values;
const NOUN = { zh: '移送', en: 'referral' };

async function claimForReceiver(records: Records, tx: Tx, id: unknown, state: string, version?: number | null) {
  const referral = rowOf(caseReferrals, await records.of(caseReferralResource).claim(tx, id, { version, state: inState(STATUS, state, NOUN) }));
  if (!actsFor(referral.toOrganizationId)) throw forbidden(RECEIVER_RULE.zh, RECEIVER_RULE.en);
  return referral;
}

export async function receiveCaseReferral(records: Records, tx: Tx, id: unknown, receivedOn: string | null, version?: number | null): Promise<Row> {
  const referral = await claimForReceiver(records, tx, id, 'SENT', version);
  const errors = new FieldErrors();
  const on = stepDay(errors, 'receivedOn', receivedOn, referral.sentOn, { zh: '移送日期', en: 'day it was sent' });
  errors.throwIfAny();
  return records.of(caseReferralResource).write(tx, referral.id, { status: 'RECEIVED', receivedOn: on });
}

export async function acceptCaseReferral(
  records: Records,
  tx: Tx,
  id: unknown,
  decidedOn: string | null,
  outcome: string | null,
  version?: number | null,
): Promise<Row> {
  const referral = await claimForReceiver(records, tx, id, 'RECEIVED', version);
  const errors = new FieldErrors();
  const on = stepDay(errors, 'decidedOn', decidedOn, referral.receivedOn!, { zh: '接收日期', en: 'day it was received' });
  const result = stepText(errors, 'outcome', outcome, null);
  errors.throwIfAny();
  return records.of(caseReferralResource).write(tx, referral.id, { status: 'ACCEPTED', decidedOn: on, outcome: result });
}

export async function returnCaseReferral(
  records: Records,
  tx: Tx,
  id: unknown,
  decidedOn: string | null,
  reason: string,
  version?: number | null,
): Promise<Row> {
  const referral = await claimForReceiver(records, tx, id, 'RECEIVED', version);
  const errors = new FieldErrors();
  const on = stepDay(errors, 'decidedOn', decidedOn, referral.receivedOn!, { zh: '接收日期', en: 'day it was received' });
  const why = stepText(errors, 'reason', reason, { zh: '退回须说明理由', en: 'Give the reason for returning it' });
  errors.throwIfAny();
  return records.of(caseReferralResource).write(tx, referral.id, { status: 'RETURNED', decidedOn: on, returnReason: why });
}

/** The outcome of an accepted referral, recorded (or corrected) by the receiving unit as the case goes on. */
export async function recordCaseReferralOutcome(records: Records, tx: Tx, id: unknown, outcome: string, version?: number | null): Promise<Row> {
  const referral = await claimForReceiver(records, tx, id, 'ACCEPTED', version);
  const errors = new FieldErrors();
  const result = stepText(errors, 'outcome', outcome, { zh: '请填写办理结果', en: 'Give the outcome' });
  errors.throwIfAny();
  return records.of(caseReferralResource).write(tx, referral.id, { outcome: result });
}
