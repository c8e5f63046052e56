import { getApp } from '../../api/app';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { errorCode, fieldErrors, nothingWritten, onlyError, refusal, refused } from '../helpers/expect-errors';

// The identity controls a classified-protection assessment checks: the password policy, forced
// changes, lockout and unlock, the login log, sessions with an idle timeout and forced sign-out.
const { server, world, signedIn } = withWorld();

type Rows<T> = { rows: T[] };
const rows = async <T>(query: string) => ((await server.database.db.execute(query)) as unknown as Rows<T>).rows;

const login = (username: string, password: string, on: TestServer = server) =>
  call(on.as(null), 'login', { username, password }, 'token passwordChange user { id username }');

/** An account an administrator made with a first password, which its user then changed to `password`. */
async function account(username: string, password = 'Chosen#2026x', extra: Record<string, unknown> = {}) {
  const id = (await ok(server, 'createUser', { username, role: 'HR', organizationId: world.street, password: 'Initial#2026', ...extra })).id as string;
  const first = (await login(username, 'Initial#2026')).data!.login;
  const changed = await ok(server.as(first.token), 'changeMyPassword', { currentPassword: 'Initial#2026', newPassword: password }, 'token passwordChange');
  expect(changed.passwordChange).toBeNull();
  return { id, token: changed.token as string };
}

