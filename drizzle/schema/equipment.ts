import { date, index, integer, pgTable, unique, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { labelledEnum, recordColumns } from './columns';
import { organizations } from './organizations';
import { staffMembers } from './hr';

export const equipmentKind = labelledEnum(
  'equipment_kind',
  'EquipmentKind',
  { zh: '装备类别', en: 'Equipment kind' },
  {
    BODY_CAMERA: { zh: '执法记录仪', en: 'Body camera' },
    VEHICLE: { zh: '执法车辆', en: 'Enforcement vehicle' },
    RADIO: { zh: '对讲机', en: 'Two-way radio' },
    CAMERA: { zh: '照相机', en: 'Camera' },
    DOCUMENT_CAMERA: { zh: '高拍仪', en: 'Document camera' },
    MOBILE_TERMINAL: { zh: '执法终端', en: 'Mobile enforcement terminal' },
    OTHER: { zh: '其他装备', en: 'Other' },
  },
);

export const equipmentStatus = labelledEnum(
  'equipment_status',
  'EquipmentStatus',
  { zh: '装备状态', en: 'Equipment status' },
  {
    IN_SERVICE: { zh: '在用', en: 'In service' },
    UNDER_REPAIR: { zh: '维修中', en: 'Under repair' },
    RETIRED: { zh: '已报废', en: 'Retired' },
    LOST: { zh: '已遗失', en: 'Lost' },
  },
);

export const equipmentItems = pgTable(
  'equipment_items',
  {
    ...recordColumns(),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
    kind: equipmentKind().notNull(),
    number: varchar({ length: 50 }).notNull(),
    model: varchar({ length: 100 }),
    status: equipmentStatus().notNull().default('IN_SERVICE'),
    acquiredOn: date({ mode: 'string' }).notNull(),
    retiredOn: date({ mode: 'string' }),
    note: varchar({ length: 1000 }),
  },
  (t) => [unique().on(t.organizationId, t.number), index().on(t.kind)],
);

export const gridLevel = labelledEnum(
  'grid_level',
  'GridLevel',
  { zh: '网格层级', en: 'Grid level' },
  {
    LEVEL_1: { zh: '一级网格', en: 'Level 1' },
    LEVEL_2: { zh: '二级网格', en: 'Level 2' },
    LEVEL_3: { zh: '三级网格', en: 'Level 3' },
    LEVEL_4: { zh: '四级网格', en: 'Level 4' },
  },
);

export const patrolGrids = pgTable(
  'patrol_grids',
  {
    ...recordColumns(),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
    name: varchar({ length: 100 }).notNull(),
    level: gridLevel().notNull(),
    parentId: integer().references((): AnyPgColumn => patrolGrids.id),
    area: varchar({ length: 1000 }),
    responsiblePerson: varchar({ length: 50 }),
    responsibleTitle: varchar({ length: 50 }),
    // When the responsible person is a member of the enforcement team (三级网格: 综合执法队员).
    staffMemberId: integer().references(() => staffMembers.id),
    mobile: varchar({ length: 20 }),
    note: varchar({ length: 1000 }),
  },
  (t) => [unique().on(t.organizationId, t.name), index().on(t.parentId)],
);
