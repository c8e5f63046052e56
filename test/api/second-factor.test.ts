import { type TOTP, URI } from 'otpauth';
import { config } from '../../api/config';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { errorCode, fieldErrors, onlyError, refusal, refused } from '../helpers/expect-errors';
import { sealStoredSecrets, unseal } from '../../api/auth/sealed-secret';

// The second factor (TOTP, RFC 6238) and recovery codes, the two-step sign-in, the enrolment an
// administrator's role requires, and one session per account (SINGLE_SESSION).
const { server, world, signedIn } = withWorld();

type Rows<T> = { rows: T[] };
const rows = async <T>(query: string) => ((await server.database.db.execute(query)) as unknown as Rows<T>).rows;

const login = (username: string, password: string) => call(server.as(null), 'login', { username, password }, 'token secondFactorEnrolment user { id username }');
const second = (challenge: string, code: string) => call(server.as(null), 'loginSecondFactor', { challenge, code }, 'token user { username }');

/** An account whose user chose `password` (after the administrator's first one). */
async function account(username: string, role = 'HR', password = 'Chosen#2026x') {
  const id = (await ok(server, 'createUser', { username, role, organizationId: role === 'HR' ? world.street : null, password: 'Initial#2026' })).id as string;
  const first = (await login(username, 'Initial#2026')).data!.login;
  const changed = await ok(server.as(first.token), 'changeMyPassword', { currentPassword: 'Initial#2026', newPassword: password }, 'token');
  return { id, token: changed.token as string, password };
}

