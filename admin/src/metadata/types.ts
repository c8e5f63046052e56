// The shape of the admin metadata that graphql-codegen writes from schema.graphql
// (admin/codegen/resource-metadata.ts). Every screen is rendered from it.

export interface Bilingual {
  zh: string;
  en: string;
}

/** `ratio` is a fraction (0.25) shown and entered as a percentage (25%). */
export type FieldKind = 'id' | 'string' | 'int' | 'float' | 'ratio' | 'boolean' | 'date' | 'datetime' | 'enum' | 'enumList' | 'stringList' | 'reference' | 'password';


export interface FieldMetadata {
  name: string;
  kind: FieldKind;
  label: Bilingual;
  help?: Bilingual;
  /** Accepted by create/update (false for ids, timestamps, server-kept and computed fields). */
  writable: boolean;
  /** Must be given on create. */
  required: boolean;
  nullable: boolean;
  /** The GraphQL enum of an enum field. */
  enumName?: string;
  /** The resource a reference points at (`recipientId` → `Organization`). */
  reference?: string;
  /** The field holding the referenced record itself (`recipientId` → `recipient`). */
  objectField?: string;
  /** What a new record starts with when the field is left alone (the create argument's default). */
  default?: unknown;
  /** A long text, entered in several lines. */
  multiline?: boolean;
  /** Set when creating; an edit form leaves it out (the record's history changes it). */
  fixedAfterCreate?: boolean;
  /** Filter suffixes the API accepts for this field (`_lt`, `_gte`, `_null` …); `eq` is the field itself. */
  filters: string[];
}

export interface ResourceMetadata {
  name: string;
  plural: string;
  label: Bilingual;
  description?: Bilingual;
  fields: FieldMetadata[];
  /** Arguments of create that are not fields of the record (a new account's initial password). */
  createOnly: FieldMetadata[];
  /** Its menu group. */
  group: MenuGroup;
  /** The one field that names a record; pickers sort by it (`id` when none does). */
  titleField: string;
  /** The fields that together name a record in titles, confirmations and reference columns. */
  display: string[];
  /** Columns the list shows by default (absent: every field). */
  listColumns?: string[];
  /** The API's `q` filter searches these. */
  searchable: boolean;
  /** Extra queries and mutations the API offers beside the grammar (completeTransfer …). */
  operations: string[];
  /** Whether the API has `createX` and `updateX` for it (not for records the server alone writes). */
  creatable: boolean;
  editable: boolean;
  /** The records that point at this one, shown under its fields (hidden ones left out). */
  relations: RelationMetadata[];
  /** Present when the record keeps files (its `attachments` field): the kinds an upload may name. */
  attachments?: { kinds: { value: string; label: Bilingual }[] };
}

/** A reverse relation: the `resource` records whose `via` is this record, read as `field` and `_<field>Meta`. */
export interface RelationMetadata {
  field: string;
  resource: string;
  via: string;
  label: Bilingual;
}

export interface EnumMetadata {
  name: string;
  label: Bilingual;
  values: { value: string; label: Bilingual }[];
}

export interface MenuGroup {
  key: string;
  label: Bilingual;
}

export interface AdminMetadata {
  /** In menu order. */
  resources: ResourceMetadata[];
  groups: MenuGroup[];
  enums: Record<string, EnumMetadata>;
}
