import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { fieldErrors, refused } from '../helpers/expect-errors';

// The training obligations beyond the 30 hours: general-law and drill days per person
// (《镇平县行政执法改革与管理专项整治工作实施方案》: 每人培训时间不少于4天，其中军事训练不少于2天), roadshows and
// guided cases per street (《武清区关于进一步深化街镇综合执法改革的指导意见》: 每年对各街镇巡讲不少于2次，全程跟踪
// 指导的处罚案件不少于3件), and recruits without induction training within the configured period.
const { server, world } = withWorld();

const session = (kind: string, startsOn: string, extra: Record<string, unknown> = {}) =>
  ok(server, 'createTrainingSession', { title: world.unique(`${kind}培训`), kind, organizerId: world.government, startsOn, hours: 8, ...extra }).then((r) => r.id as string);
const attend = (sessionId: string, staffMemberId: string, extra: Record<string, unknown> = {}) =>
  ok(server, 'createTrainingAttendance', { sessionId, staffMemberId, hoursAttended: 4, ...extra });

const DAYS = 'staffMemberId year generalLawDays drillDays requiredGeneralLawDays requiredDrillDays meetsMinimum staffMember { name }';

describe('general-law and drill days per person', () => {
  it('adds up the year’s general-law days with the drill inside them, against 4 days of which 2 of drill', async () => {
    const org = await world.org('天数测试镇', 'TOWNSHIP');
    const person = (name: string, extra: Record<string, unknown> = {}) =>
      ok(server, 'createStaffMember', { name, organizationId: org, category: 'ENFORCEMENT', ...extra }).then((r) => r.id as string);
    const full = await person('张四天');
    const noDrill = await person('李无训');
    const shortDrill = await person('王半训');
    await person('赵协勤', { category: 'AUXILIARY' });

    // A two-day classroom rotation (its days from its dates), a two-day drill, a three-day drill of
    // which someone attended 1.5 days, and a drill of the year before.
    const rotation = await session('GENERAL_LAW', '2025-04-20', { endsOn: '2025-04-21' });
    const drill = await session('MILITARY_DRILL', '2025-05-10', { endsOn: '2025-05-11', days: 2 });
    const longDrill = await session('MILITARY_DRILL', '2025-06-01', { endsOn: '2025-06-03', days: 3 });
    const lastYear = await session('MILITARY_DRILL', '2024-12-30', { endsOn: '2024-12-31' });
    const professional = await session('PROFESSIONAL_LAW', '2025-03-01', { endsOn: '2025-03-05' });
    await attend(rotation, full);
    await attend(drill, full);
    await attend(professional, full); // professional-law days are not general-law days
    await attend(rotation, noDrill);
    await attend(professional, noDrill);
    await attend(rotation, shortDrill);
    await attend(longDrill, shortDrill, { daysAttended: 1.5 });
    await attend(lastYear, shortDrill); // counts for 2024, the year it started

    const rows = await ok<any[]>(server, 'trainingDays', { year: 2025, organizationId: org }, DAYS);
    expect(rows.map((r) => r.staffMember.name)).toEqual(['张四天', '李无训', '王半训']); // auxiliary staff are not held to it
    const [a, b, c] = rows;
    expect(a).toMatchObject({ year: 2025, generalLawDays: 4, drillDays: 2, requiredGeneralLawDays: 4, requiredDrillDays: 2, meetsMinimum: true });
    expect(b).toMatchObject({ generalLawDays: 2, drillDays: 0, meetsMinimum: false });
    expect(c).toMatchObject({ generalLawDays: 3.5, drillDays: 1.5, meetsMinimum: false });

    const below = await ok<any[]>(server, 'trainingDays', { year: 2025, organizationId: org, onlyBelowMinimum: true }, 'staffMember { name }');
    expect(below.map((r) => r.staffMember.name)).toEqual(['李无训', '王半训']);
    expect(await ok(server, 'trainingDays', { year: 2024, staffMemberId: shortDrill }, 'generalLawDays drillDays meetsMinimum')).toEqual([
      { generalLawDays: 2, drillDays: 2, meetsMinimum: false },
    ]);
    // The kind's label names the drill as the documents do.
    const kinds = await server.gql<{ __type: { enumValues: { name: string; description: string }[] } }>('{ __type(name: "TrainingKind") { enumValues { name description } } }');
    expect(kinds.data!.__type.enumValues.find((v) => v.name === 'MILITARY_DRILL')!.description).toMatch(/^军事训练/);
  });

  it('refuses days a session cannot give and days nobody could attend', async () => {
    const base = { title: '天数校验', kind: 'MILITARY_DRILL', organizerId: world.government, startsOn: '2025-05-10', endsOn: '2025-05-11', hours: 16 };
    expect(fieldErrors(await refused(server, 'createTrainingSession', { ...base, days: 3 }))).toEqual({ days: 'range' });
    expect(fieldErrors(await refused(server, 'createTrainingSession', { ...base, days: 0 }))).toEqual({ days: 'range' });
    // One day with no end date: at most that day.
    expect(fieldErrors(await refused(server, 'createTrainingSession', { ...base, endsOn: null, days: 1.5 }))).toEqual({ days: 'range' });
    const id = await session('MILITARY_DRILL', '2025-05-10', { endsOn: '2025-05-11', days: 2 });
    const person = await world.staffMember();
    expect(fieldErrors(await refused(server, 'createTrainingAttendance', { sessionId: id, staffMemberId: person, hoursAttended: 4, daysAttended: 2.5 }))).toEqual({
      daysAttended: 'range',
    });
    await attend(id, person, { daysAttended: 2 });
    // Giving fewer days (by the figure or by the dates) would leave that attendance impossible.
    expect(fieldErrors(await refused(server, 'updateTrainingSession', { id, days: 1 }))).toEqual({ days: 'attended' });
    expect(fieldErrors(await refused(server, 'updateTrainingSession', { id, days: null, endsOn: null }))).toEqual({ days: 'attended' });
    await ok(server, 'updateTrainingSession', { id, days: 2, location: '县武装部训练场' });
    expect((await call(server, 'trainingDays', { year: 2025, staffMemberId: '999999' })).data!.trainingDays).toEqual([]);
  });
});

