import { and, eq, getTableName, sql, type SQL } from 'drizzle-orm';
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  BREAK,
  visit,
} from 'graphql';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../auth/actor';
import { compiledKey } from './compiled-key';
import { dialect, keptStatement, statementStore, type CompiledStatement } from './compiled-statements';
import { readScope } from './authorize';
import { filterToWhere, paging, type ListParams } from './filter-to-where';
import { MAX_PER_PAGE, NESTED_PER_PAGE } from './list-metadata';
import { parseId, targetOf, type ComputedModel, type FieldModel, type ResourceModel } from './model';
import { relationsOf, type Relation } from './relations';
import type { NamedList } from './resource';

// The compiled fast path of a read. A query made only of the grammar's reads (`X(id)`, `allXs`,
// `_allXsMeta`, the preset lists) and the domain lists a definition declares (`lists`:
// `delegationsAsOf` and its count), asking only columns, computed fields, references, reverse
// relations and their counts (with arguments written in the document) and `__typename`, is
// answered by ONE statement in which PostgreSQL builds the whole `data` object:
// response keys in the order graphql-js would write them, values serialized as the schema's scalars
// serialize them (ids as text, instants as ISO text in UTC with milliseconds), personal fields
// masked for a token without the personal-data scope. graphql-js does not execute it.
//
// The read guard's decisions (api/read-guard.ts) depend only on the actor's kind and scopes and on
// the fields asked, so they are taken here, while compiling: whatever it would refuse, and
// whatever this compiler does not know how to build (directives, fragments on other types, a
// reverse relation's arguments from variables, other domain operations, introspection, variables
// that do not coerce, a bad page or filter), makes `compileResponse` answer undefined, and the request goes through graphql-js as
// before, errors and all. test/api/compiled-reads.test.ts runs documents through both paths.

/** Each response key of a selection set with the field nodes that write it, in graphql-js's order. */
function collect(type: GraphQLObjectType, sets: readonly SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>, into = new Map<string, FieldNode[]>()): Map<string, FieldNode[]> | undefined {
  for (const set of sets) {
    for (const selection of set.selections) {
      if (selection.directives?.length) return undefined;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const nodes = into.get(key);
        if (nodes) nodes.push(selection);
        else into.set(key, [selection]);
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
      if (!fragment || fragment.directives?.length) return undefined;
      // Only fragments on the object's own type: an interface or union condition needs graphql's type checks.
      if (fragment.typeCondition && fragment.typeCondition.name.value !== type.name) return undefined;
      if (!collect(type, [fragment.selectionSet], fragments, into)) return undefined;
    }
  }
  return into;
}

/** 王小明 → 王**; 13812345678 → 138******78, as `mask` in api/read-guard.ts (JavaScript's `\s` spelled out). */
const JS_SPACE = String.raw`\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;
function masked(value: SQL): SQL {
  return sql`(select case when v is null or v = '' then v when v ~ ${sql.raw(`'^[0-9${JS_SPACE}+-]{7,}$'`)} then left(v, 3) || repeat('*', greatest(length(v) - 5, 1)) || right(v, 2) else left(v, 1) || repeat('*', length(v) - 1) end from (select (${value})::text as v) as m)`;
}

/** A value as the field's GraphQL type serializes it, or undefined when this compiler does not know the type. */
function serialized(type: GraphQLOutputType, kind: string, value: SQL): SQL | undefined {
  const named = getNamedType(type);
  if (isListType(getNullableType(type))) {
    if (kind === 'enumList' && isEnumType(named)) return value;
    // A JSON array of texts (a token's scopes), written only through validated input: as stored.
    if (kind === 'stringList' && named.name === 'String') return sql`(${value})::json`;
    return undefined;
  }
  if (isEnumType(named)) return value;
  if (!isScalarType(named)) return undefined;
  switch (named.name) {
    case 'ID':
      return sql`(${value})::text`;
    case 'String':
    case 'Int':
    case 'Boolean':
    case 'LocalDate':
      return value;
    case 'Float':
    case 'Ratio':
      return sql`(${value})::float8`;
    case 'DateTimeISO':
      return sql`to_char((${value}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    default:
      return undefined;
  }
}

