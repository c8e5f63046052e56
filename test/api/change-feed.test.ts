import { sql } from 'drizzle-orm';
import { getNamedType, isEnumType, isScalarType, type GraphQLObjectType } from 'graphql';
import { getApp } from '../../api/app';
import { runAs, type Actor } from '../../api/auth/actor';
import { organizationResource } from '../../api/resources/organization/organization.resource';
import { syncable } from '../../api/sync/change-feed.resolver';
import { startGeneration } from '../../api/ops/sync-generation';
import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { errorCode, onlyError, refusal, fieldErrors } from '../helpers/expect-errors';
import type { TestServer } from '../helpers/test-server';

// Incremental sync: a client that keeps its own copy follows `changesSince` and ends with what
// `allXs` reads, through creates, edits, deletions, bulk edits and a catalog publication; a token
// follows only its scopes, masked as everywhere; and on PostgreSQL a transaction that began first
// and commits last is not skipped.
const { server, world, signedIn } = withWorld();

const { schema, records } = getApp();
const ALL = records.models.filter(syncable).map((m) => m.name);
const plural = (name: string) => records.named(name)!.model.plural;

/** The stored fields of a record as GraphQL reads them (computed ones follow other records or the day). */
function storedFields(name: string): string[] {
  const type = schema.getType(name) as GraphQLObjectType;
  const model = records.named(name)!.model;
  return model.fields
    .map((f) => f.key)
    .filter((key) => {
      const field = type.getFields()[key];
      if (!field || field.args.length) return false;
      const named = getNamedType(field.type);
      return isScalarType(named) || isEnumType(named);
    });
}

type Copy = Map<string, Map<string, Record<string, unknown>>>;

interface Client {
  copy: Copy;
  cursor: string | null;
  pages: number;
}

/** Applies the feed until it has nothing more ready: upsert each record, remove it when null. */
async function follow(as: TestServer, client: Client, resources: string[] | null, first = 7): Promise<any[]> {
  const seen: any[] = [];
  for (;;) {
    const page = await ok<any>(
      as,
      'changesSince',
      { cursor: client.cursor, first, ...(resources ? { resources } : {}) },
      'changes { resource id operation at record { __typename } data } nextCursor hasMore',
    );
    client.pages++;
    for (const change of page.changes) {
      seen.push(change);
      const table = client.copy.get(change.resource) ?? new Map();
      client.copy.set(change.resource, table);
      expect(Boolean(change.record)).toBe(Boolean(change.data));
      if (change.data) {
        expect(change.record.__typename).toBe(change.resource);
        table.set(change.id, change.data);
      } else table.delete(change.id);
    }
    expect(page.nextCursor).toMatch(/^s2\./);
    client.cursor = page.nextCursor;
    if (!page.hasMore) return seen;
  }
}

/** What `allXs` reads now, in the same shape as the copy. */
async function ours(as: TestServer, names: string[]): Promise<Copy> {
  const out: Copy = new Map();
  for (const name of names) {
    const rows = await ok<any[]>(as, `all${plural(name)}`, { perPage: 1000 }, storedFields(name).join(' '));
    out.set(name, new Map(rows.map((r) => [String(r.id), r])));
  }
  return out;
}

function sameCopy(copy: Copy, expected: Copy): void {
  for (const [name, rows] of expected) {
    const mine = copy.get(name) ?? new Map();
    expect({ [name]: [...mine.entries()].sort(([a], [b]) => Number(a) - Number(b)) }).toEqual({
      [name]: [...rows.entries()].sort(([a], [b]) => Number(a) - Number(b)),
    });
  }
}

const inAYear = () => new Date(Date.now() + 365 * 86400_000).toISOString();

