import { eq, getTableColumns, isSQLWrapper, sql, type Query } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Tx } from '../db';
import { compiledKey } from './compiled-key';
import { keptStatement, rowFields, runStatement, statementStore, type KeptStatement, type RowFields } from './compiled-statements';
import { selectionOf, type ResourceModel } from './model';
import type { Row } from './resource';

// The two statements every edit of a record sends, locking the row and writing it, rendered once
// per record and shape and then only bound (the audit chain's are kept in audit-chain.ts): building
// and rendering them with drizzle was about a fifth of the server's work on an edit. Like the
// compiled reads' statements they are sent as named prepared statements once seen twice.
const kept = statementStore(300, 2_000_000);

interface Kept {
  /** A number of the model's own: kept texts never pass between two models of one name (tests build some). */
  id: number;
  /**
   * Whether its updates can be kept: drizzle works out a `$onUpdate` column's value when it builds
   * a statement, which a kept text would freeze.
   */
  updates: boolean;
}
const models = new WeakMap<ResourceModel, Kept>();
let modelCount = 0;
function keptOf(model: ResourceModel): Kept {
  let k = models.get(model);
  if (!k) {
    k = { id: modelCount++, updates: !Object.values(getTableColumns(model.table)).some((c) => (c as PgColumn).onUpdateFn) };
    models.set(model, k);
  }
  return k;
}

function keptOr(key: string, render: () => { query: Query; fields: RowFields }): KeptStatement {
  let statement = kept.get(key);
  if (!statement) {
    const { query, fields } = render();
    statement = keptStatement(query, fields);
    kept.set(key, statement);
  }
  return statement;
}

/** The record with this id, locked until the transaction ends, with its computed fields; undefined if there is none. */
export async function lockedRow(tx: Tx, model: ResourceModel, id: number): Promise<Row | undefined> {
  const idColumn = model.byKey.get('id')!.column;
  // Computed fields may bind the parameters in force and the county's day: the text is kept under them.
  const statement = keptOr(`lock|${keptOf(model).id}|${model.computed.length ? compiledKey(undefined) : ''}`, () => {
    const selection = selectionOf(model);
    const { sql: text, params } = tx.select(selection).from(model.table).where(eq(idColumn, sql.placeholder('id'))).for('update').toSQL();
    return { query: { sql: text, params }, fields: rowFields(selection) };
  });
  const [row] = await runStatement<Row>(tx, statement, { id });
  return row;
}

/**
 * Sets `values` on the record with this id, moves its version and update time, and answers its
 * columns as stored. One text is kept per set of fields; their values are bound as the columns
 * encode them. A value written as SQL or a column (rare: domain operations) is built afresh.
 */
export async function updatedRow(tx: Tx, model: ResourceModel, id: number, values: Record<string, unknown>): Promise<Row | undefined> {
  const table = model.table;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const idColumn = columns.id;
  const set = { ...values, version: sql`${columns.version} + 1`, updatedAt: new Date() };
  // drizzle writes the table's columns given a value other than undefined: so does the kept text.
  const keys = Object.keys(set)
    .filter((k) => k !== 'version' && k in columns && set[k as keyof typeof set] !== undefined)
    .sort();
  // Values as the columns encode them (the placeholders are bound as they are); a null is no encoder's.
  const bound: Record<string, unknown> = {};
  for (const k of keys) {
    const v = set[k as keyof typeof set];
    bound[k] = v === null || isSQLWrapper(v) ? v : columns[k].mapToDriverValue(v);
  }
  if (!keptOf(model).updates || Object.values(bound).some(isSQLWrapper)) {
    return ((await tx.update(table).set(set).where(eq(idColumn, id)).returning()) as Row[])[0];
  }
  const statement = keptOr(`update|${keptOf(model).id}|${keys.join(',')}`, () => {
    const placeholders = Object.fromEntries(keys.map((k) => [k, sql`${sql.placeholder(k)}`]));
    const { sql: text, params } = tx
      .update(table)
      .set({ ...placeholders, version: sql`${columns.version} + 1` })
      // A name no column has: the record's own id may be among the fields set.
      .where(eq(idColumn, sql.placeholder('#id')))
      .returning()
      .toSQL();
    return { query: { sql: text, params }, fields: rowFields(columns) };
  });
  const [row] = await runStatement<Row>(tx, statement, { ...bound, '#id': id });
  return row;
}
