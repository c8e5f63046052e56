import ExcelJS from 'exceljs';
import { dbFingerprint, startTestServer, type TestServer } from '../helpers/test-server';
import { ok } from '../helpers/operations';

// POST /import/<Type>: a county's own catalog file, with its title line, group lines, short
// department names and mistakes, checked line by line, then committed all or nothing.
let server: TestServer;
let base: string;

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  base = server.url.replace(/\/graphql$/, '');
});
afterAll(() => server?.stop());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JOB = 'id status dryRun rowsTotal rowsDone created updated unchanged errors { row column code zh en } notices { row column code zh en } failure { zh en }';

type Problem = { row: number; column: string; code: string; zh: string; en: string };
type Job = { id: string; status: string; rowsTotal: number; rowsDone: number; created: number; updated: number; unchanged: number; errors: Problem[]; notices: Problem[]; failure: { zh: string } | null };

async function post(path: string, body: NonNullable<RequestInit['body']>, contentType: string | null, token: string | null = server.adminToken) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    body,
    headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
}

async function finished(jobId: string, as: TestServer = server): Promise<Job> {
  for (let i = 0; i < 600; i++) {
    const job = await ok<Job>(as, 'importJob', { id: jobId }, JOB);
    if (job.status === 'DONE' || job.status === 'FAILED') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} did not finish`);
}

async function importFile(type: string, query: string, bytes: Buffer | string, contentType = XLSX): Promise<Job> {
  const res = await post(`/import/${type}?${query}`, bytes as NonNullable<RequestInit['body']>, contentType);
  expect(res.status).toBe(202);
  const { jobId } = (await res.json()) as { jobId: string };
  expect(jobId).toMatch(/^\d+$/);
  return finished(jobId);
}

/** Every table but the jobs themselves: what an import that writes nothing must leave as it was. */
async function records() {
  const { jobs: _jobs, ...rest } = await dbFingerprint(server);
  return rest;
}

/** A catalog as counties publish it: a title, the header, group lines naming the domain, short names. */
async function catalog(lines: (string | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('赋权事项目录');
  sheet.addRow(['镇平县乡镇（街道）综合行政执法赋权事项目录（2024年版）']);
  sheet.mergeCells('A1:I1');
  sheet.addRow(['序号', '事项编码', '事项名称', '事项类别', '法律依据', '实施依据', '划出部门', '划转范围', '备注']);
  for (const line of lines) sheet.addRow(line);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const LAW = '《城市市容和环境卫生管理条例》第三十六条';
const good = (): (string | null)[][] => [
  ['一、城市管理（共3项）'],
  ['1', 'ZP-CG-001', '对在城市道路两侧擅自设摊经营的处罚', '行政处罚', LAW, null, '县城市管理局', '全部', null],
  ['2', 'ZP-CG-002', '对户外广告设置情况的检查', null, LAW, null, '城市管理局', '部分', '限主次干道以外'],
  ['3', 'ZP-CG-003', '对违法堆放物料的查封、扣押', '行政强制', LAW, null, '镇平县城市管理局', '全部', null],
  ['二、市场监管（共1项）'],
  ['1', 'ZP-SC-001', '对无照经营的处罚', null, '《无证无照经营查处办法》第十三条', null, '县市场监管局', '全部', null],
  ['三、生态环境（共1项）'],
  ['1', 'ZP-HB-001', '对露天焚烧秸秆的处罚', '行政处罚', '《大气污染防治法》第一百一十九条', null, '市生态环境局镇平分局', '全部', null],
];

it('reports every problem of a catalog by line and column, in both languages, and writes nothing', async () => {
  await ok(server, 'createOrganization', { name: '镇平县综合执法一大队', kind: 'DEPARTMENT', shortName: '执法大队' });
  await ok(server, 'createOrganization', { name: '镇平县综合执法二大队', kind: 'DEPARTMENT', shortName: '执法大队' });
  const lines = good();
  lines[1][6] = '县不存在局'; // line 4: unknown department
  lines[2][3] = '行政许可证'; // line 5: not a category
  lines[3][2] = ''; // line 6: no name
  lines[5][1] = 'ZP-CG-001'; // line 8: the code of line 4 again
  lines[7][6] = '执法大队'; // line 10: two organizations answer to it
  lines.push(['四、农业农村（共1项）'], ['1', 'ZP-NY-001', '对违规使用农药的处罚', '行政处罚', '《农药管理条例》', null, '涅阳街道', '全部', null]); // line 12: not a county department
  lines.push(['五、不存在的领域（共0项）']); // line 13
  const before = await records();
  const file = await catalog(lines);
  const job = await importFile('PowerItem', 'dryRun=true&codeScheme=镇平县目录', file);
  expect(job.status).toBe('DONE');
  expect(job.rowsTotal).toBe(lines.length);
  const found = job.errors.map((e) => [e.row, e.column, e.code]);
  expect(found).toEqual([
    [4, '划出部门', 'unknownReference'],
    [5, '事项类别', 'enum'],
    [6, '事项名称', 'required'],
    [8, '事项编码', 'duplicate'],
    [10, '划出部门', 'ambiguous'],
    [12, '划出部门', 'kind'],
    [13, '执法领域', 'unknownReference'],
  ]);
  for (const e of job.errors) {
    expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(e.en).toMatch(/[A-Za-z]/);
  }
  expect(job.errors[0].zh).toContain('县不存在局');
  expect(job.errors[4].zh).toContain('执法大队');
  // The numbering column is not a field; the missing category of line 8 (not the wrong one of line 5) is read from the item's name.
  expect(job.notices.map((n) => [n.row, n.column, n.code])).toEqual([[2, '序号', 'ignoredColumn'], [8, '事项类型', 'inferred']]);
  expect(await records()).toEqual(before);

  const commit = await importFile('PowerItem', 'dryRun=false&codeScheme=镇平县目录', file);
  expect(commit).toMatchObject({ status: 'FAILED', created: 0, updated: 0 });
  expect(commit.errors).toHaveLength(7);
  expect(await records()).toEqual(before);
});

it('commits the corrected catalog, then finds nothing to change in it a second time', async () => {
  const file = await catalog(good());
  const dry = await importFile('PowerItem', 'dryRun=true&codeScheme=镇平县目录', file);
  expect(dry).toMatchObject({ status: 'DONE', errors: [], created: 5, rowsTotal: 8, rowsDone: 8 });
  const job = await importFile('PowerItem', 'dryRun=false&codeScheme=镇平县目录', file);
  // The failure, if any, says why in the diff.
  expect(job).toMatchObject({ status: 'DONE', failure: null, errors: [], created: 5, updated: 0, unchanged: 0 });
  expect(job.notices.filter((n) => n.code === 'inferred').map((n) => n.row)).toEqual([5, 8]);

  const items = await ok(server, 'allPowerItems', { filter: { codeScheme: '镇平县目录' }, sortField: 'code' }, 'code category description domain { name } sourceDepartment { name }');
  expect(items.map((i: any) => [i.code, i.category, i.domain.name, i.sourceDepartment.name])).toEqual([
    ['ZP-CG-001', 'PENALTY', '城市管理', '镇平县城市管理局'],
    ['ZP-CG-002', 'INSPECTION', '城市管理', '镇平县城市管理局'],
    ['ZP-CG-003', 'COERCION', '城市管理', '镇平县城市管理局'],
    ['ZP-HB-001', 'PENALTY', '生态环境', '南阳市生态环境局镇平分局'],
    ['ZP-SC-001', 'PENALTY', '市场监管', '镇平县市场监督管理局'],
  ]);
  // 划转范围 and 备注 both describe the item: kept, each under its heading.
  expect(items[1].description).toBe('划转范围：部分\n备注：限主次干道以外');

  const [created] = await ok(server, 'allPowerItems', { filter: { codeScheme: '镇平县目录', code: 'ZP-CG-001' } }, 'id');
  const trail = await ok(server, 'auditTrail', { resource: 'PowerItem', id: created.id }, 'operation via');
  expect(trail).toEqual([{ operation: 'create', via: `import:${job.id}` }]);

  const before = await records();
  const again = await importFile('PowerItem', 'dryRun=false&codeScheme=镇平县目录', file);
  expect(again).toMatchObject({ status: 'DONE', errors: [], created: 0, updated: 0, unchanged: 5 });
  expect(await records()).toEqual(before);
});

it('reads back its own export unchanged, line for line, as CSV and as a workbook', async () => {
  for (const [type, format] of [['PowerItem', 'csv'], ['Delegation', 'xlsx'], ['Organization', 'xlsx'], ['StaffMember', 'csv']] as const) {
    const res = await fetch(`${base}/export/${type}?format=${format}`, { headers: { authorization: `Bearer ${server.adminToken}` } });
    const bytes = Buffer.from(await res.arrayBuffer());
    const before = await records();
    const job = await importFile(type, 'dryRun=false', bytes, format === 'csv' ? 'text/csv' : XLSX);
    expect({ type, errors: job.errors, status: job.status }).toEqual({ type, errors: [], status: 'DONE' });
    expect(job.unchanged).toBeGreaterThan(0);
    expect(job).toMatchObject({ created: 0, updated: 0, unchanged: job.rowsTotal });
    expect(await records()).toEqual(before);
  }
});

it('updates a record a file changes, through the record’s rules', async () => {
  const csv = '事项编码,事项名称,事项类型,执法领域,原实施部门,设定依据\nZP-CG-002,对户外广告设置情况的检查,行政检查,城市管理,城市管理局,新的依据\n';
  const job = await importFile('PowerItem', 'dryRun=false&codeScheme=镇平县目录', `\ufeff${csv}`, 'text/csv; charset=utf-8');
  expect(job).toMatchObject({ status: 'DONE', created: 0, updated: 1, unchanged: 0, errors: [] });
  const [item] = await ok(server, 'allPowerItems', { filter: { codeScheme: '镇平县目录', code: 'ZP-CG-002' } }, 'settingBasis');
  expect(item.settingBasis).toBe('新的依据');
  // A category the rules refuse with penalty kinds: the API's own field error, on its column.
  const bad = '事项编码,事项名称,事项类型,执法领域,原实施部门,设定依据,处罚种类\nZP-CG-002,对户外广告设置情况的检查,行政检查,城市管理,城市管理局,新的依据,罚款\n';
  const refused = await importFile('PowerItem', 'dryRun=false&codeScheme=镇平县目录', bad, 'text/csv');
  expect(refused.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, '处罚种类', 'category']]);
  expect(refused.status).toBe('FAILED');
});

it('takes a multipart upload, and refuses what it cannot take', async () => {
  const form = new FormData();
  form.append('file', new Blob([await catalog(good())], { type: XLSX }), '目录.xlsx');
  const res = await post('/import/PowerItem?dryRun=true&codeScheme=镇平县目录', form, null);
  expect(res.status).toBe(202);
  const job = await finished(((await res.json()) as { jobId: string }).jobId);
  // The line the previous test changed would be changed back.
  expect(job).toMatchObject({ status: 'DONE', unchanged: 4, updated: 1 });

  const code = async (r: Response) => ({ status: r.status, code: ((await r.json()) as any).errors[0].extensions.code });
  expect(await code(await post('/import/PowerItem', 'x', 'text/csv', null))).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  const hr = await server.tokenFor('HR');
  expect(await code(await post('/import/PowerItem', 'x', 'text/csv', hr))).toEqual({ status: 403, code: 'FORBIDDEN' });
  const { secret } = await ok(server, 'issueApiToken', { name: '平台', scopes: ['PowerItem'], expiresAt: new Date(Date.now() + 86400_000).toISOString() }, 'secret');
  expect(await code(await post('/import/PowerItem', 'x', 'text/csv', secret))).toEqual({ status: 403, code: 'FORBIDDEN' });
  expect(await code(await post('/import/PowerItem', '{}', 'application/json'))).toEqual({ status: 400, code: 'BAD_REQUEST' });
  expect(await code(await post('/import/PowerItem?dryRun=maybe', 'x', 'text/csv'))).toEqual({ status: 400, code: 'BAD_USER_INPUT' });

  // A file that is not a workbook fails its job, with the reason.
  const broken = await importFile('PowerItem', 'dryRun=true', Buffer.from('not a zip'), XLSX);
  expect(broken.status).toBe('FAILED');
  expect(broken.failure?.zh).toContain('文件无法读取');
  // A job is its owner's to read (and every job a county administrator's).
  const other = server.as(await server.tokenFor('CATALOG_EDITOR'));
  const res2 = await other.gql(`{ importJob(id: "${broken.id}") { id } }`);
  expect(res2.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const listed = await ok(server, 'importJobs', { resource: 'PowerItem' }, 'id status');
  expect(listed[0]).toEqual({ id: broken.id, status: 'FAILED' });
});
