import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { onlyError, fieldErrors, refused } from '../helpers/expect-errors';
import { inFlightTogether } from '../helpers/in-flight';

// HR rules 1–4 of the whole-record issue: transfers move people atomically, secondments come back,
// no certificate means no enforcement post, and vacancy rates are counted from postings.
const { server, world } = withWorld();


const person = (organizationId: string, extra: Record<string, unknown> = {}) =>
  ok(server, 'createStaffMember', { name: '王测试', organizationId, category: 'ENFORCEMENT', ...extra }).then((r) =>
    // Everyone but auxiliary staff has passed the general-law training an enforcement post needs.
    extra.category === 'AUXILIARY' ? (r.id as string) : world.generalLaw(r.id as string),
  );

const certify = (staffMemberId: string, extra: Record<string, unknown> = {}) =>
  ok(server, 'createCertificate', {
    staffMemberId,
    number: world.unique('豫执-'),
    issuingAuthority: '河南省人民政府',
    issuedOn: '2023-01-01',
    expiresOn: '2099-12-31',
    ...extra,
  }).then((r) => r.id as string);

const post = (staffMemberId: string, organizationId: string, extra: Record<string, unknown> = {}) =>
  ok(server, 'createPosting', { staffMemberId, organizationId, post: 'ENFORCEMENT', startedOn: '2024-01-01', ...extra }).then(
    (r) => r.id as string,
  );

/** An enforcement officer at an organization: person, valid certificate, open enforcement posting. */
async function officer(organizationId: string, extra: Record<string, unknown> = {}) {
  const id = await person(organizationId, extra);
  await certify(id);
  const posting = await post(id, organizationId);
  return { id, posting };
}

const staff = (id: string) =>
  ok(server, 'StaffMember', { id }, 'id organizationId status certificateAlert overdueReturn');
const postingsOf = (staffMemberId: string) =>
  ok<any[]>(server, 'allPostings', { filter: { staffMemberId }, sortField: 'startedOn' }, 'id organizationId quotaOrganizationId post startedOn endedOn transferId');

