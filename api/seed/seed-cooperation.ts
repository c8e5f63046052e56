import { caseReferrals, complaints, dispatchRequests } from '../../drizzle/schema';
import type { Tx } from '../db';
import { addDays, localDateTime, today } from '../dates';
import { getApp } from '../app';
import { caseReferralResource } from '../resources/case-referral/case-referral.resource';
import { acceptCaseReferral, receiveCaseReferral, returnCaseReferral } from '../resources/case-referral/case-referral.service';
import { complaintResource } from '../resources/complaint/complaint.resource';
import { dispatchRequestResource } from '../resources/dispatch-request/dispatch-request.resource';
import { dispatchAssignmentResource } from '../resources/dispatch-assignment/dispatch-assignment.resource';
import {
  acknowledgeDispatchAssignment,
  arriveDispatchAssignment,
  closeDispatchAssignment,
  rateDispatchAssignment,
} from '../resources/dispatch-assignment/dispatch-assignment.service';
import { complaintSeeds, dispatchSeeds, procuratorateCopy, referralSeeds } from './data/cooperation';
import { orgId, type Ids } from './seed-hr';

const records = () => getApp().records;

/**
 * Case referrals (natural key: document number), taken through the receiving unit's steps as a
 * user would, then complaints (natural key: ticket number), closed as the referral or case they
 * became, then dispatch requests (natural key: the matter) with each department's steps. Nothing
 * dated after today is written (a clock set back would otherwise stop the seed).
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

  await seedDispatch(tx, orgs);
}

async function seedDispatch(tx: Tx, orgs: Ids): Promise<void> {
  const raised = new Set((await tx.select({ matter: dispatchRequests.matter }).from(dispatchRequests)).map((r) => r.matter));
  const when = (at: string | undefined) => (at ? new Date(at) : null);
  for (const d of dispatchSeeds) {
    const raisedAt = d.raisedAt ? new Date(d.raisedAt) : new Date(Date.now() - (d.raisedMinutesAgo ?? 0) * 60_000);
    const steps = d.calls.flatMap((c) => [c.acknowledgedAt, c.arrivedAt, c.closed?.at]).filter((t): t is string => Boolean(t));
    if (raised.has(d.matter) || [raisedAt, ...steps.map((t) => new Date(t))].some((t) => t.getTime() > Date.now())) continue;
    const { id } = await records().of(dispatchRequestResource).create(tx, {
      streetId: orgId(orgs, d.street),
      matter: d.matter,
      place: d.place,
      urgency: d.urgency,
      raisedAt,
      dueOn: addDays(localDateTime(raisedAt).slice(0, 10), d.dueInDays),
      helperTownshipId: d.helpers ? orgId(orgs, d.helpers[0]) : null,
      secondHelperTownshipId: d.helpers ? orgId(orgs, d.helpers[1]) : null,
      filedWithJusticeOn: d.filedWithJusticeOn ?? null,
    });
    for (const c of d.calls) {
      const assignment = await records().of(dispatchAssignmentResource).create(tx, { requestId: id, departmentId: orgId(orgs, c.department) });
      if (!c.acknowledgedAt) continue;
      await acknowledgeDispatchAssignment(records(), tx, assignment.id, when(c.acknowledgedAt));
      if (!c.arrivedAt) continue;
      await arriveDispatchAssignment(records(), tx, assignment.id, when(c.arrivedAt));
      if (!c.closed) continue;
      await closeDispatchAssignment(records(), tx, assignment.id, c.closed.result, when(c.closed.at));
      if (c.rating) await rateDispatchAssignment(records(), tx, assignment.id, c.rating, c.comment ?? null);
    }
  }
}
