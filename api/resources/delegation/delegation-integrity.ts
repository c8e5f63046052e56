import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { delegationCatalogs, delegations, enumDefinitions, organizations, powerItems } from '../../../drizzle/schema';
import { config } from '../../config';
import { dayBefore } from '../../dates';
import type { Tx } from '../../db';
import type { FieldErrors } from '../../errors';
import type { WriteContext } from '../../crud/resource';

// What the documents require of a delegation beyond its own fields: the power comes from the
// department that holds it, a street holds one item once on any day, only the categories a street
// may receive are handed down, and a signed 赋权确认书 has its number. Each check is a declared rule
// of the Delegation record; the ones that depend on other catalogs run again when a draft is
// published (`catalogIntegrity`), since those catalogs may have changed since the draft was edited.

const changed = (ctx: WriteContext, ...fields: string[]) => !ctx.before || fields.some((f) => ctx.before![f] !== ctx.after[f]);

interface ItemFacts {
  name: string;
  category: string;
  sourceDepartmentId: number;
  source: string;
}

// The power item a write names, read once for the rules of that write (the seed writes hundreds).
const items = new WeakMap<WriteContext, Promise<ItemFacts | undefined>>();
function itemOf(ctx: WriteContext): Promise<ItemFacts | undefined> {
  let found = items.get(ctx);
  if (!found) {
    found = ctx.tx
      .select({ name: powerItems.name, category: powerItems.category, sourceDepartmentId: powerItems.sourceDepartmentId, source: organizations.name })
      .from(powerItems)
      .innerJoin(organizations, eq(organizations.id, powerItems.sourceDepartmentId))
      .where(eq(powerItems.id, ctx.after.powerItemId as number))
      .then((rows) => rows[0]);
    items.set(ctx, found);
  }
  return found;
}

/** The labels of a power category, from the enum's own definition. */
function categoryLabel(category: string): { zh: string; en: string } {
  return enumDefinitions.get('power_category')?.values[category] ?? { zh: category, en: category };
}

/**
 * The delegating organization is the power item's source department (原实施部门) or a unit under it
 * (a 分局 or 中队 whose parent chain reaches the department): no department hands down a power it
 * does not hold.
 */
export async function sourceDepartmentRule(ctx: WriteContext): Promise<void> {
  const { after, errors } = ctx;
  if (errors.has('delegatingOrganizationId') || errors.has('powerItemId')) return;
  if (after.delegatingOrganizationId == null || after.powerItemId == null) return;
  if (!changed(ctx, 'delegatingOrganizationId', 'powerItemId')) return;
  const item = await itemOf(ctx);
  if (!item || item.sourceDepartmentId === after.delegatingOrganizationId) return;
  // The delegating organization and its ancestors, nearest first; the depth bound guards a cycle.
  const chain = (await ctx.tx.execute(sql`
    with recursive up(id, parent_id, name, depth) as (
      select id, parent_id, name, 0 from ${organizations} where id = ${after.delegatingOrganizationId}
      union all
      select o.id, o.parent_id, o.name, up.depth + 1 from ${organizations} o join up on o.id = up.parent_id where up.depth < 32
    ) select id, name from up order by depth`)) as unknown as { rows: { id: number; name: string }[] };
  const rows = chain.rows;
  if (rows.some((r) => Number(r.id) === item.sourceDepartmentId)) return;
  const delegating = rows[0]?.name ?? String(after.delegatingOrganizationId);
  errors.add(
    'delegatingOrganizationId',
    'sourceDepartment',
    `赋权部门应为事项“${item.name}”的原实施部门“${item.source}”或其下属单位，“${delegating}”不是`,
    `The delegating organization must be the source department of "${item.name}" ("${item.source}") or a unit under it; "${delegating}" is neither`,
  );
}

/** Categories a street may receive (configuration; licensing stays with the department by default). */
export async function delegableCategoryRule(ctx: WriteContext): Promise<void> {
  const { after, errors } = ctx;
  if (errors.has('powerItemId') || after.powerItemId == null || !changed(ctx, 'powerItemId')) return;
  const item = await itemOf(ctx);
  if (item) addCategoryError(errors, 'powerItemId', item);
}

function addCategoryError(errors: FieldErrors, field: string, item: { name: string; category: string }): void {
  if (config.delegableCategories.includes(item.category)) return;
  const allowed = config.delegableCategories.map(categoryLabel);
  const label = categoryLabel(item.category);
  errors.add(
    field,
    'category',
    `“${item.name}”属于${label.zh}，不能赋予街道、乡镇；可赋予的事项类型：${allowed.map((l) => l.zh).join('、')}`,
    `"${item.name}" is ${label.en.toLowerCase()}, which cannot be delegated to a street or township; delegable categories: ${allowed.map((l) => l.en).join(', ')}`,
  );
}

/** A signed 赋权确认书 has a number: a date alone would report a confirmation nobody can find. */
export async function confirmationRule({ after, errors }: WriteContext): Promise<void> {
  if (after.confirmationSignedOn && !after.confirmationNumber) {
    errors.add(
      'confirmationNumber',
      'required',
      '已填写确认书签订日期，须同时填写赋权确认书编号',
      'A signed confirmation needs its number',
    );
  }
}

