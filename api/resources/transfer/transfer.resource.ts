import { eq, sql } from 'drizzle-orm';
import { today } from '../../dates';
import { staffMembers, transfers } from '../../../drizzle/schema';
import { defineResource, derive } from '../../crud/resource';
import { conflict } from '../../errors';
import { secondmentOverdue } from '../staff-member/staff-conditions';
import { betweenOrganizations, exceedsEstablishment, placesLeft, TRANSFER_RULE } from './transfer-rules';
import { transferResolvers } from './transfer.resolver';
import { MENU } from '../menu';

export const transferResource = defineResource({
  name: 'Transfer',
  ui: { display: ['staffMemberId', 'kind', 'effectiveDate'], group: MENU.hr },
  table: transfers,
  label: { zh: '人员调动', en: 'Transfer' },
  description: {
    zh: '人员的一次调动：转隶/划转、借调/抽调及其归位、招录、调出或退休。新建时为待办理；办理调动时在同一事务中变更人员及其任职，调出和退休同时注销其执法证。超过生效日期仍待办理的为转隶不到位。',
    en: 'A move of a person: reassignment (转隶/划转), secondment (借调/抽调) and the return from it (归位), recruitment (招录), departure (调出) or retirement (退休). Drafted as PENDING; completeTransfer moves the person and their posting in one transaction, and a departure or retirement cancels their certificates. Pending past its effective date, it is overdue (转隶不到位).',
  },
  fields: {
    staffMemberId: { label: { zh: '人员', en: 'Staff member' } },
    kind: { label: { zh: '调动类别', en: 'Kind' } },
    fromOrganizationId: {
      label: { zh: '调出机构', en: 'From' },
      help: {
        zh: '起草调动时此人所在的机构；根据人员信息自动填写（招录时为空）。',
        en: 'Where the person works when the transfer is drafted; filled in from the person (empty for a recruitment).',
      },
    },
    toOrganizationId: {
      label: { zh: '调入机构', en: 'To' },
      help: {
        zh: '除调出（可调离本县）、退休（留空）和归位（回到编制所在机构）外必填。',
        en: 'Required except for a departure (which may leave the county), a retirement (empty) and a return (which goes back to where the person’s establishment is).',
      },
    },
    post: {
      label: { zh: '新岗位', en: 'New post' },
      help: {
        zh: '调动后担任的岗位；留空则保持现岗位。招录时必填。',
        en: 'The post held after the move; empty keeps the current post. Required for a recruitment.',
      },
    },
    effectiveDate: {
      label: { zh: '生效日期', en: 'Effective on' },
      help: {
        zh: '到新机构任职的第一天；原任职于前一日结束。',
        en: 'The first day in the new place; the old posting ends the day before.',
      },
    },
    expectedReturnDate: {
      label: { zh: '预计归位日期', en: 'Expected return' },
      help: {
        zh: '借调时必填：应当归位的日期；逾期未归位的，此人显示为借调逾期未归位。',
        en: 'Required for a secondment: the day the person is due back; past it without a return, the person shows as overdue.',
      },
    },
    documentNumber: {
      label: { zh: '文号', en: 'Document number' },
      help: { zh: '调动文件的文号，如镇人社〔2024〕12号。', en: 'The transfer order, e.g. 镇人社〔2024〕12号.' },
    },
    status: {
      label: { zh: '办理状态', en: 'Status' },
      help: { zh: '由“办理调动”和“取消调动”操作设置。', en: 'Set by completeTransfer and cancelTransfer.' },
      readOnly: true,
    },
    completedAt: { label: { zh: '办结时间', en: 'Completed at' }, readOnly: true },
    note: { label: { zh: '备注', en: 'Note' } },
  },
  search: ['documentNumber', 'note'],
  // Both ends of a move draft it: the organization the person works at and the one they go to.
  access: { writers: 'HR', owner: { anyOf: [{ via: 'staffMemberId', field: 'organizationId' }, 'toOrganizationId'] }, refusal: TRANSFER_RULE },
  ranges: [['effectiveDate', 'expectedReturnDate']],
  computed: {
    betweenOrganizations: {
      label: { zh: '跨单位调动', en: 'Between organizations' },
      help: {
        zh: '人员从一个机构调到另一个机构（归位时为回到占编机构）。此类调动由调出或调入单位起草，县级人事部门办结。',
        en: 'The person moves from one organization to another (for a return, back to the one holding their establishment). Either side drafts it; the county HR office completes it.',
      },
      type: 'boolean',
      sql: betweenOrganizations,
    },
    placesLeft: {
      label: { zh: '调入机构剩余编制', en: 'Places left at destination' },
      help: {
        zh: '转隶或招录待办理时：调入机构该人员编制类别在生效年度的核定数减实有人数；没有核定编制的为空。',
        en: 'For a pending reassignment or recruitment: approved minus occupied places of the person’s category at the destination in the year it takes effect; empty when no quota is approved.',
      },
      type: 'int',
      nullable: true,
      sql: placesLeft,
    },
    exceedsEstablishment: {
      label: { zh: '办理后超编', en: 'Would exceed establishment' },
      help: {
        zh: '办理此调动后，调入机构该类编制的实有人数将超过核定数（超编）。',
        en: 'Completing this transfer would put more people on the destination’s places of this category than approved (超编).',
      },
      type: 'boolean',
      sql: exceedsEstablishment,
    },
    overdue: {
      label: { zh: '转隶不到位', en: 'Overdue' },
      help: {
        zh: '已过生效日期仍未办理的调动（《镇平县行政执法改革与管理专项整治工作实施方案》：执法人员转隶不到位）。',
        en: 'A transfer still pending after its effective date (转隶不到位 in 《镇平县行政执法改革与管理专项整治工作实施方案》).',
      },
      type: 'boolean',
      beside: 'status',
      sql: () => sql`(${transfers.status} = 'PENDING' and ${transfers.effectiveDate} < ${today()})`,
    },
    returnOverdue: {
      label: { zh: '逾期未归位', en: 'Return overdue' },
      help: {
        zh: '已办结的借调超过预计归位日期，而此人仍处于借调状态。',
        en: 'A completed secondment past its expected return date while the person is still seconded.',
      },
      type: 'boolean',
      sql: () => secondmentOverdue(transfers),
    },
  },
  guards: [
    async ({ operation, before }) => {
      if (before && before.status !== 'PENDING') {
        throw conflict('LOCKED', {
          zh: `调动（编号 ${before.id}）已${before.status === 'COMPLETED' ? '办结' : '取消'}，不能${operation === 'delete' ? '删除' : '修改'}`,
          en: `Transfer ${before.id} is ${String(before.status).toLowerCase()} and cannot be ${operation === 'delete' ? 'deleted' : 'changed'}`,
        });
      }
    },
  ],
  rules: [
    async (ctx) => {
      const { tx, after, errors } = ctx;
      const kind = after.kind as string;
      if (kind === 'SECONDMENT' && !after.expectedReturnDate) {
        errors.add('expectedReturnDate', 'required', '借调须填写预计归位日期', 'A secondment needs an expected return date');
      }
      if (kind === 'SECONDMENT' && after.expectedReturnDate && after.expectedReturnDate === after.effectiveDate) {
        errors.add('expectedReturnDate', 'range', '预计归位日期应晚于生效日期', 'The expected return must be after the effective date');
      }
      if (kind !== 'SECONDMENT' && after.expectedReturnDate) {
        errors.add('expectedReturnDate', 'kind', '只有借调填写预计归位日期', 'Only a secondment has an expected return date');
      }
      if (['REASSIGNMENT', 'SECONDMENT', 'RECRUITMENT'].includes(kind) && !after.toOrganizationId) {
        errors.add('toOrganizationId', 'required', '请填写调入机构', 'Give the organization the person moves to');
      }
      if (kind === 'RETIREMENT' && after.toOrganizationId) {
        errors.add('toOrganizationId', 'kind', '退休没有调入机构', 'A retirement has no destination');
      }
      if ((kind === 'RETIREMENT' || kind === 'DEPARTURE') && after.post) {
        errors.add('post', 'kind', '调出或退休后没有新岗位', 'A departure or retirement has no new post');
      }
      if (kind === 'RECRUITMENT' && !after.post) {
        errors.add('post', 'required', '招录须填写岗位', 'A recruitment needs the post the person takes');
      }
      if (errors.has('staffMemberId')) return;
      const [person] = await tx
        .select({ organizationId: staffMembers.organizationId })
        .from(staffMembers)
        .where(eq(staffMembers.id, after.staffMemberId as number));
      if (!person) return;
      if (kind === 'RECRUITMENT') {
        if (after.fromOrganizationId) derive(ctx, 'fromOrganizationId', null);
      } else if (!after.fromOrganizationId) {
        derive(ctx, 'fromOrganizationId', person.organizationId);
      } else if (after.fromOrganizationId !== person.organizationId && !errors.has('fromOrganizationId')) {
        errors.add('fromOrganizationId', 'mismatch', '调出机构应为此人当前所在机构', 'From must be the organization the person works at now');
      }
      if (after.toOrganizationId && after.toOrganizationId === after.fromOrganizationId) {
        errors.add('toOrganizationId', 'same', '调入机构与调出机构相同', 'To and from are the same organization');
      }
    },
  ],
  presets: {
    overdueTransfers: {
      description:
        '转隶不到位 (Overdue transfers): pending transfers past their effective date, longest overdue first. Same as allTransfers(filter: {overdue: true}).',
      filter: { overdue: true },
      sortField: 'effectiveDate',
    },
    overdueSecondments: {
      description:
        '逾期未归位 (Overdue secondments): completed secondments past their expected return date whose person has not returned, earliest due first. The same people are StaffMembers with overdueReturn: true.',
      filter: { returnOverdue: true },
      sortField: 'expectedReturnDate',
    },
  },
  resolvers: transferResolvers,
});
