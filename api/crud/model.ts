import pluralize from 'pluralize';
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { enumDefinitions, type EnumDefinition, type Label } from '../../drizzle/schema/columns';
import type { FieldMeta, ResourceDefinition, Text } from './resource';

export type FieldKind =
  | 'id'
  | 'reference'
  | 'int'
  | 'float'
  | 'string'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'enumList'
  /** A list of texts, stored as a JSON array (a token's scopes). */
  | 'stringList'
  /** A computed fraction (0.25 = 25%), typed `Ratio` so clients can show it as a percentage. */
  | 'ratio';

export interface FieldModel {
  key: string;
  column: PgColumn;
  kind: FieldKind;
  label: Label;
  help?: Label;
  description: string;
  /** A long text: entered in several lines. */
  multiline: boolean;
  /** Set on creation, not in an edit form (see FieldMeta.ui). */
  fixedAfterCreate: boolean;
  nullable: boolean;
  /** Must be given on create: NOT NULL without a default. */
  required: boolean;
  /** Not settable by create/update: id, version, timestamps and read-only fields. */
  writable: boolean;
  maxLength?: number;
  enumDef?: EnumDefinition;
  /** Identifies a person; masked for tokens without the personal-data scope. */
  personal: boolean;
  /** Bounds of a number, both inclusive. */
  min?: number;
  max?: number;
  /** For references: the object field name (`recipientId` → `recipient`) and the target table. */
  objectField?: string;
  targetTable?: PgTable;
}

/** A read-only field the database computes (see `ComputedField`). */
export interface ComputedModel {
  key: string;
  kind: 'boolean' | 'int' | 'float' | 'ratio' | 'enum';
  enumDef?: EnumDefinition;
  label: Label;
  description: string;
  nullable: boolean;
  /** The column it is listed after, if any. */
  beside?: string;
  expression: () => SQL;
}

export interface ResourceModel {
  definition: ResourceDefinition;
  name: string;
  plural: string;
  label: Label;
  table: PgTable;
  fields: FieldModel[];
  byKey: Map<string, FieldModel>;
  computed: ComputedModel[];
  computedByKey: Map<string, ComputedModel>;
  /** The field that names a record (`ui.title`, else `id`). */
  titleField: string;
  /** The fields that together name a record (`ui.display`, else the title). */
  display: string[];
  /** Groups of fields whose combined values must be unique (single-column unique included). */
  uniqueGroups: string[][];
  /** Filled in once every model exists: other resources' fields that point at this one. */
  incoming: { model: ResourceModel; field: FieldModel }[];
}

const SYSTEM_FIELDS: Record<string, FieldMeta> = {
  id: { label: { zh: '编号', en: 'ID' }, help: { zh: '由系统自动分配的编号。', en: 'Identifier assigned by the server.' } },
  version: {
    label: { zh: '版本', en: 'Version' },
    help: {
      zh: '修改计数；更新时原样回传，过时的修改将被拒绝，不会覆盖较新的数据。',
      en: 'Edit counter; send it back with an update so a stale edit is refused instead of overwriting a newer one.',
    },
  },
  createdAt: { label: { zh: '创建时间', en: 'Created at' } },
  updatedAt: { label: { zh: '更新时间', en: 'Updated at' } },
};

/** A text column this long or longer is entered in several lines. */
const LONG_TEXT = 500;

/** A record id as the client sent it (GraphQL IDs arrive as strings), or null when it cannot be one. */
export function parseId(value: unknown): number | null {
  const s = String(value);
  return /^\d{1,10}$/.test(s) && Number(s) <= 2147483647 ? Number(s) : null;
}

/**
 * The description emitted into the schema, parsed back by the admin's code generator: the line
 * `中文 (English)`, then, separated by blank lines, the help text in Chinese and in English.
 */
export function describe(label: Label, help?: Text): string {
  const parts = [`${label.zh} (${label.en})`];
  if (typeof help === 'string') parts.push(help);
  else if (help) parts.push(help.zh, help.en);
  return parts.join('\n\n');
}

