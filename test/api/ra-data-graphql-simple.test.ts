import type { TestServer } from '../helpers/test-server';
import { withWorld, type World } from '../helpers/fixtures';
import { ok } from '../helpers/operations';
import { getApp } from '../../api/app';

// The stock react-admin provider, unmodified, is the contract third-party clients and the admin
// rely on. It is loaded with require: its ESM build trips on @apollo/client 3 under Node.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const buildGraphQLProvider = require('ra-data-graphql-simple').default;

const { server, world } = withWorld();
let provider: any;
let bulkProvider: any;

beforeAll(async () => {
  await world.directory();
  await hrAndSupervision(world, server);
  const headers = { authorization: `Bearer ${server.adminToken}` };
  provider = buildGraphQLProvider({ clientOptions: { uri: server.url, headers } });
  bulkProvider = buildGraphQLProvider({ clientOptions: { uri: server.url, headers }, bulkActionsEnabled: true });
});

/** Every record the API registers, from the same list the server is built from. */
const resources = getApp().records.models.map((m) => m.name);

/** One record of every HR, training and supervision resource, so every list has something to show. */
async function hrAndSupervision(w: World, s: TestServer) {
  const { session, finding } = await w.supervision();
  const person = await w.generalLaw(await w.staffMember());
  const certificate = (await ok(s, 'createCertificate', { staffMemberId: person, number: w.unique('豫执-'), issuingAuthority: '河南省人民政府', issuedOn: '2023-01-01' })).id;
  await ok(s, 'createTrainingAudience', { sessionId: session, organizationId: w.street });
  await ok(s, 'createEquipmentItem', { organizationId: w.street, kind: 'BODY_CAMERA', number: w.unique('ZB-'), acquiredOn: '2023-05-01' });
  await ok(s, 'createPatrolGrid', { organizationId: w.street, name: w.unique('网格'), level: 'LEVEL_1' });
  const referral = { kind: 'STREET_TO_DEPARTMENT', fromOrganizationId: w.street, toOrganizationId: w.department, matter: '占道经营', legalBasis: '《条例》第五条', sentOn: '2025-03-03' };
  await ok(s, 'createCaseReferral', referral);
  await ok(s, 'createComplaint', { subject: '夜间施工噪声扰民', channel: 'HOTLINE_12345', responsibleOrganizationId: w.street, receivedOn: '2025-04-01' });
  // A notice to the street, and its receipt: opening it leaves one (the server writes receipts).
  const notice = (await ok(s, 'createNotice', { title: '关于报送整治情况的通知', body: '请于月底前报送。', publisherId: w.department, publishedOn: '2025-04-02' })).id;
  await ok(s, 'createNoticeRecipient', { noticeId: notice, organizationId: w.street });
  await ok(s, 'markNoticeRead', { id: notice });
  const dispatch = (await ok(s, 'createDispatchRequest', { streetId: w.street, matter: '渣土抛洒', place: '路口', raisedAt: '2025-03-03T01:00:00Z', dueOn: '2025-03-05' })).id;
  await ok(s, 'createDispatchAssignment', { requestId: dispatch, departmentId: w.department });
  // The login log and the sessions are written by the server alone: a sign-in attempt writes one.
  await s.as(null).gql('mutation { login(username: "no.such.user", password: "x") { token } }');
  await ok(s, 'createPosting', { staffMemberId: person, organizationId: w.street, post: 'ENFORCEMENT', startedOn: '2024-01-01' });
  await ok(s, 'createCertificateEvent', { certificateId: certificate, kind: 'SUSPENDED', occurredOn: '2024-02-01', reason: '接受调查' });
  await ok(s, 'createStaffingQuota', { organizationId: w.street, category: 'ENFORCEMENT', year: 2026, approvedCount: 3 });
  await ok(s, 'createTransfer', { staffMemberId: person, kind: 'REASSIGNMENT', toOrganizationId: w.township, effectiveDate: '2025-01-01' });
  await ok(s, 'createTrainingAttendance', { sessionId: session, staffMemberId: person, hoursAttended: 10 });
  await ok(s, 'createFindingEscalation', { findingId: finding, level: 'NOTICE', escalatedOn: '2025-07-02', note: '发提醒函' });
  await ok(s, 'createCaseReport', { organizationId: w.street, periodStart: '2025-01-01', periodEnd: '2025-12-31', casesDue: 10, casesFiled: 9 });
  await ok(s, 'createSystemParameter', { key: 'LIAISONS_MIN', value: 2 });
  // A token is issued, not created.
  await ok(s, 'issueApiToken', { name: '执法监督平台', scopes: ['Organization'], expiresAt: '2099-01-01T00:00:00Z' }, 'secret');
}

