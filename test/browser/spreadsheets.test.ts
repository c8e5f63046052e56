import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { TestServer } from '../helpers/test-server';
import { browserSession, browserSuite, shotsDir } from '../helpers/browser';
import { ok } from '../helpers/operations';

jest.setTimeout(600_000);

// A catalog editor brings the county's Excel catalog in: the file is checked, its problems shown
// by line and column, the corrected file imported; then the list goes back out as a workbook.

const files = mkdtempSync(path.join(tmpdir(), 'catalog-'));
const session = browserSession();
const { settled } = session;
let server: TestServer;
let page: Page;
let base: string;
beforeAll(() => ({ server, page, base } = session));

const LAW = '《城市市容和环境卫生管理条例》第三十六条';

/** A catalog as the county keeps it: a title line, the header, group lines, short department names. */
async function catalogFile(name: string, mistakes: boolean): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('目录');
  sheet.addRow(['镇平县乡镇（街道）综合行政执法赋权事项目录']);
  sheet.addRow(['序号', '编码规则', '事项编码', '事项名称', '事项类别', '法律依据', '划出部门', '备注']);
  sheet.addRow(['一、城市管理（共3项）']);
  sheet.addRow([1, '镇平县2026目录', 'ZP-CG-101', '对在城市道路两侧擅自设摊经营的处罚', '行政处罚', LAW, mistakes ? '县城管局' : '县城市管理局', null]);
  sheet.addRow([2, '镇平县2026目录', 'ZP-CG-102', '对户外广告设置情况的检查', null, LAW, '城市管理局', '限主次干道以外']);
  sheet.addRow([3, '镇平县2026目录', mistakes ? 'ZP-CG-101' : 'ZP-CG-103', '对违法堆放物料的查封、扣押', '行政强制', LAW, '城市管理局', null]);
  sheet.addRow(['二、市场监管（共1项）']);
  sheet.addRow([1, '镇平县2026目录', 'ZP-SC-101', '对无照经营的处罚', mistakes ? '行政处分' : '行政处罚', '《无证无照经营查处办法》第十三条', '县市场监管局', null]);
  const file = path.join(files, name);
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}

/** Chooses a file through the dialog's button, as a person does. */
async function choose(file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('dialog').getByRole('button', { name: '选择文件' }).click();
  await (await chooser).setFiles(file);
}

browserSuite('spreadsheets in a browser', () => {
  it('imports a catalog file: its problems first, then the corrected file, then the rows in the list', async () => {
    await page.goto(`${base}/#/login`);
    await page.locator('input[name="username"]').fill('editor');
    await page.locator('input[name="password"]').fill('demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('vacancy').waitFor();
    await page.getByRole('menuitem', { name: '执法事项' }).click();
    await settled();

    await page.getByRole('button', { name: '导入' }).click();
    await choose(await catalogFile('有错误的目录.xlsx', true));
    const dialog = page.getByRole('dialog');
    await dialog.getByText('发现 3 个问题').waitFor();
    const problems = dialog.getByRole('table', { name: '问题' }).first().locator('tbody tr');
    await expect(problems.allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^4\s+划出部门\s+找不到机构“县城管局”/),
      expect.stringMatching(/^6\s+事项编码\s+与第 4 行重复/),
      expect.stringMatching(/^8\s+事项类别\s+事项类型“行政处分”不是可选的值/),
    ]);
    // The missing category of line 5 is read from its name, and said.
    await dialog.getByText('事项类型未填，按事项名称推定为“行政检查”').waitFor();
    expect(await dialog.getByRole('button', { name: '确认导入' }).count()).toBe(0);
    await page.screenshot({ path: path.join(shotsDir, 'import-problems.png') });
    expect(await ok(server, '_allPowerItemsMeta', { filter: { codeScheme: '镇平县2026目录' } }, 'count')).toEqual({ count: 0 });

    await choose(await catalogFile('目录.xlsx', false));
    await dialog.getByText('共 6 行：将新增 4 条，更新 0 条，0 条未变').waitFor();
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await dialog.getByText('导入完成：新增 4 条，更新 0 条，0 条未变').waitFor();
    await dialog.getByRole('button', { name: '关闭' }).click();

    await page.goto(`${base}/#/PowerItem?filter=${encodeURIComponent(JSON.stringify({ q: 'ZP-' }))}`);
    await settled();
    for (const name of ['对在城市道路两侧擅自设摊经营的处罚', '对户外广告设置情况的检查', '对违法堆放物料的查封、扣押', '对无照经营的处罚']) {
      await page.getByText(name, { exact: true }).waitFor();
    }
    await page.getByText('行政检查').first().waitFor();

    // The jobs page lists the three runs, the last one imported.
    await page.getByRole('menuitem', { name: '导入任务' }).click();
    await page.getByText('新增 4，更新 0，未变 0，问题 0').first().waitFor();
    await page.getByText('新增 1，更新 0，未变 0，问题 3').first().waitFor();
    await page.screenshot({ path: path.join(shotsDir, 'import-jobs.png') });
  });

  it('exports the list as it is filtered', async () => {
    await page.goto(`${base}/#/PowerItem?filter=${encodeURIComponent(JSON.stringify({ q: 'ZP-' }))}`);
    await settled();
    await page.getByRole('button', { name: '导出' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Excel 表格（.xlsx）' }).click();
    const file = path.join(files, 'export.xlsx');
    await (await download).saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    expect(sheet.actualRowCount).toBe(5);
    const names = sheet.getColumn(4).values.slice(2);
    expect(new Set(names)).toEqual(new Set(['对在城市道路两侧擅自设摊经营的处罚', '对户外广告设置情况的检查', '对违法堆放物料的查封、扣押', '对无照经营的处罚']));
  });
});