function kindOf(column: PgColumn, isReference: boolean): FieldKind {
  if (column.primary) return 'id';
  if (isReference) return 'reference';
  switch (column.columnType) {
    case 'PgInteger':
    case 'PgSmallInt':
    case 'PgSerial':
      return 'int';
    case 'PgDoublePrecision':
    case 'PgReal':
    case 'PgNumeric':
      return 'float';
    case 'PgVarchar':
    case 'PgText':
    case 'PgChar':
      return 'string';
    case 'PgBoolean':
      return 'boolean';
    case 'PgDateString':
    case 'PgDate':
      return 'date';
    case 'PgTimestamp':
    case 'PgTimestampString':
      return 'datetime';
    case 'PgEnumColumn':
      return 'enum';
    // A JSON column a record shows holds a list of texts; other JSON (a password history) is hidden.
    case 'PgJsonb':
      return 'stringList';
    case 'PgArray': {
      const base = (column as unknown as { baseColumn: PgColumn }).baseColumn;
      if (base.columnType === 'PgEnumColumn') return 'enumList';
      break;
    }
  }
  throw new Error(`Column type ${column.columnType} of ${column.name} has no GraphQL mapping yet`);
}

function enumOf(column: PgColumn): EnumDefinition | undefined {
  const col = column.columnType === 'PgArray' ? (column as unknown as { baseColumn: PgColumn }).baseColumn : column;
  const pgName = (col as unknown as { enum?: { enumName: string } }).enum?.enumName;
  if (!pgName) return undefined;
  const def = enumDefinitions.get(pgName);
  if (!def) throw new Error(`Enum ${pgName} was not declared with labelledEnum()`);
  return def;
}

function buildModel(definition: ResourceDefinition): ResourceModel {
  const { table } = definition;
  const config = getTableConfig(table);
  const references = new Map<string, PgTable>();
  for (const fk of config.foreignKeys) {
    const ref = fk.reference();
    if (ref.columns.length === 1) references.set(ref.columns[0].name, ref.foreignTable);
  }
  const fields: FieldModel[] = [];
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const system = SYSTEM_FIELDS[key];
    const meta = system ?? definition.fields[key];
    if (!meta) throw new Error(`${definition.name}.${key} has no label: add it to the resource's fields`);
    if (meta.hidden) continue;
    const targetTable = references.get(column.name);
    const kind = kindOf(column, Boolean(targetTable));
    const writable = !system && !meta.readOnly;
    fields.push({
      key,
      column,
      kind,
      label: meta.label,
      help: typeof meta.help === 'string' ? { zh: meta.help, en: meta.help } : meta.help,
      description: describe(meta.label, meta.help),
      multiline: meta.ui?.multiline ?? (kind === 'string' && ((column as unknown as { length?: number }).length ?? 0) >= LONG_TEXT),
      fixedAfterCreate: Boolean(meta.ui?.fixedAfterCreate),
      nullable: !column.notNull,
      required: writable && column.notNull && !column.hasDefault,
      writable,
      personal: Boolean(meta.personal),
      min: meta.min,
      max: meta.max,
      maxLength: column.columnType === 'PgVarchar' ? (column as unknown as { length?: number }).length : undefined,
      enumDef: kind === 'enum' || kind === 'enumList' ? enumOf(column) : undefined,
      objectField: targetTable ? key.replace(/Id$/, '') : undefined,
      targetTable,
    });
  }
  const computed: ComputedModel[] = Object.entries(definition.computed ?? {}).map(([key, c]) => {
    if (fields.some((f) => f.key === key)) throw new Error(`${definition.name}.${key} is both a column and computed`);
    if (c.beside && !fields.some((f) => f.key === c.beside)) throw new Error(`${definition.name}.${key} is beside ${c.beside}, which is not a column`);
    if ((c.type === 'enum') !== Boolean(c.enum)) throw new Error(`${definition.name}.${key}: an enum field names its values, and only an enum field`);
    return {
      key,
      kind: c.type,
      enumDef: c.enum,
      label: c.label,
      description: describe(c.label, c.help),
      nullable: c.nullable ?? false,
      beside: c.beside,
      expression: c.sql,
    };
  });
  const known = new Set([...fields.map((f) => f.key), ...computed.map((c) => c.key)]);
  const { title, display = [], listColumns = [] } = definition.ui;
  // A list may also show a field the record's resolvers work out (whether I have read a notice).
  const shown = new Set([...known, ...Object.keys(definition.resolvedFields ?? {})]);
  for (const key of [...(title ? [title] : []), ...display]) {
    if (!known.has(key)) throw new Error(`${definition.name}.ui names ${key}, which is not a field`);
  }
  for (const key of listColumns) {
    if (!shown.has(key)) throw new Error(`${definition.name}.ui names ${key}, which is not a field`);
  }
  for (const key of Object.keys(definition.fields)) {
    if (!(key in getTableColumns(table))) throw new Error(`${definition.name}.fields.${key} is not a column`);
  }
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const keyOfColumn = (c: PgColumn) => fields.find((f) => f.column.name === c.name)!.key;
  const uniqueGroups = [
    ...fields.filter((f) => f.column.isUnique).map((f) => [f.key]),
    ...config.uniqueConstraints.map((u) => u.columns.map(keyOfColumn)),
  ];
  const plural = pluralize(definition.name);
  if (plural === definition.name) {
    throw new Error(`${definition.name} pluralizes to itself; react-admin could not tell allXs from X`);
  }
  return {
    definition,
    name: definition.name,
    plural,
    label: definition.label,
    table,
    fields,
    byKey,
    computed,
    computedByKey: new Map(computed.map((c) => [c.key, c])),
    titleField: definition.ui.title ?? 'id',
    display: definition.ui.display ?? [definition.ui.title ?? 'id'],
    uniqueGroups,
    incoming: [],
  };
}

