import { date, index, integer, pgTable, varchar } from 'drizzle-orm/pg-core';
import { labelledEnum, recordColumns } from './columns';
import { organizations } from './organizations';

// Work that crosses organizations: cases one unit sends another (案件移送, 三法衔接) and the
// complaints and tips residents bring (投诉举报).

export const referralKind = labelledEnum(
  'referral_kind',
  'ReferralKind',
  { zh: '移送类别', en: 'Referral kind' },
  {
    STREET_TO_DEPARTMENT: { zh: '街道（乡镇）移送部门', en: 'Street or township to department' },
    DEPARTMENT_TO_STREET: { zh: '部门移送街道（乡镇）', en: 'Department to street or township' },
    TO_POLICE: { zh: '涉嫌犯罪移送公安机关', en: 'Suspected crime to the police' },
    TO_DISCIPLINE: { zh: '问题线索移送纪委监委', en: 'Leads to the discipline commission' },
  },
);

export const referralStatus = labelledEnum(
  'referral_status',
  'ReferralStatus',
  { zh: '移送状态', en: 'Referral status' },
  {
    SENT: { zh: '已移送', en: 'Sent' },
    RECEIVED: { zh: '已接收', en: 'Received' },
    ACCEPTED: { zh: '已受理', en: 'Accepted' },
    RETURNED: { zh: '已退回', en: 'Returned' },
  },
);

export const caseReferrals = pgTable(
  'case_referrals',
  {
    ...recordColumns(),
    kind: referralKind().notNull(),
    fromOrganizationId: integer()
      .notNull()
      .references(() => organizations.id),
    toOrganizationId: integer()
      .notNull()
      .references(() => organizations.id),
    matter: varchar({ length: 2000 }).notNull(),
    legalBasis: varchar({ length: 500 }).notNull(),
    documentNumber: varchar({ length: 100 }),
    sentOn: date({ mode: 'string' }).notNull(),
    procuratorateCopiedTo: varchar({ length: 100 }),
    procuratorateCopiedOn: date({ mode: 'string' }),
    status: referralStatus().notNull().default('SENT'),
    receivedOn: date({ mode: 'string' }),
    decidedOn: date({ mode: 'string' }),
    returnReason: varchar({ length: 1000 }),
    outcome: varchar({ length: 1000 }),
    note: varchar({ length: 1000 }),
  },
  (t) => [index().on(t.fromOrganizationId), index().on(t.toOrganizationId), index().on(t.status)],
);

export const complaintChannel = labelledEnum(
  'complaint_channel',
  'ComplaintChannel',
  { zh: '来源渠道', en: 'Channel' },
  {
    HOTLINE_12345: { zh: '12345热线', en: '12345 hotline' },
    HOTLINE_12319: { zh: '12319城建热线', en: '12319 urban-services hotline' },
    LETTER: { zh: '来信', en: 'Letter' },
    VISIT: { zh: '来访', en: 'Visit' },
    ONLINE: { zh: '网上投诉', en: 'Online' },
  },
);

export const complaintDisposition = labelledEnum(
  'complaint_disposition',
  'ComplaintDisposition',
  { zh: '处理方式', en: 'Disposition' },
  {
    HANDLED: { zh: '直接处理', en: 'Handled without a case' },
    CASE_FILED: { zh: '立案查处', en: 'A case was filed' },
    REFERRED: { zh: '移送办理', en: 'Referred' },
  },
);

export const complaints = pgTable(
  'complaints',
  {
    ...recordColumns(),
    subject: varchar({ length: 200 }).notNull(),
    content: varchar({ length: 2000 }),
    channel: complaintChannel().notNull(),
    ticketNumber: varchar({ length: 50 }),
    complainant: varchar({ length: 50 }),
    responsibleOrganizationId: integer()
      .notNull()
      .references(() => organizations.id),
    receivedOn: date({ mode: 'string' }).notNull(),
    acceptedOn: date({ mode: 'string' }),
    closedOn: date({ mode: 'string' }),
    result: varchar({ length: 1000 }),
    disposition: complaintDisposition(),
    caseNumber: varchar({ length: 100 }),
    caseReferralId: integer().references(() => caseReferrals.id),
  },
  (t) => [index().on(t.responsibleOrganizationId), index().on(t.receivedOn), index().on(t.caseReferralId)],
);
