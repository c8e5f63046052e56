import { date, index, integer, pgTable, timestamp, unique, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { labelledEnum, recordColumns } from './columns';
import { organizations } from './organizations';

export const enforcementDomains = pgTable('enforcement_domains', {
  ...recordColumns(),
  code: varchar({ length: 32 }).notNull().unique(),
  name: varchar({ length: 50 }).notNull().unique(),
  description: varchar({ length: 500 }),
});

// The ten shared item-type codes 01–10 used by provincial catalogs.
export const powerCategory = labelledEnum(
  'power_category',
  'PowerCategory',
  { zh: '事项类型', en: 'Power category' },
  {
    LICENSING: { zh: '行政许可', en: 'Licensing' },
    PENALTY: { zh: '行政处罚', en: 'Penalty' },
    COERCION: { zh: '行政强制', en: 'Coercive measure' },
    LEVY: { zh: '行政征收', en: 'Levy' },
    PAYMENT: { zh: '行政给付', en: 'Payment' },
    INSPECTION: { zh: '行政检查', en: 'Inspection' },
    CONFIRMATION: { zh: '行政确认', en: 'Confirmation' },
    REWARD: { zh: '行政奖励', en: 'Reward' },
    ADJUDICATION: { zh: '行政裁决', en: 'Adjudication' },
    OTHER: { zh: '其他行政权力', en: 'Other power' },
  },
);

// The kinds of administrative penalty of 行政处罚法 art. 9.
export const penaltyKind = labelledEnum(
  'penalty_kind',
  'PenaltyKind',
  { zh: '处罚种类', en: 'Penalty kind' },
  {
    WARNING: { zh: '警告、通报批评', en: 'Warning, public criticism' },
    FINE: { zh: '罚款', en: 'Fine' },
    CONFISCATION: { zh: '没收违法所得、没收非法财物', en: 'Confiscation' },
    PERMIT_SUSPENSION: { zh: '暂扣许可证件、降低资质等级', en: 'Permit suspension or downgrade' },
    PERMIT_REVOCATION: { zh: '吊销许可证件', en: 'Permit revocation' },
    BUSINESS_RESTRICTION: { zh: '限制开展生产经营活动、责令停产停业、责令关闭、限制从业', en: 'Business restriction or closure' },
    DETENTION: { zh: '行政拘留', en: 'Administrative detention' },
    OTHER: { zh: '其他行政处罚', en: 'Other penalty' },
  },
);

export const powerItems = pgTable(
  'power_items',
  {
    ...recordColumns(),
    codeScheme: varchar({ length: 50 }).notNull(),
    code: varchar({ length: 64 }).notNull(),
    name: varchar({ length: 300 }).notNull(),
    parentId: integer().references((): AnyPgColumn => powerItems.id),
    category: powerCategory().notNull(),
    domainId: integer()
      .notNull()
      .references(() => enforcementDomains.id),
    sourceDepartmentId: integer()
      .notNull()
      .references(() => organizations.id),
    settingBasis: varchar({ length: 4000 }).notNull(),
    implementationBasis: varchar({ length: 4000 }),
    penaltyKinds: penaltyKind()
      .array()
      .notNull()
      .default([]),
    description: varchar({ length: 2000 }),
  },
  (t) => [
    unique().on(t.codeScheme, t.code),
    index().on(t.parentId),
    index().on(t.domainId),
    index().on(t.sourceDepartmentId),
    // Trigram indexes serve `q` (ilike '%…%' on each searched column): any part of a name, code or legal basis.
    index('power_items_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
    index('power_items_code_trgm').using('gin', t.code.op('gin_trgm_ops')),
    index('power_items_setting_basis_trgm').using('gin', t.settingBasis.op('gin_trgm_ops')),
  ],
);

export const catalogStatus = labelledEnum(
  'catalog_status',
  'CatalogStatus',
  { zh: '目录状态', en: 'Catalog status' },
  {
    DRAFT: { zh: '草稿', en: 'Draft' },
    PUBLISHED: { zh: '已发布', en: 'Published' },
    SUPERSEDED: { zh: '已废止', en: 'Superseded' },
  },
);

export const delegationCatalogs = pgTable(
  'delegation_catalogs',
  {
    ...recordColumns(),
    title: varchar({ length: 200 }).notNull(),
    documentNumber: varchar({ length: 100 }).unique(),
    issuingOrganizationId: integer()
      .notNull()
      .references(() => organizations.id),
    issuedOn: date({ mode: 'string' }),
    effectiveFrom: date({ mode: 'string' }).notNull(),
    status: catalogStatus().notNull().default('DRAFT'),
    supersedesId: integer()
      .unique()
      .references((): AnyPgColumn => delegationCatalogs.id),
    publishedAt: timestamp({ withTimezone: true, mode: 'date' }),
    note: varchar({ length: 2000 }),
  },
  (t) => [index().on(t.issuingOrganizationId), index().on(t.status)],
);

export const delegationMode = labelledEnum(
  'delegation_mode',
  'DelegationMode',
  { zh: '赋权方式', en: 'Delegation mode' },
  {
    ENTRUSTED: { zh: '委托', en: "Entrusted (acts in the department's name)" },
    GRANTED: { zh: '交由（赋权）', en: 'Granted under Art. 24 (acts in its own name)' },
    DEVOLVED: { zh: '下放', en: 'Devolved' },
    STATIONED: { zh: '派驻', en: "Stationed (department staff under the street's direction)" },
  },
);

export const delegationScope = labelledEnum(
  'delegation_scope',
  'DelegationScope',
  { zh: '划转范围', en: 'Scope' },
  {
    ALL: { zh: '全部', en: 'All' },
    PART: { zh: '部分', en: 'Part' },
  },
);

export const delegations = pgTable(
  'delegations',
  {
    ...recordColumns(),
    catalogId: integer()
      .notNull()
      .references(() => delegationCatalogs.id),
    powerItemId: integer()
      .notNull()
      .references(() => powerItems.id),
    recipientId: integer()
      .notNull()
      .references(() => organizations.id),
    delegatingOrganizationId: integer()
      .notNull()
      .references(() => organizations.id),
    mode: delegationMode().notNull(),
    scope: delegationScope().notNull().default('ALL'),
    scopeNote: varchar({ length: 1000 }),
    effectiveFrom: date({ mode: 'string' }).notNull(),
    effectiveTo: date({ mode: 'string' }),
    confirmationNumber: varchar({ length: 100 }),
    confirmationSignedOn: date({ mode: 'string' }),
    note: varchar({ length: 1000 }),
  },
  (t) => [
    unique().on(t.catalogId, t.powerItemId, t.recipientId),
    index().on(t.powerItemId),
    index().on(t.recipientId, t.effectiveFrom),
    // What a street holds, in the order delegationsAsOf pages it (power item, then id): a page of
    // 100 reads about 100 entries of the index instead of sorting every delegation the street ever held.
    index().on(t.recipientId, t.powerItemId, t.id),
    index().on(t.delegatingOrganizationId),
  ],
);
