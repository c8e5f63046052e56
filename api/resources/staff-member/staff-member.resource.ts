import { and, eq, inArray, isNull } from 'drizzle-orm';
import { certificates, postings, staffMembers } from '../../../drizzle/schema';
import { HELD } from '../certificate-event/certificate-history';
import { RESERVED_POSTS } from '../posting/posting.resource';
import { defineResource, rowIndependent } from '../../crud/resource';
import { phoneRule } from '../phone';
import { certificateAlert, overdueReturn } from './staff-conditions';
import { MENU } from '../menu';
import { inductionOverdue } from './induction';

export const staffMemberResource = defineResource({
  name: 'StaffMember',
  ui: { title: 'name', display: ['name', 'organizationId'], group: MENU.hr },
  table: staffMembers,
  label: { zh: '执法人员', en: 'Staff member' },
  description: {
    zh: '执法队伍中的一名人员及其所占编制。所在机构和人员状态只能通过人员调动变更，以完整保留人员流动记录。',
    en: 'A person of an enforcement team, with the establishment (编制) they hold. Where they work and their status change only through transfers, so the record of who moved when stays whole.',
  },
  fields: {
    name: { label: { zh: '姓名', en: 'Name' }, personal: true },
    organizationId: {
      label: { zh: '所在机构', en: 'Organization' },
      help: {
        zh: '此人当前工作的机构。新建时填写，此后只能通过办结的调动变更。',
        en: 'Where the person works now. Set on creation; afterwards only a completed transfer changes it.',
      },
    },
    category: {
      label: { zh: '编制类别', en: 'Staffing category' },
      help: { zh: '此人所占用的编制类别。', en: 'The establishment the person is counted against.' },
    },
    status: {
      label: { zh: '人员状态', en: 'Status' },
      help: {
        zh: '由人员调动维护：借调办结后为借调/抽调，归位后为在岗，调出后为已调出，退休后为已退休。',
        en: 'Kept by transfers: a completed secondment makes it SECONDED, a return ON_DUTY, a departure LEFT, a retirement RETIRED.',
      },
      readOnly: true,
    },
    title: { label: { zh: '职务', en: 'Title' }, help: { zh: '职务，如综合执法中队长。', en: 'Position, e.g. 综合执法中队长.' } },
    legalQualification: {
      label: { zh: '法律职业资格', en: 'Legal qualification' },
      help: {
        zh: '是否取得国家统一法律职业资格（法律职业资格）。',
        en: 'Holds the national legal professional qualification (法律职业资格).',
      },
    },
    mobile: { label: { zh: '手机', en: 'Mobile' }, personal: true, help: { zh: '11位手机号码。', en: '11-digit mobile number.' } },
    note: { label: { zh: '备注', en: 'Note' } },
  },
  search: ['name', 'title', 'mobile'],
  access: { writers: 'HR', owner: 'organizationId' },
  computed: {
    certificateAlert: {
      label: { zh: '无证在执法岗', en: 'On an enforcement post without a valid certificate' },
      help: {
        zh: '此人当前在执法岗任职，但没有有效且未过期的执法证（如最后一本证件已被暂扣或吊销）时为“是”。',
        en: 'True when the person holds an enforcement post today but no valid, unexpired certificate, e.g. after the last one was suspended or revoked.',
      },
      type: 'boolean',
      sql: certificateAlert,
    },
    overdueReturn: {
      label: { zh: '借调逾期未归位', en: 'Overdue to return from secondment' },
      help: {
        zh: '此人借调已超过预计归位日期仍未归位时为“是”。',
        en: 'True when the person is seconded past the expected return date of the secondment.',
      },
      type: 'boolean',
      sql: overdueReturn,
    },
    inductionOverdue: {
      label: { zh: '未按期初任培训', en: 'Induction overdue' },
      help: {
        zh: '新招录人员自招录生效之日起在配置的期限内（默认 365 天）未参加初任培训，且期限已过时为“是”。',
        en: 'True when a recruit attended no induction training within the configured days (365 by default) of the recruitment taking effect, and that period has passed.',
      },
      type: 'boolean',
      sql: inductionOverdue,
    },
  },
  rules: [
    phoneRule('mobile', { zh: '手机', en: 'Mobile' }, ['mobile']),
    // Both rules below judge a change of an existing person: a new one reads nothing, so an import
    // creates staff in batches.
    rowIndependent(async ({ before, after, errors }) => {
      if (before && after.organizationId !== before.organizationId) {
        errors.add(
          'organizationId',
          'transfer',
          '人员所在机构只能通过办理调动（转隶、借调、归位、调出）变更',
          'A person changes organization only through a completed transfer',
        );
      }
    }),
    // Auxiliary staff may not hold an enforcement, legal-review or leadership post nor a
    // certificate, so a person holding one cannot become auxiliary.
    rowIndependent(async ({ tx, before, after, errors }) => {
      if (!before || after.category !== 'AUXILIARY' || before.category === 'AUXILIARY') return;
      const [open] = await tx
        .select({ id: postings.id })
        .from(postings)
        .where(and(eq(postings.staffMemberId, before.id), isNull(postings.endedOn), inArray(postings.post, [...RESERVED_POSTS] as ('ENFORCEMENT' | 'LEGAL_REVIEW' | 'LEADERSHIP')[])));
      if (open) {
        errors.add(
          'category',
          'post',
          '此人在执法岗、法制审核岗或中队长岗任职，协勤/辅助人员不能担任这些岗位，请先调整岗位',
          'The person holds an enforcement, legal-review or leadership post, which auxiliary staff may not hold; change the post first',
        );
        return;
      }
      const [held] = await tx
        .select({ number: certificates.number })
        .from(certificates)
        .where(and(eq(certificates.staffMemberId, before.id), inArray(certificates.status, HELD)));
      if (held) {
        errors.add(
          'category',
          'certificate',
          `此人持有执法证 ${held.number}，协勤/辅助人员不能持证，请先注销`,
          `The person holds certificate ${held.number}, which auxiliary staff may not hold; cancel it first`,
        );
      }
    }),
  ],
  presets: {
    staffWithoutValidCertificate: {
      description:
        '无证在执法岗 (Staff on an enforcement post without a valid certificate today), e.g. after their last certificate was suspended, revoked or expired. Same as allStaffMembers(filter: {certificateAlert: true}).',
      filter: { certificateAlert: true },
    },
    recruitsWithoutInduction: {
      description:
        '未按期初任培训 (Recruits without induction training within the configured period of their recruitment, 《武清区关于进一步深化街镇综合执法改革的指导意见》: 新招录的执法人员纳入初任培训). Same as allStaffMembers(filter: {inductionOverdue: true}).',
      filter: { inductionOverdue: true },
    },
  },
});
