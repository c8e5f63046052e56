import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { gql, login, root, startProduct, type Product } from '../helpers/product-process';
import { freshDatabase, tableFingerprints, type FreshDatabase } from '../helpers/fresh-database';
import { restoreDatabase } from '../../api/ops/restore';
import { verifyBackup } from '../../api/ops/backup-format';

// The operator's backup and restore, as commands beside the running product: the demo county with
// edits is backed up while the server runs (and while it takes writes), restored into a fresh
// database of the same kind, and every table compared, the audit trail included.

const files = mkdtempSync(path.join(tmpdir(), 'backups-'));
const databases: FreshDatabase[] = [];
const products: Product[] = [];

afterAll(async () => {
  for (const p of products) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  for (const d of databases) await d.drop();
  rmSync(files, { recursive: true, force: true });
});

async function fresh(): Promise<FreshDatabase> {
  const d = await freshDatabase();
  databases.push(d);
  return d;
}

async function start(env: Record<string, string>): Promise<Product> {
  const p = await startProduct(env);
  products.push(p);
  return p;
}

async function stop(p: Product): Promise<void> {
  p.child.kill('SIGTERM');
  expect(await p.exited).toBe(0);
}

/** One of the product's npm scripts, run to its end without blocking this process (the server keeps answering). */
function npmRun(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `api/scripts/${script}.ts`, ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

async function ok(base: string, token: string, query: string, variables?: Record<string, unknown>) {
  const res = await gql(base, query, token, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

let source: FreshDatabase;
let quietBackup: string;
let busyBackup: string;
let deletedId: string;
let editedId: string;
const written: string[] = [];

it('backs up the demo county with edits while the server runs, and while it takes writes', async () => {
  source = await fresh();
  const server = await start(source.env);
  const token = await login(server.base, 'admin', 'demo');
  // Edits of every kind: a change, a record created then deleted (its id must never be handed out
  // again: the audit trail names it), an account with a password, an API token.
  const orgs = await ok(server.base, token, '{ allOrganizations(filter: { kind: STREET }, perPage: 1) { id version name } }');
  editedId = orgs.allOrganizations[0].id;
  await ok(server.base, token, `mutation { updateOrganization(id: "${editedId}", version: ${orgs.allOrganizations[0].version}, name: "备份测试街道") { id } }`);
  const gone = await ok(server.base, token, 'mutation { createOrganization(name: "将被删除的机构", kind: OTHER) { id } }');
  deletedId = gone.createOrganization.id;
  await ok(server.base, token, `mutation { deleteOrganization(id: "${deletedId}") { id } }`);
  await ok(server.base, token, 'mutation { createUser(username: "backup.viewer", role: VIEWER, password: "backup-pass-2026") { id } }');
  // A password an administrator set is changed by its user at the first sign-in: the restore keeps the user's own.
  const first = await login(server.base, 'backup.viewer', 'backup-pass-2026');
  await ok(server.base, first, 'mutation { changeMyPassword(currentPassword: "backup-pass-2026", newPassword: "Backup#chosen2026") { token } }');
  await ok(server.base, token, 'mutation { issueApiToken(name: "备份测试令牌", scopes: ["Organization"], expiresAt: "2099-01-01T00:00:00Z") { secret } }');

  // A stream of writes while the backup runs: each creates a record and its audit entry in one
  // transaction, so a backup that is one snapshot holds both or neither of every pair.
  let writing = true;
  const writer = (async () => {
    for (let i = 0; writing; i++) {
      const res = await ok(server.base, token, `mutation { createOrganization(name: "备份期间写入-${i}", kind: OTHER) { id } }`);
      written.push(res.createOrganization.id);
    }
  })();
  while (written.length < 3) await new Promise((r) => setTimeout(r, 50));
  busyBackup = path.join(files, 'busy.jsonl.gz');
  const busy = await npmRun('backup', [busyBackup], source.env);
  writing = false;
  await writer;
  expect(busy.out).toMatch(/Backup written/);
  expect(busy.code).toBe(0);

  quietBackup = path.join(files, 'quiet.jsonl.gz');
  const quiet = await npmRun('backup', [quietBackup], source.env);
  expect(quiet.code).toBe(0);
  expect(quiet.out).toMatch(/audit_entries: [1-9]/);
  await stop(server);

  const checked = await npmRun('backup', ['--verify', quietBackup], source.env);
  expect(checked.out).toMatch(/The backup is sound/);
  expect(checked.out).toMatch(/migration: \d{4}_/);
  expect(checked.code).toBe(0);
});

it('restores it into a fresh database: every table the same, the audit trail included, and the product runs on it', async () => {
  const target = await fresh();
  const restored = await npmRun('restore', [quietBackup], target.env);
  expect(restored.out).toMatch(/Restored: \d+ 行 \/ rows/);
  expect(restored.code).toBe(0);

  const a = await source.open();
  const before = await tableFingerprints(a).finally(() => a.close());
  const b = await target.open();
  const after = await tableFingerprints(b).finally(() => b.close());
  expect(Object.keys(after)).toContain('audit_entries');
  expect(before.audit_entries).not.toMatch(/^0 rows/);
  // Every table but one: the sync feed's cursors start a new generation, so a client's cursor
  // from the backed-up database is answered SYNC_RESTART (change-feed.test.ts) rather than
  // skipping or repeating changes under this database's transaction ids.
  const { sync_generation: generationAfter, ...restoredTables } = after;
  const { sync_generation: generationBefore, ...backedUpTables } = before;
  expect(restoredTables).toEqual(backedUpTables);
  expect(generationAfter).toMatch(/^1 rows/);
  expect(generationAfter).not.toEqual(generationBefore);

  // The product starts on the restored database as it was: the same accounts and passwords, the
  // edit and its history, and new records never take a deleted record's id.
  const server = await start({ ...target.env, SEED: 'demo' });
  expect(server.output()).not.toMatch(/Seeded/);
  const token = await login(server.base, 'backup.viewer', 'Backup#chosen2026');
  const org = await ok(server.base, token, `{ Organization(id: "${editedId}") { name } auditTrail(resource: "Organization", id: "${editedId}") { operation actorName } }`);
  expect(org.Organization.name).toBe('备份测试街道');
  expect(org.auditTrail).toEqual(expect.arrayContaining([expect.objectContaining({ operation: 'update', actorName: expect.any(String) })]));
  const history = await ok(server.base, token, `{ auditTrail(resource: "Organization", id: "${deletedId}") { operation } }`);
  expect(history.auditTrail.map((e: { operation: string }) => e.operation).sort()).toEqual(['create', 'delete']);
  const admin = await login(server.base, 'admin', 'demo');
  const created = await ok(server.base, admin, 'mutation { createOrganization(name: "恢复后新建", kind: OTHER) { id } }');
  expect(Number(created.createOrganization.id)).toBeGreaterThan(Math.max(Number(deletedId), ...written.map(Number)));
  await stop(server);

  // A database that holds records is refused, with the tables named; --force empties it first.
  const refused = await npmRun('restore', [busyBackup], target.env);
  expect(refused.code).not.toBe(0);
  expect(refused.out).toMatch(/目标数据库不是空的/);
  expect(refused.out).toMatch(/The target database is not empty \(organizations/);
  const forced = await npmRun('restore', ['--force', busyBackup], target.env);
  expect(forced.code).toBe(0);

  // The backup taken during writes is one moment: every record it holds has its audit entry, and
  // every audit entry its record.
  const c = await target.open();
  try {
    const pairs = (await c.db.execute(sql`
      select (select count(*)::int from organizations where name like '备份期间写入-%') as records,
             (select count(*)::int from audit_entries a join organizations o on o.id = a.record_id
               where a.resource = 'Organization' and a.operation = 'create' and o.name like '备份期间写入-%') as paired,
             (select count(*)::int from audit_entries where resource = 'Organization' and operation = 'create'
               and changes::text like '%备份期间写入-%') as entries`)) as unknown as { rows: { records: number; paired: number; entries: number }[] };
    const { records, paired, entries } = pairs.rows[0];
    expect(records).toBeGreaterThan(0);
    expect(paired).toBe(records);
    expect(entries).toBe(records);
  } finally {
    await c.close();
  }
});

it('checks a backup without restoring it, and refuses a damaged, cut or foreign one before changing anything', async () => {
  const summary = await verifyBackup(quietBackup);
  expect(summary.rows.organizations).toBeGreaterThan(50);

  const lines = gunzipSync(readFileSync(quietBackup)).toString().split('\n');
  const damaged = path.join(files, 'damaged.jsonl.gz');
  const rowAt = lines.findIndex((l) => l.includes('备份测试街道'));
  const edited = [...lines];
  edited[rowAt] = edited[rowAt].replace('备份测试街道', '篡改后的街道');
  writeFileSync(damaged, gzipSync(edited.join('\n')));
  await expect(verifyBackup(damaged)).rejects.toThrow(/does not match its row count or checksum/);

  const cut = path.join(files, 'cut.jsonl.gz');
  writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n') + '\n'));
  await expect(verifyBackup(cut)).rejects.toThrow(/incomplete/);
  const truncatedBytes = path.join(files, 'truncated.jsonl.gz');
  const bytes = readFileSync(quietBackup);
  writeFileSync(truncatedBytes, bytes.subarray(0, bytes.length - 100));
  await expect(verifyBackup(truncatedBytes)).rejects.toThrow(/cannot be read|incomplete/);

  const notOurs = path.join(files, 'not-ours.jsonl.gz');
  writeFileSync(notOurs, gzipSync('{"hello":"world"}\n'));
  await expect(verifyBackup(notOurs)).rejects.toThrow(/not a backup file of this system/);

  // Written by a later release: its migration point is unknown here. The file itself is sound
  // (its checksums recomputed), so only the migration point refuses it.
  const future = path.join(files, 'future.jsonl.gz');
  const header = JSON.parse(lines[0]);
  header.migration = { tag: '9999_from_the_future', hash: 'f'.repeat(64), when: 4102444800000 };
  const body = [JSON.stringify(header), ...lines.slice(1, -2)];
  const { createHash } = await import('node:crypto');
  const whole = createHash('sha256');
  for (const l of body) whole.update(l).update('\n');
  const end = JSON.parse(lines.at(-2)!);
  end.sha256 = whole.digest('hex');
  writeFileSync(future, gzipSync([...body, JSON.stringify(end), ''].join('\n')));
  expect((await verifyBackup(future)).header.migration.tag).toBe('9999_from_the_future');
  const target = await fresh();
  const database = await target.open();
  try {
    await expect(restoreDatabase(database, future)).rejects.toThrow(/a newer release wrote it/);
    await expect(restoreDatabase(database, damaged)).rejects.toThrow(/checksum/);
    // Nothing was written: not even the schema.
    const tables = (await database.db.execute(sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`)) as unknown as {
      rows: { n: number }[];
    };
    expect(tables.rows[0].n).toBe(0);
  } finally {
    await database.close();
  }
});
