import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { GraphQLError } from 'graphql';
import * as schema from '../drizzle/schema';
import { appError, badInput, conflict } from './errors';

// What a failure of the database means for the client: a constraint that refused a racing write
// (the client's conflict), the database being away (try again shortly), or neither (our fault).

type ErrorChain = { code?: unknown; cause?: unknown; constraint?: unknown; message?: unknown } | undefined;

/** The errors behind an error: drizzle wraps the driver's error as `cause`. */
function* chain(error: unknown): Generator<NonNullable<ErrorChain>> {
  let e = error as ErrorChain;
  for (let i = 0; e && i < 5; e = e.cause as ErrorChain, i++) yield e;
}

/** The PostgreSQL error behind a driver error, if any. */
function pgCode(error: unknown): { code?: string; constraint?: string } {
  for (const e of chain(error)) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return { code: e.code, constraint: e.constraint as string | undefined };
  }
  return {};
}

let uniqueFields: Map<string, string> | undefined;

/**
 * The field each unique constraint or index of the schema guards, by its name in the database: the
 * last of its columns, as the uniqueness rule names it (`code` of an organization and a code).
 * Names are the ones the migrations give: drizzle's when the schema gives none.
 */
function uniqueFieldOf(constraint: string): string | undefined {
  if (!uniqueFields) {
    uniqueFields = new Map();
    for (const table of Object.values(schema)) {
      if (!is(table, PgTable)) continue;
      const config = getTableConfig(table);
      // Columns (and indexes' columns) are named by their keys here; the database's names are snake case.
      const keys = new Set(Object.keys(getTableColumns(table)));
      const add = (name: string | undefined, columns: { name: string }[]) => {
        const last = columns.at(-1)?.name;
        if (name && last && keys.has(last)) uniqueFields!.set(name, last);
      };
      for (const column of config.columns) if (column.isUnique) add(column.uniqueName, [column]);
      for (const unique of config.uniqueConstraints) add(unique.getName(), unique.columns);
      for (const index of config.indexes) {
        if (!index.config.unique) continue;
        const columns = index.config.columns.filter((c): c is typeof c & { name: string } => typeof (c as { name?: unknown }).name === 'string');
        add(index.config.name ?? `${getTableName(table)}_${columns.map((c) => toSnakeCase(c.name)).join('_')}_index`, columns);
      }
    }
  }
  return uniqueFields.get(constraint);
}

/**
 * The database is the last line of defence: the rules check uniqueness and references first,
 * but two transactions racing past those checks meet the constraints instead. That is the
 * client's conflict, not a server fault, so it gets the same codes as the rules, on the field the
 * constraint guards (a form shows it beside that field).
 */
export function databaseRefusal(error: unknown): GraphQLError | undefined {
  const { code, constraint } = pgCode(error);
  if (code === '23505') {
    const field = (constraint && uniqueFieldOf(constraint)) ?? 'record';
    return badInput([{ field, rule: 'unique', zh: '与已有记录重复', en: 'Duplicates an existing record' }]);
  }
  if (code === '23503') {
    return conflict('REFERENCED', { zh: '记录仍被引用或所引用的记录不存在', en: 'The record is still referenced, or refers to a record that no longer exists' });
  }
  if (code === '40001' || code === '40P01') {
    return conflict('STALE_VERSION', { zh: '与他人的修改同时发生，请重试', en: 'Collided with a simultaneous change; please retry' });
  }
  return undefined;
}

/** Network failures of a connection to PostgreSQL. */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** pg's own words when a connection ends or cannot be had (these errors carry no code). */
const ENDED = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended/i;

/**
 * True when the database could not be reached or went away mid-request (a restart, a failover, a
 * network cut), rather than refusing the statement: SQLSTATE class 08 (connection exception) and
 * 57P01–57P03 (shut down, crashed, not yet accepting connections).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of chain(error)) {
    if (typeof e.code === 'string' && (NETWORK.has(e.code) || /^08/.test(e.code) || /^57P0[123]$/.test(e.code))) return true;
    if (typeof e.message === 'string' && ENDED.test(e.message)) return true;
  }
  return false;
}

/** Seconds a client is told to wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

export const unavailable = () =>
  appError(
    'UNAVAILABLE',
    { zh: '数据库暂时无法访问，请稍后重试；已确认保存的数据不会丢失', en: 'The database is temporarily unavailable; please retry shortly. Data already confirmed as saved is not lost' },
    { retryAfterSeconds: RETRY_AFTER_SECONDS },
  );
