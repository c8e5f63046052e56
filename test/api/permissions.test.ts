import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { onlyError, errorCode, refused } from '../helpers/expect-errors';
import { resourceDefinitions } from '../../api/resources';

// What each account is told it may do (`myPermissions`), so the admin shows only the controls that
// work, and who may read accounts at all. The server's own refusals are in access.test.ts.
const { server, world, signedIn } = withWorld();

const PERMISSIONS = 'userId role organizationId local operations resources { resource readAll create update delete ownOrganizationOnly ownerPaths sharedOwnership operations }';

interface ResourcePermission {
  resource: string;
  readAll: boolean;
  create: boolean;
  update: boolean;
  delete: boolean;
  ownOrganizationOnly: boolean;
  ownerPaths: string[][];
  sharedOwnership: boolean;
  operations: string[];
}

async function permissionsOf(token: string) {
  const p = await ok(server.as(token), 'myPermissions', {}, PERMISSIONS);
  return { ...p, byResource: Object.fromEntries((p.resources as ResourcePermission[]).map((r) => [r.resource, r])) as Record<string, ResourcePermission> };
}

const ROLES = ['ADMIN', 'CATALOG_EDITOR', 'HR', 'SUPERVISOR', 'VIEWER'];
const CATALOG = ['Organization', 'EnforcementDomain', 'PowerItem', 'DelegationCatalog', 'Delegation', 'ResponsibilityEntry', 'LiaisonContact', 'GuidanceAssignment'];
const HR = ['StaffMember', 'StaffingQuota', 'Posting', 'Transfer', 'Certificate', 'CertificateEvent', 'TrainingSession', 'TrainingAttendance', 'TrainingAudience', 'EquipmentItem', 'PatrolGrid'];
const SUPERVISION = ['Inspection', 'Finding', 'FindingEscalation', 'CaseReport', 'CaseReferral', 'Complaint', 'DispatchRequest', 'DispatchAssignment', 'Notice', 'NoticeRecipient'];
/** Records that belong to the county as a whole: street and township accounts never write them. */
const COUNTY_ONLY = ['Organization', 'EnforcementDomain', 'PowerItem', 'DelegationCatalog', 'Notice', 'NoticeRecipient', 'SystemParameter'];
/** Records the server alone writes: read in full by county administrators, by anyone else only their own. */
const SERVER_KEPT = ['LoginEvent', 'UserSession', 'NoticeReceipt', 'AuditEntry'];
/** Who reads every record of those: the role their access names, county-wide (read receipts: the publishers). */
const SERVER_KEPT_READERS: Record<string, string[]> = { LoginEvent: ['ADMIN'], UserSession: ['ADMIN'], NoticeReceipt: ['ADMIN', 'SUPERVISOR'], AuditEntry: ['ADMIN'] };
/** Records written only through their domain operations (issue, revoke), by county administrators, who alone read them. */
const ADMINISTERED = ['ApiToken'];
/** County records only their writers read, county-wide (the parameters: the administrators'). */
const CONFIDENTIAL = ['SystemParameter'];
const WRITTEN_BY: Record<string, string[]> = { CATALOG_EDITOR: CATALOG, HR, SUPERVISOR: SUPERVISION, VIEWER: [], ADMIN: [...CATALOG, ...HR, ...SUPERVISION, 'User', ...CONFIDENTIAL] };
const OPERATIONS: Record<string, string[]> = {
  DelegationCatalog: ['publishDelegationCatalog'],
  Transfer: ['cancelTransfer', 'completeTransfer'],
  Finding: ['sendBackFinding'],
  CaseReferral: ['acceptCaseReferral', 'receiveCaseReferral', 'recordCaseReferralOutcome', 'returnCaseReferral'],
  DispatchAssignment: ['acknowledgeDispatchAssignment', 'arriveDispatchAssignment', 'closeDispatchAssignment', 'rateDispatchAssignment'],
  User: ['disableSecondFactor', 'setUserPassword', 'unlockUser'],
  UserSession: ['endUserSession'],
};

it('names every resource of the API', () => {
  expect([...CATALOG, ...HR, ...SUPERVISION, 'User', ...SERVER_KEPT, ...ADMINISTERED, ...CONFIDENTIAL].sort()).toEqual(resourceDefinitions.map((d) => d.name).sort());
});

