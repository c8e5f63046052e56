import type { PgTable } from 'drizzle-orm/pg-core';
import type { Label } from '../../drizzle/schema/columns';
import type { FieldErrors } from '../errors';
import type { Tx } from '../db';

/** What the schema says about one column, beyond what drizzle already knows. */
export interface FieldMeta {
  label: Label;
  /** Longer explanation shown as help text and emitted as the GraphQL description. */
  help?: string;
  /** Kept by the server (status, publication time): never a create/update argument. */
  readOnly?: boolean;
}

export type Row = Record<string, unknown> & { id: number; version: number };

/** Everything a write rule may look at. `after` is the record as it will be stored. */
export interface WriteContext {
  tx: Tx;
  operation: 'create' | 'update' | 'delete';
  before?: Row;
  after: Row;
  /** Only the fields the client sent (create: all writable fields). */
  input: Record<string, unknown>;
  errors: FieldErrors;
}

export interface ResourceDefinition {
  /** GraphQL type name; must pluralize to a different word (react-admin derives `allXs` from it). */
  name: string;
  table: PgTable;
  label: Label;
  /** One paragraph: what this record is, for the schema and the admin. */
  description: string;
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
  guards?: ((ctx: WriteContext) => Promise<void>)[];
  /**
   * Resource-specific rules, run after the generic ones inside the write transaction. They add
   * field errors to `ctx.errors`, or throw a CONFLICT when the record's state forbids the write.
   */
  rules?: ((ctx: WriteContext) => Promise<void>)[];
}

export function defineResource(definition: ResourceDefinition): ResourceDefinition {
  return definition;
}
