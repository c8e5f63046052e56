import ExcelJS from 'exceljs';
import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { fieldErrors } from '../helpers/expect-errors';
import { config } from '../../api/config';

// The team standard sheet (规范化建设达标情况): every standard of the documents for each street and
// township, with a team that meets them all and one that meets none, counted on the last day of
// 2025; the sheet refused and narrowed as the county and a street may read it; the XLSX as filed.
const { server, world, signedIn } = withWorld();
let good: string;
let bad: string;

const ROW = 'organizationId year standard label { zh en } rule { zh } required actual passed source setting organization { name }';
const CODES = ['SQUAD_LEADER', 'DEPUTY_SQUAD_LEADERS', 'LEGAL_STAFF', 'ENFORCEMENT_CERTIFIED', 'VACANCY_CAP', 'TRAINING_DAYS', 'ROADSHOWS', 'GUIDED_CASES', 'BODY_CAMERAS', 'PATROL_GRIDS', 'LIAISON'];

beforeAll(async () => {
  good = await world.org('达标街道', 'STREET');
  bad = await world.org('未达标镇', 'TOWNSHIP');
  const session = (kind: string, startsOn: string, extra: Record<string, unknown> = {}) =>
    ok(server, 'createTrainingSession', { title: world.unique(`${kind}培训`), kind, organizerId: world.government, startsOn, hours: 8, ...extra }).then((r) => r.id as string);
  // The general-law rotation before anyone takes a post (公共法律知识培训结业证), and the drill after it.
  const rotation = await session('GENERAL_LAW', '2025-03-01', { endsOn: '2025-03-02' });
  const drill = await session('MILITARY_DRILL', '2025-03-03', { endsOn: '2025-03-04', days: 2 });
  const person = async (organizationId: string, title: string, post: string, options: { drill?: boolean } = {}) => {
    const id = (await ok(server, 'createStaffMember', { name: world.unique('队员'), organizationId, category: 'ENFORCEMENT', title })).id as string;
    const certificate = (await ok(server, 'createCertificate', { staffMemberId: id, number: world.unique('豫执字'), issuingAuthority: '河南省人民政府', issuedOn: '2024-12-01' })).id as string;
    await ok(server, 'createTrainingAttendance', { sessionId: rotation, staffMemberId: id, hoursAttended: 8, examScore: 85, passed: true });
    if (options.drill !== false) await ok(server, 'createTrainingAttendance', { sessionId: drill, staffMemberId: id, hoursAttended: 8 });
    await ok(server, 'createPosting', { staffMemberId: id, organizationId, post, startedOn: '2025-04-01' });
    return { id, certificate };
  };
  const served = async (organizationId: string, kind: string, n: number) => {
    for (let i = 0; i < n; i++) {
      const id = await session(kind, `2025-0${5 + i}-10`);
      await ok(server, 'createTrainingAudience', { sessionId: id, organizationId });
    }
  };
  const cameras = async (organizationId: string, n: number) => {
    for (let i = 0; i < n; i++) await ok(server, 'createEquipmentItem', { organizationId, kind: 'BODY_CAMERA', number: world.unique('JLY-'), acquiredOn: '2024-05-01' });
  };

  // 达标街道: a leader, two deputies on enforcement posts, two legal reviewers, every place filled,
  // everyone trained four days, two roadshows, three guided cases, four cameras, a staffed grid and a liaison.
  await person(good, '综合行政执法中队长', 'LEADERSHIP');
  await person(good, '综合行政执法中队副队长', 'ENFORCEMENT');
  await person(good, '副队长', 'ENFORCEMENT');
  await person(good, '法制审核员', 'LEGAL_REVIEW');
  await person(good, '法制审核员', 'LEGAL_REVIEW');
  await ok(server, 'createStaffingQuota', { organizationId: good, category: 'ENFORCEMENT', year: 2025, approvedCount: 5 });
  await served(good, 'ROADSHOW', 2);
  await served(good, 'CASE_BASED', 3);
  await cameras(good, 4);
  await ok(server, 'createPatrolGrid', { organizationId: good, name: '全街道', level: 'LEVEL_1', responsiblePerson: '街道办事处主任' });
  await ok(server, 'createLiaisonContact', { organizationId: good, counterpartId: world.department, personName: '孙联络', role: 'LIAISON', mobile: '13912345601', activeFrom: '2024-01-01' });

  // 未达标镇: no leader, one deputy whose certificate was suspended, one legal reviewer, a quota
  // mostly empty, no drill, one roadshow, two guided cases, three cameras, a grid without a person,
  // and a liaison who stood down in 2024.
  const deputy = await person(bad, '副队长', 'ENFORCEMENT', { drill: false });
  await ok(server, 'createCertificateEvent', { certificateId: deputy.certificate, kind: 'ANNUAL_REVIEW', occurredOn: '2025-11-20', passed: false });
  await person(bad, '法制审核员', 'LEGAL_REVIEW', { drill: false });
  await ok(server, 'createStaffingQuota', { organizationId: bad, category: 'ENFORCEMENT', year: 2025, approvedCount: 8 });
  await served(bad, 'ROADSHOW', 1);
  await served(bad, 'CASE_BASED', 2);
  await cameras(bad, 3);
  await ok(server, 'createPatrolGrid', { organizationId: bad, name: '全镇', level: 'LEVEL_1' });
  await ok(server, 'createLiaisonContact', { organizationId: bad, counterpartId: world.department, personName: '周联络', role: 'LIAISON', mobile: '13912345602', activeFrom: '2023-01-01', activeTo: '2024-06-30' });
});