describe('password policy', () => {
  it('refuses a short password, one of too few kinds of character, and one containing the username, in both languages, writing nothing', async () => {
    const { id } = await account('policy.one');
    const cases: [string, RegExp][] = [
      ['Ab#1', /至少 8 位/],
      ['alllowercase', /至少 3 类/],
      ['lower-and-symbols', /至少 3 类/],
      ['12345678', /至少 3 类/],
      ['xPOLICY.ONE#9', /不能包含用户名/],
    ];
    for (const [password, zh] of cases) {
      const res = await refused(server, 'setUserPassword', { id, password });
      expect(fieldErrors(res)).toEqual({ password: 'password' });
      const [error] = onlyError(res).extensions!.fieldErrors as { zh: string; en: string }[];
      expect(error.zh).toMatch(zh);
      expect(error.en).toMatch(/[A-Za-z]/);
    }
    // The same policy when an administrator creates an account with its first password.
    const res = await refused(server, 'createUser', { username: 'policy.new', role: 'VIEWER', password: 'policy.new1A' });
    expect(fieldErrors(res)).toEqual({ password: 'password' });
  });

  it('makes the user change a password an administrator set, serving nothing else until then', async () => {
    const id = (await ok(server, 'createUser', { username: 'policy.first', role: 'HR', organizationId: world.street, password: 'Initial#2026' })).id;
    const session = (await login('policy.first', 'Initial#2026')).data!.login;
    expect(session.passwordChange).toBe('SET_BY_ADMINISTRATOR');
    const user = server.as(session.token);
    // Its account and what it may do are served; a record list is not, nor a file.
    expect((await ok(user, 'me', {}, 'username mustChangePassword')).mustChangePassword).toBe(true);
    const list = await user.gql('{ allOrganizations { id } }');
    expect(refusal(list, 'FORBIDDEN').extensions).toMatchObject({ reason: 'PASSWORD_CHANGE_REQUIRED', passwordChange: 'SET_BY_ADMINISTRATOR' });
    // Nor the records its account links to, asked through `me`, directly or in a fragment.
    for (const query of [
      '{ me { organization { staffMembers { name mobile } } } }',
      '{ me { ...Org } } fragment Org on User { organization { id } }',
      '{ me { _loginEventsMeta { count } } }',
    ]) {
      expect(refusal(await user.gql(query), 'FORBIDDEN').extensions).toMatchObject({ reason: 'PASSWORD_CHANGE_REQUIRED' });
    }
    const file = await fetch(server.url.replace('/graphql', '/export/Organization'), { headers: { authorization: `Bearer ${session.token}` } });
    expect(file.status).toBe(403);
    // A wrong current password, and the same password again, are refused.
    const wrong = await call(user, 'changeMyPassword', { currentPassword: 'nope', newPassword: 'Fresh#2026x' }, 'token');
    expect(fieldErrors(wrong)).toEqual({ currentPassword: 'password' });
    const same = await call(user, 'changeMyPassword', { currentPassword: 'Initial#2026', newPassword: 'Initial#2026' }, 'token');
    expect(fieldErrors(same)).toEqual({ newPassword: 'history' });
    // Changed: a new session serves everything; the old one has ended.
    const changed = await ok(user, 'changeMyPassword', { currentPassword: 'Initial#2026', newPassword: 'Fresh#2026x' }, 'token passwordChange');
    expect(changed.passwordChange).toBeNull();
    expect(errorCode(await server.as(changed.token).gql('{ allOrganizations { id } }'))).toBeUndefined();
    expect(errorCode(await user.gql('{ me { id } }'))).toBe('UNAUTHENTICATED');
    // An administrator's reset asks for a change again.
    await ok(server, 'setUserPassword', { id, password: 'Reset#2026xy' });
    expect((await login('policy.first', 'Reset#2026xy')).data!.login.passwordChange).toBe('SET_BY_ADMINISTRATOR');
  });

  it('refuses any of the last five passwords', async () => {
    const { token } = await account('policy.history', 'Pass#0001a');
    let current = 'Pass#0001a';
    let session = token;
    const change = async (next: string) => call(server.as(session), 'changeMyPassword', { currentPassword: current, newPassword: next }, 'token');
    for (const next of ['Pass#0002a', 'Pass#0003a', 'Pass#0004a', 'Pass#0005a']) {
      const res = await change(next);
      expect(res.errors).toBeUndefined();
      session = res.data!.changeMyPassword.token;
      current = next;
    }
    // Pass#0001a is the fifth before the current one; the first password (Initial#2026) the sixth.
    const res = await change('Pass#0001a');
    expect(fieldErrors(res)).toEqual({ newPassword: 'history' });
    expect((onlyError(res).extensions!.fieldErrors as { zh: string }[])[0].zh).toMatch(/最近 5 次/);
    expect((await change('Initial#2026')).errors).toBeUndefined();
  });

  it('asks for a change once the password is older than the policy allows', async () => {
    await account('policy.old');
    await server.database.db.execute(`update users set password_changed_at = now() - interval '91 days' where username = 'policy.old'`);
    const session = (await login('policy.old', 'Chosen#2026x')).data!.login;
    expect(session.passwordChange).toBe('EXPIRED');
    const res = await server.as(session.token).gql('{ allOrganizations { id } }');
    expect(refusal(res, 'FORBIDDEN').extensions).toMatchObject({ reason: 'PASSWORD_CHANGE_REQUIRED', passwordChange: 'EXPIRED' });
    expect(refusal(res, 'FORBIDDEN').extensions!.messages.zh).toMatch(/已过期/);
  });

  // Two connections are needed for a sign-in to overlap a password change (PGlite has one).
  if (process.env.TEST_DRIVER === 'pg') it('starts no session on the old password while a change of it is being committed', async () => {
    await account('policy.race', 'Before#2026x');
    const [{ last }] = await rows<{ last: number }>(`select coalesce(max(id), 0) as last from user_sessions`);
    const changing = server.database.db.transaction(async (tx) => {
      // A change in progress: the row is locked and holds the new hash until the commit.
      await tx.execute(`update users set password_hash = 'changed', sessions_valid_from = now() where username = 'policy.race'`);
      const signingIn = login('policy.race', 'Before#2026x');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // Wrapped: the transaction must commit without waiting for the sign-in it holds up.
      return { signingIn };
    });
    const res = await (await changing).signingIn;
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(await rows(`select id from user_sessions where id > ${Number(last)}`)).toEqual([]);
  });
});

