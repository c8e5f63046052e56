import pluralize from 'pluralize';
import { eq } from 'drizzle-orm';
import { users } from '../../drizzle/schema';
import { getApp } from '../../api/app';
import { runAs, SYSTEM } from '../../api/auth/actor';
import { userResource } from '../../api/resources/user/user.resource';
import { call, ok } from '../helpers/operations';
import { withWorld, type World } from '../helpers/fixtures';
import { resourceDefinitions } from '../../api/resources';
import { offersWrite } from '../../api/crud/resource';

// Every operation of the react-admin grammar, for every resource, through HTTP.
const { server, world } = withWorld();
let fixtures: Awaited<ReturnType<World['supervision']>>;
let year = 2000;

beforeAll(async () => {
  fixtures = await world.supervision();
});

type Case = { create: Record<string, unknown>; field: string; value: unknown };

/**
 * For each resource: arguments of a valid new record, and one field to change. Every call gives a
 * record that can coexist with the previous ones (the bulk test creates two). Append-only records
 * (FindingEscalation) are not here: their history is tested in test/api/supervision.test.ts.
 */
let parameterCases = 0;
const cases: Record<string, () => Case | Promise<Case>> = {
  Organization: () => ({ create: { name: '新设街道', kind: 'STREET', code: world.unique('S-') }, field: 'name', value: '改名街道' }),
  EnforcementDomain: () => ({ create: { name: world.unique('水务'), code: world.unique('W') }, field: 'description', value: '河湖管理' }),
  PowerItem: () => ({
    create: {
      codeScheme: '测试编码',
      code: world.unique('06-CG-'),
      name: '对户外广告设施的检查',
      category: 'INSPECTION',
      domainId: world.domain,
      sourceDepartmentId: world.department,
      settingBasis: '《城市市容和环境卫生管理条例》第十一条',
    },
    field: 'name',
    value: '对户外广告设施设置情况的检查',
  }),
  DelegationCatalog: () => ({
    create: { title: world.unique('目录'), issuingOrganizationId: world.government, effectiveFrom: '2024-01-01' },
    field: 'note',
    value: '征求意见稿',
  }),
  Delegation: () => ({
    create: {
      catalogId: world.catalog,
      powerItemId: world.powerItem,
      recipientId: world.township,
      delegatingOrganizationId: world.department,
      mode: 'GRANTED',
      effectiveFrom: '2021-07-01',
    },
    field: 'scopeNote',
    value: '限城区范围',
  }),
  ResponsibilityEntry: () => ({
    create: { organizationId: world.department, kind: 'PROCESS', responsibility: '协助乡镇开展联合执法', powerItemId: world.powerItem },
    field: 'boundaryNote',
    value: '行业监管由本部门负责',
  }),
  LiaisonContact: () => ({
    create: { organizationId: world.township, counterpartId: world.department, personName: '张测试', role: 'LIAISON', mobile: '13800000001', activeFrom: '2024-01-01' },
    field: 'title',
    value: '中队长',
  }),
  GuidanceAssignment: () => ({
    create: { departmentId: world.vertical, townshipId: world.township, since: '2021-04-13' },
    field: 'note',
    value: '负责生态环境领域指导',
  }),
  StaffMember: () => ({
    create: { name: '赵测试', organizationId: world.street, category: 'INSTITUTIONAL', legalQualification: true },
    field: 'title',
    value: '法制审核员',
  }),
  StaffingQuota: () => ({
    create: { organizationId: world.street, category: 'ENFORCEMENT', year: ++year, approvedCount: 12 },
    field: 'approvedCount',
    value: 14,
  }),
  Posting: async () => ({
    create: { staffMemberId: await world.staffMember(), organizationId: world.street, post: 'LEGAL_REVIEW', startedOn: '2024-03-01' },
    field: 'endedOn',
    value: '2025-02-28',
  }),
  Transfer: async () => ({
    create: { staffMemberId: await world.staffMember(), kind: 'REASSIGNMENT', toOrganizationId: world.township, effectiveDate: '2025-01-01' },
    field: 'documentNumber',
    value: '测人社〔2025〕1号',
  }),
  Certificate: async () => ({
    create: { staffMemberId: await world.staffMember(), number: world.unique('豫执-'), issuingAuthority: '河南省人民政府', issuedOn: '2023-05-01' },
    field: 'area',
    value: '镇平县涅阳街道',
  }),
  TrainingSession: () => ({
    create: { title: world.unique('公共法律知识轮训'), kind: 'GENERAL_LAW', organizerId: world.government, startsOn: '2025-04-20', hours: 32 },
    field: 'location',
    value: '县党校',
  }),
  TrainingAttendance: async () => ({
    create: { sessionId: fixtures.session, staffMemberId: await world.staffMember(), hoursAttended: 12, examScore: 86.5, passed: true },
    field: 'completionCertificate',
    value: '结业-2025-001',
  }),
  TrainingAudience: async () => ({
    create: { sessionId: fixtures.session, organizationId: await world.org(world.unique('服务街道'), 'STREET') },
    field: 'note',
    value: '巡讲城市管理案件办理',
  }),
  // One record per parameter: each case takes the next of these counts.
  SystemParameter: () => ({
    create: { key: ['SQUAD_LEADERS', 'DEPUTY_SQUAD_LEADERS', 'LIAISONS_MIN', 'PATROL_GRIDS_MIN'][parameterCases++ % 4], value: 2 },
    field: 'value',
    value: 3,
  }),
  EquipmentItem: () => ({
    create: { organizationId: world.street, kind: 'BODY_CAMERA', number: world.unique('JLY-'), acquiredOn: '2024-03-01' },
    field: 'model',
    value: 'DSJ-V8',
  }),
  PatrolGrid: () => ({
    create: { organizationId: world.street, name: world.unique('一级网格'), level: 'LEVEL_1', responsiblePerson: '张街道长' },
    field: 'area',
    value: '全街道',
  }),
  Inspection: () => ({
    create: { title: world.unique('案卷评查'), kind: 'CASE_REVIEW', inspectingOrganizationId: world.government, inspectedOrganizationId: world.township, inspectedOn: '2025-06-01', filesReviewed: 20, filesGood: 12, filesPassed: 8 },
    field: 'note',
    value: '抽查案卷 20 卷',
  }),
  Finding: () => ({
    create: { inspectionId: fixtures.inspection, responsibleOrganizationId: world.street, area: 'TEAM', description: '执法人员未持证上岗', dueDate: '2025-08-31' },
    field: 'measures',
    value: '暂停其执法资格，组织补考',
  }),
  User: () => ({ create: { username: world.unique('grammar.user.'), role: 'VIEWER', organizationId: world.street }, field: 'displayName', value: '语法测试用户' }),
  CaseReferral: () => ({
    create: { kind: 'STREET_TO_DEPARTMENT', fromOrganizationId: world.street, toOrganizationId: world.department, matter: '商户占道经营屡教不改，涉及无照经营', legalBasis: '《无证无照经营查处办法》第五条', sentOn: '2025-03-03' },
    field: 'documentNumber',
    value: '测街移〔2025〕3号',
  }),
  Complaint: () => ({
    create: { subject: world.unique('噪声扰民'), channel: 'HOTLINE_12345', responsibleOrganizationId: world.street, receivedOn: '2025-03-01', acceptedOn: '2025-03-02' },
    field: 'content',
    value: '夜间施工噪声',
  }),
  Notice: () => ({
    create: { kind: 'CAMPAIGN_PLAN', title: world.unique('专项整治工作方案'), body: '各街道：请按方案开展整治。', publisherId: world.department, publishedOn: '2025-05-06', deadline: '2025-06-30' },
    field: 'documentNumber',
    value: '测城管〔2025〕9号',
  }),
  NoticeRecipient: async () => ({
    create: {
      noticeId: (await ok(server, 'createNotice', { title: world.unique('通知'), body: '正文', publisherId: world.department, publishedOn: '2025-05-06' })).id,
      organizationId: world.street,
    },
    field: 'organizationId',
    value: world.township,
  }),
  DispatchRequest: () => ({
    create: { streetId: world.street, matter: world.unique('渣土抛洒'), place: '建设路口', urgency: 'URGENT', raisedAt: '2025-03-03T01:00:00.000Z', dueOn: '2025-03-05' },
    field: 'note',
    value: '需城管、交通到场',
  }),
  // A request of its own each time: a department is called once per request.
  DispatchAssignment: async () => ({
    create: {
      requestId: (await ok(server, 'createDispatchRequest', { streetId: world.street, matter: world.unique('吹哨'), place: '路口', raisedAt: '2025-03-03T01:00:00.000Z', dueOn: '2025-03-05' })).id,
      departmentId: world.department,
    },
    field: 'departmentId',
    value: world.vertical,
  }),
  CaseReport: () => ({
    create: { organizationId: world.street, periodStart: `${++year}-01-01`, periodEnd: `${year}-12-31`, casesDue: 40, casesFiled: 36, casesClosed: 30 },
    field: 'penalties',
    value: 25,
  }),
};

