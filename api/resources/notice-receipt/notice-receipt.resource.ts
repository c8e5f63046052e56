import { noticeReceipts } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { MENU } from '../menu';

export const noticeReceiptResource = defineResource({
  name: 'NoticeReceipt',
  ui: { display: ['noticeId', 'userId'], group: MENU.notices, listColumns: ['noticeId', 'userId', 'readAt'] },
  table: noticeReceipts,
  label: { zh: '已读回执', en: 'Read receipt' },
  description: {
    zh: '某个账号已阅读某份通知：打开通知时由系统自动记录，不能新建、修改或删除。发布通知的县级账号可查看全部回执，其他账号只能查看本人的。',
    en: 'An account has read a notice: recorded by the system when the notice is opened; no one creates, changes or deletes one. County accounts that publish notices read every receipt, everyone else their own.',
  },
  fields: {
    noticeId: { label: { zh: '通知', en: 'Notice' } },
    userId: { label: { zh: '账号', en: 'Account' }, ui: { related: false } },
    readAt: { label: { zh: '阅读时间', en: 'Read at' } },
  },
  search: [],
  access: { writers: 'SUPERVISOR', privateTo: 'userId' },
  writtenByServer: true,
});
