import { notices } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { MENU } from '../menu';
import { organizationKindRule } from '../rules';
import { noticeResolvers } from './notice.resolver';

/** Street and township accounts read notices; county bodies publish them. */
const PUBLISHER_KINDS = ['DEPARTMENT', 'VERTICAL_UNIT', 'OTHER'] as const;

export const noticeResource = defineResource({
  name: 'Notice',
  ui: {
    title: 'title',
    display: ['title', 'publishedOn'],
    group: MENU.notices,
    listColumns: ['title', 'kind', 'publisherId', 'publishedOn', 'deadline', 'readByMe'],
  },
  table: notices,
  label: { zh: '通知公告', en: 'Notice' },
  description: {
    zh: '县级机关向各街道、乡镇发布的通知、公告和专项行动方案。未指定接收单位的发给全部街道、乡镇；指定了的只发给所列单位。每个账号打开通知即留下已读回执，发布单位可查看谁已阅读；页面顶部显示本人未读的数量。',
    en: 'Notices, announcements and campaign plans county bodies publish to streets and townships: to all of them, or to the ones listed as recipients. Opening a notice leaves a read receipt for the account, which the publisher can see; the header shows how many one has not read.',
  },
  fields: {
    kind: { label: { zh: '类别', en: 'Kind' } },
    title: { label: { zh: '标题', en: 'Title' } },
    body: { label: { zh: '正文', en: 'Text' }, ui: { multiline: true } },
    publisherId: { label: { zh: '发布单位', en: 'Publisher' }, help: { zh: '县直部门等县级机关。', en: 'A county body: a department or another county unit.' } },
    documentNumber: { label: { zh: '文号', en: 'Document number' } },
    publishedOn: { label: { zh: '发布日期', en: 'Published on' } },
    deadline: { label: { zh: '办理时限', en: 'Deadline' }, help: { zh: '要求各单位报送或落实的截止日期，没有的留空。', en: 'The day by which the recipients report back or act, if any.' } },
  },
  resolvedFields: {
    readByMe: { label: { zh: '本人已读', en: 'Read by me' } },
    addressedToMe: { label: { zh: '发给本单位', en: 'Addressed to me' }, help: { zh: '发给全部单位的，或本账号所在单位在接收单位之列的。', en: 'Sent to all, or to the account’s own organization among the recipients.' } },
  },
  search: ['title', 'body', 'documentNumber'],
  // County-level supervision accounts (and administrators) publish, as a county body (its kind
  // checked below); a street or township account reads notices, never writes one.
  access: { writers: 'SUPERVISOR' },
  ranges: [['publishedOn', 'deadline']],
  rules: [organizationKindRule('publisherId', { zh: '发布单位', en: 'The publisher' }, [...PUBLISHER_KINDS])],
  attachments: true,
  resolvers: noticeResolvers,
});
