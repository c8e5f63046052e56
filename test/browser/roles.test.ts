import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { type TestServer, STEP_TIMEOUT_MS } from '../helpers/test-server';
import { browserSession, browserSuite, shotsDir, until } from '../helpers/browser';
import { ok } from '../helpers/operations';

// A test here is a user's whole task, many steps each allowed STEP_TIMEOUT_MS on a loaded machine.
jest.setTimeout(600_000);

// A first week in the back office for each role, in chromium, by clicking only: after the sign-in
// page no address is typed. Each role sees the controls it may use and no others, edits what it is
// there to edit (every kind of reference included) and the edit reaches the server.

// Each role signs in in a browser context of its own, on the session's browser.
const session = browserSession();
let server: TestServer;
let browser: Browser;
let base: string;
beforeAll(() => ({ server, browser, base } = session));

/** Every control that writes; a viewer sees none of them. */
const WRITE_CONTROLS = ['新建', '编辑', '删除', '办理调动', '取消调动', '发布目录', '起草下一版', '退回整改', '签发令牌', '吊销'];

/**
 * Focuses the year of a date input, wherever the browser's format puts it: each part is tried with
 * the up arrow (and put back), and the one that moves the year is it.
 */
async function yearSegment(page: Page, date: ReturnType<Page['locator']>) {
  await date.click();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 3; i++) {
    const before = await date.inputValue();
    await page.keyboard.press('ArrowUp');
    const after = await date.inputValue();
    await page.keyboard.press('ArrowDown');
    if (after.slice(0, 4) !== before.slice(0, 4)) return;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error('No year in the date input');
}

class User {
  page!: Page;
  context!: BrowserContext;
  /** GraphQL request bodies since sign-in. */
  requests: string[] = [];

  constructor(readonly username: string) {}

  /** The only address typed: the back office's own; then the sign-in form. */
  async signIn(options: BrowserContextOptions = {}, before?: (context: BrowserContext) => Promise<void>) {
    this.context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', ...options });
    await before?.(this.context);
    this.page = await this.context.newPage();
    this.page.setDefaultTimeout(STEP_TIMEOUT_MS);
    this.page.on('request', (r) => {
      if (r.url().endsWith('/graphql')) this.requests.push(r.postData() ?? '');
    });
    await this.page.goto(base);
    await this.page.locator('input[name="username"]').fill(this.username);
    await this.page.locator('input[name="password"]').fill('demo');
    await this.page.getByRole('button', { name: '登录' }).click();
    await this.page.getByText('空编率超标').waitFor();
    return this;
  }

  async shot(name: string) {
    await this.page.screenshot({ path: path.join(shotsDir, `role-${this.username}-${name}.png`) });
  }

  async settled() {
    await this.page.waitForLoadState('networkidle');
    await this.page.locator('.MuiLinearProgress-root').first().waitFor({ state: 'detached', timeout: 20_000 }).catch(() => {});
  }

  /** Opens a list from the menu. */
  async menu(label: string) {
    await this.page.getByRole('menuitem', { name: label, exact: true }).click();
    await this.page.locator('#react-admin-title').getByText(label === '发现问题' ? '问题整改看板' : label, { exact: true }).waitFor();
    // A generated list (or its empty page: a viewer's own read receipts may be none), the findings
    // board, the import jobs page, the six-rate ranking, the team standard sheet, the deadline board
    // or the two-way assessment.
    await this.page
      .locator(
        '.RaList-main, .RaEmpty-message, [data-testid="column-OPEN"], [data-testid="import-jobs"], [data-testid="case-ranking"], [data-testid="ranking-empty"], [data-testid="team-standards"], [data-testid="standards-empty"], [data-testid="deadline-board"], [data-testid="board-empty"], [data-testid="dispatch-departments"]',
      )
      .first()
      .waitFor();
    await this.settled();
  }