describe('no certificate, no enforcement post', () => {
  it('refuses an enforcement posting without a valid certificate on its first day', async () => {
    const id = await person(world.street);
    expect(fieldErrors(await refused(server, 'createPosting', { staffMemberId: id, organizationId: world.street, post: 'ENFORCEMENT', startedOn: '2024-01-01' }))).toEqual({ post: 'certificate' });
    // Expired before the posting starts, issued after it, suspended: none of them counts.
    await certify(id, { expiresOn: '2023-12-31' });
    await certify(id, { issuedOn: '2024-02-01' });
    await certify(id, { status: 'SUSPENDED' });
    expect(fieldErrors(await refused(server, 'createPosting', { staffMemberId: id, organizationId: world.street, post: 'ENFORCEMENT', startedOn: '2024-01-01' }))).toEqual({ post: 'certificate' });
    // Other posts need no certificate; an enforcement post from the day the certificate counts is fine.
    await post(id, world.street, { post: 'LEGAL_REVIEW', endedOn: '2024-01-31' });
    await post(id, world.street, { startedOn: '2024-02-01' });
  });

  it('refuses an enforcement post without the general-law completion on its first day, and accepts it with one', async () => {
    // 《镇平县行政执法改革与管理专项整治工作实施方案》: 将持有行政执法证和公共法律知识培训结业证作为执法的前置条件.
    const id = (await ok(server, 'createStaffMember', { name: '赵未结业', organizationId: world.street, category: 'ENFORCEMENT' })).id as string;
    await certify(id);
    const attempt = () => refused(server, 'createPosting', { staffMemberId: id, organizationId: world.street, post: 'ENFORCEMENT', startedOn: '2024-06-03' });
    const untrained = await attempt();
    expect(fieldErrors(untrained)).toEqual({ post: 'generalLaw' });
    const message = untrained.errors![0].extensions!.fieldErrors as { zh: string; en: string }[];
    expect(message[0].zh).toBe(
      '赵未结业在 2024-06-03 前没有通过公共法律知识培训（未取得结业证），不能担任执法岗（《镇平县行政执法改革与管理专项整治工作实施方案》：将持有行政执法证和公共法律知识培训结业证作为执法的前置条件）',
    );
    expect(message[0].en).toMatch(/^赵未结业 has not passed the general-law training .* by 2024-06-03 and cannot take an enforcement post/);
    const session = (kind: string, startsOn: string, endsOn: string) =>
      ok(server, 'createTrainingSession', { title: world.unique('结业测试'), kind, organizerId: world.government, startsOn, endsOn, hours: 16 }).then((r) => r.id as string);
    const attend = (sessionId: string, passed: boolean | null) => ok(server, 'createTrainingAttendance', { sessionId, staffMemberId: id, hoursAttended: 16, examScore: passed === null ? null : passed ? 80 : 40, passed });
    // Failed, a professional-law course passed, and a general-law session still going on the first day: none counts.
    await attend(await session('GENERAL_LAW', '2024-03-04', '2024-03-05'), false);
    await attend(await session('PROFESSIONAL_LAW', '2024-04-01', '2024-04-02'), true);
    await attend(await session('GENERAL_LAW', '2024-06-02', '2024-06-04'), true);
    expect(fieldErrors(await attempt())).toEqual({ post: 'generalLaw' });
    // Without a certificate, the certificate is what the refusal names.
    const uncertified = (await ok(server, 'createStaffMember', { name: '钱无证', organizationId: world.street, category: 'ENFORCEMENT' })).id as string;
    expect(fieldErrors(await refused(server, 'createPosting', { staffMemberId: uncertified, organizationId: world.street, post: 'ENFORCEMENT', startedOn: '2024-06-03' }))).toEqual({ post: 'certificate' });
    // Other posts need no completion; a general-law session ending on the first day itself is enough.
    await post(id, world.street, { post: 'LEGAL_REVIEW', startedOn: '2024-06-03', endedOn: '2024-06-30' });
    await attend(await session('GENERAL_LAW', '2024-06-28', '2024-07-01'), true);
    await post(id, world.street, { startedOn: '2024-07-01' });
  });

  it('refuses an enforcement post to auxiliary staff', async () => {
    const id = await person(world.street, { category: 'AUXILIARY' });
    expect(fieldErrors(await refused(server, 'createPosting', { staffMemberId: id, organizationId: world.street, post: 'ENFORCEMENT', startedOn: '2024-01-01' }))).toEqual({ post: 'category' });
    await post(id, world.street, { post: 'AUXILIARY' });
    const { id: officerId } = await officer(world.street);
    expect(fieldErrors(await refused(server, 'updateStaffMember', { id: officerId, category: 'AUXILIARY' }))).toEqual({ category: 'post' });
  });

  it('flags, but allows, suspending the last valid certificate of someone on an enforcement post', async () => {
    const id = await person(world.street);
    const first = await certify(id);
    const second = await certify(id);
    await post(id, world.street);
    expect((await staff(id)).certificateAlert).toBe(false);

    await ok(server, 'createCertificateEvent', { certificateId: first, kind: 'REVOKED', occurredOn: '2024-03-01', reason: '违法执法' });
    expect((await staff(id)).certificateAlert).toBe(false); // one valid certificate is left
    await ok(server, 'createCertificateEvent', { certificateId: second, kind: 'SUSPENDED', occurredOn: '2024-03-01', reason: '年度考核不合格' });
    expect((await staff(id)).certificateAlert).toBe(true);

    const flagged = await ok<any[]>(server, 'staffWithoutValidCertificate', {});
    expect(flagged.map((s) => s.id)).toContain(id);
    const filtered = await ok<any[]>(server, 'allStaffMembers', { filter: { certificateAlert: true, ids: [id] } });
    expect(filtered).toHaveLength(1);

    await ok(server, 'createCertificateEvent', { certificateId: second, kind: 'RESTORED', occurredOn: '2024-04-01' });
    expect((await staff(id)).certificateAlert).toBe(false);
    expect((await ok<any[]>(server, 'staffWithoutValidCertificate', {})).map((s) => s.id)).not.toContain(id);
  });

  it('flags someone whose only certificate has expired', async () => {
    const id = await person(world.street);
    await certify(id, { issuedOn: '2020-01-01', expiresOn: '2024-06-30' });
    await post(id, world.street, { startedOn: '2024-01-01' });
    expect((await staff(id)).certificateAlert).toBe(true);
  });
});

