import { asc, inArray } from 'drizzle-orm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { delegationCatalogs, delegations } from '../../../drizzle/schema';
import type { Context } from '../../context';
import { FieldChange, fieldChanges } from '../../crud/display';
import { delegationResource } from '../delegation/delegation.resource';
import { organizationResource } from '../organization/organization.resource';
import { powerItemResource } from '../power-item/power-item.resource';
import { delegationCatalogResource } from './delegation-catalog.resource';
import { selectionOf } from '../../crud/model';
import { computedEnum, type Row } from '../../crud/resource';
import { graphqlEnum } from '../../crud/scalars';
import { dayBefore } from '../../dates';
import { notFound } from '../../errors';

// What changed between two editions of the catalog (动态调整), street by street: the items a street
// gains, those taken back, and those whose terms changed. The same answer serves the preview before
// publishing (the superseded edition against the draft) and the comparison of any two editions.

/** The change of one item for one street; labels for the 调整对照表's 调整类型 column. */
export const CatalogChange = graphqlEnum(
  computedEnum('CatalogChange', { zh: '调整类型', en: 'Change' }, {
    ADDED: { zh: '新增', en: 'Added' },
    REMOVED: { zh: '取消', en: 'Taken back' },
    CHANGED: { zh: '变更', en: 'Changed' },
  }),
);

/** The terms of a delegation compared between editions (its catalog, ids and notes are not terms). */
export const COMPARED = ['mode', 'scope', 'scopeNote', 'delegatingOrganizationId', 'effectiveFrom', 'effectiveTo'] as const;

export interface CatalogDiffItem {
  change: string;
  powerItemId: number;
  before: Row | null;
  after: Row | null;
  fields: FieldChange[];
}

export interface CatalogDiffRecipient {
  recipientId: number;
  added: CatalogDiffItem[];
  removed: CatalogDiffItem[];
  changed: CatalogDiffItem[];
  unchanged: number;
}

export interface CatalogDiff {
  from: Row;
  to: Row;
  recipients: CatalogDiffRecipient[];
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
}

/** The GraphQL types of a diff; they name the generated Delegation and DelegationCatalog types. */
export function catalogDiffTypes(Delegation: Function, DelegationCatalog: Function) {
  @ObjectType('CatalogDiffItem', { description: '调整事项 (One power item of one street that changed between the editions).' })
  class CatalogDiffItemType implements CatalogDiffItem {
    @Field(() => CatalogChange)
    change!: string;

    @Field(() => ID)
    powerItemId!: number;

    @Field(() => Delegation, { nullable: true, description: 'The delegation in the earlier edition (null when added).' })
    before!: Row | null;

    @Field(() => Delegation, { nullable: true, description: 'The delegation in the later edition (null when taken back).' })
    after!: Row | null;

    @Field(() => [FieldChange], { description: 'For a change: each term that differs, with its old and new value.' })
    fields!: FieldChange[];
  }

  @ObjectType('CatalogDiffRecipient', { description: '街道/乡镇的调整 (What one street or township gains, loses and keeps with changes).' })
  class CatalogDiffRecipientType implements CatalogDiffRecipient {
    @Field(() => ID)
    recipientId!: number;

    @Field(() => [CatalogDiffItemType], { description: 'Items the street receives in the later edition and not in the earlier one.' })
    added!: CatalogDiffItem[];

    @Field(() => [CatalogDiffItemType], { description: 'Items the street held in the earlier edition and loses in the later one.' })
    removed!: CatalogDiffItem[];

    @Field(() => [CatalogDiffItemType], { description: 'Items in both editions whose terms differ.' })
    changed!: CatalogDiffItem[];

    @Field(() => Int, { description: 'Items in both editions with the same terms.' })
    unchanged!: number;
  }

  @ObjectType('CatalogDiff', {
    description:
      '目录调整对照 (What changed between two editions of the catalog), per street or township. Streets with no change are not listed.',
  })
  class CatalogDiffType implements CatalogDiff {
    @Field(() => DelegationCatalog, { description: 'The earlier edition, compared from.' })
    from!: Row;

    @Field(() => DelegationCatalog, { description: 'The later edition, compared to.' })
    to!: Row;

    @Field(() => [CatalogDiffRecipientType], { description: 'Streets and townships with a change, in the order of their codes.' })
    recipients!: CatalogDiffRecipient[];

    @Field(() => Int)
    added!: number;

    @Field(() => Int)
    removed!: number;

    @Field(() => Int)
    changed!: number;

    @Field(() => Int)
    unchanged!: number;
  }

  return { CatalogDiffItem: CatalogDiffItemType, CatalogDiffRecipient: CatalogDiffRecipientType, CatalogDiff: CatalogDiffType };
}

/**
 * A delegation's terms as compared. Dates that only follow the editions are not changes: a
 * delegation that starts with its catalog, or ends the day before the edition replacing it takes
 * effect, has an unremarkable start or end, so a power carried over reads as unchanged.
 */
function terms(row: Row, catalog: Row, successorStart: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(COMPARED.map((k) => [k, row[k] ?? null]));
  if (out.effectiveFrom === catalog.effectiveFrom) out.effectiveFrom = null;
  if (successorStart && out.effectiveTo === dayBefore(successorStart)) out.effectiveTo = null;
  return out;
}

