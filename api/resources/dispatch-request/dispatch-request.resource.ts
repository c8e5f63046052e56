import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { dispatchAssignments, dispatchRequests, organizations } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { config } from '../../config';
import { today, localDateTime } from '../../dates';
import { conflict, forbidden } from '../../errors';
import { MENU } from '../menu';
import { actsForParty, dispatchOverdue, STREET_RULE } from '../dispatch-assignment/dispatch-rules';

const LOCAL = ['STREET', 'TOWNSHIP'];

export const dispatchRequestResource = defineResource({
  name: 'DispatchRequest',
  ui: {
    title: 'matter',
    display: ['streetId', 'place'],
    group: MENU.supervision,
    listColumns: ['streetId', 'matter', 'place', 'urgency', 'raisedAt', 'dueOn', 'openAssignments', 'overdue'],
  },
  table: dispatchRequests,
  label: { zh: '吹哨报到', en: 'Dispatch request' },
  description: {
    zh: '街道（乡镇）遇到需要部门到场协同处置的事项时“吹哨”，被吹哨的部门逐一“报到”（《武昌区街道综合行政执法规范化建设实施意见》：“街道吹哨、部门报到”，双向考核）。街道登记事项、地点、紧急程度和办结时限，并为每个被吹哨的部门新建一条报到记录；需要联合执法的，可请距离最近的两个乡镇（街道）协助，并报司法局备案（《镇平县行政执法改革与管理专项整治工作实施方案》：距离最近的2个乡镇(街道)迅速组织执法队伍进行协助）。',
    en: 'A street’s call for departments to come and deal with a matter together (“the street blows the whistle, the departments report”). The street records the matter, place, urgency and deadline, and a dispatch assignment for each department it calls; for joint enforcement it may name the two nearest townships as helpers, filed with the justice bureau.',
  },
  fields: {
    streetId: { label: { zh: '吹哨街道（乡镇）', en: 'Raised by (street)' } },
    matter: { label: { zh: '吹哨事项', en: 'Matter' }, help: { zh: '需要部门到场处置的问题及已掌握的情况。', en: 'What the departments are needed for, and what is known so far.' } },
    place: { label: { zh: '地点', en: 'Place' } },
    urgency: { label: { zh: '紧急程度', en: 'Urgency' } },
    raisedAt: {
      label: { zh: '吹哨时间', en: 'Raised at' },
      help: {
        zh: `响应（${config.dispatchAckHours} 小时内）和报到（${config.dispatchArrivalHours} 小时内）的时限自此起算。`,
        en: `The acknowledgement (${config.dispatchAckHours} hours) and arrival (${config.dispatchArrivalHours} hours) deadlines run from this moment.`,
      },
    },
    dueOn: { label: { zh: '办结时限', en: 'Due on' }, help: { zh: '被吹哨部门应办结的日期。', en: 'The day by which the called departments are to close it.' } },
    helperTownshipId: {
      label: { zh: '协助乡镇（街道）一', en: 'Helper township' },
      help: {
        zh: '联合执法时，距离最近的乡镇（街道）之一，迅速组织执法队伍进行协助。',
        en: 'For joint enforcement: one of the two nearest townships, which sends its team to help.',
      },
    },
    secondHelperTownshipId: { label: { zh: '协助乡镇（街道）二', en: 'Second helper township' } },
    filedWithJusticeOn: {
      label: { zh: '报司法局备案日期', en: 'Filed with the justice bureau on' },
      help: {
        zh: '请乡镇（街道）协助联合执法的，须书面向县司法局报备（《镇平县行政执法改革与管理专项整治工作实施方案》：包括配合依据、时间、地点、人员等）。',
        en: 'A joint enforcement with helper townships is reported in writing to the county justice bureau (its basis, time, place and people).',
      },
    },
    note: { label: { zh: '备注', en: 'Note' } },
  },
  search: ['matter', 'place', 'note'],
  access: { writers: 'SUPERVISOR', owner: 'streetId', refusal: STREET_RULE },
  computed: {
    openAssignments: {
      label: { zh: '未办结部门数', en: 'Departments still open' },
      type: 'int',
      sql: () => sql`(select count(*)::int from ${dispatchAssignments} where ${dispatchAssignments.requestId} = ${dispatchRequests.id} and ${dispatchAssignments.status} <> 'CLOSED')`,
    },
    overdue: {
      label: { zh: '有部门逾期', en: 'A department is overdue' },
      help: { zh: '被吹哨的部门中有未按时响应、报到或办结的。', en: 'A called department has not acknowledged, arrived or closed within its deadline.' },
      type: 'boolean',
      sql: () => sql`exists (select 1 from ${dispatchAssignments} where ${dispatchAssignments.requestId} = ${dispatchRequests.id} and ${dispatchOverdue()})`,
    },
  },
  guards: [
    async ({ tx, operation, before, after }) => {
      const street = [before?.streetId, after.streetId].filter((o) => o != null) as number[];
      if (!street.every(actsForParty)) throw forbidden(STREET_RULE.zh, STREET_RULE.en);
      if (!before) return;
      const answered = await tx
        .select({ id: dispatchAssignments.id })
        .from(dispatchAssignments)
        .where(and(eq(dispatchAssignments.requestId, before.id), isNotNull(dispatchAssignments.acknowledgedAt)))
        .limit(1);
      if (answered.length > 0) {
        throw conflict('LOCKED', {
          zh: `吹哨请求（编号 ${before.id}）已有部门响应，不能${operation === 'delete' ? '撤回' : '修改'}`,
          en: `Dispatch request ${before.id} has been acknowledged by a department and can no longer be ${operation === 'delete' ? 'withdrawn' : 'changed'}`,
        });
      }
    },
  ],
  rules: [
    async ({ tx, after, errors }) => {
      const raisedAt = after.raisedAt as Date | null;
      const raisedDay = raisedAt ? localDateTime(raisedAt).slice(0, 10) : null;
      if (raisedAt && raisedAt.getTime() > Date.now()) errors.add('raisedAt', 'future', '吹哨时间不能晚于现在', 'A request cannot be raised in the future');
      if (raisedDay && after.dueOn && (after.dueOn as string) < raisedDay) {
        errors.add('dueOn', 'range', '办结时限不能早于吹哨日期', 'The deadline cannot be before the day it was raised');
      }
      const filed = after.filedWithJusticeOn as string | null;
      if (filed && filed > today()) errors.add('filedWithJusticeOn', 'future', '备案日期不能晚于今天', 'The filing cannot be in the future');
      else if (filed && raisedDay && filed < raisedDay) errors.add('filedWithJusticeOn', 'range', '备案日期不能早于吹哨日期', 'The filing cannot be before the day it was raised');
      const helpers = (['helperTownshipId', 'secondHelperTownshipId'] as const).filter((k) => after[k] != null);
      if (helpers.length > 0 && !filed && !errors.has('filedWithJusticeOn')) {
        errors.add('filedWithJusticeOn', 'required', '请乡镇（街道）协助联合执法的，须报司法局备案并登记备案日期', 'A joint enforcement with helper townships is filed with the justice bureau: give the day');
      }
      if (helpers.length === 0 && filed) errors.add('filedWithJusticeOn', 'kind', '只有请乡镇（街道）协助的联合执法报司法局备案', 'Only a joint enforcement with helper townships is filed with the justice bureau');
      if (after.secondHelperTownshipId != null && after.helperTownshipId == null) {
        errors.add('helperTownshipId', 'required', '请先填写第一个协助乡镇（街道）', 'Name the first helper before the second');
      }
      if (after.secondHelperTownshipId != null && after.secondHelperTownshipId === after.helperTownshipId) {
        errors.add('secondHelperTownshipId', 'same', '两个协助乡镇（街道）不能相同', 'The two helpers must differ');
      }
      const ids = [after.streetId, ...helpers.map((k) => after[k])].filter((v) => v != null) as number[];
      if (ids.length === 0 || errors.has('streetId')) return;
      const rows = await tx.select({ id: organizations.id, kind: organizations.kind }).from(organizations).where(inArray(organizations.id, ids));
      const kindOf = new Map(rows.map((r) => [r.id, r.kind as string]));
      if (after.streetId != null && !LOCAL.includes(kindOf.get(after.streetId as number)!)) {
        errors.add('streetId', 'kind', '吹哨的应为街道或乡镇', 'A request is raised by a street or township');
      }
      for (const k of helpers) {
        if (errors.has(k)) continue;
        if (after[k] === after.streetId) errors.add(k, 'same', '协助乡镇（街道）不能是吹哨街道本身', 'A helper cannot be the street that raised the request');
        else if (!LOCAL.includes(kindOf.get(after[k] as number)!)) errors.add(k, 'kind', '协助的应为乡镇或街道', 'A helper is a township or street');
      }
    },
  ],
  presets: {
    overdueDispatchRequests: {
      description: '有部门逾期的吹哨请求 (Dispatch requests with a department past its deadline), earliest raised first.',
      filter: { overdue: true },
      sortField: 'raisedAt',
    },
  },
});
