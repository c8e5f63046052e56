import type { Page } from 'playwright-core';
import type { TestServer } from '../helpers/test-server';
import { browserSession, browserSuite, until } from '../helpers/browser';
import { ok } from '../helpers/operations';
import { resources } from '../../admin/src/metadata';

// A test here is a user's whole task, many steps each allowed STEP_TIMEOUT_MS on a loaded machine.
jest.setTimeout(600_000);

// The back office in a real browser (Debian's chromium through playwright-core), on the demo county:
// what a catalog editor, an HR officer and a supervisor do on their first day.

const blocked: string[] = [];
// The server's Content-Security-Policy must not block anything the admin needs.
const session = browserSession({
  onPage: (page) => page.on('console', (m) => /Content Security Policy|Refused to (load|execute|apply)/i.test(m.text()) && blocked.push(m.text())),
});
const { settled, go, shot } = session;
let server: TestServer;
let page: Page;
beforeAll(() => ({ server, page } = session));

/** Picks an option of a react-admin AutocompleteInput by typing part of its text. */
async function autocomplete(label: string, text: string) {
  const input = page.getByLabel(label, { exact: false }).first();
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: new RegExp(text) }).first().click();
}

async function select(label: string, option: string) {
  await page.getByLabel(label, { exact: false }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

browserSuite('the back office in a browser', () => {
  afterEach(() => expect(blocked).toEqual([]));

  it('asks for a sign-in, refuses a wrong password, and lets the demo administrator in', async () => {
    await go('/');
    await page.locator('input[name="username"]').waitFor({ timeout: 5_000 }); // no redirect loop on the way
    await shot('login');
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('用户名或密码错误').waitFor();
    await page.locator('input[name="password"]').fill('demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('空编率超标').waitFor();
  });

  it('opens on the dashboard in Chinese, with the figures a county leader asks about', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await go('/');
    await page.getByText('空编率超标').waitFor();
    for (const title of ['空编率超标', '借调逾期未归位', '无有效执法证在执法岗', '逾期问题（按督办措施）', '赋权事项目录']) {
      await expect(page.getByText(title, { exact: false }).first().isVisible()).resolves.toBe(true);
    }
    // The demo county has an overdue secondment and findings past their deadline.
    const secondments = page.getByTestId('secondments');
    await expect(secondments.locator('h4').innerText()).resolves.not.toBe('0');
    await shot('dashboard');
    expect(errors).toEqual([]);
  });

  it('switches to English and back', async () => {
    await go('/');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('Above the vacancy cap').waitFor();
    await expect(page.getByRole('menuitem', { name: 'Staff member' }).isVisible()).resolves.toBe(true);
    await shot('dashboard-en');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: '中文' }).click();
    await page.getByText('空编率超标').waitFor();
  });

  it('lists every resource of the schema', async () => {
    for (const r of resources) {
      await go(`/${r.name}`);
      // The page title is the resource's Chinese name, and no error was notified.
      // The findings list is the board, titled as such.
      await page.locator('#react-admin-title', { hasText: r.name === 'Finding' ? '问题整改看板' : r.label.zh }).waitFor();
      await expect(page.locator('.MuiSnackbarContent-root').count()).resolves.toBe(0);
      if (r.name !== 'Finding') await page.locator('.RaDatagrid-table, .RaList-noResults, .RaEmpty-message').first().waitFor();
      if (['Organization', 'StaffMember', 'StaffingQuota', 'Delegation', 'CaseReport'].includes(r.name)) await shot(`list-${r.name}`);
    }
  });

  it('creates and edits an organization through the forms', async () => {
    await go('/Organization/create');
    await page.getByLabel('名称', { exact: false }).first().fill('浏览器测试街道');
    await select('类别', '街道');
    await page.getByLabel('机构代码', { exact: false }).fill('411324-BT01');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.RaShow-main', { hasText: '浏览器测试街道' }).waitFor();
    await shot('organization-show');

    await page.getByRole('link', { name: '编辑' }).click();
    await settled();
    await page.getByLabel('名称', { exact: false }).first().fill('浏览器测试街道（更名）');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.RaShow-main', { hasText: '浏览器测试街道（更名）' }).waitFor();
    const [org] = await ok(server, 'allOrganizations', { filter: { code: '411324-BT01' } }, 'name kind');
    expect(org).toEqual({ name: '浏览器测试街道（更名）', kind: 'STREET' });
    // The record's history: the demo administrator created it, then renamed it.
    const history = page.getByTestId('record-history');
    await history.getByText('名称：浏览器测试街道 → 浏览器测试街道（更名）').waitFor();
    await expect(history.getByText('admin').count()).resolves.toBe(2);
    await shot('organization-history');
  });

  it('shows the server’s refusal under the field it concerns', async () => {
    await go('/Organization/create');
    await page.getByLabel('名称', { exact: false }).first().fill('重复代码镇');
    await select('类别', '乡镇');
    await page.getByLabel('机构代码', { exact: false }).fill('411324-T01'); // the demo's 涅阳街道 has it
    await page.getByRole('button', { name: '保存' }).click();
    const message = page.locator('.MuiFormHelperText-root.Mui-error', { hasText: '已被使用' });
    await message.waitFor();
    await shot('validation-error');
    expect(await ok(server, '_allOrganizationsMeta', { filter: { name: '重复代码镇' } }, 'count')).toEqual({ count: 0 });
  });

  it('tells the user when someone else saved the record first, and reloads it', async () => {
    const org = await ok(server, 'createOrganization', { name: '并发编辑镇', kind: 'TOWNSHIP' });
    await go(`/Organization/${org.id}`);
    await page.getByLabel('名称', { exact: false }).first().fill('我的修改');
    // Meanwhile a colleague renames it.
    await ok(server, 'updateOrganization', { id: org.id, name: '同事的修改' });
    await page.getByRole('button', { name: '保存' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '已被他人修改' });
    await alert.waitFor();
    await shot('conflict');
    expect((await ok(server, 'Organization', { id: org.id }, 'name')).name).toBe('同事的修改');
    await alert.getByRole('button', { name: '重新加载' }).click();
    await alert.waitFor({ state: 'detached' });
    // The message closes at the click; the record is read again and the form filled a moment later.
    await until(() => page.getByLabel('名称', { exact: false }).first().inputValue(), '同事的修改');
  });

  it('deletes several records at once with the bulk mutation', async () => {
    for (const name of ['批量删除甲', '批量删除乙']) await ok(server, 'createResponsibilityEntry', { organizationId: '1', kind: 'TASK', responsibility: name });
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql')) requests.push(r.postData() ?? '');
    });
    await go('/ResponsibilityEntry?filter=' + encodeURIComponent(JSON.stringify({ q: '批量删除' })));
    await page.locator('.RaDatagrid-table').waitFor();
    await page.locator('thead input[type="checkbox"]').check();
    await page.getByRole('button', { name: '删除' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByText('已删除 2 条记录').waitFor();
    expect(requests.some((body) => body.includes('deleteResponsibilityEntries'))).toBe(true);
    expect(await ok(server, '_allResponsibilityEntriesMeta', { filter: { q: '批量删除' } }, 'count')).toEqual({ count: 0 });
  });

  it('creates a delegation in the draft catalog through the form', async () => {
    const [draft] = await ok(server, 'allDelegationCatalogs', { filter: { status: 'DRAFT' } }, 'id title effectiveFrom');
    expect(draft.title).toMatch(/2025年/); // the demo's draft; the other versions are locked
    const department = (await ok(server, 'allOrganizations', { filter: { q: '城市管理局' } }, 'id name'))[0];
    const domain = (await ok(server, 'allEnforcementDomains', { perPage: 1 }, 'id'))[0];
    await ok(server, 'createPowerItem', {
      codeScheme: '浏览器测试', code: 'BT-001', name: '对浏览器测试事项的处罚', category: 'PENALTY', domainId: domain.id,
      sourceDepartmentId: department.id, settingBasis: '《测试条例》第一条',
    });
    await go('/Delegation/create');
    await autocomplete('所属目录', '2025年');
    await autocomplete('执法事项', '浏览器测试事项');
    await autocomplete('承接机构', '涅阳');
    await autocomplete('赋权部门', '城市管理局');
    await select('赋权方式', '委托');
    await page.getByLabel('生效日期', { exact: false }).fill(draft.effectiveFrom);
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.RaShow-main', { hasText: '对浏览器测试事项的处罚' }).waitFor();
    await shot('delegation-show');
    // Every delegation of the draft (it holds more than a default page).
    const created = await ok(server, 'allDelegations', { filter: { catalogId: draft.id }, perPage: 1000 }, 'powerItem { name } mode');
    expect(created.filter((d: any) => d.powerItem.name === '对浏览器测试事项的处罚')).toEqual([{ powerItem: { name: '对浏览器测试事项的处罚' }, mode: 'ENTRUSTED' }]);
  });

  it('completes a transfer and shows the resulting posting', async () => {
    const [street, township] = await ok(server, 'allOrganizations', { filter: { q: '镇' }, perPage: 2, sortField: 'code' }, 'id name');
    const person = await ok(server, 'createStaffMember', { name: '调动测试员', organizationId: street.id, category: 'ADMINISTRATIVE' });
    await ok(server, 'createPosting', { staffMemberId: person.id, organizationId: street.id, post: 'LEGAL_REVIEW', startedOn: '2024-01-01' });
    const transfer = await ok(server, 'createTransfer', { staffMemberId: person.id, kind: 'REASSIGNMENT', toOrganizationId: township.id, effectiveDate: '2025-07-01' });
    await go(`/Transfer/${transfer.id}/show`);
    await page.getByRole('button', { name: '办理调动' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByText('调动已办理').waitFor();
    await page.getByText('已完成').first().waitFor();
    // The person's postings: the old one closed the day before, the new one open at the destination.
    await page.getByText('2025-06-30').or(page.getByText('2025/6/30')).first().waitFor();
    await shot('transfer-completed');
    const member = await ok(server, 'StaffMember', { id: person.id }, 'organization { name }');
    expect(member.organization.name).toBe(township.name);
  });

  it('issues an API token whose secret is shown once, and revokes it', async () => {
    // The tokens' old address leads to their list, a record's like any other.
    await go('/api-tokens');
    await page.locator('.RaList-main').waitFor();
    await page.getByRole('button', { name: '签发令牌' }).click();
    const form = page.getByRole('dialog');
    await form.locator('input[name="token-name"]').fill('省执法监督平台');
    await form.getByLabel('可读资源').click();
    await page.getByRole('option', { name: '赋权事项', exact: true }).click();
    await page.getByRole('option', { name: '机构', exact: true }).click();
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: '签发令牌' }).click();
    const secret = await page.getByTestId('token-secret').innerText();
    expect(secret).toMatch(/^tet_\d+_/);
    await shot('api-token-issued');
    await page.getByRole('button', { name: '关闭' }).click();
    // The secret works for the scopes chosen, and only those; it is nowhere on the page once closed.
    const asToken = server.as(secret);
    expect((await ok<any[]>(asToken, 'allDelegations', { perPage: 1 })).length).toBe(1);
    expect((await asToken.gql('{ allStaffMembers { id } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await page.locator('.RaDatagrid-table tbody tr', { hasText: '省执法监督平台' }).first().locator('td.column-name').click();
    await page.locator('.RaShow-main').waitFor();
    await expect(page.locator('body').innerText()).resolves.not.toContain(secret.replace(/^tet_\d+_/, ''));
    await page.getByRole('button', { name: '吊销' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click(); // revoking asks first
    await page.getByTestId('token-revoked').waitFor();
    await expect(page.getByRole('button', { name: '吊销' }).count()).resolves.toBe(0);
    expect((await asToken.gql('{ allDelegations { id } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets an administrator set a new account’s password', async () => {
    const account = await ok(server, 'createUser', { username: 'new.editor', displayName: '新编辑', role: 'CATALOG_EDITOR' });
    await go(`/User/${account.id}/show`);
    await page.getByRole('button', { name: '设置密码' }).click();
    await page.getByRole('dialog').locator('input[name="password"]').fill('first-password-9');
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByText('密码已设置').waitFor();
    const res = await server.as(null).gql('mutation { login(username: "new.editor", password: "first-password-9") { user { role } } }');
    expect(res.data?.login.user).toEqual({ role: 'CATALOG_EDITOR' });
  });

  it('shows the findings board with overdue findings highlighted, and a catalog by street', async () => {
    await go('/Finding');
    await page.getByTestId('column-OPEN').waitFor();
    const overdue = page.locator('[data-testid="finding-card"][data-overdue="true"]');
    expect(await overdue.count()).toBeGreaterThan(0);
    await shot('findings-board');
    const [published] = await ok(server, 'allDelegationCatalogs', { filter: { status: 'PUBLISHED' } }, 'id');
    await go(`/DelegationCatalog/${published.id}/show`);
    await page.getByTestId('catalog-groups').getByText('涅阳街道').waitFor();
    await shot('catalog');
  });
});