export async function catalogDiff(ctx: Context, fromId: string, toId: string): Promise<CatalogDiff> {
  const catalogs = ctx.records.of(delegationCatalogResource);
  const from = await catalogs.get(ctx.db, fromId);
  if (!from) throw notFound(catalogs.model.label, fromId);
  const to = await catalogs.get(ctx.db, toId);
  if (!to) throw notFound(catalogs.model.label, toId);

  const successors = await ctx.db
    .select({ supersedesId: delegationCatalogs.supersedesId, effectiveFrom: delegationCatalogs.effectiveFrom })
    .from(delegationCatalogs)
    .where(inArray(delegationCatalogs.supersedesId, [from.id, to.id]));
  const successorStart = (catalog: Row) => successors.find((s) => s.supersedesId === catalog.id)?.effectiveFrom;

  const model = ctx.records.model(delegationResource);
  const rows = (await ctx.db
    .select(selectionOf(model))
    .from(delegations)
    .where(inArray(delegations.catalogId, [from.id, to.id]))
    .orderBy(asc(delegations.id))) as Row[];
  const key = (r: Row) => `${r.recipientId}:${r.powerItemId}`;
  const earlier = new Map(rows.filter((r) => r.catalogId === from.id).map((r) => [key(r), r]));
  const later = new Map(rows.filter((r) => r.catalogId === to.id).map((r) => [key(r), r]));

  const byRecipient = new Map<number, CatalogDiffRecipient>();
  const recipient = (id: number) => {
    let entry = byRecipient.get(id);
    if (!entry) byRecipient.set(id, (entry = { recipientId: id, added: [], removed: [], changed: [], unchanged: 0 }));
    return entry;
  };
  const pending: Promise<void>[] = [];
  for (const [k, before] of earlier) {
    const after = later.get(k);
    const street = recipient(before.recipientId as number);
    if (!after) {
      street.removed.push({ change: 'REMOVED', powerItemId: before.powerItemId as number, before, after: null, fields: [] });
      continue;
    }
    const a = terms(before, from, successorStart(from));
    const b = terms(after, to, successorStart(to));
    // Held before the later edition and carried into it from its first day: held throughout, so the
    // earlier start is history, not a change (a copy made by draftNextEdition reads as unchanged).
    if (b.effectiveFrom === null && a.effectiveFrom !== null && (before.effectiveFrom as string) < (to.effectiveFrom as string)) a.effectiveFrom = null;
    const differing = COMPARED.filter((f) => a[f] !== b[f]);
    if (!differing.length) {
      street.unchanged++;
      continue;
    }
    const item: CatalogDiffItem = { change: 'CHANGED', powerItemId: before.powerItemId as number, before, after, fields: [] };
    street.changed.push(item);
    const changes = Object.fromEntries(differing.map((f) => [f, [before[f] ?? null, after[f] ?? null] as [unknown, unknown]]));
    pending.push(fieldChanges(ctx.records.models, model, changes, ctx).then((fields) => void (item.fields = fields)));
  }
  for (const [k, after] of later) {
    if (!earlier.has(k)) recipient(after.recipientId as number).added.push({ change: 'ADDED', powerItemId: after.powerItemId as number, before: null, after, fields: [] });
  }
  await Promise.all(pending);

  // Streets in the order of their codes, items in the order of theirs.
  const changedStreets = [...byRecipient.values()].filter((s) => s.added.length || s.removed.length || s.changed.length);
  const orgs = new Map(
    (await ctx.loaders.of(organizationResource).loadMany(changedStreets.map((s) => s.recipientId))).map((o) => [(o as Row).id, o as Row]),
  );
  const items = changedStreets.flatMap((s) => [...s.added, ...s.removed, ...s.changed]);
  const powerItems = new Map(
    (await ctx.loaders.of(powerItemResource).loadMany([...new Set(items.map((i) => i.powerItemId))])).map((p) => [(p as Row).id, p as Row]),
  );
  const text = (v: unknown) => String(v ?? '\uffff');
  const byCode = (a: Row | undefined, b: Row | undefined) => text(a?.code).localeCompare(text(b?.code)) || text(a?.name).localeCompare(text(b?.name), 'zh-CN');
  const itemOrder = (x: CatalogDiffItem, y: CatalogDiffItem) => byCode(powerItems.get(x.powerItemId), powerItems.get(y.powerItemId));
  for (const s of changedStreets) for (const list of [s.added, s.removed, s.changed]) list.sort(itemOrder);
  changedStreets.sort((x, y) => byCode(orgs.get(x.recipientId), orgs.get(y.recipientId)));

  const total = (pick: (s: CatalogDiffRecipient) => number) => [...byRecipient.values()].reduce((n, s) => n + pick(s), 0);
  return {
    from,
    to,
    recipients: changedStreets,
    added: total((s) => s.added.length),
    removed: total((s) => s.removed.length),
    changed: total((s) => s.changed.length),
    unchanged: total((s) => s.unchanged),
  };
}