/**
 * Every registered record but the append-only ones, whose entries are never updated or deleted, and
 * those without the generated writes: the server alone writes them (identity-controls.test.ts shows
 * they have no mutations), or their domain operations do (tokens.test.ts).
 */
const GRAMMAR = resourceDefinitions
  .filter((d) => !d.appendOnly && (['create', 'update', 'delete'] as const).every((write) => offersWrite(d, write)))
  .map((d) => d.name);

it('has a case for every registered record with the whole grammar', () => {
  expect(Object.keys(cases).sort()).toEqual([...GRAMMAR].sort());
});

it('writes a field cleared, set and cleared again as each edit asked, alone and beside another field', async () => {
  // Edits of the same fields are sent as one kept statement, a cleared field written in its text:
  // each must still write its own values.
  const created = await ok(server, 'createEnforcementDomain', { name: world.unique('清空测试'), code: world.unique('CL'), description: '原说明' }, 'id');
  const edits: Record<string, unknown>[] = [
    { description: null },
    { description: '第二次' },
    { description: null, name: world.unique('改名一') },
    { description: '第四次', name: world.unique('改名二') },
    { description: '第五次' },
    { description: null },
  ];
  let version = 1;
  for (const edit of edits) {
    const answered = await ok(server, 'updateEnforcementDomain', { id: created.id, version, ...edit }, 'id version name description');
    version += 1;
    const read = await ok(server, 'EnforcementDomain', { id: created.id }, 'id version name description');
    expect(read).toEqual(answered);
    expect(read).toMatchObject({ version, ...edit });
  }
});

