import { browserSession, browserSuite } from '../helpers/browser';
import { ok } from '../helpers/operations';
import { today } from '../../api/dates';

// A user's whole task, many steps each allowed their own timeout on a loaded machine.
jest.setTimeout(600_000);

// Call-and-report dispatch (吹哨报到) on the demo county: a street's request raised through the
// generic form (refused while it is due before it was raised), a department called, then the
// department's steps on the assignment's page (acknowledge, arrive, close with the result) and the
// street's rating; the deadline board leads with the demo's overdue calls, and the two-way
// assessment counts the closed one.
const session = browserSession();

browserSuite('raising and closing a dispatch request', () => {
  it('raises a request, and the called department acknowledges, arrives and closes it; the street rates it', async () => {
    const { page } = session;
    await session.signIn('admin');

    // The board: open referrals and calls by deadline, the demo's overdue ones first.
    await session.go('/deadline-board');
    await page.getByTestId('deadline-board').waitFor();
    expect(await page.getByTestId('board-row').first().getAttribute('data-overdue')).toBe('true');
    await page.getByTestId('board-row').filter({ hasText: '小区地下车库违规改建' }).waitFor();
    await session.shot('deadline-board');

    const matter = '玉都街道农贸市场周边流动摊贩占道经营、油烟扰民，需城管、市场监管部门到场';
    await session.go('/DispatchRequest/create');
    const street = page.getByLabel('吹哨街道（乡镇）', { exact: false }).first();
    await street.click();
    await street.fill('玉都街道');
    await page.getByRole('option', { name: '玉都街道', exact: true }).click();
    await page.getByLabel('吹哨事项', { exact: false }).first().fill(matter);
    await page.getByLabel('地点', { exact: false }).first().fill('玉都街道农贸市场东门');
    await page.getByLabel('紧急程度', { exact: false }).first().click();
    await page.getByRole('option', { name: '紧急', exact: true }).click();
    // A few minutes ago, as the browser's clock reads it.
    const raised = await page.evaluate(() => {
      const d = new Date(Date.now() - 5 * 60_000);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    });
    await page.getByLabel('吹哨时间', { exact: false }).first().fill(raised);
    await page.getByLabel('办结时限', { exact: false }).first().fill('2020-01-01');
    await page.getByRole('button', { name: '保存' }).click();
    // Refused by the server under the deadline; nothing recorded.
    await page.locator('.MuiFormHelperText-root.Mui-error', { hasText: '办结时限不能早于吹哨日期' }).first().waitFor();
    expect(await ok(session.server, 'allDispatchRequests', { filter: { q: '流动摊贩' } })).toEqual([]);
    await page.getByLabel('办结时限', { exact: false }).first().fill(today());
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.RaShow-main', { hasText: '玉都街道农贸市场东门' }).waitFor();
    const [request] = await ok(session.server, 'allDispatchRequests', { filter: { q: '流动摊贩' } }, 'id urgency dueOn street { name }');
    expect(request).toMatchObject({ urgency: 'URGENT', dueOn: today(), street: { name: '玉都街道' } });

    // The street calls the city administration bureau; its page carries the department's steps.
    const [department] = await ok(session.server, 'allOrganizations', { filter: { q: '镇平县城市管理局' } });
    const { id } = await ok(session.server, 'createDispatchAssignment', { requestId: request.id, departmentId: department.id });
    await session.go(`/DispatchAssignment/${id}/show`);
    await page.getByRole('button', { name: '响应' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByRole('button', { name: '报到' }).waitFor();
    await page.getByRole('button', { name: '报到' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByRole('button', { name: '办结' }).waitFor();
    await page.getByRole('button', { name: '办结' }).click();
    await page.getByRole('dialog').locator('textarea[name="result"]').fill('已劝离流动摊贩，对两户占道经营立案');
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByRole('button', { name: '评价' }).waitFor();
    await session.shot('dispatch-closed');
    const closed = await ok(session.server, 'DispatchAssignment', { id }, 'status acknowledgedAt arrivedAt closedAt result acknowledgedLate arrivedLate overdue');
    expect(closed).toMatchObject({ status: 'CLOSED', result: '已劝离流动摊贩，对两户占道经营立案', acknowledgedLate: false, arrivedLate: false, overdue: false });
    expect(Date.parse(closed.arrivedAt)).toBeGreaterThanOrEqual(Date.parse(closed.acknowledgedAt));

    // The street rates it: four stars and a comment.
    await page.getByRole('button', { name: '评价' }).click();
    await page.locator('[data-testid="dispatch-rating"] input[value="4"]').check({ force: true });
    await page.getByRole('dialog').locator('textarea[name="comment"]').fill('到场及时');
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.locator('.RaShow-main', { hasText: '到场及时' }).waitFor();
    expect(await ok(session.server, 'DispatchAssignment', { id }, 'rating ratingComment')).toEqual({ rating: 4, ratingComment: '到场及时' });
    expect(await page.getByRole('button', { name: '评价' }).count()).toBe(0);

    // The two-way assessment of this year counts it for the department and the street.
    await session.go('/dispatch-assessment');
    await page.getByTestId('dispatch-department-row').filter({ hasText: '镇平县城市管理局' }).waitFor();
    await page.getByTestId('dispatch-street-row').filter({ hasText: '玉都街道' }).waitFor();
    await session.shot('dispatch-assessment');
  });
});
