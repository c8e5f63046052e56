import { date, index, integer, pgTable, unique, varchar } from 'drizzle-orm/pg-core';
import { labelledEnum, recordColumns } from './columns';
import { organizations } from './organizations';

export const inspectionKind = labelledEnum(
  'inspection_kind',
  'InspectionKind',
  { zh: '检查方式', en: 'Inspection kind' },
  {
    SUPERVISION: { zh: '督导', en: 'Supervision visit' },
    CASE_REVIEW: { zh: '案卷评查', en: 'Case-file review' },
    SPECIAL_RECTIFICATION: { zh: '专项整治', en: 'Special rectification' },
    RESIDENT: { zh: '进驻式监督', en: 'Resident supervision' },
    ACCOMPANYING: { zh: '伴随式监督', en: 'Accompanying supervision' },
    SELF_INSPECTION: { zh: '自查自纠', en: 'Self-inspection' },
  },
);

export const inspections = pgTable(
  'inspections',
  {
    ...recordColumns(),
    title: varchar({ length: 200 }).notNull(),
    kind: inspectionKind().notNull(),
    inspectingOrganizationId: integer()
      .notNull()
      .references(() => organizations.id),
    inspectedOrganizationId: integer()
      .notNull()
      .references(() => organizations.id),
    inspectedOn: date({ mode: 'string' }).notNull(),
    filesReviewed: integer(),
    filesExcellent: integer(),
    filesGood: integer(),
    filesPassed: integer(),
    filesFailed: integer(),
    note: varchar({ length: 1000 }),
  },
  (t) => [index().on(t.inspectedOrganizationId), index().on(t.inspectingOrganizationId)],
);

export const findingArea = labelledEnum(
  'finding_area',
  'FindingArea',
  { zh: '问题领域', en: 'Area' },
  {
    TEAM: { zh: '队伍管理', en: 'Team management' },
    SYSTEM: { zh: '体制改革', en: 'Structural reform' },
    CONDUCT: { zh: '执法规范', en: 'Enforcement conduct' },
    SUPPORT: { zh: '执法保障', en: 'Enforcement support' },
  },
);

export const findingSeverity = labelledEnum(
  'finding_severity',
  'FindingSeverity',
  { zh: '严重程度', en: 'Severity' },
  {
    MINOR: { zh: '一般', en: 'Minor' },
    MAJOR: { zh: '较重', en: 'Major' },
    SERIOUS: { zh: '严重', en: 'Serious' },
  },
);

export const findingStatus = labelledEnum(
  'finding_status',
  'FindingStatus',
  { zh: '整改状态', en: 'Rectification status' },
  {
    OPEN: { zh: '待整改', en: 'Open' },
    RECTIFYING: { zh: '整改中', en: 'Rectifying' },
    RECTIFIED: { zh: '已整改', en: 'Rectified' },
    VERIFIED: { zh: '已核验', en: 'Verified' },
  },
);

export const escalationLevel = labelledEnum(
  'escalation_level',
  'EscalationLevel',
  { zh: '督办措施', en: 'Escalation' },
  {
    NONE: { zh: '无', en: 'None' },
    NOTICE: { zh: '提醒函', en: 'Reminder notice' },
    CIRCULAR: { zh: '通报', en: 'Public circular' },
    INTERVIEW: { zh: '约谈', en: 'Interview' },
    FLAGGED: { zh: '挂牌督办', en: 'Flagged for supervision' },
    REFERRED: { zh: '移送纪委', en: 'Referred to discipline inspection' },
  },
);

export const findings = pgTable(
  'findings',
  {
    ...recordColumns(),
    inspectionId: integer()
      .notNull()
      .references(() => inspections.id),
    responsibleOrganizationId: integer()
      .notNull()
      .references(() => organizations.id),
    area: findingArea().notNull(),
    severity: findingSeverity().notNull().default('MINOR'),
    description: varchar({ length: 2000 }).notNull(),
    measures: varchar({ length: 2000 }),
    responsiblePerson: varchar({ length: 50 }),
    dueDate: date({ mode: 'string' }).notNull(),
    status: findingStatus().notNull().default('OPEN'),
    rectifiedOn: date({ mode: 'string' }),
    verifiedOn: date({ mode: 'string' }),
    sentBackCount: integer().notNull().default(0),
    lastSendBackReason: varchar({ length: 1000 }),
    escalation: escalationLevel().notNull().default('NONE'),
    escalatedOn: date({ mode: 'string' }),
  },
  (t) => [index().on(t.inspectionId), index().on(t.responsibleOrganizationId), index().on(t.status)],
);

export const findingEscalations = pgTable(
  'finding_escalations',
  {
    ...recordColumns(),
    findingId: integer()
      .notNull()
      .references(() => findings.id),
    level: escalationLevel().notNull(),
    escalatedOn: date({ mode: 'string' }).notNull(),
    note: varchar({ length: 1000 }).notNull(),
  },
  (t) => [index().on(t.findingId)],
);

export const caseReports = pgTable(
  'case_reports',
  {
    ...recordColumns(),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    casesDue: integer(),
    casesFiled: integer().notNull().default(0),
    casesClosed: integer().notNull().default(0),
    casesOverdue: integer().notNull().default(0),
    leaderAssignmentsUnfulfilled: integer().notNull().default(0),
    decisionsExecuted: integer().notNull().default(0),
    courtRefusals: integer().notNull().default(0),
    penalties: integer().notNull().default(0),
    unpenalized: integer().notNull().default(0),
    lawsuits: integer().notNull().default(0),
    totalCases: integer().notNull().default(0),
    judgments: integer().notNull().default(0),
    judgmentsWon: integer().notNull().default(0),
    countyLawsuits: integer().notNull().default(0),
    countyJudgments: integer().notNull().default(0),
    countyJudgmentsWon: integer().notNull().default(0),
    note: varchar({ length: 1000 }),
  },
  (t) => [unique().on(t.organizationId, t.periodStart, t.periodEnd)],
);
