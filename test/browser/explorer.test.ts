import { browserSession, browserSuite } from '../helpers/browser';

jest.setTimeout(600_000);

// The API explorer (GraphiQL) at /graphiql, as an integrator on a county network without internet
// uses it: served with its assets by our own server, reached from the admin's menu, sending the
// signed-in user's token.

/** Hosts an explorer page usually loads its code from; none may appear in ours. */
const CDNS = /unpkg\.com|jsdelivr|esm\.sh|cdnjs|embeddable-sandbox|apollo-server-landing-page|googleapis/;

const outside: string[] = [];
const problems: string[] = [];
let base = '';
const session = browserSession({
  onPage: (page) => {
    page.on('request', (r) => {
      if (!base || !r.url().startsWith(base)) outside.push(r.url());
    });
    page.on('pageerror', (e) => problems.push(e.message));
  },
});

browserSuite('the API explorer', () => {
  beforeAll(() => {
    base = session.base;
  });

  it('serves /graphiql and every asset it names from this server, none from a CDN', async () => {
    const res = await fetch(`${base}/graphiql`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('GraphQL 接口调试');
    // Follow the page's scripts and styles and what they import, file by file.
    const seen = new Set<string>();
    const queue = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(queue.length).toBeGreaterThan(0);
    for (const url of queue) expect(url).toMatch(/^\/assets\//);
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const asset = await fetch(`${base}${url}`);
      expect([url, asset.status]).toEqual([url, 200]);
      const text = /\.(js|css)$/.test(url) ? await asset.text() : '';
      expect(text).not.toMatch(CDNS);
      // Bundles name their chunks, workers and fonts (`name-<8-character hash>.ext`) in quotes,
      // backquotes or url(…).
      for (const m of text.matchAll(/[`"'(]\.?\/?(?:assets\/)?([\w.-]+?-[\w-]{8}\.(?:js|css|ttf|woff2?))[`"')]/g)) queue.push(`/assets/${m[1]}`);
    }
    // The editor, its workers and its font are among them.
    expect([...seen].some((u) => /graphql\.worker/.test(u))).toBe(true);
    expect([...seen].some((u) => /\.ttf$/.test(u))).toBe(true);
    // Apollo's own landing page (which loads from a CDN) is off.
    const landing = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(await landing.text()).not.toMatch(CDNS);
  });

  it('is reached from the admin’s menu and runs queries as the signed-in user', async () => {
    const { page } = session;
    await session.signIn('editor');
    await page.getByRole('menuitem', { name: '接口调试 (GraphiQL)' }).click();
    await page.waitForURL(`${base}/graphiql`);
    await page.locator('.graphiql-container').waitFor();
    // The schema loaded with the session's token: the documentation shows the Chinese help.
    await page.getByRole('button', { name: /Documentation Explorer/ }).click();
    await page.getByText('Query', { exact: true }).first().click();
    await page.getByText(/某日持有的赋权事项/).first().waitFor();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('"username": "editor"').waitFor();
    await page.locator('.result-window').getByText('"role": "CATALOG_EDITOR"').waitFor();
    await session.shot('graphiql');
  });

  it('loaded nothing from outside the server and hit no script error', () => {
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  });
});
