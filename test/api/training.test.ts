import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { fieldErrors, refused } from '../helpers/expect-errors';
import { inFlightTogether } from '../helpers/in-flight';

// Rule 5 of the whole-record issue: training hours per person and year, by kind, against the
// professional-law minimum of 《镇平县行政执法改革与管理专项整治工作实施方案》 (不少于30课时).
const { server, world } = withWorld();


const session = (kind: string, startsOn: string, hours: number) =>
  ok(server, 'createTrainingSession', { title: world.unique(`${kind}培训`), kind, organizerId: world.department, startsOn, hours }).then(
    (r) => r.id as string,
  );
const attend = (sessionId: string, staffMemberId: string, hoursAttended: number, extra: Record<string, unknown> = {}) =>
  ok(server, 'createTrainingAttendance', { sessionId, staffMemberId, hoursAttended, ...extra });

const HOURS = 'staffMemberId year totalHours professionalLawHours requiredProfessionalLawHours meetsProfessionalLawMinimum byKind { kind hours } staffMember { name }';

it('adds up a year’s hours by kind and checks the professional-law minimum', async () => {
  const org = await world.org('培训测试镇', 'TOWNSHIP');
  const person = (name: string, extra: Record<string, unknown> = {}) =>
    ok(server, 'createStaffMember', { name, organizationId: org, category: 'ENFORCEMENT', ...extra }).then((r) => r.id as string);
  const full = await person('张满时');
  const short = await person('李差时');
  const none = await person('王未训');
  const auxiliary = await person('赵协勤', { category: 'AUXILIARY' });

  const lawA = await session('PROFESSIONAL_LAW', '2025-03-10', 12);
  const lawB = await session('PROFESSIONAL_LAW', '2025-09-01', 20);
  const general = await session('GENERAL_LAW', '2025-04-20', 32);
  const lastYear = await session('PROFESSIONAL_LAW', '2024-12-30', 24);
  await attend(lawA, full, 12, { examScore: 92, passed: true });
  await attend(lawB, full, 18.5);
  await attend(general, full, 24);
  await attend(lawA, short, 12);
  await attend(lastYear, short, 24); // counts for 2024, the year it started
  await attend(lawA, auxiliary, 12);

  const rows = await ok<any[]>(server, 'trainingHours', { year: 2025, organizationId: org }, HOURS);
  expect(rows.map((r) => r.staffMember.name)).toEqual(['张满时', '李差时', '王未训']); // auxiliary staff are not held to it
  const [a, b, c] = rows;
  expect(a).toMatchObject({
    year: 2025,
    totalHours: 54.5,
    professionalLawHours: 30.5,
    requiredProfessionalLawHours: 30,
    meetsProfessionalLawMinimum: true,
    byKind: [{ kind: 'PROFESSIONAL_LAW', hours: 30.5 }, { kind: 'GENERAL_LAW', hours: 24 }],
  });
  expect(b).toMatchObject({ totalHours: 12, professionalLawHours: 12, meetsProfessionalLawMinimum: false, byKind: [{ kind: 'PROFESSIONAL_LAW', hours: 12 }] });
  expect(c).toMatchObject({ totalHours: 0, professionalLawHours: 0, meetsProfessionalLawMinimum: false, byKind: [] });

  const below = await ok<any[]>(server, 'trainingHours', { year: 2025, organizationId: org, onlyBelowMinimum: true }, 'staffMemberId');
  expect(below.map((r) => r.staffMemberId)).toEqual([short, none]);
  const in2024 = await ok<any[]>(server, 'trainingHours', { year: 2024, staffMemberId: short }, 'professionalLawHours meetsProfessionalLawMinimum');
  expect(in2024).toEqual([{ professionalLawHours: 24, meetsProfessionalLawMinimum: false }]);
  expect(fieldErrors(await refused(server, 'createTrainingAttendance', { sessionId: lawA, staffMemberId: full, hoursAttended: 1 }))).toEqual({ staffMemberId: 'unique' });
});

it('refuses impossible hours and scores', async () => {
  const id = await session('CASE_BASED', '2025-05-01', 4);
  const person = await world.staffMember();
  expect(fieldErrors(await refused(server, 'createTrainingSession', { title: '零课时', kind: 'INDUCTION', organizerId: world.department, startsOn: '2025-01-02', endsOn: '2025-01-01', hours: 0 }))).toEqual({
    hours: 'range',
    endsOn: 'range',
  });
  expect(fieldErrors(await refused(server, 'createTrainingAttendance', { sessionId: id, staffMemberId: person, hoursAttended: 5, examScore: 101 }))).toEqual({
    hoursAttended: 'range',
    examScore: 'range',
  });
  expect(fieldErrors(await refused(server, 'createTrainingAttendance', { sessionId: id, staffMemberId: person, hoursAttended: 0 }))).toEqual({ hoursAttended: 'range' });
  // Shortening a session below what someone attended would leave that attendance impossible.
  await attend(id, person, 4);
  expect(fieldErrors(await refused(server, 'updateTrainingSession', { id, hours: 3 }))).toEqual({ hours: 'attended' });
  await ok(server, 'updateTrainingSession', { id, hours: 6 });
  expect((await call(server, 'trainingHours', { year: 2025, staffMemberId: '999999' })).data!.trainingHours).toEqual([]);
});

it('judges a session shortened and an attendance of its full hours recorded at once one after the other', async () => {
  const id = await session('CASE_BASED', '2025-06-01', 8);
  const person = await world.staffMember();
  const [shortened, attended] = await inFlightTogether(server, [
    () => call(server, 'updateTrainingSession', { id, hours: 4 }, 'hours'),
    () => call(server, 'createTrainingAttendance', { sessionId: id, staffMemberId: person, hoursAttended: 8 }, 'id'),
  ]);
  // Shortened first: eight hours of a four-hour session are refused (they would count towards the yearly minimum).
  expect(shortened.errors).toBeUndefined();
  expect(fieldErrors(attended)).toEqual({ hoursAttended: 'range' });
});
