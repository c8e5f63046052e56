import { Secret, TOTP } from 'otpauth';
import { browserSession, browserSuite } from '../helpers/browser';
import { call, ok } from '../helpers/operations';
import { errorCode } from '../helpers/expect-errors';

// A step here may wait STEP_TIMEOUT_MS on a loaded machine.
jest.setTimeout(600_000);

// The second factor and the three administrators as people meet them: a security administrator
// enrols an authenticator app on the screen the back office confines them to, then signs in with
// its code; the audit administrator reads the login log and the sessions and can do nothing else.
const b = browserSession();

/** The authenticator app: the code of a secret, at a moment `ahead` steps from now. */
const codeOf = (secret: string, ahead = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.now() + ahead * 30_000 });

browserSuite('second factor and the three administrators in the admin', () => {
  it('confines an administrator without a second factor to its enrolment, then signs in with the code', async () => {
    const { page } = b;
    // An account the system administrator made, whose user has chosen their password.
    await ok(b.server, 'createUser', { username: 'qian.sec', displayName: '钱安全', role: 'SECURITY_ADMIN', password: 'Given#2026a' });
    const first = await ok(b.server.as(null), 'login', { username: 'qian.sec', password: 'Given#2026a' }, 'token');
    await ok(b.server.as(first.token), 'changeMyPassword', { currentPassword: 'Given#2026a', newPassword: 'Mine#2026abc' }, 'token');

    await page.goto(`${b.base}/#/login`);
    await page.evaluate('localStorage.clear()');
    await page.reload();
    await page.locator('input[name="username"]').fill('qian.sec');
    await page.locator('input[name="password"]').fill('Mine#2026abc');
    await page.getByRole('button', { name: '登录' }).click();
    const enrolment = page.getByTestId('second-factor-enrolment');
    await enrolment.waitFor();
    await enrolment.getByText('管理员账号须使用两种身份鉴别方式').waitFor();
    await enrolment.getByRole('button', { name: '开始绑定' }).click();
    await enrolment.getByTestId('second-factor-qr').waitFor();
    expect(await enrolment.getByTestId('second-factor-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    await b.shot('second-factor-enrolment');
    const secret = (await enrolment.getByTestId('second-factor-secret').textContent())!.trim();
    // A wrong code is refused under the field; the right one turns it on and shows the recovery codes once.
    await enrolment.locator('input[name="code"]').fill(codeOf(secret, -10));
    await enrolment.getByRole('button', { name: '确认绑定' }).click();
    await enrolment.getByText('动态验证码不正确').waitFor();
    await enrolment.locator('input[name="code"]').fill(codeOf(secret));
    await enrolment.getByRole('button', { name: '确认绑定' }).click();
    const codes = (await enrolment.getByTestId('recovery-codes').textContent())!;
    expect(codes.match(/[A-Z2-9]{5}-[A-Z2-9]{5}/g)).toHaveLength(10);
    await enrolment.getByRole('button', { name: '我已保存恢复码，继续' }).click();
    await page.getByTestId('vacancy').waitFor();
    expect(await enrolment.count()).toBe(0);

    // The next sign-in asks the code after the password.
    await page.goto(`${b.base}/#/login`);
    await page.evaluate('localStorage.clear()');
    await page.reload();
    await page.locator('input[name="username"]').fill('qian.sec');
    await page.locator('input[name="password"]').fill('Mine#2026abc');
    await page.getByRole('button', { name: '登录' }).click();
    const step = page.getByTestId('login-code-step');
    await step.waitFor();
    await b.shot('second-factor-code-step');
    await step.locator('input[name="code"]').fill('000000');
    await step.getByRole('button', { name: '验证' }).click();
    await step.getByText('动态验证码或恢复码错误').waitFor();
    await step.locator('input[name="code"]').fill(codeOf(secret, 1));
    await step.getByRole('button', { name: '验证' }).click();
    await page.getByTestId('vacancy').waitFor();
    const [last] = await ok(b.server, 'allLoginEvents', { filter: { username: 'qian.sec' }, sortField: 'id', sortOrder: 'DESC', perPage: 2 }, 'result reason');
    expect(last).toEqual({ result: 'SUCCEEDED', reason: 'SIGNED_IN' });
  });

  it('lets the audit administrator read the login log and the sessions, and offers no write', async () => {
    const { page } = b;
    const hr = await ok(b.server.as(null), 'login', { username: 'hr', password: 'demo' }, 'token user { id }');
    await b.signIn('auditor');
    await page.getByRole('menuitem', { name: '登录日志' }).click();
    await b.settled();
    // Everyone's sign-ins, not only the auditor's own.
    await page.getByRole('cell', { name: 'hr', exact: true }).first().waitFor();
    await b.shot('auditor-login-log');
    const [open] = await ok(b.server, 'allUserSessions', { filter: { userId: hr.user.id, online: true } }, 'id');
    await b.go(`/UserSession/${open.id}/show`);
    await page.getByText('在线').first().waitFor();
    expect(await page.getByRole('button', { name: '强制下线' }).count()).toBe(0);
    // No record offers a write: an organization, a person, an account.
    for (const route of ['/Organization', '/StaffMember', '/User']) {
      await b.go(route);
      for (const control of ['新建', '导入']) expect([route, control, await page.getByRole('button', { name: control }).count()]).toEqual([route, control, 0]);
    }
    await page.locator('.RaDatagrid-row, .MuiTableBody-root tr').first().click();
    await b.settled();
    for (const control of ['编辑', '删除', '设置密码', '解除锁定', '停用动态验证码']) expect([control, await page.getByRole('button', { name: control }).count()]).toEqual([control, 0]);
    // And the server refuses what the screens do not offer.
    const auditor = await ok(b.server.as(null), 'login', { username: 'auditor', password: 'demo' }, 'token');
    expect(errorCode(await call(b.server.as(auditor.token), 'endUserSession', { id: open.id }))).toBe('FORBIDDEN');
    expect(errorCode(await call(b.server.as(hr.token), 'me', {}))).toBeUndefined();
  });
});
