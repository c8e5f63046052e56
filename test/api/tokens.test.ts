import { startTestServer, type TestServer } from '../helpers/test-server';
import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { onlyError, refusal, errorCode, nothingWritten } from '../helpers/expect-errors';

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

/** Retries `check` until it passes or five seconds have gone: a notice between instances takes a moment. */
async function eventually(check: () => Promise<void>): Promise<void> {
  const until = Date.now() + 5_000;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

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
  const post = (token: string) => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ allOrganizations { id } }' }) });
  const revoked = await post(secret);
  expect(revoked.status).toBe(401);
  expect(((await revoked.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(errorCode(await call(server, 'revokeApiToken', { id: apiToken.id }))).toBe('CONFLICT');

  const other = await issue(['Organization']);
  expect((await post(other.secret)).status).toBe(200);
  await server.database.db.execute(`update api_tokens set expires_at = now() - interval '1 minute' where id = ${Number(other.apiToken.id)}`);
  expect((await post(other.secret)).status).toBe(401);
  // A guessed secret for a real id is refused the same way.
  expect((await post(`tet_${other.apiToken.id}_${'A'.repeat(43)}`)).status).toBe(401);
});

it('is issued only by county administrators, with known scopes and a future expiry', async () => {
  const hr = await signedIn('HR');
  expect(errorCode(await call(hr, 'issueApiToken', { name: 'x', scopes: ['Organization'], expiresAt: inAYear() }))).toBe('FORBIDDEN');
  expect(errorCode(await call(server.as(null), 'issueApiToken', { name: 'x', scopes: ['Organization'], expiresAt: inAYear() }))).toBe('UNAUTHENTICATED');
  expect(errorCode(await call(hr, 'apiTokens', {}))).toBe('FORBIDDEN');
  const res = await call(server, 'issueApiToken', { name: ' ', scopes: ['Organization', 'Secrets'], expiresAt: '2020-01-01T00:00:00Z' });
  expect(onlyError(res).extensions?.fieldErrors.map((e: any) => [e.field, e.rule])).toEqual([
    ['name', 'required'],
    ['scopes', 'scope'],
    ['expiresAt', 'future'],
  ]);
});