const sheet = async (organizationId: string) => {
  const rows = await ok<any[]>(server, 'teamStandards', { year: 2025, organizationId }, ROW);
  return new Map(rows.map((r) => [r.standard, r]));
};

describe('the team standard sheet', () => {
  it('passes a team meeting every standard, with the figures the documents set', async () => {
    const rows = await sheet(good);
    expect([...rows.keys()]).toEqual(CODES);
    const figures = Object.fromEntries([...rows].map(([code, r]) => [code, [r.required, r.actual, r.passed]]));
    expect(figures).toEqual({
      SQUAD_LEADER: [1, 1, true],
      DEPUTY_SQUAD_LEADERS: [2, 2, true],
      LEGAL_STAFF: [2, 2, true],
      ENFORCEMENT_CERTIFIED: [2, 2, true],
      VACANCY_CAP: [0.2, 0, true],
      TRAINING_DAYS: [5, 5, true],
      ROADSHOWS: [2, 2, true],
      GUIDED_CASES: [3, 3, true],
      BODY_CAMERAS: [4, 4, true],
      PATROL_GRIDS: [1, 1, true],
      LIAISON: [1, 1, true],
    });
    expect(rows.get('LEGAL_STAFF')).toMatchObject({
      organizationId: good,
      year: 2025,
      label: { zh: '专职法制人员', en: 'Full-time legal staff' },
      rule: { zh: '固定2名以上专职法制人员（法制审核岗）' },
      source: '《武昌区街道综合行政执法规范化建设实施意见》',
      setting: 'LEGAL_STAFF_MIN',
      organization: { name: '达标街道' },
    });
    expect(rows.get('BODY_CAMERAS')!.source).toBe('《镇平县行政执法改革与管理专项整治工作实施方案》');
    expect(rows.get('VACANCY_CAP')!.source).toBe('《武清区关于进一步深化街镇综合执法改革的指导意见》');
  });

  it('fails a team short of every standard, each with its own figure', async () => {
    const figures = Object.fromEntries([...(await sheet(bad))].map(([code, r]) => [code, [r.required, r.actual, r.passed]]));
    expect(figures).toEqual({
      SQUAD_LEADER: [1, 0, false],
      DEPUTY_SQUAD_LEADERS: [2, 1, false],
      LEGAL_STAFF: [2, 1, false],
      // The deputy's certificate was suspended at the annual review: on the post without one.
      ENFORCEMENT_CERTIFIED: [1, 0, false],
      // 8 places, 2 on the team's posts.
      VACANCY_CAP: [0.2, 0.75, false],
      TRAINING_DAYS: [2, 0, false],
      ROADSHOWS: [2, 1, false],
      GUIDED_CASES: [3, 2, false],
      BODY_CAMERAS: [4, 3, false],
      PATROL_GRIDS: [1, 0, false],
      LIAISON: [1, 0, false],
    });
  });

  it('counts two leaders as failing, and an exempted quota as within the cap', async () => {
    const org = await world.org('双队长镇', 'TOWNSHIP');
    for (const title of ['中队长', '队长']) {
      const id = (await ok(server, 'createStaffMember', { name: world.unique('队长'), organizationId: org, category: 'ADMINISTRATIVE', title })).id;
      await ok(server, 'createPosting', { staffMemberId: id, organizationId: org, post: 'LEADERSHIP', startedOn: '2025-02-01' });
    }
    await ok(server, 'createStaffingQuota', {
      organizationId: org, category: 'ENFORCEMENT', year: 2025, approvedCount: 6, capExempt: true, capExemptReason: '辖区执法任务重', capExemptDocument: '测编〔2025〕1号',
    });
    const rows = await sheet(org);
    expect(rows.get('SQUAD_LEADER')).toMatchObject({ required: 1, actual: 2, passed: false });
    expect(rows.get('VACANCY_CAP')).toMatchObject({ actual: null, passed: true });
    // Without any quota of the year the cap cannot be shown kept.
    expect((await sheet(world.street)).get('VACANCY_CAP')).toMatchObject({ actual: null, passed: false });
  });

  it('follows a county’s own figures: the required number and the pass change with the setting', async () => {
    const legalStaffMin = config.legalStaffMin;
    const deputies = config.deputySquadLeaders;
    try {
      // LEGAL_STAFF_MIN=3: the team with two legal reviewers no longer passes; the rule says three.
      config.legalStaffMin = 3;
      expect((await sheet(good)).get('LEGAL_STAFF')).toMatchObject({ required: 3, actual: 2, passed: false, rule: { zh: '固定3名以上专职法制人员（法制审核岗）' } });
      // LEGAL_STAFF_MIN=1: the team with one now does.
      config.legalStaffMin = 1;
      expect((await sheet(bad)).get('LEGAL_STAFF')).toMatchObject({ required: 1, actual: 1, passed: true });
      // DEPUTY_SQUAD_LEADERS=1: a county that asks one deputy passes the team with one.
      config.deputySquadLeaders = 1;
      expect((await sheet(bad)).get('DEPUTY_SQUAD_LEADERS')).toMatchObject({ required: 1, actual: 1, passed: true, rule: { zh: '明确副队长1名' } });
      // The filed sheet says the same.
      const res = await fetch(`${server.url.replace(/\/graphql$/, '')}/export/team-standards?year=2025&organizationId=${bad}`, { headers: { authorization: `Bearer ${server.adminToken}` } });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      const rows: unknown[][] = [];
      book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      expect(rows[3].slice(2, 7)).toEqual(['副队长', '明确副队长1名', 1, 1, '达标']);
      expect(rows[4].slice(2, 7)).toEqual(['专职法制人员', '固定1名以上专职法制人员（法制审核岗）', 1, 1, '达标']);
    } finally {
      config.legalStaffMin = legalStaffMin;
      config.deputySquadLeaders = deputies;
    }
    // Back to the documents' figures.
    expect((await sheet(good)).get('LEGAL_STAFF')).toMatchObject({ required: 2, actual: 2, passed: true });
  });

  it('lists every street and township (not the departments) when no organization is named', async () => {
    const rows = await ok<any[]>(server, 'teamStandards', { year: 2025 }, 'organizationId standard');
    const orgs = new Set(rows.map((r) => r.organizationId));
    for (const id of [good, bad, world.street, world.township]) expect(orgs).toContain(id);
    expect(orgs).not.toContain(world.department);
    expect(rows.length).toBe(orgs.size * CODES.length);
    expect(fieldErrors(await call(server, 'teamStandards', { year: 1999 }))).toEqual({ year: 'range' });
    expect((await call(server, 'teamStandards', { year: 2025, organizationId: 'x' })).errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('shows a street account its own team only', async () => {
    const streetHr = await signedIn('HR', bad);
    const own = await ok<any[]>(streetHr, 'teamStandards', { year: 2025 }, 'organizationId');
    expect(new Set(own.map((r) => r.organizationId))).toEqual(new Set([bad]));
    expect((await call(streetHr, 'teamStandards', { year: 2025, organizationId: good }, 'organizationId')).errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

describe('GET /export/team-standards', () => {
  const download = (query: string, token: string | null = server.adminToken) =>
    fetch(`${server.url.replace(/\/graphql$/, '')}/export/team-standards?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('gives the sheet as the county files it, in Chinese, failures marked', async () => {
    const res = await download(`year=2025&organizationId=${bad}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/attachment;.*team-standards-2025\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const rows: unknown[][] = [];
    book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0][0]).toBe('2025年度街道、乡镇综合行政执法队伍规范化建设达标情况表');
    expect(rows[1]).toEqual(['序号', '街道/乡镇', '标准', '要求', '应达数', '实有数', '是否达标', '依据']);
    expect(rows.length).toBe(2 + CODES.length);
    expect(rows[4]).toEqual([3, '未达标镇', '专职法制人员', '固定2名以上专职法制人员（法制审核岗）', 2, 1, '未达标', '《武昌区街道综合行政执法规范化建设实施意见》']);
    expect(rows[6].slice(4, 7)).toEqual(['20%', '75%', '未达标']);
  });

  it('refuses a missing year, anonymous callers, and a street asking for another', async () => {
    const missing = await download('');
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as any).errors[0].extensions.fieldErrors[0]).toMatchObject({ field: 'year', rule: 'required' });
    expect((await download('year=2025', null)).status).toBe(401);
    const streetHr = await server.tokenFor('HR', bad);
    expect((await download(`year=2025&organizationId=${good}`, streetHr)).status).toBe(403);
    expect((await download('year=2025', streetHr)).status).toBe(200);
  });
});
