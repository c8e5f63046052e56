import type { TestServer } from '../helpers/test-server';
import { call, ok } from '../helpers/operations';
import { withoutSecondFactor, withWorld } from '../helpers/fixtures';
import { errorCode, fieldErrors, onlyError, refusal, refused } from '../helpers/expect-errors';
import { inFlightTogether } from '../helpers/in-flight';

// 三员分立: the system administrator (accounts, organizations), the security administrator (roles,
// unlocks, sessions, second factors) and the audit administrator (reads the audit trail, the login
// log and the sessions, and nothing else), each refused what is another's; one person holds one.
const { server, world, signedIn } = withWorld();

withoutSecondFactor();

const login = (username: string, password: string) => call(server.as(null), 'login', { username, password }, 'token');
let n = 0;
const organization = () => ({ name: `三员测试机构${++n}`, kind: 'OTHER', code: `SANYUAN-${n}`, region: '测试县' });

/** An account of the street that failed to sign in five times. */
async function lockedAccount(username: string) {
  const id = (await ok(server, 'createUser', { username, role: 'HR', organizationId: world.street, password: 'Initial#2026' })).id as string;
  for (let i = 0; i < 5; i++) await login(username, `Wrong#${i}xyz`);
  expect(await ok(server, 'userLocked', { id })).toBe(true);
  return id;
}

let sysadmin: TestServer;
let secadmin: TestServer;
let auditor: TestServer;
beforeAll(async () => {
  sysadmin = await signedIn('SYSTEM_ADMIN');
  secadmin = await signedIn('SECURITY_ADMIN');
  auditor = await signedIn('AUDIT_ADMIN');
});

describe('the system administrator', () => {
  it('creates and keeps accounts and organizations', async () => {
    const id = (await ok(sysadmin, 'createUser', { username: 'sys.made', role: 'VIEWER', organizationId: world.street, password: 'Initial#2026' })).id;
    expect((await ok(sysadmin, 'updateUser', { id, displayName: '新同事' }, 'displayName')).displayName).toBe('新同事');
    await ok(sysadmin, 'setUserPassword', { id, password: 'Reset#2026xy' });
    const org = (await ok(sysadmin, 'createOrganization', organization())).id;
    expect((await ok(sysadmin, 'updateOrganization', { id: org, name: '三员测试机构（改）' }, 'name')).name).toBe('三员测试机构（改）');
    expect(await ok(sysadmin, '_allUsersMeta', {}, 'count')).toEqual({ count: expect.any(Number) });
  });

  it('gives no roles, unlocks nothing, ends no one’s session, writes no business record', async () => {
    const res = await refused(sysadmin, 'createUser', { username: 'sys.hr', role: 'HR', password: 'Initial#2026' });
    expect(fieldErrors(res)).toEqual({ role: 'separation' });
    expect((onlyError(res).extensions!.fieldErrors as { zh: string }[])[0].zh).toMatch(/安全管理员/);
    const viewer = (await ok(sysadmin, 'createUser', { username: 'sys.viewer', role: 'VIEWER' })).id;
    expect(fieldErrors(await refused(sysadmin, 'updateUser', { id: viewer, role: 'SUPERVISOR' }))).toEqual({ role: 'separation' });
    const locked = await lockedAccount('sys.locked');
    expect(refusal(await refused(sysadmin, 'unlockUser', { id: locked }), 'FORBIDDEN').extensions!.messages.zh).toMatch(/安全管理员/);
    expect(errorCode(await call(sysadmin, 'userLocked', { id: locked }))).toBe('FORBIDDEN');
    refusal(await refused(sysadmin, 'createStaffMember', { name: '某人', organizationId: world.street, category: 'ENFORCEMENT' }), 'FORBIDDEN');
    const [session] = (await ok(server, 'allUserSessions', { perPage: 1 }, 'id')) as { id: string }[];
    expect(errorCode(await call(sysadmin, 'endUserSession', { id: session.id }))).toBeDefined();
  });
});

