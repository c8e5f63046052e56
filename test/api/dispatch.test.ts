import { call as send, ok } from '../helpers/operations';
import { inFlightTogether } from '../helpers/in-flight';
import { withWorld } from '../helpers/fixtures';
import { errorCode, fieldErrors, onlyError, refused } from '../helpers/expect-errors';
import { today } from '../../api/dates';

// Call-and-report dispatch (吹哨报到): the street raises a request and calls departments; each
// department acknowledges, arrives and closes, timed and only forward, for itself only; late steps
// are flagged against DISPATCH_ACK_HOURS (2) and DISPATCH_ARRIVAL_HOURS (24); joint enforcement
// names helper townships filed with the justice bureau; the two-way assessment adds up a year.
const { server, world, signedIn } = withWorld();

const HOUR = 3600_000;
const at = (base: string | Date, plusMs = 0) => new Date(new Date(base).getTime() + plusMs).toISOString();
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

const request = (extra: Record<string, unknown> = {}) => ({
  streetId: world.street,
  matter: '夜间渣土车沿街抛洒，需城管、交通部门到场联合处置',
  place: '建设路与人民路交叉口',
  urgency: 'URGENT',
  raisedAt: '2025-03-03T01:00:00.000Z',
  dueOn: '2025-03-06',
  ...extra,
});

const raise = (extra: Record<string, unknown> = {}, as = server) => ok(as, 'createDispatchRequest', request(extra)).then((r) => r.id as string);
const call = (requestId: string, departmentId = world.department, as = server) =>
  ok(as, 'createDispatchAssignment', { requestId, departmentId }).then((r) => r.id as string);
const read = (id: string) =>
  ok(server, 'DispatchAssignment', { id }, 'status acknowledgedAt arrivedAt closedAt result rating ratingComment overdue acknowledgedLate arrivedLate version');

describe('raising a request', () => {
  it('is raised by a street, not in the future, due no earlier than raised, calling departments once each', async () => {
    const id = await raise();
    expect(await ok(server, 'DispatchRequest', { id }, 'urgency openAssignments overdue')).toEqual({ urgency: 'URGENT', openAssignments: 0, overdue: false });
    expect(fieldErrors(await refused(server, 'createDispatchRequest', request({ streetId: world.department })))).toEqual({ streetId: 'kind' });
    expect(fieldErrors(await refused(server, 'createDispatchRequest', request({ raisedAt: '2099-01-01T00:00:00Z', dueOn: '2099-01-02' })))).toEqual({ raisedAt: 'future' });
    expect(fieldErrors(await refused(server, 'createDispatchRequest', request({ dueOn: '2025-03-02' })))).toEqual({ dueOn: 'range' });
    await call(id);
    expect(fieldErrors(await refused(server, 'createDispatchAssignment', { requestId: id, departmentId: world.department }))).toEqual({ departmentId: 'unique' });
    expect(fieldErrors(await refused(server, 'createDispatchAssignment', { requestId: id, departmentId: world.township }))).toEqual({ departmentId: 'kind' });
    await call(id, world.vertical);
    expect((await ok(server, 'DispatchRequest', { id }, 'openAssignments')).openAssignments).toBe(2);
  });

  it('names at most the two nearest townships as helpers for joint enforcement, filed with the justice bureau', async () => {
    const second = await world.org('测试乡', 'TOWNSHIP');
    const joint = { helperTownshipId: world.township, secondHelperTownshipId: second };
    expect(fieldErrors(await refused(server, 'createDispatchRequest', request(joint)))).toEqual({ filedWithJusticeOn: 'required' });
    expect(fieldErrors(await refused(server, 'createDispatchRequest', request({ filedWithJusticeOn: '2025-03-03' })))).toEqual({ filedWithJusticeOn: 'kind' });
    expect(fieldErrors(await refused(server, 'createDispatchRequest', request({ ...joint, filedWithJusticeOn: '2025-03-02' })))).toEqual({ filedWithJusticeOn: 'range' });
    expect(fieldErrors(await refused(server, 'createDispatchRequest', request({ helperTownshipId: world.department, filedWithJusticeOn: '2025-03-03' })))).toEqual({
      helperTownshipId: 'kind',
    });
    expect(fieldErrors(await refused(server, 'createDispatchRequest', request({ helperTownshipId: world.street, filedWithJusticeOn: '2025-03-03' })))).toEqual({
      helperTownshipId: 'same',
    });
    expect(fieldErrors(await refused(server, 'createDispatchRequest', request({ helperTownshipId: second, secondHelperTownshipId: second, filedWithJusticeOn: '2025-03-03' })))).toEqual({
      secondHelperTownshipId: 'same',
    });
    expect(fieldErrors(await refused(server, 'createDispatchRequest', request({ secondHelperTownshipId: second, filedWithJusticeOn: '2025-03-03' })))).toEqual({
      helperTownshipId: 'required',
    });
    const id = await raise({ ...joint, filedWithJusticeOn: '2025-03-03' });
    expect(await ok(server, 'DispatchRequest', { id }, 'helperTownship { id } secondHelperTownship { id } filedWithJusticeOn')).toEqual({
      helperTownship: { id: world.township },
      secondHelperTownship: { id: second },
      filedWithJusticeOn: '2025-03-03',
    });
  });
});