describe('lockout and unlock', () => {
  it('locks an account after 5 failures, logs it, and an administrator unlocks it', async () => {
    const { id } = await account('lock.me');
    for (let i = 0; i < 5; i++) expect(errorCode(await login('lock.me', `Wrong#${i}xyz`))).toBe('UNAUTHENTICATED');
    const locked = onlyError(await login('lock.me', 'Chosen#2026x'));
    expect(locked.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'ACCOUNT_LOCKED', messages: { zh: expect.stringMatching(/已锁定/), en: expect.stringMatching(/locked/) } });
    expect(await ok(server, 'userLocked', { id })).toBe(true);
    const [last] = await rows<{ reason: string; result: string }>(`select reason, result from login_events where username = 'lock.me' order by id desc limit 1`);
    expect(last).toEqual({ reason: 'ACCOUNT_LOCKED', result: 'FAILED' });
    // Not by anyone else: another role, or a user for themselves.
    const hr = await signedIn('HR');
    expect(refusal(await refused(hr, 'unlockUser', { id }), 'FORBIDDEN').extensions!.messages.zh).toMatch(/系统管理员/);
    const unlocked = await ok(server, 'unlockUser', { id }, 'username');
    expect(unlocked.username).toBe('lock.me');
    expect(await ok(server, 'userLocked', { id })).toBe(false);
    expect((await login('lock.me', 'Chosen#2026x')).data!.login.user.username).toBe('lock.me');
    // The unlock is in the account's history; unlocking an account that is not locked is refused.
    const history = await ok(server, 'auditTrail', { resource: 'User', id }, 'changes');
    expect(history.some((e: { changes: object }) => 'locked' in e.changes)).toBe(true);
    expect(refusal(await refused(server, 'unlockUser', { id }), 'CONFLICT').extensions!.messages.zh).toMatch(/未被锁定/);
  });
});

describe('login log', () => {
  it('logs every attempt with its result and reason, never the password', async () => {
    await account('log.me');
    await login('log.me', 'Secret#Typed1');
    await login('log.nobody', 'Secret#Typed2');
    await login('log.me', 'Chosen#2026x');
    await ok(server, 'createUser', { username: 'log.off', role: 'VIEWER', active: false, password: 'Initial#2026' });
    await login('log.off', 'Initial#2026');
    const events = await ok(server, 'allLoginEvents', { filter: { q: 'log.' }, sortField: 'id', sortOrder: 'ASC', perPage: 100 }, 'username result reason address userAgent user { username }');
    const seen = events.map((e: { username: string; result: string; reason: string }) => [e.username, e.result, e.reason]);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['log.me', 'FAILED', 'WRONG_PASSWORD'],
        ['log.nobody', 'FAILED', 'UNKNOWN_USER'],
        ['log.me', 'SUCCEEDED', 'SIGNED_IN'],
        ['log.off', 'FAILED', 'DISABLED'],
      ]),
    );
    expect(events.find((e: { username: string }) => e.username === 'log.nobody').user).toBeNull();
    expect(events[0].address).toBeTruthy();
    expect(events[0].userAgent).toBeTruthy();
    const dump = JSON.stringify(await rows(`select to_jsonb(x) as j from login_events x`));
    expect(dump).not.toMatch(/Secret#Typed|Chosen#2026x/);
  });

  it('has a read-only grammar: no one creates, changes or deletes an entry', async () => {
    const mutations = Object.keys(getApp().schema.getMutationType()!.getFields());
    for (const name of ['LoginEvent', 'UserSession']) {
      const plural = `${name}s`;
      for (const m of [`create${name}`, `update${name}`, `delete${name}`, `update${plural}`, `delete${plural}`]) expect(mutations).not.toContain(m);
    }
    const permissions = await ok(server, 'myPermissions', {}, 'resources { resource readAll create update delete }');
    const entry = permissions.resources.find((r: { resource: string }) => r.resource === 'LoginEvent');
    expect(entry).toEqual({ resource: 'LoginEvent', readAll: true, create: false, update: false, delete: false });
    // A spreadsheet import is refused as well.
    const form = new FormData();
    form.append('file', new Blob(['username\nx\n'], { type: 'text/csv' }), 'log.csv');
    const res = await nothingWritten(server, () => fetch(server.url.replace('/graphql', '/import/LoginEvent'), { method: 'POST', headers: { authorization: `Bearer ${server.adminToken}` }, body: form }));
    expect(res.status).toBe(403);
  });

  it('shows administrators every entry and anyone else only their own', async () => {
    const { token } = await account('log.own');
    const own = await ok(server.as(token), 'allLoginEvents', { perPage: 100 }, 'username');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((e: { username: string }) => e.username === 'log.own')).toBe(true);
    const all = await ok(server, 'allLoginEvents', { perPage: 100 }, 'username');
    expect(new Set(all.map((e: { username: string }) => e.username)).size).toBeGreaterThan(1);
  });
});

