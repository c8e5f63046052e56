import { startTestServer, type TestServer } from '../helpers/test-server';
import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { onlyError, refusal, errorCode, nothingWritten, refused, fieldErrors } from '../helpers/expect-errors';
import { eventually } from '../helpers/eventually';

// API tokens for other government systems: read-only, limited to their scopes, personal
// fields masked without the personal-data scope, revocable at once.
const { server, world, signedIn } = withWorld();

beforeAll(async () => {
  await world.directory();
  await ok(server, 'createStaffMember', { name: '王小明', organizationId: world.street, category: 'ENFORCEMENT', mobile: '13812345678' });
});

const inAYear = () => new Date(Date.now() + 365 * 86400_000).toISOString();

/** The random part of `tet_<id>_<secret>`; base64url secrets may themselves contain `_`. */
const secretPart = (token: string) => token.replace(/^tet_\d+_/, '');

async function issue(scopes: string[], personalData = false) {
  const issued = await ok(server, 'issueApiToken', { name: '执法监督平台', scopes, expiresAt: inAYear(), personalData }, 'secret apiToken { id scopes personalData }');
  return { ...issued, as: server.as(issued.secret) };
}

it('is shown once, stored hashed, and listed without its secret', async () => {
  const { secret, apiToken } = await issue(['Delegation', 'Organization']);
  expect(secret).toMatch(new RegExp(`^tet_${apiToken.id}_[A-Za-z0-9_-]{43}$`));
  const stored = (await server.database.db.execute(`select secret_hash from api_tokens where id = ${Number(apiToken.id)}`)) as unknown as { rows: { secret_hash: string }[] };
  expect(stored.rows[0].secret_hash).toMatch(/^[0-9a-f]{64}$/);
  expect(JSON.stringify(stored.rows)).not.toContain(secretPart(secret));
  const listed = await ok<any[]>(server, 'apiTokens', {}, 'id name scopes');
  expect(listed.find((t) => t.id === apiToken.id)).toEqual({ id: apiToken.id, name: '执法监督平台', scopes: ['Delegation', 'Organization'] });
  expect(errorCode(await server.gql('{ apiTokens { secret } }'))).toBe('GRAPHQL_VALIDATION_FAILED');
});

it('reads only the resources in its scopes, nested references included', async () => {
  const { as } = await issue(['Delegation', 'Organization']);
  const rows = await ok<any[]>(as, 'allDelegations', { filter: { recipientId: world.street } }, 'id recipient { name }');
  expect(rows.length).toBeGreaterThan(0);
  expect(rows[0].recipient.name).toBe('测试街道');
  expect(onlyError(await call(as, 'allStaffMembers', {})).extensions).toMatchObject({ code: 'FORBIDDEN' });
  expect(errorCode(await call(as, '_allStaffMembersMeta', {}, 'count'))).toBe('FORBIDDEN');
  expect(errorCode(await call(as, 'StaffMember', { id: '1' }))).toBe('FORBIDDEN');
  const nested = await as.gql('{ allDelegations { id powerItem { name } } }');
  expect(errorCode(nested)).toBe('FORBIDDEN'); // PowerItem is not in the scopes
  expect(errorCode(await call(as, 'overdueSecondments', {}))).toBe('FORBIDDEN');
  // A report that is not a resource type carries the data of the resources it needs.
  expect(errorCode(await call(as, 'trainingHours', { year: 2025 }))).toBe('FORBIDDEN');
  const trained = await issue(['StaffMember', 'TrainingAttendance'], true);
  expect(errorCode(await call(trained.as, 'trainingHours', { year: 2025 }))).toBeUndefined();
});

it('masks names and mobile numbers without the personal-data scope', async () => {
  const fields = 'personName mobile officePhone';
  const masked = await issue(['LiaisonContact', 'StaffMember']);
  const contacts = await ok<any[]>(masked.as, 'allLiaisonContacts', { filter: { organizationId: world.street } }, fields);
  expect(contacts).toEqual([{ personName: '测****', mobile: '139******78', officePhone: null }]);
  const staff = await ok<any[]>(masked.as, 'allStaffMembers', { filter: { organizationId: world.street } }, 'name mobile');
  expect(staff).toContainEqual({ name: '王**', mobile: '138******78' });
  // Nor can it find a person by what is masked.
  for (const filter of [{ q: '13812345678' }, { name: '王小明' }, { mobile_neq: '1' }]) {
    expect(errorCode(await call(masked.as, 'allStaffMembers', { filter }))).toBe('FORBIDDEN');
  }
  expect(errorCode(await call(masked.as, 'allStaffMembers', { sortField: 'name' }))).toBe('FORBIDDEN');
  expect(errorCode(await call(masked.as, 'allStaffMembers', { sortField: 'category' }))).toBeUndefined();

  const full = await issue(['LiaisonContact'], true);
  expect(await ok<any[]>(full.as, 'allLiaisonContacts', { filter: { organizationId: world.street } }, fields)).toEqual([
    { personName: '测试联络员', mobile: '13912345678', officePhone: null },
  ]);
});

