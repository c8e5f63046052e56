import { and, eq, getTableName, inArray, ne, type SQL } from 'drizzle-orm';
import { conflict, type FieldErrors } from '../errors';
import { holdAdvisoryLock } from './advisory-locks';
import { targetOf, type FieldModel, type ResourceModel } from './model';
import type { WriteContext, WriteRule } from './resource';
import type { Tx } from '../db';
import { isLocalDate } from './scalars';

/**
 * Normalises what a client sent: strings trimmed, an empty optional string stored as null (so an
 * empty code does not collide with another empty code), ids as numbers.
 */
export function normalizeInput(model: ResourceModel, input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(input)) {
    const field = model.byKey.get(key);
    if (!field || !field.writable || raw === undefined) continue;
    let value = raw;
    if (typeof value === 'string' && field.kind === 'string') {
      value = value.trim();
      if (value === '' && field.nullable) value = null;
    }
    if (field.kind === 'reference' && value !== null && /^\d+$/.test(String(value))) value = Number(value);
    out[key] = value;
  }
  return out;
}

function checkShape(field: FieldModel, value: unknown, errors: FieldErrors): void {
  const { zh, en } = field.label;
  const missing = value === null || value === undefined || (typeof value === 'string' && value === '');
  if (missing) {
    if (!field.nullable) errors.add(field.key, 'required', `${zh}为必填项`, `${en} is required`);
    return;
  }
  switch (field.kind) {
    case 'string':
      if (typeof value !== 'string') {
        errors.add(field.key, 'type', `${zh}应为文字`, `${en} must be text`);
      } else if (field.maxLength && [...value].length > field.maxLength) {
        errors.add(
          field.key,
          'maxLength',
          `${zh}不能超过 ${field.maxLength} 个字`,
          `${en} must be at most ${field.maxLength} characters`,
        );
      }
      break;
    case 'int':
    case 'reference':
      if (!Number.isInteger(value) || (value as number) < (field.kind === 'reference' ? 1 : -2147483648) || (value as number) > 2147483647) {
        errors.add(field.key, 'type', `${zh}应为整数编号`, `${en} must be a valid integer id`);
      }
      break;
    case 'date':
      if (!isLocalDate(value)) {
        errors.add(field.key, 'date', `${zh}应为有效日期（YYYY-MM-DD）`, `${en} must be a date written YYYY-MM-DD`);
      }
      break;
    case 'enum':
      if (!Object.hasOwn(field.enumDef!.values, String(value))) {
        errors.add(field.key, 'enum', `${zh}的取值“${value}”无效`, `${en} has an invalid value "${value}"`);
      }
      break;
    case 'enumList':
      if (!Array.isArray(value) || value.some((v) => !Object.hasOwn(field.enumDef!.values, String(v)))) {
        errors.add(field.key, 'enum', `${zh}含有无效的取值`, `${en} contains an invalid value`);
      } else if (new Set(value).size !== value.length) {
        errors.add(field.key, 'duplicate', `${zh}含有重复的取值`, `${en} lists a value twice`);
      }
      break;
    case 'stringList':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !v.trim())) {
        errors.add(field.key, 'type', `${zh}应为一组非空文字`, `${en} must be a list of non-empty texts`);
      } else if (new Set(value).size !== value.length) {
        errors.add(field.key, 'duplicate', `${zh}含有重复的取值`, `${en} lists a value twice`);
      }
      break;
  }
  checkBounds(field, value, errors);
}

/** A number within the field's declared bounds (`min`, `max`). */
function checkBounds(field: FieldModel, value: unknown, errors: FieldErrors): void {
  if (typeof value !== 'number' || errors.has(field.key)) return;
  const { min, max } = field;
  const { zh, en } = field.label;
  if (min !== undefined && max !== undefined) {
    if (value < min || value > max) errors.add(field.key, 'range', `${zh}应在 ${min} 到 ${max} 之间`, `${en} must be between ${min} and ${max}`);
  } else if (min !== undefined && value < min) {
    errors.add(field.key, 'min', min === 0 ? `${zh}不能为负数` : `${zh}不能小于 ${min}`, min === 0 ? `${en} cannot be negative` : `${en} must be at least ${min}`);
  } else if (max !== undefined && value > max) {
    errors.add(field.key, 'max', `${zh}不能大于 ${max}`, `${en} must be at most ${max}`);
  }
}

