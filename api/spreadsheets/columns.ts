import { getTableColumns } from 'drizzle-orm';
import type { Label } from '../../drizzle/schema/columns';
import { targetOf, type FieldModel, type ResourceModel } from '../crud/model';

// The columns of a record in a spreadsheet, worked out from its model: the id, then every field a
// person can read, in the table's order, headed by the labels the admin shows. Written once for
// export and import, so a file exported reads back column for column.

export type Lang = 'zh' | 'en';

export interface SheetColumn {
  field: FieldModel;
  label: Label;
  /** Every heading this column answers to, normalised (labels in both languages, declared synonyms, the API name). */
  headings: string[];
}

/** Kept by the server and not worth a column: the edit counter and timestamps. */
const LEFT_OUT = new Set(['version', 'createdAt', 'updatedAt']);

/** A heading as people vary it: spaces, full-width brackets and a trailing colon or asterisk do not count. */
export function normalizeHeading(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

export function sheetColumns(model: ResourceModel): SheetColumn[] {
  const synonyms = model.definition.spreadsheet?.synonyms ?? {};
  return model.fields
    .filter((f) => !LEFT_OUT.has(f.key))
    .map((field) => ({
      field,
      label: field.label,
      headings: [...new Set([field.label.zh, field.label.en, field.key, ...(synonyms[field.key] ?? [])].map(normalizeHeading))],
    }));
}

/**
 * The fields a reference to this record is written as (see `SpreadsheetHints.names`): declared, or
 * its single-column unique text fields (a code) and then its title. Empty for a record named only
 * by its id (a delegation), which is then referred to by id.
 */
export function nameFields(model: ResourceModel): FieldModel[] {
  const declared = model.definition.spreadsheet?.names;
  const keys = declared ?? [
    ...model.uniqueGroups.filter((g) => g.length === 1 && model.byKey.get(g[0])?.kind === 'string').map((g) => g[0]),
    ...(model.byKey.get(model.titleField)?.kind === 'string' ? [model.titleField] : []),
  ];
  return [...new Set(keys)].map((k) => {
    const field = model.byKey.get(k);
    if (!field || !(k in getTableColumns(model.table))) throw new Error(`${model.name}.spreadsheet names ${k}, which is not a column`);
    return field;
  });
}

/** The record a reference column points at. */
export function referenced(models: ResourceModel[], field: FieldModel): ResourceModel {
  return targetOf(models, field);
}
