import ExcelJS from 'exceljs';
import { ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';

// The six-rate ranking as the XLSX file a supervisor files: downloaded over HTTP, read back with
// exceljs, row by row; refused as the caseRanking query is.
const { server, world } = withWorld();
const YEAR = 2047;
let base: string;

beforeAll(async () => {
  base = server.url.replace(/\/graphql$/, '');
  const perfect = { casesDue: 5, casesFiled: 5, casesClosed: 5, decisionsExecuted: 5, penalties: 5, totalCases: 5 };
  const report = async (name: string, counts: Record<string, number>) =>
    ok(server, 'createCaseReport', { organizationId: await world.org(name, 'TOWNSHIP'), periodStart: `${YEAR}-01-01`, periodEnd: `${YEAR}-12-31`, ...counts });
  await report('导出乙镇', { casesDue: 10, totalCases: 10, casesOverdue: 1, leaderAssignmentsUnfulfilled: 1 });
  await report('导出甲镇', perfect);
});

const download = (query: string, token: string | null = server.adminToken) =>
  fetch(`${base}/export/case-ranking?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const errorOf = async (res: Response): Promise<any> => ((await res.json()) as { errors: any[] }).errors[0];

async function sheetOf(res: Response): Promise<(string | number | null)[][]> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="case-ranking-2047\.xlsx"; filename\*=UTF-8''/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const rows: (string | number | null)[][] = [];
  book.worksheets[0].eachRow((row) => rows.push((row.values as (string | number | null)[]).slice(1)));
  return rows;
}

describe('GET /export/case-ranking', () => {
  it('gives the year’s ranking with Chinese headings: best first, each rate’s points and deductions', async () => {
    const rows = await sheetOf(await download(`year=${YEAR}`));
    expect(rows[0][0]).toBe(`${YEAR}年度行政执法六率考核排名`);
    expect(rows[1].slice(0, 5)).toEqual(['名次', '执法单位', '报表数', '立案率得分', '立案率扣分']);
    expect(rows[1].slice(-3)).toEqual(['扣分合计', '总分', '核定应立案数']);
    expect(rows[1]).toHaveLength(3 + 12 + 3);
    expect(rows.slice(2).map((r) => [r[0], r[1], r[2], r.at(-3), r.at(-2), r.at(-1)])).toEqual([
      [1, '导出甲镇', 1, 0, 100, '5'],
      [2, '导出乙镇', 1, -7, 37.44, '10'],
    ]);
    // 乙: the closing rate has no denominator, its deductions (超期 −2, 领导交办未落实 −5) still count.
    const closing = rows[1].indexOf('办结率得分');
    expect(closing).toBeGreaterThan(2);
    expect([rows[3][closing], rows[3][closing + 1]]).toEqual(['—', -7]);
  });

  it('in English with lang=en', async () => {
    const rows = await sheetOf(await download(`year=${YEAR}&lang=en`));
    expect(rows[1].slice(0, 3)).toEqual(['Rank', 'Unit', 'Reports']);
    expect(rows[1].slice(-3)).toEqual(['Deductions', 'Total', 'Filing target']);
  });

  it('refuses as caseRanking does, and without a year', async () => {
    const anonymous = await download(`year=${YEAR}`, null);
    expect([anonymous.status, (await errorOf(anonymous)).extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const token = (await ok(server, 'issueApiToken', { name: '考核平台', scopes: ['CaseReport'], expiresAt: '2099-01-01T00:00:00Z' }, 'secret')).secret as string;
    const narrow = await download(`year=${YEAR}`, token);
    expect([narrow.status, (await errorOf(narrow)).extensions.code]).toEqual([403, 'FORBIDDEN']);
    for (const query of ['', 'year=abc', 'year=20255']) {
      const missing = await download(query);
      const error = await errorOf(missing);
      expect([missing.status, error.extensions.code, error.extensions.fieldErrors.map((e: any) => e.field)]).toEqual([400, 'BAD_USER_INPUT', ['year']]);
    }
    const early = await download('year=1999');
    expect([early.status, (await errorOf(early)).extensions.fieldErrors[0].rule]).toEqual([400, 'range']);
    expect((await download(`year=${YEAR}&lang=fr`)).status).toBe(400);
  });
});
