import { eq, inArray, sql } from 'drizzle-orm';
import { certificates, enumDefinitions, staffMembers } from '../../../drizzle/schema';
import { computedEnum, defineResource, rowIndependent, type WriteContext } from '../../crud/resource';
import { today } from '../../dates';
import { certificateInForce } from '../staff-member/staff-conditions';
import { MENU } from '../menu';

// The stored status is what the issuing authority decided (暂扣, 注销 …); whether the certificate
// can be used today also depends on its dates. Both are shown, so a certificate past its expiry
// never reads as plainly 有效 next to a dashboard that counts its holder as uncertified.
const stored = enumDefinitions.get('certificate_status')!.values;
const standing = computedEnum(
  'CertificateStanding',
  { zh: '当前状态', en: 'Standing today' },
  {
    IN_FORCE: { zh: '有效', en: 'In force' },
    EXPIRED: { zh: '已过期', en: 'Expired' },
    NOT_YET_ISSUED: { zh: '未到发证日期', en: 'Not yet issued' },
    SUSPENDED: stored.SUSPENDED,
    CANCELLED: stored.CANCELLED,
    REVOKED: stored.REVOKED,
    LOST: stored.LOST,
  },
);

/** The holder a write names, when the rule below has to look at them (a new or changed holder, not in error). */
function holderAsked({ before, after, errors }: WriteContext): number | undefined {
  if (errors.has('staffMemberId') || after.staffMemberId == null || (before && before.staffMemberId === after.staffMemberId)) return undefined;
  return after.staffMemberId as number;
}

function refuseAuxiliary({ errors }: WriteContext, holder: { name: string; category: string } | undefined): void {
  if (holder?.category === 'AUXILIARY') {
    errors.add('staffMemberId', 'category', `${holder.name}是协勤/辅助人员，不能持有执法证`, `${holder.name} is auxiliary staff and cannot hold an enforcement certificate`);
  }
}

