import { dbFingerprint } from '../helpers/test-server';
import { withWorld } from '../helpers/fixtures';
import { ok } from '../helpers/operations';
import { getApp } from '../../api/app';
import { creatableInBatches } from '../../api/crud/validate';

// An import longer than one batch (the importer checks and writes 500 lines at a time): the rules of
// a single create still refuse each line they would, on its own line and column, wherever the line
// falls; a commit is still all or nothing; each record created still has its own history entry,
// naming the import.
const { server, world } = withWorld();

const LINES = 1_200;
const HEADER = ['事项编码', '事项名称', '事项类型', '执法领域', '原实施部门', '处罚种类', '主项', '设定依据'];
type Problem = { row: number; column: string; code: string; zh: string; en: string };
type Job = { id: string; status: string; rowsTotal: number; rowsDone: number; created: number; updated: number; unchanged: number; errors: Problem[] };
const JOB = 'id status rowsTotal rowsDone created updated unchanged errors { row column code zh en }';

/** Line i of the file (0-based, the header is line 1 of the sheet, so this is sheet line i + 2). */
function line(i: number, names: { domain: string; department: string }): string[] {
  return [`PL-${String(i).padStart(5, '0')}`, `对违规行为（第${i}项）的处罚`, '行政处罚', names.domain, names.department, '罚款', '', `《某某管理条例》第${(i % 90) + 1}条`];
}

const csv = (rows: string[][]) => `${[HEADER, ...rows].map((r) => r.join(',')).join('\n')}\n`;