/** A type name in the statement's text (names are GraphQL names: letters, digits and _). */
function literal(name: string): SQL {
  return sql.raw(`'${name.replace(/'/g, "''")}'::text`);
}

/**
 * A record object: the JSON of one row of a table (`object`), and the lateral joins its references
 * read through (`joins`, written after the row's table in the FROM that reads it; empty without
 * references).
 *
 * A reference is a LEFT JOIN LATERAL of a subquery reading the referenced row rather than a
 * correlated scalar subquery in the object: PostgreSQL pulls such a subquery up into the join tree,
 * so it plans the references of a page as joins (index lookups, a memoized small table) instead of
 * running one subplan per row and reference. On the bench county a page of 100 delegations with
 * three references cost the database half as much. Inside the subquery the referenced table keeps
 * its own name, so read limits and computed fields written against it still apply (a table already
 * read above it, an organization's parent, is read under another name, without them:
 * `referenceJoin`).
 */
interface RecordObject {
  object: SQL;
  joins: SQL;
}

/**
 * A record object's SQL, rendered once: it depends on the document and the actor, not on the
 * variables (nested fields take only arguments written in the document), so a query read with new
 * variables reuses its text and only the root's page and filter are built.
 */
function rendered({ object, joins }: RecordObject): RecordObject {
  return { object: sql.raw(dialect.sqlToQuery(object.inlineParams()).sql), joins: sql.raw(dialect.sqlToQuery(joins.inlineParams()).sql) };
}

interface Compiling {
  schema: GraphQLSchema;
  models: ResourceModel[];
  byType: Map<string, ResourceModel>;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  actor: Actor;
  /** Each root key's record object, rendered (or null: not compilable), kept with the document. */
  objects: Map<string, RecordObject | null>;
  /** The root fields that read one record by id, by response key (`byIdRead`). */
  byIds: Map<string, ByIdRead>;
  /**
   * Conditions under which the answer is graphql-js's after all (an empty domain list that may be
   * NOT_FOUND), each on the value of the root key it is about.
   */
  fallbacks: { key: string; when: (value: SQL) => SQL }[];
}

/** The record object a root field asks, rendered once per document and actor. */
function rootObject(c: Compiling, key: string, model: ResourceModel, type: GraphQLObjectType, nodes: readonly FieldNode[]): RecordObject | undefined {
  let object = c.objects.get(key);
  if (object === undefined) {
    const built = recordObject(c, { model, alias: null, tables: [] }, type, nodes);
    c.objects.set(key, (object = built ? rendered(built) : null));
  }
  return object ?? undefined;
}

/** The actor's read of a record: undefined where a token lacks the record's scope (the guard refuses it). */
function mayRead(c: Compiling, model: ResourceModel): boolean {
  return c.actor.kind !== 'TOKEN' || Boolean(c.actor.scopes?.includes(model.name));
}

function masks(c: Compiling, field: FieldModel): boolean {
  return c.actor.kind === 'TOKEN' && !c.actor.personalData && field.personal;
}

/** json_build_object of the pairs, or undefined past PostgreSQL's 100 arguments (jsonb would reorder the keys). */
function objectOf(pairs: [string, SQL][]): SQL | undefined {
  if (pairs.length > 50) return undefined;
  if (!pairs.length) return sql`'{}'::json`;
  return sql`json_build_object(${sql.join(
    pairs.map(([key, value]) => sql`${sql.raw(`'${key.replace(/'/g, "''")}'`)}::text, ${value}`),
    sql`, `,
  )})`;
}

/** Keys already seen on the way down: a self-reference (an organization's parent) reads under an alias. */
interface Scope {
  model: ResourceModel;
  alias: string | null;
  tables: string[];
}

/** The column's name in the database (the schema is written in camelCase, stored in snake_case). */
function stored(column: PgColumn): string {
  return column.keyAsName ? toSnakeCase(column.name) : column.name;
}