describe('the department’s steps', () => {
  it('fixes the request once acknowledged, also when the street edits it at the moment the department acknowledges', async () => {
    const requestId = await raise();
    const id = await call(requestId);
    const [acknowledged, edited] = await inFlightTogether(server, [
      () => send(server, 'acknowledgeDispatchAssignment', { id, at: at('2025-03-03T01:00:00.000Z', HOUR) }, 'status'),
      () => send(server, 'updateDispatchRequest', { id: requestId, raisedAt: '2025-03-03T03:00:00.000Z' }, 'raisedAt'),
    ]);
    // Acknowledged first, the request is fixed: a later moment raised would make the acknowledgement come before it.
    expect(acknowledged.errors).toBeUndefined();
    expect(onlyError(edited).extensions).toMatchObject({ code: 'CONFLICT', reason: 'LOCKED' });
    expect((await ok(server, 'DispatchRequest', { id: requestId }, 'raisedAt')).raisedAt).toBe('2025-03-03T01:00:00.000Z');
  });

  it('acknowledges, arrives and closes, each timed, not before the previous step, only forward', async () => {
    const raisedAt = '2025-03-03T01:00:00.000Z';
    const id = await call(await raise({ raisedAt }));
    expect(onlyError(await refused(server, 'arriveDispatchAssignment', { id })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'STATE' });
    expect(fieldErrors(await refused(server, 'acknowledgeDispatchAssignment', { id, at: at(raisedAt, -60_000) }))).toEqual({ acknowledgedAt: 'range' });
    expect(fieldErrors(await refused(server, 'acknowledgeDispatchAssignment', { id, at: '2099-01-01T00:00:00Z' }))).toEqual({ acknowledgedAt: 'future' });
    await ok(server, 'acknowledgeDispatchAssignment', { id, at: at(raisedAt, HOUR) });
    expect(await read(id)).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedAt: at(raisedAt, HOUR), arrivedAt: null });
    expect(onlyError(await refused(server, 'acknowledgeDispatchAssignment', { id })).extensions).toMatchObject({ reason: 'STATE' });
    // Once acknowledged, the street's call and its request are fixed.
    expect(onlyError(await refused(server, 'deleteDispatchAssignment', { id })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'LOCKED' });
    const requestId = (await ok(server, 'DispatchAssignment', { id }, 'requestId')).requestId;
    expect(onlyError(await refused(server, 'updateDispatchRequest', { id: requestId, place: '改' })).extensions).toMatchObject({ reason: 'LOCKED' });
    expect(fieldErrors(await refused(server, 'arriveDispatchAssignment', { id, at: at(raisedAt, HOUR / 2) }))).toEqual({ arrivedAt: 'range' });
    expect(onlyError(await refused(server, 'closeDispatchAssignment', { id, result: '已处置' })).extensions).toMatchObject({ reason: 'STATE' });
    await ok(server, 'arriveDispatchAssignment', { id, at: at(raisedAt, 3 * HOUR) });
    expect(onlyError(await refused(server, 'rateDispatchAssignment', { id, rating: 5 })).extensions).toMatchObject({ reason: 'STATE' });
    expect(fieldErrors(await refused(server, 'closeDispatchAssignment', { id, result: '  ' }))).toEqual({ result: 'required' });
    expect(fieldErrors(await refused(server, 'closeDispatchAssignment', { id, result: '已处置', at: at(raisedAt, 2 * HOUR) }))).toEqual({ closedAt: 'range' });
    const { version } = await read(id);
    expect(onlyError(await refused(server, 'closeDispatchAssignment', { id, result: '已处置', version: version - 1 })).extensions).toMatchObject({ reason: 'STALE_VERSION' });
    await ok(server, 'closeDispatchAssignment', { id, result: '已责令清理路面，对运输企业立案查处', at: at(raisedAt, 26 * HOUR) });
    expect(await read(id)).toMatchObject({ status: 'CLOSED', closedAt: at(raisedAt, 26 * HOUR), result: '已责令清理路面，对运输企业立案查处' });
    expect(fieldErrors(await refused(server, 'rateDispatchAssignment', { id, rating: 6 }))).toEqual({ rating: 'range' });
    expect(fieldErrors(await refused(server, 'rateDispatchAssignment', { id, rating: 0 }))).toEqual({ rating: 'range' });
    await ok(server, 'rateDispatchAssignment', { id, rating: 4, comment: '到场及时，处置得力' });
    expect(await read(id)).toMatchObject({ rating: 4, ratingComment: '到场及时，处置得力' });
    expect(onlyError(await refused(server, 'rateDispatchAssignment', { id, rating: 5 })).extensions).toMatchObject({ reason: 'STATE' });
    expect((await ok(server, 'DispatchRequest', { id: requestId }, 'openAssignments')).openAssignments).toBe(0);
  });

  it('takes now when no time is given', async () => {
    const id = await call(await raise({ raisedAt: ago(HOUR), dueOn: today() }));
    const before = Date.now();
    await ok(server, 'acknowledgeDispatchAssignment', { id });
    const { acknowledgedAt } = await read(id);
    expect(Date.parse(acknowledgedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(acknowledgedAt)).toBeLessThanOrEqual(Date.now() + 1000);
  });
});

