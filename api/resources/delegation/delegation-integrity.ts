import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { delegationCatalogs, delegations, enumDefinitions, organizations, powerItems } from '../../../drizzle/schema';
import { config } from '../../config';
import { dayBefore } from '../../dates';
import type { Tx } from '../../db';
import type { FieldErrors } from '../../errors';
import { rowIndependent, type WriteContext, type WriteRule } from '../../crud/resource';

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

// The power item a write names, read once for the rules of that write (the seed writes hundreds),
// or once for all the new delegations of an import's batch (`itemsOf`).
const items = new WeakMap<WriteContext, Promise<ItemFacts | undefined>>();
const itemFacts = { id: powerItems.id, name: powerItems.name, category: powerItems.category, sourceDepartmentId: powerItems.sourceDepartmentId, source: organizations.name };
function itemOf(ctx: WriteContext): Promise<ItemFacts | undefined> {
  let found = items.get(ctx);
  if (!found) {
    found = ctx.tx
      .select(itemFacts)
      .from(powerItems)
      .innerJoin(organizations, eq(organizations.id, powerItems.sourceDepartmentId))
      .where(eq(powerItems.id, ctx.after.powerItemId as number))
      .then((rows) => rows[0]);
    items.set(ctx, found);
  }
  return found;
}

