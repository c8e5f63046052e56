import { is } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import * as schema from '../../drizzle/schema';

// The tables a backup holds and the order they go back in, read from the drizzle schema itself so a
// new table is backed up the day it is declared, with no list to keep in step.

export interface BackupTable {
  name: string;
  /** The primary-key column rows are ordered by (every table of the schema has a single-column key). */
  key: string;
  /**
   * Columns referring to a table that is restored at the same time or later (a table's own parent,
   * such as organizations.parent_id, or a cycle): rows go in with these empty, and they are filled
   * in once every row of the table is in.
   */
  deferred: string[];
}

/** The column's name in the database: the schema names columns by their keys, written snake_case (api/db.ts). */
const columnName = (column: Pick<PgColumn, 'keyAsName' | 'name'>) => (column.keyAsName ? toSnakeCase(column.name) : column.name);

function describe(): BackupTable[] {
  const configs = (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => getTableConfig(table))
    .sort((a, b) => a.name.localeCompare(b.name));
  const byName = new Map(configs.map((c) => [c.name, c]));
  const ordered: BackupTable[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  // Depth-first: a table comes after every table it refers to. An edge back to a table still being
  // visited (its own parent, a cycle) is deferred rather than ordered.
  const visit = (name: string): void => {
    if (placed.has(name)) return;
    const config = byName.get(name)!;
    visiting.add(name);
    const deferred: string[] = [];
    for (const fk of config.foreignKeys) {
      const reference = fk.reference();
      const target = getTableConfig(reference.foreignTable).name;
      if (visiting.has(target)) {
        for (const column of reference.columns) {
          if (column.notNull) throw new Error(`${name}.${columnName(column)} refers back to ${target} and cannot be empty: the restore order cannot be found`);
          deferred.push(columnName(column));
        }
      } else {
        visit(target);
      }
    }
    visiting.delete(name);
    placed.add(name);
    const keys = config.columns.filter((c) => c.primary).map(columnName);
    if (keys.length !== 1) throw new Error(`${name} has no single-column primary key`);
    ordered.push({ name, key: keys[0], deferred });
  };
  for (const config of configs) visit(config.name);
  return ordered;
}

/** Every table of the schema, each after the tables it refers to. */
export const backupTables: readonly BackupTable[] = describe();