function columnOf(scope: Scope, field: FieldModel): SQL {
  return scope.alias ? sql`${sql.identifier(scope.alias)}.${sql.identifier(stored(field.column))}` : sql`${field.column}`;
}

/** The object of one row of `scope`'s table for the field nodes asking it, or undefined. */
function recordObject(c: Compiling, scope: Scope, type: GraphQLObjectType, nodes: readonly FieldNode[]): RecordObject | undefined {
  const sets = nodes.map((n) => n.selectionSet).filter((s): s is SelectionSetNode => Boolean(s));
  const fields = collect(type, sets, c.fragments);
  if (!fields) return undefined;
  const { model } = scope;
  const pairs: [string, SQL][] = [];
  const joins: SQL[] = [];
  for (const [key, asked] of fields) {
    const name = asked[0].name.value;
    if (name === '__typename') {
      pairs.push([key, literal(type.name)]);
      continue;
    }
    const relation = relationNamed(model, name);
    if (relation) {
      const value = relationValue(c, scope, relation, type.getFields()[name], asked);
      if (!value) return undefined;
      pairs.push([key, value]);
      continue;
    }
    if (asked.some((n) => n.arguments?.length)) return undefined;
    const def = type.getFields()[name];
    if (!def) return undefined;
    const field = model.byKey.get(name);
    if (field) {
      const value = serialized(def.type, field.kind, columnOf(scope, field));
      if (!value) return undefined;
      if (!masks(c, field)) pairs.push([key, value]);
      else if (field.kind === 'string') pairs.push([key, masked(value)]);
      else return undefined;
      continue;
    }
    const computed: ComputedModel | undefined = model.computedByKey.get(name);
    if (computed) {
      // Computed fields are written against the table's own name: not under an alias.
      if (scope.alias) return undefined;
      const value = serialized(def.type, computed.kind, sql`(${computed.expression()})`);
      if (!value) return undefined;
      pairs.push([key, value]);
      continue;
    }
    const reference = model.fields.find((f) => f.kind === 'reference' && f.objectField === name);
    if (!reference) return undefined;
    // Numbered by the key's place in this object (a key may be longer than PostgreSQL keeps of a
    // name); nothing else in a statement is named `_ref_…`.
    const alias = sql.identifier(`_ref_${pairs.length}`);
    const join = referenceJoin(c, scope, reference, def, asked, alias);
    if (!join) return undefined;
    pairs.push([key, sql`${alias}.r`]);
    joins.push(join);
  }
  const object = objectOf(pairs);
  return object && { object, joins: sql.join(joins.map((j) => sql` ${j}`)) };
}

/**
 * The lateral join reading the referenced record's object as `alias.r`: null where there is none or
 * it is not the actor's to read (the id is the key: at most one row, so the parent's rows are
 * neither repeated nor lost).
 */
function referenceJoin(c: Compiling, parent: Scope, field: FieldModel, def: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], alias: ReturnType<typeof sql.identifier>): SQL | undefined {
  const target = targetOf(c.models, field);
  const type = getNamedType(def.type);
  if (!isObjectType(type) || !mayRead(c, target)) return undefined;
  const scope = readScope(c.actor, target);
  // A reference the actor may not see is null; where the schema says it cannot be, graphql reports an error.
  if (scope && isNonNullType(def.type)) return undefined;
  const tableName = getTableName(target.table);
  const tables = [...parent.tables, getTableName(parent.model.table)];
  const renamed = tables.includes(tableName) ? `${field.objectField}_${tables.length}` : null;
  // Read limits are written against the table's own name, as computed fields are.
  if (renamed && scope) return undefined;
  const inner: Scope = { model: target, alias: renamed, tables };
  const built = recordObject(c, inner, type, nodes);
  if (!built) return undefined;
  const from = renamed ? sql`${target.table} as ${sql.identifier(renamed)}` : sql`${target.table}`;
  const id = columnOf(inner, target.byKey.get('id')!);
  const condition = sql`${id} = ${columnOf(parent, field)}${scope ? sql` and ${scope}` : sql``}`;
  return sql`left join lateral (select ${built.object} as r from ${from}${built.joins} where ${condition}) as ${alias} on true`;
}