  /** Opens the record of a list row (a cell that is not a link to another record). */
  async openRow(which: { hasText?: string | RegExp; hasNotText?: string } | string = {}) {
    const listUrl = this.page.url();
    const list = /#\/(\w+)/.exec(listUrl)?.[1];
    for (let attempt = 1; ; attempt++) {
      const rows = this.page.locator('.RaDatagrid-table tbody tr');
      const row = rows.filter(typeof which === 'string' ? { hasText: which } : which).first();
      // count() does not wait: the row must be on screen before its cells are counted.
      await row.waitFor();
      const plain = row.locator('td:not(:has(a)):not(:has(input))');
      // A row whose every cell links to another record (a notice's recipient: the notice, the street)
      // opens through its first link, which shows a record all the same.
      const linksOnly = !(await plain.count());
      await (linksOnly ? row.locator('td:not(:has(input))') : plain).first().click();
      // A click opens a record at once, in the browser, whatever the server's pace. On a loaded
      // machine a list that redraws its rows between the press and the release of the button takes
      // the click on the table rather than the row, and nothing opens: the user clicks again.
      const opened = await this.page.waitForURL((url) => /^#\/\w+\/\d+/.test(url.hash), { timeout: 30_000 }).then(
        () => true,
        () => false,
      );
      if (opened) {
        await this.page
          .locator('.RaShow-main')
          .waitFor()
          .catch((error: Error) => {
            throw new Error(`A row of ${listUrl} led to ${this.page.url()}, which shows no record: ${error.message}`);
          });
        await this.settled();
        // A reference cell draws its link once its record has loaded, which on a loaded machine can be
        // after the cells were counted: the click then followed that link to another record (and may
        // have opened the row's record on the way). To the list again, filters and all, and the row.
        if (linksOnly || new RegExp(`#/${list}/\\d+`).test(this.page.url())) return;
      }
      if (attempt === 3) throw new Error(`A row of ${listUrl} opened ${opened ? this.page.url() : 'nothing'}, three times`);
      if (opened) {
        await this.page.goto(listUrl);
        await this.page.locator('.RaList-main').waitFor();
      }
      await this.settled();
    }
  }

  /** The id of the record on screen, from the address the clicks led to. */
  recordId(): string {
    const m = /#\/\w+\/(\d+)/.exec(this.page.url());
    if (!m) throw new Error(`No record in ${this.page.url()}`);
    return m[1];
  }

  /** Which write controls the page shows, with the datagrid's selection boxes (bulk delete). */
  async writeControls(): Promise<string[]> {
    const found: string[] = [];
    for (const name of WRITE_CONTROLS) {
      const n = await this.page.getByRole('button', { name, exact: true }).or(this.page.getByRole('link', { name, exact: true })).count();
      if (n) found.push(name);
    }
    if (await this.page.locator('.RaDatagrid-table input[type="checkbox"]').count()) found.push('选择（批量删除）');
    return found;
  }

  /** The create or edit form on screen (lists behind it have labels too). */
  get form() {
    return this.page.locator('.RaCreate-main, .RaEdit-main');
  }

  async fill(label: string, value: string) {
    await this.form.getByLabel(label, { exact: false }).first().fill(value);
  }

  /** Picks an option of a reference input by typing part of its name; returns the option's text. */
  async pick(label: string, text: string, option: RegExp = new RegExp(text)) {
    const input = this.form.getByLabel(label, { exact: false }).first();
    await input.click();
    await input.fill(text);
    const choice = this.page.getByRole('option', { name: option }).first();
    const shown = await choice.innerText();
    await choice.click();
    return shown;
  }

