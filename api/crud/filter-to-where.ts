import { and, arrayContains, asc, desc, eq, gt, gte, ilike, inArray, isNull, isNotNull, like, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { FieldErrors } from '../errors';
import { COMPARISONS, comparisonsOf, type Comparison } from './graphql-types';
import { operandOf, parseId, type FieldKind, type ResourceModel } from './model';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './list-metadata';

/** `%` and `_` typed by a user are matched literally, not as wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function toColumnValue(field: { kind: FieldKind }, value: unknown): unknown {
  return field.kind === 'id' || field.kind === 'reference' ? Number(value) : value;
}

const OPERATORS: Record<Comparison, (c: PgColumn | SQL, v: unknown) => SQL> = {
  _neq: ne,
  _lt: lt,
  _lte: lte,
  _gt: gt,
  _gte: gte,
};

/**
 * Turns a react-admin filter (`q`, `ids`, `<field>`, `<field>_lt` …) into one SQL condition.
 * Keys come from the generated input type, so GraphQL has already refused unknown ones; values are
 * always bound as parameters.
 */
export function filterToWhere(model: ResourceModel, filter: Record<string, unknown> | undefined | null): SQL | undefined {
  if (!filter) return undefined;
  const conditions: (SQL | undefined)[] = [];
  const errors = new FieldErrors();
  const idField = model.byKey.get('id')!;
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (key === 'q') {
      const text = String(value).trim();
      if (!text) continue;
      const pattern = likePattern(text);
      // A term with no letter that has a case (Chinese, digits, a code's dashes) finds the same rows
      // with LIKE as with ILIKE, and LIKE does not lower-case every value it compares: a third less
      // time where a term matches most rows and each must be read. The trigram indexes serve both.
      const match = text === text.toLowerCase() && text === text.toUpperCase() ? like : ilike;
      conditions.push(or(...model.definition.search.map((k) => match(model.byKey.get(k)!.column, pattern))));
      continue;
    }
    if (key === 'ids') {
      const ids = value as unknown[];
      if (ids.length > MAX_PER_PAGE) {
        errors.add('filter.ids', 'maxItems', `编号列表最多 ${MAX_PER_PAGE} 个，请分批查询`, `At most ${MAX_PER_PAGE} ids at a time; ask in batches`);
        continue;
      }
      if (ids.some((id) => parseId(id) === null)) {
        errors.add('filter.ids', 'id', '编号应为正整数', 'Ids are positive integers');
        continue;
      }
      conditions.push(ids.length ? inArray(idField.column, ids.map(Number)) : eq(idField.column, -1));
      continue;
    }
    const nullMatch = key.endsWith('_null') ? operandOf(model, key.slice(0, -5)) : undefined;
    if (nullMatch) {
      conditions.push(value ? isNull(nullMatch.sql) : isNotNull(nullMatch.sql));
      continue;
    }
    const field = operandOf(model, key);
    if (field) {
      if ((field.kind === 'id' || field.kind === 'reference') && parseId(value) === null) {
        errors.add(`filter.${key}`, 'id', `${field.label.zh}应为编号`, `${field.label.en} must be an id`);
        continue;
      }
      conditions.push(
        field.kind === 'enumList'
          ? arrayContains(field.sql as SQL, [value])
          : field.kind === 'stringList'
            ? sql`${field.sql} @> ${JSON.stringify([String(value)])}::jsonb`
            : eq(field.sql as SQL, toColumnValue(field, value)),
      );
      continue;
    }
    const op = (Object.keys(COMPARISONS) as Comparison[]).find((s) => key.endsWith(s));
    const base = op && operandOf(model, key.slice(0, -op.length));
    if (base && comparisonsOf(base).includes(op)) {
      conditions.push(OPERATORS[op](base.sql, toColumnValue(base, value)));
      continue;
    }
    // Unreachable through GraphQL (the input type has no such key); kept so a typo in code fails loudly.
    errors.add(`filter.${key}`, 'unknown', `未知的筛选条件 ${key}`, `Unknown filter ${key}`);
  }
  errors.throwIfAny();
  return and(...conditions);
}

export interface ListParams {
  page?: number | null;
  perPage?: number | null;
  sortField?: string | null;
  sortOrder?: string | null;
  filter?: Record<string, unknown> | null;
}

export interface Paging {
  limit: number;
  offset: number;
  orderBy: SQL[];
}

/** Checks page, perPage and sort against the model; sortField never reaches SQL as text. */
export function paging(model: ResourceModel, params: ListParams): Paging {
  const errors = new FieldErrors();
  const ids = params.filter?.ids as unknown[] | undefined;
  const perPage = params.perPage ?? (ids ? Math.min(Math.max(ids.length, 1), MAX_PER_PAGE) : DEFAULT_PER_PAGE);
  const page = params.page ?? 0;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    errors.add('perPage', 'range', `每页条数应在 1 到 ${MAX_PER_PAGE} 之间`, `perPage must be between 1 and ${MAX_PER_PAGE}`);
  }
  if (!Number.isInteger(page) || page < 0) {
    errors.add('page', 'range', '页码应为不小于 0 的整数（从 0 开始）', 'page is a zero-based, non-negative integer');
  }
  const sortField = params.sortField ?? 'id';
  const field = operandOf(model, sortField);
  if (!field) {
    errors.add('sortField', 'unknown', `不能按 ${sortField} 排序`, `${model.name} has no field ${sortField} to sort by`);
  }
  const order = (params.sortOrder ?? 'ASC').toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') {
    errors.add('sortOrder', 'enum', '排序方向应为 ASC 或 DESC', 'sortOrder must be ASC or DESC');
  }
  errors.throwIfAny();
  const direction = order === 'DESC' ? desc : asc;
  const idColumn = model.byKey.get('id')!.column;
  // id breaks ties, so pages never overlap or skip rows that share a sort value.
  const orderBy = sortField === 'id' ? [direction(idColumn)] : [direction(field!.sql), direction(idColumn)];
  return { limit: perPage, offset: page * perPage, orderBy };
}
