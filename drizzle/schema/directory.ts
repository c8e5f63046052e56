import { date, index, integer, pgTable, unique, varchar } from 'drizzle-orm/pg-core';
import { labelledEnum, recordColumns } from './columns';
import { organizations } from './organizations';
import { powerItems } from './catalog';

export const responsibilityKind = labelledEnum(
  'responsibility_kind',
  'ResponsibilityKind',
  { zh: '清单类别', en: 'Entry kind' },
  {
    TASK: { zh: '任务清单', en: 'Task' },
    RESPONSIBILITY: { zh: '责任清单', en: 'Responsibility' },
    PROCESS: { zh: '流程清单', en: 'Process' },
    STANDARD: { zh: '标准清单', en: 'Standard' },
  },
);

export const responsibilityEntries = pgTable(
  'responsibility_entries',
  {
    ...recordColumns(),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
    powerItemId: integer().references(() => powerItems.id),
    kind: responsibilityKind().notNull(),
    responsibility: varchar({ length: 2000 }).notNull(),
    accountability: varchar({ length: 2000 }),
    boundaryNote: varchar({ length: 2000 }),
  },
  (t) => [index().on(t.organizationId), index().on(t.powerItemId)],
);

export const liaisonRole = labelledEnum(
  'liaison_role',
  'LiaisonRole',
  { zh: '联络角色', en: 'Liaison role' },
  {
    LIAISON: { zh: '联络员', en: 'Liaison officer' },
    LEGAL_OFFICER: { zh: '法制员', en: 'Legal officer' },
    SUPERVISOR: { zh: '执法监督员', en: 'Enforcement supervisor' },
    GUIDANCE_LEAD: { zh: '指导负责人', en: 'Guidance lead' },
  },
);

export const liaisonContacts = pgTable(
  'liaison_contacts',
  {
    ...recordColumns(),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
    counterpartId: integer()
      .notNull()
      .references(() => organizations.id),
    personName: varchar({ length: 50 }).notNull(),
    role: liaisonRole().notNull(),
    title: varchar({ length: 50 }),
    officePhone: varchar({ length: 30 }),
    mobile: varchar({ length: 20 }),
    activeFrom: date({ mode: 'string' }).notNull(),
    activeTo: date({ mode: 'string' }),
  },
  (t) => [index().on(t.organizationId), index().on(t.counterpartId)],
);

export const guidanceAssignments = pgTable(
  'guidance_assignments',
  {
    ...recordColumns(),
    departmentId: integer()
      .notNull()
      .references(() => organizations.id),
    townshipId: integer()
      .notNull()
      .references(() => organizations.id),
    leadContactId: integer().references(() => liaisonContacts.id),
    since: date({ mode: 'string' }),
    note: varchar({ length: 1000 }),
  },
  (t) => [unique().on(t.departmentId, t.townshipId), index().on(t.townshipId), index().on(t.leadContactId)],
);