/** Enrols the signed-in account: scans the QR code's URI as an authenticator app would, and confirms with its code. */
async function enrol(as: TestServer): Promise<{ totp: TOTP; recoveryCodes: string[]; confirmedWith: string }> {
  const started = await ok(as, 'startSecondFactorEnrolment', {}, 'uri qrCode secret');
  expect(started.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
  expect(Buffer.from(started.qrCode.split(',')[1], 'base64').toString()).toMatch(/<svg/);
  const totp = URI.parse(started.uri) as TOTP;
  expect(totp.secret.base32).toBe(started.secret);
  // A wrong code does not turn it on.
  const wrong = await call(as, 'confirmSecondFactorEnrolment', { code: totp.generate({ timestamp: Date.now() - 5 * 60_000 }) }, 'codes');
  expect(fieldErrors(wrong)).toEqual({ code: 'secondFactor' });
  const confirmedWith = totp.generate();
  const confirmed = await ok(as, 'confirmSecondFactorEnrolment', { code: confirmedWith }, 'codes');
  return { totp, recoveryCodes: confirmed.codes, confirmedWith };
}

/** The first step of a sign-in with a second factor: no session, a challenge. */
async function challengeFor(username: string, password = 'Chosen#2026x'): Promise<string> {
  const res = await login(username, password);
  const error = refusal(res, 'UNAUTHENTICATED');
  expect(error.extensions).toMatchObject({ reason: 'SECOND_FACTOR_REQUIRED', messages: { zh: expect.stringMatching(/动态验证码/) } });
  return error.extensions!.challenge as string;
}

const sessionsOf = async (username: string) =>
  Number((await rows<{ n: string }>(`select count(*) as n from user_sessions s join users u on u.id = s.user_id where u.username = '${username}'`))[0].n);

describe('second factor (TOTP)', () => {
  it('enrols with a QR code and a confirming code, then asks the code after the password, with no session before it', async () => {
    const { id, token } = await account('totp.one');
    const { totp, recoveryCodes } = await enrol(server.as(token));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    // Stored hashed only: neither the codes nor the secret are readable, and the account says it is on.
    const [stored] = await rows<{ recovery_code_hashes: string[] }>(`select recovery_code_hashes from users where id = ${id}`);
    expect(stored.recovery_code_hashes.some((h) => recoveryCodes.includes(h))).toBe(false);
    // The secret is kept sealed (the authenticator's secret appears nowhere in the row), and opens with the server's key.
    const [row] = await rows<{ totp_secret: string; row: string }>(`select totp_secret, to_jsonb(u)::text as row from users u where id = ${id}`);
    expect(row.row).not.toContain(totp.secret.base32);
    expect(row.totp_secret).toMatch(/^v1\./);
    expect(unseal(row.totp_secret, Number(id))).toBe(totp.secret.base32);
    // Bound to the account: the same value does not open as another's.
    expect(unseal(row.totp_secret, Number(id) + 1)).toBeNull();
    expect((await ok(server, 'User', { id }, 'totpEnabledAt')).totpEnabledAt).not.toBeNull();
    expect(errorCode(await server.gql(`{ User(id: ${id}) { totpSecret } }`))).toBeDefined();
    // Enrolling again is refused while it is on.
    expect(refusal(await refused(server.as(token), 'startSecondFactorEnrolment', {}), 'CONFLICT').extensions!.messages.zh).toMatch(/已绑定/);
    // The enrolment is in the account's history.
    expect((await ok(server, 'auditTrail', { resource: 'User', id }, 'changes')).some((e: { changes: object }) => 'secondFactor' in e.changes)).toBe(true);

    const before = await sessionsOf('totp.one');
    const challenge = await challengeFor('totp.one');
    expect(await sessionsOf('totp.one')).toBe(before);
    // The challenge is no session token.
    expect(errorCode(await server.as(challenge).gql('{ me { id } }'))).toBe('UNAUTHENTICATED');
    const signed = await ok(server.as(null), 'loginSecondFactor', { challenge, code: totp.generate({ timestamp: Date.now() + 30_000 }) }, 'token user { username }');
    expect(signed.user.username).toBe('totp.one');
    expect((await ok(server.as(signed.token), 'me', {}, 'username')).username).toBe('totp.one');
    expect(await sessionsOf('totp.one')).toBe(before + 1);
    const [last] = await rows<{ result: string; reason: string }>(`select result, reason from login_events where username = 'totp.one' order by id desc limit 1`);
    expect(last).toEqual({ result: 'SUCCEEDED', reason: 'SIGNED_IN' });
    // A forged or unknown challenge is refused.
    expect(onlyError(await second('not-a-challenge', totp.generate())).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'CHALLENGE_EXPIRED' });
  });

  it('takes a code of the next or previous time step, never one further off, and each step once', async () => {
    const { token } = await account('totp.steps');
    const { totp, confirmedWith } = await enrol(server.as(token));
    // The enrolment spent its code's step: that code again is refused (once only).
    expect(onlyError(await second(await challengeFor('totp.steps'), confirmedWith)).extensions).toMatchObject({ reason: 'WRONG_SECOND_FACTOR' });
    // Two steps ahead or behind: refused.
    expect(errorCode(await second(await challengeFor('totp.steps'), totp.generate({ timestamp: Date.now() - 90_000 })))).toBe('UNAUTHENTICATED');
    expect(errorCode(await second(await challengeFor('totp.steps'), totp.generate({ timestamp: Date.now() + 90_000 })))).toBe('UNAUTHENTICATED');
    // The next step (a phone's clock a little ahead): taken, once.
    const next = totp.generate({ timestamp: Date.now() + 30_000 });
    expect((await second(await challengeFor('totp.steps'), next)).data?.loginSecondFactor.user.username).toBe('totp.steps');
    expect(errorCode(await second(await challengeFor('totp.steps'), next))).toBe('UNAUTHENTICATED');
    const reasons = await rows<{ reason: string }>(`select reason from login_events where username = 'totp.steps' and result = 'FAILED'`);
    expect(reasons.map((r) => r.reason)).toEqual(Array(4).fill('WRONG_SECOND_FACTOR'));
  });

  it('seals a secret stored before sealing at the start, which still signs in; a sealed secret altered in the database no longer opens', async () => {
    const { id } = await account('totp.legacy');
    const { totp } = await enrol(server.as((await login('totp.legacy', 'Chosen#2026x')).data!.login.token));
    // As an earlier release stored it: the secret itself.
    await server.database.db.execute(`update users set totp_secret = '${totp.secret.base32}' where id = ${id}`);
    expect(await sealStoredSecrets(server.database.db)).toBe(1);
    expect(await sealStoredSecrets(server.database.db)).toBe(0);
    const [sealed] = await rows<{ totp_secret: string }>(`select totp_secret from users where id = ${id}`);
    expect(sealed.totp_secret).not.toContain(totp.secret.base32);
    expect((await ok(server.as(null), 'loginSecondFactor', { challenge: await challengeFor('totp.legacy'), code: totp.generate({ timestamp: Date.now() + 30_000 }) }, 'user { username }')).user.username).toBe('totp.legacy');
    // One character of the sealed value changed: the right code is refused, as a wrong one.
    const last = sealed.totp_secret.at(-1) === 'A' ? 'B' : 'A';
    // (The last step used is forgotten too, so the code given now would be accepted by the right secret.)
    await server.database.db.execute(`update users set totp_secret = '${sealed.totp_secret.slice(0, -1)}${last}', totp_last_step = null where id = ${id}`);
    expect(unseal(`${sealed.totp_secret.slice(0, -1)}${last}`, Number(id))).toBeNull();
    const res = await second(await challengeFor('totp.legacy'), totp.generate());
    expect(onlyError(res).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'WRONG_SECOND_FACTOR' });
    // Nor is a secret written into the database unsealed once the server has started.
    await server.database.db.execute(`update users set totp_secret = '${totp.secret.base32}', totp_last_step = null where id = ${id}`);
    expect(onlyError(await second(await challengeFor('totp.legacy'), totp.generate())).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'WRONG_SECOND_FACTOR' });
  });

  it('counts wrong codes as failed sign-ins: the account locks', async () => {
    const { token } = await account('totp.lock');
    const { totp } = await enrol(server.as(token));
    const challenge = await challengeFor('totp.lock');
    for (let i = 0; i < 5; i++) {
      const res = await second(challenge, String((Number(totp.generate()) + 1 + i) % 1_000_000).padStart(6, '0'));
      expect(onlyError(res).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'WRONG_SECOND_FACTOR', messages: { zh: expect.stringMatching(/验证码/), en: expect.stringMatching(/code/) } });
    }
    // Locked: the right code no longer helps, nor the password.
    expect(onlyError(await second(challenge, totp.generate({ timestamp: Date.now() + 30_000 }))).extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'ACCOUNT_LOCKED' });
    expect(onlyError(await login('totp.lock', 'Chosen#2026x')).extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'ACCOUNT_LOCKED' });
  });

  it('signs in with a recovery code once, in place of a code', async () => {
    const { token } = await account('totp.recovery');
    const { recoveryCodes } = await enrol(server.as(token));
    const [code] = recoveryCodes;
    const signed = await second(await challengeFor('totp.recovery'), code.toLowerCase());
    expect(signed.data?.loginSecondFactor.user.username).toBe('totp.recovery');
    const [last] = await rows<{ reason: string }>(`select reason from login_events where username = 'totp.recovery' order by id desc limit 1`);
    expect(last.reason).toBe('RECOVERY_CODE');
    expect(onlyError(await second(await challengeFor('totp.recovery'), code)).extensions).toMatchObject({ reason: 'WRONG_SECOND_FACTOR' });
    // Another one still works.
    expect((await second(await challengeFor('totp.recovery'), recoveryCodes[1])).data?.loginSecondFactor.user.username).toBe('totp.recovery');
  });

  it('voids a challenge when the password changes after it', async () => {
    const { token } = await account('totp.voided');
    const { totp } = await enrol(server.as(token));
    const challenge = await challengeFor('totp.voided');
    await ok(server.as(token), 'changeMyPassword', { currentPassword: 'Chosen#2026x', newPassword: 'Other#2026xy' }, 'token');
    expect(onlyError(await second(challenge, totp.generate({ timestamp: Date.now() + 30_000 }))).extensions).toMatchObject({ reason: 'CHALLENGE_EXPIRED' });
  });

  it('lets the security administrator alone disable a second factor, audited', async () => {
    const { id, token } = await account('totp.lost');
    await enrol(server.as(token));
    // Administrators spared the enrolment here (as the demo's are): this is about who may disable.
    const exempt = async (role: string) => {
      const as = await signedIn(role);
      await server.database.db.execute(`update users set second_factor_exempt = true where role = '${role}'`);
      return as;
    };
    const secadmin = await exempt('SECURITY_ADMIN');
    for (const role of ['HR', 'SYSTEM_ADMIN', 'AUDIT_ADMIN']) {
      const res = await refused(await exempt(role), 'disableSecondFactor', { id });
      expect(refusal(res, 'FORBIDDEN').extensions!.messages.zh).toMatch(/安全管理员/);
    }
    // Nor oneself.
    expect(errorCode(await call(server.as(token), 'disableSecondFactor', { id }))).toBe('FORBIDDEN');
    expect((await ok(secadmin, 'disableSecondFactor', { id }, 'totpEnabledAt')).totpEnabledAt).toBeNull();
    const history = await ok(server, 'auditTrail', { resource: 'User', id }, 'actorName changes');
    expect(history.at(-1).changes).toEqual({ secondFactor: [true, false] });
    expect(history.at(-1).actorName).toMatch(/security-admin/);
    // The password alone signs in again; disabling twice is refused.
    expect((await login('totp.lost', 'Chosen#2026x')).data?.login.user.username).toBe('totp.lost');
    expect(errorCode(await call(secadmin, 'disableSecondFactor', { id }))).toBe('CONFLICT');
  });
});

