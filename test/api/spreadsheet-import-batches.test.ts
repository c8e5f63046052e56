import { dbFingerprint } from '../helpers/test-server';
import { withWorld } from '../helpers/fixtures';
import { ok } from '../helpers/operations';

// An import longer than one batch (the importer checks and writes 500 lines at a time): the rules of
// a single create still refuse each line they would, on its own line and column, wherever the line
// falls; a commit is still all or nothing; each record created still has its own history entry,
// naming the import.
const { server, world } = withWorld();

const LINES = 1_200;
const HEADER = ['事项编码', '事项名称', '事项类型', '执法领域', '原实施部门', '处罚种类', '主项', '设定依据'];
type Problem = { row: number; column: string; code: string; zh: string; en: string };
type Job = { id: string; status: string; rowsTotal: number; rowsDone: number; created: number; updated: number; unchanged: number; errors: Problem[] };
const JOB = 'id status rowsTotal rowsDone created updated unchanged errors { row column code zh en }';

/** Line i of the file (0-based, the header is line 1 of the sheet, so this is sheet line i + 2). */
function line(i: number, names: { domain: string; department: string }): string[] {
  return [`PL-${String(i).padStart(5, '0')}`, `对违规行为（第${i}项）的处罚`, '行政处罚', names.domain, names.department, '罚款', '', `《某某管理条例》第${(i % 90) + 1}条`];
}

const csv = (rows: string[][]) => `${[HEADER, ...rows].map((r) => r.join(',')).join('\n')}\n`;

