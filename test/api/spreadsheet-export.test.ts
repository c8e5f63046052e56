import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { ok } from '../helpers/operations';

// GET /export/<Type>: any record's list as the admin shows it, as a workbook or CSV file, with the
// filters of allXs, masked as the caller's API token is, page by page.
let server: TestServer;
let base: string;

beforeAll(async () => {
  server = await startTestServer({ seed: true });
  base = server.url.replace(/\/graphql$/, '');
});
afterAll(() => server?.stop());

async function download(path: string, token: string | null = server.adminToken) {
  return fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

async function csv(path: string, token?: string | null): Promise<string[][]> {
  const res = await download(path, token);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
  const bytes = Buffer.from(await res.arrayBuffer());
  // A byte-order mark first, so Excel reads the Chinese as UTF-8.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.subarray(3).toString('utf8')) as string[][];
}

async function errorOf(path: string, token?: string | null) {
  const res = await download(path, token);
  const body = (await res.json()) as { errors: { extensions: { code: string; fieldErrors?: { field: string }[] } }[] };
  return { status: res.status, code: body.errors[0].extensions.code, fields: body.errors[0].extensions.fieldErrors?.map((f) => f.field) };
}

it('exports every power item with Chinese headers, enum labels and references by code', async () => {
  const [header, ...rows] = await csv('/export/PowerItem?format=csv');
  expect(header).toEqual(['编号', '编码规则', '事项编码', '事项名称', '主项', '事项类型', '执法领域', '原实施部门', '设定依据', '实施依据', '处罚种类', '说明']);
  const { count } = await ok(server, '_allPowerItemsMeta', {}, 'count');
  expect(rows).toHaveLength(count);
  const items = await ok(server, 'allPowerItems', { perPage: 1000 }, 'id code category domain { code } sourceDepartment { code } penaltyKinds');
  const first = items[0];
  const row = rows.find((r) => r[0] === first.id)!;
  expect(row[2]).toBe(first.code);
  expect(row[5]).toBe({ PENALTY: '行政处罚', INSPECTION: '行政检查', COERCION: '行政强制' }[first.category as string] ?? row[5]);
  expect(row[6]).toBe(first.domain.code);
  expect(row[7]).toBe(first.sourceDepartment.code);
  const withKinds = items.find((i: { penaltyKinds: string[] }) => i.penaltyKinds.length > 1);
  if (withKinds) expect(rows.find((r) => r[0] === withKinds.id)![10].split('；')).toHaveLength(withKinds.penaltyKinds.length);
});

it('applies the filters and order of allXs, in English when asked', async () => {
  const filter = { category: 'INSPECTION' };
  const [header, ...rows] = await csv(`/export/PowerItem?format=csv&lang=en&sortField=name&sortOrder=DESC&filter=${encodeURIComponent(JSON.stringify(filter))}`);
  expect(header.slice(0, 4)).toEqual(['ID', 'Code scheme', 'Item code', 'Name']);
  const listed = await ok(server, 'allPowerItems', { filter, sortField: 'name', sortOrder: 'DESC', perPage: 1000 }, 'id');
  expect(listed.length).toBeGreaterThan(0);
  expect(rows.map((r) => r[0])).toEqual(listed.map((i: { id: string }) => i.id));
  expect(new Set(rows.map((r) => r[5]))).toEqual(new Set(['Inspection']));
});

it('writes a workbook with a header row and one row per record', async () => {
  const res = await download('/export/Organization');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('机构.xlsx')}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const sheet = workbook.worksheets[0];
  expect(sheet.name).toBe('机构');
  expect((sheet.getRow(1).values as unknown[]).slice(1, 7)).toEqual(['编号', '名称', '类别', '上级机构', '所属县区', '机构代码']);
  const { count } = await ok(server, '_allOrganizationsMeta', {}, 'count');
  expect(sheet.actualRowCount).toBe(count + 1);
  const market = await ok(server, 'allOrganizations', { filter: { q: '市场监督管理局涅阳' } }, 'id name parent { code }');
  const row = sheet.getRows(2, count)!.find((r) => String(r.getCell(1).value) === market[0].id)!;
  expect(row.getCell(2).value).toBe(market[0].name);
  expect(row.getCell(4).value).toBe(market[0].parent.code);
});