describe('an administrator without a second factor', () => {
  it('is confined to enrolling one, as a password change confines', async () => {
    const username = 'three.secadmin';
    await ok(server, 'createUser', { username, role: 'SECURITY_ADMIN', password: 'Initial#2026' });
    const first = (await login(username, 'Initial#2026')).data!.login;
    const session = await ok(server.as(first.token), 'changeMyPassword', { currentPassword: 'Initial#2026', newPassword: 'Chosen#2026x' }, 'token secondFactorEnrolment');
    expect(session.secondFactorEnrolment).toBe(true);
    const admin = server.as(session.token);
    expect((await login(username, 'Chosen#2026x')).data!.login.secondFactorEnrolment).toBe(true);
    for (const query of ['{ allOrganizations { id } }', '{ allLoginEvents { id } }', '{ me { organization { id } } }']) {
      expect(refusal(await admin.gql(query), 'FORBIDDEN').extensions).toMatchObject({ reason: 'SECOND_FACTOR_ENROLMENT_REQUIRED', messages: { zh: expect.stringMatching(/动态验证码/) } });
    }
    const file = await fetch(server.url.replace('/graphql', '/export/Organization'), { headers: { authorization: `Bearer ${session.token}` } });
    expect(file.status).toBe(403);
    expect((await ok(admin, 'me', {}, 'username')).username).toBe(username);
    // Enrolled: everything its role reaches is served, and the next sign-in asks the code.
    const { totp } = await enrol(admin);
    expect(errorCode(await admin.gql('{ allOrganizations { id } }'))).toBeUndefined();
    const signed = await second(await challengeFor(username), totp.generate({ timestamp: Date.now() + 30_000 }));
    expect(errorCode(await server.as(signed.data!.loginSecondFactor.token).gql('{ allLoginEvents { id } }'))).toBeUndefined();
  });

  it('is lifted on every instance at the next request once enrolled on one', async () => {
    const other = await startTestServer({ sharing: server });
    try {
      const username = 'three.elsewhere';
      await ok(server, 'createUser', { username, role: 'SECURITY_ADMIN', password: 'Initial#2026' });
      const first = (await login(username, 'Initial#2026')).data!.login;
      const token = (await ok(server.as(first.token), 'changeMyPassword', { currentPassword: 'Initial#2026', newPassword: 'Chosen#2026x' }, 'token')).token as string;
      // The other instance serves the account, confined to enrolling, and keeps it in memory.
      for (let i = 0; i < 2; i++) refusal(await other.as(token).gql('{ allOrganizations { id } }'), 'FORBIDDEN');
      await enrol(server.as(token));
      // The notice reaches the other instance on commit; allow it a moment.
      let code: string | undefined = 'FORBIDDEN';
      for (let i = 0; i < 50 && code !== undefined; i++) {
        code = errorCode(await other.as(token).gql('{ allOrganizations { id } }'));
        if (code !== undefined) await new Promise((r) => setTimeout(r, 100));
      }
      expect(code).toBeUndefined();
    } finally {
      await other.stop();
    }
  });

  it('is not asked of a business role, nor of the demo’s exempt administrators', async () => {
    const hr = await account('plain.hr');
    expect(errorCode(await server.as(hr.token).gql('{ allOrganizations { id } }'))).toBeUndefined();
    await ok(server, 'createUser', { username: 'exempt.auditor', role: 'AUDIT_ADMIN', password: 'Initial#2026' });
    await server.database.db.execute(`update users set second_factor_exempt = true where username = 'exempt.auditor'`);
    const first = (await login('exempt.auditor', 'Initial#2026')).data!.login;
    expect(first.secondFactorEnrolment).toBe(false);
  });
});