async function checkReferences(ctx: WriteContext, model: ResourceModel, models: ResourceModel[]): Promise<void> {
  for (const field of model.fields) {
    if (field.kind !== 'reference' || ctx.errors.has(field.key)) continue;
    const value = ctx.after[field.key];
    if (value === null || value === undefined) continue;
    if (ctx.before && ctx.before[field.key] === value) continue;
    const target = targetOf(models, field);
    const idColumn = target.byKey.get('id')!.column;
    const found = await ctx.tx.select({ id: idColumn }).from(target.table).where(eq(idColumn, value as number));
    if (!found.length) {
      ctx.errors.add(
        field.key,
        'reference',
        `${field.label.zh}所指的${target.label.zh}（编号 ${value}）不存在`,
        `${field.label.en}: no ${target.label.en} with id ${value}`,
      );
    }
  }
}

async function checkUnique(ctx: WriteContext, model: ResourceModel): Promise<void> {
  const idColumn = model.byKey.get('id')!.column;
  for (const group of model.uniqueGroups) {
    const fields = group.map((k) => model.byKey.get(k)!);
    const values = group.map((k) => ctx.after[k]);
    // NULLs never collide in PostgreSQL unique constraints, and a field already in error is skipped.
    if (values.some((v) => v === null || v === undefined) || fields.some((f) => ctx.errors.has(f.key))) continue;
    if (ctx.before && group.every((k) => ctx.before![k] === ctx.after[k])) continue;
    const conditions: SQL[] = fields.map((f, i) => eq(f.column, values[i]));
    if (ctx.before) conditions.push(ne(idColumn, ctx.before.id));
    const clash = await ctx.tx.select({ id: idColumn }).from(model.table).where(and(...conditions)).limit(1);
    if (!clash.length) continue;
    const last = fields[fields.length - 1];
    if (fields.length === 1) {
      ctx.errors.add(last.key, 'unique', `${last.label.zh}“${values[0]}”已被使用`, `${last.label.en} "${values[0]}" is already used`);
    } else {
      ctx.errors.add(
        last.key,
        'unique',
        `已有${fields.map((f) => f.label.zh).join('、')}都相同的${model.label.zh}（编号 ${clash[0].id}）`,
        `Another ${model.label.en} (id ${clash[0].id}) has the same ${fields.map((f) => f.label.en).join(', ')}`,
      );
    }
  }
}

/**
 * Moves in one tree are judged one at a time: two made at once could each be fine alone and together
 * close a loop (x under q while y, above q, goes under p, below x). An update that may move its record
 * takes the lock before it locks the record (`CrudService.update`): taken after, a move holding its
 * record could wait for the lock while the move holding the lock waited for that record (the parent
 * its foreign key names). Taking it again here costs nothing.
 */
export async function holdTreeLock(tx: Tx, model: ResourceModel): Promise<void> {
  await holdAdvisoryLock(tx, 'trees', getTableName(model.table));
}

async function checkTree(ctx: WriteContext, model: ResourceModel): Promise<void> {
  const key = model.definition.treeParent;
  if (!key || !ctx.before || ctx.errors.has(key)) return;
  let parent = ctx.after[key] as number | null;
  if (parent === null || parent === ctx.before[key]) return;
  const field = model.byKey.get(key)!;
  const idColumn = model.byKey.get('id')!.column;
  await holdTreeLock(ctx.tx, model);
  // Walk up from the new parent; meeting this record again would close a loop.
  for (let depth = 0; parent !== null && depth < 100; depth++) {
    if (parent === ctx.before.id) {
      ctx.errors.add(
        key,
        'cycle',
        `${field.label.zh}不能是本记录或其下级`,
        `${field.label.en} cannot be the record itself or one of its descendants`,
      );
      return;
    }
    const [row] = await ctx.tx
      .select({ parent: field.column })
      .from(model.table)
      .where(eq(idColumn, parent));
    parent = (row?.parent as number | null) ?? null;
  }
}

function checkRanges(ctx: WriteContext, model: ResourceModel): void {
  for (const [fromKey, toKey] of model.definition.ranges ?? []) {
    const from = ctx.after[fromKey];
    const to = ctx.after[toKey];
    if (from == null || to == null || ctx.errors.has(fromKey) || ctx.errors.has(toKey)) continue;
    if ((to as string) < (from as string)) {
      const f = model.byKey.get(fromKey)!.label;
      const t = model.byKey.get(toKey)!.label;
      ctx.errors.add(toKey, 'range', `${t.zh}不能早于${f.zh}`, `${t.en} cannot be before ${f.en}`);
    }
  }
}