describe.each(ROLES)('%s', (role) => {
  it.each(['county', 'street'])('tells a %s account what it may create, change, delete and run', async (where) => {
    const organizationId = where === 'county' ? null : world.street;
    const p = await permissionsOf(await server.tokenFor(role, organizationId));
    expect({ role: p.role, organizationId: p.organizationId, local: p.local }).toEqual({ role, organizationId, local: where === 'street' });
    const problems: string[] = [];
    for (const name of resourceDefinitions.map((d) => d.name)) {
      const writes = WRITTEN_BY[role].includes(name) && !(where === 'street' && COUNTY_ONLY.includes(name));
      // Escalations are appended, never changed or deleted, by anyone.
      const changes = writes && name !== 'FindingEscalation' && name !== 'CertificateEvent';
      const county = role === 'ADMIN' && where === 'county';
      const want = ADMINISTERED.includes(name)
        ? { resource: name, readAll: county, create: false, update: false, delete: false, ownOrganizationOnly: false, operations: county ? ['revokeApiToken'] : [] }
        : {
        resource: name,
        // Accounts: the county administrator reads all; a street's administrator its own street's.
        readAll: SERVER_KEPT.includes(name) ? SERVER_KEPT_READERS[name].includes(role) && where === 'county' : CONFIDENTIAL.includes(name) ? county : name !== 'User' || county,
        create: writes,
        update: changes,
        delete: changes,
        ownOrganizationOnly: writes && where === 'street',
        // Ending another's session is the county administrator's, though no one writes sessions.
        operations: writes || (SERVER_KEPT.includes(name) && role === 'ADMIN' && where === 'county') ? (OPERATIONS[name] ?? []) : [],
      };
      const { ownerPaths, sharedOwnership: _shared, ...got } = p.byResource[name];
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${name}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
      expect([name, ownerPaths.length === 0]).toEqual([name, COUNTY_ONLY.includes(name) || SERVER_KEPT.includes(name) || ADMINISTERED.includes(name)]);
    }
    expect(problems).toEqual([]);
    expect(p.operations).toEqual(role === 'ADMIN' && where === 'county' ? ['apiTokens', 'issueApiToken', 'revokeApiToken'] : []);
  });
});

it('says where a record names its organization, directly or through the record it points at', async () => {
  const { byResource } = await permissionsOf(await server.tokenFor('HR', world.street));
  expect(byResource.StaffMember.ownerPaths).toEqual([['organizationId']]);
  expect(byResource.Certificate.ownerPaths).toEqual([['staffMemberId', 'organizationId']]);
  expect(byResource.Delegation.ownerPaths).toEqual([['recipientId']]);
  expect(byResource.FindingEscalation.ownerPaths).toEqual([['findingId', 'responsibleOrganizationId']]);
  expect(byResource.CertificateEvent.ownerPaths).toEqual([['certificateId', 'staffMemberId', 'organizationId']]);
  // A posting is its street's only when place, establishment and person all are; a transfer belongs to both sides.
  expect(byResource.Posting).toMatchObject({ ownerPaths: [['organizationId'], ['quotaOrganizationId'], ['staffMemberId', 'organizationId']], sharedOwnership: false });
  expect(byResource.Transfer).toMatchObject({ ownerPaths: [['staffMemberId', 'organizationId'], ['toOrganizationId']], sharedOwnership: true });
});

it('answers per record what a street account may do, by the check a write makes', async () => {
  const hr = await signedIn('HR', world.street);
  const own = await world.staffMember();
  const other = (await ok(server, 'createStaffMember', { name: '邻镇人员', organizationId: world.township, category: 'ADMINISTRATIVE' })).id;
  // A posting at the street of a person who belongs to the township: not wholly the street's.
  const mixed = (await ok(server, 'createPosting', { staffMemberId: other, organizationId: world.street, post: 'LEGAL_REVIEW', startedOn: '2024-01-01' })).id;
  const mine = (await ok(server, 'createPosting', { staffMemberId: own, organizationId: world.street, post: 'LEGAL_REVIEW', startedOn: '2024-01-01' })).id;
  const staff = await ok<any[]>(hr, 'myRecordPermissions', { resource: 'StaffMember', ids: [own, other, '999999'] }, 'id update delete');
  expect(staff).toEqual([
    { id: own, update: true, delete: true },
    { id: other, update: false, delete: false },
  ]);
  const postings = await ok<any[]>(hr, 'myRecordPermissions', { resource: 'Posting', ids: [mine, mixed] }, 'id update');
  expect(postings).toEqual([
    { id: mine, update: true },
    { id: mixed, update: false },
  ]);
  // What it said is what the server does.
  expect(errorCode(await refused(hr, 'updatePosting', { id: mixed, note: '改' }))).toBe('FORBIDDEN');
  expect(errorCode(await call(hr, 'updatePosting', { id: mine, note: '改' }))).toBeUndefined();
  expect(errorCode(await call(hr, 'myRecordPermissions', { resource: 'Nothing', ids: [own] }, 'id'))).toBe('NOT_FOUND');
});