describe('roadshows and guided cases per street', () => {
  const SUPPORT = 'organizationId year roadshows requiredRoadshows guidedCases requiredGuidedCases meetsMinimum organization { name }';

  it('counts the roadshows a street received and the cases guided there in a year, against 2 and 3', async () => {
    const served = await world.org('巡讲达标街道', 'STREET');
    const short = await world.org('巡讲不足镇', 'TOWNSHIP');
    const serve = async (kind: string, startsOn: string, ...orgs: string[]) => {
      const id = await session(kind, startsOn, { organizerId: world.department });
      for (const organizationId of orgs) await ok(server, 'createTrainingAudience', { sessionId: id, organizationId });
      return id;
    };
    await serve('ROADSHOW', '2025-03-01', served, short);
    await serve('ROADSHOW', '2025-09-01', served);
    await serve('ROADSHOW', '2024-09-01', short); // last year's
    await serve('GENERAL_LAW', '2025-04-01', short); // a rotation is no roadshow
    for (const day of ['2025-02-01', '2025-05-01', '2025-08-01']) await serve('CASE_BASED', day, served);
    await serve('CASE_BASED', '2025-06-01', short);

    const [a] = await ok<any[]>(server, 'streetTrainingSupport', { year: 2025, organizationId: served }, SUPPORT);
    expect(a).toEqual({
      organizationId: served,
      year: 2025,
      roadshows: 2,
      requiredRoadshows: 2,
      guidedCases: 3,
      requiredGuidedCases: 3,
      meetsMinimum: true,
      organization: { name: '巡讲达标街道' },
    });
    const [b] = await ok<any[]>(server, 'streetTrainingSupport', { year: 2025, organizationId: short }, SUPPORT);
    expect(b).toMatchObject({ roadshows: 1, guidedCases: 1, meetsMinimum: false });

    // Every street and township is listed, those with nothing included; departments are not.
    const all = await ok<any[]>(server, 'streetTrainingSupport', { year: 2025 }, 'organizationId roadshows meetsMinimum');
    expect(all.map((r) => r.organizationId)).toEqual(expect.arrayContaining([served, short, world.street, world.township]));
    expect(all.map((r) => r.organizationId)).not.toContain(world.department);
    expect(all.find((r) => r.organizationId === world.street)).toEqual({ organizationId: world.street, roadshows: 0, meetsMinimum: false });
    const failing = await ok<any[]>(server, 'streetTrainingSupport', { year: 2025, onlyBelowMinimum: true }, 'organizationId');
    expect(failing.map((r) => r.organizationId)).toEqual(expect.arrayContaining([short, world.street]));
    expect(failing.map((r) => r.organizationId)).not.toContain(served);
  });

  it('refuses serving the same organization twice, and a street writing whom another’s session served', async () => {
    const id = await session('ROADSHOW', '2025-03-01', { organizerId: world.department });
    await ok(server, 'createTrainingAudience', { sessionId: id, organizationId: world.street });
    expect(fieldErrors(await refused(server, 'createTrainingAudience', { sessionId: id, organizationId: world.street }))).toEqual({ organizationId: 'unique' });
    const streetHr = server.as(await server.tokenFor('HR', world.street));
    const res = await refused(streetHr, 'createTrainingAudience', { sessionId: id, organizationId: world.township });
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

describe('recruits without induction training', () => {
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

  it('lists recruits whose period passed without an induction session within it', async () => {
    const org = await world.org('初任测试街道', 'STREET');
    const recruit = async (name: string, on: string, category = 'ENFORCEMENT') => {
      const id = (await ok(server, 'createStaffMember', { name, organizationId: org, category })).id as string;
      // A legal-review post: the recruitment itself, not the certificate an enforcement post needs, is what is tested.
      const post = category === 'AUXILIARY' ? 'AUXILIARY' : 'LEGAL_REVIEW';
      const t = (await ok(server, 'createTransfer', { staffMemberId: id, kind: 'RECRUITMENT', toOrganizationId: org, post, effectiveDate: on })).id;
      await ok(server, 'completeTransfer', { id: t });
      return id;
    };
    const trained = await recruit('钱按期', '2023-03-01');
    const late = await recruit('孙逾期', '2023-03-01');
    const never = await recruit('周未训', '2023-03-01');
    const recent = await recruit('吴新招', daysAgo(30)); // still within the year
    const auxiliary = await recruit('郑协勤', '2023-03-01', 'AUXILIARY');
    const onTime = await session('INDUCTION', '2023-11-01');
    const tooLate = await session('INDUCTION', '2024-06-01'); // more than 365 days after
    await attend(onTime, trained);
    await attend(tooLate, late);

    const flagged = await ok<any[]>(server, 'recruitsWithoutInduction', {}, 'id name inductionOverdue organizationId');
    expect(flagged.filter((s) => s.organizationId === org).map(({ organizationId: _, ...s }) => s)).toEqual([
      { id: late, name: '孙逾期', inductionOverdue: true },
      { id: never, name: '周未训', inductionOverdue: true },
    ]);
    const others = await ok<any[]>(server, 'allStaffMembers', { filter: { ids: [trained, recent, auxiliary] }, sortField: 'id' }, 'inductionOverdue');
    expect(others).toEqual([{ inductionOverdue: false }, { inductionOverdue: false }, { inductionOverdue: false }]);
    // Someone never recruited through a transfer (already in post when records began) is not a recruit.
    expect(await ok(server, 'StaffMember', { id: await world.staffMember() }, 'inductionOverdue')).toEqual({ inductionOverdue: false });
  });
});
