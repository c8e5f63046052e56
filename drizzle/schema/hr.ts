import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, timestamp, unique, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { labelledEnum, recordColumns } from './columns';
import { organizations } from './organizations';

export const staffCategory = labelledEnum(
  'staff_category',
  'StaffCategory',
  { zh: '编制类别', en: 'Staffing category' },
  {
    ADMINISTRATIVE: { zh: '行政编', en: 'Administrative establishment' },
    INSTITUTIONAL: { zh: '事业编', en: 'Public institution establishment' },
    ENFORCEMENT: { zh: '执法专项编制', en: 'Dedicated enforcement establishment' },
    AUXILIARY: { zh: '协勤/辅助人员', en: 'Auxiliary staff' },
  },
);

export const staffStatus = labelledEnum(
  'staff_status',
  'StaffStatus',
  { zh: '人员状态', en: 'Staff status' },
  {
    ON_DUTY: { zh: '在岗', en: 'On duty' },
    SECONDED: { zh: '借调/抽调', en: 'Seconded' },
    LEFT: { zh: '已调出', en: 'Left' },
    RETIRED: { zh: '已退休', en: 'Retired' },
  },
);

export const staffMembers = pgTable(
  'staff_members',
  {
    ...recordColumns(),
    name: varchar({ length: 50 }).notNull(),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
    category: staffCategory().notNull(),
    status: staffStatus().notNull().default('ON_DUTY'),
    title: varchar({ length: 50 }),
    legalQualification: boolean().notNull().default(false),
    mobile: varchar({ length: 20 }),
    note: varchar({ length: 1000 }),
  },
  (t) => [
    index().on(t.organizationId),
    index().on(t.status),
    // Trigram indexes serve `q` (ilike '%…%' on each searched column) by any part of a name.
    index('staff_members_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
    index('staff_members_title_trgm').using('gin', t.title.op('gin_trgm_ops')),
    index('staff_members_mobile_trgm').using('gin', t.mobile.op('gin_trgm_ops')),
  ],
);

export const staffingQuotas = pgTable(
  'staffing_quotas',
  {
    ...recordColumns(),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
    category: staffCategory().notNull(),
    year: integer().notNull(),
    approvedCount: integer().notNull(),
    documentNumber: varchar({ length: 100 }),
    // 任务较重的街镇可不受空编率限制: the exemption, why, and the document approving it.
    capExempt: boolean().notNull().default(false),
    capExemptReason: varchar({ length: 500 }),
    capExemptDocument: varchar({ length: 100 }),
    note: varchar({ length: 1000 }),
  },
  (t) => [unique().on(t.organizationId, t.category, t.year)],
);

export const postKind = labelledEnum(
  'post_kind',
  'PostKind',
  { zh: '岗位类别', en: 'Post' },
  {
    ENFORCEMENT: { zh: '执法岗', en: 'Enforcement' },
    LEGAL_REVIEW: { zh: '法制审核岗', en: 'Legal review' },
    AUXILIARY: { zh: '辅助岗', en: 'Auxiliary' },
    LEADERSHIP: { zh: '中队长/队长', en: 'Team leadership' },
  },
);

export const transferKind = labelledEnum(
  'transfer_kind',
  'TransferKind',
  { zh: '调动类别', en: 'Transfer kind' },
  {
    REASSIGNMENT: { zh: '转隶/划转', en: 'Reassignment' },
    SECONDMENT: { zh: '借调/抽调', en: 'Secondment' },
    RETURN: { zh: '归位', en: 'Return from secondment' },
    RECRUITMENT: { zh: '招录', en: 'Recruitment' },
    DEPARTURE: { zh: '调出', en: 'Departure' },
    RETIREMENT: { zh: '退休', en: 'Retirement' },
  },
);

export const transferStatus = labelledEnum(
  'transfer_status',
  'TransferStatus',
  { zh: '办理状态', en: 'Transfer status' },
  {
    PENDING: { zh: '待办理', en: 'Pending' },
    COMPLETED: { zh: '已完成', en: 'Completed' },
    CANCELLED: { zh: '已取消', en: 'Cancelled' },
  },
);

export const transfers = pgTable(
  'transfers',
  {
    ...recordColumns(),
    staffMemberId: integer()
      .notNull()
      .references(() => staffMembers.id),
    kind: transferKind().notNull(),
    fromOrganizationId: integer().references(() => organizations.id),
    toOrganizationId: integer().references(() => organizations.id),
    post: postKind(),
    effectiveDate: date({ mode: 'string' }).notNull(),
    expectedReturnDate: date({ mode: 'string' }),
    documentNumber: varchar({ length: 100 }),
    status: transferStatus().notNull().default('PENDING'),
    completedAt: timestamp({ withTimezone: true, mode: 'date' }),
    note: varchar({ length: 1000 }),
  },
  (t) => [index().on(t.staffMemberId), index().on(t.status)],
);

export const postings = pgTable(
  'postings',
  {
    ...recordColumns(),
    staffMemberId: integer()
      .notNull()
      .references(() => staffMembers.id),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
    // Where the person's establishment (编制) stays while they work elsewhere, as on a secondment;
    // null means the posting's own organization.
    quotaOrganizationId: integer().references(() => organizations.id),
    post: postKind().notNull(),
    startedOn: date({ mode: 'string' }).notNull(),
    endedOn: date({ mode: 'string' }),
    transferId: integer().references(() => transfers.id),
    note: varchar({ length: 1000 }),
  },
  (t) => [
    // The database itself keeps "at most one open posting per person", whatever path writes.
    uniqueIndex('postings_one_open_per_staff').on(t.staffMemberId).where(sql`${t.endedOn} is null`),
    index().on(t.organizationId),
    index().on(t.quotaOrganizationId),
    index().on(t.staffMemberId),
  ],
);

export const certificateStatus = labelledEnum(
  'certificate_status',
  'CertificateStatus',
  { zh: '证件状态', en: 'Certificate status' },
  {
    VALID: { zh: '有效', en: 'Valid' },
    SUSPENDED: { zh: '暂扣', en: 'Suspended' },
    CANCELLED: { zh: '注销', en: 'Cancelled' },
    REVOKED: { zh: '吊销', en: 'Revoked' },
    LOST: { zh: '遗失', en: 'Lost' },
  },
);

export const certificates = pgTable(
  'certificates',
  {
    ...recordColumns(),
    staffMemberId: integer()
      .notNull()
      .references(() => staffMembers.id),
    number: varchar({ length: 50 }).notNull().unique(),
    issuingAuthority: varchar({ length: 100 }).notNull(),
    issuedOn: date({ mode: 'string' }).notNull(),
    expiresOn: date({ mode: 'string' }),
    status: certificateStatus().notNull().default('VALID'),
    area: varchar({ length: 200 }),
    categories: varchar({ length: 200 }),
    note: varchar({ length: 1000 }),
  },
  (t) => [index().on(t.staffMemberId)],
);