async function importCsv(body: string, dryRun: boolean): Promise<Job> {
  const base = server.url.replace(/\/graphql$/, '');
  const res = await fetch(`${base}/import/PowerItem?dryRun=${dryRun}&codeScheme=${encodeURIComponent('批量测试编码')}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${server.adminToken}` },
  });
  expect(res.status).toBe(202);
  const { jobId } = (await res.json()) as { jobId: string };
  for (let i = 0; i < 1200; i++) {
    const job = await ok<Job>(server, 'importJob', { id: jobId }, JOB);
    if (job.status === 'DONE' || job.status === 'FAILED') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} did not finish`);
}

async function names() {
  const domain = await ok<{ name: string }>(server, 'EnforcementDomain', { id: world.domain }, 'name');
  const department = await ok<{ name: string }>(server, 'Organization', { id: world.department }, 'name');
  const street = await ok<{ name: string }>(server, 'Organization', { id: world.street }, 'name');
  return { domain: domain.name, department: department.name, street: street.name };
}

it('refuses, line by line in every batch, what the record’s rules refuse, and writes nothing', async () => {
  const n = await names();
  const rows = Array.from({ length: LINES }, (_, i) => line(i, n));
  rows[700][4] = n.street; // sheet line 702, second batch: a street is not a county department
  rows[1100][2] = '行政检查'; // sheet line 1102, third batch: an inspection has no penalty kinds
  rows[3][6] = 'PL-09999'; // sheet line 5, first batch: no such main item
  const before = await dbFingerprint(server);
  const dry = await importCsv(csv(rows), true);
  expect(dry).toMatchObject({ status: 'DONE', rowsTotal: LINES, rowsDone: LINES, created: LINES - 3 });
  expect(dry.errors.map((e) => [e.row, e.column, e.code])).toEqual([
    [5, '主项', 'unknownReference'],
    [702, '原实施部门', 'kind'],
    [1102, '处罚种类', 'category'],
  ]);
  expect(dry.errors[1].zh).toContain(n.street);
  expect(dry.errors[1].en).toMatch(/county department/);
  expect(dry.errors[2].zh).toBe('只有行政处罚事项才有处罚种类');
  expect(dry.errors[2].en).toBe('Only penalty items have penalty kinds');

  const commit = await importCsv(csv(rows), false);
  expect(commit).toMatchObject({ status: 'FAILED', created: 0, updated: 0, unchanged: 0 });
  expect(commit.errors.map((e) => e.row)).toEqual([5, 702, 1102]);
  const { jobs: _a, ...after } = await dbFingerprint(server);
  const { jobs: _b, ...was } = before;
  expect(after).toEqual(was);
});

it('creates every line of a long file, each with its history entry naming the import, a sub-item finding its main item above it', async () => {
  const n = await names();
  const rows = Array.from({ length: LINES }, (_, i) => line(i, n));
  rows[600][6] = 'PL-00550'; // a main item a few lines up, in the same batch
  rows[1150][6] = 'PL-00010'; // and one two batches up
  const job = await importCsv(csv(rows), false);
  expect(job).toMatchObject({ status: 'DONE', errors: [], rowsTotal: LINES, rowsDone: LINES, created: LINES, updated: 0 });

  const items = await ok<{ id: string; code: string; parent: { code: string } | null }[]>(
    server,
    'allPowerItems',
    { filter: { codeScheme: '批量测试编码' }, sortField: 'code', perPage: 1000 },
    'id code parent { code }',
  );
  expect(items).toHaveLength(1000);
  expect(items[600]).toMatchObject({ code: 'PL-00600', parent: { code: 'PL-00550' } });
  const [late] = await ok<{ parent: { code: string } }[]>(server, 'allPowerItems', { filter: { codeScheme: '批量测试编码', code: 'PL-01150' } }, 'parent { code }');
  expect(late.parent.code).toBe('PL-00010');

  for (const i of [0, 499, 500, 999]) {
    const trail = await ok<{ operation: string; via: string; actorName: string }[]>(server, 'auditTrail', { resource: 'PowerItem', id: items[i].id }, 'operation via actorName');
    expect(trail).toEqual([{ operation: 'create', via: `import:${job.id}`, actorName: expect.any(String) }]);
  }
  const [last] = await ok<{ id: string }[]>(server, 'allPowerItems', { filter: { codeScheme: '批量测试编码', code: 'PL-01199' } }, 'id');
  const trail = await ok<{ operation: string; via: string }[]>(server, 'auditTrail', { resource: 'PowerItem', id: last.id }, 'operation via');
  expect(trail).toEqual([{ operation: 'create', via: `import:${job.id}` }]);

  // The same file again: every line is already stored as it says.
  const again = await importCsv(csv(rows), false);
  expect(again).toMatchObject({ status: 'DONE', errors: [], created: 0, updated: 0, unchanged: LINES });
});

it('refuses a second line reaching a record an earlier line of the batch changes, rather than comparing it with the record as it was', async () => {
  const n = await names();
  const first = await importCsv(csv([line(90_001, n)]), false);
  expect(first).toMatchObject({ status: 'DONE', created: 1 });
  const [stored] = await ok<{ id: string; code: string; name: string }[]>(server, 'allPowerItems', { filter: { code: 'PL-90001' } }, 'id code name');
  // Line 2 renames the stored item's code (by its id); line 3 means a new item under the old code.
  const renamed = ['id', ...HEADER].join(',');
  const body = `${renamed}\n${[stored.id, ...line(90_002, n)].join(',')}\n${['', ...line(90_001, n)].map((c, i) => (i === 2 ? '对新事项的处罚' : c)).join(',')}\n`;
  const before = await dbFingerprint(server);
  const job = await importCsv(body, false);
  expect(job).toMatchObject({ status: 'FAILED', created: 0, updated: 0 });
  expect(job.errors.map((e) => [e.row, e.code])).toEqual([[3, 'duplicate']]);
  expect(job.errors[0].zh).toBe('与第 2 行指向同一条执法事项');
  const { jobs: _a, ...after } = await dbFingerprint(server);
  const { jobs: _b, ...was } = before;
  expect(after).toEqual(was);
  expect(await ok(server, 'PowerItem', { id: stored.id }, 'code name')).toEqual({ code: 'PL-90001', name: stored.name });
});