/** Reads, in one statement, the power items of the writes whose rules will ask `itemOf` (a valid id, not in error). */
async function itemsOf(ctxs: WriteContext[]): Promise<void> {
  const asking = ctxs.filter((ctx) => !items.has(ctx) && !ctx.errors.has('powerItemId') && ctx.after.powerItemId != null);
  const ids = [...new Set(asking.map((ctx) => ctx.after.powerItemId as number))];
  if (!ids.length) return;
  const rows = await asking[0].tx.select(itemFacts).from(powerItems).innerJoin(organizations, eq(organizations.id, powerItems.sourceDepartmentId)).where(inArray(powerItems.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const ctx of asking) items.set(ctx, Promise.resolve(byId.get(ctx.after.powerItemId as number)));
}

/** The labels of a power category, from the enum's own definition. */
function categoryLabel(category: string): { zh: string; en: string } {
  return enumDefinitions.get('power_category')?.values[category] ?? { zh: category, en: category };
}

/** The organizations above each given one (itself first, nearest first), in one statement; the depth bound guards a cycle. */
async function chainsOf(tx: Tx, ids: number[]): Promise<Map<number, { id: number; name: string }[]>> {
  const result = (await tx.execute(sql`
    with recursive up(start, id, parent_id, name, depth) as (
      select id, id, parent_id, name, 0 from ${organizations} where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
      union all
      select up.start, o.id, o.parent_id, o.name, up.depth + 1 from ${organizations} o join up on o.id = up.parent_id where up.depth < 32
    ) select start, id, name from up order by start, depth`)) as unknown as { rows: { start: number; id: number; name: string }[] };
  const out = new Map<number, { id: number; name: string }[]>();
  for (const row of result.rows) {
    const start = Number(row.start);
    if (!out.has(start)) out.set(start, []);
    out.get(start)!.push({ id: Number(row.id), name: row.name });
  }
  return out;
}

/** Whether the source-department rule has anything to judge in this write. */
function sourceAsked(ctx: WriteContext): boolean {
  const { after, errors } = ctx;
  if (errors.has('delegatingOrganizationId') || errors.has('powerItemId')) return false;
  if (after.delegatingOrganizationId == null || after.powerItemId == null) return false;
  return changed(ctx, 'delegatingOrganizationId', 'powerItemId');
}

function checkSource(ctx: WriteContext, item: ItemFacts, chain: { id: number; name: string }[]): void {
  if (chain.some((r) => r.id === item.sourceDepartmentId)) return;
  const delegating = chain[0]?.name ?? String(ctx.after.delegatingOrganizationId);
  ctx.errors.add(
    'delegatingOrganizationId',
    'sourceDepartment',
    `赋权部门应为事项“${item.name}”的原实施部门“${item.source}”或其下属单位，“${delegating}”不是`,
    `The delegating organization must be the source department of "${item.name}" ("${item.source}") or a unit under it; "${delegating}" is neither`,
  );
}

/**
 * The delegating organization is the power item's source department (原实施部门) or a unit under it
 * (a 分局 or 中队 whose parent chain reaches the department): no department hands down a power it
 * does not hold. It reads power items and organizations only: an import's rows are checked
 * together, with one statement for their items and one for the parent chains.
 */
export const sourceDepartmentRule: WriteRule = rowIndependent(
  async (ctx) => {
    if (!sourceAsked(ctx)) return;
    const item = await itemOf(ctx);
    if (!item || item.sourceDepartmentId === ctx.after.delegatingOrganizationId) return;
    const id = ctx.after.delegatingOrganizationId as number;
    checkSource(ctx, item, (await chainsOf(ctx.tx, [id])).get(id) ?? []);
  },
  async (ctxs) => {
    const asking = ctxs.filter(sourceAsked);
    if (!asking.length) return;
    await itemsOf(asking);
    const away: [WriteContext, ItemFacts][] = [];
    for (const ctx of asking) {
      const item = await itemOf(ctx);
      if (item && item.sourceDepartmentId !== ctx.after.delegatingOrganizationId) away.push([ctx, item]);
    }
    if (!away.length) return;
    const chains = await chainsOf(away[0][0].tx, [...new Set(away.map(([ctx]) => ctx.after.delegatingOrganizationId as number))]);
    for (const [ctx, item] of away) checkSource(ctx, item, chains.get(ctx.after.delegatingOrganizationId as number) ?? []);
  },
);

/**
 * Categories a street may receive (configuration; licensing stays with the department by default).
 * It reads power items only: an import's rows are checked with one statement for their items.
 */
async function delegableCategory(ctx: WriteContext): Promise<void> {
  const { after, errors } = ctx;
  if (errors.has('powerItemId') || after.powerItemId == null || !changed(ctx, 'powerItemId')) return;
  const item = await itemOf(ctx);
  if (item) addCategoryError(errors, 'powerItemId', item);
}
export const delegableCategoryRule: WriteRule = rowIndependent(delegableCategory, async (ctxs) => {
  await itemsOf(ctxs);
  for (const ctx of ctxs) await delegableCategory(ctx);
});

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
export const confirmationRule: WriteRule = rowIndependent(async ({ after, errors }: WriteContext): Promise<void> => {
  if (after.confirmationSignedOn && !after.confirmationNumber) {
    errors.add(
      'confirmationNumber',
      'required',
      '已填写确认书签订日期，须同时填写赋权确认书编号',
      'A signed confirmation needs its number',
    );
  }
});

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

const IN_FORCE_FIELDS = ['catalogId', 'powerItemId', 'recipientId', 'effectiveFrom', 'effectiveTo'];

/** Whether the in-force rule has anything to judge in this write. */
function inForceAsked(ctx: WriteContext): boolean {
  return !IN_FORCE_FIELDS.some((f) => ctx.errors.has(f)) && changed(ctx, ...IN_FORCE_FIELDS);
}

const holdingFacts = {
  id: other.id,
  powerItemId: other.powerItemId,
  recipientId: other.recipientId,
  catalogId: other.catalogId,
  effectiveFrom: other.effectiveFrom,
  effectiveTo: other.effectiveTo,
  catalogTitle: otherCatalog.title,
};

/** `holdings` are the delegations of the same item and street in other published or superseded catalogs. */
function checkInForce(ctx: WriteContext, holdings: Holding[], catalog: { supersedesId: number | null; effectiveFrom: string } | undefined): void {
  if (!holdings.length || !catalog) return;
  const { after, errors } = ctx;
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
 * One item is in force for one street at most once on any day across catalogs, so "what did street
 * X hold on day D" (delegationsAsOf) never answers an item twice. Drafts do not count until published.
 *
 * It reads delegations, but only those of published or superseded catalogs, and no new delegation
 * is one of them: the catalog guard refuses a delegation into any catalog but a draft before the
 * rules run. So the rows of an import's batch cannot change its answer for one another, and they
 * are checked together: one statement for the holdings of all their items and streets, one for
 * their catalogs.
 */
export const inForceOnceRule: WriteRule = rowIndependent(
  async (ctx) => {
    if (!inForceAsked(ctx)) return;
    const { after } = ctx;
    const holdings = await ctx.tx
      .select(holdingFacts)
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
    checkInForce(ctx, holdings, catalog);
  },
  async (ctxs) => {
    const asking = ctxs.filter(inForceAsked);
    if (!asking.length) return;
    const tx = asking[0].tx;
    const pairOf = (itemId: unknown, recipientId: unknown) => `${itemId}:${recipientId}`;
    const held = new Map<string, Holding[]>();
    // The items and the streets of the batch, matched in pairs here (as `rowsWithKeys` does): a list
    // of row comparisons takes PostgreSQL longer to plan, and a catalog file names few streets.
    const wanted = new Set(asking.map((ctx) => pairOf(ctx.after.powerItemId, ctx.after.recipientId)));
    const recipients = [...new Set(asking.map((ctx) => ctx.after.recipientId as number))];
    const itemIds = [...new Set(asking.map((ctx) => ctx.after.powerItemId as number))];
    for (let i = 0; i < itemIds.length; i += 1000) {
      const rows = await tx
        .select(holdingFacts)
        .from(other)
        .innerJoin(otherCatalog, eq(otherCatalog.id, other.catalogId))
        .where(and(inArray(other.powerItemId, itemIds.slice(i, i + 1000)), inArray(other.recipientId, recipients), inArray(otherCatalog.status, [...IN_FORCE])));
      for (const row of rows) {
        const key = pairOf(row.powerItemId, row.recipientId);
        if (!wanted.has(key)) continue;
        if (!held.has(key)) held.set(key, []);
        held.get(key)!.push(row);
      }
    }
    if (!held.size) return;
    const catalogIds = [...new Set(asking.map((ctx) => ctx.after.catalogId as number))];
    const catalogs = new Map((await tx.select().from(delegationCatalogs).where(inArray(delegationCatalogs.id, catalogIds))).map((c) => [c.id, c]));
    for (const ctx of asking) {
      const holdings = (held.get(pairOf(ctx.after.powerItemId, ctx.after.recipientId)) ?? []).filter((h) => h.catalogId !== ctx.after.catalogId);
      checkInForce(ctx, holdings, catalogs.get(ctx.after.catalogId as number));
    }
  },
);

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
