import { readFileSync } from 'node:fs';
import path from 'node:path';
import { browserSession, browserSuite, shotsDir } from '../helpers/browser';
import { ok } from '../helpers/operations';

// A task is many steps, each allowed STEP_TIMEOUT_MS on a loaded machine.
jest.setTimeout(600_000);

// The six-rate ranking as a supervisor reads it on the demo county: reached from the menu, a year
// picked, the units in the API's order with their places and totals, the targets taken from the two
// previous years marked, and the table downloaded as a CSV file with the same figures.

const s = browserSession();

browserSuite('the six-rate ranking page', () => {
  it('shows a year’s ranking from the menu and exports it', async () => {
    const { page } = s;
    await s.signIn('supervisor');
    await page.getByRole('menuitem', { name: '六率考核排名' }).click();
    await s.settled();
    const year = page.locator('input[name="ranking-year"]');
    await year.fill('2025');
    await s.settled();

    const ranking = await ok<any[]>(s.server, 'caseRanking', { year: 2025 }, 'rank totalScore filingTargetDefaulted organization { name }');
    expect(ranking.length).toBeGreaterThan(10);
    const rows = page.getByTestId('ranking-row');
    await s.count(rows, ranking.length);
    const first = rows.first().locator('td');
    await expect(first.nth(0).textContent()).resolves.toBe(String(ranking[0].rank));
    await expect(first.nth(1).textContent()).resolves.toBe(ranking[0].organization.name);
    await expect(first.nth(-2).textContent()).resolves.toBe(String(ranking[0].totalScore));
    const names = await rows.locator('td:nth-child(2)').allTextContents();
    expect(names).toEqual(ranking.map((r) => r.organization.name));
    await s.shot('case-ranking-2025');

    // The latest demo year leaves some targets to the two previous years' average, and says so.
    await year.fill('2026');
    await s.settled();
    const latest = await ok<any[]>(s.server, 'caseRanking', { year: 2026 }, 'filingTargetDefaulted organization { name }');
    await s.count(rows, latest.length);
    const defaulted = latest.filter((r) => r.filingTargetDefaulted).length;
    expect(defaulted).toBeGreaterThan(0);
    await s.count(page.getByTestId('target-defaulted'), defaulted);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ranking').click()]);
    expect(download.suggestedFilename()).toBe('六率考核排名-2026.csv');
    const file = path.join(shotsDir, '..', 'case-ranking.csv');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n').map((l) => l.split(','));
    expect(lines[0].slice(0, 4)).toEqual(['名次', '执法单位', '立案率', '立案率扣分']);
    expect(lines[0].slice(-3)).toEqual(['扣分合计', '考核总分', '核定应立案数']);
    expect(lines).toHaveLength(latest.length + 1);
    expect(lines.slice(1).map((l) => l[1])).toEqual(latest.map((r) => r.organization.name));
    expect(lines.filter((l) => l.at(-1)!.endsWith('（近两年平均）'))).toHaveLength(defaulted);
  });
});