describe('who records which step', () => {
  it('lets the street raise, call and rate, and each department record only its own steps', async () => {
    const street = await signedIn('SUPERVISOR', world.street);
    const township = await signedIn('SUPERVISOR', world.township);
    const department = await signedIn('SUPERVISOR', world.department);
    const vertical = await signedIn('SUPERVISOR', world.vertical);
    // The street raises its own request and calls; not in another street's name; a department does not raise one for it.
    const requestId = await raise({}, street);
    expect(errorCode(await refused(street, 'createDispatchRequest', request({ streetId: world.township })))).toBe('FORBIDDEN');
    expect(errorCode(await refused(department, 'createDispatchRequest', request()))).toBe('FORBIDDEN');
    expect(errorCode(await refused(township, 'updateDispatchRequest', { id: requestId, place: '改' }))).toBe('FORBIDDEN');
    const mine = await call(requestId, world.department, street);
    const theirs = await call(requestId, world.vertical, street);
    expect(errorCode(await refused(department, 'createDispatchAssignment', { requestId, departmentId: (await world.org('测试县交通运输局', 'DEPARTMENT')) }))).toBe('FORBIDDEN');
    // The street does not acknowledge for a department; one department does not act for another.
    expect(errorCode(await refused(street, 'acknowledgeDispatchAssignment', { id: mine }))).toBe('FORBIDDEN');
    expect(errorCode(await refused(vertical, 'acknowledgeDispatchAssignment', { id: mine }))).toBe('FORBIDDEN');
    // Nor does the street's own administrator: only the county-wide one acts for anyone.
    expect(errorCode(await refused(await signedIn('ADMIN', world.street), 'acknowledgeDispatchAssignment', { id: mine }))).toBe('FORBIDDEN');
    expect(errorCode(await refused(department, 'acknowledgeDispatchAssignment', { id: theirs }))).toBe('FORBIDDEN');
    await ok(department, 'acknowledgeDispatchAssignment', { id: mine });
    expect(errorCode(await refused(vertical, 'arriveDispatchAssignment', { id: mine }))).toBe('FORBIDDEN');
    await ok(department, 'arriveDispatchAssignment', { id: mine });
    expect(errorCode(await refused(street, 'closeDispatchAssignment', { id: mine, result: '已处置' }))).toBe('FORBIDDEN');
    await ok(department, 'closeDispatchAssignment', { id: mine, result: '已处置完毕' });
    // Only the street rates; the department does not rate itself.
    expect(errorCode(await refused(department, 'rateDispatchAssignment', { id: mine, rating: 5 }))).toBe('FORBIDDEN');
    expect(errorCode(await refused(township, 'rateDispatchAssignment', { id: mine, rating: 1 }))).toBe('FORBIDDEN');
    await ok(street, 'rateDispatchAssignment', { id: mine, rating: 5 });
    // A county account of no organization records any step.
    await ok(server, 'acknowledgeDispatchAssignment', { id: theirs });
    expect((await read(theirs)).status).toBe('ACKNOWLEDGED');
    // Other roles record nothing.
    const hr = await signedIn('HR', null);
    expect(errorCode(await refused(hr, 'arriveDispatchAssignment', { id: theirs }))).toBe('FORBIDDEN');
  });
});

