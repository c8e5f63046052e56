import { sql, type SQL } from 'drizzle-orm';
import { dispatchAssignments, dispatchRequests } from '../../../drizzle/schema';
import { config } from '../../config';
import { timeZone } from '../../dates';
import { currentActor } from '../../auth/actor';

// Who does which part of a call-and-report dispatch (吹哨报到), and when it is late.
// 《武昌区街道综合行政执法规范化建设实施意见》: “街道吹哨、部门报到” … 双向考核. The street that raises a request
// writes it, calls the departments and rates each one's work; each department records its own steps
// (acknowledged, arrived on the spot, closed with a result). An account of an organization acts for
// that organization only, a department's as much as a street's: one department never records
// another's arrival, since the two-way assessment scores each on its own steps. Accounts of no
// organization (the county's administrators and supervisors) record any part.

export const STREET_RULE = {
  zh: '吹哨请求由发起的街道（乡镇）登记和评价，只有该街道的账号可以新建、修改、撤回或评价',
  en: 'A dispatch request is recorded and rated by the street that raised it: only its accounts create, change, withdraw or rate one',
};
export const DEPARTMENT_RULE = {
  zh: '响应、报到和办结由被吹哨的部门本单位登记，其他单位不能代为登记',
  en: 'Acknowledging, arriving and closing are recorded by the called department itself; no other unit records them for it',
};

/** Does the signed-in account act for this organization: its own, or any for an account of no organization? */
export function actsForParty(organizationId: number): boolean {
  const actor = currentActor();
  // The county-wide administrator acts for anyone; a street's own administrator only for its street.
  if (!actor || actor.kind !== 'USER' || (actor.role === 'ADMIN' && !actor.local) || actor.organizationId == null) return true;
  return actor.organizationId === organizationId;
}

const hours = (n: number) => sql`make_interval(hours => ${n}::int)`;
const requestColumn = (column: SQL) =>
  sql`(select ${column} from ${dispatchRequests} where ${dispatchRequests.id} = ${dispatchAssignments.requestId})`;

/** The moment the request was raised, read from the assignment's request. */
const raisedAt = () => requestColumn(sql`${dispatchRequests.raisedAt}`);
/** The last moment to acknowledge: the call plus `DISPATCH_ACK_HOURS`. */
export const ackDeadline = () => sql`(${raisedAt()} + ${hours(config.dispatchAckHours)})`;
/** The last moment to arrive: the call plus `DISPATCH_ARRIVAL_HOURS`. */
export const arrivalDeadline = () => sql`(${raisedAt()} + ${hours(config.dispatchArrivalHours)})`;
/** The end of the request's deadline day, in the configured zone. */
export const closeDeadline = () =>
  sql`(((${requestColumn(sql`${dispatchRequests.dueOn}`)} + 1)::timestamp) at time zone ${timeZone()})`;

/** The step still owed and its deadline: acknowledgement, then arrival, then closing by the request's deadline. */
export function nextDeadline(): SQL {
  return sql`(case ${dispatchAssignments.status} when 'CALLED' then ${ackDeadline()} when 'ACKNOWLEDGED' then ${arrivalDeadline()}
    when 'ARRIVED' then ${closeDeadline()} end)`;
}

/** Acknowledged after its deadline (exactly at the deadline is on time). */
export const acknowledgedLate = () => sql`coalesce(${dispatchAssignments.acknowledgedAt} > ${ackDeadline()}, false)`;
/** Arrived after its deadline. */
export const arrivedLate = () => sql`coalesce(${dispatchAssignments.arrivedAt} > ${arrivalDeadline()}, false)`;

/** Still open past the deadline of the step it owes. */
export function dispatchOverdue(): SQL {
  return sql`coalesce(${dispatchAssignments.status} <> 'CLOSED' and ${nextDeadline()} < now(), false)`;
}
