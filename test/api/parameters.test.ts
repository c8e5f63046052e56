import { startTestServer, type TestServer } from '../helpers/test-server';
import { call, ok } from '../helpers/operations';
import { withoutSecondFactor, withWorld } from '../helpers/fixtures';
import { errorCode, fieldErrors, nothingWritten, onlyError, refusal, refused } from '../helpers/expect-errors';

// Parameters (参数设置): the rule figures the system administrator changes while the system runs,
// checked per parameter, audited, and in force from the next request on every instance.
const { server, world, signedIn } = withWorld();

withoutSecondFactor();

const FIELDS = 'id key value defaultValue unit minimum maximum changedById';

/** A quota of ten places with nobody on it: its vacancy rate (100%) is above any cap below 1. */
let quota: string;
beforeAll(async () => {
  quota = (await ok(server, 'createStaffingQuota', { organizationId: world.street, category: 'ADMINISTRATIVE', year: 2026, approvedCount: 10 })).id;
});
const aboveCap = async (on: TestServer = server) => (await ok(on, 'StaffingQuota', { id: quota }, 'aboveVacancyCap')).aboveVacancyCap as boolean;

describe('changing a parameter', () => {
  it('takes effect on the next request, shows its default and unit, names who changed it, and a reset restores the default', async () => {
    const sysadmin = await signedIn('SYSTEM_ADMIN');
    const me = (await ok(sysadmin, 'me', {}, 'id')).id;
    expect(await aboveCap()).toBe(true);
    const created = await ok(sysadmin, 'createSystemParameter', { key: 'VACANCY_RATE_CAP', value: 1 }, FIELDS);
    expect(created).toMatchObject({ key: 'VACANCY_RATE_CAP', value: 1, defaultValue: 0.2, unit: 'RATIO', minimum: 0, maximum: 1, changedById: me });
    expect(await aboveCap()).toBe(false);
    // Reset to the default: the override deleted.
    await ok(sysadmin, 'deleteSystemParameter', { id: created.id });
    expect(await aboveCap()).toBe(true);
  });

  it('lowers the lockout threshold for the next sign-ins', async () => {
    const secadmin = await signedIn('SECURITY_ADMIN');
    await ok(server, 'createUser', { username: 'param.lock', role: 'HR', organizationId: world.street, password: 'Initial#2026' });
    const login = (password: string) => call(server.as(null), 'login', { username: 'param.lock', password }, 'token');
    const threshold = await ok(secadmin, 'createSystemParameter', { key: 'LOGIN_MAX_FAILURES', value: 2 });
    try {
      for (let i = 0; i < 2; i++) expect(errorCode(await login(`Wrong#${i}xyz`))).toBe('UNAUTHENTICATED');
      // Locked after two failures (five by default), even with the right password.
      expect(onlyError(await login('Initial#2026')).extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'ACCOUNT_LOCKED' });
      // Raised again: a lock already set lasts its time (or until the security administrator lifts
      // it); another name's two failures no longer lock it.
      await ok(secadmin, 'updateSystemParameter', { id: threshold.id, value: 3 });
      expect(onlyError(await login('Initial#2026')).extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'ACCOUNT_LOCKED' });
      await ok(server, 'createUser', { username: 'param.lock2', role: 'HR', organizationId: world.street, password: 'Initial#2026' });
      const other = (password: string) => call(server.as(null), 'login', { username: 'param.lock2', password }, 'token');
      for (let i = 0; i < 2; i++) expect(errorCode(await other(`Wrong#${i}xyz`))).toBe('UNAUTHENTICATED');
      expect(errorCode(await other('Initial#2026'))).toBeUndefined();
    } finally {
      await ok(secadmin, 'deleteSystemParameter', { id: threshold.id });
    }
  });

  it('sets how long a lock lasts, from the failure that sets it', async () => {
    const secadmin = await signedIn('SECURITY_ADMIN');
    const lockedFor = async (username: string) => {
      await ok(server, 'createUser', { username, role: 'HR', organizationId: world.street, password: 'Initial#2026' });
      const login = (password: string) => call(server.as(null), 'login', { username, password }, 'token');
      for (let i = 0; i < 5; i++) expect(errorCode(await login(`Wrong#${i}xyz`))).toBe('UNAUTHENTICATED');
      const locked = onlyError(await login('Initial#2026')).extensions!;
      expect(locked).toMatchObject({ code: 'RATE_LIMITED', reason: 'ACCOUNT_LOCKED' });
      return locked.retryAfterSeconds as number;
    };
    // Fifteen minutes by default.
    expect(await lockedFor('param.lock15')).toBeGreaterThan(14 * 60);
    const minutes = await ok(secadmin, 'createSystemParameter', { key: 'LOGIN_LOCK_MINUTES', value: 2 });
    try {
      const seconds = await lockedFor('param.lock2min');
      expect(seconds).toBeGreaterThan(60);
      expect(seconds).toBeLessThanOrEqual(120);
    } finally {
      await ok(secadmin, 'deleteSystemParameter', { id: minutes.id });
    }
  });

  it('shortens the idle timeout for sessions already open', async () => {
    const secadmin = await signedIn('SECURITY_ADMIN');
    await ok(server, 'createUser', { username: 'param.idle', role: 'HR', organizationId: world.street, password: 'Initial#2026' });
    // A session left eleven minutes ago (its first request after that reads it from the database).
    const idleSession = async () => {
      const { token } = (await call(server.as(null), 'login', { username: 'param.idle', password: 'Initial#2026' }, 'token')).data!.login;
      await server.database.db.execute(`update user_sessions set last_seen_at = now() - interval '11 minutes' where id = (select max(id) from user_sessions)`);
      return token as string;
    };
    // Eleven minutes idle is within the default thirty.
    expect(errorCode(await server.as(await idleSession()).gql('{ me { id } }'))).toBeUndefined();
    const token = await idleSession();
    const { id } = await ok(secadmin, 'createSystemParameter', { key: 'SESSION_IDLE_MINUTES', value: 10 });
    try {
      const res = refusal(await server.as(token).gql('{ me { id } }'), 'UNAUTHENTICATED');
      expect(res.extensions).toMatchObject({ reason: 'IDLE_TIMEOUT', messages: { zh: expect.stringMatching(/10 分钟未操作/), en: expect.stringMatching(/10 minutes/) } });
    } finally {
      await ok(secadmin, 'deleteSystemParameter', { id });
    }
  });

  it('is in the audit trail with its old and new value', async () => {
    const sysadmin = await signedIn('SYSTEM_ADMIN');
    const { id } = await ok(sysadmin, 'createSystemParameter', { key: 'REFERRAL_RECEIPT_DAYS', value: 5 });
    await ok(sysadmin, 'updateSystemParameter', { id, value: 7 });
    await ok(sysadmin, 'deleteSystemParameter', { id });
    const auditor = await signedIn('AUDIT_ADMIN');
    const trail = await ok(auditor, 'auditTrail', { resource: 'SystemParameter', id }, 'operation actorName changes');
    expect(trail.map((e: { operation: string; changes: Record<string, unknown> }) => [e.operation, e.changes.value])).toEqual(
      expect.arrayContaining([
        ['create', [null, 5]],
        ['update', [5, 7]],
        ['delete', [7, null]],
      ]),
    );
  });
});

