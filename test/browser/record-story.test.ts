import type { Page } from 'playwright-core';
import type { TestServer } from '../helpers/test-server';
import { browserSession, browserSuite } from '../helpers/browser';
import { ok } from '../helpers/operations';
import { today } from '../../api/dates';

jest.setTimeout(600_000);

// Each record shows its story, by clicking, on the demo county: a person's certificates under their
// fields, a street's powers on a chosen day, and the print views of a catalog and a finding.

const session = browserSession();
const { settled, signIn, shot } = session;
let server: TestServer;
let page: Page;
beforeAll(() => ({ server, page } = session));

/** Opens a record from its list through the menu, found with the list's search box. */
async function openFromMenu(menu: string, search: string, rowText: string) {
  await page.getByRole('menuitem', { name: menu, exact: true }).click();
  await settled();
  await page.getByPlaceholder('搜索').fill(search);
  // The search is applied after a pause in typing: a row clicked before that would be left for the
  // filtered list as soon as the filter lands.
  await page.waitForURL((url) => decodeURIComponent(url.hash).includes(`"q":"${search}"`));
  await settled();
  await page.locator('.RaDatagrid-row').filter({ hasText: rowText }).first().click();
  await settled();
}

browserSuite('each record shows its story', () => {
  it('takes a street’s HR officer from a person to their certificates, and on to one of them', async () => {
    const [street] = await ok<any[]>(server, 'allOrganizations', { filter: { name: '涅阳街道' } }, 'id');
    const staff = await ok<any[]>(server, 'allStaffMembers', { filter: { organizationId: street.id }, perPage: 100 }, 'id name _certificatesMeta { count } certificates(sortField: "id", sortOrder: "DESC", perPage: 1) { id number }');
    const person = staff.find((s) => s._certificatesMeta.count > 0)!;

    await signIn('hr');
    await openFromMenu('执法人员', person.name, person.name);
    const section = page.getByTestId('related-certificates');
    await section.waitFor();
    await expect(section.locator('h3').innerText()).resolves.toContain(`执法证`);
    await expect(section.locator('h3 .MuiChip-label').innerText()).resolves.toBe(String(person._certificatesMeta.count));
    // The person's other sections: their postings among them.
    await page.getByTestId('related-postings').waitFor();
    await settled();
    await page.mouse.wheel(0, 1500);
    await shot('story-person-certificates');

    await section.getByTestId('related-link').first().click();
    await page.waitForURL(new RegExp(`#/Certificate/${person.certificates[0].id}/show`));
    await page.getByText(person.certificates[0].number).first().waitFor();
  });

  it('shows a street what it holds today and on a chosen day, with department, basis, mode and since when', async () => {
    const [street] = await ok<any[]>(server, 'allOrganizations', { filter: { name: '涅阳街道' } }, 'id');
    const held = async (date: string) =>
      ok(server, '_delegationsAsOfMeta', { organizationId: street.id, date }, 'count').then((r) => r.count as number);
    const day = '2022-01-01';
    const [todayCount, dayCount] = [await held(today()), await held(day)];
    expect(todayCount).toBeGreaterThan(0);
    expect(dayCount).toBeGreaterThan(0);
    const [first] = await ok<any[]>(server, 'delegationsAsOf', { organizationId: street.id, date: day, perPage: 1 }, 'mode effectiveFrom powerItem { code name settingBasis } delegatingOrganization { name }');

    await signIn('viewer');
    await openFromMenu('机构', '涅阳', '涅阳街道');
    const holdings = page.getByTestId('holdings');
    await holdings.getByTestId('holdings-count').getByText(`${today()} 持有 ${todayCount} 项`).waitFor();
    await expect(holdings.getByTestId('holdings-date').inputValue()).resolves.toBe(today());

    await holdings.getByTestId('holdings-date').fill(day);
    await holdings.getByTestId('holdings-count').getByText(`${day} 持有 ${dayCount} 项`).waitFor();
    await expect(holdings.getByTestId('holding').count()).resolves.toBe(Math.min(dayCount, 100));
    const row = holdings.getByTestId('holding').first();
    const text = await row.innerText();
    for (const part of [first.powerItem.code, first.powerItem.name, first.delegatingOrganization.name, first.effectiveFrom]) expect(text).toContain(part);
    await row.getByText('委托').or(row.getByText('交由（赋权）')).or(row.getByText('下放')).first().waitFor();
    await holdings.scrollIntoViewIfNeeded();
    await shot('story-street-holdings');

    // Under it, what points at the street: its delegations, staff, quotas, findings, liaisons.
    for (const field of ['delegationsAsRecipient', 'staffMembers', 'staffingQuotas', 'findings', 'liaisonContactsAsOrganization']) {
      await page.getByTestId(`related-${field}`).waitFor();
    }
    // "More" opens the full list, filtered to the street.
    const staffCount = (await ok(server, '_allStaffMembersMeta', { filter: { organizationId: street.id } }, 'count')).count;
    await page.getByTestId('related-more-staffMembers').click();
    await page.waitForURL(/#\/StaffMember\?filter=/);
    await settled();
    await page.getByText(new RegExp(`共 ${staffCount} 条|/ ${staffCount}\\b|of ${staffCount}`)).first().waitFor();
  });

  it('tells a street’s officer how many notices wait unread, and opening one reads it', async () => {
    // The demo's 涅阳 HR account has read the justice bureau's announcement; the campaign plan to all
    // and the urban management notice to the three streets wait.
    const bell = page.getByRole('link', { name: /未读通知/ });
    await signIn('hr');
    await bell.getByText('2', { exact: true }).waitFor();
    await bell.click();
    await page.waitForURL(/#\/Notice(\?|$)/);
    await settled();
    const title = '行政执法“三项制度”落实情况专项检查工作方案';
    await page.locator('.RaDatagrid-row').filter({ hasText: title }).first().click();
    await page.locator('.RaShow-main').getByText('镇司〔2026〕11号').first().waitFor();
    // The receipt is the server's: the bell counts one fewer, and the publisher sees who read it.
    await bell.getByText('1', { exact: true }).waitFor();
    await shot('notice-read');
    const [plan] = await ok<any[]>(server, 'allNotices', { filter: { q: '三项制度' } }, 'id noticeReceipts { user { username } }');
    expect(plan.noticeReceipts).toEqual([{ user: { username: 'hr' } }]);
  });

  it('prints a catalog’s official text and a finding’s rectification notice without the shell', async () => {
    await signIn('supervisor');
    const [catalog] = await ok<any[]>(server, 'allDelegationCatalogs', { filter: { q: '2023年版' } }, 'id title documentNumber _delegationsMeta { count }');
    await page.getByRole('menuitem', { name: '赋权事项目录', exact: true }).click();
    await settled();
    await page.locator('.RaDatagrid-row').filter({ hasText: '2023年版' }).first().click();
    await settled();
    await page.getByTestId('print-button').click();
    const printed = page.getByTestId('print-catalog');
    await printed.locator('h1').getByText(catalog.title).waitFor();
    await printed.getByText(catalog.documentNumber).first().waitFor();
    await expect(printed.locator('tbody tr').count()).resolves.toBe(catalog._delegationsMeta.count);
    await expect(printed.locator('h2').first().innerText()).resolves.toMatch(/街道|镇|乡/);
    expect(await page.locator('header.MuiAppBar-root, .RaSidebar-root').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-now').isVisible()).toBe(false);
    await shot('print-catalog');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByTestId('print-button').waitFor();

    const [finding] = await ok<any[]>(server, 'allFindings', { perPage: 1, sortField: 'id' }, 'id description dueDate responsibleOrganization { name }');
    await page.getByRole('menuitem', { name: '发现问题', exact: true }).click();
    await settled();
    await page.getByTestId('finding-card').filter({ hasText: finding.description.slice(0, 12) }).first().click();
    await settled();
    await page.getByTestId('print-button').click();
    const notice = page.getByTestId('print-finding');
    await notice.locator('h1').getByText('整改通知书').waitFor();
    await notice.getByText(`${finding.responsibleOrganization.name}：`).waitFor();
    await notice.getByText(finding.description).waitFor();
    if (finding.dueDate) await notice.getByText(finding.dueDate).first().waitFor();
    await page.emulateMedia({ media: 'print' });
    await shot('print-finding-notice');
    await page.emulateMedia({ media: 'screen' });
  });

  it('prints and shows every item of a catalog larger than one page of the API (1,000 rows)', async () => {
    // A county-wide edition: 1,205 items, every one across more than one page.
    const [edition] = await ok<any[]>(server, 'allDelegationCatalogs', { filter: { q: '2023年版' } }, 'issuingOrganizationId');
    const catalog = await ok<any>(server, 'createDelegationCatalog', { title: '全县综合目录（大）', issuingOrganizationId: edition.issuingOrganizationId, effectiveFrom: '2027-01-01' }, 'id');
    await server.database.db.execute(`
      insert into delegations (catalog_id, power_item_id, recipient_id, delegating_organization_id, mode, effective_from)
      select ${Number(catalog.id)}, p.id, o.id, p.source_department_id, 'GRANTED', '2027-01-01'
      from power_items p cross join organizations o
      where o.kind in ('STREET', 'TOWNSHIP')
      order by p.id, o.id limit 1205`);
    await signIn('supervisor');
    await session.go(`/print/catalog/${catalog.id}`);
    const printed = page.getByTestId('print-catalog');
    await printed.locator('h1').getByText('全县综合目录（大）').waitFor();
    await session.count(printed.locator('tbody tr'), 1205);
    await session.go(`/DelegationCatalog/${catalog.id}/show`);
    const groups = page.getByTestId('catalog-groups');
    await groups.waitFor();
    await session.count(groups.getByTestId('catalog-row'), 1205);
  });
});