/** A reverse relation of a record (its list, or with `meta` its count), by the field's name. */
interface NamedRelation {
  relation: Relation;
  meta: boolean;
}
const relationsCache = new WeakMap<ResourceModel, Map<string, NamedRelation>>();

function relationNamed(model: ResourceModel, name: string): NamedRelation | undefined {
  let named = relationsCache.get(model);
  if (!named) {
    named = new Map();
    for (const relation of relationsOf(model)) {
      named.set(relation.name, { relation, meta: false });
      named.set(relation.metaName, { relation, meta: true });
    }
    relationsCache.set(model, named);
  }
  return named.get(name);
}

/** Does an argument of these field nodes come from a variable? */
function usesVariables(nodes: readonly FieldNode[]): boolean {
  let found = false;
  for (const node of nodes) {
    for (const argument of node.arguments ?? []) {
      visit(argument.value, {
        Variable() {
          found = true;
          return BREAK;
        },
      });
    }
  }
  return found;
}

/**
 * Can the condition's values be written into the statement's text (the record objects are rendered
 * with their values inline)? Numbers, booleans and texts are, and so are a column's own values (an
 * instant, a list of enums), which its encoder turns into text first; any other object would be
 * written as JavaScript prints it, so it is left to graphql-js. A text with a backslash is too: its
 * meaning would hang on the server's `standard_conforming_strings`.
 */
function inlinable(condition: SQL): boolean {
  return dialect
    .sqlToQuery(condition)
    .params.every((p) => p === null || typeof p === 'number' || typeof p === 'boolean' || (typeof p === 'string' && !p.includes('\\')));
}

/** The name the parent's id is bound to around a relation's subquery: the related table may be the parent's own. */
const PARENT = '_parent';

/**
 * A reverse relation inside a record object: the page of the rows that point at THIS parent (or
 * their count), as `pagesOf` and `countsOf` in relations.ts read them (the pointing field equal to
 * the parent's id, the filter, the read limit; the same order with its id tie-breaker, the same
 * page and the nested list's default page size), in a correlated subquery; or undefined.
 *
 * The record objects are kept per document and actor, not per values of the variables, so only
 * arguments written in the document are compiled; one from a variable leaves the request to
 * graphql-js, as does a page or filter it refuses and whatever the guard would refuse.
 *
 * The parent's id is bound first under its own name, outside the subquery that reads the related
 * table under the table's own name (read limits, filters, the order and computed fields are written
 * against it): a relation of a table to itself (an organization's child organizations) would
 * otherwise hide the parent behind the child. Inside, the rows start a fresh chain of names, since
 * nothing below refers to a table above but through that bound id.
 */
function relationValue(c: Compiling, parent: Scope, { relation, meta }: NamedRelation, def: GraphQLField<unknown, unknown> | undefined, nodes: readonly FieldNode[]): SQL | undefined {
  const { source, field } = relation;
  if (!def || usesVariables(nodes) || !mayRead(c, source)) return undefined;
  const args = getArgumentValues(def, nodes[0], c.variables);
  if (searchesPeople(c, source, args)) return undefined;
  const params = args as ListParams;
  const filter = params.filter ?? undefined;
  let where: SQL | undefined;
  let page: ReturnType<typeof paging> | undefined;
  try {
    where = filterToWhere(source, filter);
    // Inside a record a list starts at a short page, as the resolver's.
    if (!meta) page = paging(source, { ...params, perPage: params.perPage ?? (filter?.ids ? undefined : NESTED_PER_PAGE) });
  } catch {
    return undefined;
  }
  const ofParent = and(eq(field.column, sql`${sql.identifier(PARENT)}.id`), where)!;
  const condition = and(ofParent, readScope(c.actor, source))!;
  const order = page && sql.join(page.orderBy, sql`, `);
  if (!inlinable(order ? sql`${condition} ${order}` : condition)) return undefined;
  const type = getNamedType(def.type);
  if (!isObjectType(type)) return undefined;
  let value: SQL | undefined;
  if (meta) value = metaOf(c, source, type, nodes, ofParent);
  else if (page && order) {
    const built = recordObject(c, { model: source, alias: null, tables: [] }, type, nodes);
    value = built && pageArray(source, built, { condition, limit: page.limit, offset: page.offset, order });
  }
  if (!value) return undefined;
  const id = columnOf(parent, parent.model.byKey.get('id')!);
  return sql`(select ${value} from (select ${id} as id) as ${sql.identifier(PARENT)})`;
}