  /** Chooses the value of a select (an enum). */
  async choose(label: string, option: string) {
    await this.form.getByLabel(label, { exact: false }).first().click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Adds a list filter on an enum field and chooses its value. */
  async filterBy(label: string, option: string) {
    await this.page.getByRole('button', { name: '添加筛选条件' }).click();
    await this.page.getByRole('menuitemcheckbox', { name: label, exact: true }).click();
    await this.page.locator('.RaFilterForm-filterFormInput').getByLabel(label, { exact: false }).first().click();
    const unfiltered = this.page.url();
    await this.page.getByRole('option', { name: option, exact: true }).click();
    // The list applies a filter a moment later (and says so in its address), then reloads its rows:
    // a row clicked before that may be redrawn under the click, or be one the filter leaves out.
    await this.page.waitForURL((url) => url.href !== unfiltered);
    await this.settled();
  }

  /** Opens the form of the record on screen. */
  async edit() {
    await this.page.getByRole('link', { name: '编辑' }).click();
    await this.page.locator('.RaEdit-main form').waitFor();
    await this.settled();
  }

  /** Opens the create form of the list on screen. */
  async create() {
    await this.page.getByRole('link', { name: '新建' }).click();
    await this.page.locator('.RaCreate-main form').waitFor();
  }

  /** Shows up to 500 rows of the list on one page. */
  async allRows() {
    await this.page.getByRole('combobox', { name: '每页行数' }).click();
    await this.page.getByRole('option', { name: '500', exact: true }).click();
    await this.settled();
  }

  /** Empties an optional reference input. */
  async clear(label: string) {
    await this.form.getByLabel(label, { exact: false }).first().click();
    await this.page.getByRole('button', { name: '清除' }).first().click();
    await this.page.keyboard.press('Escape');
  }

  /** Saves the form: the record is shown again and the notice says it was saved (新建成功 for a new one). */
  async save() {
    await this.page.getByRole('button', { name: '保存' }).click();
    await Promise.all([
      this.page.locator('.RaShow-main').waitFor(),
      this.page.getByText(/已更新 \d+ 条记录|新建成功/).first().waitFor(),
    ]);
    await this.settled();
  }

  async close() {
    await this.context?.close();
  }
}

browserSuite('each role’s first week, by clicking', () => {
  it('goes straight to the sign-in page on a first visit: no signed-in shell, no query', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    // Notes whether the signed-in layout was ever put on the page, even for a moment.
    await context.addInitScript(`
      new MutationObserver(() => {
        if (document.querySelector('.RaLayout-appFrame, .RaSidebar-fixed')) window.shellShown = true;
      }).observe(document, { childList: true, subtree: true });
    `);
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql')) requests.push(r.postData() ?? '');
    });
    await page.goto(base);
    await page.locator('input[name="username"]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate('Boolean(window.shellShown)')).toBe(false);
    expect(requests).toEqual([]);
    await page.screenshot({ path: path.join(shotsDir, 'role-anonymous-sign-in.png') });
    await context.close();
  });

  it('a viewer reads everything and sees no write control anywhere', async () => {
    const viewer = await new User('viewer').signIn();
    const { page } = viewer;
    await viewer.shot('dashboard');
    // No accounts, no API tokens in the menu.
    await expect(page.getByRole('menuitem', { name: '用户', exact: true }).count()).resolves.toBe(0);
    await expect(page.getByRole('menuitem', { name: 'API 令牌' }).count()).resolves.toBe(0);
    const seen: Record<string, string[]> = {};
    await page.getByRole('menuitem', { name: '赋权事项', exact: true }).waitFor();
    const items = await page.getByRole('menuitem').allInnerTexts();
    expect(items.length).toBeGreaterThan(18);
    // The explorer (接口调试) is a page of its own beside the back office, walked by its own suite.
    for (const label of items.map((t) => t.trim()).filter((t) => t && t !== '工作台' && !t.startsWith('接口调试'))) {
      await viewer.menu(label);
      seen[`${label} list`] = await viewer.writeControls();
      if (label !== '发现问题' && (await page.locator('.RaDatagrid-table tbody tr').count())) {
        await viewer.openRow();
        seen[`${label} record`] = await viewer.writeControls();
      }
    }
    // The records that offer domain operations to those who may: a pending transfer, a draft catalog, a rectified finding.
    await viewer.menu('人员调动');
    await viewer.filterBy('办理状态', '待办理');
    await viewer.openRow();
    seen['pending transfer'] = await viewer.writeControls();
    await viewer.shot('transfer');
    await viewer.menu('赋权事项目录');
    await viewer.openRow('草稿');
    seen['draft catalog'] = await viewer.writeControls();
    await viewer.menu('发现问题');
    seen['findings board'] = await viewer.writeControls();
    await viewer.shot('findings');
    await page.getByTestId('column-RECTIFIED').getByTestId('finding-card').first().click();
    await page.locator('.RaShow-main').waitFor();
    seen['rectified finding'] = await viewer.writeControls();
    expect(Object.keys(seen).length).toBeGreaterThan(30);
    expect(Object.entries(seen).filter(([, controls]) => controls.length)).toEqual([]);
    // Their own account, from the user menu: they may set their own password, nothing else.
    await page.getByRole('button', { name: '个人信息' }).click();
    await page.getByRole('menuitem', { name: '我的账号' }).click();
    await page.locator('.RaShow-main', { hasText: 'viewer' }).waitFor();
    await page.getByRole('button', { name: '设置密码' }).waitFor();
    await expect(viewer.writeControls()).resolves.toEqual([]);
    await viewer.shot('my-account');
    await viewer.close();
  });

