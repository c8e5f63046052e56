import { eq } from 'drizzle-orm';
import { caseReferrals, complaints } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { today } from '../../dates';
import { MENU } from '../menu';
import { complaintResolvers } from './complaint.resolver';

const STEPS = [
  ['acceptedOn', { zh: '受理日期', en: 'accepted day' }],
  ['closedOn', { zh: '办结日期', en: 'closed day' }],
] as const;

export const complaintResource = defineResource({
  name: 'Complaint',
  ui: {
    title: 'subject',
    display: ['subject', 'receivedOn'],
    group: MENU.supervision,
    listColumns: ['subject', 'channel', 'responsibleOrganizationId', 'receivedOn', 'acceptedOn', 'closedOn', 'disposition'],
  },
  table: complaints,
  label: { zh: '投诉举报', en: 'Complaint' },
  description: {
    zh: '群众通过热线、来信、来访或网上反映的投诉举报（青岛市综合行政执法改革试点材料：完善群众举报投诉制度，逐步建立健全网上投诉举报处理制度），由责任单位受理、办结，并注明是否立案查处或移送办理。',
    en: 'A complaint or tip from a resident by hotline, letter, visit or online, which the responsible unit accepts and closes, saying whether it became a case or a referral.',
  },
  fields: {
    subject: { label: { zh: '反映事项', en: 'Subject' } },
    content: { label: { zh: '具体内容', en: 'Content' } },
    channel: { label: { zh: '来源渠道', en: 'Channel' } },
    ticketNumber: { label: { zh: '工单号', en: 'Ticket number' }, help: { zh: '热线或平台的工单编号。', en: 'The hotline’s or platform’s ticket.' } },
    complainant: { label: { zh: '投诉人', en: 'Complainant' }, personal: true, help: { zh: '匿名举报的留空。', en: 'Empty for an anonymous tip.' } },
    responsibleOrganizationId: { label: { zh: '责任单位', en: 'Responsible organization' } },
    receivedOn: { label: { zh: '收到日期', en: 'Received on' } },
    acceptedOn: { label: { zh: '受理日期', en: 'Accepted on' } },
    closedOn: {
      label: { zh: '办结日期', en: 'Closed on' },
      help: { zh: '办结时须已受理，并填写处理结果和处理方式。', en: 'Closing needs the accepted day, the result and the disposition.' },
    },
    result: { label: { zh: '处理结果', en: 'Result' } },
    disposition: {
      label: { zh: '处理方式', en: 'Disposition' },
      help: { zh: '立案查处的填写案件编号；移送办理的选择对应的案件移送。', en: 'A filed case gives its number; a referral names the CaseReferral.' },
    },
    caseNumber: { label: { zh: '立案编号', en: 'Case number' } },
    caseReferralId: { label: { zh: '案件移送', en: 'Case referral' } },
  },
  search: ['subject', 'content', 'ticketNumber'],
  access: { writers: 'SUPERVISOR', owner: 'responsibleOrganizationId' },
  ranges: [
    ['receivedOn', 'acceptedOn'],
    ['acceptedOn', 'closedOn'],
    ['receivedOn', 'closedOn'],
  ],
  rules: [
    async ({ tx, before, after, errors }) => {
      for (const key of ['receivedOn', 'acceptedOn', 'closedOn']) {
        if (after[key] && (after[key] as string) > today()) errors.add(key, 'future', '日期不能晚于今天', 'The day cannot be in the future');
      }
      // Steps only move forward: an accepted or closed complaint is not reopened by clearing the day.
      for (const [key, label] of STEPS) {
        if (before?.[key] && !after[key]) {
          errors.add(key, 'reopen', `已登记的${label.zh}不能清除`, `The ${label.en} once recorded cannot be cleared`);
        }
      }
      if (after.closedOn) {
        if (!after.acceptedOn && !errors.has('acceptedOn')) errors.add('acceptedOn', 'required', '办结前须先受理', 'A complaint is accepted before it is closed');
        if (!after.result) errors.add('result', 'required', '办结须填写处理结果', 'Closing needs the result');
        if (!after.disposition) errors.add('disposition', 'required', '办结须选择处理方式', 'Closing needs the disposition');
      }
      const disposition = after.disposition as string | null;
      if (disposition === 'CASE_FILED' && !after.caseNumber) errors.add('caseNumber', 'required', '立案查处的须填写立案编号', 'A filed case needs its number');
      if (disposition !== 'CASE_FILED' && after.caseNumber) errors.add('caseNumber', 'disposition', '只有立案查处的填写立案编号', 'Only a filed case has a case number');
      if (disposition === 'REFERRED' && !after.caseReferralId) errors.add('caseReferralId', 'required', '移送办理的须选择案件移送', 'A referred complaint names its referral');
      if (disposition !== 'REFERRED' && after.caseReferralId) errors.add('caseReferralId', 'disposition', '只有移送办理的关联案件移送', 'Only a referred complaint names a referral');
      if (after.caseReferralId && !errors.has('caseReferralId') && !errors.has('responsibleOrganizationId')) {
        const [referral] = await tx
          .select({ from: caseReferrals.fromOrganizationId })
          .from(caseReferrals)
          .where(eq(caseReferrals.id, after.caseReferralId as number));
        if (referral && referral.from !== after.responsibleOrganizationId) {
          errors.add('caseReferralId', 'organization', '关联的案件移送应由本投诉的责任单位移送', 'The referral must be one the responsible organization sent');
        }
      }
    },
  ],
  resolvers: complaintResolvers,
});
