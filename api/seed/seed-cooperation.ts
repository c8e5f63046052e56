import { caseReferrals, complaints } from '../../drizzle/schema';
import type { Tx } from '../db';
import { today } from '../dates';
import { getApp } from '../app';
import { caseReferralResource } from '../resources/case-referral/case-referral.resource';
import { acceptCaseReferral, receiveCaseReferral, returnCaseReferral } from '../resources/case-referral/case-referral.service';
import { complaintResource } from '../resources/complaint/complaint.resource';
import { complaintSeeds, procuratorateCopy, referralSeeds } from './data/cooperation';
import { orgId, type Ids } from './seed-hr';

const records = () => getApp().records;

/**
 * Case referrals (natural key: document number), taken through the receiving unit's steps as a
 * user would, then complaints (natural key: ticket number), closed as the referral or case they
 * became. Nothing dated after today is written (a clock set back would otherwise stop the seed).
 */
export async function seedCooperation(tx: Tx, orgs: Ids): Promise<void> {
  const referralIds: Ids = new Map(
    (await tx.select({ id: caseReferrals.id, n: caseReferrals.documentNumber }).from(caseReferrals)).map((r) => [r.n ?? '', r.id]),
  );
  for (const r of referralSeeds) {
    if (referralIds.has(r.documentNumber) || r.sentOn > today()) continue;
    const { id } = await records().of(caseReferralResource).create(tx, {
      kind: r.kind,
      fromOrganizationId: orgId(orgs, r.from),
      toOrganizationId: orgId(orgs, r.to),
      matter: r.matter,
      legalBasis: r.legalBasis,
      documentNumber: r.documentNumber,
      sentOn: r.sentOn,
      ...(r.kind === 'TO_POLICE' ? procuratorateCopy(r.sentOn) : {}),
    });
    referralIds.set(r.documentNumber, id);
    if (!r.receivedOn) continue;
    await receiveCaseReferral(records(), tx, id, r.receivedOn);
    if (!r.decision) continue;
    if (r.decision.accepted) await acceptCaseReferral(records(), tx, id, r.decision.on, r.decision.outcome);
    else await returnCaseReferral(records(), tx, id, r.decision.on, r.decision.reason);
  }

  const tickets = new Set((await tx.select({ n: complaints.ticketNumber }).from(complaints)).map((c) => c.n));
  for (const c of complaintSeeds) {
    if (tickets.has(c.ticketNumber) || (c.closed?.on ?? c.acceptedOn ?? c.receivedOn) > today()) continue;
    await records().of(complaintResource).create(tx, {
      ticketNumber: c.ticketNumber,
      subject: c.subject,
      content: c.content,
      channel: c.channel,
      responsibleOrganizationId: orgId(orgs, c.responsible),
      receivedOn: c.receivedOn,
      acceptedOn: c.acceptedOn ?? null,
      ...(c.closed
        ? {
            closedOn: c.closed.on,
            result: c.closed.result,
            disposition: c.closed.disposition,
            caseNumber: c.closed.caseNumber ?? null,
            caseReferralId: c.closed.referral ? referralIds.get(c.closed.referral) : null,
          }
        : {}),
    });
  }
}
