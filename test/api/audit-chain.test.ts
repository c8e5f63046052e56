import { getHashes } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { fieldErrors, onlyError, refusal, refused } from '../helpers/expect-errors';
import { appendAuditEntries, chainUnchainedEntries, entryHash } from '../../api/crud/audit-chain';
import { configurationProblems } from '../../api/config-check';

// The audit trail to the standard of a classified-protection assessment: a record with the
// grammar's reads and filters and its export, each entry chained to the one before by a hash that
// `verifyAuditChain` checks, entries kept at least 180 days, and a purge that is itself audited
// and leaves the chain verifiable.
const { server, world, signedIn } = withWorld();

type Rows<T> = { rows: T[] };
const rows = async <T = Record<string, any>>(query: string) => ((await server.database.db.execute(query)) as unknown as Rows<T>).rows;
const verify = (args: Record<string, unknown> = {}) => ok(server, 'verifyAuditChain', args, 'ok checked firstBadId problem anchorEntryId');
const lastEntryId = async () => Number((await rows<{ id: number }>('select max(id)::int as id from audit_entries'))[0].id);

/** Puts a row back as it was (an identity column is only written with OVERRIDING SYSTEM VALUE). */
async function restore(saved: Record<string, unknown>) {
  const json = JSON.stringify(saved).replace(/'/g, "''");
  await server.database.db.execute(`insert into audit_entries overriding system value select * from jsonb_populate_record(null::audit_entries, '${json}'::jsonb)`);
}
const savedRow = async (id: number) => (await rows<{ j: Record<string, unknown> }>(`select to_jsonb(a) as j from audit_entries a where id = ${id}`))[0].j;

it('chains every entry with the platform’s hash, also under concurrent writers', async () => {
  const algorithm = getHashes().includes('sm3') ? 'sm3' : 'sha256';
  const ids = await Promise.all(
    Array.from({ length: 12 }, (_, i) => ok(server, 'createEnforcementDomain', { code: world.unique('AC'), name: `审计链测试领域${i}-${world.unique('')}` }).then((r) => r.id as string)),
  );
  // Each one's update and the creation run side by side too.
  await Promise.all(ids.map((id, i) => ok(server, 'updateEnforcementDomain', { id, name: `审计链测试领域（改）${i}-${world.unique('')}` })));
  const entries = await rows<{ id: number; hash_algorithm: string; previous_hash: string | null; hash: string }>(
    'select id, hash_algorithm, previous_hash, hash from audit_entries order by id',
  );
  expect(entries.length).toBeGreaterThan(24);
  for (let i = 1; i < entries.length; i++) {
    expect(entries[i].hash_algorithm).toBe(algorithm);
    expect(entries[i].hash).toMatch(/^[0-9a-f]{64}$/);
    // One chain: each entry continues the one before it, none twice.
    expect(entries[i].previous_hash).toBe(entries[i - 1].hash);
  }
  const report = await verify();
  expect(report).toEqual({ ok: true, checked: entries.length, firstBadId: null, problem: null, anchorEntryId: null });
  const [head] = await rows('select last_entry_id, last_hash from audit_chain where id = 1');
  expect(head).toEqual({ last_entry_id: entries.at(-1)!.id, last_hash: entries.at(-1)!.hash });
});

it('writes a batch of entries (an import’s) in their order, each value as given, and stays verifiable', async () => {
  const before = await lastEntryId();
  const awkward = { name: ['旧 "名称"', '新\\名称\n第二行 ✓ 😀'], penaltyKinds: [['警告'], ['警告', '罚款']], count: [1, 2.5], blank: [null, ''] };
  const entries = [3, 1, 2].map((recordId) => ({
    actorKind: 'USER',
    actorId: null,
    actorName: `导入 ${recordId}`,
    operation: 'create',
    resource: 'PowerItem',
    recordId,
    changes: recordId === 1 ? awkward : { code: [null, `C-${recordId}`] },
    via: recordId === 2 ? null : 'import:12',
  }));
  await server.database.db.transaction((tx) => appendAuditEntries(tx, entries));
  const written = await rows<{ id: number; actor_name: string; record_id: number; changes: unknown; via: string | null; previous_hash: string | null; hash: string }>(
    `select id, actor_name, record_id, changes, via, previous_hash, hash from audit_entries where id > ${before} order by id`,
  );
  // Ids follow the order given, which is the chain's.
  expect(written.map((e) => [e.record_id, e.actor_name, e.via])).toEqual([
    [3, '导入 3', 'import:12'],
    [1, '导入 1', 'import:12'],
    [2, '导入 2', null],
  ]);
  expect(written[1].changes).toEqual(awkward);
  expect(written[1].previous_hash).toBe(written[0].hash);
  expect(written[2].previous_hash).toBe(written[1].hash);
  const [head] = await rows('select last_entry_id, last_hash from audit_chain where id = 1');
  expect(head).toEqual({ last_entry_id: written[2].id, last_hash: written[2].hash });
  expect(await verify()).toMatchObject({ ok: true, firstBadId: null });
});

it('reports the first entry altered directly in the database', async () => {
  await ok(server, 'updateOrganization', { id: world.street, shortName: '0377-0000001' });
  const [entry] = await rows<{ id: number }>(`select id from audit_entries where resource = 'Organization' and record_id = ${world.street} order by id desc limit 1`);
  const before = await savedRow(entry.id);
  await server.database.db.execute(`update audit_entries set actor_name = 'someone-else' where id = ${entry.id}`);
  expect(await verify()).toMatchObject({ ok: false, firstBadId: String(entry.id), problem: 'ALTERED' });
  await server.database.db.execute(`delete from audit_entries where id = ${entry.id}`);
  await restore(before);
  expect(await verify()).toMatchObject({ ok: true });
  // The changes document is covered as well, whatever order jsonb keeps its keys in.
  await server.database.db.execute(`update audit_entries set changes = jsonb_set(changes, '{shortName,1}', '"0377-9999999"') where id = ${entry.id}`);
  expect(await verify()).toMatchObject({ ok: false, firstBadId: String(entry.id), problem: 'ALTERED' });
  await server.database.db.execute(`delete from audit_entries where id = ${entry.id}`);
  await restore(before);
  expect(await verify()).toMatchObject({ ok: true });
});

it('covers the transaction id, which orders the change feed: an entry moved to another transaction shows as altered', async () => {
  await ok(server, 'updateOrganization', { id: world.street, shortName: '0377-0000011' });
  const last = await lastEntryId();
  const [entry] = await rows<{ tx_id: string; hash_version: number }>(`select tx_id::text, hash_version from audit_entries where id = ${last}`);
  expect(entry.hash_version).toBe(2);
  await server.database.db.execute(`update audit_entries set tx_id = tx_id + 1 where id = ${last}`);
  expect(await verify()).toMatchObject({ ok: false, firstBadId: String(last), problem: 'ALTERED' });
  // Nor can it be passed off as an entry of the version that did not cover it.
  await server.database.db.execute(`update audit_entries set hash_version = 1 where id = ${last}`);
  expect(await verify()).toMatchObject({ ok: false, firstBadId: String(last), problem: 'ALTERED' });
  await server.database.db.execute(`update audit_entries set tx_id = ${entry.tx_id}, hash_version = 2 where id = ${last}`);
  expect(await verify()).toMatchObject({ ok: true });
});

it('still verifies entries chained before the transaction id was covered (version 1)', async () => {
  await ok(server, 'updateOrganization', { id: world.street, shortName: '0377-0000012' });
  const last = await lastEntryId();
  const saved = await savedRow(last);
  // The entry as the previous release chained it: the same content, its hash without the transaction id.
  const e = (await rows<Record<string, any>>(`select * from audit_entries where id = ${last}`))[0];
  const content = { at: new Date(e.at), txId: Number(e.tx_id), actorKind: e.actor_kind, actorId: e.actor_id, actorName: e.actor_name, operation: e.operation, resource: e.resource, recordId: e.record_id, changes: e.changes, via: e.via };
  const v1 = entryHash(e.hash_algorithm, e.previous_hash, content, 1);
  expect(v1).not.toBe(e.hash);
  await server.database.db.execute(`update audit_entries set hash = '${v1}', hash_version = 1 where id = ${last}`);
  await server.database.db.execute(`update audit_chain set last_hash = '${v1}' where id = 1`);
  expect(await verify()).toMatchObject({ ok: true });
  await server.database.db.execute(`delete from audit_entries where id = ${last}`);
  await restore(saved);
  await server.database.db.execute(`update audit_chain set last_hash = '${e.hash}' where id = 1`);
  expect(await verify()).toMatchObject({ ok: true });
});

it('reports a deleted entry at the one after it, and a deleted last entry at the head', async () => {
  await ok(server, 'updateOrganization', { id: world.street, shortName: '0377-0000002' });
  await ok(server, 'updateOrganization', { id: world.street, shortName: '0377-0000003' });
  const last = await lastEntryId();
  const middle = await savedRow(last - 1);
  await server.database.db.execute(`delete from audit_entries where id = ${last - 1}`);
  expect(await verify()).toMatchObject({ ok: false, firstBadId: String(last), problem: 'BROKEN_LINK' });
  // A range that starts after the gap links to the entry before it, so it sees the gap too.
  expect(await verify({ from: String(last) })).toMatchObject({ ok: false, checked: 1, firstBadId: String(last), problem: 'BROKEN_LINK' });
  await restore(middle);
  expect(await verify({ from: String(last - 5), to: String(last) })).toMatchObject({ ok: true, checked: 6 });

  const end = await savedRow(last);
  await server.database.db.execute(`delete from audit_entries where id = ${last}`);
  expect(await verify()).toMatchObject({ ok: false, firstBadId: String(last - 1), problem: 'HEAD_MISMATCH' });
  await restore(end);
  expect(await verify()).toMatchObject({ ok: true });
});

it('searches the whole trail with the grammar’s filters, county administrators all of it, others their own actions', async () => {
  const hr = await signedIn('HR', world.street);
  const person = (await ok(hr, 'createStaffMember', { name: world.unique('审计员'), organizationId: world.street, category: 'ENFORCEMENT' })).id as string;
  const me = (await ok(hr, 'me', {}, 'id')).id as string;
  const since = new Date(Date.now() - 60_000).toISOString();
  const filter = { resource: 'StaffMember', recordId: Number(person), operation: 'create', actorId: Number(me), at_gte: since };
  const found = await ok(server, 'allAuditEntries', { filter }, 'id at actorKind actorId actorName operation resource recordId via hashAlgorithm hash changes atLocal fieldChanges { field }');
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ actorKind: 'USER', actorId: Number(me), operation: 'create', resource: 'StaffMember', recordId: Number(person), via: null });
  expect(found[0].changes.organizationId).toEqual([null, Number(world.street)]);
  expect(found[0].fieldChanges.map((c: { field: string }) => c.field)).toContain('name');
  expect((await ok(server, '_allAuditEntriesMeta', { filter: { at_gte: since } }, 'count')).count).toBeGreaterThanOrEqual(1);

  // The street's account reads its own actions, and nobody else's.
  const own = await ok(hr, 'allAuditEntries', { perPage: 1000 }, 'actorId');
  expect(own.length).toBeGreaterThan(0);
  expect(new Set(own.map((e: { actorId: number }) => e.actorId))).toEqual(new Set([Number(me)]));
  const others = await ok(hr, 'allAuditEntries', { filter: { resource: 'EnforcementDomain' } }, 'id');
  expect(others).toEqual([]);
  // …and still the history of a record it may read, whoever made it.
  await ok(server, 'updateStaffMember', { id: person, name: world.unique('审计员改') });
  expect((await ok(hr, 'auditTrail', { resource: 'StaffMember', id: person }, 'operation actorName')).map((e: { operation: string }) => e.operation)).toEqual(['create', 'update']);

  // No one writes the trail through the API, and only county administrators verify or purge it.
  const schema = await server.gql('{ __type(name: "Mutation") { fields { name } } }');
  expect(schema.data!.__type.fields.map((f: { name: string }) => f.name).filter((n: string) => /AuditEntr/.test(n))).toEqual(['purgeAuditEntries']);
  refusal(await call(hr, 'verifyAuditChain', {}, 'ok'), 'FORBIDDEN');
  const streetAdmin = await signedIn('ADMIN', world.street);
  refusal(await call(streetAdmin, 'verifyAuditChain', {}, 'ok'), 'FORBIDDEN');
  refusal(await refused(hr, 'purgeAuditEntries', { olderThanDays: 365 }), 'FORBIDDEN');
});

