import { date, index, integer, pgTable, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
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

// Call-and-report dispatch (吹哨报到, 《武昌区街道综合行政执法规范化建设实施意见》: “街道吹哨、部门报到”): a
// street raises a request; each department it calls answers in dated steps of its own.

export const dispatchUrgency = labelledEnum(
  'dispatch_urgency',
  'DispatchUrgency',
  { zh: '紧急程度', en: 'Urgency' },
  {
    ROUTINE: { zh: '一般', en: 'Routine' },
    URGENT: { zh: '紧急', en: 'Urgent' },
  },
);

export const dispatchStatus = labelledEnum(
  'dispatch_status',
  'DispatchStatus',
  { zh: '报到状态', en: 'Dispatch status' },
  {
    CALLED: { zh: '待响应', en: 'Called' },
    ACKNOWLEDGED: { zh: '已响应', en: 'Acknowledged' },
    ARRIVED: { zh: '已报到', en: 'Arrived' },
    CLOSED: { zh: '已办结', en: 'Closed' },
  },
);

export const dispatchRequests = pgTable(
  'dispatch_requests',
  {
    ...recordColumns(),
    streetId: integer()
      .notNull()
      .references(() => organizations.id),
    matter: varchar({ length: 2000 }).notNull(),
    place: varchar({ length: 200 }).notNull(),
    urgency: dispatchUrgency().notNull().default('ROUTINE'),
    raisedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    dueOn: date({ mode: 'string' }).notNull(),
    helperTownshipId: integer().references(() => organizations.id),
    secondHelperTownshipId: integer().references(() => organizations.id),
    filedWithJusticeOn: date({ mode: 'string' }),
    note: varchar({ length: 1000 }),
  },
  (t) => [index().on(t.streetId), index().on(t.raisedAt), index().on(t.helperTownshipId), index().on(t.secondHelperTownshipId)],
);

export const dispatchAssignments = pgTable(
  'dispatch_assignments',
  {
    ...recordColumns(),
    requestId: integer()
      .notNull()
      .references(() => dispatchRequests.id),
    departmentId: integer()
      .notNull()
      .references(() => organizations.id),
    status: dispatchStatus().notNull().default('CALLED'),
    acknowledgedAt: timestamp({ withTimezone: true, mode: 'date' }),
    arrivedAt: timestamp({ withTimezone: true, mode: 'date' }),
    closedAt: timestamp({ withTimezone: true, mode: 'date' }),
    result: varchar({ length: 1000 }),
    rating: integer(),
    ratingComment: varchar({ length: 500 }),
  },
  (t) => [uniqueIndex().on(t.requestId, t.departmentId), index().on(t.departmentId), index().on(t.status)],
);