  it('a catalog editor drafts a catalog and moves a delegation into it, editing each of its references', async () => {
    const editor = await new User('editor').signIn();
    const { page } = editor;
    await editor.menu('赋权事项目录');
    await editor.shot('catalogs');
    await editor.create();
    await editor.fill('目录名称', '镇平县赋权事项目录（2026年调整草案）');
    await editor.pick('发布机关', '县人民政府');
    await editor.fill('施行日期', '2025-01-01');
    await editor.save();
    const draft = editor.recordId();
    await expect(editor.writeControls()).resolves.toEqual(expect.arrayContaining(['编辑', '发布目录']));
    await editor.shot('catalog-draft');

    // A delegation of the 2025 draft: catalog, power item, street and department all change.
    await editor.menu('赋权事项');
    await expect(editor.writeControls()).resolves.toEqual(expect.arrayContaining(['新建', '选择（批量删除）']));
    // A reference column is not offered for sorting (the API would sort it by id); the mode is.
    await expect(page.locator('th.column-recipientId .MuiTableSortLabel-root').count()).resolves.toBe(0);
    await expect(page.locator('th.column-mode .MuiTableSortLabel-root').count()).resolves.toBe(1);
    await editor.openRow('征求意见稿');
    const delegation = editor.recordId();
    // Named by street and power, not by number, in the title and when asked to confirm a delete.
    const title = (await page.locator('#react-admin-title').innerText()).trim();
    expect(title).toMatch(/^赋权事项 \S+(街道|镇|乡) · 对.+/);
    await editor.edit();
    await page.getByRole('button', { name: '删除' }).click();
    await page.getByRole('dialog').getByText(`删除${title}`).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await editor.pick('所属目录', '2026年调整草案');
    await editor.pick('承接机构', '雪枫街道');
    await editor.pick('赋权部门', '市场监督管理局', /^镇平县市场监督管理局$/);
    // An item of the new department (a department hands down only powers it holds), which this
    // street does not hold yet (an item is in force for a street once a day).
    const item = await editor.pick('执法事项', '明码标价');
    await editor.shot('delegation-edit');
    await editor.save();
    const stored = await ok(server, 'Delegation', { id: delegation }, 'catalogId recipient { name } delegatingOrganization { name } powerItem { name }');
    expect(stored).toEqual({ catalogId: draft, recipient: { name: '雪枫街道' }, delegatingOrganization: { name: '镇平县市场监督管理局' }, powerItem: { name: item.trim() } });
    await page.locator('.RaShow-main', { hasText: '2026年调整草案' }).waitFor();
    await editor.shot('delegation-moved');

    // A power item's domain, and the lead contact of a guidance assignment cleared.
    await editor.menu('执法事项');
    await editor.openRow();
    const powerItem = editor.recordId();
    await editor.edit();
    await editor.pick('执法领域', '文化旅游');
    await editor.save();
    expect((await ok(server, 'PowerItem', { id: powerItem }, 'domain { name }')).domain.name).toBe('文化旅游');
    await editor.menu('分包指导');
    await editor.openRow();
    const guidance = editor.recordId();
    expect((await ok(server, 'GuidanceAssignment', { id: guidance }, 'leadContactId')).leadContactId).not.toBeNull();
    await editor.edit();
    await editor.clear('指导负责人');
    await editor.save();
    expect((await ok(server, 'GuidanceAssignment', { id: guidance }, 'leadContactId')).leadContactId).toBeNull();
    // Staff records are not the editor's.
    await editor.menu('执法人员');
    await expect(editor.writeControls()).resolves.toEqual([]);
    await editor.close();
  });

