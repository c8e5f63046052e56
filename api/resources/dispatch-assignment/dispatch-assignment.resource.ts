import { and, eq, ne } from 'drizzle-orm';
import { dispatchAssignments, dispatchRequests, organizations } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import type { Tx } from '../../db';
import { config } from '../../config';
import { conflict, forbidden } from '../../errors';
import { MENU } from '../menu';
import { acknowledgedLate, actsForParty, arrivedLate, dispatchOverdue, STREET_RULE } from './dispatch-rules';
import { dispatchAssignmentResolvers } from './dispatch-assignment.resolver';

const DEPARTMENTS = ['DEPARTMENT', 'VERTICAL_UNIT'];

/** The street that raised an assignment's request. */
async function streetOf(tx: Tx, requestId: number) {
  const [row] = await tx.select({ streetId: dispatchRequests.streetId }).from(dispatchRequests).where(eq(dispatchRequests.id, requestId));
  return row?.streetId;
}

export const dispatchAssignmentResource = defineResource({
  name: 'DispatchAssignment',
  ui: {
    title: 'departmentId',
    display: ['requestId', 'departmentId'],
    group: MENU.supervision,
    listColumns: ['requestId', 'departmentId', 'status', 'acknowledgedAt', 'arrivedAt', 'closedAt', 'rating', 'overdue'],
  },
  table: dispatchAssignments,
  label: { zh: '部门报到', en: 'Dispatch assignment' },
  description: {
    zh: '吹哨请求中被吹哨的一个部门及其报到过程：待响应 → 已响应 → 已报到（到场） → 已办结，每一步记录时间、只能向前，由该部门本单位登记；办结后由吹哨街道评价（双向考核）。',
    en: 'One department a street called, and its answer: CALLED → ACKNOWLEDGED → ARRIVED (on the spot) → CLOSED, each step timed, only forward, recorded by the department itself; the street then rates the closed work (the two-way assessment).',
  },
  fields: {
    requestId: { label: { zh: '吹哨请求', en: 'Dispatch request' } },
    departmentId: { label: { zh: '被吹哨部门', en: 'Department called' } },
    status: {
      label: { zh: '报到状态', en: 'Status' },
      help: { zh: '由响应、报到、办结操作设置，只能向前。', en: 'Set by the acknowledge, arrive and close steps; it only moves forward.' },
      readOnly: true,
    },
    acknowledgedAt: { label: { zh: '响应时间', en: 'Acknowledged at' }, readOnly: true },
    arrivedAt: { label: { zh: '报到时间', en: 'Arrived at' }, help: { zh: '部门人员到达现场的时间。', en: 'When the department’s people arrived on the spot.' }, readOnly: true },
    closedAt: { label: { zh: '办结时间', en: 'Closed at' }, readOnly: true },
    result: { label: { zh: '办理结果', en: 'Result' }, readOnly: true },
    rating: {
      label: { zh: '街道评价', en: 'Street’s rating' },
      help: { zh: '办结后由吹哨街道评价，1 至 5 分，5 分为最满意。', en: 'Given by the street once closed: 1 to 5, 5 the best.' },
      readOnly: true,
    },
    ratingComment: { label: { zh: '评价意见', en: 'Rating comment' }, readOnly: true },
  },
  search: ['result', 'ratingComment'],
  // Both the street and the department read and act on it; which part is whose is decided by the
  // guards (the street's writes) and the steps (the department's).
  access: { writers: 'SUPERVISOR', owner: { anyOf: [{ via: 'requestId', field: 'streetId' }, 'departmentId'] } },
  computed: {
    overdue: {
      label: { zh: '逾期未报到', en: 'Overdue' },
      help: {
        zh: `吹哨后 ${config.dispatchAckHours} 小时内未响应、${config.dispatchArrivalHours} 小时内未报到，或报到后过了办结时限仍未办结（时限可配置）。`,
        en: `Not acknowledged within ${config.dispatchAckHours} hours of the call, not arrived within ${config.dispatchArrivalHours} hours, or arrived but not closed by the request’s deadline (configurable).`,
      },
      type: 'boolean',
      sql: dispatchOverdue,
    },
    acknowledgedLate: {
      label: { zh: '响应超时', en: 'Acknowledged late' },
      help: { zh: `响应晚于吹哨后 ${config.dispatchAckHours} 小时。`, en: `Acknowledged more than ${config.dispatchAckHours} hours after the call.` },
      type: 'boolean',
      sql: acknowledgedLate,
    },
    arrivedLate: {
      label: { zh: '报到超时', en: 'Arrived late' },
      help: { zh: `报到晚于吹哨后 ${config.dispatchArrivalHours} 小时。`, en: `Arrived more than ${config.dispatchArrivalHours} hours after the call.` },
      type: 'boolean',
      sql: arrivedLate,
    },
  },
  guards: [
    async ({ tx, operation, before, after }) => {
      if (before && before.status !== 'CALLED') {
        throw conflict('LOCKED', {
          zh: `部门报到（编号 ${before.id}）已响应，不能${operation === 'delete' ? '撤回' : '修改'}`,
          en: `Dispatch assignment ${before.id} has been acknowledged and can no longer be ${operation === 'delete' ? 'withdrawn' : 'changed'}`,
        });
      }
      const requests = [before?.requestId, after.requestId].filter((r) => r != null) as number[];
      for (const requestId of requests) {
        const street = await streetOf(tx, requestId);
        if (street != null && !actsForParty(street)) throw forbidden(STREET_RULE.zh, STREET_RULE.en);
      }
    },
  ],
  rules: [
    async ({ tx, after, errors }) => {
      if (errors.has('departmentId') || errors.has('requestId')) return;
      const [department] = await tx.select({ kind: organizations.kind }).from(organizations).where(eq(organizations.id, after.departmentId as number));
      if (department && !DEPARTMENTS.includes(department.kind as string)) {
        errors.add('departmentId', 'kind', '被吹哨的应为县直部门或垂管单位', 'The unit called is a county department or vertically managed unit');
        return;
      }
      const same = await tx
        .select({ id: dispatchAssignments.id })
        .from(dispatchAssignments)
        .where(
          and(
            eq(dispatchAssignments.requestId, after.requestId as number),
            eq(dispatchAssignments.departmentId, after.departmentId as number),
            ne(dispatchAssignments.id, (after.id as number | undefined) ?? 0),
          ),
        )
        .limit(1);
      if (same.length > 0) errors.add('departmentId', 'unique', '该部门已在本次吹哨之列', 'This department is already called on this request');
    },
  ],
  presets: {
    overdueDispatchAssignments: {
      description: `逾期未报到的部门 (Called departments past a deadline): not acknowledged within ${config.dispatchAckHours} hours, not arrived within ${config.dispatchArrivalHours} hours, or not closed by the request’s deadline.`,
      filter: { overdue: true },
      sortField: 'id',
    },
  },
  resolvers: dispatchAssignmentResolvers,
});
