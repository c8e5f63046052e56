import { inArray } from 'drizzle-orm';
import { caseReferrals, organizations } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { config } from '../../config';
import { today } from '../../dates';
import { conflict, forbidden } from '../../errors';
import { MENU } from '../menu';
import { actsFor, referralLate, referralOverdue, SENDER_RULE } from './referral-rules';
import { caseReferralResolvers } from './case-referral.resolver';

const LOCAL = ['STREET', 'TOWNSHIP'];
const DEPARTMENTS = ['DEPARTMENT', 'VERTICAL_UNIT'];

/** Which kinds of organization each kind of referral goes between (null: any). */
const ENDS: Record<string, { from: string[] | null; to: string[] | null }> = {
  STREET_TO_DEPARTMENT: { from: LOCAL, to: DEPARTMENTS },
  DEPARTMENT_TO_STREET: { from: DEPARTMENTS, to: LOCAL },
  TO_POLICE: { from: null, to: null },
  TO_DISCIPLINE: { from: null, to: null },
};

export const caseReferralResource = defineResource({
  name: 'CaseReferral',
  ui: {
    title: 'matter',
    display: ['fromOrganizationId', 'toOrganizationId', 'sentOn'],
    group: MENU.supervision,
    listColumns: ['kind', 'fromOrganizationId', 'toOrganizationId', 'matter', 'sentOn', 'status', 'overdue'],
  },
  table: caseReferrals,
  label: { zh: '案件移送', en: 'Case referral' },
  description: {
    zh: '一个单位发现应由另一单位查处的违法行为、涉嫌犯罪的案件或违纪问题线索时，向其移送的记录（《武昌区街道综合行政执法规范化建设实施意见》：健全案件移送机制、完善案件衔接机制；《武清区关于进一步深化街镇综合执法改革的指导意见》：重大复杂案件转办移送衔接机制）。移送单位登记；接收单位逐步办理：已移送 → 已接收 → 已受理或已退回，每一步注明日期，只能向前。',
    en: 'A case one unit sends another: a violation the other must handle, a suspected crime for the police, or leads for the discipline commission. The sending unit records it; the receiving unit takes it forward one dated step at a time: SENT → RECEIVED → ACCEPTED or RETURNED (receiveCaseReferral, acceptCaseReferral, returnCaseReferral).',
  },
  fields: {
    kind: { label: { zh: '移送类别', en: 'Kind' } },
    fromOrganizationId: { label: { zh: '移送单位', en: 'From' } },
    toOrganizationId: {
      label: { zh: '接收单位', en: 'To' },
      help: {
        zh: '有管辖权的单位：街道移送部门时为县直部门或垂管单位，部门移送街道时为街道或乡镇；涉嫌犯罪的为公安机关，违纪违规线索为纪委监委。',
        en: 'The unit with jurisdiction: a department or vertically managed unit for a street’s referral, a street or township for a department’s; the police for a suspected crime, the discipline commission for leads.',
      },
    },
    matter: { label: { zh: '移送事项', en: 'Matter' }, help: { zh: '违法行为、当事人和已采取的措施（如已责令停止违法行为）。', en: 'The violation, the party, and what was done already (such as an order to stop).' } },
    legalBasis: { label: { zh: '移送依据', en: 'Legal basis' } },
    documentNumber: { label: { zh: '移送文号', en: 'Document number' } },
    sentOn: { label: { zh: '移送日期', en: 'Sent on' } },
    procuratorateCopiedTo: {
      label: { zh: '抄送检察机关', en: 'Copied to (procuratorate)' },
      help: {
        zh: '涉嫌犯罪移送公安机关的，须同时抄送检察机关（《武昌区街道综合行政执法规范化建设实施意见》：及时向公安机关和检察机关移送），填写检察院名称。',
        en: 'A suspected crime sent to the police is copied to the procuratorate at the same time; give its name. Required for that kind only.',
      },
    },
    procuratorateCopiedOn: { label: { zh: '抄送日期', en: 'Copied on' } },
    status: {
      label: { zh: '移送状态', en: 'Status' },
      help: { zh: '由接收、受理、退回操作设置，只能向前。', en: 'Set by the receive, accept and return steps; it only moves forward.' },
      readOnly: true,
    },
    receivedOn: { label: { zh: '接收日期', en: 'Received on' }, readOnly: true },
    decidedOn: { label: { zh: '处理决定日期', en: 'Decided on' }, readOnly: true },
    returnReason: { label: { zh: '退回理由', en: 'Reason for return' }, readOnly: true },
    outcome: {
      label: { zh: '办理结果', en: 'Outcome' },
      help: { zh: '受理后由接收单位填写，如已立案查处、已刑事立案。', en: 'Recorded by the receiving unit once accepted, e.g. a case filed.' },
      readOnly: true,
    },
    note: { label: { zh: '备注', en: 'Note' } },
  },
  search: ['matter', 'documentNumber', 'note'],
  // Both ends read and act on it; which step is whose is decided by the guards and the steps.
  access: { writers: 'SUPERVISOR', owner: { anyOf: ['fromOrganizationId', 'toOrganizationId'] } },
  ranges: [['sentOn', 'procuratorateCopiedOn']],
  computed: {
    overdue: {
      label: { zh: '逾期未办', en: 'Overdue' },
      help: {
        zh: `移送后 ${config.referralReceiptDays} 日内未接收，或接收后 ${config.referralDecisionDays} 日内未作出受理或退回决定（期限可配置）。`,
        en: `Not received within ${config.referralReceiptDays} days of sending, or not decided within ${config.referralDecisionDays} days of receipt (configurable).`,
      },
      type: 'boolean',
      sql: referralOverdue,
    },
    late: {
      label: { zh: '超期办理', en: 'Done late' },
      help: { zh: '接收或处理决定已作出，但晚于期限。', en: 'Received or decided, but after the deadline.' },
      type: 'boolean',
      sql: referralLate,
    },
  },
  guards: [
    async ({ operation, before, after }) => {
      if (before && before.status !== 'SENT') {
        throw conflict('LOCKED', {
          zh: `移送（编号 ${before.id}）已被接收，不能${operation === 'delete' ? '撤回' : '修改'}`,
          en: `Referral ${before.id} has been received and can no longer be ${operation === 'delete' ? 'withdrawn' : 'changed'}`,
        });
      }
      const sender = [before?.fromOrganizationId, after.fromOrganizationId].filter((o) => o != null) as number[];
      if (!sender.every(actsFor)) throw forbidden(SENDER_RULE.zh, SENDER_RULE.en);
    },
  ],
  rules: [
    async ({ tx, after, errors }) => {
      const kind = after.kind as string;
      if (after.sentOn && (after.sentOn as string) > today()) {
        errors.add('sentOn', 'future', '移送日期不能晚于今天', 'The referral cannot be sent in the future');
      }
      const police = kind === 'TO_POLICE';
      for (const key of ['procuratorateCopiedTo', 'procuratorateCopiedOn']) {
        if (police && !after[key]) {
          errors.add(key, 'required', '涉嫌犯罪移送公安机关的，须同时抄送检察机关并登记', 'A suspected crime sent to the police must be copied to the procuratorate, and the copy recorded');
        }
        if (!police && after[key]) {
          errors.add(key, 'kind', '只有移送公安机关的案件抄送检察机关', 'Only a referral to the police is copied to the procuratorate');
        }
      }
      const from = after.fromOrganizationId as number;
      const to = after.toOrganizationId as number;
      if (errors.has('fromOrganizationId') || errors.has('toOrganizationId') || errors.has('kind')) return;
      if (from === to) {
        errors.add('toOrganizationId', 'same', '接收单位与移送单位相同', 'A unit cannot refer a case to itself');
        return;
      }
      const ends = ENDS[kind];
      const rows = await tx.select({ id: organizations.id, kind: organizations.kind }).from(organizations).where(inArray(organizations.id, [from, to]));
      const kindOf = new Map(rows.map((r) => [r.id, r.kind as string]));
      if (ends?.from && !ends.from.includes(kindOf.get(from)!)) {
        errors.add(
          'fromOrganizationId',
          'kind',
          kind === 'STREET_TO_DEPARTMENT' ? '街道移送部门的，移送单位应为街道或乡镇' : '部门移送街道的，移送单位应为县直部门或垂管单位',
          kind === 'STREET_TO_DEPARTMENT' ? 'A street’s referral is sent by a street or township' : 'A department’s referral is sent by a department or vertically managed unit',
        );
      }
      if (ends?.to && !ends.to.includes(kindOf.get(to)!)) {
        errors.add(
          'toOrganizationId',
          'kind',
          kind === 'STREET_TO_DEPARTMENT' ? '街道移送部门的，接收单位应为县直部门或垂管单位' : '部门移送街道的，接收单位应为街道或乡镇',
          kind === 'STREET_TO_DEPARTMENT' ? 'A street’s referral goes to a department or vertically managed unit' : 'A department’s referral goes to a street or township',
        );
      }
    },
  ],
  presets: {
    overdueCaseReferrals: {
      description: `逾期未办的移送 (Overdue referrals): not received within ${config.referralReceiptDays} days of sending or not decided within ${config.referralDecisionDays} days of receipt, earliest sent first.`,
      filter: { overdue: true },
      sortField: 'sentOn',
    },
  },
  resolvers: caseReferralResolvers,
});
