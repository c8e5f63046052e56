import { index, integer, pgTable, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { labelledEnum, recordColumns } from './columns';

export const organizationKind = labelledEnum(
  'organization_kind',
  'OrganizationKind',
  { zh: '机构类别', en: 'Organization kind' },
  {
    STREET: { zh: '街道', en: 'Street (subdistrict)' },
    TOWNSHIP: { zh: '乡镇', en: 'Township' },
    DEPARTMENT: { zh: '县直部门', en: 'County department' },
    VERTICAL_UNIT: { zh: '垂管单位', en: 'Vertically managed unit' },
    OTHER: { zh: '其他', en: 'Other' },
  },
);

export const organizations = pgTable(
  'organizations',
  {
    ...recordColumns(),
    name: varchar({ length: 100 }).notNull(),
    kind: organizationKind().notNull(),
    parentId: integer().references((): AnyPgColumn => organizations.id),
    region: varchar({ length: 50 }),
    code: varchar({ length: 32 }).unique(),
    shortName: varchar({ length: 50 }),
  },
  (t) => [index().on(t.parentId), index().on(t.kind), index().on(t.shortName)],
);
