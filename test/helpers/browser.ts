import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startTestServer, type TestServer, STEP_TIMEOUT_MS } from './test-server';

// The admin in a real chromium, as the browser suites drive it: the built admin served by the real
// server on the demo county, one page, and the steps every suite takes (sign in, wait for a screen
// to settle, take a screenshot).

const root = path.resolve(__dirname, '../..');

/** Debian's chromium, or CHROMIUM_PATH. */
export const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!executablePath && process.env.CI) throw new Error('CI runs the browser suite: install Debian chromium (.ci/run does)');
if (!executablePath) console.warn('No chromium found (set CHROMIUM_PATH or apt-get install chromium): skipping the browser suite.');

/** `describe` where chromium is installed, else `describe.skip` (never on CI: see above). */
export const browserSuite = executablePath ? describe : describe.skip;

/** Where the suites save the screenshots of what users see. */
export const shotsDir = path.join(root, 'test-results/screenshots');

/** Waits until a reading of the page gives the expected value (it may load a moment later). */
export async function until<T>(read: () => Promise<T>, expected: T, timeout = 20_000): Promise<void> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Still ${JSON.stringify(last)}, expected ${JSON.stringify(expected)}`);
}

/** The admin as `npm start` serves it, rebuilt when stale. */
export function ensureAdminBuilt(): void {
  execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'admin/scripts/ensure-build.ts'], { cwd: root, stdio: 'inherit' });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface BrowserSession {
  readonly server: TestServer;
  readonly browser: Browser;
  readonly page: Page;
  /** The server's origin: the admin is at `${base}/#/…`. */
  readonly base: string;
  /** Waits until react-admin has finished loading the screen (no request in flight, no progress bar). */
  settled(): Promise<void>;
  /** Opens a route of the admin and waits for it to settle. */
  go(hash: string): Promise<void>;
  /** Signs in through the login page as a demo account (password `demo`) or another, from a blank session. */
  signIn(username: string, password?: string): Promise<void>;
  shot(name: string): Promise<void>;
  /** Waits until a locator matches exactly `n` elements (lists refresh a moment after a filter changes). */
  count(locator: Locator, n: number): Promise<void>;
}

/**
 * Registers the hooks that start the admin on the demo county and a chromium page before the
 * file's tests, and stop both after them. The session's fields are set once its hook has run.
 */
export function browserSession(options: { onPage?: (page: Page) => void } = {}): BrowserSession {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let base = '';
  const settled = async () => {
    await page!.waitForLoadState('networkidle');
    await page!.locator('.MuiLinearProgress-root').first().waitFor({ state: 'detached', timeout: 20_000 }).catch(() => {});
  };
  beforeAll(async () => {
    if (!executablePath) return;
    mkdirSync(shotsDir, { recursive: true });
    ensureAdminBuilt();
    server = await startTestServer({ seed: true });
    base = server.url.replace(/\/graphql$/, '');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    options.onPage?.(page);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    get page() {
      return page!;
    },
    get base() {
      return base;
    },
    settled,
    async go(hash) {
      await page!.goto(`${base}/#${hash}`);
      await settled();
    },
    async signIn(username, password = 'demo') {
      await page!.goto(`${base}/#/login`);
      await page!.evaluate('localStorage.clear()');
      // A reload, not a change of hash: nothing of the previous account stays in memory.
      await page!.reload();
      await page!.locator('input[name="username"]').fill(username);
      await page!.locator('input[name="password"]').fill(password);
      await page!.getByRole('button', { name: '登录' }).click();
      await page!.getByTestId('vacancy').waitFor();
      await settled();
    },
    async shot(name) {
      await page!.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: false });
    },
    async count(locator, n) {
      const deadline = Date.now() + 20_000;
      let seen = await locator.count();
      while (seen !== n && Date.now() < deadline) {
        await page!.waitForTimeout(200);
        seen = await locator.count();
      }
      expect(seen).toBe(n);
    },
  };
}
