import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../../api/db';
import { migrateTo, releaseMigrations } from '../../api/ops/migrations';
import { backupTables } from '../../api/ops/schema-tables';
import { startServer } from '../../api/server';
import { startSession } from '../../api/auth/session';
import { freshDatabase } from '../helpers/fresh-database';
import type { FixtureRow, UpgradeFixture } from './fixture';

// Upgrades keep data. For every migration of the journal, a database is built as that release left
// it: the migrations applied one at a time, each followed by its own representative rows
// (fixtures/<tag>.ts, written with the schema of that moment); then the current server starts on it,
// applies the rest as it does at every start, and every row is read back, in the database and
// through the API. A migration that drops or rewrites data without converting it fails here.

const migrations = releaseMigrations();
const fixtureDir = path.join(__dirname, 'fixtures');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fixtureOf = (tag: string): UpgradeFixture => (require(path.join(fixtureDir, tag)) as { fixture: UpgradeFixture }).fixture;

it('has representative rows for every migration, and for every table of the schema', () => {
  const missing = migrations.filter((m) => !existsSync(path.join(fixtureDir, `${m.tag}.ts`))).map((m) => m.tag);
  expect(missing).toEqual([]);
  const strays = readdirSync(fixtureDir)
    .map((f) => f.replace(/\.ts$/, ''))
    .filter((tag) => !migrations.some((m) => m.tag === tag));
  expect(strays).toEqual([]);
  const covered = new Set(migrations.flatMap((m) => fixtureOf(m.tag).map((r) => r.table)));
  expect(backupTables.map((t) => t.name).filter((t) => !covered.has(t))).toEqual([]);
});

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(database: Database, query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as Rows<T>).rows;

async function insert(database: Database, { table, row }: FixtureRow): Promise<void> {
  const t = sql.identifier(table);
  const columns = sql.join(Object.keys(row).map((c) => sql.identifier(c)), sql`, `);
  await database.db.execute(
    sql`insert into ${t} (${columns}) overriding system value select ${columns} from jsonb_populate_record(null::${t}, ${JSON.stringify(row)}::jsonb)`,
  );
}

async function counts(database: Database): Promise<Record<string, number>> {
  const present = await rowsOf<{ name: string }>(database, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  const out: Record<string, number> = {};
  for (const { name } of present) {
    const [{ n }] = await rowsOf<{ n: number }>(database, sql`select count(*)::int as n from ${sql.identifier(name)}`);
    out[name] = n;
  }
  return out;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The value as stored, and as the API or PostgreSQL's JSON shows it: ids as text, times as instants. */
function same(expected: unknown, actual: unknown): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => same(e, actual[i]));
  if (typeof expected === 'number') return Number(actual) === expected;
  if (typeof expected === 'string' && /^\d{4}-\d\d-\d\dT/.test(expected)) return typeof actual === 'string' && Date.parse(actual) === Date.parse(expected);
  if (typeof expected === 'object') return JSON.stringify(sortKeys(expected)) === JSON.stringify(sortKeys(actual));
  return actual === expected;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  return value;
}

function differences(fixture: FixtureRow, actual: Record<string, unknown> | undefined, name: (column: string) => string, columns: string[]): string[] {
  if (!actual) return [`${fixture.table} ${fixture.row.id}: gone`];
  return columns
    .filter((c) => !same(fixture.row[c], actual[name(c)]))
    .map((c) => `${fixture.table} ${fixture.row.id} ${name(c)}: wrote ${JSON.stringify(fixture.row[c])}, read ${JSON.stringify(actual[name(c)])}`);
}

describe.each(migrations.map((m, i) => [m.tag, i] as const))('a database written at %s', (_tag, index) => {
  it('keeps every row, readable through the API, once the current server has started on it', async () => {
    const fresh = await freshDatabase();
    const database = await fresh.open();
    let server: Awaited<ReturnType<typeof startServer>> | undefined;
    try {
      const written: FixtureRow[] = [];
      for (const m of migrations.slice(0, index + 1)) {
        await migrateTo(database, m.tag);
        for (const row of fixtureOf(m.tag)) {
          await insert(database, row);
          written.push(row);
        }
      }
      const before = await counts(database);

      // What every start of the current release does: the remaining migrations, then serve.
      await database.migrate();
      const after = await counts(database);
      const dropped = Object.entries(before).filter(([table, n]) => (after[table] ?? 0) < n);
      expect(dropped).toEqual([]);
      server = await startServer({ database, port: 0, host: '127.0.0.1' });

      // Every row as the database keeps it, hashes included.
      const problems: string[] = [];
      for (const fixture of written) {
        const [stored] = await rowsOf<{ j: Record<string, unknown> }>(
          database,
          sql`select to_jsonb(x) as j from ${sql.identifier(fixture.table)} x where id = ${fixture.row.id}`,
        );
        const readBack = Object.entries(fixture.readBack ?? {}).map(([c, read]) => [c, read(stored?.j[c])]);
        problems.push(...differences(fixture, stored && { ...stored.j, ...Object.fromEntries(readBack) }, (c) => c, Object.keys(fixture.row)));
      }

      // And through the API, as an administrator of the upgraded database.
      const [admin] = await rowsOf<{ id: number }>(database, sql`insert into users (username, role) values ('upgrade-test-admin', 'ADMIN') returning id`);
      const { token } = await startSession(database.db, admin.id);
      const ask = async (query: string) => {
        const res = await fetch(`http://127.0.0.1:${server!.port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        });
        const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
        if (body.errors) throw new Error(`${query}\n${JSON.stringify(body.errors)}`);
        return body.data!;
      };
      for (const fixture of written) {
        const columns = Object.keys(fixture.row).filter((c) => !fixture.hidden?.includes(c));
        let shown: Record<string, unknown> | undefined;
        if ('type' in fixture.read) {
          const data = await ask(`{ ${fixture.read.type}(id: "${fixture.row.id}") { ${columns.map(camel).join(' ')} } }`);
          shown = data[fixture.read.type];
        } else {
          const data = await ask(fixture.read.query);
          // A list inside a record is named by its path (`Finding.attachments`).
          const list = fixture.read.list.split('.').reduce<any>((at, key) => at?.[key], data);
          shown = (list as Record<string, unknown>[]).find((r) => r.id === String(fixture.row.id));
        }
        problems.push(...differences(fixture, shown, camel, columns));
      }
      expect(problems).toEqual([]);
      expect(written.length).toBeGreaterThan(0);
    } finally {
      await server?.stop();
      await database.close();
      await fresh.drop();
    }
  });
});