async function importCsv(body: string, dryRun: boolean, type = 'PowerItem', query = `codeScheme=${encodeURIComponent('批量测试编码')}`): Promise<Job> {
  const base = server.url.replace(/\/graphql$/, '');
  const res = await fetch(`${base}/import/${type}?dryRun=${dryRun}&${query}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${server.adminToken}` },
  });
  expect(res.status).toBe(202);
  const { jobId } = (await res.json()) as { jobId: string };
  for (let i = 0; i < 1200; i++) {
    const job = await ok<Job>(server, 'importJob', { id: jobId }, JOB);
    if (job.status === 'DONE' || job.status === 'FAILED') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} did not finish`);
}

async function names() {
  const domain = await ok<{ name: string }>(server, 'EnforcementDomain', { id: world.domain }, 'name');
  const department = await ok<{ name: string }>(server, 'Organization', { id: world.department }, 'name');
  const street = await ok<{ name: string }>(server, 'Organization', { id: world.street }, 'name');
  return { domain: domain.name, department: department.name, street: street.name };
}

it('refuses, line by line in every batch, what the record’s rules refuse, and writes nothing', async () => {
  const n = await names();
  const rows = Array.from({ length: LINES }, (_, i) => line(i, n));
  rows[700][4] = n.street; // sheet line 702, second batch: a street is not a county department
  rows[1100][2] = '行政检查'; // sheet line 1102, third batch: an inspection has no penalty kinds
  rows[3][6] = 'PL-09999'; // sheet line 5, first batch: no such main item
  const before = await dbFingerprint(server);
  const dry = await importCsv(csv(rows), true);
  expect(dry).toMatchObject({ status: 'DONE', rowsTotal: LINES, rowsDone: LINES, created: LINES - 3 });
  expect(dry.errors.map((e) => [e.row, e.column, e.code])).toEqual([
    [5, '主项', 'unknownReference'],
    [702, '原实施部门', 'kind'],
    [1102, '处罚种类', 'category'],
  ]);
  expect(dry.errors[1].zh).toContain(n.street);
  expect(dry.errors[1].en).toMatch(/county department/);
  expect(dry.errors[2].zh).toBe('只有行政处罚事项才有处罚种类');
  expect(dry.errors[2].en).toBe('Only penalty items have penalty kinds');

  const commit = await importCsv(csv(rows), false);
  expect(commit).toMatchObject({ status: 'FAILED', created: 0, updated: 0, unchanged: 0 });
  expect(commit.errors.map((e) => e.row)).toEqual([5, 702, 1102]);
  const { jobs: _a, ...after } = await dbFingerprint(server);
  const { jobs: _b, ...was } = before;
  expect(after).toEqual(was);
});

it('creates every line of a long file, each with its history entry naming the import, a sub-item finding its main item above it', async () => {
  const n = await names();
  const rows = Array.from({ length: LINES }, (_, i) => line(i, n));
  rows[600][6] = 'PL-00550'; // a main item a few lines up, in the same batch
  rows[1150][6] = 'PL-00010'; // and one two batches up
  const job = await importCsv(csv(rows), false);
  expect(job).toMatchObject({ status: 'DONE', errors: [], rowsTotal: LINES, rowsDone: LINES, created: LINES, updated: 0 });

  const items = await ok<{ id: string; code: string; parent: { code: string } | null }[]>(
    server,
    'allPowerItems',
    { filter: { codeScheme: '批量测试编码' }, sortField: 'code', perPage: 1000 },
    'id code parent { code }',
  );
  expect(items).toHaveLength(1000);
  expect(items[600]).toMatchObject({ code: 'PL-00600', parent: { code: 'PL-00550' } });
  const [late] = await ok<{ parent: { code: string } }[]>(server, 'allPowerItems', { filter: { codeScheme: '批量测试编码', code: 'PL-01150' } }, 'parent { code }');
  expect(late.parent.code).toBe('PL-00010');

  for (const i of [0, 499, 500, 999]) {
    const trail = await ok<{ operation: string; via: string; actorName: string }[]>(server, 'auditTrail', { resource: 'PowerItem', id: items[i].id }, 'operation via actorName');
    expect(trail).toEqual([{ operation: 'create', via: `import:${job.id}`, actorName: expect.any(String) }]);
  }
  const [last] = await ok<{ id: string }[]>(server, 'allPowerItems', { filter: { codeScheme: '批量测试编码', code: 'PL-01199' } }, 'id');
  const trail = await ok<{ operation: string; via: string }[]>(server, 'auditTrail', { resource: 'PowerItem', id: last.id }, 'operation via');
  expect(trail).toEqual([{ operation: 'create', via: `import:${job.id}` }]);

  // The same file again: every line is already stored as it says.
  const again = await importCsv(csv(rows), false);
  expect(again).toMatchObject({ status: 'DONE', errors: [], created: 0, updated: 0, unchanged: LINES });
});

it('refuses a second line reaching a record an earlier line of the batch changes, rather than comparing it with the record as it was', async () => {
  const n = await names();
  const first = await importCsv(csv([line(90_001, n)]), false);
  expect(first).toMatchObject({ status: 'DONE', created: 1 });
  const [stored] = await ok<{ id: string; code: string; name: string }[]>(server, 'allPowerItems', { filter: { code: 'PL-90001' } }, 'id code name');
  // Line 2 renames the stored item's code (by its id); line 3 means a new item under the old code.
  const renamed = ['id', ...HEADER].join(',');
  const body = `${renamed}\n${[stored.id, ...line(90_002, n)].join(',')}\n${['', ...line(90_001, n)].map((c, i) => (i === 2 ? '对新事项的处罚' : c)).join(',')}\n`;
  const before = await dbFingerprint(server);
  const job = await importCsv(body, false);
  expect(job).toMatchObject({ status: 'FAILED', created: 0, updated: 0 });
  expect(job.errors.map((e) => [e.row, e.code])).toEqual([[3, 'duplicate']]);
  expect(job.errors[0].zh).toBe('与第 2 行指向同一条执法事项');
  const { jobs: _a, ...after } = await dbFingerprint(server);
  const { jobs: _b, ...was } = before;
  expect(after).toEqual(was);
  expect(await ok(server, 'PowerItem', { id: stored.id }, 'code name')).toEqual({ code: 'PL-90001', name: stored.name });
});

/** The database as it was, the import jobs aside (a failed import still leaves its job). */
async function unchangedSince(before: Awaited<ReturnType<typeof dbFingerprint>>) {
  const { jobs: _a, ...after } = await dbFingerprint(server);
  const { jobs: _b, ...was } = before;
  expect(after).toEqual(was);
}

const table = (header: string[], rows: string[][]) => `${[header, ...rows].map((r) => r.join(',')).join('\n')}\n`;

it('creates the records offices keep in spreadsheets in batches, postings too', () => {
  const batched = ['Organization', 'StaffMember', 'Delegation', 'LiaisonContact', 'ResponsibilityEntry', 'Certificate', 'PowerItem', 'Posting'];
  for (const name of batched) expect([name, creatableInBatches(getApp().records.named(name)!.model)]).toEqual([name, true]);
});

it('refuses staff lines a rule refuses in the middle of a long file, on their own lines, writing nothing; stores the rest as a single create would', async () => {
  const street = await ok<{ code: string }>(server, 'Organization', { id: world.street }, 'code');
  const header = ['姓名', '所在机构', '编制类别', '手机'];
  const rows = Array.from({ length: 600 }, (_, i) => [`批量员${i}`, street.code, '执法专项编制', `138 0000 ${String(i).padStart(4, '0')}`]);
  rows[250][3] = '12345'; // sheet line 252, first batch: not a mobile number
  rows[540][3] = '0377-65221234'; // sheet line 542, second batch: a landline where a mobile is asked
  const before = await dbFingerprint(server);
  const dry = await importCsv(table(header, rows), true, 'StaffMember', '');
  expect(dry).toMatchObject({ status: 'DONE', rowsTotal: 600, created: 598 });
  expect(dry.errors.map((e) => [e.row, e.column, e.code])).toEqual([
    [252, '手机', 'phone'],
    [542, '手机', 'phone'],
  ]);
  expect(dry.errors[0]).toMatchObject({ zh: '手机应为11 位手机号（如 13812345678）', en: 'Mobile must be an 11-digit mobile number (13812345678)' });
  const commit = await importCsv(table(header, rows), false, 'StaffMember', '');
  expect(commit).toMatchObject({ status: 'FAILED', created: 0 });
  expect(commit.errors.map((e) => e.row)).toEqual([252, 542]);
  await unchangedSince(before);

  rows[250][3] = '13912340250';
  rows[540][3] = '';
  const job = await importCsv(table(header, rows), false, 'StaffMember', '');
  expect(job).toMatchObject({ status: 'DONE', errors: [], created: 600 });
  // The rule's derived value (the number without its spaces) is what the batch stored.
  const [person] = await ok<{ id: string; mobile: string; organizationId: string }[]>(server, 'allStaffMembers', { filter: { q: '批量员7' }, sortField: 'name', perPage: 1 }, 'id mobile organizationId');
  expect(person).toMatchObject({ mobile: '13800000007', organizationId: world.street });
  const trail = await ok<{ operation: string; via: string }[]>(server, 'auditTrail', { resource: 'StaffMember', id: person.id }, 'operation via');
  expect(trail).toEqual([{ operation: 'create', via: `import:${job.id}` }]);
});

it('refuses delegation lines the catalog guard and the integrity rules refuse in the middle of a long file, on their own lines, writing nothing', async () => {
  const n = await names();
  const code = (id: string) => ok<{ code: string }>(server, 'Organization', { id }, 'code').then((o) => o.code);
  const [street, township, department, vertical] = await Promise.all([world.street, world.township, world.department, world.vertical].map(code));
  const brigade = await world.org('测试县城市管理执法大队', 'DEPARTMENT', { parentId: world.department });
  const brigadeCode = await code(brigade);
  const LINES_D = 600;
  const items = Array.from({ length: LINES_D }, (_, i) => line(i, n).map((c, k) => (k === 0 ? `DL-${String(i).padStart(5, '0')}` : c)));
  expect(await importCsv(csv(items), false, 'PowerItem', `codeScheme=${encodeURIComponent('赋权批量编码')}`)).toMatchObject({ status: 'DONE', created: LINES_D });
  const [item300] = await ok<{ id: string }[]>(server, 'allPowerItems', { filter: { codeScheme: '赋权批量编码', code: 'DL-00300' } }, 'id');
  const newCatalog = async (effectiveFrom: string) =>
    (
      await ok<{ id: string; title: string }>(
        server,
        'createDelegationCatalog',
        { title: world.unique('批量赋权目录'), issuingOrganizationId: world.government, documentNumber: world.unique('批〔2021〕'), issuedOn: '2020-12-01', effectiveFrom },
        'id title',
      )
    );
  // A published edition already gives the street item 300 from 2021-01-01, open-ended.
  const published = await newCatalog('2021-01-01');
  await ok(server, 'createDelegation', { catalogId: published.id, powerItemId: item300.id, recipientId: world.street, delegatingOrganizationId: world.department, mode: 'ENTRUSTED', effectiveFrom: '2021-01-01' });
  await ok(server, 'publishDelegationCatalog', { id: published.id });
  const draft = await newCatalog('2021-06-01');

  const header = ['所属目录', '执法事项', '承接机构', '赋权部门', '赋权方式', '生效日期'];
  const rows = Array.from({ length: LINES_D }, (_, i) => [draft.title, `DL-${String(i).padStart(5, '0')}`, street, department, '委托', '2021-06-01']);
  rows[10][3] = brigadeCode; // a unit under the source department: allowed
  rows[100][5] = '2021-05-01'; // sheet line 102: before the catalog takes effect
  rows[300][2] = street; // sheet line 302: the published edition gives the street this item on these days
  rows[550][3] = vertical; // sheet line 552, second batch: not the item's source department
  rows[560][0] = published.title; // sheet line 562, second batch: a published catalog is the record
  const before = await dbFingerprint(server);
  const dry = await importCsv(table(header, rows), true, 'Delegation', '');
  expect(dry).toMatchObject({ status: 'DONE', rowsTotal: LINES_D, created: LINES_D - 4 });
  expect(dry.errors.map((e) => [e.row, e.column, e.code])).toEqual([
    [102, '生效日期', 'range'],
    [302, '执法事项', 'inForce'],
    [552, '赋权部门', 'sourceDepartment'],
    [562, '', 'CONFLICT'],
  ]);
  expect(dry.errors[1].zh).toContain(published.title);
  expect(dry.errors[2].zh).toContain('原实施部门“测试县城市管理局”');
  expect(dry.errors[3].zh).toBe(`目录“${published.title}”已发布或已废止，其中的赋权事项不能增删改`);
  const commit = await importCsv(table(header, rows), false, 'Delegation', '');
  expect(commit).toMatchObject({ status: 'FAILED', created: 0 });
  expect(commit.errors.map((e) => e.row)).toEqual([102, 302, 552, 562]);
  await unchangedSince(before);

  rows[100][5] = '2021-06-01';
  rows[300][2] = township;
  rows[550][3] = department;
  rows[560][0] = draft.title;
  const job = await importCsv(table(header, rows), false, 'Delegation', '');
  expect(job).toMatchObject({ status: 'DONE', errors: [], created: LINES_D });
  expect(await ok(server, '_allDelegationsMeta', { filter: { catalogId: draft.id } }, 'count')).toEqual({ count: LINES_D });
  const [byBrigade] = await ok<{ delegatingOrganizationId: string }[]>(server, 'allDelegations', { filter: { catalogId: draft.id, delegatingOrganizationId: brigade } }, 'delegatingOrganizationId');
  expect(byBrigade).toEqual({ delegatingOrganizationId: brigade });
  const again = await importCsv(table(header, rows), false, 'Delegation', '');
  expect(again).toMatchObject({ status: 'DONE', errors: [], created: 0, unchanged: LINES_D });
});

it('refuses certificates of auxiliary staff and liaison entries that pair two local bodies, on their lines, in a batch', async () => {
  const code = (id: string) => ok<{ code: string }>(server, 'Organization', { id }, 'code').then((o) => o.code);
  const [street, township, department] = await Promise.all([world.street, world.township, world.department].map(code));
  const officer = await ok<{ name: string }>(server, 'StaffMember', { id: await world.staffMember() }, 'name');
  const helper = await ok<{ name: string }>(server, 'StaffMember', { id: await world.staffMember({ category: 'AUXILIARY' }) }, 'name');
  const certificates = table(
    ['持证人', '证号', '发证机关', '发证日期'],
    [officer.name, helper.name, officer.name].map((holder, i) => [holder, world.unique(`豫执批量${i}-`), '河南省人民政府', '2023-01-01']),
  );
  const contacts = table(
    ['所在机构', '定向联系机构', '姓名', '角色', '手机', '任职起始'],
    [
      [street, department, '批量联络员一', '联络员', '139 1234 5678', '2021-04-25'],
      [street, township, '批量联络员二', '联络员', '13912345679', '2021-04-25'],
      [department, street, '批量负责人', '指导负责人', '', '2021-04-25'],
    ],
  );
  const before = await dbFingerprint(server);
  const refusedCertificates = await importCsv(certificates, false, 'Certificate', '');
  expect(refusedCertificates).toMatchObject({ status: 'FAILED', created: 0 });
  expect(refusedCertificates.errors.map((e) => [e.row, e.column, e.code, e.zh])).toEqual([[3, '持证人', 'category', `${helper.name}是协勤/辅助人员，不能持有执法证`]]);
  const refusedContacts = await importCsv(contacts, false, 'LiaisonContact', '');
  expect(refusedContacts).toMatchObject({ status: 'FAILED', created: 0 });
  expect(refusedContacts.errors.map((e) => [e.row, e.column, e.code])).toEqual([
    [3, '定向联系机构', 'kind'],
    [4, '手机', 'required'],
  ]);
  await unchangedSince(before);
});

it('refuses posting lines that overlap a stored posting or an earlier line, or that the post gates refuse, on their lines across batches, writing nothing; stores the corrected file in a few statements', async () => {
  const street = await ok<{ code: string }>(server, 'Organization', { id: world.street }, 'code');
  const PEOPLE = 300;
  const prefix = world.unique('任职批量');
  const staff = table(
    ['姓名', '所在机构', '编制类别'],
    Array.from({ length: PEOPLE }, (_, i) => [`${prefix}员${i}`, street.code, '执法专项编制']),
  );
  expect(await importCsv(staff, false, 'StaffMember', '')).toMatchObject({ status: 'DONE', created: PEOPLE });
  const nameOf = async (id: string) => (await ok<{ name: string }>(server, 'StaffMember', { id }, 'name')).name;
  const certify = (staffMemberId: string) =>
    ok(server, 'createCertificate', { staffMemberId, number: world.unique('豫执任职-'), issuingAuthority: '河南省人民政府', issuedOn: '2023-01-01', expiresOn: '2099-12-31' });
  const uncertified = await world.staffMember();
  const untrained = await world.staffMember();
  await certify(untrained);
  const qualified = await world.generalLaw(await world.staffMember());
  await certify(qualified);
  const helper = await world.staffMember({ category: 'AUXILIARY' });
  const [uncertifiedName, untrainedName, qualifiedName, helperName] = await Promise.all([uncertified, untrained, qualified, helper].map(nameOf));
  // Person 10 already held a post until mid-2020.
  const [person10] = await ok<{ id: string }[]>(server, 'allStaffMembers', { filter: { q: `${prefix}员10` }, sortField: 'name', perPage: 1 }, 'id');
  const held = await ok<{ id: string }>(server, 'createPosting', { staffMemberId: person10.id, organizationId: world.street, post: 'AUXILIARY', startedOn: '2019-01-01', endedOn: '2020-06-30' });

  // Two postings a person, one after the other: line 2i + 2 of the sheet until 2022, line 2i + 3 from 2023.
  const header = ['人员', '任职机构', '岗位', '任职起始', '任职截止'];
  const rows = Array.from({ length: PEOPLE * 2 }, (_, i) =>
    i % 2 === 0 ? [`${prefix}员${i / 2}`, street.code, '辅助岗', '2020-01-01', '2022-12-31'] : [`${prefix}员${(i - 1) / 2}`, street.code, '辅助岗', '2023-01-01', ''],
  );
  rows[101][3] = '2022-06-01'; // sheet line 103: overlaps line 102, the same person's earlier line
  rows[201] = [uncertifiedName, street.code, '执法岗', '2023-01-01', '']; // sheet line 203: no certificate
  rows[203] = [uncertifiedName, street.code, '辅助岗', '2023-06-01', '']; // line 205: line 203 is refused, so no overlap
  rows[301] = [untrainedName, street.code, '执法岗', '2023-01-01', '']; // sheet line 303: no general-law completion
  rows[401] = [helperName, street.code, '法制审核岗', '2023-01-01', '']; // sheet line 403: auxiliary staff
  rows[500] = [`${prefix}员249`, street.code, '辅助岗', '2022-01-01', '2022-12-31']; // sheet line 502, second batch: overlaps line 500, in the first
  rows[551] = [qualifiedName, street.code, '执法岗', '2023-01-01', '']; // certified and trained: allowed
  const before = await dbFingerprint(server);
  const dry = await importCsv(table(header, rows), true, 'Posting', '');
  expect(dry).toMatchObject({ status: 'DONE', rowsTotal: PEOPLE * 2, created: PEOPLE * 2 - 6 });
  expect(dry.errors.map((e) => [e.row, e.column, e.code])).toEqual([
    [22, '任职起始', 'overlap'],
    [103, '任职起始', 'overlap'],
    [203, '岗位', 'certificate'],
    [303, '岗位', 'generalLaw'],
    [403, '岗位', 'category'],
    [502, '任职起始', 'overlap'],
  ]);
  expect(dry.errors[0].zh).toBe(`此人同一时期已有任职（编号 ${held.id}，2019-01-01 – 2020-06-30），一人同一时间只能有一个岗位`);
  expect(dry.errors[1]).toMatchObject({
    zh: '此人同一时期已有任职（第 102 行，2020-01-01 – 2022-12-31），一人同一时间只能有一个岗位',
    en: 'The person already holds a posting (line 102, 2020-01-01 – 2022-12-31) in this period; a person has one post at a time',
  });
  expect(dry.errors[2].zh).toBe(`${uncertifiedName}在 2023-01-01 没有有效的执法证，不能担任执法岗`);
  expect(dry.errors[3].en).toMatch(/has not passed the general-law training/);
  expect(dry.errors[4]).toMatchObject({ zh: `${helperName}是协勤/辅助人员，不能担任法制审核岗`, en: `${helperName} is auxiliary staff and cannot hold a legal review post` });
  const commit = await importCsv(table(header, rows), false, 'Posting', '');
  expect(commit).toMatchObject({ status: 'FAILED', created: 0 });
  expect(commit.errors.map((e) => e.row)).toEqual([22, 103, 203, 303, 403, 502]);
  await unchangedSince(before);

  rows[20][3] = '2020-07-01';
  rows[101][3] = '2023-01-01';
  rows[201] = [uncertifiedName, street.code, '辅助岗', '2022-01-01', '2023-05-31'];
  rows[401][2] = '辅助岗';
  rows[500][0] = `${prefix}员250`;
  await world.generalLaw(untrained); // the person passes the rotation; the line stays as it was
  const statementsBefore = server.queries.length;
  const job = await importCsv(table(header, rows), false, 'Posting', '');
  expect(job).toMatchObject({ status: 'DONE', errors: [], created: PEOPLE * 2 });
  // The postings table is read and written a few times a batch, not a few times a line.
  const onPostings = server.queries.slice(statementsBefore).filter((q) => /"postings"/.test(q));
  expect(onPostings.length).toBeLessThanOrEqual(6);
  const open = await ok<{ post: string; startedOn: string }[]>(server, 'allPostings', { filter: { staffMemberId: uncertified }, sortField: 'startedOn' }, 'post startedOn');
  expect(open).toEqual([
    { post: 'AUXILIARY', startedOn: '2022-01-01' },
    { post: 'AUXILIARY', startedOn: '2023-06-01' },
  ]);
  const [enforcing] = await ok<{ id: string; post: string }[]>(server, 'allPostings', { filter: { staffMemberId: qualified } }, 'id post');
  expect(enforcing.post).toBe('ENFORCEMENT');
  const trail = await ok<{ operation: string; via: string }[]>(server, 'auditTrail', { resource: 'Posting', id: enforcing.id }, 'operation via');
  expect(trail).toEqual([{ operation: 'create', via: `import:${job.id}` }]);
});