it('writes a server-kept time cleared, set and cleared again as each write asked', async () => {
  const records = getApp().records.of(userResource);
  const write = (id: number, values: Record<string, unknown>) => runAs(SYSTEM, () => server.database.db.transaction((tx) => records.write(tx, id, values)));
  const user = await runAs(SYSTEM, () => server.database.db.transaction((tx) => records.create(tx, { username: world.unique('kept.'), role: 'VIEWER' })));
  const when = new Date('2026-03-04T05:06:07.089Z');
  for (const passwordChangedAt of [null, when, null, new Date(when.getTime() + 1000)]) {
    const written = await write(user.id as number, { passwordChangedAt });
    expect(written.passwordChangedAt).toEqual(passwordChangedAt);
    const [stored] = await server.database.db.select({ at: users.passwordChangedAt }).from(users).where(eq(users.id, user.id as number));
    expect(stored.at).toEqual(passwordChangedAt);
  }
});

describe.each(GRAMMAR)('%s', (type) => {
  const plural = pluralize(type);

  it('creates, reads, lists, counts, updates and deletes one record', async () => {
    const { create, field, value } = await cases[type]();
    const created = await ok(server, `create${type}`, create, `id version ${field}`);
    expect(created.version).toBe(1);

    const one = await ok(server, type, { id: created.id }, `id ${Object.keys(create).join(' ')}`);
    for (const [k, v] of Object.entries(create)) expect(one[k]).toEqual(v);

    const list = await ok(server, `all${plural}`, { filter: { ids: [created.id] } });
    expect(list).toEqual([{ id: created.id }]);
    const meta = await ok(server, `_all${plural}Meta`, { filter: { ids: [created.id] } }, 'count');
    expect(meta.count).toBe(1);

    const updated = await ok(server, `update${type}`, { id: created.id, version: 1, [field]: value }, `id version ${field}`);
    expect(updated).toEqual({ id: created.id, version: 2, [field]: value });

    const deleted = await ok(server, `delete${type}`, { id: created.id }, `id ${field}`);
    expect(deleted).toEqual({ id: created.id, [field]: value });
    expect((await call(server, type, { id: created.id })).data![type]).toBeNull();
  });

  it('updates and deletes several records at once', async () => {
    const a = await cases[type]();
    const b = await cases[type]();
    const first = await ok(server, `create${type}`, a.create);
    // Delegations are unique per catalog, item and recipient: the second goes to another township.
    if (type === 'Delegation') b.create.recipientId = await world.org('另一测试镇', 'TOWNSHIP');
    if (type === 'GuidanceAssignment') b.create.townshipId = await world.org('又一测试镇', 'TOWNSHIP');
    const second = await ok(server, `create${type}`, b.create);
    const ids = [first.id, second.id];

    const bulk = await ok(server, `update${plural}`, { ids, data: { [a.field]: a.value } }, 'ids');
    expect(bulk.ids).toEqual(ids);
    const after = await ok(server, `all${plural}`, { filter: { ids }, sortField: 'id' }, `id version ${a.field}`);
    expect(after).toEqual(ids.map((id) => ({ id, version: 2, [a.field]: a.value })));

    const removed = await ok(server, `delete${plural}`, { ids }, 'ids');
    expect(removed.ids).toEqual(ids);
    expect(await ok(server, `_all${plural}Meta`, { filter: { ids } }, 'count')).toEqual({ count: 0 });
  });

  it('answers NOT_FOUND for an update or delete of a missing record, and null for a missing read', async () => {
    expect((await call(server, type, { id: '999999' })).data![type]).toBeNull();
    const { field, value } = await cases[type]();
    for (const res of [
      await call(server, `update${type}`, { id: '999999', [field]: value }),
      await call(server, `delete${type}`, { id: '999999' }),
    ]) {
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(res.errors?.[0].message).toMatch(/不存在.*does not exist/);
    }
  });
});