/** Would the guard refuse this token's search (by a personal field, or `q` over one)? */
function searchesPeople(c: Compiling, model: ResourceModel, args: Record<string, unknown>): boolean {
  if (c.actor.kind !== 'TOKEN' || c.actor.personalData) return false;
  const keys = model.fields.filter((f) => f.personal).map((f) => f.key);
  if (typeof args.sortField === 'string' && keys.includes(args.sortField)) return true;
  const filter = args.filter;
  if (!filter || typeof filter !== 'object') return false;
  const q = model.definition.search.some((k) => keys.includes(k));
  return Object.keys(filter).some((k) => (k === 'q' && q) || keys.some((p) => k === p || k.startsWith(`${p}_`)));
}

/** A page of records as a JSON array, in the list's order: the rows `service.listAs` reads (`where`: a domain list's condition). */
function listOf(c: Compiling, key: string, model: ResourceModel, type: GraphQLObjectType, nodes: readonly FieldNode[], params: ListParams, where?: SQL): SQL | undefined {
  const condition = and(filterToWhere(model, params.filter), readScope(c.actor, model), where) ?? sql`true`;
  const { limit, offset, orderBy } = paging(model, params);
  const built = rootObject(c, key, model, type, nodes);
  return built && pageArray(model, built, { condition, limit, offset, order: sql.join(orderBy, sql`, `) });
}

/**
 * A page of `model`'s rows under `condition` as a JSON array of the record object, in the page's
 * order. The page is cut before the objects are built, under the table's own name (computed fields
 * and the order read it), and the array is aggregated in that same order: the order's expressions
 * read the page's columns under the same name.
 */
function pageArray(model: ResourceModel, { object, joins }: RecordObject, { condition, limit, offset, order }: { condition: SQL; limit: number; offset: number; order: SQL }): SQL {
  const page = sql`(select * from ${model.table} where ${condition} order by ${order} limit ${limit} offset ${offset}) as ${model.table}`;
  return sql`(select coalesce(json_agg(${object} order by ${order}), '[]'::json) from ${page}${joins})`;
}

/** `{ count }` (and `__typename`) of the records under `where` and the actor's read limit. */
function metaOf(c: Compiling, model: ResourceModel, type: GraphQLObjectType, nodes: readonly FieldNode[], where: SQL | undefined): SQL | undefined {
  const fields = collect(type, nodes.map((n) => n.selectionSet!), c.fragments);
  if (!fields) return undefined;
  const condition = and(where, readScope(c.actor, model));
  const pairs: [string, SQL][] = [];
  for (const [k, asked] of fields) {
    const field = asked[0].name.value;
    if (field === '__typename') pairs.push([k, literal(type.name)]);
    else if (field === 'count') pairs.push([k, sql`(select count(*)::int from ${model.table}${condition ? sql` where ${condition}` : sql``})`]);
    else return undefined;
  }
  return objectOf(pairs);
}

/** Does the schema's field take exactly the arguments the definition declares (else it changed, and is graphql-js's)? */
function takes(def: GraphQLField<unknown, unknown>, names: string[]): boolean {
  return def.args.length === names.length && def.args.every((a) => names.includes(a.name));
}

