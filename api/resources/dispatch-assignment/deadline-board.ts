import { ne, sql } from 'drizzle-orm';
import { caseReferrals, dispatchAssignments, dispatchRequests } from '../../../drizzle/schema';
import type { Db } from '../../db';
import { config } from '../../config';
import { timeZone } from '../../dates';
import { nextDeadline } from './dispatch-rules';

// One board of the work other units are waiting on: the open case referrals (to be signed for, then
// decided) and the open dispatch assignments (to be acknowledged, arrived, closed), each with the
// deadline of the step it owes, earliest first, so what is already overdue leads.

export interface BoardEntry {
  resource: 'CaseReferral' | 'DispatchAssignment';
  id: number;
  matter: string;
  fromOrganizationId: number;
  toOrganizationId: number;
  /** The step owed: a status value of the record. */
  status: string;
  deadline: Date;
}

/** The end of a day plus some days, in the configured zone. */
const endOfDay = (day: ReturnType<typeof sql>, days: number) => sql`(((${day} + ${days + 1}::int)::timestamp) at time zone ${timeZone()})`;

export async function deadlineBoard(db: Db, organizationId: number | null): Promise<BoardEntry[]> {
  const referralDeadline = sql`(case ${caseReferrals.status} when 'SENT' then ${endOfDay(sql`${caseReferrals.sentOn}`, config.referralReceiptDays)}
    else ${endOfDay(sql`${caseReferrals.receivedOn}`, config.referralDecisionDays)} end)`;
  const referralParty = organizationId == null ? sql`true` : sql`${organizationId} in (${caseReferrals.fromOrganizationId}, ${caseReferrals.toOrganizationId})`;
  const referrals = await db
    .select({
      id: caseReferrals.id,
      matter: caseReferrals.matter,
      fromOrganizationId: caseReferrals.fromOrganizationId,
      toOrganizationId: caseReferrals.toOrganizationId,
      status: caseReferrals.status,
      deadline: sql<Date | string>`${referralDeadline}`,
    })
    .from(caseReferrals)
    .where(sql`${caseReferrals.status} in ('SENT', 'RECEIVED') and ${referralParty}`);
  const dispatchParty = organizationId == null ? sql`true` : sql`${organizationId} in (${dispatchRequests.streetId}, ${dispatchAssignments.departmentId})`;
  const assignments = await db
    .select({
      id: dispatchAssignments.id,
      matter: dispatchRequests.matter,
      fromOrganizationId: dispatchRequests.streetId,
      toOrganizationId: dispatchAssignments.departmentId,
      status: dispatchAssignments.status,
      deadline: sql<Date | string>`${nextDeadline()}`,
    })
    .from(dispatchAssignments)
    .innerJoin(dispatchRequests, sql`${dispatchRequests.id} = ${dispatchAssignments.requestId}`)
    .where(sql`${ne(dispatchAssignments.status, 'CLOSED')} and ${dispatchParty}`);
  const entries: BoardEntry[] = [
    ...referrals.map((r) => ({ ...r, resource: 'CaseReferral' as const, status: r.status as string, deadline: new Date(r.deadline) })),
    ...assignments.map((r) => ({ ...r, resource: 'DispatchAssignment' as const, status: r.status as string, deadline: new Date(r.deadline) })),
  ];
  return entries.sort((a, b) => a.deadline.getTime() - b.deadline.getTime() || a.resource.localeCompare(b.resource) || a.id - b.id);
}