/** Builds the models of all resources and links references between them. */
export function buildModels(definitions: ResourceDefinition[]): ResourceModel[] {
  const models = definitions.map(buildModel);
  const byTable = new Map(models.map((m) => [getTableName(m.table), m]));
  for (const model of models) {
    for (const field of model.fields) {
      if (field.kind !== 'reference') continue;
      const target = byTable.get(getTableName(field.targetTable!));
      if (!target) throw new Error(`${model.name}.${field.key} points at a table that is not a resource`);
      target.incoming.push({ model, field });
    }
  }
  return models;
}

export function targetOf(models: ResourceModel[], field: FieldModel): ResourceModel {
  const name = getTableName(field.targetTable!);
  return models.find((m) => getTableName(m.table) === name)!;
}

/** The SQL a filter or a sort refers to for a field: its column, or its computed expression. */
export function operandOf(model: ResourceModel, key: string): { kind: FieldKind; nullable: boolean; label: Label; sql: PgColumn | SQL; field?: FieldModel } | undefined {
  const field = model.byKey.get(key);
  if (field) return { kind: field.kind, nullable: field.nullable, label: field.label, sql: field.column, field };
  const c = model.computedByKey.get(key);
  return c && { kind: c.kind, nullable: c.nullable, label: c.label, sql: c.expression() };
}

/** What a read selects: every column, plus each computed field decoded to a JS value. */
export function selectionOf(model: ResourceModel): Record<string, PgColumn | SQL> {
  // A copy: drizzle hands out the table's own column map.
  const out: Record<string, PgColumn | SQL> = { ...getTableColumns(model.table) };
  for (const c of model.computed) {
    // Wrapped once more: in a one-table select drizzle strips the table name from columns at the top
    // level of a selected expression, which would make `postings.id = staff_members.id` ambiguous.
    const expr = sql`${c.expression()}`;
    out[c.key] = c.kind === 'boolean' ? expr.mapWith(Boolean) : c.kind === 'enum' ? expr.mapWith(String) : expr.mapWith(Number);
  }
  return out;
}
