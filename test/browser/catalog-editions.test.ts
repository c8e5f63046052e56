import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { TestServer } from '../helpers/test-server';
import { browserSession, browserSuite, shotsDir } from '../helpers/browser';
import { ok } from '../helpers/operations';

jest.setTimeout(600_000);

// An editor's adjustment of the catalog in a real browser, on the demo county: the delegations
// still awaiting their 赋权确认书, the comparison table downloaded as a spreadsheet, and the next
// edition drafted from the published one (refused while another draft exists, then done).

const session = browserSession();
const { settled, go, signIn, count } = session;
let server: TestServer;
let page: Page;
beforeAll(() => ({ server, page } = session));

const byTitle = async (part: string) => (await ok<any[]>(server, 'allDelegationCatalogs', { filter: { q: part } }, 'id title status supersedesId'))[0];

browserSuite('catalog editions in a browser', () => {
  it('shows per street the delegations whose 赋权确认书 is not signed, on the dashboard and the catalog page', async () => {
    const expected = await ok<any[]>(server, 'unconfirmedDelegations', {}, 'count recipient { name }');
    expect(expected.length).toBeGreaterThan(0);
    await signIn('editor');
    const card = page.getByTestId('unconfirmed-card');
    await card.getByText(expected[0].recipient.name).waitFor();
    await card.getByText(String(expected.reduce((n, r) => n + r.count, 0)), { exact: true }).waitFor();

    const v2023 = await byTitle('2023年版');
    await go(`/DelegationCatalog/${v2023.id}/show`);
    const listed = page.getByTestId('unconfirmed');
    await listed.getByText(expected[0].recipient.name).waitFor();
    await listed.getByText(`${expected[0].count} 项未确认`).first().waitFor();
    // A street's line opens its unconfirmed delegations of this catalog.
    await listed.getByText(expected[0].recipient.name).click();
    await settled();
    await count(page.locator('.RaDatagrid-table tbody tr'), expected[0].count);
  });

  it('downloads the comparison table of the edition picked on the catalog page', async () => {
    const v2021 = await byTitle('2021年版');
    const v2023 = await byTitle('2023年版');
    const diff = await ok(server, 'catalogDiff', { fromId: v2021.id, toId: v2023.id }, 'added removed changed');
    await go(`/DelegationCatalog/${v2023.id}/show`);
    const compare = page.getByTestId('edition-compare');
    await compare.getByTestId('diff-summary').waitFor();
    await compare.scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent('download'), compare.getByTestId('export-diff').click()]);
    expect(download.suggestedFilename()).toBe(`调整对照表-${v2021.id}-${v2023.id}.xlsx`);
    const file = path.join(shotsDir, '..', 'catalog-diff.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    expect((sheet.getRow(2).values as string[]).slice(1)).toEqual(['序号', '街道/乡镇', '事项编码', '事项名称', '调整类型', '原内容', '调整后内容', '依据']);
    const kinds = [];
    for (let r = 3; r <= sheet.rowCount; r++) kinds.push(sheet.getRow(r).getCell(5).value);
    expect(kinds.filter((k) => k === '新增')).toHaveLength(diff.added);
    expect(kinds.filter((k) => k === '取消')).toHaveLength(diff.removed);
    expect(kinds).toHaveLength(diff.added + diff.removed + diff.changed);
  });

  it('drafts the next edition from the published one, saying what stands in the way first', async () => {
    const v2023 = await byTitle('2023年版');
    await go(`/DelegationCatalog/${v2023.id}/show`);
    await page.getByRole('button', { name: '起草下一版' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="title"]').fill('镇平县乡镇（街道）综合行政执法赋权事项目录（2027年版）');
    // A date before the edition's own: said under the date.
    await dialog.locator('input[name="effectiveFrom"]').fill('2023-01-01');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByText(/须晚于被替代版本/).waitFor();
    // The demo's 2025 draft already supersedes this edition: said, nothing drafted.
    await dialog.locator('input[name="effectiveFrom"]').fill('2027-01-01');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText(/已有替代该目录的草稿/).waitFor();
    expect(await ok<any[]>(server, 'allDelegationCatalogs', { filter: { supersedesId: v2023.id } }, 'id')).toHaveLength(1);

    // Once that draft is withdrawn, the next edition is drafted and opened.
    const seeded = await byTitle('2025年调整');
    const its = await ok<any[]>(server, 'allDelegations', { filter: { catalogId: seeded.id }, perPage: 1000 }, 'id');
    await ok(server, 'deleteDelegations', { ids: its.map((d) => d.id) });
    await ok(server, 'deleteDelegationCatalog', { id: seeded.id });
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('已起草下一版').waitFor();
    const drafted = await byTitle('2027年版');
    expect(drafted).toMatchObject({ status: 'DRAFT', supersedesId: v2023.id });
    await page.waitForURL(new RegExp(`/DelegationCatalog/${drafted.id}/show`));
    await settled();
    await page.getByRole('button', { name: '发布目录' }).waitFor();
    const copied = await ok(server, '_allDelegationsMeta', { filter: { catalogId: drafted.id } }, 'count');
    const original = await ok(server, '_allDelegationsMeta', { filter: { catalogId: v2023.id } }, 'count');
    expect(copied.count).toBe(original.count);
    await page.getByTestId('catalog-groups').waitFor();
    await page.screenshot({ path: path.join(shotsDir, 'catalog-next-edition.png') });
  });

  it('offers no next edition to a reader', async () => {
    await signIn('viewer');
    const v2023 = await byTitle('2023年版');
    await go(`/DelegationCatalog/${v2023.id}/show`);
    await page.getByTestId('edition-compare').waitFor();
    await expect(page.getByRole('button', { name: '起草下一版' }).count()).resolves.toBe(0);
  });
});