/** A record's domain list (`delegationsAsOf`) or its count, under the definition's condition, or undefined. */
function namedListValue(c: Compiling, key: string, name: string, def: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], args: Record<string, unknown>): SQL | undefined {
  const type = getNamedType(def.type);
  const named = namedListsOf(c.models).get(name);
  if (!named || !isObjectType(type)) return undefined;
  const { model, list } = named;
  if (!mayRead(c, model)) return undefined;
  const where = list.where(args);
  if (list.count === name) {
    if (!takes(def, list.arguments)) return undefined;
    // The resolver counts under the same condition; a zero may be its NOT_FOUND.
    if (list.emptyIsResolvers) {
      const none = sql`not exists (select 1 from ${model.table} where ${and(where, readScope(c.actor, model))})`;
      c.fallbacks.push({ key, when: () => none });
    }
    return metaOf(c, model, type, nodes, where);
  }
  if (type.name !== model.name || !takes(def, [...list.arguments, 'page', 'perPage'])) return undefined;
  const params: ListParams = { page: args.page as number | undefined, perPage: args.perPage as number | undefined, sortField: list.sortField, sortOrder: list.sortOrder };
  const value = listOf(c, key, model, type, nodes, params, where);
  // The resolver's test (`rows.length === 0`), on the page the statement built.
  if (value && list.emptyIsResolvers) c.fallbacks.push({ key, when: (page) => sql`json_array_length(${page}) = 0` });
  return value;
}

/** The definitions' domain lists and their counts by query name, worked out once per set of models. */
const namedListsCache = new WeakMap<ResourceModel[], Map<string, { model: ResourceModel; list: NamedList }>>();
function namedListsOf(models: ResourceModel[]): Map<string, { model: ResourceModel; list: NamedList }> {
  let map = namedListsCache.get(models);
  if (!map) {
    map = new Map();
    for (const model of models) {
      for (const [name, list] of Object.entries(model.definition.lists ?? {})) {
        map.set(name, { model, list });
        if (list.count) map.set(list.count, { model, list });
      }
    }
    namedListsCache.set(models, map);
  }
  return map;
}

/** A root field reading one record by id: what it reads, and the id (null: not an id; the answer is null). */
interface ByIdRead {
  model: ResourceModel;
  type: GraphQLObjectType;
  id: number | null;
}

function byIdRead(c: Compiling, nodes: readonly FieldNode[]): ByIdRead | undefined {
  const name = nodes[0].name.value;
  const def = c.schema.getQueryType()!.getFields()[name];
  if (!def) return undefined;
  const type = getNamedType(def.type);
  const model = c.byType.get(type.name);
  if (!model || name !== model.name || !isObjectType(type) || !mayRead(c, model)) return undefined;
  return { model, type, id: parseId(getArgumentValues(def, nodes[0], c.variables).id) };
}

/** The placeholder of the id a root key reads (response keys are GraphQL names, unique among the roots). */
const idPlaceholder = (key: string) => `id:${key}`;

/** The values of a statement's placeholders: the ids its roots read by id. */
function placeholderValues(byIds: Map<string, ByIdRead>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, read] of byIds) if (read.id !== null) values[idPlaceholder(key)] = read.id;
  return values;
}

