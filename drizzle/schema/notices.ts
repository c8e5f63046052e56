import { date, index, integer, pgTable, timestamp, unique, varchar } from 'drizzle-orm/pg-core';
import { labelledEnum, recordColumns } from './columns';
import { organizations } from './organizations';
import { users } from './accounts';

// Notices (通知公告) county bodies publish to every street and township or to chosen ones, and
// who has read each: the working notices of a campaign (专项行动方案), deadlines, announcements.

export const noticeKind = labelledEnum(
  'notice_kind',
  'NoticeKind',
  { zh: '通知类别', en: 'Notice kind' },
  {
    NOTICE: { zh: '通知', en: 'Notice' },
    ANNOUNCEMENT: { zh: '公告', en: 'Announcement' },
    CAMPAIGN_PLAN: { zh: '专项行动方案', en: 'Campaign plan' },
  },
);

export const notices = pgTable(
  'notices',
  {
    ...recordColumns(),
    kind: noticeKind().notNull().default('NOTICE'),
    title: varchar({ length: 200 }).notNull(),
    body: varchar({ length: 10000 }).notNull(),
    publisherId: integer()
      .notNull()
      .references(() => organizations.id),
    documentNumber: varchar({ length: 100 }),
    publishedOn: date({ mode: 'string' }).notNull(),
    /** The day by which the streets report back or act, when the notice sets one. */
    deadline: date({ mode: 'string' }),
  },
  (t) => [index().on(t.publishedOn), index().on(t.publisherId)],
);

/** A street or township a notice is addressed to; a notice with none goes to all of them. */
export const noticeRecipients = pgTable(
  'notice_recipients',
  {
    ...recordColumns(),
    noticeId: integer()
      .notNull()
      .references(() => notices.id),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [unique().on(t.noticeId, t.organizationId), index().on(t.organizationId)],
);

/** One account having read one notice (回执): written by the server when the notice is opened. */
export const noticeReceipts = pgTable(
  'notice_receipts',
  {
    ...recordColumns(),
    noticeId: integer()
      .notNull()
      .references(() => notices.id),
    userId: integer()
      .notNull()
      .references(() => users.id),
    readAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.noticeId, t.userId), index().on(t.userId)],
);
