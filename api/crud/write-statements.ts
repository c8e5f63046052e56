import { eq, getTableColumns, is, sql, SQL, type Query } from 'drizzle-orm';
import type { Tx } from '../db';
import { compiledKey } from './compiled-key';
import { rowFields, runStatement, statementStore, textHash, type KeptStatement, type RowFields } from './compiled-statements';
import { selectionOf, type ResourceModel } from './model';
import type { Row } from './resource';

// The two statements every edit of a record sends, locking the row and writing it, rendered once
// per record and shape and then only bound (the audit chain's are kept in audit-chain.ts): building
// and rendering them with drizzle was about a fifth of the server's work on an edit. Like the
// compiled reads' statements they are sent as named prepared statements once seen twice.
const kept = statementStore(300, 2_000_000);

function keptOr(key: string, render: () => { query: Query; fields: RowFields }): KeptStatement {
  let statement = kept.get(key);
  if (!statement) {
    const { query, fields } = render();
    statement = { query, hash: textHash(query.sql), fields };
    kept.set(key, statement);
  }
  return statement;
}

/** The record with this id, locked until the transaction ends, with its computed fields; undefined if there is none. */
export async function lockedRow(tx: Tx, model: ResourceModel, id: number): Promise<Row | undefined> {
  const idColumn = model.byKey.get('id')!.column;
  // Computed fields may bind the parameters in force and the county's day: the text is kept under them.
  const statement = keptOr(`lock|${model.name}|${model.computed.length ? compiledKey(undefined) : ''}`, () => {
    const selection = selectionOf(model);
    const { sql: text, params } = tx.select(selection).from(model.table).where(eq(idColumn, sql.placeholder('id'))).for('update').toSQL();
    return { query: { sql: text, params }, fields: rowFields(selection) };
  });
  const [row] = await runStatement<Row>(tx, statement, { id });
  return row;
}

/**
 * Sets `values` on the record with this id, moves its version and update time, and answers its
 * columns as stored. A value written as SQL (rare: domain operations) is built afresh.
 */
export async function updatedRow(tx: Tx, model: ResourceModel, id: number, values: Record<string, unknown>): Promise<Row | undefined> {
  const table = model.table;
  const idColumn = model.byKey.get('id')!.column;
  const versionColumn = model.byKey.get('version')!.column;
  const set = { ...values, version: sql`${versionColumn} + 1`, updatedAt: new Date() };
  if (Object.values(values).some((v) => is(v, SQL))) {
    return ((await tx.update(table).set(set).where(eq(idColumn, id)).returning()) as Row[])[0];
  }
  // drizzle leaves out keys set to undefined: so does the kept text. A null is written in the text
  // (a placeholder's value goes through the column's encoder, which takes no null).
  const keys = Object.keys(values)
    .filter((k) => values[k] !== undefined && k !== 'version' && k !== 'updatedAt')
    .sort();
  const statement = keptOr(`update|${model.name}|${keys.map((k) => (values[k] === null ? `${k}=null` : k)).join(',')}`, () => {
    const placeholders = Object.fromEntries(keys.map((k) => [k, values[k] === null ? null : sql.placeholder(k)]));
    const { sql: text, params } = tx
      .update(table)
      .set({ ...placeholders, version: sql`${versionColumn} + 1`, updatedAt: sql.placeholder('updatedAt') })
      .where(eq(idColumn, sql.placeholder('id')))
      .returning()
      .toSQL();
    return { query: { sql: text, params }, fields: rowFields(getTableColumns(table)) };
  });
  const [row] = await runStatement<Row>(tx, statement, { ...values, updatedAt: set.updatedAt, id });
  return row;
}