/** One root field's value, or undefined to leave the whole request to graphql-js. */
function rootValue(c: Compiling, key: string, nodes: readonly FieldNode[]): SQL | undefined {
  const query = c.schema.getQueryType()!;
  const name = nodes[0].name.value;
  if (name === '__typename') return literal(query.name);
  const byId = c.byIds.get(key);
  if (byId) {
    const { model, id } = byId;
    if (id === null) return sql`null::json`;
    const built = rootObject(c, key, model, byId.type, nodes);
    if (!built) return undefined;
    // The id is a placeholder (its value: `placeholderValues`), so the text stays the document's and the reader's.
    const condition = and(eq(model.byKey.get('id')!.column, sql.placeholder(idPlaceholder(key))), readScope(c.actor, model));
    return sql`(select ${built.object} from ${model.table}${built.joins} where ${condition})`;
  }
  const def = query.getFields()[name];
  if (!def) return undefined;
  const type = getNamedType(def.type);
  const args = getArgumentValues(def, nodes[0], c.variables);
  const meta = /^_all(.+)Meta$/.exec(name);
  if (meta) {
    const model = c.models.find((m) => m.plural === meta[1]);
    if (!model || !isObjectType(type) || !mayRead(c, model) || searchesPeople(c, model, args)) return undefined;
    return metaOf(c, model, type, nodes, filterToWhere(model, args.filter as ListParams['filter']));
  }
  const named = namedListValue(c, key, name, def, nodes, args);
  if (named) return named;
  const model = c.byType.get(type.name);
  if (!model || !isObjectType(type) || !mayRead(c, model) || searchesPeople(c, model, args)) return undefined;
  if (name === `all${model.plural}`) return listOf(c, key, model, type, nodes, args as ListParams);
  const preset = model.definition.presets?.[name];
  if (preset) {
    const filter = { ...preset.filter, ...args };
    return listOf(c, key, model, type, nodes, { filter, sortField: preset.sortField, sortOrder: preset.sortOrder, perPage: MAX_PER_PAGE });
  }
  return undefined;
}

function operationOf(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
}

/**
 * The statement answering a whole read as `{ data }`'s object (one JSON value, column `data`), or
 * undefined when the request must go through graphql-js. `document` is validated. The
 * JSON comes as text (PostgreSQL's spacing), to be sent as it is. Where a domain list's empty
 * answer is its resolver's to give, the statement also answers `fallback`: true sends the request
 * to graphql-js after all, and `data` is not used. The statement comes rendered, its ids read by id
 * as placeholders with their values beside it.
 */
export function compileResponse(
  schema: GraphQLSchema,
  models: ResourceModel[],
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | undefined,
  actor: Actor | undefined,
): CompiledStatement | undefined {
  // Anonymous callers are refused (or sign in) and the system never asks over HTTP; a password that must change is the guard's.
  // An account confined to enrolling a second factor is the guard's too (it refuses before this runs; kept here should the order change).
  if (!actor || (actor.kind !== 'USER' && actor.kind !== 'TOKEN') || actor.passwordChange || actor.secondFactorEnrolment) return undefined;
  const operation = operationOf(document, operationName);
  if (!operation || operation.operation !== 'query' || operation.directives?.length) return undefined;
  if (operation.variableDefinitions?.some((v) => v.directives?.length)) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return undefined;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const actorKey = compiledKey(actor);
  const c: Compiling = { schema, models, byType: byTypeOf(models), fragments, variables: coerced.coerced, actor, objects: objectsOf(document, operationName, actorKey), byIds: new Map(), fallbacks: [] };
  const query = schema.getQueryType()!;
  const fields = collect(query, [operation.selectionSet], fragments);
  if (!fields) return undefined;
  // A read made only of records by id (and `__typename`) has one text per document, reader and
  // which ids are ids at all (its shape); any other, one per document, reader and variables.
  let shape: string | undefined = '';
  try {
    for (const [key, nodes] of fields) {
      const read = nodes[0].name.value === '__typename' ? undefined : byIdRead(c, nodes);
      if (read) c.byIds.set(key, read);
      if (shape === undefined) continue;
      if (read) shape += read.id === null ? 'n' : 'i';
      else if (nodes[0].name.value === '__typename') shape += 't';
      else shape = undefined;
    }
  } catch {
    return undefined;
  }
  const keptKey = statementKey(document, operationName, actorKey, shape, rawVariables);
  let kept = keptKey === undefined ? undefined : keptStatements.get(keptKey);
  if (!kept) {
    const statement = statementOf(c, fields);
    if (!statement) return undefined;
    kept = keptStatement(dialect.sqlToQuery(statement));
    if (keptKey !== undefined) keptStatements.set(keptKey, kept);
  }
  return { ...kept, values: placeholderValues(c.byIds) };
}