export const certificateResource = defineResource({
  name: 'Certificate',
  ui: { title: 'number', display: ['number', 'staffMemberId'], group: MENU.hr },
  table: certificates,
  label: { zh: '执法证', en: 'Enforcement certificate' },
  description: {
    zh: '行政执法证。一人可持有多本。在执法岗人员仅剩的一本有效证件允许暂扣或吊销，但该人员会被标记为“无证在执法岗”。',
    en: 'An administrative enforcement certificate (行政执法证). A person may hold several. Suspending or revoking the last valid one of someone on an enforcement post is allowed, and flags that person (StaffMember.certificateAlert).',
  },
  fields: {
    staffMemberId: { label: { zh: '持证人', en: 'Holder' } },
    number: { label: { zh: '证号', en: 'Certificate number' }, personal: true },
    issuingAuthority: {
      label: { zh: '发证机关', en: 'Issuing authority' },
      help: { zh: '一般为省级或市级人民政府。', en: 'Usually the provincial or municipal government.' },
    },
    issuedOn: { label: { zh: '发证日期', en: 'Issued on' } },
    expiresOn: {
      label: { zh: '有效期至', en: 'Expires on' },
      help: { zh: '长期有效的证件留空。', en: 'Empty when the certificate does not expire.' },
    },
    status: {
      label: { zh: '证件状态', en: 'Status' },
      // The form offers it on creation only; the certificate's events change it afterwards.
      ui: { fixedAfterCreate: true },
      help: {
        zh: '有效，或暂扣（如年度法律知识考试不合格）、注销、吊销、遗失。新建时填写；此后只能通过证件记录（暂扣、恢复、注销、吊销、遗失登报）变更。',
        en: 'VALID, or SUSPENDED (暂扣, e.g. after failing the annual law exam), CANCELLED, REVOKED or LOST. Set on creation; afterwards only a certificate event (suspension, restoration, cancellation, revocation, loss published) changes it.',
      },
    },
    area: {
      label: { zh: '执法区域', en: 'Enforcement area' },
      help: { zh: '持证人可以执法的区域，如镇平县涅阳街道。', en: 'Where the holder may enforce, e.g. 镇平县涅阳街道.' },
    },
    categories: {
      label: { zh: '执法类别', en: 'Enforcement categories' },
      help: { zh: '可从事执法的领域，如城市管理、市场监管。', en: 'Fields of enforcement, e.g. 城市管理、市场监管.' },
    },
    note: { label: { zh: '备注', en: 'Note' } },
  },
  search: ['number', 'issuingAuthority', 'area'],
  access: { writers: 'HR', owner: { via: 'staffMemberId', field: 'organizationId' } },
  ranges: [['issuedOn', 'expiresOn']],
  rules: [
    // Auxiliary staff do not enforce in their own name (《镇平县行政执法改革与管理专项整治工作实施方案》：
    // 执法辅助人员…不能以自己名义执法), so they hold no enforcement certificate. It reads staff only,
    // so the certificates of an import are checked with one statement. The holders are read shared
    // until the commit: a change of their category under way (which holds them) is waited for and
    // judged as written, and one sent later waits for the certificate and sees it.
    rowIndependent(
      async (ctx) => {
        const id = holderAsked(ctx);
        if (id === undefined) return;
        const [holder] = await ctx.tx
          .select({ name: staffMembers.name, category: staffMembers.category })
          .from(staffMembers)
          .where(eq(staffMembers.id, id))
          .for('share');
        refuseAuxiliary(ctx, holder);
      },
      async (ctxs) => {
        const ids = [...new Set(ctxs.map(holderAsked).filter((id) => id !== undefined))];
        if (!ids.length) return;
        const holders = new Map(
          (
            await ctxs[0].tx
              .select({ id: staffMembers.id, name: staffMembers.name, category: staffMembers.category })
              .from(staffMembers)
              .where(inArray(staffMembers.id, ids))
              .orderBy(staffMembers.id)
              .for('share')
          ).map((h) => [h.id, h]),
        );
        for (const ctx of ctxs) {
          const id = holderAsked(ctx);
          if (id !== undefined) refuseAuxiliary(ctx, holders.get(id));
        }
      },
    ),
    // The status is the history's last word: once the certificate exists, it changes by an event.
    rowIndependent(async ({ before, after, errors }) => {
      if (before && after.status !== before.status) {
        errors.add(
          'status',
          'history',
          '证件状态只能通过新增证件记录（暂扣、恢复、注销、吊销、遗失登报）变更',
          'The status changes only by adding a certificate event (suspension, restoration, cancellation, revocation, loss published)',
        );
      }
    }),
  ],
  computed: {
    standing: {
      label: { zh: '当前状态', en: 'Standing today' },
      help: {
        zh: '按今天计算：证件状态为有效且在有效期内的为“有效”，超过有效期的为“已过期”；暂扣、注销、吊销、遗失照证件状态显示。',
        en: 'As of today: a VALID certificate within its dates is in force, one past its expiry date is expired; suspended, cancelled, revoked and lost ones show their status.',
      },
      type: 'enum',
      enum: standing,
      beside: 'status',
      sql: () => {
        const day = today();
        return sql`(case when ${certificates.status} <> 'VALID' then ${certificates.status}::text
          when ${certificates.issuedOn} > ${day} then 'NOT_YET_ISSUED'
          when ${certificates.expiresOn} < ${day} then 'EXPIRED' else 'IN_FORCE' end)`;
      },
    },
    inForce: {
      label: { zh: '现行有效', en: 'In force' },
      help: {
        zh: '今天可以凭此证执法：状态为有效，已发证且未过有效期。',
        en: 'The holder may enforce with it today: VALID, issued, and not past its expiry date.',
      },
      type: 'boolean',
      beside: 'status',
      sql: () => certificateInForce(today()),
    },
    daysToExpiry: {
      label: { zh: '距到期天数', en: 'Days to expiry' },
      help: {
        zh: '现行有效的证件距有效期届满还有几天（0 为今天到期）；长期有效或已失效的为空。按 30、60、90 天筛选即到期提醒。',
        en: 'Days until a certificate in force expires (0: today); empty when it does not expire or is not in force. Filter at 30, 60 or 90 days for renewal alerts.',
      },
      type: 'int',
      nullable: true,
      sql: () => {
        const day = today();
        return sql`(case when ${certificateInForce(day)} and ${certificates.expiresOn} is not null
          then (${certificates.expiresOn} - ${day}::date) end)`;
      },
    },
  },
});