describe('one post at a time', () => {
  it('refuses a second open posting and overlapping periods', async () => {
    const { id } = await officer(world.street);
    expect(fieldErrors(await refused(server, 'createPosting', { staffMemberId: id, organizationId: world.township, post: 'LEGAL_REVIEW', startedOn: '2025-01-01' }))).toEqual({ startedOn: 'overlap' });
    expect(fieldErrors(await refused(server, 'createPosting', { staffMemberId: id, organizationId: world.township, post: 'LEGAL_REVIEW', startedOn: '2023-01-01', endedOn: '2024-01-01' }))).toEqual({ startedOn: 'overlap' });
    await post(id, world.township, { post: 'LEGAL_REVIEW', startedOn: '2023-01-01', endedOn: '2023-12-31' });
  });

  // Two clerks' forms (or two imports) posting one person at once, for an open and for a closed
  // period: the database's own guard (one open posting per person) covers only the first.
  it.each([
    ['open periods', [{ startedOn: '2025-03-01' }, { startedOn: '2025-05-01' }]],
    ['closed periods', [{ startedOn: '2025-03-01', endedOn: '2025-06-30' }, { startedOn: '2025-05-01', endedOn: '2025-12-31' }]],
  ])('judges two overlapping postings of one person sent at once one after the other (%s): the second is refused', async (_, periods) => {
    const id = await person(world.street);
    await certify(id);
    const results = await inFlightTogether(
      server,
      periods.map((period, i) => () =>
        call(server, 'createPosting', { staffMemberId: id, organizationId: world.street, post: i ? 'LEGAL_REVIEW' : 'ENFORCEMENT', ...period }, 'id'),
      ),
    );
    const losers = results.filter((r) => r.errors);
    expect(losers).toHaveLength(1);
    expect(fieldErrors(losers[0])).toEqual({ startedOn: 'overlap' });
    expect(await ok<any[]>(server, 'allPostings', { filter: { staffMemberId: id } }, 'id')).toHaveLength(1);
  });

  it('keeps organization and status out of direct edits', async () => {
    const { id } = await officer(world.street);
    expect(fieldErrors(await refused(server, 'updateStaffMember', { id, organizationId: world.township }))).toEqual({ organizationId: 'transfer' });
    // Status is not an argument at all: only transfers set it.
    const res = await server.gql('mutation($id: ID!) { updateStaffMember(id: $id, status: LEFT) { id } }', { id });
    expect(onlyError(res).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('transfers move people atomically', () => {
  it('completes a reassignment: old posting closed the day before, new one opened, person moved', async () => {
    const { id, posting } = await officer(world.street);
    const transfer = await ok(server, 'createTransfer', {
      staffMemberId: id, kind: 'REASSIGNMENT', toOrganizationId: world.township, effectiveDate: '2025-03-01', documentNumber: '测人社〔2025〕3号',
    }, 'id status fromOrganizationId');
    expect(transfer).toEqual({ id: transfer.id, status: 'PENDING', fromOrganizationId: world.street });
    expect((await staff(id)).organizationId).toBe(world.street); // nothing moves before completion

    const done = await ok(server, 'completeTransfer', { id: transfer.id }, 'status completedAt');
    expect(done.status).toBe('COMPLETED');
    expect(done.completedAt).toBeTruthy();
    const [old, current] = await postingsOf(id);
    expect(old).toMatchObject({ id: posting, organizationId: world.street, endedOn: '2025-02-28' });
    expect(current).toMatchObject({ organizationId: world.township, post: 'ENFORCEMENT', startedOn: '2025-03-01', endedOn: null, transferId: transfer.id });
    expect(await staff(id)).toMatchObject({ organizationId: world.township, status: 'ON_DUTY' });

    const again = onlyError(await refused(server, 'completeTransfer', { id: transfer.id }));
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STATE' });
    const edit = onlyError(await refused(server, 'updateTransfer', { id: transfer.id, note: '改' }));
    expect(edit.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LOCKED' });
  });

  it('leaves everything as it was when the second step (opening the new posting) is refused', async () => {
    // The officer's certificate runs out before the transfer takes effect: closing the current
    // posting succeeds, opening the new enforcement posting is refused, and the first step is undone.
    const id = await person(world.street);
    await certify(id, { issuedOn: '2023-01-01', expiresOn: '2025-12-31' });
    const posting = await post(id, world.street);
    const transfer = (await ok(server, 'createTransfer', { staffMemberId: id, kind: 'REASSIGNMENT', toOrganizationId: world.township, effectiveDate: '2026-01-05' })).id;

    const res = await refused(server, 'completeTransfer', { id: transfer });
    expect(fieldErrors(res)).toEqual({ post: 'certificate' });
    expect(await postingsOf(id)).toEqual([expect.objectContaining({ id: posting, endedOn: null, organizationId: world.street })]);
    expect(await staff(id)).toMatchObject({ organizationId: world.street, status: 'ON_DUTY' });
    expect((await ok(server, 'Transfer', { id: transfer }, 'status')).status).toBe('PENDING');

    // The same transfer to a post that needs no certificate goes through.
    await ok(server, 'updateTransfer', { id: transfer, post: 'LEGAL_REVIEW' });
    await ok(server, 'completeTransfer', { id: transfer });
    expect((await postingsOf(id)).map((p) => [p.post, p.endedOn])).toEqual([['ENFORCEMENT', '2026-01-04'], ['LEGAL_REVIEW', null]]);
  });

  it('lets exactly one of two simultaneous completions through', async () => {
    const { id } = await officer(world.street);
    const transfer = (await ok(server, 'createTransfer', { staffMemberId: id, kind: 'REASSIGNMENT', toOrganizationId: world.township, effectiveDate: '2025-05-01' })).id;
    const results = await Promise.all([call(server, 'completeTransfer', { id: transfer }), call(server, 'completeTransfer', { id: transfer })]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.find((r) => r.errors)!.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STATE' });
    expect((await postingsOf(id)).filter((p) => p.endedOn === null)).toHaveLength(1);
  });

  it('refuses a stale version, and cancels a pending transfer once', async () => {
    const { id } = await officer(world.street);
    const t = await ok(server, 'createTransfer', { staffMemberId: id, kind: 'REASSIGNMENT', toOrganizationId: world.township, effectiveDate: '2025-05-01' }, 'id version');
    await ok(server, 'updateTransfer', { id: t.id, note: '补充文号' });
    expect(onlyError(await refused(server, 'completeTransfer', { id: t.id, version: t.version })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect((await ok(server, 'cancelTransfer', { id: t.id }, 'status')).status).toBe('CANCELLED');
    expect(onlyError(await refused(server, 'cancelTransfer', { id: t.id })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'STATE' });
    expect(onlyError(await refused(server, 'completeTransfer', { id: '999999' })).extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await staff(id)).organizationId).toBe(world.street);
  });

  it('checks a transfer’s fields by kind', async () => {
    const { id } = await officer(world.street);
    const base = { staffMemberId: id, effectiveDate: '2025-05-01' };
    expect(fieldErrors(await refused(server, 'createTransfer', { ...base, kind: 'SECONDMENT', toOrganizationId: world.department }))).toEqual({ expectedReturnDate: 'required' });
    expect(fieldErrors(await refused(server, 'createTransfer', { ...base, kind: 'SECONDMENT', toOrganizationId: world.department, expectedReturnDate: '2025-04-01' }))).toEqual({ expectedReturnDate: 'range' });
    expect(fieldErrors(await refused(server, 'createTransfer', { ...base, kind: 'REASSIGNMENT' }))).toEqual({ toOrganizationId: 'required' });
    expect(fieldErrors(await refused(server, 'createTransfer', { ...base, kind: 'REASSIGNMENT', toOrganizationId: world.street }))).toEqual({ toOrganizationId: 'same' });
    expect(fieldErrors(await refused(server, 'createTransfer', { ...base, kind: 'REASSIGNMENT', fromOrganizationId: world.township, toOrganizationId: world.department }))).toEqual({ fromOrganizationId: 'mismatch' });
    expect(fieldErrors(await refused(server, 'createTransfer', { ...base, kind: 'REASSIGNMENT', toOrganizationId: world.township, expectedReturnDate: '2026-01-01' }))).toEqual({ expectedReturnDate: 'kind' });
    expect(fieldErrors(await refused(server, 'createTransfer', { ...base, kind: 'RECRUITMENT', toOrganizationId: world.street }))).toEqual({ post: 'required' });
    expect(fieldErrors(await refused(server, 'createTransfer', { ...base, kind: 'MOVE', toOrganizationId: world.township }))).toEqual({ kind: 'type' });
  });

  it('refuses a transfer that takes effect before the current posting began', async () => {
    const { id, posting } = await officer(world.street);
    const transfer = (await ok(server, 'createTransfer', { staffMemberId: id, kind: 'REASSIGNMENT', toOrganizationId: world.township, effectiveDate: '2024-01-01' })).id;
    expect(fieldErrors(await refused(server, 'completeTransfer', { id: transfer }))).toEqual({ effectiveDate: 'range' });
    expect(await postingsOf(id)).toEqual([expect.objectContaining({ id: posting, endedOn: null })]);
  });
});

describe('secondments come back', () => {
  it('seconds a person, shows them overdue past the expected return, and returns them home', async () => {
    const home = await world.org('借调测试镇', 'TOWNSHIP');
    const { id } = await officer(home);
    const secondment = (await ok(server, 'createTransfer', {
      staffMemberId: id, kind: 'SECONDMENT', toOrganizationId: world.department, effectiveDate: '2024-11-01', expectedReturnDate: '2025-01-31',
    })).id;
    await ok(server, 'completeTransfer', { id: secondment });
    expect(await staff(id)).toMatchObject({ status: 'SECONDED', organizationId: world.department, overdueReturn: true });
    const open = (await postingsOf(id)).at(-1);
    expect(open).toMatchObject({ organizationId: world.department, quotaOrganizationId: home, endedOn: null });

    const overdue = await ok<any[]>(server, 'overdueSecondments', {}, 'id expectedReturnDate returnOverdue staffMember { id name }');
    expect(overdue.find((t) => t.id === secondment)).toMatchObject({ expectedReturnDate: '2025-01-31', returnOverdue: true, staffMember: { id } });
    const listed = await ok<any[]>(server, 'allStaffMembers', { filter: { overdueReturn: true } });
    expect(listed.map((s) => s.id)).toContain(id);

    // A return to anywhere but home is refused; without a destination it goes home.
    const wrong = (await ok(server, 'createTransfer', { staffMemberId: id, kind: 'RETURN', toOrganizationId: world.township, effectiveDate: '2025-03-01' })).id;
    expect(fieldErrors(await refused(server, 'completeTransfer', { id: wrong }))).toEqual({ toOrganizationId: 'home' });
    await ok(server, 'cancelTransfer', { id: wrong });
    const back = (await ok(server, 'createTransfer', { staffMemberId: id, kind: 'RETURN', effectiveDate: '2025-03-01' })).id;
    expect((await ok(server, 'completeTransfer', { id: back }, 'toOrganizationId')).toOrganizationId).toBe(home);
    expect(await staff(id)).toMatchObject({ status: 'ON_DUTY', organizationId: home, overdueReturn: false });
    expect((await ok<any[]>(server, 'overdueSecondments', {})).map((t) => t.id)).not.toContain(secondment);
  });

  it('does not count a secondment that is not yet due, and refuses a return for someone not seconded', async () => {
    const { id } = await officer(world.street);
    const t = (await ok(server, 'createTransfer', { staffMemberId: id, kind: 'SECONDMENT', toOrganizationId: world.department, effectiveDate: '2025-06-01', expectedReturnDate: '2099-06-01' })).id;
    await ok(server, 'completeTransfer', { id: t });
    expect((await staff(id)).overdueReturn).toBe(false);
    const other = await officer(world.street);
    const ret = (await ok(server, 'createTransfer', { staffMemberId: other.id, kind: 'RETURN', effectiveDate: '2025-06-01' })).id;
    expect(onlyError(await refused(server, 'completeTransfer', { id: ret })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'STATE' });
  });
});

describe('recruitment and departure', () => {
  it('opens the first posting of a recruit and closes the last one of someone leaving', async () => {
    const id = await person(world.street);
    await certify(id);
    const recruit = (await ok(server, 'createTransfer', { staffMemberId: id, kind: 'RECRUITMENT', toOrganizationId: world.street, post: 'ENFORCEMENT', effectiveDate: '2024-09-01' }, 'id fromOrganizationId')) as any;
    expect(recruit.fromOrganizationId).toBeNull();
    await ok(server, 'completeTransfer', { id: recruit.id });
    expect(await postingsOf(id)).toEqual([expect.objectContaining({ organizationId: world.street, startedOn: '2024-09-01', endedOn: null })]);

    const leave = (await ok(server, 'createTransfer', { staffMemberId: id, kind: 'DEPARTURE', effectiveDate: '2025-09-01' })).id;
    await ok(server, 'completeTransfer', { id: leave });
    expect((await postingsOf(id)).map((p) => p.endedOn)).toEqual(['2025-08-31']);
    expect((await staff(id)).status).toBe('LEFT');
    const after = (await ok(server, 'createTransfer', { staffMemberId: id, kind: 'REASSIGNMENT', toOrganizationId: world.township, effectiveDate: '2025-10-01' })).id;
    expect(onlyError(await refused(server, 'completeTransfer', { id: after })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'STATE' });
  });
});

describe('vacancy rate', () => {
  const year = Number(new Date().toISOString().slice(0, 4));
  const quota = (organizationId: string, approvedCount: number, extra: Record<string, unknown> = {}) =>
    ok(server, 'createStaffingQuota', { organizationId, category: 'ENFORCEMENT', year, approvedCount, ...extra }, 'id occupied vacancyRate aboveVacancyCap');
  const read = (id: string) => ok(server, 'StaffingQuota', { id }, 'occupied vacancyRate aboveVacancyCap');

  it('counts current postings of the category against the quota and flags rates above the cap', async () => {
    const street = await world.org('空编测试街道', 'STREET');
    const q = await quota(street, 4);
    expect(q).toMatchObject({ occupied: 0, vacancyRate: 1, aboveVacancyCap: true });
    await officer(street);
    await officer(street);
    await post(await person(street, { category: 'AUXILIARY' }), street, { post: 'AUXILIARY' }); // another category
    expect(await read(q.id)).toEqual({ occupied: 2, vacancyRate: 0.5, aboveVacancyCap: true });
    expect((await ok<any[]>(server, 'quotasAboveVacancyCap', { year })).map((r) => r.id)).toContain(q.id);

    await officer(street);
    expect(await read(q.id)).toEqual({ occupied: 3, vacancyRate: 0.25, aboveVacancyCap: true });
    await officer(street);
    expect(await read(q.id)).toEqual({ occupied: 4, vacancyRate: 0, aboveVacancyCap: false });
    expect((await ok<any[]>(server, 'quotasAboveVacancyCap', { year })).map((r) => r.id)).not.toContain(q.id);
    // Exactly at the cap (1 of 5 vacant = 20%) is not above it.
    await ok(server, 'updateStaffingQuota', { id: q.id, approvedCount: 5 });
    expect(await read(q.id)).toEqual({ occupied: 4, vacancyRate: 0.2, aboveVacancyCap: false });
    await ok(server, 'updateStaffingQuota', { id: q.id, approvedCount: 3 });
    expect(await read(q.id)).toEqual({ occupied: 4, vacancyRate: -0.3333, aboveVacancyCap: false });
  });

  it('keeps a seconded person’s place at home, measures past years on 31 December, and has no rate for zero places', async () => {
    const home = await world.org('占编测试镇', 'TOWNSHIP');
    const host = await world.org('借入测试街道', 'STREET');
    const homeQuota = await quota(home, 2);
    const hostQuota = await quota(host, 2);
    const { id } = await officer(home);
    const t = (await ok(server, 'createTransfer', { staffMemberId: id, kind: 'SECONDMENT', toOrganizationId: host, effectiveDate: '2025-06-01', expectedReturnDate: '2099-01-01' })).id;
    await ok(server, 'completeTransfer', { id: t });
    expect((await read(homeQuota.id)).occupied).toBe(1);
    expect((await read(hostQuota.id)).occupied).toBe(0);

    const past = await quota(home, 2, { year: 2023 }); // the officer was posted from 2024
    expect(past).toMatchObject({ occupied: 0, vacancyRate: 1 });
    const none = await quota(home, 0, { year: 2022 });
    expect(none).toMatchObject({ occupied: 0, vacancyRate: null, aboveVacancyCap: false });

    const sorted = await ok<any[]>(server, 'allStaffingQuotas', { filter: { organizationId: home }, sortField: 'vacancyRate', sortOrder: 'DESC' }, 'id vacancyRate');
    expect(sorted.map((r) => r.vacancyRate)).toEqual([null, 1, 0.5]); // PostgreSQL sorts nulls first when descending
    const filtered = await ok<any[]>(server, 'allStaffingQuotas', { filter: { organizationId: home, vacancyRate_gte: 0.6 } }, 'id');
    expect(filtered.map((r) => r.id)).toEqual([past.id]);
  });

  it('refuses negative places, an unlikely year and a second quota for the same organization, category and year', async () => {
    const org = await world.org('编制校验镇', 'TOWNSHIP');
    expect(fieldErrors(await refused(server, 'createStaffingQuota', { organizationId: org, category: 'ENFORCEMENT', year: 1900, approvedCount: -1 }))).toEqual({ approvedCount: 'min', year: 'range' });
    await quota(org, 3);
    expect(fieldErrors(await refused(server, 'createStaffingQuota', { organizationId: org, category: 'ENFORCEMENT', year, approvedCount: 5 }))).toEqual({ year: 'unique' });
  });
});