describe('the security administrator', () => {
  it('gives roles, unlocks accounts and ends sessions', async () => {
    const id = (await ok(server, 'createUser', { username: 'sec.given', role: 'VIEWER' })).id;
    expect((await ok(secadmin, 'updateUser', { id, role: 'SUPERVISOR' }, 'role')).role).toBe('SUPERVISOR');
    const locked = await lockedAccount('sec.locked');
    expect(await ok(secadmin, 'userLocked', { id: locked })).toBe(true);
    await ok(secadmin, 'unlockUser', { id: locked });
    expect((await login('sec.locked', 'Initial#2026')).data?.login.token).toBeDefined();
    const [open] = (await ok(secadmin, 'allUserSessions', { filter: { userId: locked } }, 'id endedAt')) as { id: string }[];
    expect((await ok(secadmin, 'endUserSession', { id: open.id }, 'endedBy')).endedBy).toBe('FORCED');
  });

  it('creates no organizations and no accounts, and changes nothing of an account but its role', async () => {
    refusal(await refused(secadmin, 'createOrganization', organization()), 'FORBIDDEN');
    refusal(await refused(secadmin, 'updateOrganization', { id: world.street, name: '改名' }), 'FORBIDDEN');
    const create = refusal(await refused(secadmin, 'createUser', { username: 'sec.made', role: 'VIEWER' }), 'FORBIDDEN');
    expect(create.extensions!.messages.zh).toMatch(/安全管理员只能授予账号角色/);
    const id = (await ok(server, 'createUser', { username: 'sec.other', role: 'VIEWER' })).id;
    refusal(await refused(secadmin, 'updateUser', { id, displayName: '改名' }), 'FORBIDDEN');
    refusal(await refused(secadmin, 'updateUser', { id, active: false }), 'FORBIDDEN');
    refusal(await refused(secadmin, 'deleteUser', { id }), 'FORBIDDEN');
    refusal(await refused(secadmin, 'setUserPassword', { id, password: 'Reset#2026xy' }), 'FORBIDDEN');
    refusal(await refused(secadmin, 'createStaffMember', { name: '某人', organizationId: world.street, category: 'ENFORCEMENT' }), 'FORBIDDEN');
  });
});

describe('no administrator takes over another’s account or the county-wide one', () => {
  it('refuses the system administrator resetting an administrator’s password and the security administrator giving ADMIN', async () => {
    const admin = (await ok(server, 'me', {}, 'id')).id as string;
    const other = (await ok(server, 'createUser', { username: 'sec.target', role: 'SECURITY_ADMIN', password: 'Initial#2026' })).id;
    // The system administrator keeps accounts, but not an administrator's: resetting admin's
    // password would let it sign in as admin.
    for (const id of [admin, other]) {
      expect(refusal(await refused(sysadmin, 'setUserPassword', { id, password: 'Taken#2026xy' }), 'FORBIDDEN').extensions!.messages.zh).toMatch(/全县管理员维护/);
      refusal(await refused(sysadmin, 'updateUser', { id, displayName: '改名' }), 'FORBIDDEN');
      refusal(await refused(sysadmin, 'deleteUser', { id }), 'FORBIDDEN');
    }
    // The security administrator gives business roles, never ADMIN nor one of the three.
    const viewer = (await ok(server, 'createUser', { username: 'sec.viewer', role: 'VIEWER' })).id;
    for (const role of ['ADMIN', 'SYSTEM_ADMIN', 'AUDIT_ADMIN']) refusal(await refused(secadmin, 'updateUser', { id: viewer, role }), 'FORBIDDEN');
    refusal(await refused(secadmin, 'updateUser', { id: admin, role: 'VIEWER' }), 'FORBIDDEN');
    // The county-wide administrator keeps them all; one's own password stays one's own.
    await ok(server, 'setUserPassword', { id: other, password: 'Reset#2026xy' });
    expect((await ok(server, 'updateUser', { id: viewer, role: 'AUDIT_ADMIN' }, 'role')).role).toBe('AUDIT_ADMIN');
  });
});

