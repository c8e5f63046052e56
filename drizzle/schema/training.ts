import { boolean, date, doublePrecision, index, integer, pgTable, unique, varchar } from 'drizzle-orm/pg-core';
import { labelledEnum, recordColumns } from './columns';
import { organizations } from './organizations';
import { staffMembers } from './hr';

export const trainingKind = labelledEnum(
  'training_kind',
  'TrainingKind',
  { zh: '培训类别', en: 'Training kind' },
  {
    PROFESSIONAL_LAW: { zh: '专业法律知识', en: 'Professional law' },
    GENERAL_LAW: { zh: '公共法律知识', en: 'General law' },
    INDUCTION: { zh: '初任培训', en: 'Induction' },
    CASE_BASED: { zh: '以案代训', en: 'Case-based' },
    ROADSHOW: { zh: '专业巡讲', en: 'Touring lectures' },
    COMPETITION: { zh: '大比武', en: 'Skills competition' },
    MILITARY_DRILL: { zh: '军事训练', en: 'Military drill' },
  },
);

export const trainingSessions = pgTable(
  'training_sessions',
  {
    ...recordColumns(),
    title: varchar({ length: 200 }).notNull(),
    kind: trainingKind().notNull(),
    organizerId: integer()
      .notNull()
      .references(() => organizations.id),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }),
    hours: doublePrecision().notNull(),
    // Days of training it gives; empty counts its calendar days (start to end, both included).
    days: doublePrecision(),
    location: varchar({ length: 200 }),
    note: varchar({ length: 1000 }),
  },
  (t) => [index().on(t.startsOn), index().on(t.organizerId)],
);

export const trainingAttendances = pgTable(
  'training_attendances',
  {
    ...recordColumns(),
    sessionId: integer()
      .notNull()
      .references(() => trainingSessions.id),
    staffMemberId: integer()
      .notNull()
      .references(() => staffMembers.id),
    hoursAttended: doublePrecision().notNull(),
    // Empty: the person attended every day the session gives.
    daysAttended: doublePrecision(),
    examScore: doublePrecision(),
    passed: boolean(),
    completionCertificate: varchar({ length: 50 }),
  },
  (t) => [unique().on(t.sessionId, t.staffMemberId), index().on(t.staffMemberId)],
);

// The streets, townships or other units a session served: where a roadshow lectured, whose case
// a case-based session guided, whose people a rotation trained.
export const trainingAudiences = pgTable(
  'training_audiences',
  {
    ...recordColumns(),
    sessionId: integer()
      .notNull()
      .references(() => trainingSessions.id),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
    note: varchar({ length: 1000 }),
  },
  (t) => [unique().on(t.sessionId, t.organizationId), index().on(t.organizationId)],
);