it('exports the trail as a spreadsheet through the generic export', async () => {
  const base = server.url.replace(/\/graphql$/, '');
  const filter = encodeURIComponent(JSON.stringify({ resource: 'Organization', recordId: Number(world.street) }));
  const res = await fetch(`${base}/export/AuditEntry?format=csv&filter=${filter}`, { headers: { authorization: `Bearer ${server.adminToken}` } });
  expect(res.status).toBe(200);
  const [header, ...lines] = parse(Buffer.from(await res.arrayBuffer()).subarray(3).toString('utf8')) as string[][];
  expect(header).toEqual(expect.arrayContaining(['时间', '操作人', '操作', '对象类型', '对象编号', '哈希值']));
  expect(lines.length).toBeGreaterThanOrEqual(3);
  expect(new Set(lines.map((l) => l[header.indexOf('对象类型')]))).toEqual(new Set(['Organization']));
});

it('keeps entries younger than the retention period, purges older ones with an audited anchor, and stays verifiable', async () => {
  // Nothing younger than 180 days: refused, in both languages, writing nothing.
  const res = await refused(server, 'purgeAuditEntries', { olderThanDays: 179 });
  expect(fieldErrors(res)).toEqual({ olderThanDays: 'min' });
  expect(onlyError(res).message).toMatch(/180/);
  expect(configurationProblems({ AUDIT_RETENTION_DAYS: '90' }).map((p) => p.en).join()).toMatch(/AUDIT_RETENTION_DAYS/);
  expect(configurationProblems({ AUDIT_RETENTION_DAYS: '365' })).toEqual([]);

  // The entries up to here become a year old, as written before the chain existed (an upgrade):
  // the server chains them at its start, in id order.
  const cut = await lastEntryId();
  await server.database.db.execute(`update audit_entries set at = at - interval '365 days' where id <= ${cut}`);
  await server.database.db.execute('update audit_entries set hash = null, previous_hash = null, hash_algorithm = null');
  await server.database.db.execute('update audit_chain set last_entry_id = null, last_hash = null');
  expect(await verify()).toMatchObject({ ok: false, problem: 'UNCHAINED' });
  expect(await chainUnchainedEntries(server.database.db)).toBe(cut);
  expect(await chainUnchainedEntries(server.database.db)).toBe(0);
  expect(await verify()).toMatchObject({ ok: true, checked: cut });
  await ok(server, 'updateOrganization', { id: world.street, shortName: '0377-0000004' });
  const young = await lastEntryId();

  const purge = await ok(server, 'purgeAuditEntries', { olderThanDays: 180 }, 'deleted anchorEntryId before');
  expect(purge).toMatchObject({ deleted: cut, anchorEntryId: String(cut) });
  const left = await rows<{ id: number }>('select id from audit_entries order by id');
  expect(left[0].id).toBe(young);
  // The purge is itself in the trail, and the chain checks from the anchor on.
  const [entry] = await ok(server, 'allAuditEntries', { filter: { operation: 'purge' } }, 'actorName resource recordId changes fieldChanges { label { zh } afterText { zh } }');
  expect(entry).toMatchObject({ resource: 'AuditEntry', recordId: cut, changes: { deleted: [null, cut] } });
  expect(entry.fieldChanges.map((c: { label: { zh: string } }) => c.label.zh)).toEqual(expect.arrayContaining(['清理界限', '删除条数']));
  expect(await verify()).toEqual({ ok: true, checked: 2, firstBadId: null, problem: null, anchorEntryId: String(cut) });
  // Deleting the first entry after the anchor still shows.
  const first = await savedRow(young);
  await server.database.db.execute(`delete from audit_entries where id = ${young}`);
  expect(await verify()).toMatchObject({ ok: false, problem: 'BROKEN_LINK' });
  await restore(first);
  // A second purge finds nothing old.
  expect(await ok(server, 'purgeAuditEntries', {}, 'deleted')).toEqual({ deleted: 0 });
  expect(await verify()).toMatchObject({ ok: true });
});