it('knows every resource and every verb from introspection', async () => {
  for (const resource of resources) {
    const { data, total } = await provider.getList(resource, {
      pagination: { page: 1, perPage: 5 },
      sort: { field: 'id', order: 'ASC' },
      filter: {},
    });
    expect(total).toBeGreaterThan(0);
    expect(data.length).toBeGreaterThan(0);
  }
});

it('getList pages, sorts and filters (q and field filters)', async () => {
  for (const name of ['B街道', 'C街道', 'A街道']) await world.org(name, 'STREET', { region: '契约县' });
  const page1 = await provider.getList('Organization', {
    pagination: { page: 1, perPage: 2 },
    sort: { field: 'name', order: 'DESC' },
    filter: { region: '契约县' },
  });
  expect(page1.total).toBe(3);
  expect(page1.data.map((o: any) => o.name)).toEqual(['C街道', 'B街道']);
  const page2 = await provider.getList('Organization', {
    pagination: { page: 2, perPage: 2 },
    sort: { field: 'name', order: 'DESC' },
    filter: { region: '契约县' },
  });
  expect(page2.data.map((o: any) => o.name)).toEqual(['A街道']);
  const searched = await provider.getList('Organization', {
    pagination: { page: 1, perPage: 10 },
    sort: { field: 'id', order: 'ASC' },
    filter: { q: 'b街', region: '契约县' },
  });
  expect(searched.data.map((o: any) => o.name)).toEqual(['B街道']);
});

it('getOne returns the record with its references as ids', async () => {
  const { data } = await provider.getOne('Delegation', { id: world.delegation });
  expect(data).toMatchObject({
    id: world.delegation,
    recipientId: world.street,
    mode: 'ENTRUSTED',
    effectiveFrom: '2021-06-01',
    recipient: { id: world.street },
  });
});

it('getMany and getManyReference', async () => {
  const many = await provider.getMany('Organization', { ids: [world.street, world.department] });
  expect(many.data.map((o: any) => o.id).sort()).toEqual([world.street, world.department].sort());
  const refs = await provider.getManyReference('Delegation', {
    target: 'catalogId',
    id: world.catalog,
    pagination: { page: 1, perPage: 25 },
    sort: { field: 'id', order: 'ASC' },
    filter: {},
  });
  expect(refs.total).toBe(1);
  expect(refs.data[0].id).toBe(world.delegation);
});

it('create, update (with the version it read) and delete', async () => {
  const { data: created } = await provider.create('EnforcementDomain', { data: { code: 'RA', name: '契约领域' } });
  expect(created).toMatchObject({ code: 'RA', name: '契约领域', version: 1 });
  const { data: read } = await provider.getOne('EnforcementDomain', { id: created.id });
  const { data: updated } = await provider.update('EnforcementDomain', {
    id: created.id,
    data: { ...read, description: '经由 react-admin 修改' },
    previousData: read,
  });
  expect(updated).toMatchObject({ description: '经由 react-admin 修改', version: 2 });
  // Sending the old record again is a stale edit: react-admin sees the error instead of overwriting.
  await expect(
    provider.update('EnforcementDomain', { id: created.id, data: { ...read, name: '旧版本' }, previousData: read }),
  ).rejects.toMatchObject({ message: expect.stringMatching(/已被他人修改/) });
  const { data: deleted } = await provider.delete('EnforcementDomain', { id: created.id, previousData: updated });
  expect(deleted.id).toBe(created.id);
});

it('updateMany and deleteMany, one call each and one at a time', async () => {
  for (const p of [provider, bulkProvider]) {
    const a = await world.org('批量一', 'OTHER');
    const b = await world.org('批量二', 'OTHER');
    const { data: updatedIds } = await p.updateMany('Organization', { ids: [a, b], data: { region: '批量改' } });
    expect(updatedIds.map(String).sort()).toEqual([a, b].sort());
    const { data: rows } = await provider.getMany('Organization', { ids: [a, b] });
    expect(rows.map((o: any) => o.region)).toEqual(['批量改', '批量改']);
    const { data: deletedIds } = await p.deleteMany('Organization', { ids: [a, b] });
    expect(deletedIds.map((d: any) => String(d.id ?? d)).sort()).toEqual([a, b].sort());
    expect((await provider.getMany('Organization', { ids: [a, b] })).data).toEqual([]);
  }
});