// Servers keep who signs requests in memory between requests: a revocation or deactivation must
// still hold at once on the instance that made it, and on every other one as soon as it hears.
it('is refused by every instance once revoked, as is an account once deactivated', async () => {
  const other = await startTestServer({ sharing: server });
  try {
    const count = (as: TestServer) => call(as, '_allOrganizationsMeta', {}, 'count');
    const { secret, apiToken } = await issue(['Organization']);
    expect(errorCode(await count(other.as(secret)))).toBeUndefined();
    expect(errorCode(await count(server.as(secret)))).toBeUndefined();
    await ok(server, 'revokeApiToken', { id: apiToken.id });
    expect(errorCode(await count(server.as(secret)))).toBe('UNAUTHENTICATED');
    await eventually(async () => expect(errorCode(await count(other.as(secret)))).toBe('UNAUTHENTICATED'));

    const session = await server.tokenFor('VIEWER', world.street);
    const me = await ok<{ id: string }>(other.as(session), 'me', {}, 'id');
    expect(errorCode(await count(server.as(session)))).toBeUndefined();
    await ok(server, 'updateUser', { id: me.id, active: false });
    expect(errorCode(await count(server.as(session)))).toBe('UNAUTHENTICATED');
    await eventually(async () => expect(errorCode(await count(other.as(session)))).toBe('UNAUTHENTICATED'));
  } finally {
    await other.stop();
  }
});

