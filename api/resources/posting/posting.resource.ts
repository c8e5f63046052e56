import { postings } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { MENU } from '../menu';
import { onePostAtATime, reservedPosts } from './posting-rules';

export { RESERVED_POSTS } from './posting-rules';

export const postingResource = defineResource({
  name: 'Posting',
  ui: { display: ['staffMemberId', 'post', 'startedOn'], group: MENU.hr },
  table: postings,
  label: { zh: '岗位任职', en: 'Posting' },
  description: {
    zh: '人员在某机构担任某一岗位的一段任职期。一人最多只有一条未结束的任职；调动时结束原任职并开始新任职。',
    en: 'A period during which a person holds a post at an organization. A person has at most one open posting; transfers close one and open the next.',
  },
  fields: {
    staffMemberId: { label: { zh: '人员', en: 'Staff member' } },
    organizationId: {
      label: { zh: '任职机构', en: 'Organization' },
      help: { zh: '担任此岗位时的工作机构。', en: 'Where the person works in this post.' },
    },
    quotaOrganizationId: {
      label: { zh: '占编机构', en: 'Establishment held at' },
      help: {
        zh: '人员在其他单位工作（借调）期间编制所在的机构；留空表示即任职机构。',
        en: 'Where the person’s establishment stays while they work elsewhere (a secondment); empty means the organization of the post.',
      },
    },
    post: {
      label: { zh: '岗位', en: 'Post' },
      help: {
        zh: '担任执法岗须在任职起始日持有效执法证，并已通过公共法律知识培训（结业证）；协勤/辅助人员不能担任执法岗、法制审核岗或中队长岗。',
        en: 'An enforcement post needs, on its first day, a valid certificate and a passed general-law training (公共法律知识培训结业证); auxiliary staff cannot hold an enforcement, legal-review or leadership post.',
      },
    },
    startedOn: { label: { zh: '任职起始', en: 'Started on' } },
    endedOn: { label: { zh: '任职截止', en: 'Ended on' }, help: { zh: '任职未结束时留空。', en: 'Empty while the posting is open.' } },
    transferId: {
      label: { zh: '调动', en: 'Transfer' },
      help: {
        zh: '产生此任职的调动；办理调动时设置。',
        en: 'The transfer that opened this posting; set by completeTransfer.',
      },
      readOnly: true,
    },
    note: { label: { zh: '备注', en: 'Note' } },
  },
  search: ['note'],
  // The place of work, the establishment held and the person's own organization all decide whose
  // record a posting is: a street writes only postings that are wholly its own.
  access: { writers: 'HR', owner: ['organizationId', 'quotaOrganizationId', { via: 'staffMemberId', field: 'organizationId' }] },
  ranges: [['startedOn', 'endedOn']],
  // The reserved-post gates first: the one-post rule, checked over a batch's rows together, runs
  // last in any case (see `batchChecked`), and a batch's row refused by a gate is no stored posting.
  rules: [reservedPosts, onePostAtATime],
});
