import ExcelJS from 'exceljs';
import { ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';

// The 调整对照表 as the spreadsheet adjustment notices attach: downloaded over HTTP, read back with
// exceljs, row by row; refused as the catalogDiff query is.
const { server, world } = withWorld();
let v1: string;
let v2: string;
let base: string;

beforeAll(async () => {
  base = server.url.replace(/\/graphql$/, '');
  const item = async (code: string, name: string) =>
    (
      await ok(server, 'createPowerItem', {
        codeScheme: '对照表测试', code, name, category: 'PENALTY', domainId: world.domain, sourceDepartmentId: world.department, settingBasis: `《测试条例》第${code.slice(-1)}条`,
      })
    ).id as string;
  const items = [await item('EXP-1', '对占道经营的处罚'), await item('EXP-2', '对乱倒垃圾的处罚'), await item('EXP-3', '对违法建设的处罚')];
  const street = await world.org('对照表街道', 'STREET', { code: 'EXP-S1' });
  const catalog = async (effectiveFrom: string, supersedesId?: string) =>
    (
      await ok(server, 'createDelegationCatalog', {
        title: `目录${effectiveFrom.slice(0, 4)}年版`, issuingOrganizationId: world.government, documentNumber: world.unique('表〔2024〕'), issuedOn: '2020-01-01', effectiveFrom, supersedesId,
      })
    ).id as string;
  const delegate = (catalogId: string, powerItemId: string, extra: Record<string, unknown> = {}) =>
    ok(server, 'createDelegation', { catalogId, powerItemId, recipientId: street, delegatingOrganizationId: world.department, mode: 'GRANTED', effectiveFrom: catalogId === v1 ? '2023-01-01' : '2025-01-01', ...extra });
  v1 = await catalog('2023-01-01');
  await delegate(v1, items[0]);
  await delegate(v1, items[1]);
  await ok(server, 'publishDelegationCatalog', { id: v1 });
  v2 = await catalog('2025-01-01', v1);
  await delegate(v2, items[0], { mode: 'ENTRUSTED' });
  await delegate(v2, items[2]);
});

const download = (query: string, token: string | null = server.adminToken) =>
  fetch(`${base}/export/catalog-diff?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

const errorOf = async (res: Response): Promise<any> => ((await res.json()) as { errors: any[] }).errors[0];

async function sheetOf(res: Response): Promise<(string | number | null)[][]> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(res.headers.get('content-disposition')).toMatch(/attachment;.*\.xlsx/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const sheet = book.worksheets[0];
  const rows: (string | number | null)[][] = [];
  sheet.eachRow((row) => rows.push((row.values as (string | number | null)[]).slice(1)));
  return rows;
}

describe('GET /export/catalog-diff', () => {
  it('gives the comparison table in Chinese: one row per item added, taken back or changed', async () => {
    const rows = await sheetOf(await download(`from=${v1}&to=${v2}`));
    expect(rows[0][0]).toBe('目录2025年版与目录2023年版调整对照表');
    expect(rows[1]).toEqual(['序号', '街道/乡镇', '事项编码', '事项名称', '调整类型', '原内容', '调整后内容', '依据']);
    expect(rows.slice(2).map((r) => r.slice(0, 5))).toEqual([
      [1, '对照表街道', 'EXP-3', '对违法建设的处罚', '新增'],
      [2, '对照表街道', 'EXP-2', '对乱倒垃圾的处罚', '取消'],
      [3, '对照表街道', 'EXP-1', '对占道经营的处罚', '变更'],
    ]);
    const [added, removed, changed] = rows.slice(2);
    expect(added[5] ?? '').toBe('');
    expect(added[6]).toMatch(/^交由（赋权）；测试县城市管理局；全部；2025-01-01 – 长期$/);
    expect(removed[5]).toMatch(/^交由（赋权）；测试县城市管理局/);
    expect(changed[5]).toBe('赋权方式：交由（赋权）');
    expect(changed[6]).toBe('赋权方式：委托');
    expect(changed[7]).toBe('《测试条例》第1条');
  });

  it('in English with lang=en', async () => {
    const rows = await sheetOf(await download(`from=${v1}&to=${v2}&lang=en`));
    expect(rows[1]).toEqual(['No.', 'Street / township', 'Item code', 'Item name', 'Change', 'Before', 'After', 'Basis']);
    expect(rows.slice(2).map((r) => r[4])).toEqual(['Added', 'Taken back', 'Changed']);
  });

  it('refuses as catalogDiff does: anonymous callers, tokens without its scopes, unknown editions, missing arguments', async () => {
    const anonymous = await download(`from=${v1}&to=${v2}`, null);
    expect([anonymous.status, (await errorOf(anonymous)).extensions.code]).toEqual([401, 'UNAUTHENTICATED']);

    const issue = async (scopes: string[]) =>
      (await ok(server, 'issueApiToken', { name: '政务公开平台', scopes, expiresAt: '2099-01-01T00:00:00Z' }, 'secret')).secret as string;
    const narrow = await download(`from=${v1}&to=${v2}`, await issue(['DelegationCatalog']));
    expect([narrow.status, (await errorOf(narrow)).extensions.code]).toEqual([403, 'FORBIDDEN']);
    const scoped = await sheetOf(await download(`from=${v1}&to=${v2}`, await issue(['DelegationCatalog', 'Delegation', 'Organization', 'PowerItem'])));
    expect(scoped).toHaveLength(5);

    const unknown = await download(`from=${v1}&to=999999`);
    expect([unknown.status, (await errorOf(unknown)).extensions.code]).toEqual([404, 'NOT_FOUND']);
    const missing = await download(`from=${v1}`);
    const error = await errorOf(missing);
    expect([missing.status, error.extensions.code, error.extensions.fieldErrors.map((e: any) => e.field)]).toEqual([400, 'BAD_USER_INPUT', ['to']]);
    const badLang = await download(`from=${v1}&to=${v2}&lang=fr`);
    expect(badLang.status).toBe(400);
  });
});
