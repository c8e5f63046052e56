import { GraphQLJSON } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import type { Label } from '../../drizzle/schema/columns';
import type { Context } from '../context';
import { localDateTime } from '../dates';
import { targetOf, type FieldModel, type ResourceModel } from './model';

// Stored values as a person reads them, in both languages: an enum value by its label, a reference
// by the name of the record it points at, a moment in the configured zone. Written once for the
// record history and the catalog comparison, so both read the same.

@ObjectType('LocalizedText', { description: '中英文文本 (A text in Chinese and English).' })
export class LocalizedText {
  @Field(() => String)
  zh!: string;

  @Field(() => String)
  en!: string;
}

@ObjectType('FieldChange', {
  description: '字段变化 (One field’s change): its label, and the value before and after, as stored and as a person reads it.',
})
export class FieldChange {
  @Field(() => String, { description: 'The field’s name in the API (`mode`, `recipientId` …).' })
  field!: string;

  @Field(() => LocalizedText, { description: 'The field’s label.' })
  label!: Label;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The stored value before (an enum code, an id, an ISO instant …).' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The stored value after.' })
  after!: unknown;

  @Field(() => LocalizedText, { description: 'The value before as a person reads it: a label, a name, a local time; “—” when empty.' })
  beforeText!: Label;

  @Field(() => LocalizedText, { description: 'The value after as a person reads it.' })
  afterText!: Label;
}

export const EMPTY: Label = { zh: '—', en: '—' };
const same = (text: string): Label => ({ zh: text, en: text });
const NAME_LENGTH = 60;

function shorten(text: string): string {
  const chars = [...text];
  return chars.length > NAME_LENGTH ? `${chars.slice(0, NAME_LENGTH - 1).join('')}…` : text;
}

/**
 * The name of the record an id points at, through the request's batch loaders: its display fields
 * (`ui.display`) read in turn, a reference among them by the name of its own record (one step, so
 * a delegation reads "雪枫街道 · 挖掘城市道路审批").
 */
async function referenceText(models: ResourceModel[], field: FieldModel, id: unknown, ctx: Context, nested = false): Promise<Label> {
  const target = targetOf(models, field);
  const row = typeof id === 'number' ? await ctx.loaders.ofModel(target).load(id) : null;
  if (row) {
    const parts = await Promise.all(
      target.display.map(async (key): Promise<Label | null> => {
        const part = target.byKey.get(key);
        const value = row[key];
        if (!part || key === 'id' || value === null || value === undefined || value === '') return null;
        if (part.kind === 'reference') return nested ? null : referenceText(models, part, value, ctx, true);
        return valueText(models, part, value, ctx);
      }),
    );
    const named = parts.filter((p): p is Label => p !== null);
    if (named.length) return { zh: shorten(named.map((p) => p.zh).join(' · ')), en: shorten(named.map((p) => p.en).join(' · ')) };
  }
  // Deleted since, or a record without a name: say what it is.
  return { zh: `${target.label.zh}（编号 ${id}）`, en: `${target.label.en} #${id}` };
}

/** How one stored value of a field reads. */
export async function valueText(models: ResourceModel[], field: FieldModel, value: unknown, ctx: Context): Promise<Label> {
  if (value === null || value === undefined || value === '') return EMPTY;
  switch (field.kind) {
    case 'enum':
      return field.enumDef!.values[String(value)] ?? same(String(value));
    case 'enumList': {
      const labels = (value as unknown[]).map((v) => field.enumDef!.values[String(v)] ?? same(String(v)));
      return { zh: labels.map((l) => l.zh).join('、'), en: labels.map((l) => l.en).join(', ') };
    }
    case 'stringList':
      return { zh: (value as string[]).join('、'), en: (value as string[]).join(', ') };
    case 'reference':
      return referenceText(models, field, value, ctx);
    case 'boolean':
      return value ? { zh: '是', en: 'Yes' } : { zh: '否', en: 'No' };
    case 'datetime':
      return same(localDateTime(value as string));
    default:
      return same(String(value));
  }
}

/**
 * The changes of a record's fields, `{ field: [before, after] }`, with their labels and texts. All
 * names are asked for at once, so the loaders fetch each referenced type in one statement.
 */
export function fieldChanges(
  models: ResourceModel[],
  model: ResourceModel | undefined,
  changes: Record<string, [unknown, unknown]>,
  ctx: Context,
): Promise<FieldChange[]> {
  return Promise.all(
    Object.entries(changes).map(async ([key, [before, after]]): Promise<FieldChange> => {
      const field = model?.byKey.get(key);
      // A field the record no longer has: shown as it was stored.
      if (!field) return { field: key, label: same(key), before, after, beforeText: plain(before), afterText: plain(after) };
      const [beforeText, afterText] = await Promise.all([valueText(models, field, before, ctx), valueText(models, field, after, ctx)]);
      return { field: key, label: field.label, before, after, beforeText, afterText };
    }),
  );
}

/** A value with no field to interpret it. */
export function plain(value: unknown): Label {
  if (value === null || value === undefined || value === '') return EMPTY;
  return same(Array.isArray(value) ? value.join('、') : typeof value === 'object' ? JSON.stringify(value) : String(value));
}