/**
 * The rendered statements kept (compiled-statements.ts), so a read sent again (a third-party system
 * polling its pages, a list screen opened again) neither builds nor renders nor hashes its
 * statement. A statement is a function of what its key holds: the document, the operation, the
 * reader with the parameters in force and the day (`compiledKey`), and the variables as sent (the
 * raw JSON values, from which graphql coerces the arguments), or for reads by id alone their shape,
 * the ids being placeholders.
 */
const keptStatements = statementStore(500, 4_000_000);

/** Variables longer than this as JSON (a filter of a thousand ids) are not part of a key: the statement is built each time. */
const MAX_VARIABLES_KEY = 2_000;
const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

function statementKey(document: DocumentNode, operationName: string | null | undefined, actorKey: string, shape: string | undefined, variables: Record<string, unknown> | undefined): string | undefined {
  let id = documentIds.get(document);
  if (id === undefined) documentIds.set(document, (id = nextDocumentId++));
  const prefix = `${id}|${operationName ?? ''}|${actorKey}|`;
  if (shape !== undefined) return `${prefix}#${shape}`;
  let json: string;
  try {
    json = JSON.stringify(variables ?? {});
  } catch {
    // Not JSON (a caller in this process passing a BigInt): built each time.
    return undefined;
  }
  return json.length > MAX_VARIABLES_KEY ? undefined : `${prefix}=${json}`;
}

/** The statement of the root fields, or undefined. */
function statementOf(c: Compiling, fields: Map<string, FieldNode[]>): SQL | undefined {
  const pairs: [string, SQL][] = [];
  try {
    for (const [key, nodes] of fields) {
      if (nodes[0].name.value.startsWith('__') && nodes[0].name.value !== '__typename') return undefined;
      const value = rootValue(c, key, nodes);
      if (!value) return undefined;
      pairs.push([key, value]);
    }
  } catch {
    // A page, sort or filter the service refuses: graphql-js reports it as it always has.
    return undefined;
  }
  const object = objectOf(pairs);
  if (!object) return undefined;
  if (!c.fallbacks.length) return sql`select (${object})::text as data`;
  // The root values are computed once, in a subquery the planner keeps apart (`offset 0`), and read
  // both by the fallback's tests and by the answer.
  const column = (i: number) => sql`_root.${sql.identifier(`_${i}`)}`;
  const values = sql.join(
    pairs.map(([, value], i) => sql`${value} as ${sql.identifier(`_${i}`)}`),
    sql`, `,
  );
  const keys = pairs.map(([key]) => key);
  const tests = c.fallbacks.map(({ key, when }) => when(column(keys.indexOf(key))));
  const answer = objectOf(pairs.map(([key], i) => [key, column(i)]))!;
  return sql`select (${sql.join(tests, sql` or `)}) as fallback, (${answer})::text as data from (select ${values} offset 0) as _root`;
}

/** Rendered objects per document (as Apollo keeps it parsed), operation and actor. */
const objectCache = new WeakMap<DocumentNode, Map<string, Map<string, RecordObject | null>>>();
const ACTORS_PER_DOCUMENT = 64;

function objectsOf(document: DocumentNode, operationName: string | null | undefined, actorKey: string): Map<string, RecordObject | null> {
  let perDocument = objectCache.get(document);
  if (!perDocument) objectCache.set(document, (perDocument = new Map()));
  const key = `${operationName ?? ''}|${actorKey}`;
  let objects = perDocument.get(key);
  if (!objects) {
    if (perDocument.size >= ACTORS_PER_DOCUMENT) perDocument.clear();
    perDocument.set(key, (objects = new Map()));
  }
  return objects;
}

const byTypeCache = new WeakMap<ResourceModel[], Map<string, ResourceModel>>();
function byTypeOf(models: ResourceModel[]): Map<string, ResourceModel> {
  let map = byTypeCache.get(models);
  if (!map) byTypeCache.set(models, (map = new Map(models.map((m) => [m.name, m]))));
  return map;
}