  it('street HR starts on its own street, edits its own staff and not another street’s, and moves a certificate and an attendance', async () => {
    const hr = await new User('hr').signIn();
    const { page } = hr;
    await hr.menu('执法人员');
    // The list opens on 涅阳街道's people, a filter that can be cleared.
    const organizations = await page.locator('.RaDatagrid-table tbody tr td.column-organizationId').allInnerTexts();
    expect(organizations.length).toBeGreaterThan(3);
    expect([...new Set(organizations)]).toEqual(['涅阳街道']);
    await expect(hr.writeControls()).resolves.toEqual(expect.arrayContaining(['新建', '选择（批量删除）']));
    await hr.shot('staff');
    // The filter saved under a name, for later.
    await page.getByRole('button', { name: '添加筛选条件' }).click();
    await page.getByRole('menuitem', { name: '保存当前查询…' }).click();
    await page.getByRole('dialog').getByLabel('查询名称').fill('本街道人员');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await hr.openRow();
    await expect(hr.writeControls()).resolves.toEqual(['编辑']);
    await hr.shot('staff-own');
    await hr.menu('执法人员');
    await page.getByRole('button', { name: '移除此筛选条件' }).first().click();
    await hr.settled();
    await page.locator('.RaDatagrid-table tbody tr').filter({ hasNotText: '涅阳街道' }).first().waitFor();
    await hr.openRow({ hasNotText: '涅阳街道' });
    await expect(page.locator('.RaShow-main').innerText()).resolves.not.toContain('涅阳街道');
    await expect(hr.writeControls()).resolves.toEqual([]);
    await hr.shot('staff-other');
    // Back to its own people through the saved filter.
    await hr.menu('执法人员');
    await page.getByRole('button', { name: '添加筛选条件' }).click();
    await page.getByRole('menuitem', { name: '本街道人员' }).click();
    await hr.settled();
    await until(async () => [...new Set(await page.locator('.RaDatagrid-table tbody tr td.column-organizationId').allInnerTexts())], ['涅阳街道']);
    // No accounts menu.
    await expect(page.getByRole('menuitem', { name: '用户', exact: true }).count()).resolves.toBe(0);

    // A certificate of one of its people goes to a colleague: the person picker names the street.
    await hr.menu('执法证');
    await hr.allRows();
    await hr.openRow('涅阳街道');
    const certificate = hr.recordId();
    await hr.edit();
    const holder = await ok(server, 'Certificate', { id: certificate }, 'staffMember { name }');
    const colleagues = (await ok<any[]>(server, 'allStaffMembers', { filter: { organizationId: (await ok(server, 'allOrganizations', { filter: { name: '涅阳街道' } }, 'id'))[0].id }, perPage: 50 }, 'id name')).filter(
      (s) => s.name !== holder.staffMember.name,
    );
    const option = await hr.pick('持证人', colleagues[0].name, new RegExp(`^${colleagues[0].name} · 涅阳街道$`));
    expect(option.trim()).toBe(`${colleagues[0].name} · 涅阳街道`);
    await hr.shot('certificate-edit');
    await hr.save();
    expect((await ok(server, 'Certificate', { id: certificate }, 'staffMemberId')).staffMemberId).toBe(colleagues[0].id);

    // A new training session of its own, and an attendance moved to it.
    await hr.menu('培训');
    await hr.create();
    await hr.fill('培训名称', '涅阳街道综合执法业务周训');
    await hr.choose('培训类别', '以案代训');
    // The organizer starts as its own street.
    await until(() => hr.form.getByLabel('组织单位', { exact: false }).first().inputValue(), '涅阳街道');
    await hr.fill('开始日期', '2026-06-01');
    await hr.fill('课时', '40');
    await hr.save();
    await hr.menu('参训记录');
    await hr.allRows();
    await hr.openRow('涅阳街道');
    const attendance = hr.recordId();
    await hr.edit();
    await hr.pick('培训', '周训');
    await hr.save();
    expect((await ok(server, 'TrainingAttendance', { id: attendance }, 'session { title }')).session.title).toBe('涅阳街道综合执法业务周训');
    await hr.shot('attendance-moved');
    await hr.close();
  });