/** Every rule a stored record must satisfy; throws BAD_USER_INPUT listing each breach. */
export async function validateWrite(ctx: WriteContext, model: ResourceModel, models: ResourceModel[]): Promise<void> {
  for (const field of model.fields) {
    if (field.writable) checkShape(field, ctx.after[field.key], ctx.errors);
  }
  checkRanges(ctx, model);
  await checkReferences(ctx, model, models);
  await checkUnique(ctx, model);
  await checkTree(ctx, model);
  for (const rule of rulesInOrder(model)) await rule(ctx);
  ctx.errors.throwIfAny();
}

export async function runGuards(ctx: WriteContext, model: ResourceModel): Promise<void> {
  const { before, operation } = ctx;
  if (model.definition.appendOnly && before) {
    throw conflict('LOCKED', {
      zh: `${model.label.zh}（编号 ${before.id}）只能追加，不能${operation === 'delete' ? '删除' : '修改'}`,
      en: `${model.label.en} ${before.id} is part of an append-only history and cannot be ${operation === 'delete' ? 'deleted' : 'changed'}`,
    });
  }
  for (const guard of model.definition.guards ?? []) await guard(ctx);
}


/** Rows per statement when a batch's values are looked up together. */
const LOOKUP_CHUNK = 1000;

function chunks<T>(list: T[], size = LOOKUP_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * The stored rows whose `fields` hold one of the given tuples of values (id and those fields), in a
 * statement per thousand tuples: rows matching the last field's values, the rest compared here (a
 * list of `a = … and b = …` alternatives takes PostgreSQL far longer to plan).
 */
export async function rowsWithKeys(tx: Tx, model: ResourceModel, fields: FieldModel[], keys: unknown[][]): Promise<Record<string, unknown>[]> {
  const last = fields[fields.length - 1];
  const wanted = new Set(keys.map((k) => JSON.stringify(k)));
  const out: Record<string, unknown>[] = [];
  // Every column of the key is bounded, not only the last: the key's unique index (a btree on all
  // of them) then answers, where the last alone may have only a trigram index (a power item's code),
  // whose lookups grow slower with every row the import's transaction has added to it.
  const others = fields.slice(0, -1).map((f, i) => {
    const values = [...new Set(keys.map((k) => k[i]))];
    // A key with an empty column is matched by the last one alone, as before.
    return values.some((v) => v == null) ? undefined : inArray(f.column, values);
  });
  for (const values of chunks([...new Set(keys.map((k) => k[k.length - 1]))])) {
    const rows = (await tx
      .select({ id: model.byKey.get('id')!.column, ...Object.fromEntries(fields.map((f) => [f.key, f.column])) })
      .from(model.table)
      .where(and(...others, inArray(last.column, values)))) as Record<string, unknown>[];
    out.push(...rows.filter((row) => wanted.has(JSON.stringify(fields.map((f) => row[f.key])))));
  }
  return out;
}

/** `checkReferences` over new rows: one statement per reference field for all of them. */
async function checkReferencesOfNew(ctxs: WriteContext[], model: ResourceModel, models: ResourceModel[]): Promise<void> {
  for (const field of model.fields) {
    if (field.kind !== 'reference') continue;
    const asking = ctxs.filter((ctx) => !ctx.errors.has(field.key) && ctx.after[field.key] != null);
    if (!asking.length) continue;
    const target = targetOf(models, field);
    const idColumn = target.byKey.get('id')!.column;
    const found = new Set<number>();
    for (const ids of chunks([...new Set(asking.map((ctx) => ctx.after[field.key] as number))])) {
      for (const row of await asking[0].tx.select({ id: idColumn }).from(target.table).where(inArray(idColumn, ids))) found.add(row.id as number);
    }
    for (const ctx of asking) {
      const value = ctx.after[field.key];
      if (found.has(value as number)) continue;
      ctx.errors.add(field.key, 'reference', `${field.label.zh}所指的${target.label.zh}（编号 ${value}）不存在`, `${field.label.en}: no ${target.label.en} with id ${value}`);
    }
  }
}

/**
 * `checkUnique` over new rows: one statement per unique group for all of them. A row repeating an
 * earlier row of the same batch is refused as the second of two single creates would be.
 */