describe('refusals', () => {
  it('refuses a value of the wrong kind or out of the parameter’s range, per field in both languages, writing nothing', async () => {
    const sysadmin = await signedIn('SYSTEM_ADMIN');
    const secadmin = await signedIn('SECURITY_ADMIN');
    const cases: { key: string; value: number; rule: string; zh: RegExp }[] = [
      { key: 'LOGIN_MAX_FAILURES', value: 0, rule: 'range', zh: /1 至 100/ },
      { key: 'LOGIN_MAX_FAILURES', value: 2.5, rule: 'integer', zh: /整数/ },
      { key: 'VACANCY_RATE_CAP', value: 1.5, rule: 'range', zh: /0 至 1/ },
      { key: 'PASSWORD_MIN_LENGTH', value: 6, rule: 'range', zh: /8 至 200/ },
      { key: 'SESSION_IDLE_MINUTES', value: -5, rule: 'range', zh: /空闲超时/ },
    ];
    for (const { key, value, rule, zh } of cases) {
      // Each by the administrator who keeps it.
      const res = await refused(/^(LOGIN|PASSWORD|SESSION)_/.test(key) ? secadmin : sysadmin, 'createSystemParameter', { key, value });
      expect(fieldErrors(res)).toEqual({ value: rule });
      const [error] = onlyError(res).extensions!.fieldErrors as { zh: string; en: string }[];
      expect(error.zh).toMatch(zh);
    }
    // A stored one is checked the same on update, and cannot become another parameter.
    const { id } = await ok(sysadmin, 'createSystemParameter', { key: 'SQUAD_LEADERS', value: 2 });
    try {
      expect(fieldErrors(await refused(sysadmin, 'updateSystemParameter', { id, value: 1000 }))).toEqual({ value: 'range' });
      expect(fieldErrors(await refused(sysadmin, 'updateSystemParameter', { id, key: 'LIAISONS_MIN' }))).toEqual({ key: 'fixed' });
      // One record per parameter.
      expect(errorCode(await refused(sysadmin, 'createSystemParameter', { key: 'SQUAD_LEADERS', value: 3 }))).toBe('BAD_USER_INPUT');
    } finally {
      await ok(sysadmin, 'deleteSystemParameter', { id });
    }
  });

  it('refuses a parameter the system does not know', async () => {
    const sysadmin = await signedIn('SYSTEM_ADMIN');
    const res = await nothingWritten(server, () =>
      sysadmin.gql('mutation { createSystemParameter(key: NO_SUCH_PARAMETER, value: 1) { id } }'),
    );
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('lets the system administrator set the business figures and the security administrator the security policy (三员分立); the audit administrator reads', async () => {
    const street = await signedIn('HR', world.street);
    const viewer = await signedIn('VIEWER');
    const sysadmin = await signedIn('SYSTEM_ADMIN');
    const secadmin = await signedIn('SECURITY_ADMIN');
    const auditor = await signedIn('AUDIT_ADMIN');
    // Each refuses the other's, per field in both languages, writing nothing.
    const crossed = await refused(secadmin, 'createSystemParameter', { key: 'LIAISONS_MIN', value: 2 });
    expect(fieldErrors(crossed)).toEqual({ key: 'separation' });
    expect((onlyError(crossed).extensions!.fieldErrors as { zh: string }[])[0].zh).toMatch(/系统管理员/);
    const weakened = await refused(sysadmin, 'createSystemParameter', { key: 'PASSWORD_MIN_CLASSES', value: 1 });
    expect(fieldErrors(weakened)).toEqual({ key: 'separation' });
    expect((onlyError(weakened).extensions!.fieldErrors as { zh: string; en: string }[])[0]).toMatchObject({ zh: expect.stringMatching(/安全管理员/), en: expect.stringMatching(/security administrator/) });
    for (const who of [auditor, street, viewer]) refusal(await refused(who, 'createSystemParameter', { key: 'LIAISONS_MIN', value: 2 }), 'FORBIDDEN');
    const business = (await ok(sysadmin, 'createSystemParameter', { key: 'LIAISONS_MIN', value: 2 })).id;
    const policy = (await ok(secadmin, 'createSystemParameter', { key: 'PASSWORD_HISTORY', value: 8 })).id;
    try {
      // Nor may one change or reset the other's once stored.
      expect(refusal(await refused(sysadmin, 'updateSystemParameter', { id: policy, value: 1 }), 'FORBIDDEN').extensions!.messages.zh).toMatch(/安全管理员/);
      refusal(await refused(sysadmin, 'deleteSystemParameter', { id: policy }), 'FORBIDDEN');
      refusal(await refused(secadmin, 'updateSystemParameter', { id: business, value: 3 }), 'FORBIDDEN');
      refusal(await refused(street, 'updateSystemParameter', { id: business, value: 3 }), 'FORBIDDEN');
      refusal(await refused(auditor, 'deleteSystemParameter', { id: business }), 'FORBIDDEN');
      for (const reader of [sysadmin, secadmin, auditor]) {
        expect((await ok<{ key: string }[]>(reader, 'allSystemParameters', { sortField: 'key' }, 'key')).map((p) => p.key).sort()).toEqual(['LIAISONS_MIN', 'PASSWORD_HISTORY']);
      }
      // Others read none.
      expect(await ok(street, 'allSystemParameters', {}, 'key')).toEqual([]);
      expect(await ok(viewer, 'allSystemParameters', {}, 'key')).toEqual([]);
      // The county-wide administrator sets either.
      expect((await ok(server, 'updateSystemParameter', { id: policy, value: 6 }, 'value')).value).toBe(6);
    } finally {
      await ok(sysadmin, 'deleteSystemParameter', { id: business });
      await ok(secadmin, 'deleteSystemParameter', { id: policy });
    }
  });
});

describe('several instances', () => {
  it('puts a change made on one instance in force on another at its next requests', async () => {
    const other = await startTestServer({ sharing: server });
    try {
      const sysadmin = await signedIn('SYSTEM_ADMIN');
      // The other instance has served with the default, and keeps the parameters in memory from then on.
      expect(await aboveCap(other)).toBe(true);
      expect(await aboveCap(other)).toBe(true);
      const { id } = await ok(sysadmin, 'createSystemParameter', { key: 'VACANCY_RATE_CAP', value: 1 });
      // The notice reaches the other instance on commit; allow it a moment.
      let above = true;
      for (let i = 0; i < 50 && above; i++) {
        above = await aboveCap(other);
        if (above) await new Promise((r) => setTimeout(r, 100));
      }
      expect(above).toBe(false);
      await ok(sysadmin, 'deleteSystemParameter', { id });
      for (let i = 0; i < 50 && !above; i++) {
        above = await aboveCap(other);
        if (!above) await new Promise((r) => setTimeout(r, 100));
      }
      expect(above).toBe(true);
    } finally {
      await other.stop();
    }
  });
});