describe('the audit administrator', () => {
  it('reads the audit trail, every sign-in and every session', async () => {
    const hr = (await ok(server, 'createUser', { username: 'audit.seen', role: 'HR', organizationId: world.street, password: 'Initial#2026' })).id;
    await login('audit.seen', 'Wrong#0xyz');
    await login('audit.seen', 'Initial#2026');
    const events = (await ok(auditor, 'allLoginEvents', { filter: { userId: hr } }, 'result reason')) as { reason: string }[];
    expect(events.map((e) => e.reason).sort()).toEqual(['PASSWORD_MUST_CHANGE', 'WRONG_PASSWORD']);
    expect(await ok(auditor, '_allUserSessionsMeta', { filter: { userId: hr } }, 'count')).toEqual({ count: 1 });
    expect((await ok(auditor, 'User', { id: hr }, 'username')).username).toBe('audit.seen');
    const history = await ok(auditor, 'auditTrail', { resource: 'User', id: hr }, 'operation actorName');
    expect(history[0].operation).toBe('create');
    expect(await ok(auditor, 'auditTrail', { resource: 'Organization', id: world.street }, 'operation')).not.toEqual([]);
    // What the audit administrator may do, as the admin shows it: read, and write nothing.
    const perms = await ok(auditor, 'myPermissions', {}, 'role resources { resource readAll create update delete }');
    expect(perms.role).toBe('AUDIT_ADMIN');
    const byName = Object.fromEntries((perms.resources as { resource: string }[]).map((r) => [r.resource, r]));
    expect(byName.LoginEvent).toMatchObject({ readAll: true, create: false });
    expect(byName.UserSession).toMatchObject({ readAll: true, create: false });
    expect(byName.User).toMatchObject({ readAll: true, create: false, update: false, delete: false });
    expect((perms.resources as { create: boolean; update: boolean; delete: boolean }[]).filter((r) => r.create || r.update || r.delete)).toEqual([]);
  });

  it('reads the API tokens by every read the others have (the newest-first list too), and is offered no issue or revoke', async () => {
    const issued = (await ok(server, 'issueApiToken', { name: '审计可见的令牌', scopes: ['Organization'], expiresAt: new Date(Date.now() + 86_400_000).toISOString() }, 'apiToken { id }')).apiToken.id;
    expect((await ok<{ id: string }[]>(auditor, 'apiTokens', {}, 'id'))[0].id).toBe(issued);
    expect((await ok(auditor, 'ApiToken', { id: issued }, 'name')).name).toBe('审计可见的令牌');
    expect((await ok(auditor, 'myPermissions', {}, 'operations')).operations).toEqual(['apiTokens']);
    refusal(await refused(auditor, 'revokeApiToken', { id: issued }), 'FORBIDDEN');
  });

  it('writes nothing: no record, no account, no unlock, no forced sign-out', async () => {
    refusal(await refused(auditor, 'createOrganization', organization()), 'FORBIDDEN');
    refusal(await refused(auditor, 'updateOrganization', { id: world.street, name: '改名' }), 'FORBIDDEN');
    refusal(await refused(auditor, 'createStaffMember', { name: '某人', organizationId: world.street, category: 'ENFORCEMENT' }), 'FORBIDDEN');
    const id = (await ok(server, 'createUser', { username: 'audit.target', role: 'VIEWER', password: 'Initial#2026' })).id;
    refusal(await refused(auditor, 'createUser', { username: 'audit.made', role: 'VIEWER' }), 'FORBIDDEN');
    refusal(await refused(auditor, 'updateUser', { id, role: 'HR' }), 'FORBIDDEN');
    refusal(await refused(auditor, 'setUserPassword', { id, password: 'Reset#2026xy' }), 'FORBIDDEN');
    const locked = await lockedAccount('audit.locked');
    refusal(await refused(auditor, 'unlockUser', { id: locked }), 'FORBIDDEN');
    const token = (await login('audit.target', 'Initial#2026')).data!.login.token;
    const [open] = (await ok(auditor, 'allUserSessions', { filter: { userId: id } }, 'id')) as { id: string }[];
    refusal(await refused(auditor, 'endUserSession', { id: open.id }), 'FORBIDDEN');
    expect(errorCode(await server.as(token).gql('{ me { id } }'))).toBeUndefined();
  });
});

describe('one person, one administrator role', () => {
  it('refuses a second administrator role to a person who holds one, with a field error', async () => {
    const first = (await ok(server, 'createUser', { username: 'zhang.sys', displayName: '张三', role: 'VIEWER' })).id;
    const second = (await ok(server, 'createUser', { username: 'zhang.audit', displayName: '张三', role: 'VIEWER' })).id;
    // The administrator roles are the county-wide administrator's to give (the security administrator gives business roles).
    await ok(server, 'updateUser', { id: first, role: 'SYSTEM_ADMIN' });
    const res = await refused(server, 'updateUser', { id: second, role: 'AUDIT_ADMIN' });
    expect(fieldErrors(res)).toEqual({ role: 'separation' });
    const [error] = onlyError(res).extensions!.fieldErrors as { zh: string; en: string }[];
    expect(error.zh).toMatch(/张三已是系统管理员（账号 zhang\.sys），不能兼任两种管理员/);
    expect(error.en).toMatch(/no one holds two administrator roles/);
    // Nor by the county administrator, nor at creation; a business role, or the same one, is fine.
    expect(fieldErrors(await refused(server, 'createUser', { username: 'zhang.sec', displayName: ' 张三 ', role: 'SECURITY_ADMIN' }))).toEqual({ role: 'separation' });
    await ok(secadmin, 'updateUser', { id: second, role: 'HR' });
    await ok(server, 'createUser', { username: 'zhang.sys2', displayName: '张三', role: 'SYSTEM_ADMIN' });
  });

  it('gives one of two administrator roles, not both, to two accounts of one person given them at once', async () => {
    const ids = [];
    for (const username of ['li.sys', 'li.audit']) ids.push((await ok(server, 'createUser', { username, displayName: '李四', role: 'VIEWER' })).id as string);
    const results = await inFlightTogether(
      server,
      [ids[0], ids[1]].map((id, i) => () => call(server, 'updateUser', { id, role: i ? 'AUDIT_ADMIN' : 'SYSTEM_ADMIN' }, 'role')),
    );
    const losers = results.filter((r) => r.errors);
    expect(losers).toHaveLength(1);
    expect(fieldErrors(losers[0])).toEqual({ role: 'separation' });
    const roles = await Promise.all(ids.map(async (id) => (await ok(server, 'User', { id }, 'role')).role));
    expect(roles.filter((role) => role !== 'VIEWER')).toHaveLength(1);
  });

  it('lets no security administrator change their own role', async () => {
    const me = await ok(secadmin, 'me', {}, 'id');
    expect(fieldErrors(await refused(secadmin, 'updateUser', { id: me.id, role: 'ADMIN' }))).toEqual({ role: 'separation' });
  });
});
