import { and, eq, gte, isNull, lte, ne, or } from 'drizzle-orm';
import { enumDefinitions, postings, staffMembers } from '../../../drizzle/schema';
import { defineResource, type WriteContext } from '../../crud/resource';
import { completedGeneralLaw, holdsValidCertificate } from '../staff-member/staff-conditions';
import { MENU } from '../menu';

/** Posts auxiliary staff may not hold. */
export const RESERVED_POSTS = new Set(['ENFORCEMENT', 'LEGAL_REVIEW', 'LEADERSHIP']);
const postLabels = enumDefinitions.get('post_kind')!.values;

const changed = ({ before, after }: WriteContext, keys: string[]) => !before || keys.some((k) => before[k] !== after[k]);

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
  rules: [
    // One person, one post at a time: periods may not overlap, and so at most one is open.
    async (ctx) => {
      const { tx, before, after, errors } = ctx;
      if (errors.has('startedOn') || errors.has('endedOn') || errors.has('staffMemberId')) return;
      if (!changed(ctx, ['staffMemberId', 'startedOn', 'endedOn'])) return;
      const end = (after.endedOn as string | null) ?? '9999-12-31';
      const [other] = await tx
        .select({ id: postings.id, startedOn: postings.startedOn, endedOn: postings.endedOn })
        .from(postings)
        .where(
          and(
            eq(postings.staffMemberId, after.staffMemberId as number),
            before ? ne(postings.id, before.id) : undefined,
            lte(postings.startedOn, end),
            or(isNull(postings.endedOn), gte(postings.endedOn, after.startedOn as string)),
          ),
        )
        .limit(1);
      if (other) {
        const span = `${other.startedOn} – ${other.endedOn ?? '至今 / now'}`;
        errors.add(
          'startedOn',
          'overlap',
          `此人同一时期已有任职（编号 ${other.id}，${span}），一人同一时间只能有一个岗位`,
          `The person already holds posting ${other.id} (${span}) in this period; a person has one post at a time`,
        );
      }
    },
    // No certificate or no general-law completion, no enforcement (《武清区关于进一步深化街镇综合执法改革的指导意见》,
    // 《镇平县行政执法改革与管理专项整治工作实施方案》). Auxiliary staff only assist: they do not
    // investigate, decide or review cases (不能从事案件调查取证、作出行政处理决定、审核案件), so they
    // hold no enforcement, legal-review or squad-leader post.
    async (ctx) => {
      const { tx, after, errors } = ctx;
      const post = after.post as string;
      if (!RESERVED_POSTS.has(post) || errors.has('post') || errors.has('staffMemberId') || errors.has('startedOn')) return;
      if (!changed(ctx, ['post', 'staffMemberId', 'startedOn'])) return;
      const day = after.startedOn as string;
      const [person] = await tx
        .select({
          category: staffMembers.category,
          name: staffMembers.name,
          certified: holdsValidCertificate(staffMembers.id, day).mapWith(Boolean),
          trained: completedGeneralLaw(staffMembers.id, day).mapWith(Boolean),
        })
        .from(staffMembers)
        .where(eq(staffMembers.id, after.staffMemberId as number));
      if (!person) return;
      const label = postLabels[post];
      if (person.category === 'AUXILIARY') {
        errors.add('post', 'category', `${person.name}是协勤/辅助人员，不能担任${label.zh}`, `${person.name} is auxiliary staff and cannot hold a ${label.en.toLowerCase()} post`);
      } else if (post === 'ENFORCEMENT' && !person.certified) {
        errors.add(
          'post',
          'certificate',
          `${person.name}在 ${day} 没有有效的执法证，不能担任执法岗`,
          `${person.name} holds no valid enforcement certificate on ${day} and cannot take an enforcement post`,
        );
      } else if (post === 'ENFORCEMENT' && !person.trained) {
        errors.add(
          'post',
          'generalLaw',
          `${person.name}在 ${day} 前没有通过公共法律知识培训（未取得结业证），不能担任执法岗（《镇平县行政执法改革与管理专项整治工作实施方案》：将持有行政执法证和公共法律知识培训结业证作为执法的前置条件）`,
          `${person.name} has not passed the general-law training (公共法律知识培训结业证) by ${day} and cannot take an enforcement post (《镇平县行政执法改革与管理专项整治工作实施方案》: the certificate and the general-law completion are both required to enforce)`,
        );
      }
    },
  ],
});
