import type { SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { GraphQLError } from 'graphql';
import type { EnumDefinition, Label } from '../../drizzle/schema/columns';
import type { userRole } from '../../drizzle/schema/accounts';
import type { FieldErrors } from '../errors';
import type { Tx } from '../db';
import type { ResourceTypes } from './graphql-types';
import type { Records } from './records';
import type { CrudService } from './service';

/** A help text or description: in both languages, or (until translated) English only. */
export type Text = Label | string;

/** What the schema says about one column, beyond what drizzle already knows. */
export interface FieldMeta {
  label: Label;
  /** Longer explanation shown as help text and emitted as the GraphQL description. */
  help?: Text;
  /** Kept by the server (status, publication time): never a create/update argument. */
  readOnly?: boolean;
  /** Never leaves the server (a password hash): not in the GraphQL type, filters or the audit trail. */
  hidden?: boolean;
  /** Identifies a person (name, phone, certificate number): masked for API tokens without personal-data scope. */
  personal?: boolean;
  /** Bounds of a number, both inclusive. */
  min?: number;
  max?: number;
  /**
   * How clients show it. A text column of 500 characters or more takes several lines unless told.
   * `related: false` on a reference keeps its reverse relation (the records that point at the
   * referenced one this way) off the referenced record's page, where it would be noise; the API
   * still answers it. `fixedAfterCreate` marks a field set on creation that later changes only
   * through the record's own history (a certificate's status): forms leave it out when editing.
   */
  ui?: { multiline?: boolean; related?: false; fixedAfterCreate?: true };
}

/** How clients show a record (the admin's screens), declared with it. */
export interface RecordUi {
  /** The one field that names a record (pickers sort by it, the history names it so); default `id`. */
  title?: string;
  /** The fields that together name a record, in order (default: the title); a reference reads as the name of its record. */
  display?: string[];
  /** Its menu group (api/resources/menu.ts). */
  group: { key: string; label: Label };
  /** Columns its list shows by default (default: every field). */
  listColumns?: string[];
}

/**
 * A field worked out by the database from the record and its neighbours (a vacancy rate, whether a
 * finding is overdue). It is one SQL expression over the resource's table, so it is read with the
 * row in the same statement and can be filtered and sorted on like a stored column.
 */
export interface ComputedField {
  label: Label;
  help?: Text;
  /** `ratio` is a fraction (0.25 = 25%), shown as a percentage; `enum` takes its values from `enum`. */
  type: 'boolean' | 'int' | 'float' | 'ratio' | 'enum';
  /** The values of an `enum` field (see `computedEnum`). */
  enum?: EnumDefinition;
  nullable?: boolean;
  /**
   * The column it qualifies (a certificate's standing beside its stored status): the field is
   * listed right after it, so forms, record pages and list columns show the two together.
   */
  beside?: string;
  /** Built at query time, so it may bind values such as today's date. */
  sql: () => SQL;
}

/** A record as the generic layer sees any of them: its columns (and computed fields) by name. */
export type Row = Record<string, unknown> & { id: number; version: number };

/**
 * A stored record of table `T` as drizzle types it (`$inferSelect`), computed fields beside it by
 * name: what a record's service reads and writes (`records.of(findingResource).claim(…)`). A read
 * shaped by a query (`getAs`, `listAs`) holds only what was asked, and stays a `Row`.
 */
export type RowOf<T extends PgTable> = T['$inferSelect'] & Row;

/**
 * A row typed as its table says, where the generic code handed a `Row` (a rule's `after`). A
 * service reached by its definition already answers `RowOf` its table.
 */
export function rowOf<T extends PgTable>(_table: T, row: Row): T['$inferSelect'] {
  return row as T['$inferSelect'];
}

/**
 * A reference field of the record, or a reference followed one step (`{ via: 'staffMemberId', field: 'organizationId' }`)
 * or more (a certificate's event: `{ via: 'certificateId', field: { via: 'staffMemberId', field: 'organizationId' } }`).
 */
export type OwnerPath = string | { via: string; field: OwnerPath };

type Role = (typeof userRole.enumValues)[number];
export type WriterRole = Exclude<Role, 'VIEWER' | 'AUDIT_ADMIN'>;

/**
 * Who may change a resource's records: the role that writes it (an administrator writes
 * everything), and which organization a record belongs to, so street and township accounts write
 * only their own. `owner` names the references that decide an organization:
 * - one path, or a list of them: every one that is set must be the account's own (a posting's place
 *   of work, the establishment it holds and its person's organization);
 * - `{ anyOf: [...] }`: the record is shared, and an account of any of them may write it (a
 *   transfer belongs to the organization it leaves and to the one it goes to).
 * A resource without an owner is written only by county-level accounts.
 */
export interface Access {
  /** The role that writes it, or several (an organization: the catalog's editors and the system administrator). */
  writers: WriterRole | WriterRole[];
  /**
   * Roles that read every record of a private resource (`privateTo`) without writing it: the audit
   * administrator reads the login log and the sessions.
   */
  readers?: Role[];
  /**
   * Which of several writers runs an operation (`create`, `delete`, or a domain operation such as
   * `unlockUser`) when not all of them do; `myPermissions` reports it, the record's guards and
   * resolvers enforce it. The county-wide administrator runs every one.
   */
  operations?: Record<string, WriterRole[]>;
  owner?: OwnerPath | OwnerPath[] | { anyOf: OwnerPath[] };
  /** What a street or township account is told when the record is not its own (default: a generic sentence). */
  refusal?: Label;
  /**
   * The field naming the account a record is about (a User's own `id`). When set, only the
   * writers read every record; any other caller reads just the records that are theirs, by
   * `X(id)`, `allXs`, `_allXsMeta` and nested references alike.
   */
  privateTo?: string;
  /**
   * Only those who write the records (and `readers`) read them (API tokens, the administrators'
   * business); anyone else reads none, by `X(id)`, `allXs`, `_allXsMeta` and nested lists alike.
   */
  confidential?: boolean;
}

/**
 * An argument of `createX` that is not a column and never stored as given (a new account's
 * password, stored only as its hash). `apply` runs with the record's rules: it adds field errors
 * or derives what is stored (`derive(ctx, 'passwordHash', …)`). Its GraphQL type is `Password`,
 * which clients show as a secret input.
 */
export interface CreateInput {
  label: Label;
  help?: Text;
  type: 'password';
  apply: (ctx: WriteContext, value: string) => Promise<void>;
}

/** Everything a write rule may look at. `after` is the record as it will be stored. */
export interface WriteContext {
  /** Every record's service, for a rule or effect that reads or writes another record. */
  records: Records;
  tx: Tx;
  operation: 'create' | 'update' | 'delete';
  before?: Row;
  after: Row;
  /**
   * Only the fields the client sent (create: all writable fields). This is what gets stored, so a
   * rule that derives a field (a default taken from another record) sets it here and on `after`.
   */
  input: Record<string, unknown>;
  errors: FieldErrors;
  /**
   * How a message names this record before it is stored, when it is one of a batch (an import's
   * line: 第 12 行 / line 12); a rule that compares the rows of a batch with one another names the
   * earlier row with it.
   */
  origin?: Label;
}

/**
 * A rule of a write: adds field errors to `ctx.errors`, or throws when the state forbids the write.
 * A rule that reads no record of its own type says so (`rowIndependent`), and may give `rows`, the
 * same check over several new records at once in fewer statements, adding field errors only: the
 * rows of a batch (an import's) are then checked together against the database as it was before
 * them, which cannot change such a rule's answer. A record whose rules and guards all say so (see
 * `WriteGuard`) is created in batches; any other one row after the other, each seeing the rows
 * before it stored. A rule that does read records of its own type may still allow batches by
 * checking the batch as a whole (`batchChecked`).
 */
export interface WriteRule {
  (ctx: WriteContext): Promise<void>;
  independent?: true;
  /** Reads records of its own type, and its `rows` form also reads the batch's own rows (see `batchChecked`). */
  batch?: true;
  rows?: (ctxs: WriteContext[]) => Promise<void>;
}

/**
 * Declares a rule that reads records of its own type (one person, one post at a time), with `rows`,
 * the same check over the rows of a batch as a whole: each row against the stored records and the
 * batch's earlier rows that will be stored, those with no field error, as a single create of each
 * row in turn would have found them stored. Such rules run after every other rule of the record, in
 * a single create as in a batch, so that a row's field errors are all known when a later row looks
 * at it.
 */
export function batchChecked(rule: (ctx: WriteContext) => Promise<void>, rows: (ctxs: WriteContext[]) => Promise<void>): WriteRule {
  return Object.assign((ctx: WriteContext) => rule(ctx), { batch: true as const, rows });
}

/** Declares a rule that reads nothing of its own record type (see `WriteRule`). */
export function rowIndependent(rule: (ctx: WriteContext) => Promise<void>, rows?: (ctxs: WriteContext[]) => Promise<void>): WriteRule {
  return Object.assign((ctx: WriteContext) => rule(ctx), { independent: true as const, rows });
}

/**
 * A state check of a write: throws (a CONFLICT) when the record may not be written at all. One that
 * reads no record of its own type says so (`independentGuard`), and may give `rows`, the same check
 * over several new records at once, refusing each row it would have thrown for through `refuse`.
 */
export interface WriteGuard {
  (ctx: WriteContext): Promise<void>;
  independent?: true;
  rows?: (ctxs: WriteContext[], refuse: (ctx: WriteContext, error: GraphQLError) => void) => Promise<void>;
}

/** Declares a guard that reads nothing of its own record type (see `WriteGuard`). */
export function independentGuard(
  guard: (ctx: WriteContext) => Promise<void>,
  rows?: (ctxs: WriteContext[], refuse: (ctx: WriteContext, error: GraphQLError) => void) => Promise<void>,
): WriteGuard {
  return Object.assign((ctx: WriteContext) => guard(ctx), { independent: true as const, rows });
}

/**
 * How a record's rows read in the spreadsheets offices keep (import and export): only what the
 * schema cannot tell. Columns are matched by the field labels anyway; these are the other names
 * official files give them, and the rules of the files' own layout.
 */
export interface SpreadsheetHints {
  /** Other column headings official files use for a field, by field (`code: ['事项代码']`). */
  synonyms?: Record<string, string[]>;
  /** The fields that identify a row from one import to the next (default: the first unique group). */
  key?: string[];
  /**
   * The fields a reference to this record may be written as, in order; an export writes the first
   * that has a value. Default: each single-column unique text field (a code), then the title.
   */
  names?: string[];
  /**
   * A reference field set by group rows (`一、市容环卫（共4项）`): such a row is not a record but
   * names, for the rows under it, the record this field points at.
   */
  groupRows?: string;
  /** A missing enum value read from the ending of another field (…的处罚 → PENALTY), reported as inferred. */
  infer?: { field: string; from: string; rules: [pattern: RegExp, value: string][] };
}

export interface ResourceDefinition<T extends PgTable = PgTable> {
  /** GraphQL type name; must pluralize to a different word (react-admin derives `allXs` from it). */
  name: string;
  /** How clients show it: its name, menu group and list columns. */
  ui: RecordUi;
  table: T;
  label: Label;
  /** One paragraph: what this record is, for the schema and the admin. */
  description: Text;
  /** Metadata of every non-system column, keyed by drizzle property name. */
  fields: Record<string, FieldMeta>;
  /** Text columns searched by the `q` filter (substring, case-insensitive). */
  search: string[];
  /** Pairs [from, to] where `to`, when set, may not be before `from`. */
  ranges?: [string, string][];
  /** Column holding a parent link of the same table; a record may not become its own ancestor. */
  treeParent?: string;
  /**
   * State checks run before anything else on update and delete (and on create, for the parent's
   * state): they throw a CONFLICT when the record may not be changed at all, e.g. once published.
   */
  guards?: WriteGuard[];
  /**
   * Resource-specific rules, run after the generic ones inside the write transaction. They add
   * field errors to `ctx.errors`, or throw a CONFLICT when the record's state forbids the write.
   */
  rules?: WriteRule[];
  /**
   * Consequences of a write on other records (an escalation sets its finding's current level), run
   * in the same transaction once the row is stored; `row` is the stored record.
   */
  effects?: ((ctx: WriteContext & { row: Row }) => Promise<void>)[];
  /** Read-only fields computed in SQL; exposed, filtered and sorted like stored fields. */
  computed?: Record<string, ComputedField>;
  /** Who may write; absent means administrators only. */
  access?: Access;
  /**
   * Records are appended, never changed or deleted (an escalation history): update and delete are
   * refused with CONFLICT LOCKED, and no one is offered them (`myPermissions`).
   */
  appendOnly?: boolean;
  /**
   * Records the server alone writes, as things happen (a sign-in log, the sessions): the grammar
   * has reads only, no one is offered a write (`myPermissions`), and an import is refused. Who
   * reads every record is still `access` (its writers, county-wide); others read their own
   * (`access.privateTo`).
   */
  writtenByServer?: boolean;
  /**
   * The generated writes the grammar offers (default all): `{ create: false, update: false,
   * delete: false }` for a record changed only through its domain operations (an API token is
   * issued with a secret the server makes, and revoked), so no plain `createX` or `updateX` can set
   * what those operations keep. The operations still write through the service, under `access`.
   */
  writes?: { create?: false; update?: false; delete?: false };
  /**
   * Fields the record's own resolvers add to its type, worked out in code rather than SQL (a case
   * report's total score): their labels, for the schema and for clients.
   */
  resolvedFields?: Record<string, { label: Label; help?: Text }>;
  /** Write-only arguments of `createX` beside the columns, by argument name. */
  createInputs?: Record<string, CreateInput>;
  /**
   * The record's domain operations (publish a catalog, complete a transfer) and the resolvers of
   * the types it answers with (report rows): classes built from `kit`. A class extending
   * `kit.Crud` replaces the generated grammar, so it serves both; without one, the grammar is
   * served as generated.
   */
  resolvers?(kit: ResolverKit<T>): Function[];
  /**
   * Lists asked for often enough to have a name of their own (`overdueFindings`): `allXs` with a
   * fixed filter and order, at most a page. Arguments, when declared, are added to the filter.
   */
  presets?: Record<string, Preset>;
  /**
   * Domain lists the record's own resolvers serve (`delegationsAsOf`: what a street held on a
   * day), by query name: a condition over the query's arguments, a page at a time, in a fixed
   * order. The resolver and the compiled read (api/crud/compiled-response.ts) both take the
   * condition from here, so the two cannot drift; the resolver still declares the query.
   */
  lists?: Record<string, NamedList>;
  /** Its spreadsheet columns' other names and the file layout rules (import and export). */
  spreadsheet?: SpreadsheetHints;
  /**
   * Files kept with each record (a catalog's 发文, a finding's 整改报告): `true`, or the kinds of
   * file it takes, labelled, of which an upload may name one. The record gets its `attachments`
   * field, upload and download routes and `deleteAttachment`, under its own access rules.
   */
  attachments?: true | { kinds: Record<string, Label> };
}

export interface Preset {
  description: string;
  filter: Record<string, unknown>;
  sortField?: string;
  sortOrder?: 'ASC' | 'DESC';
  args?: Record<string, { type: 'int' | 'string'; description: string }>;
}

/**
 * A domain list: the query `name(…arguments, page, perPage)` answering a page of records under
 * `where`, and optionally its count `_nameMeta(…arguments)` answering `{ count }`. Both also keep
 * the caller's read limit (`readScope`), as every list does.
 */
export interface NamedList {
  /** The query's own arguments, beside `page` and `perPage` (the compiled read answers no other). */
  arguments: string[];
  /** The rows it answers, from the query's arguments as graphql coerced them. */
  where(args: Record<string, unknown>): SQL;
  sortField: string;
  sortOrder?: 'ASC' | 'DESC';
  /** The name of its count query, when it has one. */
  count?: string;
  /**
   * An empty answer is the resolver's to give: it may be an error (NOT_FOUND for a street that
   * does not exist), so the compiled read leaves an empty page or a zero count to graphql-js.
   */
  emptyIsResolvers?: boolean;
}

/** What a definition's resolvers are built from. */
export interface ResolverKit<T extends PgTable = PgTable> {
  /** The generated grammar of this record (`X`, `allXs`, `createX` …), to extend. */
  Crud: abstract new () => object;
  /** This record's GraphQL types. */
  types: ResourceTypes;
  /** This record's service, its rows typed as its table. */
  service: CrudService<T>;
  /** Every record, reached by definition. */
  records: Records;
}

/** Does the grammar offer this generated write of the record (see `writes`)? */
export function offersWrite(definition: ResourceDefinition, write: 'create' | 'update' | 'delete'): boolean {
  return !definition.writtenByServer && definition.writes?.[write] !== false;
}

/** Sets a field a rule derives, both on what is checked and on what is stored. */
export function derive(ctx: WriteContext, key: string, value: unknown): void {
  ctx.after[key] = value;
  ctx.input[key] = value;
}

/**
 * The values of a computed enum field (a certificate's standing today): labelled like a database
 * enum, but with no database type, as no column stores them.
 */
export function computedEnum(graphqlName: string, label: Label, values: Record<string, Label>): EnumDefinition {
  return { pgName: '', graphqlName, label, values };
}

export function defineResource<T extends PgTable>(definition: ResourceDefinition<T>): ResourceDefinition<T> {
  return definition;
}
