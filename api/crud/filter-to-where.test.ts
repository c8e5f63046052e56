// The comparisons come from the generated GraphQL types, which type-graphql declares as they load.
import 'reflect-metadata';
import { PgDialect, date, integer, pgTable, varchar, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { recordColumns } from '../../drizzle/schema/columns';
import { filterToWhere, paging } from './filter-to-where';
import { buildModels } from './model';
import { defineResource } from './resource';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './list-metadata';

// A react-admin filter as SQL, on a small record of its own: every value a parameter, never text.

const places = pgTable('places', {
  ...recordColumns(),
  name: varchar({ length: 50 }).notNull(),
  staff: integer(),
  openedOn: date({ mode: 'string' }),
  parentId: integer().references((): AnyPgColumn => places.id),
});

const [model] = buildModels([
  defineResource({
    name: 'Place',
    ui: { title: 'name', group: { key: 'test', label: { zh: '测试', en: 'Test' } } },
    table: places,
    label: { zh: '地点', en: 'Place' },
    description: { zh: '测试用的地点。', en: 'A place, for the test.' },
    fields: {
      name: { label: { zh: '名称', en: 'Name' } },
      staff: { label: { zh: '人数', en: 'Staff' } },
      openedOn: { label: { zh: '启用日期', en: 'Opened on' } },
      parentId: { label: { zh: '上级', en: 'Parent' } },
    },
    search: ['name'],
  }),
]);

// Column names as the database has them (the app's drizzle instances use snake_case too).
const dialect = new PgDialect({ casing: 'snake_case' });
const sqlOf = (where: SQL | undefined) => {
  if (!where) return undefined;
  const { sql, params } = dialect.sqlToQuery(where);
  return { sql, params };
};
const where = (filter: Record<string, unknown> | null | undefined) => sqlOf(filterToWhere(model, filter));

/** The field errors a call was refused with, as `field: rule`. */
function refusal(act: () => unknown): string[] {
  try {
    act();
  } catch (e) {
    const error = e as { extensions?: { code?: string; fieldErrors?: { field: string; rule: string; zh: string; en: string }[] } };
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    for (const f of error.extensions!.fieldErrors!) expect(f.zh).toMatch(/[\u4e00-\u9fff]/);
    return error.extensions!.fieldErrors!.map((f) => `${f.field}: ${f.rule}`);
  }
  throw new Error('not refused');
}

it('has no condition for no filter, or only empty values', () => {
  expect(where(undefined)).toBeUndefined();
  expect(where(null)).toBeUndefined();
  expect(where({ name: null, staff: undefined, q: '   ' })).toBeUndefined();
});

it('compares a field for equality, with the value as a parameter', () => {
  expect(where({ name: "王'; drop table places; --" })).toEqual({ sql: '"places"."name" = $1', params: ["王'; drop table places; --"] });
});

it('turns ids and references into numbers', () => {
  expect(where({ parentId: '7' })).toEqual({ sql: '"places"."parent_id" = $1', params: [7] });
  expect(where({ ids: ['3', 4] })).toEqual({ sql: '"places"."id" in ($1, $2)', params: [3, 4] });
});

it('matches no record for an empty id list, instead of every record', () => {
  expect(where({ ids: [] })).toEqual({ sql: '"places"."id" = $1', params: [-1] });
});

it('compares numbers and dates with the suffixes _lt, _lte, _gt, _gte and _neq', () => {
  expect(where({ staff_gte: 3, staff_lt: 10 })).toEqual({ sql: '("places"."staff" >= $1 and "places"."staff" < $2)', params: [3, 10] });
  expect(where({ openedOn_lte: '2025-01-01', staff_neq: 0 })).toEqual({ sql: '("places"."opened_on" <= $1 and "places"."staff" <> $2)', params: ['2025-01-01', 0] });
});

it('asks for a missing or present value with _null', () => {
  expect(where({ openedOn_null: true })).toEqual({ sql: '"places"."opened_on" is null', params: [] });
  expect(where({ openedOn_null: false })).toEqual({ sql: '"places"."opened_on" is not null', params: [] });
});

it('searches the declared text columns for q, with % and _ matched as typed', () => {
  expect(where({ q: ' 50%_off ' })).toEqual({ sql: '"places"."name" ilike $1', params: ['%50\\%\\_off%'] });
  // A term without letters that have a case is matched exactly as typed, which finds the same rows.
  expect(where({ q: '摆摊 1234-' })).toEqual({ sql: '"places"."name" like $1', params: ['%摆摊 1234-%'] });
  expect(where({ q: '城管Ab' })).toEqual({ sql: '"places"."name" ilike $1', params: ['%城管Ab%'] });
});

it('refuses ids that are not whole numbers in the range of the id column, naming the filter field', () => {
  expect(refusal(() => filterToWhere(model, { ids: ['1 or 1=1'] }))).toEqual(['filter.ids: id']);
  expect(refusal(() => filterToWhere(model, { parentId: 'x', ids: ['-1'] }))).toEqual(['filter.parentId: id', 'filter.ids: id']);
  expect(refusal(() => filterToWhere(model, { ids: ['2147483648'] }))).toEqual(['filter.ids: id']);
  expect(refusal(() => filterToWhere(model, { ids: Array.from({ length: MAX_PER_PAGE + 1 }, (_, i) => i + 1) }))).toEqual(['filter.ids: maxItems']);
});

it('refuses a key the record has no field for, or a comparison its kind does not take', () => {
  expect(refusal(() => filterToWhere(model, { color: 'red' }))).toEqual(['filter.color: unknown']);
  expect(refusal(() => filterToWhere(model, { name_lt: 'M' }))).toEqual(['filter.name_lt: unknown']);
});

describe('paging', () => {
  it('pages by id unless told otherwise, and breaks ties by id', () => {
    const first = paging(model, {});
    expect([first.limit, first.offset]).toEqual([DEFAULT_PER_PAGE, 0]);
    expect(first.orderBy.map((o) => dialect.sqlToQuery(o).sql)).toEqual(['"places"."id" asc']);
    const byName = paging(model, { page: 2, perPage: 10, sortField: 'name', sortOrder: 'desc' });
    expect([byName.limit, byName.offset]).toEqual([10, 20]);
    expect(byName.orderBy.map((o) => dialect.sqlToQuery(o).sql)).toEqual(['"places"."name" desc', '"places"."id" desc']);
  });

  it('asks for as many rows as ids it was given', () => {
    expect(paging(model, { filter: { ids: ['1', '2', '3'] } }).limit).toBe(3);
  });

  it('refuses a page, a size, a sort field or a direction out of bounds, all at once', () => {
    expect(refusal(() => paging(model, { page: -1, perPage: MAX_PER_PAGE + 1, sortField: 'name; drop table places', sortOrder: 'SIDEWAYS' }))).toEqual([
      'perPage: range',
      'page: range',
      'sortField: unknown',
      'sortOrder: enum',
    ]);
  });
});
