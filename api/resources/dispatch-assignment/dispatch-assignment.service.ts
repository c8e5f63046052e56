import { eq } from 'drizzle-orm';
import type { Tx } from '../../db';
import { conflict, FieldErrors, forbidden } from '../../errors';
import type { Records } from '../../crud/records';
import { dispatchAssignments, dispatchRequests, enumDefinitions } from '../../../drizzle/schema';
import { rowOf, type Row } from '../../crud/resource';
import { inState, stepMoment, stepText } from '../steps';
import { dispatchAssignmentResource } from './dispatch-assignment.resource';
import { actsForParty, DEPARTMENT_RULE, STREET_RULE } from './dispatch-rules';

// A called department's steps, each timed and only forward: CALLED → ACKNOWLEDGED → ARRIVED (报到)
// → CLOSED with its result; then the street rates the closed work. Each starts with `claim` (signed
// in, locked, the street's or the department's account or a county one, in the state the step
// follows, at the version read), then checks that the step is the acting account's own.

const STATUS = enumDefinitions.get('dispatch_status')!.values;
const NOUN = { zh: '部门报到', en: 'dispatch assignment' };

async function claim(records: Records, tx: Tx, id: unknown, state: string, version?: number | null) {
  return rowOf(dispatchAssignments, await records.of(dispatchAssignmentResource).claim(tx, id, { version, state: inState(STATUS, state, NOUN) }));
}

async function claimForDepartment(records: Records, tx: Tx, id: unknown, state: string, version?: number | null) {
  const assignment = await claim(records, tx, id, state, version);
  if (!actsForParty(assignment.departmentId)) throw forbidden(DEPARTMENT_RULE.zh, DEPARTMENT_RULE.en);
  return assignment;
}

/**
 * When the request was raised, read shared until the commit: an edit of the request under way (which
 * holds it) is waited for and judged as written, and one sent later waits for the acknowledgement
 * and is refused by it (an acknowledged request is fixed).
 */
async function raisedAt(tx: Tx, requestId: number): Promise<Date> {
  const [row] = await tx.select({ raisedAt: dispatchRequests.raisedAt }).from(dispatchRequests).where(eq(dispatchRequests.id, requestId)).for('share');
  return row.raisedAt;
}

export async function acknowledgeDispatchAssignment(records: Records, tx: Tx, id: unknown, at: Date | null, version?: number | null): Promise<Row> {
  const assignment = await claimForDepartment(records, tx, id, 'CALLED', version);
  const errors = new FieldErrors();
  const when = stepMoment(errors, 'acknowledgedAt', at, await raisedAt(tx, assignment.requestId), { zh: '吹哨时间', en: 'moment it was raised' });
  errors.throwIfAny();
  return records.of(dispatchAssignmentResource).write(tx, assignment.id, { status: 'ACKNOWLEDGED', acknowledgedAt: when });
}

export async function arriveDispatchAssignment(records: Records, tx: Tx, id: unknown, at: Date | null, version?: number | null): Promise<Row> {
  const assignment = await claimForDepartment(records, tx, id, 'ACKNOWLEDGED', version);
  const errors = new FieldErrors();
  const when = stepMoment(errors, 'arrivedAt', at, assignment.acknowledgedAt!, { zh: '响应时间', en: 'acknowledgement' });
  errors.throwIfAny();
  return records.of(dispatchAssignmentResource).write(tx, assignment.id, { status: 'ARRIVED', arrivedAt: when });
}

export async function closeDispatchAssignment(records: Records, tx: Tx, id: unknown, result: string, at: Date | null, version?: number | null): Promise<Row> {
  const assignment = await claimForDepartment(records, tx, id, 'ARRIVED', version);
  const errors = new FieldErrors();
  const when = stepMoment(errors, 'closedAt', at, assignment.arrivedAt!, { zh: '报到时间', en: 'arrival' });
  const text = stepText(errors, 'result', result, { zh: '办结须填写办理结果', en: 'Closing needs the result' });
  errors.throwIfAny();
  return records.of(dispatchAssignmentResource).write(tx, assignment.id, { status: 'CLOSED', closedAt: when, result: text });
}

/** The street's rating of a closed assignment (双向考核): 1 to 5, once. */
export async function rateDispatchAssignment(records: Records, tx: Tx, id: unknown, rating: number, comment: string | null, version?: number | null): Promise<Row> {
  const assignment = await claim(records, tx, id, 'CLOSED', version);
  const [request] = await tx.select({ streetId: dispatchRequests.streetId }).from(dispatchRequests).where(eq(dispatchRequests.id, assignment.requestId));
  if (!actsForParty(request.streetId)) throw forbidden(STREET_RULE.zh, STREET_RULE.en);
  if (assignment.rating != null) {
    throw conflict('STATE', { zh: '该部门报到已评价，不能再次评价', en: 'This assignment has been rated already' });
  }
  const errors = new FieldErrors();
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) errors.add('rating', 'range', '评价应为 1 至 5 分', 'The rating is 1 to 5');
  const text = stepText(errors, 'comment', comment, null);
  if (text && [...text].length > 500 && [...text].length <= 1000) errors.add('comment', 'maxLength', '不能超过 500 个字', 'At most 500 characters');
  errors.throwIfAny();
  return records.of(dispatchAssignmentResource).write(tx, assignment.id, { rating, ratingComment: text });
}