  it('a supervisor reassigns a finding to another inspection and responsible street; escalations offer 新建 and nothing that changes or deletes', async () => {
    const supervisor = await new User('supervisor').signIn();
    const { page } = supervisor;
    await supervisor.menu('发现问题');
    await expect(supervisor.writeControls()).resolves.toEqual(['新建']);
    await supervisor.shot('findings');
    await page.getByTestId('column-OPEN').getByTestId('finding-card').first().click();
    await page.locator('.RaShow-main').waitFor();
    const finding = supervisor.recordId();
    await supervisor.edit();
    await supervisor.pick('督导检查', '伴随式监督');
    await supervisor.pick('责任单位', '遮山镇');
    await supervisor.save();
    expect(await ok(server, 'Finding', { id: finding }, 'inspection { title } responsibleOrganization { name }')).toEqual({
      inspection: { title: '2026年综合行政执法伴随式监督（遮山镇）' },
      responsibleOrganization: { name: '遮山镇' },
    });
    await supervisor.shot('finding-moved');

    await supervisor.menu('督办记录');
    // Escalations are appended: a new one may be created; none is selected, changed or deleted.
    await expect(supervisor.writeControls()).resolves.toEqual(['新建']);
    await supervisor.openRow();
    await expect(supervisor.writeControls()).resolves.toEqual([]);
    await supervisor.shot('escalation');
    await supervisor.close();
  });

  it('an administrator creates an active account with a password, sets passwords, and manages API tokens', async () => {
    const admin = await new User('admin').signIn({}, (c) => c.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base }));
    const { page } = admin;
    // Menu headings scroll with their items rather than covering them.
    await expect(page.locator('.MuiListSubheader-root').first().evaluate((e) => (globalThis as any).getComputedStyle(e).position)).resolves.not.toBe('sticky');
    await admin.menu('用户');
    await admin.shot('users');
    await admin.create();
    await admin.fill('用户名', 'li.inspector');
    await admin.fill('姓名', '李督导');
    await admin.choose('角色', '执法监督');
    // Active unless unticked, and given a password here, under the same rule as any other.
    await expect(admin.form.getByLabel('启用', { exact: false }).isChecked()).resolves.toBe(true);
    await admin.fill('初始密码', '12345678');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.MuiFormHelperText-root.Mui-error', { hasText: '至少 3 类' }).waitFor();
    await admin.fill('初始密码', 'inspector-2026');
    await admin.save();
    const account = admin.recordId();
    const session = await ok(server.as(null), 'login', { username: 'li.inspector', password: 'inspector-2026' }, 'user { role active }');
    expect(session.user).toEqual({ role: 'SUPERVISOR', active: true });
    await admin.shot('account-created');

