import type { Label } from '../../drizzle/schema/columns';
import type { Context } from '../context';
import { EMPTY, fieldChanges, plain, type FieldChange } from './display';
import { localDateTime } from '../dates';
import type { ResourceModel } from './model';
import { ATTACHMENT_LABEL } from './attachments';

// How a history entry reads. Most entries are changes of a record's columns, read through the
// record's own labels; a few record what is not a column: that a password changed (never the
// password), and the records a token's scopes name. Those are labelled here, in both languages.

interface Special {
  label: Label;
  text: (value: unknown, models: ResourceModel[]) => Label;
}

/** A time recorded in an entry (a purge's limit), as the county reads it. */
const when = (v: unknown): Label => (v ? { zh: localDateTime(v as string), en: localDateTime(v as string) } : EMPTY);

/** Resource names (a token's scopes) by their labels. */
function resourceLabels(models: ResourceModel[], value: unknown): Label {
  if (!Array.isArray(value)) return plain(value);
  const labels = value.map((name) => models.find((m) => m.name === name)?.label ?? { zh: String(name), en: String(name) });
  return { zh: labels.map((l) => l.zh).join('、'), en: labels.map((l) => l.en).join(', ') };
}

const SPECIAL: Record<string, Record<string, Special>> = {
  User: {
    // Recorded as ['(set)', '(changed)']: the fact of the change, nothing of either password.
    password: {
      label: { zh: '密码', en: 'Password' },
      text: (v) => (v === '(changed)' ? { zh: '已更改（不显示）', en: 'changed (not shown)' } : v ? { zh: '已设置', en: 'set' } : EMPTY),
    },
  },
  // A token's other fields read as its record's; its scopes name records, read by their labels.
  ApiToken: {
    scopes: { label: { zh: '可读资源', en: 'Readable resources' }, text: (v, models) => resourceLabels(models, v) },
  },
  // A purge of the audit trail, recorded as an entry about the last entry it deleted (the anchor).
  AuditEntry: {
    purgedBefore: { label: { zh: '清理界限', en: 'Purged before' }, text: when },
    deleted: { label: { zh: '删除条数', en: 'Entries deleted' }, text: plain },
    anchorHash: { label: { zh: '锚点哈希', en: 'Anchor hash' }, text: plain },
  },
};

/** A file kept with any record (its kind and name), uploaded or deleted: not a column of the record. */
const ATTACHMENT: Record<string, Special> = { attachment: { label: ATTACHMENT_LABEL, text: plain } };

/** The changes of one history entry, labelled and read as a person would. */
export async function auditFieldChanges(resource: string, changes: Record<string, [unknown, unknown]>, ctx: Context): Promise<FieldChange[]> {
  const special = { ...ATTACHMENT, ...SPECIAL[resource] };
  const ordinary = Object.fromEntries(Object.entries(changes).filter(([key]) => !special[key]));
  const models = ctx.records.models;
  const model = ctx.records.named(resource)?.model;
  const read = new Map((await fieldChanges(models, model, ordinary, ctx)).map((c) => [c.field, c]));
  return Object.entries(changes).map(([key, [before, after]]) => {
    const s = special[key];
    return s ? { field: key, label: s.label, before, after, beforeText: s.text(before, models), afterText: s.text(after, models) } : read.get(key)!;
  });
}
