import { browserSession, browserSuite } from '../helpers/browser';
import { ok } from '../helpers/operations';

// A step here may wait STEP_TIMEOUT_MS on a loaded machine.
jest.setTimeout(600_000);

// The system administrator changes a rule figure under 系统管理 → 参数设置: the form refuses a value
// out of range under the field, keeps a good one (shown beside its default and unit), and deleting
// the record restores the default.
const b = browserSession();

browserSuite('parameters in the admin', () => {
  it('changes the vacancy cap, refuses one out of range, and resets it to the default', async () => {
    const { page } = b;
    await b.signIn('sysadmin');
    await page.getByRole('menuitem', { name: '参数设置' }).click();
    await b.settled();
    await b.go('/SystemParameter/create');
    await page.getByLabel('参数', { exact: false }).first().click();
    await page.getByRole('option', { name: '空编率上限', exact: true }).click();
    await page.getByLabel('当前值', { exact: false }).first().fill('1.5');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('须在 0 至 1').first().waitFor();
    await b.shot('parameters-refused');
    expect(await ok(b.server, 'allSystemParameters', {}, 'key')).toEqual([]);
    await page.getByLabel('当前值', { exact: false }).first().fill('0.3');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.RaShow-main', { hasText: '默认值' }).waitFor();
    await page.locator('.RaShow-main', { hasText: '空编率上限' }).waitFor();
    await b.shot('parameters-saved');
    const [stored] = await ok(b.server, 'allSystemParameters', {}, 'id key value defaultValue');
    expect(stored).toMatchObject({ key: 'VACANCY_RATE_CAP', value: 0.3, defaultValue: 0.2 });
    // Changed again on its edit page, then reset to the default there: the record deleted.
    await page.getByRole('link', { name: '编辑' }).click();
    await b.settled();
    await page.getByLabel('当前值', { exact: false }).first().fill('0.4');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.RaShow-main', { hasText: '0.4' }).waitFor();
    expect((await ok(b.server, 'allSystemParameters', {}, 'value'))[0].value).toBe(0.4);
    await page.getByRole('link', { name: '编辑' }).click();
    await b.settled();
    await page.getByRole('button', { name: '删除' }).click();
    const confirm = page.getByRole('dialog').getByRole('button', { name: '确定' });
    if (await confirm.count()) await confirm.click();
    await b.settled();
    let left = 1;
    for (let i = 0; i < 50 && left; i++) {
      left = (await ok(b.server, 'allSystemParameters', {}, 'id')).length;
      if (left) await page.waitForTimeout(200);
    }
    expect(left).toBe(0);
  });
});