async function checkUniqueOfNew(ctxs: WriteContext[], model: ResourceModel): Promise<void> {
  for (const group of model.uniqueGroups) {
    const fields = group.map((k) => model.byKey.get(k)!);
    const asking = ctxs.filter((ctx) => group.every((k) => ctx.after[k] != null) && !fields.some((f) => ctx.errors.has(f.key)));
    if (!asking.length) continue;
    const keyOf = (values: unknown[]) => JSON.stringify(values);
    const stored = new Map<string, number>();
    for (const row of await rowsWithKeys(asking[0].tx, model, fields, asking.map((ctx) => group.map((k) => ctx.after[k])))) {
      stored.set(keyOf(group.map((k) => row[k])), row.id as number);
    }
    const earlier = new Map<string, number>();
    asking.forEach((ctx, i) => {
      const values = group.map((k) => ctx.after[k]);
      const key = keyOf(values);
      const last = fields[fields.length - 1];
      const clash = stored.get(key);
      const before = earlier.get(key);
      if (clash === undefined && before === undefined) {
        earlier.set(key, i);
        return;
      }
      if (fields.length === 1) {
        ctx.errors.add(last.key, 'unique', `${last.label.zh}“${values[0]}”已被使用`, `${last.label.en} "${values[0]}" is already used`);
      } else if (clash !== undefined) {
        ctx.errors.add(
          last.key,
          'unique',
          `已有${fields.map((f) => f.label.zh).join('、')}都相同的${model.label.zh}（编号 ${clash}）`,
          `Another ${model.label.en} (id ${clash}) has the same ${fields.map((f) => f.label.en).join(', ')}`,
        );
      } else {
        const origin = asking[before!].origin ?? { zh: `同批第 ${before! + 1} 条`, en: `number ${before! + 1} of the same batch` };
        ctx.errors.add(
          last.key,
          'unique',
          `已有${fields.map((f) => f.label.zh).join('、')}都相同的${model.label.zh}（${origin.zh}）`,
          `Another ${model.label.en} (${origin.en}) has the same ${fields.map((f) => f.label.en).join(', ')}`,
        );
      }
    });
  }
}

/**
 * A record's rules in the order they run: those checked over a batch as a whole (`batchChecked`)
 * last, so that they know which earlier rows of a batch the other rules refused.
 */
function rulesInOrder(model: ResourceModel): WriteRule[] {
  const rules = model.definition.rules ?? [];
  return [...rules.filter((rule) => !rule.batch), ...rules.filter((rule) => rule.batch)];
}

/** Whether new records of this model may be checked and stored in batches (see `WriteRule`). */
export function creatableInBatches(model: ResourceModel): boolean {
  const d = model.definition;
  return (
    (d.guards ?? []).every((guard) => guard.independent) &&
    !d.effects?.length &&
    !d.createInputs &&
    !d.appendOnly &&
    (d.rules ?? []).every((rule) => rule.independent || (rule.batch && rule.rows))
  );
}

/**
 * `runGuards` over new records of a model that is `creatableInBatches`: each guard over the rows no
 * earlier guard refused, through its `rows` form when it has one. A refused row is told through
 * `refuse` and checked no further, as a single create stops at its guard.
 */
export async function guardNew(ctxs: WriteContext[], model: ResourceModel, refuse: (ctx: WriteContext, error: unknown) => void): Promise<WriteContext[]> {
  let live = ctxs;
  for (const guard of model.definition.guards ?? []) {
    const refused = new Set<WriteContext>();
    const stop = (ctx: WriteContext, e: unknown) => {
      if (refused.has(ctx)) return;
      refuse(ctx, e);
      refused.add(ctx);
    };
    if (guard.rows) {
      await guard.rows(live, stop);
    } else {
      for (const ctx of live) {
        try {
          await guard(ctx);
        } catch (e) {
          stop(ctx, e);
        }
      }
    }
    if (refused.size) live = live.filter((ctx) => !refused.has(ctx));
  }
  return live;
}

/**
 * `validateWrite` over new records of a model that is `creatableInBatches`: the same checks, in the
 * same order for each row, in a few statements for all of them. Field errors stay in each row's
 * `errors`; a rule that throws refuses its row, told through `refuse`.
 */
export async function validateNew(ctxs: WriteContext[], model: ResourceModel, models: ResourceModel[], refuse: (ctx: WriteContext, error: unknown) => void): Promise<void> {
  for (const ctx of ctxs) {
    for (const field of model.fields) {
      if (field.writable) checkShape(field, ctx.after[field.key], ctx.errors);
    }
    checkRanges(ctx, model);
  }
  await checkReferencesOfNew(ctxs, model, models);
  await checkUniqueOfNew(ctxs, model);
  // A tree loop needs an existing record: a new one has no descendants.
  let live = ctxs;
  for (const rule of rulesInOrder(model)) {
    if (rule.rows) {
      await rule.rows(live);
      continue;
    }
    const refused = new Set<WriteContext>();
    for (const ctx of live) {
      try {
        await rule(ctx);
      } catch (e) {
        refuse(ctx, e);
        refused.add(ctx);
      }
    }
    if (refused.size) live = live.filter((ctx) => !refused.has(ctx));
  }
}
