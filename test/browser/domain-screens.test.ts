import type { Page } from 'playwright-core';
import type { TestServer } from '../helpers/test-server';
import { browserSession, browserSuite } from '../helpers/browser';
import { call, ok } from '../helpers/operations';
import { today } from '../../api/dates';

// A test here is a user's whole task, many steps each allowed STEP_TIMEOUT_MS on a loaded machine.
jest.setTimeout(600_000);

// The domain screens in a real browser, on the demo county: publishing a catalog with its preview,
// comparing editions, a record's history as people read it, certificates and quotas as of today,
// transfers between organizations, the dashboard's cards and the findings board.

const session = browserSession();
const { go, signIn, count, shot } = session;
let server: TestServer;
let page: Page;
beforeAll(() => ({ server, page } = session));

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const byTitle = async (part: string) => (await ok<any[]>(server, 'allDelegationCatalogs', { filter: { q: part } }, 'id title status supersedesId'))[0];

browserSuite('domain screens in a browser', () => {
  it('previews a publication per street and publishes only once every loss is confirmed', async () => {
    const draft = await byTitle('2025年调整');
    // The demo's draft still lacks what publication needs; an editor fills it in first.
    await ok(server, 'updateDelegationCatalog', { id: draft.id, documentNumber: '镇政〔2025〕3号', issuedOn: '2025-12-15' });
    const expected = await ok(server, 'catalogDiff', { fromId: draft.supersedesId, toId: draft.id }, 'recipients { recipient { name } removed { powerItemId } added { powerItemId } }');
    const losing = expected.recipients.filter((r: any) => r.removed.length);
    expect(losing.length).toBeGreaterThan(10); // every street outside urban management loses its powers

    await signIn('editor');
    await page.getByRole('menuitem', { name: '赋权事项目录' }).click();
    await page.getByText('2025年调整征求意见稿').first().click();
    await page.getByRole('button', { name: '发布目录' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('catalog-diff').waitFor();
    // The effective date (2026-01-01) is already past: said before anything else.
    await dialog.getByTestId('retroactive-warning').getByText('2026-01-01').waitFor();
    await dialog.getByText('2023年版').first().waitFor();
    await dialog.getByText('2025-12-31').first().waitFor();
    // One card per street that changes; the losers each with a confirmation box.
    await expect(dialog.getByTestId('diff-street').count()).resolves.toBe(expected.recipients.length);
    const boxes = dialog.getByRole('checkbox');
    await expect(boxes.count()).resolves.toBe(losing.length);
    const first = dialog.getByTestId('diff-street').filter({ hasText: losing[0].recipient.name });
    await expect(first.getByTestId('diff-removed').innerText()).resolves.toContain(`取消 ${losing[0].removed.length} 项`);
    const publish = dialog.getByRole('button', { name: '确定' });
    await shot('catalog-publish-preview');
    expect(await publish.isDisabled()).toBe(true);

    // Every box but the last: still not possible.
    for (let i = 0; i < losing.length - 1; i++) await boxes.nth(i).check();
    await dialog.getByTestId('losses-pending').getByText('还有 1 个').waitFor();
    expect(await publish.isDisabled()).toBe(true);
    expect((await ok(server, 'DelegationCatalog', { id: draft.id }, 'status')).status).toBe('DRAFT');
    await boxes.nth(losing.length - 1).check();
    await page.waitForFunction((el) => !(el as unknown as { disabled: boolean }).disabled, await publish.elementHandle());
    await shot('catalog-publish-confirmed');
    await publish.click();
    await page.getByText('目录已发布').waitFor();
    expect((await ok(server, 'DelegationCatalog', { id: draft.id }, 'status')).status).toBe('PUBLISHED');
  });

  it('compares a catalog with another edition picked on its page', async () => {
    const v2023 = await byTitle('2023年版');
    const v2021 = await byTitle('2021年版');
    await go(`/DelegationCatalog/${v2023.id}/show`);
    const compare = page.getByTestId('edition-compare');
    // By default, the edition it replaced.
    await compare.getByText('《镇平县乡镇（街道）综合行政执法赋权事项目录（2021年版）》→《镇平县乡镇（街道）综合行政执法赋权事项目录（2023年版）》').waitFor();
    const expected = await ok(server, 'catalogDiff', { fromId: v2021.id, toId: v2023.id }, 'added removed recipients { recipient { name } }');
    await compare.getByTestId('diff-summary').getByText(`新增 ${expected.added} 项，取消 ${expected.removed} 项`).waitFor();
    await compare.scrollIntoViewIfNeeded();
    await shot('catalog-compare');
    // Another edition: the 2025 one, published by the previous test.
    await compare.getByLabel('对照版本').click();
    await page.getByRole('option', { name: /2025年调整/ }).click();
    await compare.getByText(/《.*2023年版）》→《.*2025年调整征求意见稿）》/).waitFor();
    await compare.getByTestId('diff-street').first().waitFor();
  });

  it('shows a record’s history in labels, names and local times, in either language', async () => {
    // Accounts' histories are for administrators.
    await signIn('admin');
    const published = await byTitle('2025年调整');
    await go(`/DelegationCatalog/${published.id}/show`);
    const history = page.getByTestId('record-history');
    await history.getByText('状态：草稿 → 已发布').waitFor();
    // The publication time on the clock of Asia/Shanghai, not an ISO instant.
    const trail = await ok<any[]>(server, 'auditTrail', { resource: 'DelegationCatalog', id: published.id }, 'atLocal changes');
    const last = trail.at(-1);
    await history.getByText(last.atLocal).first().waitFor();
    await expect(history.innerText()).resolves.not.toMatch(/DRAFT|PUBLISHED|\d{4}-\d{2}-\d{2}T\d{2}/);
    await history.scrollIntoViewIfNeeded();
    await shot('history-catalog');

    // A delegation moved to another draft catalog and street: names, not ids.
    const draft = (await ok(server, 'createDelegationCatalog', { title: '历史浏览测试目录', issuingOrganizationId: '1', effectiveFrom: '2027-01-01' })).id;
    const [street] = await ok<any[]>(server, 'allOrganizations', { filter: { name: '涅阳街道' } }, 'id');
    const [township] = await ok<any[]>(server, 'allOrganizations', { filter: { name: '玉都街道' } }, 'id');
    const [item] = await ok<any[]>(server, 'allPowerItems', { perPage: 1 }, 'id sourceDepartmentId');
    const other = (await ok(server, 'createDelegationCatalog', { title: '历史浏览测试目录（改）', issuingOrganizationId: '1', effectiveFrom: '2027-01-01' })).id;
    const delegation = (await ok(server, 'createDelegation', { catalogId: draft, powerItemId: item.id, recipientId: street.id, delegatingOrganizationId: item.sourceDepartmentId, mode: 'ENTRUSTED', effectiveFrom: '2027-01-01' })).id;
    await ok(server, 'updateDelegation', { id: delegation, catalogId: other, recipientId: township.id, mode: 'GRANTED' });
    await go(`/Delegation/${delegation}/show`);
    await history.getByText('所属目录：历史浏览测试目录 → 历史浏览测试目录（改）').waitFor();
    await history.getByText('承接机构：涅阳街道 → 玉都街道').waitFor();
    await history.getByText('赋权方式：委托 → 交由（赋权）').waitFor();
    await history.scrollIntoViewIfNeeded();
    await shot('history-delegation');

    // A password change, in both languages.
    const account = (await ok(server, 'createUser', { username: 'history.browser', role: 'VIEWER' })).id;
    await ok(server, 'setUserPassword', { id: account, password: 'history-browser-9' });
    await go(`/User/${account}/show`);
    await history.getByText('密码：已设置 → 已更改（不显示）').waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await history.getByText('Password: set → changed (not shown)').waitFor();
    await go(`/DelegationCatalog/${published.id}/show`);
    await history.getByText('Status: Draft → Published').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: '中文' }).click();
    await history.getByText('状态：草稿 → 已发布').waitFor();
  });

  it('shows an expired certificate as expired beside its stored status, and finds certificates due at 30/60/90 days from the dashboard', async () => {
    // The demo's legal reviewers whose certificate ran out on 2025-06-30 and was not renewed.
    const expired = await ok<any[]>(server, 'allCertificates', { filter: { standing: 'EXPIRED', status: 'VALID' } }, 'id number');
    expect(expired.length).toBeGreaterThan(0);
    await go(`/Certificate/${expired[0].id}/show`);
    await page.locator('.RaShow-main').getByText('已过期').waitFor();
    await page.locator('.RaShow-main').getByText('有效', { exact: true }).first().waitFor();
    await shot('certificate-expired');
    // In the list, the standing column says it, and filtering on it finds exactly these.
    await go('/Certificate?filter=' + encodeURIComponent(JSON.stringify({ standing: 'EXPIRED' })) + '&displayedFilters=' + encodeURIComponent(JSON.stringify({ standing: true })));
    await page.locator('.RaDatagrid-table').waitFor();
    await count(page.locator('.RaDatagrid-table tbody tr'), expired.length);
    await expect(page.locator('.RaDatagrid-table thead').innerText()).resolves.toContain('当前状态');
    await shot('certificates-expired-list');

    // Certificates due within 20 and 50 days: the dashboard counts them and opens the list.
    const [holder] = await ok<any[]>(server, 'allStaffMembers', { filter: { name_neq: '' }, perPage: 1 }, 'id');
    for (const days of [20, 50]) {
      await ok(server, 'createCertificate', { staffMemberId: holder.id, number: `豫执字到期${days}`, issuingAuthority: '河南省人民政府', issuedOn: '2020-01-01', expiresOn: addDays(today(), days) });
    }
    await go('/');
    await page.getByTestId('expiring-30').getByText('30 天内到期：1 本').waitFor();
    await page.getByTestId('expiring-60').getByText('60 天内到期：2 本').waitFor();
    await shot('dashboard-expiring');
    await page.getByTestId('expiring-60').click();
    await page.locator('.RaDatagrid-table').waitFor();
    await count(page.locator('.RaDatagrid-table tbody tr'), 2);
    await page.getByText('豫执字到期50').waitFor();
  });

  it('opens the filtered list a dashboard card counts', async () => {
    await go('/');
    const card = page.getByTestId('certificates');
    const flagged = Number(await card.locator('h4').innerText());
    expect(flagged).toBeGreaterThan(0);
    await page.getByTestId('certificates-link').click();
    await page.locator('.RaDatagrid-table').waitFor();
    await count(page.locator('.RaDatagrid-table tbody tr'), flagged);
    expect(decodeURIComponent(page.url())).toContain('"certificateAlert":true');

    await go('/');
    const overdue = Number(await page.getByTestId('findings').locator('h4').innerText());
    await page.getByTestId('findings-link').click();
    await page.getByTestId('column-OPEN').waitFor();
    await count(page.getByTestId('finding-card'), overdue);
    await expect(page.locator('[data-testid="finding-card"][data-overdue="false"]').count()).resolves.toBe(0);
  });

  it('shows vacancy rates as percentages and warns before a recruitment over the approved places', async () => {
    // The county's HR office completes recruitments; the administrator may too.
    await signIn('admin');
    const year = Number(today().slice(0, 4));
    const [street] = await ok<any[]>(server, 'allOrganizations', { filter: { name: '雪枫街道' } }, 'id');
    const find = () => ok<any[]>(server, 'allStaffingQuotas', { filter: { organizationId: street.id, year, category: 'ENFORCEMENT' } }, 'id occupied');
    if (!(await find()).length) await ok(server, 'createStaffingQuota', { organizationId: street.id, year, category: 'ENFORCEMENT', approvedCount: 1 });
    const [quota] = await find();
    expect(quota.occupied).toBeGreaterThan(1);
    // Approve one place fewer than are occupied: the quota is over establishment.
    await ok(server, 'updateStaffingQuota', { id: quota.id, approvedCount: quota.occupied - 1 });
    const read = await ok(server, 'StaffingQuota', { id: quota.id }, 'vacancyRate overEstablishment');
    expect(read.overEstablishment).toBe(true);
    await go(`/StaffingQuota/${quota.id}/show`);
    const percent = `${(read.vacancyRate * 100).toFixed(1).replace(/\.0$/, '')}%`;
    // Shown as a percentage; the effective rate beside it (misused places left out) may show the same.
    await page.locator('.RaShow-main').getByText(percent).first().waitFor();
    await expect(page.locator('.RaShow-main').innerText()).resolves.not.toContain(String(read.vacancyRate));
    await shot('quota-over-establishment');

    const recruit = (await ok(server, 'createStaffMember', { name: '超编招录员', organizationId: street.id, category: 'ENFORCEMENT' })).id;
    const transfer = (await ok(server, 'createTransfer', { staffMemberId: recruit, kind: 'RECRUITMENT', toOrganizationId: street.id, post: 'LEGAL_REVIEW', effectiveDate: today() })).id;
    await go(`/Transfer/${transfer}/show`);
    await page.locator('.RaShow-main').getByText('办理后调入机构将超编').waitFor();
    await page.getByRole('button', { name: '办理调动' }).click();
    await page.getByRole('dialog').getByTestId('over-establishment-warning').waitFor();
    await shot('transfer-over-establishment');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    expect((await ok(server, 'Transfer', { id: transfer }, 'status')).status).toBe('PENDING');
  });

  it('lets street HR draft a move out to another organization and tells it the county completes it', async () => {
    await signIn('hr');
    const [home] = await ok<any[]>(server, 'allOrganizations', { filter: { name: '涅阳街道' } }, 'id');
    const [dest] = await ok<any[]>(server, 'allOrganizations', { filter: { name: '玉都街道' } }, 'id');
    const [person] = await ok<any[]>(server, 'allStaffMembers', { filter: { organizationId: home.id, status: 'ON_DUTY', category: 'ENFORCEMENT' }, perPage: 1 }, 'id name');
    const hr = server.as((await ok(server.as(null), 'login', { username: 'hr', password: 'demo' }, 'token')).token);
    const transfer = (await ok(hr, 'createTransfer', { staffMemberId: person.id, kind: 'REASSIGNMENT', toOrganizationId: dest.id, effectiveDate: addDays(today(), 30) })).id;
    await go(`/Transfer/${transfer}/show`);
    await page.getByText('跨单位调动：调出或调入单位起草，由县级人事部门办结').waitFor();
    // Completing is the county's: street HR is not offered it, but may still edit or cancel its draft.
    await page.getByRole('button', { name: '取消调动' }).waitFor();
    await expect(page.getByRole('button', { name: '办理调动' }).count()).resolves.toBe(0);
    await shot('transfer-street-hr');
    // And the server refuses it all the same, with the one sentence of the rule.
    const refused = await call(hr, 'completeTransfer', { id: transfer });
    expect(refused.errors?.[0].extensions?.messages.zh).toBe('街道、乡镇账号可以起草、修改、取消调出或调入本单位的人员调动；在两个单位之间调动人员，由县级人事部门办结');
    expect((await ok(server, 'Transfer', { id: transfer }, 'status')).status).toBe('PENDING');
  });

  it('escalates a finding from its page and filters the board by street and overdue', async () => {
    await signIn('supervisor');
    // An overdue finding of a street that also has findings not overdue, so that each filter shows.
    const candidates = await ok<any[]>(server, 'allFindings', { filter: { status: 'OPEN', overdue: true } }, 'id escalation responsibleOrganization { id name }');
    let finding: any;
    for (const c of candidates) {
      const notOverdue = await ok(server, '_allFindingsMeta', { filter: { responsibleOrganizationId: c.responsibleOrganization.id, overdue: false } }, 'count');
      if (notOverdue.count > 0) {
        finding = c;
        break;
      }
    }
    expect(finding).toBeDefined();
    await go(`/Finding/${finding.id}/show`);
    await page.getByRole('button', { name: '督办' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: '确定' });
    await dialog.getByLabel('督办措施').click();
    await page.getByRole('option', { name: '挂牌督办' }).click();
    await dialog.locator('textarea[name="note"]').fill('县专项整治办挂牌督办，限期十日内整改到位');
    await shot('finding-escalate');
    await confirm.click();
    await page.getByText('已追加督办措施').waitFor();
    await page.locator('.RaShow-main').getByText('县专项整治办挂牌督办，限期十日内整改到位').waitFor();
    const after = await ok(server, 'Finding', { id: finding.id }, 'escalation escalatedOn');
    expect(after.escalation).toBe('FLAGGED');

    // The board: the street responsible and overdue, always at hand.
    await go('/Finding');
    await page.getByTestId('column-OPEN').waitFor();
    const street = finding.responsibleOrganization;
    const input = page.getByLabel('责任单位').first();
    await input.click();
    await input.fill(street.name);
    await page.getByRole('option', { name: street.name }).first().click();
    const expected = await ok<any[]>(server, 'allFindings', { filter: { responsibleOrganizationId: street.id }, perPage: 1000 }, 'id');
    await count(page.getByTestId('finding-card'), expected.length);
    await page.getByLabel('逾期未整改').first().click();
    await page.getByRole('option', { name: '是' }).click();
    const overdue = await ok<any[]>(server, 'allFindings', { filter: { responsibleOrganizationId: street.id, overdue: true }, perPage: 1000 }, 'id');
    await count(page.getByTestId('finding-card'), overdue.length);
    await shot('findings-board-filtered');
  });
});