    // A password the rule refuses keeps the dialog open with the reason under the field.
    await page.getByRole('button', { name: '设置密码' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="password"]').fill('short');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByText('密码至少 8 位').waitFor();
    await admin.shot('password-refused');
    await dialog.locator('input[name="password"]').fill('inspector-2027');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('密码已设置').waitFor();
    await dialog.waitFor({ state: 'detached' });

    // The account's organization set, then cleared again.
    await admin.edit();
    await admin.pick('所属机构', '涅阳街道');
    await admin.save();
    expect((await ok(server, 'User', { id: account }, 'organization { name }')).organization.name).toBe('涅阳街道');
    await admin.edit();
    await admin.clear('所属机构');
    await admin.save();
    expect((await ok(server, 'User', { id: account }, 'organizationId')).organizationId).toBeNull();

    // An API token: the secret copied with one click; revoking asks first.
    await admin.menu('API 令牌');
    await page.getByRole('button', { name: '签发令牌' }).click();
    const form = page.getByRole('dialog');
    await form.locator('input[name="token-name"]').fill('市执法监督平台');
    await form.getByLabel('可读资源').click();
    await page.getByRole('option', { name: '赋权事项', exact: true }).click();
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: '签发令牌' }).click();
    const secret = await page.getByTestId('token-secret').innerText();
    await page.getByRole('button', { name: '复制令牌' }).click();
    await page.getByText('令牌已复制到剪贴板').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);
    await admin.shot('token-secret');
    await page.getByRole('button', { name: '关闭' }).click();
    await admin.openRow('市执法监督平台');
    await page.getByRole('button', { name: '吊销' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    expect((await ok<any[]>(server.as(secret), 'allDelegations', { perPage: 1 })).length).toBe(1);
    await page.getByRole('button', { name: '吊销' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByTestId('token-revoked').waitFor();
    // Its history: issued with its scopes, then revoked; never the secret.
    await page.getByText('吊销时间').first().waitFor();
    await expect(page.locator('.RaShow-main').innerText()).resolves.not.toContain(secret.replace(/^tet_\d+_/, ''));

    // Up to 500 rows a page; years without a thousands separator.
    await admin.menu('编制');
    await page.getByRole('combobox', { name: '每页行数' }).click();
    await expect(page.getByRole('option').allInnerTexts()).resolves.toEqual(['10', '25', '50', '100', '200', '500']);
    await page.keyboard.press('Escape');
    await admin.allRows();
    const total = (await ok(server, '_allStaffingQuotasMeta', {}, 'count')).count;
    await until(() => page.locator('.RaDatagrid-table tbody tr').count(), Math.min(total, 500));
    const years = await page.locator('.RaDatagrid-table tbody td.column-year').allInnerTexts();
    expect(years.every((y) => /^20\d\d$/.test(y))).toBe(true);
    await admin.shot('quotas');
    // Penalty kinds by their names on a power item's page.
    await admin.menu('执法事项');
    await admin.openRow('处罚');
    await expect(page.locator('.RaShow-main').innerText()).resolves.not.toContain('enums.');
    await page.locator('.RaShow-main').getByText('罚款').first().waitFor();
    await admin.close();
  });

  describe('at 01:49 in Beijing, when the UTC day is still yesterday', () => {
    const instant = new Date('2026-03-10T01:49:00+08:00');
    it.each(['Asia/Shanghai', 'America/Los_Angeles'])('a browser in %s shows the county’s day and asks only about complete dates', async (timezoneId) => {
      const editor = await new User('editor').signIn({ timezoneId }, (c) => c.clock.setFixedTime(instant));
      const { page } = editor;
      await editor.menu('赋权事项目录');
      await editor.openRow('草稿');
      const date = page.getByTestId('as-of').locator('input[type="date"]');
      await expect(date.inputValue()).resolves.toBe('2026-03-10');
      // Choosing a street asks about that day; typing a year digit by digit asks about no half-typed one.
      await page.getByLabel('街道/乡镇').click();
      await page.getByRole('option', { name: '涅阳街道' }).click();
      await editor.settled();
      editor.requests.length = 0;
      await yearSegment(page, date);
      editor.requests.length = 0;
      await date.pressSequentially('2022', { delay: 150 });
      await editor.settled();
      const asked = editor.requests.filter((r) => r.includes('delegationsAsOf')).map((r) => JSON.parse(r).variables.date);
      expect(asked).toEqual(['2022-03-10']);
      await editor.shot(`as-of-${timezoneId.replace('/', '-')}`);
      await editor.close();
      const admin = await new User('admin').signIn({ timezoneId }, (c) => c.clock.setFixedTime(instant));
      await admin.page.getByRole('menuitem', { name: 'API 令牌' }).click();
      await admin.page.getByRole('button', { name: '签发令牌' }).click();
      await expect(admin.page.getByRole('dialog').getByLabel('有效期至').inputValue()).resolves.toBe('2027-03-10');
      await admin.close();
    });
  });
});
