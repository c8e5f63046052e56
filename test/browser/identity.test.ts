import { browserSession, browserSuite } from '../helpers/browser';
import { call, ok } from '../helpers/operations';
import { errorCode } from '../helpers/expect-errors';

// A step here may wait STEP_TIMEOUT_MS on a loaded machine.
jest.setTimeout(600_000);

// The identity controls as people meet them: the password an administrator gave must be changed
// before anything else, and an administrator reads the login log and signs a session out.
const b = browserSession();

browserSuite('identity controls in the admin', () => {
  it('shows only the password change to an account whose password an administrator set, then the back office', async () => {
    const { page } = b;
    await ok(b.server, 'createUser', { username: 'zhao.new', displayName: '赵新', role: 'VIEWER', password: 'Given#2026a' });
    await page.goto(`${b.base}/#/login`);
    await page.evaluate('localStorage.clear()');
    await page.reload();
    await page.locator('input[name="username"]').fill('zhao.new');
    await page.locator('input[name="password"]').fill('Given#2026a');
    await page.getByRole('button', { name: '登录' }).click();
    const form = page.getByTestId('forced-password-change');
    await form.waitFor();
    await form.getByText('您的密码由管理员设置').waitFor();
    await b.shot('identity-forced-password-change');
    // The policy's refusal shows under the field; then a good password lets the user in.
    await form.locator('input[name="currentPassword"]').fill('Given#2026a');
    await form.locator('input[name="newPassword"]').fill('zhao.new#2026A');
    await form.locator('input[name="confirm"]').fill('zhao.new#2026A');
    await form.getByRole('button', { name: '修改密码' }).click();
    await form.getByText('密码不能包含用户名').waitFor();
    await form.locator('input[name="newPassword"]').fill('Mine#2026abc');
    await form.locator('input[name="confirm"]').fill('Mine#2026abc');
    await form.getByRole('button', { name: '修改密码' }).click();
    await page.getByTestId('vacancy').waitFor();
    expect(await form.count()).toBe(0);
    expect(errorCode(await call(b.server.as(null), 'login', { username: 'zhao.new', password: 'Mine#2026abc' }, 'token'))).toBeUndefined();
  });

  it('lists the login log and the sessions under 系统管理, and signs a session out', async () => {
    const { page } = b;
    const wrong = await call(b.server.as(null), 'login', { username: 'hr', password: 'not-the-password' }, 'token');
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    const hr = (await ok(b.server.as(null), 'login', { username: 'hr', password: 'demo' }, 'token user { id }')) as { token: string; user: { id: string } };
    await b.signIn('admin');
    await page.getByRole('menuitem', { name: '登录日志' }).click();
    await b.settled();
    await page.getByText('密码错误').first().waitFor();
    await b.shot('identity-login-log');
    const [open] = await ok(b.server, 'allUserSessions', { filter: { userId: hr.user.id, online: true } }, 'id');
    await b.go(`/UserSession/${open.id}/show`);
    await page.getByRole('button', { name: '强制下线' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByText('已强制下线').waitFor();
    await b.shot('identity-session-ended');
    expect(errorCode(await b.server.as(hr.token).gql('{ me { id } }'))).toBe('UNAUTHENTICATED');
  });
});
