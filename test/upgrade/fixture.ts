// Representative rows of one migration: written with the schema as it stood right after that
// migration, read back through the current API after an upgrade. One file per migration of
// drizzle/migrations/meta/_journal.json, named by its tag (a test fails when one is missing).
//
// A later migration that changes how such a row is kept (a column renamed, split, converted) must
// carry its conversion in its SQL, and this file then says how the current API shows the row:
// what is read back here is the promise that an upgrade keeps the data.

export interface FixtureRow {
  table: string;
  /** Column → value, as a JSON value PostgreSQL takes for the column's type (jsonb_populate_record). */
  row: Record<string, unknown> & { id: number };
  /**
   * Where the current API shows the row: `type` has an `X(id)` query; otherwise a query whose answer
   * (at `list`) holds the row by id.
   */
  read: { type: string } | { query: string; list: string };
  /** Columns the API never shows (hashes): checked in the database only. */
  hidden?: string[];
  /**
   * Columns the server converts at its start (a secret it seals): how the stored value reads back as
   * the value written, compared with it in the database.
   */
  readBack?: Record<string, (stored: unknown) => unknown>;
}

export type UpgradeFixture = FixtureRow[];