describe('one session per account (SINGLE_SESSION)', () => {
  afterEach(() => {
    config.singleSession = false;
  });

  it('keeps older sessions by default', async () => {
    await account('many.sessions');
    const a = (await login('many.sessions', 'Chosen#2026x')).data!.login.token;
    await login('many.sessions', 'Chosen#2026x');
    expect(errorCode(await server.as(a).gql('{ me { id } }'))).toBeUndefined();
  });

  it('ends the older sessions at a newer sign-in when on', async () => {
    await account('one.session');
    config.singleSession = true;
    const a = (await login('one.session', 'Chosen#2026x')).data!.login.token;
    const b = (await login('one.session', 'Chosen#2026x')).data!.login.token;
    expect(refusal(await server.as(a).gql('{ me { id } }'), 'UNAUTHENTICATED').extensions).toMatchObject({ reason: 'SESSION_ENDED' });
    expect(errorCode(await server.as(b).gql('{ me { id } }'))).toBeUndefined();
    const open = await rows<{ ended_by: string | null }>(
      `select s.ended_by from user_sessions s join users u on u.id = s.user_id where u.username = 'one.session' order by s.id`,
    );
    expect(open.at(-1)!.ended_by).toBeNull();
    expect(open.slice(0, -1).every((s) => s.ended_by !== null)).toBe(true);
    expect(open.at(-2)!.ended_by).toBe('REPLACED');
  });
});