describe('deadlines', () => {
  it('flags acknowledgement after 2 hours and arrival after 24 hours as late, exactly at the deadline on time', async () => {
    const raisedAt = '2025-05-05T00:00:00.000Z';
    const step = async (ackAfter: number, arriveAfter: number) => {
      const id = await call(await raise({ raisedAt, dueOn: '2025-05-08' }));
      await ok(server, 'acknowledgeDispatchAssignment', { id, at: at(raisedAt, ackAfter) });
      await ok(server, 'arriveDispatchAssignment', { id, at: at(raisedAt, arriveAfter) });
      const { acknowledgedLate, arrivedLate } = await read(id);
      return { acknowledgedLate, arrivedLate };
    };
    expect(await step(2 * HOUR, 24 * HOUR)).toEqual({ acknowledgedLate: false, arrivedLate: false });
    expect(await step(2 * HOUR + 1000, 24 * HOUR)).toEqual({ acknowledgedLate: true, arrivedLate: false });
    expect(await step(HOUR, 24 * HOUR + 1000)).toEqual({ acknowledgedLate: false, arrivedLate: true });
  });

  it('flags and lists what is still waiting past its deadline', async () => {
    const waiting = await call(await raise({ raisedAt: ago(HOUR), dueOn: today() }));
    const unacknowledged = await call(await raise({ raisedAt: ago(3 * HOUR), dueOn: today() }));
    const notArrived = await call(await raise({ raisedAt: ago(25 * HOUR), dueOn: today() }));
    await ok(server, 'acknowledgeDispatchAssignment', { id: notArrived, at: ago(24 * HOUR) });
    const arrivedInTime = await call(await raise({ raisedAt: ago(25 * HOUR), dueOn: today() }));
    await ok(server, 'acknowledgeDispatchAssignment', { id: arrivedInTime, at: ago(24 * HOUR) });
    await ok(server, 'arriveDispatchAssignment', { id: arrivedInTime, at: ago(20 * HOUR) });
    const pastDue = await call(await raise({ raisedAt: ago(72 * HOUR), dueOn: ago(48 * HOUR).slice(0, 10) }));
    await ok(server, 'acknowledgeDispatchAssignment', { id: pastDue, at: ago(71 * HOUR) });
    await ok(server, 'arriveDispatchAssignment', { id: pastDue, at: ago(70 * HOUR) });

    const overdue = async (id: string) => (await read(id)).overdue;
    expect(await overdue(waiting)).toBe(false);
    expect(await overdue(unacknowledged)).toBe(true);
    expect(await overdue(notArrived)).toBe(true);
    expect(await overdue(arrivedInTime)).toBe(false);
    expect(await overdue(pastDue)).toBe(true);
    const listed = (await ok<any[]>(server, 'overdueDispatchAssignments', {})).map((r) => r.id);
    expect(listed).toEqual(expect.arrayContaining([unacknowledged, notArrived, pastDue]));
    for (const id of [waiting, arrivedInTime]) expect(listed).not.toContain(id);

    // The board: open referrals and assignments by the deadline of the step owed, overdue first.
    const board = await ok<any[]>(server, 'deadlineBoard', {}, 'resource id deadline overdue status');
    const deadlines = board.map((e) => Date.parse(e.deadline));
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    const entry = (id: string) => board.find((e) => e.resource === 'DispatchAssignment' && e.id === id);
    expect(entry(unacknowledged)).toMatchObject({ status: 'CALLED', overdue: true });
    expect(Date.parse(entry(unacknowledged).deadline)).toBeLessThan(Date.now());
    expect(entry(waiting)).toMatchObject({ status: 'CALLED', overdue: false });
    expect(entry(arrivedInTime)).toMatchObject({ status: 'ARRIVED', overdue: false });
    const firstOnTime = board.findIndex((e) => !e.overdue);
    expect(board.slice(firstOnTime).every((e) => !e.overdue)).toBe(true);
    const referral = await ok(server, 'createCaseReferral', {
      kind: 'STREET_TO_DEPARTMENT',
      fromOrganizationId: world.street,
      toOrganizationId: world.department,
      matter: '无照经营',
      legalBasis: '《无证无照经营查处办法》第五条',
      sentOn: '2025-01-02',
    });
    const withReferral = await ok<any[]>(server, 'deadlineBoard', { organizationId: world.department }, 'resource id overdue toOrganization { id }');
    expect(withReferral.find((e) => e.resource === 'CaseReferral' && e.id === referral.id)).toMatchObject({ overdue: true, toOrganization: { id: world.department } });
    expect(withReferral.every((e) => e.toOrganization.id === world.department || e.resource === 'CaseReferral')).toBe(true);
  });
});

