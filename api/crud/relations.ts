import DataLoader from 'dataloader';
import pluralize from 'pluralize';
import { and, count, inArray, is, sql, SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { Args, Ctx, Extensions, FieldResolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { readScope } from './authorize';
import { filterToWhere, paging, type ListParams } from './filter-to-where';
import { ListMetadata, NESTED_PER_PAGE } from './list-metadata';
import { describe, selectionOf, type FieldModel, type ResourceModel } from './model';
import type { Records } from './records';
import type { Row } from './resource';
import type { Label } from '../../drizzle/schema/columns';

// Reverse relations: for every reference B.xId → A, type A answers the Bs that point at it, as a
// list taking `allBs`'s arguments (the filter restricted to xId = the record) and its count. They are
// generated from the references, never written per record. A page of parents asks the database once
// per relation (and once per count): the parents' ids are batched by a loader per request and
// arguments, and one window query pages every parent's list at once.

/** One reverse relation of a record: the Bs whose `field` points at it. */
export interface Relation {
  /** The field of the target type: `delegations`, or `delegationsAsRecipient` when named by the field. */
  name: string;
  /** The count beside it: `_delegationsMeta`. */
  metaName: string;
  /** The record that points (B). */
  source: ResourceModel;
  /** B's reference field that points (`recipientId`). */
  field: FieldModel;
  label: Label;
  /** Left off the record pages of clients (`ui.related: false` on the field): noise there, still in the API. */
  hidden: boolean;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The reverse relations of `target`, in the order the records are registered. The naming rule: the
 * plural of the pointing record (`postings`), unless that record points at the target by more than
 * one field or is the target itself; then each is named by its field as well
 * (`delegationsAsRecipient`, `delegationsAsDelegatingOrganization`, `organizationsAsParent`).
 */
export function relationsOf(target: ResourceModel): Relation[] {
  const perSource = new Map<ResourceModel, number>();
  for (const { model } of target.incoming) perSource.set(model, (perSource.get(model) ?? 0) + 1);
  return target.incoming.map(({ model: source, field }) => {
    const byField = perSource.get(source)! > 1 || source === target;
    const plural = lowerFirst(pluralize(source.name));
    const name = byField ? `${plural}As${upperFirst(field.objectField!)}` : plural;
    if (target.byKey.has(name) || target.computedByKey.has(name)) {
      throw new Error(`${target.name}.${name} is both a field and a reverse relation`);
    }
    return {
      name,
      metaName: `_${name}Meta`,
      source,
      field,
      label: byField
        ? { zh: `${source.label.zh}（${field.label.zh}）`, en: `${source.label.en} (${field.label.en})` }
        : source.label,
      hidden: source.definition.fields[field.key]?.ui?.related === false,
    };
  });
}

type Args = ListParams;

/** One request's relation loaders, kept beside its reference loaders (a new set per request). */
const perRequest = new WeakMap<object, Map<string, DataLoader<number, unknown>>>();

function loaderFor<V>(ctx: Context, key: string, batch: (ids: readonly number[]) => Promise<V[]>): DataLoader<number, V> {
  let loaders = perRequest.get(ctx.loaders);
  if (!loaders) perRequest.set(ctx.loaders, (loaders = new Map()));
  let loader = loaders.get(key);
  if (!loader) loaders.set(key, (loader = new DataLoader(batch)));
  return loader as DataLoader<number, V>;
}

/**
 * Each parent's page of related rows, for many parents in one statement: the rows numbered per
 * parent in the requested order (a window function), then the page's numbers kept.
 */
async function pagesOf(ctx: Context, relation: Relation, where: SQL | undefined, page: ReturnType<typeof paging>, parents: readonly number[]): Promise<Row[][]> {
  const { source, field } = relation;
  const fk = field.column;
  const numbered = ctx.db
    .select({
      ...aliased(selectionOf(source)),
      // Wrapped once more, as in selectionOf: drizzle strips table names only at the top level.
      __parent: sql<number>`${sql`${fk}`}`.as('__parent'),
      __n: sql<number>`${sql`row_number() over (partition by ${fk} order by ${sql.join(page.orderBy, sql`, `)})`}`.as('__n'),
    })
    .from(source.table)
    .where(and(inArray(fk, [...parents]), where, readScope(ctx.actor, source)))
    .as('numbered');
  const rows = (await ctx.db
    .select()
    .from(numbered)
    .where(sql`${numbered.__n} > ${page.offset} and ${numbered.__n} <= ${page.offset + page.limit}`)
    .orderBy(numbered.__parent, numbered.__n)) as (Row & { __parent: number; __n: number })[];
  const byParent = new Map<number, Row[]>();
  for (const { __parent, __n, ...row } of rows) {
    const list = byParent.get(Number(__parent)) ?? [];
    list.push(row as Row);
    byParent.set(Number(__parent), list);
  }
  return parents.map((id) => byParent.get(id) ?? []);
}

/** A subquery's computed columns need names of their own. */
function aliased(selection: Record<string, PgColumn | SQL>): Record<string, PgColumn | SQL.Aliased> {
  return Object.fromEntries(Object.entries(selection).map(([key, value]) => [key, is(value, SQL) ? value.as(key) : value]));
}

/** Each parent's number of related rows, for many parents in one statement. */
async function countsOf(ctx: Context, relation: Relation, where: SQL | undefined, parents: readonly number[]): Promise<number[]> {
  const { source, field } = relation;
  const rows = await ctx.db
    .select({ parent: field.column, n: count() })
    .from(source.table)
    .where(and(inArray(field.column, [...parents]), where, readScope(ctx.actor, source)))
    .groupBy(field.column);
  const byParent = new Map(rows.map((r) => [Number(r.parent), Number(r.n)]));
  return parents.map((id) => byParent.get(id) ?? 0);
}

/**
 * Adds the reverse relations of `target` to its generated resolver, by calling the decorators (as
 * the reference fields are added): a list and a count per relation. Arguments are checked before
 * anything is batched, so a bad page or filter is the caller's error, once, with its field.
 */
export function addRelationFields(prototype: object, target: ResourceModel, records: Records): void {
  for (const relation of relationsOf(target)) {
    const { source, name, metaName } = relation;
    const types = records.named(source.name)!.types;
    const about = `${relation.label.zh} (${relation.label.en}): the ${pluralize(source.name)} whose ${relation.field.key} is this ${target.name}`;

    const list = function (root: Row, args: Args, ctx: Context) {
      const filter = args.filter ?? undefined;
      const where = filterToWhere(source, filter);
      // Inside a record a list starts at a short page; `perPage` asks for more, as on `allXs`.
      const page = paging(source, { ...args, perPage: args.perPage ?? (filter?.ids ? undefined : NESTED_PER_PAGE) });
      const key = `${name}:${JSON.stringify([filter, page.limit, page.offset, args.sortField, args.sortOrder])}`;
      return loaderFor(ctx, key, (ids) => pagesOf(ctx, relation, where, page, ids)).load(root.id);
    };
    define(prototype, `relation_${name}`, list, () => [types.ObjectType], types.ListArgs, {
      name,
      description: describe(relation.label, `${about}; a page of ${NESTED_PER_PAGE} unless perPage says otherwise.`),
    });

    const meta = function (root: Row, args: Args, ctx: Context) {
      const filter = args.filter ?? undefined;
      const where = filterToWhere(source, filter);
      const key = `${metaName}:${JSON.stringify(filter)}`;
      return loaderFor(ctx, key, (ids) => countsOf(ctx, relation, where, ids))
        .load(root.id)
        .then((n) => ({ count: n }));
    };
    define(prototype, `relation_${metaName}`, meta, () => ListMetadata, types.MetaArgs, {
      name: metaName,
      description: `How many of ${name} match the filter.`,
      // Its type is not a record's, so the read guard learns from here whose data it counts.
      resource: source.name,
    });
  }
}

function define(
  prototype: object,
  method: string,
  resolve: (root: Row, args: Args, ctx: Context) => unknown,
  type: () => unknown,
  argsType: Function,
  options: { name: string; description: string; resource?: string },
): void {
  Object.defineProperty(prototype, method, { value: resolve, writable: true, configurable: true });
  const descriptor = Object.getOwnPropertyDescriptor(prototype, method)!;
  Root()(prototype, method, 0);
  Args(() => argsType)(prototype, method, 1);
  Ctx()(prototype, method, 2);
  if (options.resource) Extensions({ resource: options.resource })(prototype, method, descriptor);
  FieldResolver(type as never, { name: options.name, description: options.description })(prototype, method, descriptor);
}