it('agrees with the server: what it denies is refused, what it allows is done', async () => {
  const hr = await signedIn('HR', world.street);
  const viewer = await signedIn('VIEWER');
  const supervisor = await signedIn('SUPERVISOR');
  const own = await world.staffMember();
  const other = (await ok(server, 'createStaffMember', { name: '外单位人员', organizationId: world.township, category: 'ADMINISTRATIVE' })).id;
  // Street HR: its own street's staff member, not another's; the county's catalogs not at all.
  expect(errorCode(await call(hr, 'updateStaffMember', { id: own, title: '科员' }))).toBeUndefined();
  expect(errorCode(await refused(hr, 'updateStaffMember', { id: other, title: '科员' }))).toBe('FORBIDDEN');
  expect(errorCode(await refused(hr, 'updateDelegationCatalog', { id: world.catalog, note: '改' }))).toBe('FORBIDDEN');
  // A viewer writes nothing.
  expect(errorCode(await refused(viewer, 'updateStaffMember', { id: own, title: '改' }))).toBe('FORBIDDEN');
  // An escalation is created, then neither changed nor deleted, as the permissions said.
  const { finding } = await world.supervision();
  const escalation = (await ok(supervisor, 'createFindingEscalation', { findingId: finding, level: 'NOTICE', escalatedOn: '2025-07-01', note: '提醒' })).id;
  for (const [field, args] of [['updateFindingEscalation', { id: escalation, note: '改' }], ['deleteFindingEscalation', { id: escalation }]] as const) {
    expect(onlyError(await refused(supervisor, field, args)).extensions).toMatchObject({ code: 'CONFLICT', reason: 'LOCKED' });
  }
});

it('is refused to anonymous callers and API tokens, and tells the zone that decides "today"', async () => {
  expect(errorCode(await call(server.as(null), 'myPermissions', {}, 'role'))).toBe('UNAUTHENTICATED');
  const token = await ok(server, 'issueApiToken', { name: '平台', scopes: ['Organization'], expiresAt: new Date(Date.now() + 86400_000).toISOString() }, 'secret');
  expect(errorCode(await call(server.as(token.secret), 'myPermissions', {}, 'role'))).toBe('FORBIDDEN');
  expect(await ok(await signedIn('VIEWER'), 'timeZone', {})).toBe(process.env.TZ || 'Asia/Shanghai');
});

describe('accounts', () => {
  let accounts: string[];
  beforeAll(async () => {
    for (const role of ROLES) await server.tokenFor(role);
    await server.tokenFor('HR', world.street);
    accounts = (await ok<any[]>(server, 'allUsers', { perPage: 1000 }, 'id')).map((u) => u.id);
  });

  it.each([...ROLES.filter((r) => r !== 'ADMIN').map((r) => [r, 'county']), ['HR', 'street']])(
    'a %s account (%s) reads only its own, by id, in lists, counts and history',
    async (role, where) => {
      const me = await signedIn(role, where === 'county' ? null : world.street);
      const self = (await ok(me, 'me', {}, 'id')).id;
      expect(accounts.length).toBeGreaterThan(3);
      expect(await ok<any[]>(me, 'allUsers', { perPage: 1000 }, 'id')).toEqual([{ id: self }]);
      expect(await ok(me, '_allUsersMeta', {}, 'count')).toEqual({ count: 1 });
      expect(await ok(me, '_allUsersMeta', { filter: { role: 'ADMIN' } }, 'count')).toEqual({ count: 0 });
      expect(await ok(me, 'User', { id: self }, 'id role lastLoginAt')).toMatchObject({ id: self, role });
      for (const other of accounts.filter((id) => id !== self)) {
        expect(await ok(me, 'User', { id: other }, 'id')).toBeNull();
        expect(await ok(me, 'auditTrail', { resource: 'User', id: other }, 'id')).toEqual([]);
      }
    },
  );

  it('an administrator reads every account; an API token none', async () => {
    expect((await ok<any[]>(server, 'allUsers', { perPage: 1000 }, 'id')).length).toBe(accounts.length);
    const token = await ok(server, 'issueApiToken', { name: '平台', scopes: ['User'], expiresAt: new Date(Date.now() + 86400_000).toISOString(), personalData: true }, 'secret');
    expect(await ok(server.as(token.secret), 'allUsers', {}, 'id')).toEqual([]);
    expect(await ok(server.as(token.secret), '_allUsersMeta', {}, 'count')).toEqual({ count: 0 });
  });

  it('creates an account active, with an initial password checked by the password rule', async () => {
    for (const password of ['short', '12345678901']) {
      const res = await refused(server, 'createUser', { username: `weak.${password.length}`, role: 'VIEWER', password });
      expect(onlyError(res).extensions?.fieldErrors).toEqual([expect.objectContaining({ field: 'password', rule: 'password' })]);
    }
    const created = await ok(server, 'createUser', { username: 'first.week', displayName: '新同事', role: 'VIEWER', password: 'first-week-pass-1' }, 'id active');
    expect(created.active).toBe(true);
    const session = await ok(server.as(null), 'login', { username: 'first.week', password: 'first-week-pass-1' }, 'user { id }');
    expect(session.user.id).toBe(created.id);
    // Only the hash is kept, and the history records no secret.
    const trail = await ok<any[]>(server, 'auditTrail', { resource: 'User', id: created.id }, 'changes');
    expect(JSON.stringify(trail)).not.toMatch(/first-week-pass|scrypt/);
  });
});
