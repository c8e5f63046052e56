import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Column, Query, SQL } from 'drizzle-orm';
import { CasingCache } from 'drizzle-orm/casing';
import { PgDialect, type PgColumn, type PgSession } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db';

// The compiled read path (compiled-response.ts) sends statements whose text depends only on the
// document and on who reads; the values (ids, pages, filters) are bound. PostgreSQL plans such a
// statement on every run unless it is prepared: for a read by id, planning costs PostgreSQL more
// than running it. So a text seen again is sent as a named prepared statement (the pg driver
// prepares it once per connection, then only binds and executes), as PostGraphile does.
//
// The kept write statements (write-statements.ts, audit-chain.ts) are named the same way.
//
// Each connection keeps its prepared statements until it closes, so their number is bounded: only
// texts sent at least twice (the documents clients keep sending, not one-off queries) are named,
// at most MAX_NAMED at a time, the least recently read forgotten first (a kept text holds the
// county's day and, where a reader's own rows are read, the reader: yesterday's texts and readers
// gone quiet make way); and the pool renews each connection after so many statements (`maxUses`
// in db.ts), which frees the statements of names no longer used. A name is the hash of its text,
// so a text named again gets the name a connection may still hold, for the same text. PGlite has
// no named statements and ignores the name.

const MAX_NAMED = 100;
/** Texts seen once, by hash, forgotten all at once when full (a second sighting names the text). */
const MAX_SEEN = 2_000;

const seen = new Set<string>();
/** Named texts by hash, the least recently read forgotten first. */
const named = new LRUCache<string, string>({ max: MAX_NAMED });

/** A statement's text's hash, which names it (kept with a statement kept whole, so a repeated read does not hash it again). */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 32);
}

/** The name to prepare `text` under, or undefined to run it unnamed. Exported for its test. */
export function statementName(text: string, hash = textHash(text)): string | undefined {
  const name = named.get(hash);
  if (name) return name;
  if (!seen.has(hash)) {
    if (seen.size >= MAX_SEEN) seen.clear();
    seen.add(hash);
    return undefined;
  }
  seen.delete(hash);
  const fresh = `compiled_${hash}`;
  named.set(hash, fresh);
  return fresh;
}

/** What a statement's rows are decoded as: each column or expression under its key, as drizzle reads them. */
export type RowFields = NonNullable<Parameters<PgSession['prepareQuery']>[1]>;

/** A rendered statement and its text's hash, kept for a read sent again. */
export interface KeptStatement {
  query: Query;
  hash: string;
  /** The row's keys and how each is decoded; without them rows are answered as the statement names their columns. */
  fields?: RowFields;
}

/** The fields of a flat selection (a table's columns and computed fields by key), in its order. */
export function rowFields(selection: Record<string, PgColumn | SQL>): RowFields {
  return Object.entries(selection).map(([key, field]) => ({ path: [key], field }));
}

/**
 * A store of rendered statements by key, the least recently read forgotten first: at most so many,
 * and so many characters of keys, texts and bound texts (an administrator's list screen reads tens
 * of kilobytes of SQL; a long literal written in a document is bound). One larger than all is not kept.
 */
export function statementStore(maxStatements: number, maxCharacters: number): LRUCache<string, KeptStatement> {
  return new LRUCache<string, KeptStatement>({ max: maxStatements, maxSize: maxCharacters, sizeCalculation: (statement, key) => sizeOf(key, statement) });
}

/** A kept statement's characters (at least 1, as the store counts). */
function sizeOf(key: string, { query }: KeptStatement): number {
  let size = key.length + query.sql.length;
  for (const p of query.params) if (typeof p === 'string') size += p.length;
  return Math.max(size, 1);
}

/** What a compiled read answers: the `data` object's text, and whether graphql-js must answer instead (an empty domain list). */
export interface CompiledRow {
  data: string;
  fallback?: boolean;
}

/** A compiled read, rendered (its parameters may be placeholders), with the placeholders' values. */
export interface CompiledStatement extends KeptStatement {
  values: Record<string, unknown>;
}

/** Runs a compiled read and answers its one row. */
export async function runCompiled(db: Queryable, statement: CompiledStatement): Promise<CompiledRow> {
  return (await runStatement<CompiledRow>(db, statement, statement.values))[0];
}

/** How statements are rendered outside a connection: with the database's casing (db.ts). */
export const dialect = new PgDialect({ casing: 'snake_case' });
const names = new CasingCache('snake_case');

/** A column's name in the database, for the places a statement names it unqualified (an insert's list, SET). */
export function columnName(column: Column): string {
  return names.getColumnCasing(column);
}

/**
 * A statement sent on every write of a kind (the audit chain's), rendered and hashed once: its
 * values are placeholders (`sql.placeholder`), bound by `runStatement`.
 */
export function fixedStatement(statement: SQL): KeptStatement {
  return keptStatement(dialect.sqlToQuery(statement));
}

/** A rendered statement as it is kept: with its text's hash, which names it (and its rows' fields, if any). */
export function keptStatement(query: Query, fields?: RowFields): KeptStatement {
  return { query, hash: textHash(query.sql), fields };
}

/**
 * Runs a rendered statement with its placeholders' values (named once its text is seen twice, as
 * above) and answers its rows: decoded by its fields if it has them, else as the statement names
 * their columns.
 */
export async function runStatement<R>(db: Queryable, { query, hash, fields }: KeptStatement, values: Record<string, unknown>): Promise<R[]> {
  // drizzle's own `execute` always runs unnamed; its session takes a name (and still logs the query).
  const { session } = db as unknown as { session: PgSession };
  const result = (await session.prepareQuery(query, fields, statementName(query.sql, hash), fields !== undefined).execute(values)) as unknown;
  // With fields, the decoded rows; without, node-postgres answers a result object, PGlite its rows' holder: both have `rows`.
  return fields ? (result as R[]) : (result as { rows: R[] }).rows;
}
