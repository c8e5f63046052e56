import { browserSession, browserSuite } from '../helpers/browser';
import { ok } from '../helpers/operations';
import { today } from '../../api/dates';

// A user's whole task, many steps each allowed their own timeout on a loaded machine.
jest.setTimeout(600_000);

// A supervisor on the demo county: the dashboard names the overdue referrals, and a suspected crime
// is referred to the police through the generic form, which the server refuses until the copy to
// the procuratorate is recorded (三法衔接), then received and accepted on its page.
const session = browserSession();

browserSuite('recording a police referral', () => {
  const autocomplete = async (label: string, option: string) => {
    const input = session.page.getByLabel(label, { exact: false }).first();
    await input.click();
    await input.fill(option);
    await session.page.getByRole('option', { name: option, exact: true }).click();
  };

  it('shows overdue referrals on the dashboard and records a police referral with its copy to the procuratorate', async () => {
    const { page } = session;
    await session.signIn('supervisor');
    // The demo's referral of 雪枫街道 to the police was received but never decided.
    await page.getByTestId('referrals').getByText('雪枫街道 → 镇平县公安局').waitFor();
    // This year's complaints per unit, as the API counts them (the demo's run into 2026).
    const counts = await ok(session.server, 'complaintCounts', { year: Number(today().slice(0, 4)) }, 'organization { name }');
    if (counts.length) await page.getByTestId('complaints').getByText(counts[0].organization.name).first().waitFor();

    const matter = '玉都街道查处非法采砂，数量较大，涉嫌非法采矿罪';
    await session.go('/CaseReferral/create');
    await page.getByLabel('移送类别', { exact: false }).first().click();
    await page.getByRole('option', { name: '涉嫌犯罪移送公安机关', exact: true }).click();
    await autocomplete('移送单位', '玉都街道');
    await autocomplete('接收单位', '镇平县公安局');
    await page.getByLabel('移送事项', { exact: false }).first().fill(matter);
    await page.getByLabel('移送依据', { exact: false }).first().fill('《中华人民共和国刑法》第三百四十三条');
    await page.getByLabel('移送日期', { exact: false }).first().fill(today());
    await page.getByRole('button', { name: '保存' }).click();
    // Refused by the server, under the fields the copy needs; nothing recorded.
    await page.locator('.MuiFormHelperText-root.Mui-error', { hasText: '须同时抄送检察机关' }).first().waitFor();
    await session.shot('case-referral-copy-required');
    expect(await ok(session.server, 'allCaseReferrals', { filter: { q: '非法采砂' } })).toEqual([]);

    await page.getByLabel('抄送检察机关', { exact: false }).first().fill('镇平县人民检察院');
    await page.getByLabel('抄送日期', { exact: false }).first().fill(today());
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.RaShow-main', { hasText: '镇平县人民检察院' }).waitFor();
    await session.shot('case-referral-show');
    const [saved] = await ok(session.server, 'allCaseReferrals', { filter: { q: '非法采砂' } }, 'kind status matter procuratorateCopiedTo procuratorateCopiedOn overdue fromOrganization { name } toOrganization { name }');
    expect(saved).toEqual({
      kind: 'TO_POLICE',
      status: 'SENT',
      matter,
      procuratorateCopiedTo: '镇平县人民检察院',
      procuratorateCopiedOn: today(),
      overdue: false,
      fromOrganization: { name: '玉都街道' },
      toOrganization: { name: '镇平县公安局' },
    });

    // The county supervisor signs for it on the police's behalf, then accepts it with what was done.
    await page.getByRole('button', { name: '接收' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByRole('button', { name: '受理' }).waitFor();
    await page.getByRole('button', { name: '受理' }).click();
    await page.getByRole('dialog').locator('textarea[name="outcome"]').fill('公安机关已刑事立案侦查');
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByRole('button', { name: '登记办理结果' }).waitFor();
    await session.shot('case-referral-accepted');
    const [accepted] = await ok(session.server, 'allCaseReferrals', { filter: { q: '非法采砂' } }, 'status receivedOn decidedOn outcome');
    expect(accepted).toEqual({ status: 'ACCEPTED', receivedOn: today(), decidedOn: today(), outcome: '公安机关已刑事立案侦查' });
  });
});