it('cannot write, and stops working when revoked or expired', async () => {
  const { as, apiToken, secret } = await issue(['Organization']);
  await nothingWritten(server, async () => {
    for (const res of [
      await call(as, 'createOrganization', { name: '令牌写入', kind: 'OTHER' }),
      await call(as, 'updateOrganization', { id: world.street, name: '令牌写入' }),
      await call(as, 'deleteOrganization', { id: world.street }),
      await call(as, 'issueApiToken', { name: '自我续期', scopes: ['Organization'], expiresAt: inAYear() }),
    ]) {
      refusal(res, 'FORBIDDEN');
    }
  });

  await ok(server, 'revokeApiToken', { id: apiToken.id });
  const trail = await ok<any[]>(server, 'auditTrail', { resource: 'ApiToken', id: apiToken.id }, 'operation changes');
  expect(trail.map((e) => e.operation)).toEqual(['create', 'update']);
  expect(trail[0].changes.scopes).toEqual([null, ['Organization']]);
  expect(JSON.stringify(trail)).not.toContain(secretPart(secret));
  // A token's history is read as the token is: by those its access names, by no one else.
  expect(await ok(await signedIn('VIEWER'), 'auditTrail', { resource: 'ApiToken', id: apiToken.id }, 'operation')).toEqual([]);
  expect(await ok(await signedIn('ADMIN', world.street), 'auditTrail', { resource: 'ApiToken', id: apiToken.id }, 'operation')).toEqual([]);
  const post = (token: string) => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ allOrganizations { id } }' }) });
  const revoked = await post(secret);
  expect(revoked.status).toBe(401);
  expect(((await revoked.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(errorCode(await call(server, 'revokeApiToken', { id: apiToken.id }))).toBe('CONFLICT');

  const other = await issue(['Organization']);
  expect((await post(other.secret)).status).toBe(200);
  // Expired by a statement outside the API (as the command line or another instance would): the
  // token was just read, so this server holds it in memory until the change's notice arrives.
  await server.database.db.execute(`update api_tokens set expires_at = now() - interval '1 minute' where id = ${Number(other.apiToken.id)}`);
  await eventually(async () => expect((await post(other.secret)).status).toBe(401));
  // A guessed secret for a real id is refused the same way.
  expect((await post(`tet_${other.apiToken.id}_${'A'.repeat(43)}`)).status).toBe(401);
});

it('is issued only by county administrators, with known scopes and a future expiry', async () => {
  const hr = await signedIn('HR');
  refusal(await refused(hr, 'issueApiToken', { name: 'x', scopes: ['Organization'], expiresAt: inAYear() }), 'FORBIDDEN');
  // A street's administrator is no county administrator.
  const streetAdmin = await signedIn('ADMIN', world.street);
  refusal(await refused(streetAdmin, 'issueApiToken', { name: 'x', scopes: ['Organization'], expiresAt: inAYear() }), 'FORBIDDEN');
  expect(errorCode(await call(server.as(null), 'issueApiToken', { name: 'x', scopes: ['Organization'], expiresAt: inAYear() }))).toBe('UNAUTHENTICATED');
  expect(errorCode(await call(hr, 'apiTokens', {}))).toBe('FORBIDDEN');
  const res = await refused(server, 'issueApiToken', { name: ' ', scopes: ['Organization', 'Secrets'], expiresAt: '2020-01-01T00:00:00Z' });
  expect(onlyError(res).extensions?.fieldErrors.map((e: any) => [e.field, e.rule])).toEqual([
    ['name', 'required'],
    ['scopes', 'scope'],
    ['expiresAt', 'future'],
  ]);
  // No scopes, a name too long, and the tokens themselves (which only administrators read).
  expect(fieldErrors(await refused(server, 'issueApiToken', { name: '长'.repeat(101), scopes: [], expiresAt: inAYear() }))).toEqual({ name: 'maxLength', scopes: 'scope' });
  expect(fieldErrors(await refused(server, 'issueApiToken', { name: '令牌的令牌', scopes: ['ApiToken'], expiresAt: inAYear() }))).toEqual({ scopes: 'scope' });
});

// A token is a record of the model: read through the grammar by county administrators, written
// only by issuing and revoking it, its secret's hash never leaving the server.
describe('as a record', () => {
  it('is read through the grammar by county administrators, and by no one else', async () => {
    const { apiToken } = await issue(['Organization']);
    const me = await ok<{ id: string }>(server, 'me', {}, 'id');
    const read = await ok(server, 'ApiToken', { id: apiToken.id }, 'id name scopes personalData revokedAt version createdById createdBy { id }');
    expect(read).toEqual({ id: apiToken.id, name: '执法监督平台', scopes: ['Organization'], personalData: false, revokedAt: null, version: 1, createdById: me.id, createdBy: { id: me.id } });
    const listed = await ok<any[]>(server, 'allApiTokens', { filter: { scopes: 'Organization' }, sortField: 'id', sortOrder: 'DESC' }, 'id');
    expect(listed[0].id).toBe(apiToken.id);
    expect((await ok<any[]>(server, 'allApiTokens', { filter: { scopes: 'Secrets' } }, 'id'))).toEqual([]);
    expect((await ok(server, '_allApiTokensMeta', {}, 'count')).count).toBeGreaterThan(0);
    expect((await ok<any[]>(server, 'apiTokens', {}, 'id'))[0].id).toBe((await ok<any[]>(server, 'allApiTokens', { sortField: 'id', sortOrder: 'DESC', perPage: 1 }, 'id'))[0].id);

    // Anyone else reads none: not by id, not in a list, not counted, not under the account that issued it.
    for (const role of ['HR', 'VIEWER'] as const) {
      const other = await signedIn(role);
      expect(await ok(other, 'ApiToken', { id: apiToken.id }, 'id')).toBeNull();
      expect(await ok(other, 'allApiTokens', {}, 'id')).toEqual([]);
      expect((await ok(other, '_allApiTokensMeta', {}, 'count')).count).toBe(0);
      expect(errorCode(await call(other, 'apiTokens', {}))).toBe('FORBIDDEN');
    }
    const streetAdmin = await signedIn('ADMIN', world.street);
    expect(await ok(streetAdmin, 'allApiTokens', {}, 'id')).toEqual([]);
    const permissions = await ok(await signedIn('HR'), 'myPermissions', {}, 'operations resources { resource readAll create update delete operations }');
    expect(permissions.operations).toEqual([]);
    expect(permissions.resources.find((r: any) => r.resource === 'ApiToken')).toEqual({ resource: 'ApiToken', readAll: false, create: false, update: false, delete: false, operations: [] });
  });

  it('has no plain create, update or delete, and its secret hash is never readable', async () => {
    const { apiToken } = await issue(['Organization']);
    await nothingWritten(server, async () => {
      for (const mutation of [
        `mutation { updateApiToken(id: "${apiToken.id}", secretHash: "${'0'.repeat(64)}") { id } }`,
        `mutation { updateApiToken(id: "${apiToken.id}", scopes: ["StaffMember"]) { id } }`,
        `mutation { updateApiTokens(ids: ["${apiToken.id}"], data: { personalData: true }) { ids } }`,
        `mutation { createApiToken(name: "x", scopes: ["Organization"], expiresAt: "${inAYear()}") { id } }`,
        `mutation { deleteApiToken(id: "${apiToken.id}") { id } }`,
        `mutation { deleteApiTokens(ids: ["${apiToken.id}"]) { ids } }`,
      ]) {
        expect(errorCode(await server.gql(mutation))).toBe('GRAPHQL_VALIDATION_FAILED');
      }
    });
    for (const query of [
      `{ ApiToken(id: "${apiToken.id}") { secretHash } }`,
      '{ allApiTokens { secretHash } }',
      '{ allApiTokens(filter: { secretHash: "x" }) { id } }',
      '{ allApiTokens(sortField: "secretHash") { id } }',
      `{ issueApiToken { id } }`,
    ]) {
      const res = await server.gql(query);
      expect(JSON.stringify(res.data ?? null)).not.toMatch(/[0-9a-f]{64}/);
      expect(res.errors?.length).toBeGreaterThan(0);
    }
    // Nor the history, nor the spreadsheet of the tokens.
    const trail = await ok<any[]>(server, 'auditTrail', { resource: 'ApiToken', id: apiToken.id }, 'changes');
    expect(Object.keys(trail[0].changes).sort()).toEqual(['createdById', 'expiresAt', 'id', 'name', 'personalData', 'scopes']);
    const exported = await fetch(`${server.url.replace(/\/graphql$/, "")}/export/ApiToken?format=csv`, { headers: { authorization: `Bearer ${server.adminToken}` } });
    expect(exported.status).toBe(200);
    const csv = await exported.text();
    expect(csv).toContain('执法监督平台');
    expect(csv).not.toMatch(/[0-9a-f]{64}/);
    const imported = await fetch(`${server.url.replace(/\/graphql$/, "")}/import/ApiToken?dryRun=false`, { method: 'POST', headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'text/csv' }, body: '名称,可读资源,有效期至\n导入令牌,Organization,2099-01-01\n' });
    expect(imported.status).toBe(403);
  });

  it('is revoked through the service: claimed at the version read, versioned and audited, once', async () => {
    const { apiToken, secret } = await issue(['Organization']);
    const stale = await refused(server, 'revokeApiToken', { id: apiToken.id, version: 7 });
    expect(refusal(stale, 'CONFLICT').extensions?.reason).toBe('STALE_VERSION');
    refusal(await refused(await signedIn('HR'), 'revokeApiToken', { id: apiToken.id }), 'FORBIDDEN');
    refusal(await refused(server.as(secret), 'revokeApiToken', { id: apiToken.id }), 'FORBIDDEN');
    refusal(await refused(server, 'revokeApiToken', { id: '999999' }), 'NOT_FOUND');

    const revoked = await ok(server, 'revokeApiToken', { id: apiToken.id, version: 1 }, 'id version revokedAt');
    expect(revoked.version).toBe(2);
    expect(new Date(revoked.revokedAt).getTime()).toBeLessThanOrEqual(Date.now());
    const again = await refused(server, 'revokeApiToken', { id: apiToken.id });
    expect(refusal(again, 'CONFLICT').extensions?.reason).toBe('STATE');

    const trail = await ok<any[]>(server, 'auditTrail', { resource: 'ApiToken', id: apiToken.id }, 'operation actorName changes fieldChanges { field label { zh } afterText { zh } }');
    expect(trail.map((e) => e.operation)).toEqual(['create', 'update']);
    expect(Object.keys(trail[1].changes)).toEqual(['revokedAt']);
    expect(trail[1].changes.revokedAt[0]).toBeNull();
    expect(trail[0].fieldChanges.find((f: any) => f.field === 'scopes')).toEqual({ field: 'scopes', label: { zh: '可读资源' }, afterText: { zh: '机构' } });
    expect(trail[1].fieldChanges[0].label.zh).toBe('吊销时间');
    expect(JSON.stringify(trail)).not.toContain(secretPart(secret));
  });
});