describe('a client keeping its own copy', () => {
  // Every record the API wrote: the test county was created through it, so the audit trail holds it
  // from the start. Accounts are made by the test harness directly, so they are left to the client
  // that starts from a full read.
  const RESOURCES = ALL.filter((n) => n !== 'User');
  const fromStart: Client = { copy: new Map(), cursor: null, pages: 0 };
  const bootstrapped: Client = { copy: new Map(), cursor: null, pages: 0 };

  it('starts from the beginning of the log, or from a full read', async () => {
    await follow(server, fromStart, RESOURCES);
    sameCopy(fromStart.copy, await ours(server, RESOURCES));
    expect(fromStart.pages).toBeGreaterThan(1);
    // The other way in: the position first, then everything in full.
    bootstrapped.cursor = await ok<string>(server, 'syncCursor', {});
    bootstrapped.copy = await ours(server, ALL);
  });

  it('follows creates, edits, bulk edits and deletions, and a catalog publication', async () => {
    const person = (await ok(server, 'createStaffMember', { name: '同步员甲', organizationId: world.street, category: 'ENFORCEMENT', mobile: '13800001111' })).id;
    const other = (await ok(server, 'createStaffMember', { name: '同步员乙', organizationId: world.street, category: 'ENFORCEMENT' })).id;
    await follow(server, fromStart, RESOURCES);
    await ok(server, 'updateStaffMember', { id: person, mobile: '13800002222' });
    await ok(server, 'updateStaffMembers', { ids: [person, other], data: { category: 'AUXILIARY' } }, 'ids');
    const { liaison } = await world.directory();
    await ok(server, 'deleteLiaisonContact', { id: liaison });
    // Created and deleted between two reads: the create comes without a record, then the deletion.
    const brief = await world.org('临时街道', 'STREET');
    await ok(server, 'deleteOrganization', { id: brief });
    const seen = await follow(server, fromStart, RESOURCES);
    expect(seen.filter((c) => c.id === brief).map((c) => [c.operation, c.data])).toEqual([
      ['CREATE', null],
      ['DELETE', null],
    ]);
    expect(seen.find((c) => c.resource === 'LiaisonContact' && c.id === liaison && c.operation === 'DELETE')).toBeTruthy();

    // A publication writes several records in one transaction: the new edition, the one it
    // supersedes and that edition's delegations, ended the day before.
    await ok(server, 'publishDelegationCatalog', { id: world.catalog });
    const next = (await ok(server, 'createDelegationCatalog', {
      title: world.unique('同步目录'), issuingOrganizationId: world.government, documentNumber: world.unique('测政〔2024〕'),
      issuedOn: '2024-06-15', effectiveFrom: '2024-07-01', supersedesId: world.catalog,
    })).id;
    await ok(server, 'createDelegation', {
      catalogId: next, powerItemId: world.powerItem, recipientId: world.street, delegatingOrganizationId: world.department, mode: 'GRANTED', effectiveFrom: '2024-07-01',
    });
    await follow(server, fromStart, RESOURCES);
    await ok(server, 'publishDelegationCatalog', { id: next });
    const published = await follow(server, fromStart, RESOURCES);
    expect(published.map((c) => `${c.resource}:${c.operation}`).sort()).toEqual(
      expect.arrayContaining(['Delegation:UPDATE', 'DelegationCatalog:UPDATE', 'DelegationCatalog:UPDATE']),
    );
    expect(fromStart.copy.get('DelegationCatalog')!.get(world.catalog)).toMatchObject({ status: 'SUPERSEDED' });
    expect(fromStart.copy.get('Delegation')!.get(world.delegation)).toMatchObject({ effectiveTo: '2024-06-30' });

    const expected = await ours(server, ALL);
    sameCopy(fromStart.copy, new Map([...expected].filter(([name]) => name !== 'User')));
    await ok(server, 'updateUser', { id: (await ok(server, 'me', {}, 'id')).id, displayName: '同步管理员' });
    await follow(server, bootstrapped, null, 50);
    sameCopy(bootstrapped.copy, await ours(server, ALL));
  });

  it('has nothing new to say when nothing changed, and keeps its place', async () => {
    const page = await ok<any>(server, 'changesSince', { cursor: fromStart.cursor, resources: RESOURCES }, 'changes { id } nextCursor hasMore');
    expect(page).toMatchObject({ changes: [], hasMore: false });
    const again = await ok<any>(server, 'changesSince', { cursor: page.nextCursor, resources: RESOURCES }, 'changes { id } nextCursor');
    expect(again.changes).toEqual([]);
  });
});

