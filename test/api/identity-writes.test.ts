import { call, ok } from '../helpers/operations';
import { errorCode } from '../helpers/expect-errors';
import { withWorld } from '../helpers/fixtures';

// The server keeps who signs requests in memory (api/auth/identity-cache.ts). A mutation that
// writes accounts, tokens, sessions or organizations empties it at once on this instance; any other
// write (a power item, a domain) keeps it, so the next read needs no lookup of its caller.
const { server, world, signedIn } = withWorld();

/** The statements of one read as this caller. */
async function statementsOfRead(as = server): Promise<string[]> {
  server.queries.length = 0;
  await ok(as, '_allOrganizationsMeta', {}, 'count');
  return [...server.queries];
}

const lookups = (statements: string[]) => statements.filter((s) => /from "(users|user_sessions|api_tokens)"/.test(s));

it('keeps who signs requests across a business write', async () => {
  await statementsOfRead();
  expect(lookups(await statementsOfRead())).toEqual([]);
  await ok(server, 'updatePowerItem', { id: world.powerItem, description: world.unique('说明'), version: 1 }, 'id');
  await ok(server, 'createEnforcementDomain', { code: world.unique('D'), name: world.unique('市场监管') });
  expect(lookups(await statementsOfRead())).toEqual([]);
});

it('forgets at once what an account change makes stale', async () => {
  const viewer = await signedIn('VIEWER', world.street);
  await statementsOfRead(viewer);
  expect(lookups(await statementsOfRead(viewer))).toEqual([]);
  const me = await ok(viewer, 'me', {}, 'id');
  // An account change: the caller is looked up again on the next request, and a deactivation holds at once.
  await ok(server, 'updateUser', { id: me.id, displayName: world.unique('改名') }, 'id');
  expect(lookups(await statementsOfRead(viewer)).length).toBeGreaterThan(0);
  await ok(server, 'updateUser', { id: me.id, active: false }, 'id');
  expect(errorCode(await call(viewer, '_allOrganizationsMeta', {}, 'count'))).toBe('UNAUTHENTICATED');
});
