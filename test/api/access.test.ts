import { SignJWT } from 'jose';
import { PARAMETER_KEYS, PARAMETERS, type ParameterKey } from '../../api/parameters/registry';
import { dbFingerprint, startTestServer } from '../helpers/test-server';
import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { onlyError, refusal, errorCode, refused } from '../helpers/expect-errors';
import { resourceDefinitions } from '../../api/resources';
import { offersWrite, type OwnerPath } from '../../api/crud/resource';

// Who may do what: sign-in, roles, organization scope, and the audit trail of every change.
const { server, world, signedIn } = withWorld();


describe('signing in', () => {
  let userId: string;
  beforeAll(async () => {
    userId = (await ok(server, 'createUser', { username: 'zhang.hr', displayName: '张人事', role: 'HR', organizationId: world.street })).id;
    await ok(server, 'setUserPassword', { id: userId, password: 'correct-horse-9' });
  });

  const login = (username: string, password: string) => call(server.as(null), 'login', { username, password }, 'token expiresAt user { username role }');

  it('gives a signed, expiring token for the right password, and the same refusal for anything else', async () => {
    const res = await login('zhang.hr', 'correct-horse-9');
    expect(res.errors).toBeUndefined();
    const session = res.data!.login;
    expect(session.user).toEqual({ username: 'zhang.hr', role: 'HR' });
    expect(new Date(session.expiresAt).getTime()).toBeGreaterThan(Date.now() + 3600_000);
    const me = await ok(server.as(session.token), 'me', {}, 'username organizationId');
    expect(me).toEqual({ username: 'zhang.hr', organizationId: world.street });

    for (const [u, p] of [['zhang.hr', 'wrong'], ['nobody', 'correct-horse-9'], ['zhang.hr', '']]) {
      const refused = onlyError(await login(u, p));
      expect(refused.extensions).toMatchObject({ code: 'UNAUTHENTICATED', messages: { zh: '用户名或密码错误', en: 'Wrong username or password' } });
    }
  });

  /** An account of its own per test: on PostgreSQL the failure counts are shared by every instance. */
  const lockable = async (username: string) => {
    const id = (await ok(server, 'createUser', { username, role: 'VIEWER' })).id;
    await ok(server, 'setUserPassword', { id, password: 'correct-horse-9' });
  };

  it('locks a username after repeated failures, from any address, even for the right password', async () => {
    const guarded = await startTestServer({ sharing: server, limits: { loginMaxFailures: 3, loginMaxFailuresPerAddress: 100 } });
    await lockable('lock.name');
    try {
      // A direct client rotating X-Forwarded-For gains nothing: the count is per name.
      const attempt = (password: string, i: number) =>
        fetch(guarded.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` },
          body: JSON.stringify({ query: 'mutation($p: String!) { login(username: "lock.name", password: $p) { token } }', variables: { p: password } }),
        }).then((r) => r.json() as Promise<any>);
      for (let i = 0; i < 3; i++) expect((await attempt(`guess-${i}`, i)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const locked = (await attempt('correct-horse-9', 9)).errors[0];
      expect(locked.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'ACCOUNT_LOCKED', messages: { zh: expect.stringMatching(/已锁定/), en: expect.stringMatching(/locked/) } });
      expect(locked.extensions.retryAfterSeconds).toBeGreaterThan(0);
      // A name that does not exist locks the same way, so the lock tells nothing about which names exist.
      const nobody = (p: string) => call(guarded.as(null), 'login', { username: `no.such.${guarded.driver}`, password: p }, 'token');
      for (let i = 0; i < 3; i++) expect(errorCode(await nobody(`x${i}`))).toBe('UNAUTHENTICATED');
      expect(onlyError(await nobody('x')).extensions?.reason).toBe('ACCOUNT_LOCKED');
      // Other accounts are not locked with it.
      expect(errorCode(await call(guarded.as(null), 'login', { username: `no.such.other.${guarded.driver}`, password: 'x' }, 'token'))).toBe('UNAUTHENTICATED');
    } finally {
      await guarded.stop();
    }
  });

  it('limits failed sign-ins per address across usernames, and a success clears its name', async () => {
    const guarded = await startTestServer({ sharing: server, limits: { loginMaxFailures: 3, loginMaxFailuresPerAddress: 4 } });
    await lockable('lock.address');
    // The earlier tests' failures came from this same address; on PostgreSQL every instance counts them.
    if (server.driver === 'pg') await server.database.db.execute(`delete from rate_limits where key like 'login_address%'`);
    try {
      const login = (username: string, password: string) => call(guarded.as(null), 'login', { username, password }, 'token');
      expect(errorCode(await login('lock.address', 'wrong-1'))).toBe('UNAUTHENTICATED');
      expect(errorCode(await login('lock.address', 'wrong-2'))).toBe('UNAUTHENTICATED');
      expect(errorCode(await login('lock.address', 'correct-horse-9'))).toBeUndefined(); // clears the name's count
      expect(errorCode(await login('lock.address', 'wrong-3'))).toBe('UNAUTHENTICATED');
      expect(errorCode(await login('spray.a', 'x'))).toBe('UNAUTHENTICATED');
      const refused = onlyError(await login('spray.b', 'x'));
      expect(refused.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'ADDRESS_LIMITED' });
    } finally {
      await guarded.stop();
    }
  });

  it('stores only a salted scrypt hash, and never exposes it', async () => {
    const rows = (await server.database.db.execute(`select password_hash from users where username = 'zhang.hr'`)) as unknown as { rows: { password_hash: string }[] };
    expect(rows.rows[0].password_hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(rows.rows[0].password_hash).not.toContain('correct-horse');
    const res = await server.gql(`{ User(id: "${userId}") { passwordHash } }`);
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses forged, expired and malformed tokens, and the token of a disabled account at its next request', async () => {
    const post = (authorization: string) =>
      fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: '{ me { id } }' }) });
    const sign = (key: string, exp: number) =>
      new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setIssuer('township-enforcement').setExpirationTime(exp).sign(new TextEncoder().encode(key));
    const now = Math.floor(Date.now() / 1000);
    const forged = await sign('not-the-server-key-000000000000000000', now + 600);
    const expired = await sign(process.env.AUTH_SECRET!, now - 60);
    // Signed with the right key, but never issued here: no expiry, or a subject that is not an account id.
    const key = new TextEncoder().encode(process.env.AUTH_SECRET!);
    const endless = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setIssuer('township-enforcement').setIssuedAt().sign(key);
    const notAnId = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('abc').setIssuer('township-enforcement').setIssuedAt().setExpirationTime(now + 600).sign(key);
    for (const header of [`Bearer ${forged}`, `Bearer ${expired}`, `Bearer ${endless}`, `Bearer ${notAnId}`, 'Bearer not.a.token', 'Basic YWRtaW46ZGVtbw==']) {
      const res = await post(header);
      expect(res.status).toBe(401);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const token = (await login('zhang.hr', 'correct-horse-9')).data!.login.token;
    expect((await post(`Bearer ${token}`)).status).toBe(200);
    await ok(server, 'updateUser', { id: userId, active: false });
    expect((await post(`Bearer ${token}`)).status).toBe(401);
    expect(errorCode(await login('zhang.hr', 'correct-horse-9'))).toBe('UNAUTHENTICATED');
    await ok(server, 'updateUser', { id: userId, active: true });
  });

  /** The password zhang.hr has now: each reset takes a new one (the policy refuses the last five). */
  let current = 'correct-horse-9';

  it('ends a session signed in the same second as a password reset, and not the one signed after it', async () => {
    for (let round = 0; round < 3; round++) {
      const before = (await login('zhang.hr', current)).data!.login.token;
      current = `reset-horse-${round}`;
      await ok(server, 'setUserPassword', { id: userId, password: current });
      const after = (await login('zhang.hr', current)).data!.login.token;
      expect(errorCode(await call(server.as(before), 'me', {}, 'id'))).toBe('UNAUTHENTICATED');
      expect((await ok(server.as(after), 'me', {}, 'id')).id).toBe(userId);
    }
  });

  it('lets users change their own password and administrators anyone’s, with a minimum strength', async () => {
    // The administrator's password is changed first (identity-controls.test.ts shows why).
    const given = server.as((await login('zhang.hr', current)).data!.login.token);
    const token = (await ok(given, 'changeMyPassword', { currentPassword: current, newPassword: 'own-choice-2026' }, 'token')).token;
    const me = server.as(token);
    expect(errorCode(await call(me, 'setUserPassword', { id: userId, password: '12345678' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await call(me, 'setUserPassword', { id: userId, password: 'short' }))).toBe('BAD_USER_INPUT');
    const adminId = (await ok(server, 'me', {}, 'id')).id;
    expect(errorCode(await call(me, 'setUserPassword', { id: adminId, password: 'takeover-attempt-1' }))).toBe('FORBIDDEN');
    // No pause: a session signed in the same second as the change ends with it too.
    await ok(me, 'setUserPassword', { id: userId, password: 'battery-staple-7' });
    // The change ends the sessions signed before it, this one included.
    expect(errorCode(await call(me, 'me', {}, 'id'))).toBe('UNAUTHENTICATED');
    const trail = await ok<any[]>(server, 'auditTrail', { resource: 'User', id: userId }, 'actorName changes');
    expect(trail.at(-1)).toEqual({ actorName: 'zhang.hr', changes: { password: ['(set)', '(changed)'] } });
    expect(JSON.stringify(trail)).not.toMatch(/battery|scrypt/);
    expect(errorCode(await login('zhang.hr', 'own-choice-2026'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await login('zhang.hr', 'battery-staple-7'))).toBeUndefined();
  });
});

describe('who may write what', () => {
  /** Two streets: accounts of street A write A's records only. */
  let orgs: { A: string; B: string };
  /** Records each case needs, per street. */
  let per: Record<'A' | 'B', { staff: string; finding: string; session: string }>;
  let n = 0;
  let quotaYear = 2000;

  beforeAll(async () => {
    orgs = { A: await world.org('权限甲街道', 'STREET'), B: await world.org('权限乙街道', 'STREET') };
    per = {} as typeof per;
    for (const key of ['A', 'B'] as const) {
      const org = orgs[key];
      const inspection = (await ok(server, 'createInspection', { title: `督导${key}`, kind: 'SUPERVISION', inspectingOrganizationId: world.government, inspectedOrganizationId: org, inspectedOn: '2025-01-01' })).id;
      per[key] = {
        staff: (await ok(server, 'createStaffMember', { name: `职员${key}`, organizationId: org, category: 'ENFORCEMENT' })).id,
        finding: (await ok(server, 'createFinding', { inspectionId: inspection, responsibleOrganizationId: org, area: 'TEAM', description: '问题', dueDate: '2099-01-01' })).id,
        session: (await ok(server, 'createTrainingSession', { title: `培训${key}`, kind: 'GENERAL_LAW', organizerId: org, startsOn: '2025-01-01', hours: 8 })).id,
      };
    }
  });

  /** Arguments of a new, valid record belonging to street `key`, and a field an update may change. */
  let parameterTurn = 0;
  const ONE_ALLOWED = PARAMETER_KEYS.filter((k) => PARAMETERS[k].min <= 1 && PARAMETERS[k].max >= 1);
  const cases: Record<string, (key: 'A' | 'B') => Promise<{ create: Record<string, unknown>; update: Record<string, unknown> }>> = {
    Organization: async () => ({ create: { name: `新机构${++n}`, kind: 'OTHER' }, update: { region: '测试县' } }),
    EnforcementDomain: async () => ({ create: { name: `领域${++n}`, code: `DOM${++n}` }, update: { description: '说明' } }),
    PowerItem: async () => ({
      create: { codeScheme: '测试', code: `ACC-${++n}`, name: '事项', category: 'INSPECTION', domainId: world.domain, sourceDepartmentId: world.department, settingBasis: '《条例》' },
      update: { description: '说明' },
    }),
    DelegationCatalog: async () => ({ create: { title: `目录${++n}`, issuingOrganizationId: world.government, effectiveFrom: '2024-01-01' }, update: { note: '说明' } }),
    Delegation: async (key) => {
      const item = (await ok(server, 'createPowerItem', { codeScheme: '测试', code: `DLG-${++n}`, name: '事项', category: 'PENALTY', domainId: world.domain, sourceDepartmentId: world.department, settingBasis: '《条例》' })).id;
      const catalog = (await ok(server, 'createDelegationCatalog', { title: `草稿${++n}`, issuingOrganizationId: world.government, effectiveFrom: '2024-01-01' })).id;
      return { create: { catalogId: catalog, powerItemId: item, recipientId: orgs[key], delegatingOrganizationId: world.department, mode: 'GRANTED', effectiveFrom: '2024-01-01' }, update: { scopeNote: '说明' } };
    },
    ResponsibilityEntry: async (key) => ({ create: { organizationId: orgs[key], kind: 'TASK', responsibility: '职责' }, update: { boundaryNote: '边界' } }),
    LiaisonContact: async (key) => ({
      create: { organizationId: orgs[key], counterpartId: world.department, personName: '联络员', role: 'LIAISON', mobile: '13800000000', activeFrom: '2024-01-01' },
      update: { title: '科员' },
    }),
    GuidanceAssignment: async (key) => ({ create: { departmentId: await world.org(`部门${++n}`, 'DEPARTMENT'), townshipId: orgs[key] }, update: { note: '说明' } }),
    StaffMember: async (key) => ({ create: { name: `人员${++n}`, organizationId: orgs[key], category: 'ADMINISTRATIVE' }, update: { title: '科员' } }),
    StaffingQuota: async (key) => ({ create: { organizationId: orgs[key], category: 'ENFORCEMENT', year: ++quotaYear, approvedCount: 5 }, update: { note: '说明' } }),
    Posting: async (key) => {
      const staff = (await ok(server, 'createStaffMember', { name: `岗位人员${++n}`, organizationId: orgs[key], category: 'ADMINISTRATIVE' })).id;
      return { create: { staffMemberId: staff, organizationId: orgs[key], post: 'LEGAL_REVIEW', startedOn: '2024-01-01' }, update: { note: '说明' } };
    },
    // A departure out of the county: a move that concerns no other organization.
    Transfer: async (key) => ({ create: { staffMemberId: per[key].staff, kind: 'DEPARTURE', effectiveDate: '2025-01-01' }, update: { note: '说明' } }),
    Certificate: async (key) => ({ create: { staffMemberId: per[key].staff, number: `ACC-${++n}`, issuingAuthority: '省政府', issuedOn: '2023-01-01' }, update: { area: '本街道' } }),
    CertificateEvent: async (key) => {
      const certificate = (await ok(server, 'createCertificate', { staffMemberId: per[key].staff, number: `ACC-${++n}`, issuingAuthority: '省政府', issuedOn: '2023-01-01' })).id;
      return { create: { certificateId: certificate, kind: 'ANNUAL_REVIEW', occurredOn: '2024-03-01', passed: true }, update: { documentNumber: '年审' } };
    },
    TrainingSession: async (key) => ({ create: { title: `培训${++n}`, kind: 'CASE_BASED', organizerId: orgs[key], startsOn: '2025-01-01', hours: 4 }, update: { location: '会议室' } }),
    TrainingAttendance: async (key) => {
      const staff = (await ok(server, 'createStaffMember', { name: `参训人员${++n}`, organizationId: orgs[key], category: 'ADMINISTRATIVE' })).id;
      return { create: { sessionId: per[key].session, staffMemberId: staff, hoursAttended: 4 }, update: { examScore: 90 } };
    },
    // The organizer's street owns whom its session served.
    TrainingAudience: async (key) => ({ create: { sessionId: per[key].session, organizationId: await world.org(`服务单位${++n}`, 'STREET') }, update: { note: '说明' } }),
    EquipmentItem: async (key) => ({ create: { organizationId: orgs[key], kind: 'RADIO', number: `DJJ-${++n}`, acquiredOn: '2024-01-01' }, update: { model: '型号' } }),
    PatrolGrid: async (key) => ({ create: { organizationId: orgs[key], name: `网格${++n}`, level: 'LEVEL_1' }, update: { area: '全街道' } }),
    Inspection: async (key) => ({ create: { title: `检查${++n}`, kind: 'CASE_REVIEW', inspectingOrganizationId: world.government, inspectedOrganizationId: orgs[key], inspectedOn: '2025-02-01', filesReviewed: 10, filesGood: 10 }, update: { note: '说明' } }),
    Finding: async (key) => ({
      create: { inspectionId: (await ok(server, 'allInspections', { filter: { inspectedOrganizationId: orgs[key] }, perPage: 1 }))[0].id, responsibleOrganizationId: orgs[key], area: 'CONDUCT', description: `问题${++n}`, dueDate: '2099-01-01' },
      update: { responsiblePerson: '李某' },
    }),
    FindingEscalation: async (key) => ({ create: { findingId: per[key].finding, level: 'NOTICE', escalatedOn: '2025-01-02', note: '提醒' }, update: { note: '改' } }),
    CaseReport: async (key) => ({ create: { organizationId: orgs[key], periodStart: `${1900 + ++n}-01-01`, periodEnd: `${1900 + n}-12-31` }, update: { note: '说明' } }),
    // A street's referral to a county department: street A's by its sending side.
    CaseReferral: async (key) => ({
      create: { kind: 'STREET_TO_DEPARTMENT', fromOrganizationId: orgs[key], toOrganizationId: world.department, matter: `移送事项${++n}`, legalBasis: '《条例》', sentOn: '2025-01-02' },
      update: { documentNumber: '移〔2025〕1号' },
    }),
    Complaint: async (key) => ({
      create: { subject: `投诉${++n}`, channel: 'HOTLINE_12345', responsibleOrganizationId: orgs[key], receivedOn: '2025-01-02' },
      update: { content: '内容' },
    }),
    DispatchRequest: async (key) => ({
      create: { streetId: orgs[key], matter: `吹哨事项${++n}`, place: '路口', raisedAt: '2025-01-02T01:00:00Z', dueOn: '2025-01-03' },
      update: { note: '说明' },
    }),
    // A call of the street's own request (a new request each time, so a department is called once on it).
    DispatchAssignment: async (key) => {
      const request = (await ok(server, 'createDispatchRequest', { streetId: orgs[key], matter: `吹哨事项${++n}`, place: '路口', raisedAt: '2025-01-02T01:00:00Z', dueOn: '2025-01-03' })).id;
      return { create: { requestId: request, departmentId: world.department }, update: { departmentId: world.vertical } };
    },
    // One record per parameter: each case takes one not stored yet, of those that allow 1 (any record's update sets 1).
    SystemParameter: async () => {
      const stored = new Set((await ok(server, 'allSystemParameters', { perPage: 100 }, 'key')).map((p: { key: string }) => p.key));
      let key: ParameterKey;
      do key = ONE_ALLOWED[parameterTurn++ % ONE_ALLOWED.length];
      while (stored.has(key));
      return { create: { key, value: 1 }, update: { value: 1 } };
    },
    User: async (key) => ({ create: { username: `user${++n}`, role: 'VIEWER', organizationId: orgs[key] }, update: { displayName: '某人' } }),
    // Notices are the county's: published by a county body, to the streets.
    Notice: async () => ({ create: { title: `通知${++n}`, body: '正文', publisherId: world.department, publishedOn: '2025-01-02' }, update: { documentNumber: '通〔2025〕1号' } }),
    NoticeRecipient: async (key) => {
      const notice = (await ok(server, 'createNotice', { title: `通知${++n}`, body: '正文', publisherId: world.department, publishedOn: '2025-01-02' })).id;
      return { create: { noticeId: notice, organizationId: orgs[key] }, update: { organizationId: world.township } };
    },
  };

  /**
   * The records the server alone writes have no mutations to walk (identity-controls.test.ts), nor
   * those written only by their domain operations (API tokens: tokens.test.ts walks who may issue
   * and revoke them).
   */
  const WRITABLE = resourceDefinitions.filter((d) => offersWrite(d, 'create')).map((d) => d.name);
  const WRITERS = Object.fromEntries(resourceDefinitions.map((d) => [d.name, [d.access?.writers ?? 'ADMIN'].flat() as string[]]));
  const ROLES = ['ADMIN', 'CATALOG_EDITOR', 'HR', 'SUPERVISOR', 'VIEWER'];
  /** Records that declare no owning organization belong to the county: only county accounts write them. */
  const COUNTY_ONLY = resourceDefinitions.filter((d) => !d.access?.owner).map((d) => d.name);

  it('knows which resources only county accounts write', () => {
    // The catalog's own records: the organizations, domains and items it is made of, and its versions.
    expect(COUNTY_ONLY).toEqual(expect.arrayContaining(['Organization', 'EnforcementDomain', 'PowerItem', 'DelegationCatalog']));
  });

  it('covers every resource written through the API', () => {
    expect(Object.keys(cases).sort()).toEqual(WRITABLE.sort());
  });

  it.each(WRITABLE)('%s: role × operation × own/other organization', async (resource) => {
    const admin = server;
    const appendOnly = resource === 'FindingEscalation' || resource === 'CertificateEvent';
    // One existing record per street, written by the administrator.
    const existing: Record<'A' | 'B', string> = {
      A: (await ok(admin, `create${resource}`, (await cases[resource]('A')).create)).id,
      B: (await ok(admin, `create${resource}`, (await cases[resource]('B')).create)).id,
    };
    const outcomes: string[] = [];
    for (const role of ROLES) {
      for (const where of ['county', 'A'] as const) {
        const user = await signedIn(role, where === 'county' ? null : orgs.A);
        const roleMay = role === 'ADMIN' || WRITERS[resource].includes(role);
        for (const target of ['A', 'B'] as const) {
          const scopeMay = where === 'county' || (target === 'A' && !COUNTY_ONLY.includes(resource));
          const allowed = roleMay && scopeMay;
          const label = `${role}@${where} → ${target}`;
          const expectOutcome = async (op: string, res: any, allowedCode: string | undefined = undefined) => {
            const got = errorCode(res) ?? 'ok';
            const want = allowed ? (allowedCode ?? 'ok') : 'FORBIDDEN';
            outcomes.push(`${op} ${label}: ${got === want ? 'as expected' : `got ${got}, expected ${want}`}`);
          };
          // Everything the three requests need is prepared first, so a refusal can be shown to write nothing.
          const { create, update } = await cases[resource](target);
          // Delete: a fresh record when allowed (so the next role still finds the existing one).
          const victim = allowed ? (await ok(admin, `create${resource}`, (await cases[resource](target)).create)).id : existing[target];
          const before = allowed ? undefined : await dbFingerprint(server);
          await expectOutcome('create', await call(user, `create${resource}`, create));
          await expectOutcome('update', await call(user, `update${resource}`, { id: existing[target], ...update }), appendOnly ? 'CONFLICT' : undefined);
          await expectOutcome('delete', await call(user, `delete${resource}`, { id: victim }), appendOnly ? 'CONFLICT' : undefined);
          if (before) expect(await dbFingerprint(server)).toEqual(before); // a refusal writes nothing
        }
      }
    }
    expect(outcomes.filter((o) => !o.endsWith('as expected'))).toEqual([]);
    expect(outcomes).toHaveLength(ROLES.length * 2 * 2 * 3);
  });

  /** Resources whose organization is decided by more than one reference (a posting: place, establishment, person). */
  const MULTI_OWNER = resourceDefinitions.filter((d) => Array.isArray(d.access?.owner) && d.access.owner.length > 1);

  it('knows which resources are owned through several references', () => {
    expect(MULTI_OWNER.map((d) => d.name).sort()).toEqual(['Finding', 'Posting']);
  });

  it.each(MULTI_OWNER.map((d) => d.name))('%s: a street account cannot reach another street through any owning reference', async (resource) => {
    const paths = resourceDefinitions.find((d) => d.name === resource)!.access!.owner as OwnerPath[];
    const [writer] = [resourceDefinitions.find((d) => d.name === resource)!.access!.writers].flat() as string[];
    const local = await signedIn(writer, orgs.A);
    const mine = (await ok(server, `create${resource}`, (await cases[resource]('A')).create)).id;
    for (const path of paths) {
      // Street A's record, with this one reference pointing into street B instead.
      const key = typeof path === 'string' ? path : path.via;
      const { create } = await cases[resource]('A');
      const intoB = typeof path === 'string' ? orgs.B : (await cases[resource]('B')).create[key];
      const res = await refused(local, `create${resource}`, { ...create, [key]: intoB });
      expect([key, errorCode(res)]).toEqual([key, 'FORBIDDEN']);
      expect([key, errorCode(await refused(local, `update${resource}`, { id: mine, [key]: intoB }))]).toEqual([key, 'FORBIDDEN']);
    }
    // The same account still writes its own record.
    expect(errorCode(await call(local, `update${resource}`, { id: mine, ...(await cases[resource]('A')).update }))).toBeUndefined();
  });

  it('refuses everything to an anonymous caller but signing in', async () => {
    const anonymous = server.as(null);
    for (const res of [
      await call(anonymous, 'createOrganization', { name: '匿名', kind: 'OTHER' }),
      await call(anonymous, 'updateOrganization', { id: orgs.A, name: '匿名' }),
      await call(anonymous, 'deleteOrganization', { id: '999999' }),
      await call(anonymous, 'completeTransfer', { id: '1' }),
    ]) {
      expect(onlyError(res).extensions).toMatchObject({ code: 'UNAUTHENTICATED', messages: { zh: '请先登录', en: 'Sign in first' } });
    }
    for (const res of [await call(anonymous, 'allOrganizations', {}), await call(anonymous, '_allStaffMembersMeta', {}, 'count'), await call(anonymous, 'overdueFindings', {})]) {
      refusal(res, 'UNAUTHENTICATED');
    }
    expect((await ok(anonymous, 'me', {}, 'id'))).toBeNull();
  });

  it('never lets a street account change its own organization, which would make it county-wide', async () => {
    for (const role of ['CATALOG_EDITOR', 'ADMIN']) {
      const local = await signedIn(role, orgs.A);
      expect(errorCode(await call(local, 'updateOrganization', { id: orgs.A, kind: 'DEPARTMENT' }))).toBe('FORBIDDEN');
    }
    expect((await ok(server, 'Organization', { id: orgs.A }, 'kind')).kind).toBe('STREET');
  });

  it('checks domain operations like edits: a street HR account completes only its own transfers', async () => {
    const hrA = await signedIn('HR', orgs.A);
    const editor = await signedIn('CATALOG_EDITOR');
    const staffB = (await ok(server, 'createStaffMember', { name: '乙街道人员', organizationId: orgs.B, category: 'ADMINISTRATIVE' })).id;
    await ok(server, 'createPosting', { staffMemberId: staffB, organizationId: orgs.B, post: 'LEGAL_REVIEW', startedOn: '2024-01-01' });
    const transfer = (await ok(server, 'createTransfer', { staffMemberId: staffB, kind: 'REASSIGNMENT', toOrganizationId: world.township, effectiveDate: '2025-03-01' })).id;
    expect(errorCode(await call(hrA, 'completeTransfer', { id: transfer }))).toBe('FORBIDDEN');
    // A street HR account drafts a move of its own people to another organization; the county completes it.
    const staffA = (await ok(server, 'createStaffMember', { name: '甲街道人员', organizationId: orgs.A, category: 'ADMINISTRATIVE' })).id;
    const elsewhere = (await ok(hrA, 'createTransfer', { staffMemberId: staffA, kind: 'REASSIGNMENT', toOrganizationId: orgs.B, effectiveDate: '2025-03-01' })).id;
    expect(errorCode(await call(hrA, 'completeTransfer', { id: elsewhere }))).toBe('FORBIDDEN');
    expect(errorCode(await call(editor, 'completeTransfer', { id: transfer }))).toBe('FORBIDDEN');
    expect(errorCode(await call(hrA, 'cancelTransfer', { id: transfer }))).toBe('FORBIDDEN');
    const draft = (await ok(server, 'createDelegationCatalog', { title: '权限草稿', issuingOrganizationId: world.government, effectiveFrom: '2024-01-01' })).id;
    expect(errorCode(await call(hrA, 'publishDelegationCatalog', { id: draft }))).toBe('FORBIDDEN');
    expect(errorCode(await call(hrA, 'sendBackFinding', { id: per.B.finding, reason: '理由' }))).toBe('FORBIDDEN');
  });
});

describe('audit trail', () => {
  it('records who changed what, field by field, in the same transaction, and cannot be edited', async () => {
    const editor = await signedIn('CATALOG_EDITOR');
    const editorName = (await ok(editor, 'me', {}, 'username')).username;
    const org = (await ok(editor, 'createOrganization', { name: '审计测试镇', kind: 'TOWNSHIP', code: 'AUD-1' })).id;
    await ok(editor, 'updateOrganization', { id: org, name: '审计测试镇（更名）' });
    await ok(editor, 'updateOrganization', { id: org, name: '审计测试镇（更名）' }); // no change, no entry
    await ok(editor, 'updateOrganization', { id: org, name: '第三个名字', region: '测试县' });
    await ok(editor, 'deleteOrganization', { id: org });

    const trail = await ok<any[]>(server, 'auditTrail', { resource: 'Organization', id: org }, 'actorKind actorName operation resource recordId changes at');
    expect(trail.map((e) => [e.operation, e.actorKind, e.actorName])).toEqual([
      ['create', 'USER', editorName],
      ['update', 'USER', editorName],
      ['update', 'USER', editorName],
      ['delete', 'USER', editorName],
    ]);
    expect(trail[0].changes).toEqual({ name: [null, '审计测试镇'], kind: [null, 'TOWNSHIP'], code: [null, 'AUD-1'], id: [null, Number(org)] });
    expect(trail[1].changes).toEqual({ name: ['审计测试镇', '审计测试镇（更名）'] });
    expect(trail[2].changes).toEqual({ name: ['审计测试镇（更名）', '第三个名字'], region: [null, '测试县'] });
    expect(trail[3].changes.name).toEqual(['第三个名字', null]);
    expect(new Date(trail[0].at).getTime()).toBeLessThanOrEqual(Date.now());

    // A refused change leaves no entry; no mutation edits the trail.
    const count = async () => (await ok<any[]>(server, 'auditTrail', { resource: 'Organization', id: world.street }, 'id')).length;
    const before = await count();
    expect(errorCode(await call(editor, 'updateOrganization', { id: world.street, name: '' }))).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
    const mutations: string[] = (await server.gql('{ __schema { mutationType { fields { name } } } }')).data!.__schema.mutationType.fields.map((f: any) => f.name);
    // None edits an entry; the one that deletes is the purge, bounded by the retention period (audit-chain.test.ts).
    expect(mutations.filter((m) => /audit/i.test(m))).toEqual(['purgeAuditEntries']);
    expect(errorCode(await call(server.as(null), 'auditTrail', { resource: 'Organization', id: org }))).toBe('UNAUTHENTICATED');
  });

  it('records domain operations with their effects', async () => {
    const hr = await signedIn('HR');
    const staff = (await ok(hr, 'createStaffMember', { name: '审计调动员', organizationId: world.street, category: 'ADMINISTRATIVE' })).id;
    await ok(hr, 'createPosting', { staffMemberId: staff, organizationId: world.street, post: 'LEGAL_REVIEW', startedOn: '2024-01-01' });
    const transfer = (await ok(hr, 'createTransfer', { staffMemberId: staff, kind: 'REASSIGNMENT', toOrganizationId: world.township, effectiveDate: '2025-03-01' })).id;
    await ok(hr, 'completeTransfer', { id: transfer });
    const transferTrail = await ok<any[]>(server, 'auditTrail', { resource: 'Transfer', id: transfer }, 'operation changes');
    expect(transferTrail.at(-1).changes.status).toEqual(['PENDING', 'COMPLETED']);
    // The posting it opened has one entry, naming the transfer.
    const opened = (await ok<any[]>(server, 'allPostings', { filter: { staffMemberId: staff, endedOn_null: true } }, 'id'))[0].id;
    const postingTrail = await ok<any[]>(server, 'auditTrail', { resource: 'Posting', id: opened }, 'operation changes');
    expect(postingTrail.map((e) => [e.operation, e.changes.transferId?.[1]])).toEqual([['create', Number(transfer)]]);
    const staffTrail = await ok<any[]>(server, 'auditTrail', { resource: 'StaffMember', id: staff }, 'operation changes');
    expect(staffTrail.at(-1).changes.organizationId).toEqual([Number(world.street), Number(world.township)]);

    // An escalation changes its finding's current level: both histories say so.
    const supervisor = await signedIn('SUPERVISOR');
    const { finding } = await world.supervision();
    await ok(supervisor, 'createFindingEscalation', { findingId: finding, level: 'CIRCULAR', escalatedOn: '2025-07-01', note: '通报' });
    const findingTrail = await ok<any[]>(server, 'auditTrail', { resource: 'Finding', id: finding }, 'changes');
    expect(findingTrail.at(-1).changes).toEqual({ escalation: ['NONE', 'CIRCULAR'], escalatedOn: [null, '2025-07-01'] });

    // Publishing a version that supersedes another closes the old delegations, each in its history.
    const editor = await signedIn('CATALOG_EDITOR');
    await ok(editor, 'publishDelegationCatalog', { id: world.catalog });
    const next = (await ok(editor, 'createDelegationCatalog', { title: '审计新版', issuingOrganizationId: world.government, effectiveFrom: '2026-01-01', supersedesId: world.catalog, documentNumber: '测〔2026〕1号', issuedOn: '2025-12-01' })).id;
    await ok(editor, 'createDelegation', { catalogId: next, powerItemId: world.powerItem, recipientId: world.street, delegatingOrganizationId: world.department, mode: 'GRANTED', effectiveFrom: '2026-01-01' });
    await ok(editor, 'publishDelegationCatalog', { id: next });
    const delegationTrail = await ok<any[]>(server, 'auditTrail', { resource: 'Delegation', id: world.delegation }, 'changes');
    expect(delegationTrail.at(-1).changes).toEqual({ effectiveTo: [null, '2025-12-31'] });
  });
});

describe('accounts, read by a street or township administrator', () => {
  it('reads its own organization’s accounts and its own, not those of the rest of the county', async () => {
    const own = (await ok(server, 'createUser', { username: 'own.street.hr', role: 'HR', organizationId: world.street })).id as string;
    const other = (await ok(server, 'createUser', { username: 'other.town.hr', role: 'HR', organizationId: world.township })).id as string;
    const county = (await ok(server, 'createUser', { username: 'county.viewer', role: 'VIEWER' })).id as string;
    const streetAdmin = await signedIn('ADMIN', world.street);
    const me = (await ok(streetAdmin, 'me', {}, 'id')).id as string;

    const listed = (await ok<{ id: string; organizationId: string | null }[]>(streetAdmin, 'allUsers', { perPage: 1000 }, 'id organizationId')).map((u) => u.id);
    expect(listed).toEqual(expect.arrayContaining([own, me]));
    expect(listed).not.toContain(other);
    expect(listed).not.toContain(county);
    const rows = await ok<{ organizationId: string | null }[]>(streetAdmin, 'allUsers', { perPage: 1000 }, 'organizationId');
    expect(new Set(rows.map((u) => u.organizationId))).toEqual(new Set([world.street]));
    expect((await ok(streetAdmin, '_allUsersMeta', {}, 'count')).count).toBe(listed.length);
    expect(await ok(streetAdmin, 'User', { id: other }, 'username')).toBeNull();
    expect((await ok(streetAdmin, 'User', { id: own }, 'username')).username).toBe('own.street.hr');
    // Nor through a search by name, or as a reference of another record.
    expect(await ok(streetAdmin, 'allUsers', { filter: { q: 'other.town' } }, 'id')).toEqual([]);
    const perms = await ok(streetAdmin, 'myPermissions', {}, 'resources { resource readAll }');
    expect((perms.resources as { resource: string; readAll: boolean }[]).find((r) => r.resource === 'User')?.readAll).toBe(false);
    // A county administrator reads them all.
    const all = (await ok<{ id: string }[]>(server, 'allUsers', { perPage: 1000 }, 'id')).map((u) => u.id);
    expect(all).toEqual(expect.arrayContaining([own, other, county, me]));
  });
});