it('reads page after page, in either order, without losing or repeating a row', async () => {
  await server.database.db.execute(
    `insert into enforcement_domains (code, name) select 'X' || lpad(g::text, 5, '0'), '测试领域' || g from generate_series(1, 2345) g`,
  );
  const filter = encodeURIComponent(JSON.stringify({ q: '测试领域' }));
  const [, ...asc] = await csv(`/export/EnforcementDomain?format=csv&filter=${filter}`);
  expect(asc).toHaveLength(2345);
  expect(asc.map((r) => r[1])).toEqual(Array.from({ length: 2345 }, (_, i) => `X${String(i + 1).padStart(5, '0')}`));
  const [, ...desc] = await csv(`/export/EnforcementDomain?format=csv&sortField=code&sortOrder=DESC&filter=${filter}`);
  expect(desc.map((r) => r[1])).toEqual(asc.map((r) => r[1]).reverse());
});

it('masks names and numbers as the caller’s API token reads them', async () => {
  const issue = (scopes: string[], personalData: boolean) =>
    ok(server, 'issueApiToken', { name: `平台${scopes.join()}${personalData}`, scopes, expiresAt: new Date(Date.now() + 86400_000).toISOString(), personalData }, 'secret');
  const plain = (await issue(['StaffMember'], false)).secret;
  const personal = (await issue(['StaffMember', 'Organization'], true)).secret;
  const staff = await ok(server, 'allStaffMembers', { perPage: 5 }, 'id name mobile organization { code }');
  const [, ...masked] = await csv('/export/StaffMember?format=csv', plain);
  const maskedRow = masked.find((r) => r[0] === staff[0].id)!;
  expect(maskedRow[1]).toBe(`${[...staff[0].name][0]}${'*'.repeat([...staff[0].name].length - 1)}`);
  // Without the Organization scope, the organization is given by id only.
  expect(maskedRow[2]).toMatch(/^\d+$/);
  const [, ...clear] = await csv('/export/StaffMember?format=csv', personal);
  const clearRow = clear.find((r) => r[0] === staff[0].id)!;
  expect(clearRow[1]).toBe(staff[0].name);
  expect(clearRow[2]).toBe(staff[0].organization.code);

  expect(await errorOf('/export/PowerItem', plain)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  const byName = encodeURIComponent(JSON.stringify({ name: staff[0].name }));
  expect(await errorOf(`/export/StaffMember?filter=${byName}`, plain)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  expect(await errorOf('/export/StaffMember?sortField=name', plain)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
});

it('refuses anonymous callers and bad parameters with the API’s error codes', async () => {
  expect(await errorOf('/export/PowerItem', null)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  expect(await errorOf('/export/PowerItem', 'not-a-token')).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  expect(await errorOf(`/export/PowerItem?filter=${encodeURIComponent('{"category":"NOPE"}')}`)).toEqual({ status: 400, code: 'BAD_USER_INPUT', fields: ['filter.category'] });
  expect(await errorOf(`/export/PowerItem?filter=${encodeURIComponent('{"colour":"red"}')}`)).toMatchObject({ status: 400, fields: ['filter.colour'] });
  expect(await errorOf('/export/PowerItem?filter=%7Bnot-json')).toMatchObject({ status: 400, fields: ['filter'] });
  expect(await errorOf('/export/PowerItem?sortField=password')).toMatchObject({ status: 400, fields: ['sortField'] });
  expect(await errorOf('/export/PowerItem?format=pdf')).toMatchObject({ status: 400, fields: ['format'] });
  // A path naming no record is not an export (nor the admin's page).
  const res = await download('/export/Nothing');
  expect(res.status).toBe(404);
});

it('keeps other accounts’ private records out of the file', async () => {
  const viewer = await server.tokenFor('VIEWER');
  const [, ...rows] = await csv('/export/User?format=csv', viewer);
  expect(rows).toHaveLength(1);
});
