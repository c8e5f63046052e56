import { noticeRecipients } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { MENU } from '../menu';
import { LOCAL_KINDS, organizationKindRule } from '../rules';

export const noticeRecipientResource = defineResource({
  name: 'NoticeRecipient',
  ui: { display: ['noticeId', 'organizationId'], group: MENU.notices },
  table: noticeRecipients,
  label: { zh: '接收单位', en: 'Notice recipient' },
  description: {
    zh: '一份通知发往的街道或乡镇。通知没有列出接收单位的，发给全部街道、乡镇。',
    en: 'A street or township a notice is addressed to. A notice with no recipients listed goes to every street and township.',
  },
  fields: {
    noticeId: { label: { zh: '通知', en: 'Notice' } },
    organizationId: { label: { zh: '接收单位', en: 'Recipient' } },
  },
  search: [],
  // As the notice: county-level accounts only.
  access: { writers: 'SUPERVISOR' },
  rules: [organizationKindRule('organizationId', { zh: '接收单位', en: 'The recipient' }, LOCAL_KINDS)],
});