describe('sessions', () => {
  it('lists a sign-in as online, and an administrator’s forced sign-out ends it at its next request', async () => {
    // Its one open session is the one its password change answered with.
    const { id, token } = await account('session.forced');
    const user = server.as(token);
    expect(errorCode(await user.gql('{ me { id } }'))).toBeUndefined();
    const open = await ok(server, 'allUserSessions', { filter: { userId: id, online: true } }, 'id address userAgent online');
    expect(open).toHaveLength(1);
    const ended = await ok(server, 'endUserSession', { id: open[0].id }, 'online endedBy');
    expect(ended).toEqual({ online: false, endedBy: 'FORCED' });
    const refusedNow = refusal(await user.gql('{ me { id } }'), 'UNAUTHENTICATED');
    expect(refusedNow.extensions).toMatchObject({ reason: 'SESSION_ENDED' });
    expect(refusal(await refused(server, 'endUserSession', { id: open[0].id }), 'CONFLICT').extensions!.messages.zh).toMatch(/已结束/);
  });

  it('lets a user end only their own sessions, and sign out', async () => {
    const { token } = await account('session.own');
    const other = (await account('session.other')).token;
    const [mine] = await ok(server.as(token), 'allUserSessions', { filter: { online: true } }, 'id user { username }');
    expect(mine.user.username).toBe('session.own');
    // Another account's session is not even known to them.
    const [theirs] = await ok(server.as(other), 'allUserSessions', { filter: { online: true } }, 'id');
    expect(errorCode(await refused(server.as(token), 'endUserSession', { id: theirs.id }))).toBe('NOT_FOUND');
    // A street administrator does not end county sessions either.
    const streetAdmin = await signedIn('ADMIN', world.street);
    expect(errorCode(await call(streetAdmin, 'endUserSession', { id: theirs.id }))).toBe('NOT_FOUND');
    expect(await ok(server.as(token), 'logout', {})).toBe(true);
    expect(refusal(await server.as(token).gql('{ me { id } }'), 'UNAUTHENTICATED').extensions).toMatchObject({ reason: 'SESSION_ENDED' });
    expect(errorCode(await server.as(other).gql('{ me { id } }'))).toBeUndefined();
  });

  it('ends a session idle longer than the timeout, whatever its lifetime', async () => {
    await account('session.idle');
    const session = (await login('session.idle', 'Chosen#2026x')).data!.login;
    await server.database.db.execute(`update user_sessions set last_seen_at = now() - interval '31 minutes' where id = (select max(id) from user_sessions)`);
    const res = refusal(await server.as(session.token).gql('{ me { id } }'), 'UNAUTHENTICATED');
    expect(res.extensions).toMatchObject({ reason: 'IDLE_TIMEOUT', messages: { zh: expect.stringMatching(/30 分钟未操作/), en: expect.stringMatching(/30 minutes/) } });
    const [row] = await rows<{ ended_by: string }>(`select ended_by from user_sessions where id = (select max(id) from user_sessions)`);
    expect(row.ended_by).toBe('IDLE');
  });

  it('ends a session on every instance at its next request', async () => {
    const other = await startTestServer({ sharing: server });
    try {
      const { id, token } = await account('session.everywhere');
      const session = { token };
      // Served once by the other instance, which keeps the session in memory from then on.
      expect(errorCode(await other.as(session.token).gql('{ me { id } }'))).toBeUndefined();
      expect(errorCode(await other.as(session.token).gql('{ me { id } }'))).toBeUndefined();
      const open = await ok(server, 'allUserSessions', { filter: { userId: id, online: true } }, 'id');
      expect(open).toHaveLength(1);
      await ok(server, 'endUserSession', { id: open[0].id }, 'id');
      // The notice reaches the other instance on commit; allow it a moment.
      let code: string | undefined;
      for (let i = 0; i < 50 && code !== 'UNAUTHENTICATED'; i++) {
        code = errorCode(await other.as(session.token).gql('{ me { id } }'));
        if (code !== 'UNAUTHENTICATED') await new Promise((r) => setTimeout(r, 100));
      }
      expect(code).toBe('UNAUTHENTICATED');
    } finally {
      await other.stop();
    }
  });
});