describe('the two-way assessment', () => {
  it('adds up a year per department and per street (worked example)', async () => {
    // 2024: the street calls the department four times and the vertical unit once.
    const raisedAt = '2024-06-03T00:00:00.000Z';
    const make = async () => call(await raise({ raisedAt, dueOn: '2024-06-10' }));
    const steps = async (id: string, ack: number | null, arrive: number | null, close: number | null, rating: number | null) => {
      if (ack != null) await ok(server, 'acknowledgeDispatchAssignment', { id, at: at(raisedAt, ack) });
      if (arrive != null) await ok(server, 'arriveDispatchAssignment', { id, at: at(raisedAt, arrive) });
      if (close != null) await ok(server, 'closeDispatchAssignment', { id, result: '已处置', at: at(raisedAt, close) });
      if (rating != null) await ok(server, 'rateDispatchAssignment', { id, rating });
    };
    // 1: all on time, closed, rated 5; 2: acknowledged late, closed, rated 3;
    // 3: arrived late, still open; 4: never acknowledged.
    await steps(await make(), HOUR, 10 * HOUR, 30 * HOUR, 5);
    await steps(await make(), 3 * HOUR, 20 * HOUR, 40 * HOUR, 3);
    await steps(await make(), HOUR, 30 * HOUR, null, null);
    await make();
    const other = await raise({ raisedAt, dueOn: '2024-06-10' });
    await steps(await call(other, world.vertical), HOUR, 2 * HOUR, 3 * HOUR, null);
    // 2024-12-31T16:30Z is already 1 January 2025 in the configured zone (Asia/Shanghai): not counted.
    await call(await raise({ raisedAt: '2024-12-31T16:30:00.000Z', dueOn: '2025-01-02' }));

    const { departments, streets } = await ok(
      server,
      'dispatchAssessment',
      { year: 2024 },
      `departments { organizationId received acknowledgedOnTime acknowledgedOnTimeRate arrivedOnTime arrivedOnTimeRate closed closedRate rated averageRating organization { id } }
       streets { organizationId raised calls rated averageRatingGiven }`,
    );
    expect(departments.find((d: any) => d.organizationId === world.department)).toEqual({
      organizationId: world.department,
      received: 4,
      acknowledgedOnTime: 2,
      acknowledgedOnTimeRate: 0.5,
      arrivedOnTime: 2,
      arrivedOnTimeRate: 0.5,
      closed: 2,
      closedRate: 0.5,
      rated: 2,
      averageRating: 4,
      organization: { id: world.department },
    });
    expect(departments.find((d: any) => d.organizationId === world.vertical)).toMatchObject({
      received: 1,
      acknowledgedOnTimeRate: 1,
      arrivedOnTimeRate: 1,
      closedRate: 1,
      rated: 0,
      averageRating: null,
    });
    expect(streets).toEqual([{ organizationId: world.street, raised: 5, calls: 5, rated: 2, averageRatingGiven: 4 }]);
    expect((await ok(server, 'dispatchAssessment', { year: 2023 }, 'departments { received }')).departments).toEqual([]);
    expect(fieldErrors(await refused(server, 'dispatchAssessment', { year: 1999 }))).toEqual({ year: 'range' });
  });
});
