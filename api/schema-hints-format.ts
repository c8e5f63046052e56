// The format of schema.hints.json, shared by the API that writes it (api/schema-hints.ts) and the
// admin's code generator that reads it. No imports: the admin's compiler checks this file too.

export interface Bilingual {
  zh: string;
  en: string;
}

export interface FieldHints {
  label: Bilingual;
  help?: Bilingual;
  /** A long text, entered in a box of several lines. */
  multiline?: boolean;
  /** Set when creating; afterwards changed only through the record's history, so edit forms leave it out. */
  fixedAfterCreate?: boolean;
}

export interface RecordHints {
  label: Bilingual;
  description?: Bilingual;
  /** The one field that names a record (pickers sort by it); `id` when none does. */
  title: string;
  /** The fields that together name a record, in order; a reference shows the name of its record. */
  display: string[];
  /** The menu group, by key (see `groups`). */
  group: string;
  /** Columns a list shows by default; absent: every field. */
  listColumns?: string[];
  fields: Record<string, FieldHints>;
  /** The records that point at this one (reverse relations), in registration order. */
  relations: RelationHints[];
  /** Present when the record keeps files (its `attachments` field): the kinds an upload may name. */
  attachments?: { kinds: Record<string, Bilingual> };
}

export interface RelationHints {
  /** The list field of the type (`delegationsAsRecipient`); its count is `_<field>Meta`. */
  field: string;
  /** The record that points. */
  resource: string;
  /** Its reference field that points (`recipientId`): the filter of the full list. */
  via: string;
  label: Bilingual;
  /** Left off the record page (noise there); the API still answers it. */
  hidden?: boolean;
}

export interface SchemaHints {
  /** Menu groups in menu order; records within a group in registration order. */
  groups: { key: string; label: Bilingual }[];
  records: Record<string, RecordHints>;
  enums: Record<string, { label: Bilingual; values: Record<string, Bilingual> }>;
}