describe('who follows what', () => {
  it('gives a token only its scopes, with personal fields masked as everywhere', async () => {
    const start = await ok<string>(server, 'syncCursor', {});
    const person = (await ok(server, 'createStaffMember', { name: '王同步', organizationId: world.street, category: 'ENFORCEMENT', mobile: '13812345678' })).id;
    await ok(server, 'updateOrganization', { id: world.street, shortName: '同步街道' });
    await ok(server, 'createEnforcementDomain', { code: world.unique('S'), name: world.unique('同步领域') });
    const issued = await ok(server, 'issueApiToken', { name: '执法监督平台', scopes: ['StaffMember', 'Organization'], expiresAt: inAYear() }, 'secret');
    const token = server.as(issued.secret);

    const client: Client = { copy: new Map(), cursor: start, pages: 0 };
    const seen = await follow(token, client, ['StaffMember', 'Organization']);
    expect(new Set(seen.map((c) => c.resource))).toEqual(new Set(['StaffMember', 'Organization']));
    expect(client.copy.get('StaffMember')!.get(person)).toMatchObject({ name: '王**', mobile: '138******78' });
    // The typed record, with a reference, masked the same way.
    const typed = await ok<any>(token, 'changesSince', { cursor: start, resources: ['StaffMember'] }, 'changes { id record { ... on StaffMember { name mobile organization { name } } } }');
    expect(typed.changes.find((c: any) => c.id === person).record).toEqual({ name: '王**', mobile: '138******78', organization: { name: '测试街道' } });
    // Without `resources`, a token follows its scopes: the new enforcement domain is not there.
    const all = await ok<any>(token, 'changesSince', { cursor: start }, 'changes { resource id }');
    expect(new Set(all.changes.map((c: any) => c.resource))).toEqual(new Set(['StaffMember', 'Organization']));
    // The token's copy is what it reads: masked.
    const read = await ok<any[]>(token, 'allStaffMembers', { filter: { id: person } }, 'name mobile');
    expect(read).toEqual([{ name: '王**', mobile: '138******78' }]);

    const outside = onlyError(await call(token, 'changesSince', { cursor: start, resources: ['StaffMember', 'Delegation'] }, 'nextCursor'));
    expect(outside.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(outside.message).toContain('Delegation');

    const personal = await ok(server, 'issueApiToken', { name: '人事系统', scopes: ['StaffMember'], expiresAt: inAYear(), personalData: true }, 'secret');
    const unmasked = await ok<any>(server.as(personal.secret), 'changesSince', { cursor: start }, 'changes { id record { ... on StaffMember { name mobile } } }');
    expect(unmasked.changes.find((c: any) => c.id === person).record).toEqual({ name: '王同步', mobile: '13812345678' });
  });

  it('shows a signed-in user only the accounts it may read', async () => {
    const start = await ok<string>(server, 'syncCursor', {});
    const hrToken = await server.tokenFor('HR', world.street);
    const hr = server.as(hrToken);
    const hrId = (await ok(hr, 'me', {}, 'id')).id;
    const adminId = (await ok(server, 'me', {}, 'id')).id;
    await ok(server, 'updateUser', { id: adminId, displayName: '另一管理员' });
    await ok(server, 'updateUser', { id: hrId, displayName: '街道人事' });
    const seen = await ok<any>(hr, 'changesSince', { cursor: start, resources: ['User'] }, 'changes { id record { ... on User { displayName } } }');
    expect(seen.changes).toEqual([{ id: hrId, record: { displayName: '街道人事' } }]);
    const admin = await ok<any>(server, 'changesSince', { cursor: start, resources: ['User'] }, 'changes { id }');
    expect(admin.changes.map((c: any) => c.id)).toEqual([adminId, hrId]);
  });

  it('tells a street’s administrator of its own street’s accounts, gone ones included, and nothing of the others', async () => {
    const start = await ok<string>(server, 'syncCursor', {});
    const streetAdmin = await signedIn('ADMIN', world.street);
    const create = (username: string, organizationId: string) => ok(server, 'createUser', { username, role: 'VIEWER', organizationId }).then((r) => r.id as string);
    const leaving = await create('feed.leaving', world.street);
    const moving = await create('feed.moving', world.street);
    const elsewhere = await create('feed.elsewhere', world.township);
    await ok(server, 'deleteUser', { id: leaving });
    await ok(server, 'updateUser', { id: moving, organizationId: world.township });
    await ok(server, 'deleteUser', { id: elsewhere });
    const seen = await ok<any>(streetAdmin, 'changesSince', { cursor: start, resources: ['User'] }, 'changes { id operation data }');
    const mine = seen.changes.filter((c: any) => [leaving, moving, elsewhere].includes(c.id));
    // Created (now gone, so without data), deleted; created, moved away (no longer in sight): the
    // copy drops both; of the township's account, not even the id.
    expect(mine.map((c: any) => [c.id, c.operation, c.data])).toEqual([
      [leaving, 'CREATE', null],
      [moving, 'CREATE', null],
      [leaving, 'DELETE', null],
      [moving, 'UPDATE', null],
    ]);
  });

  it('tells no one of the API tokens but those who keep them, not even their ids', async () => {
    const start = await ok<string>(server, 'syncCursor', {});
    const token = await ok(server, 'issueApiToken', { name: '同步测试平台', scopes: ['Organization'], expiresAt: '2099-01-01T00:00:00Z' }, 'apiToken { id }');
    const viewer = await signedIn('VIEWER');
    refusal(await call(viewer, 'changesSince', { cursor: start, resources: ['ApiToken'] }, 'nextCursor'), 'FORBIDDEN');
    const everything = await ok<any>(viewer, 'changesSince', { cursor: start }, 'changes { resource id }');
    expect(everything.changes.filter((c: any) => c.resource === 'ApiToken')).toEqual([]);
    const keeper = await ok<any>(server, 'changesSince', { cursor: start, resources: ['ApiToken'] }, 'changes { id }');
    expect(keeper.changes.map((c: any) => c.id)).toContain(token.apiToken.id);
  });

  it('refuses what cannot be followed, and callers who are not signed in', async () => {
    expect(fieldErrors(await call(server, 'changesSince', { resources: ['LoginEvent'] }, 'nextCursor'))).toEqual({ resources: 'notSynced' });
    expect(fieldErrors(await call(server, 'changesSince', { resources: ['Nothing'] }, 'nextCursor'))).toEqual({ resources: 'unknownResource' });
    expect(fieldErrors(await call(server, 'changesSince', { cursor: 'not-a-cursor' }, 'nextCursor'))).toEqual({ cursor: 'cursor' });
    expect(fieldErrors(await call(server, 'changesSince', { first: 0 }, 'nextCursor'))).toEqual({ first: 'range' });
    expect(fieldErrors(await call(server, 'changesSince', { first: 501 }, 'nextCursor'))).toEqual({ first: 'range' });
    refusal(await call(server.as(null), 'changesSince', {}, 'nextCursor'), 'UNAUTHENTICATED');
    refusal(await call(server.as(null), 'syncCursor', {}), 'UNAUTHENTICATED');
    expect(errorCode(await call(await signedIn('HR', world.street), 'syncCursor', {}))).toBeUndefined();
  });
});

describe('transactions that end out of order', () => {
  // PGlite has one connection: transactions cannot overlap there.
  if (process.env.TEST_DRIVER === 'pg') it('does not skip a transaction that began first and committed after a later one', async () => {
    const admin = (await ok(server, 'me', {}, 'id username role')) as { id: string; username: string };
    const actor: Actor = { kind: 'USER', id: Number(admin.id), name: admin.username, role: 'ADMIN', organizationId: null, local: false };
    const client: Client = { copy: new Map(), cursor: await ok<string>(server, 'syncCursor', {}), pages: 0 };
    const early = await world.org('先开始的街道', 'STREET');
    const late = await world.org('后开始的街道', 'STREET');
    await follow(server, client, ['Organization']);

    let commit!: () => void;
    const released = new Promise<void>((resolve) => (commit = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    // A transaction on a connection of its own: it takes its transaction id first, then waits, then
    // writes and commits. (Its audited write comes last: audited writes queue on the audit chain's
    // head until the writer commits, so a transaction can only fall behind before its first entry.)
    const first = runAs(actor, () =>
      server.database.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_current_xact_id()`);
        wrote();
        await released;
        await records.of(organizationResource).update(tx, early, { name: '先开始、后提交' });
      }),
    );
    let between: any[];
    try {
      await written;
      // A later transaction, through the API, commits at once.
      await ok(server, 'updateOrganization', { id: late, name: '后开始、先提交' });
      // A client reading now gets neither: the later one waits behind the one still running.
      between = await follow(server, client, ['Organization']);
    } finally {
      commit();
      await first;
    }
    expect(between.map((c) => c.id)).toEqual([]);
    const after = await follow(server, client, ['Organization']);
    expect(after.map((c) => [c.id, c.data.name])).toEqual([
      [early, '先开始、后提交'],
      [late, '后开始、先提交'],
    ]);
    expect(client.copy.get('Organization')!.get(early)).toMatchObject({ name: '先开始、后提交' });
  });
});

describe('cursors the feed can no longer continue from', () => {
  // Last in this file: the purge takes the start of the trail away from every other test.
  const restart = (res: Awaited<ReturnType<typeof call>>, reason: string) => {
    const error = refusal(res, 'SYNC_RESTART');
    expect(error.extensions?.reason).toBe(reason);
    expect(error.extensions?.messages).toEqual({ zh: expect.stringMatching(/^须重新同步/), en: expect.stringMatching(/^Sync again from the start/) });
  };
  const changes = (cursor: string | null) => call(server, 'changesSince', { cursor, resources: ['Organization'] }, 'changes { id data } nextCursor hasMore');

  it('refuses a cursor from before a purge past it, and no cursor at all; a cursor past the purge and a new one go on', async () => {
    const before = await ok<string>(server, 'syncCursor', {});
    expect(before).toMatch(/^s2\./);
    const old = await world.org('清理前的街道', 'STREET');
    const client: Client = { copy: new Map(), cursor: before, pages: 0 };
    expect((await follow(server, client, ['Organization'])).map((c) => c.id)).toEqual([old]);
    const past = client.cursor!;

    // Everything so far becomes a year old and is purged; one change after it stays.
    const [{ cut, n }] = ((await server.database.db.execute(sql`select max(id)::int as cut, count(*)::int as n from audit_entries`)) as unknown as { rows: { cut: number; n: number }[] }).rows;
    await server.database.db.execute(sql`update audit_entries set at = at - interval '365 days' where id <= ${cut}`);
    await ok(server, 'updateOrganization', { id: old, name: '清理后改名的街道' });
    expect(await ok(server, 'purgeAuditEntries', { olderThanDays: 180 }, 'deleted')).toEqual({ deleted: n });

    restart(await changes(before), 'PURGED');
    restart(await changes(null), 'PURGED');
    const [generation] = await ok<{ purgedEntryId: string | null }[]>(server, 'syncGeneration', {}, 'purgedEntryId');
    expect(generation.purgedEntryId).not.toBeNull();

    // The cursor the client kept after reading what was purged goes on with the change after it.
    const page = await ok<{ changes: { id: string; data: { name: string } }[]; nextCursor: string }>(server, 'changesSince', { cursor: past, resources: ['Organization'] }, 'changes { id data } nextCursor');
    expect(page.changes.map((c) => [c.id, c.data.name])).toEqual([[old, '清理后改名的街道']]);
    expect(errorCode(await changes(page.nextCursor))).toBeUndefined();
    expect(errorCode(await changes(await ok<string>(server, 'syncCursor', {})))).toBeUndefined();
  });

  it('refuses a cursor of another generation (a restore since) and of the former form; the new generation’s cursors go on', async () => {
    const kept = await ok<string>(server, 'syncCursor', {});
    expect(errorCode(await changes(kept))).toBeUndefined();
    const [was] = await ok<{ generation: string }[]>(server, 'syncGeneration', {}, 'generation');
    // What a restore does once every row is in.
    await startGeneration(server.database.db);
    const [now] = await ok<{ generation: string; purgedTxId: string | null }[]>(server, 'syncGeneration', {}, 'generation purgedTxId');
    expect(now.generation).not.toBe(was.generation);
    expect(now.purgedTxId).toBeNull();
    restart(await changes(kept), 'GENERATION');
    restart(await changes(`s1.${Buffer.from('12345:0').toString('base64url')}`), 'GENERATION');
    const fresh = await ok<string>(server, 'syncCursor', {});
    const moved = await world.org('恢复后的街道', 'STREET');
    const page = await ok<{ changes: { id: string }[] }>(server, 'changesSince', { cursor: fresh, resources: ['Organization'] }, 'changes { id }');
    expect(page.changes.map((c) => c.id)).toEqual([moved]);
    // A cursor that is not one at all stays bad input.
    expect(fieldErrors(await changes('s2.bm90LWEtY3Vyc29y'))).toEqual({ cursor: 'cursor' });
  });

  it('leaves a restored trail out of the feed: its transaction ids are another database’s, and say nothing here even once purged', async () => {
    await world.org('恢复前的街道', 'STREET');
    // As a restore into a new cluster leaves it: the trail's transaction ids run ahead of this database's.
    await server.database.db.execute(sql`update audit_entries set tx_id = tx_id + 1000000000`);
    await startGeneration(server.database.db);
    restart(await changes(null), 'GENERATION');
    const fresh = await ok<string>(server, 'syncCursor', {});
    const made = await world.org('恢复后新建的街道', 'STREET');
    const page = await ok<{ changes: { id: string }[]; nextCursor: string }>(server, 'changesSince', { cursor: fresh, resources: ['Organization'] }, 'changes { id } nextCursor');
    expect(page.changes.map((c) => c.id)).toEqual([made]);
    // The restored entries age and are purged: this generation's cursors go on.
    await server.database.db.execute(sql`update audit_entries set at = at - interval '365 days' where tx_id >= 1000000000`);
    expect((await ok<{ deleted: number }>(server, 'purgeAuditEntries', { olderThanDays: 180 }, 'deleted')).deleted).toBeGreaterThan(0);
    expect(errorCode(await changes(fresh))).toBeUndefined();
    const next = await world.org('清理后新建的街道', 'STREET');
    const after = await ok<{ changes: { id: string }[] }>(server, 'changesSince', { cursor: page.nextCursor, resources: ['Organization'] }, 'changes { id }');
    expect(after.changes.map((c) => c.id)).toEqual([next]);
  });
});

