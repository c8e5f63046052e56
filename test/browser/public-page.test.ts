import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserSuite, launchChromium, shotsDir } from '../helpers/browser';
import { startTestServer, type TestServer, STEP_TIMEOUT_MS } from '../helpers/test-server';

jest.setTimeout(600_000);

// The public disclosure (公示) as a member of the public sees it, in a real chromium on the demo
// county: no sign-in, from the list of streets to one street's page, another day, and its print.

let server: TestServer;
let browser: Browser;
let page: Page;
let base: string;
/** Requests the page made to anywhere but this server (none may: county networks have no internet). */
const outside: string[] = [];
const problems: string[] = [];

browserSuite('the public page', () => {
  beforeAll(async () => {
    mkdirSync(shotsDir, { recursive: true });
    server = await startTestServer({ seed: true });
    base = new URL(server.url).origin;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.on('request', (r) => {
      if (!r.url().startsWith(base)) outside.push(r.url());
    });
    // A blocked inline script or style would show here as a content-security-policy error.
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('leads from the list of streets to 涅阳街道’s powers, editions and officers, without signing in', async () => {
    await page.goto(`${base}/public`);
    await expect(page.title()).resolves.toBe('乡镇（街道）行政执法事项公示');
    await page.getByRole('link', { name: '涅阳街道' }).click();
    await page.waitForURL(`${base}/public/411324-T01`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('涅阳街道行政执法事项公示');

    const tables = page.locator('table');
    expect(await tables.count()).toBe(3);
    // The powers in force today: each row with its mode, department and legal basis.
    const powers = tables.nth(0).locator('tbody tr');
    expect(await powers.count()).toBeGreaterThan(5);
    const first = await powers.first().locator('td').allTextContents();
    expect(first[0]).toBe('1');
    expect(['委托', '交由（赋权）', '下放', '派驻']).toContain(first[5]);
    expect(first[7]).toMatch(/^镇平县/);
    expect(first[8]).toMatch(/《.+》/);
    const heading = await page.getByRole('heading', { name: /一、赋权事项/ }).textContent();
    expect(heading).toBe(`一、赋权事项（${await powers.count()} 项）`);
    // The editions: the published one is there, never the draft.
    const editions = await tables.nth(1).locator('tbody tr').allTextContents();
    expect(editions.some((row) => row.includes('已发布'))).toBe(true);
    expect(editions.some((row) => row.includes('草稿'))).toBe(false);
    // Officers by name, post and certificate number; nothing else of them.
    const officers = tables.nth(2).locator('tbody tr');
    expect(await officers.count()).toBeGreaterThan(0);
    const officer = await officers.first().locator('td').allTextContents();
    expect(['执法岗', '法制审核岗', '中队长/队长']).toContain(officer[2]);
    expect(officer[3]).not.toBe('');
    expect(await page.content()).not.toMatch(/1[3-9]\d{9}/);
    await page.screenshot({ path: path.join(shotsDir, 'public-page.png'), fullPage: false });
  });

  it('answers for another day through its date field, with a link that can be shared', async () => {
    const today = await page.locator('table').nth(0).locator('tbody tr').count();
    await page.locator('input[name="date"]').fill('2021-01-01');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(`${base}/public/411324-T01?date=2021-01-01`);
    await expect(page.locator('time').textContent()).resolves.toBe('2021-01-01');
    // Before the first catalog took effect the street held nothing.
    await page.getByText('该日没有有效的赋权事项。').waitFor();
    expect(today).toBeGreaterThan(0);
  });

  it('prints without its navigation', async () => {
    await page.goto(`${base}/public/411324-T01`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('nav').isVisible()).resolves.toBe(false);
    await expect(page.locator('table').first().isVisible()).resolves.toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
  });

  it('loaded nothing from outside the server and hit no script or policy error', () => {
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  });
});
