import { browserSession, browserSuite } from '../helpers/browser';
import { ok } from '../helpers/operations';

// A step here may wait STEP_TIMEOUT_MS on a loaded machine.
jest.setTimeout(600_000);

// A value the API cannot even read (a number past the range of its type) is refused before any
// rule runs, with HTTP 400 and the same error contract as any refusal: the form shows it under its
// field, as it shows a rule's refusal, and nothing is written.
const session = browserSession();

browserSuite('a value the API cannot read', () => {
  it('is shown under its field, and nothing is recorded', async () => {
    const { page } = session;
    await session.signIn('admin');
    await session.go('/StaffingQuota/create');
    const organization = page.getByLabel('机构', { exact: false }).first();
    await organization.click();
    await organization.fill('玉都街道');
    await page.getByRole('option', { name: '玉都街道', exact: true }).click();
    await page.getByLabel('编制类别', { exact: false }).first().click();
    await page.getByRole('option').first().click();
    await page.getByLabel('年度', { exact: false }).first().fill('2031');
    await page.getByLabel('核定数', { exact: false }).first().fill('3000000000');
    await page.getByRole('button', { name: '保存' }).click();
    const message = page.locator('.MuiFormHelperText-root.Mui-error', { hasText: 'approvedCount' }).first();
    await message.waitFor();
    // Under the input it concerns.
    const field = page.locator('.MuiFormControl-root', { has: page.getByLabel('核定数', { exact: false }) }).first();
    expect(await field.locator('.MuiFormHelperText-root.Mui-error').textContent()).toContain('不符合要求');
    await session.shot('form-error-unreadable-value');
    expect(await ok(session.server, 'allStaffingQuotas', { filter: { year: 2031 } })).toEqual([]);
  });
});