interface Span {
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** Whether two day ranges share a day; an open end runs for ever. */
function overlap(a: Span, b: Span): boolean {
  return (b.effectiveTo === null || a.effectiveFrom <= b.effectiveTo) && (a.effectiveTo === null || b.effectiveFrom <= a.effectiveTo);
}

interface Holding extends Span {
  id: number;
  catalogId: number;
  catalogTitle: string;
}

const other = alias(delegations, 'other');
const otherCatalog = alias(delegationCatalogs, 'other_catalog');
const IN_FORCE = ['PUBLISHED', 'SUPERSEDED'] as const;

/**
 * A delegation of another, published or superseded, catalog as it will stand once `catalog` (a
 * draft) is published: publishing closes the open delegations of the edition it supersedes the day
 * before it takes effect, so those count only up to that day.
 */
function asPublished(holding: Holding, catalog: { supersedesId: number | null; effectiveFrom: string }): Span {
  if (holding.catalogId !== catalog.supersedesId) return holding;
  const lastDay = dayBefore(catalog.effectiveFrom);
  return { effectiveFrom: holding.effectiveFrom, effectiveTo: holding.effectiveTo !== null && holding.effectiveTo < lastDay ? holding.effectiveTo : lastDay };
}

function describe(h: Holding) {
  return { zh: `目录“${h.catalogTitle}”（${h.effectiveFrom} 至 ${h.effectiveTo ?? '长期'}）`, en: `catalog "${h.catalogTitle}" (${h.effectiveFrom} to ${h.effectiveTo ?? 'open-ended'})` };
}

/**
 * One item is in force for one street at most once on any day across catalogs, so "what did street
 * X hold on day D" (delegationsAsOf) never answers an item twice. Drafts do not count until published.
 */
export async function inForceOnceRule(ctx: WriteContext): Promise<void> {
  const { after, errors } = ctx;
  if (['catalogId', 'powerItemId', 'recipientId', 'effectiveFrom', 'effectiveTo'].some((f) => errors.has(f))) return;
  if (!changed(ctx, 'catalogId', 'powerItemId', 'recipientId', 'effectiveFrom', 'effectiveTo')) return;
  const holdings = await ctx.tx
    .select({
      id: other.id,
      catalogId: other.catalogId,
      effectiveFrom: other.effectiveFrom,
      effectiveTo: other.effectiveTo,
      catalogTitle: otherCatalog.title,
    })
    .from(other)
    .innerJoin(otherCatalog, eq(otherCatalog.id, other.catalogId))
    .where(
      and(
        eq(other.powerItemId, after.powerItemId as number),
        eq(other.recipientId, after.recipientId as number),
        ne(other.catalogId, after.catalogId as number),
        inArray(otherCatalog.status, [...IN_FORCE]),
      ),
    );
  if (!holdings.length) return;
  const [catalog] = await ctx.tx.select().from(delegationCatalogs).where(eq(delegationCatalogs.id, after.catalogId as number));
  if (!catalog) return;
  const mine = { effectiveFrom: after.effectiveFrom as string, effectiveTo: (after.effectiveTo as string | null) ?? null };
  const clash = holdings.find((h) => overlap(mine, asPublished(h, catalog)));
  if (!clash) return;
  const where = describe(clash);
  errors.add(
    'powerItemId',
    'inForce',
    `该事项在这一街道（乡镇）已由${where.zh}赋予，日期重叠；同一事项同一天只能有一项有效赋权`,
    `This item is already delegated to this street or township by ${where.en}, overlapping these dates; an item is in force at most once a day`,
  );
}

/**
 * The checks of `inForceOnceRule` and `delegableCategoryRule` over a whole draft, at publication:
 * catalogs published since the draft was edited, and the configuration, may have changed. Field
 * errors on `delegations`, naming the first few items in question.
 */
export async function catalogIntegrity(
  tx: Tx,
  catalog: { id: number; supersedesId: number | null; effectiveFrom: string },
  errors: FieldErrors,
): Promise<void> {
  const rows = await tx
    .select({
      item: powerItems.name,
      street: organizations.name,
      effectiveFrom: delegations.effectiveFrom,
      effectiveTo: delegations.effectiveTo,
      holding: {
        id: other.id,
        catalogId: other.catalogId,
        effectiveFrom: other.effectiveFrom,
        effectiveTo: other.effectiveTo,
        catalogTitle: otherCatalog.title,
      },
    })
    .from(delegations)
    .innerJoin(powerItems, eq(powerItems.id, delegations.powerItemId))
    .innerJoin(organizations, eq(organizations.id, delegations.recipientId))
    .innerJoin(other, and(eq(other.powerItemId, delegations.powerItemId), eq(other.recipientId, delegations.recipientId), ne(other.catalogId, delegations.catalogId)))
    .innerJoin(otherCatalog, and(eq(otherCatalog.id, other.catalogId), inArray(otherCatalog.status, [...IN_FORCE])))
    .where(eq(delegations.catalogId, catalog.id))
    .orderBy(delegations.id);
  const clashes = rows.filter((r) => overlap(r, asPublished(r.holding, catalog)));
  if (clashes.length) {
    const shown = clashes.slice(0, 3);
    const more = clashes.length > shown.length;
    errors.add(
      'delegations',
      'inForce',
      `${clashes.length} 项赋权与其他目录中仍有效的赋权日期重叠：${shown.map((c) => `${c.street}“${c.item}”（${describe(c.holding).zh}）`).join('；')}${more ? ' 等' : ''}`,
      `${clashes.length} delegation(s) overlap delegations still in force in other catalogs: ${shown.map((c) => `${c.street} "${c.item}" (${describe(c.holding).en})`).join('; ')}${more ? ' …' : ''}`,
    );
  }
  const categories = await tx
    .selectDistinct({ name: powerItems.name, category: powerItems.category })
    .from(delegations)
    .innerJoin(powerItems, eq(powerItems.id, delegations.powerItemId))
    .where(eq(delegations.catalogId, catalog.id));
  const refused = categories.filter((c) => !config.delegableCategories.includes(c.category));
  if (refused.length) addCategoryError(errors, 'delegations', refused[0]);
}
