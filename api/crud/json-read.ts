import { compiledKey } from './compiled-key';
import { getTableName, sql, type SQL } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../auth/actor';
import { readScope } from './authorize';
import { targetOf, type ComputedModel, type FieldModel, type ResourceModel } from './model';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { wantedOf, type Wanted } from './selection';

// One SQL statement per root field. A read is compiled from what the query asks: the record's
// requested columns and computed fields, and each requested reference as a correlated subquery
// that builds its object in PostgreSQL, to any depth. The database answers one JSON value per
// row; no loader runs for what the statement already holds. A reference the statement cannot hold
// (see `nestable`) is left to the batch loaders, as before.

/** One object of the answer: a record and what is read of it. */
interface Level {
  model: ResourceModel;
  /** The name its table goes by in the statement: the table's own, or an alias under itself. */
  alias: string | null;
  columns: FieldModel[];
  computed: ComputedModel[];
  references: { field: FieldModel; level: Level }[];
  /** Keys holding timestamps: JSON carries them as text. */
  instants: string[];
}

/** Functions take at most 100 arguments: a wider object is built in parts. */
const PAIRS_PER_CALL = 50;

/** The column's name in the database (the schema is written in camelCase, stored in snake_case). */
function stored(column: PgColumn): string {
  return column.keyAsName ? toSnakeCase(column.name) : column.name;
}

function column(level: Level, field: FieldModel): SQL {
  return level.alias ? sql`${sql.identifier(level.alias)}.${sql.identifier(stored(field.column))}` : sql`${field.column}`;
}

/**
 * A reference is read in the statement unless its table is already one of the enclosing ones
 * (an organization's parent) and it needs the table's own name: computed fields and read limits
 * are written against it, and under an alias they would read the enclosing row.
 */
function nestable(target: ResourceModel, wanted: Wanted, tables: string[], actor: Actor | undefined): boolean {
  if (!tables.includes(getTableName(target.table))) return true;
  const computedAsked = [...wanted.fields.keys()].some((k) => target.computedByKey.has(k)) || needsWholeRow(target, wanted);
  return !computedAsked && !readScope(actor, target);
}

/** A field the model does not know (a domain resolver's, a nested list) may need any column. */
function needsWholeRow(model: ResourceModel, wanted: Wanted): boolean {
  for (const key of wanted.fields.keys()) {
    if (key === '__typename' || model.byKey.has(key) || model.computedByKey.has(key)) continue;
    const reference = model.fields.find((f) => f.objectField === key);
    if (!reference || wanted.withArgs.has(key)) return true;
  }
  return false;
}

function planLevel(models: ResourceModel[], model: ResourceModel, wanted: Wanted, tables: string[], alias: string | null, actor: Actor | undefined): Level {
  const whole = needsWholeRow(model, wanted);
  const level: Level = { model, alias, columns: [], computed: [], references: [], instants: [] };
  const keys = new Set<string>(['id']);
  const inner = [...tables, getTableName(model.table)];
  for (const field of model.fields) {
    if (whole || wanted.fields.has(field.key)) keys.add(field.key);
    if (field.kind !== 'reference' || !wanted.fields.has(field.objectField!)) continue;
    // The key is read in any case: a loader resolves the reference when the statement cannot.
    keys.add(field.key);
    const asked = wanted.fields.get(field.objectField!);
    const target = targetOf(models, field);
    if (!asked || !nestable(target, asked, inner, actor)) continue;
    const nestedAlias = inner.includes(getTableName(target.table)) ? `${field.objectField}_${inner.length}` : null;
    level.references.push({ field, level: planLevel(models, target, asked, inner, nestedAlias, actor) });
  }
  level.columns = model.fields.filter((f) => keys.has(f.key));
  level.instants = level.columns.filter((f) => f.kind === 'datetime').map((f) => f.key);
  level.computed = model.computed.filter((c) => whole || wanted.fields.has(c.key));
  return level;
}

/** The object of one row of a level, built by PostgreSQL. */
function objectOf(level: Level, actor: Actor | undefined): SQL {
  const pairs: SQL[] = [
    ...level.columns.map((f) => sql`${sql.raw(`'${f.key}'`)}, ${column(level, f)}`),
    ...level.computed.map((c) => sql`${sql.raw(`'${c.key}'`)}, (${c.expression()})`),
    ...level.references.map(({ field, level: nested }) => sql`${sql.raw(`'${field.objectField}'`)}, ${referenceOf(level, field, nested, actor)}`),
  ];
  const calls: SQL[] = [];
  for (let i = 0; i < pairs.length; i += PAIRS_PER_CALL) calls.push(sql`jsonb_build_object(${sql.join(pairs.slice(i, i + PAIRS_PER_CALL), sql`, `)})`);
  if (calls.length === 1) return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
  return sql`(${sql.join(calls, sql` || `)})::json`;
}

/** The referenced record's object, or null when there is none or the actor may not read it. */
function referenceOf(parent: Level, field: FieldModel, level: Level, actor: Actor | undefined): SQL {
  const table = level.alias ? sql`${level.model.table} as ${sql.identifier(level.alias)}` : sql`${level.model.table}`;
  const id = column(level, level.model.byKey.get('id')!);
  const scope = readScope(actor, level.model);
  return sql`(select ${objectOf(level, actor)} from ${table} where ${id} = ${column(parent, field)}${scope ? sql` and ${scope}` : sql``})`;
}

/** Turns a row's JSON back into the values the rest of the server reads (timestamps as Dates). */
function decode(level: Level, row: Record<string, unknown>): Record<string, unknown> {
  for (const key of level.instants) if (typeof row[key] === 'string') row[key] = new Date(row[key] as string);
  for (const { field, level: nested } of level.references) {
    const value = row[field.objectField!];
    if (value) decode(nested, value as Record<string, unknown>);
  }
  return row;
}

export interface JsonRead {
  /** The select list: one JSON object per row, named `r`. */
  select: SQL;
  decode(row: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Compiled reads, kept per query document and actor: a document the server has seen is parsed
 * once by Apollo and keeps its field nodes, so a repeated query reuses its compiled select list.
 */
const cache = new WeakMap<object, Map<string, JsonRead>>();
const PER_DOCUMENT = 64;


/** The select list answering `wanted` for rows of `model`, as `actor` may read them. */
export function jsonRead(models: ResourceModel[], model: ResourceModel, wanted: Wanted, actor: Actor | undefined, cacheKey?: object): JsonRead {
  const perActor = cacheKey ? cache.get(cacheKey) : undefined;
  const known = perActor?.get(compiledKey(actor));
  if (known) return known;
  const level = planLevel(models, model, wanted, [], null, actor);
  const read: JsonRead = { select: sql`${objectOf(level, actor)} as r`, decode: (row) => decode(level, row) };
  if (cacheKey) {
    const map = perActor ?? new Map<string, JsonRead>();
    if (map.size >= PER_DOCUMENT) map.clear();
    map.set(compiledKey(actor), read);
    if (!perActor) cache.set(cacheKey, map);
  }
  return read;
}

/** The select list for what one field of a query asks of `model`, as the request's actor may read it. */
export function readOf(ctx: Context, model: ResourceModel, info: GraphQLResolveInfo): JsonRead {
  return jsonRead(ctx.records.models, model, wantedOf(info), ctx.actor, info.fieldNodes[0]);
}
