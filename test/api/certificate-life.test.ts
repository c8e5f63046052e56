import { call, ok } from '../helpers/operations';
import { inFlightTogether } from '../helpers/in-flight';
import { withWorld } from '../helpers/fixtures';
import { expectBilingual, fieldErrors, onlyError, refused } from '../helpers/expect-errors';
import { addDays } from '../../api/seed/data/random';
import { today } from '../../api/dates';

// Certificates follow the person's life (《武清区关于进一步深化街镇综合执法改革的指导意见》: 及时回收注销执法证件;
// 《镇平县行政执法改革与管理专项整治工作实施方案》: 不合格人员暂扣执法证件), and the establishment is counted honestly
// (转隶不到位, 挤占挪用执法编制人员, 任务较重的街镇可不受空编率限制).
const { server, world } = withWorld();

const person = (organizationId: string, extra: Record<string, unknown> = {}) =>
  ok(server, 'createStaffMember', { name: '李证件', organizationId, category: 'ENFORCEMENT', ...extra }).then((r) =>
    // Everyone but auxiliary staff has passed the general-law training an enforcement post needs.
    extra.category === 'AUXILIARY' ? (r.id as string) : world.generalLaw(r.id as string),
  );
const certify = (staffMemberId: string, extra: Record<string, unknown> = {}) =>
  ok(server, 'createCertificate', { staffMemberId, number: world.unique('豫执-'), issuingAuthority: '河南省人民政府', issuedOn: '2023-01-01', ...extra }).then(
    (r) => r.id as string,
  );
const post = (staffMemberId: string, organizationId: string, extra: Record<string, unknown> = {}) =>
  ok(server, 'createPosting', { staffMemberId, organizationId, post: 'ENFORCEMENT', startedOn: '2024-01-01', ...extra }).then((r) => r.id as string);
const status = async (id: string) => (await ok(server, 'Certificate', { id }, 'status')).status as string;
const history = (certificateId: string) =>
  ok<any[]>(server, 'allCertificateEvents', { filter: { certificateId }, sortField: 'id' }, 'kind occurredOn passed reason transferId trainingAttendanceId');

/** Every field message of a refusal in Chinese and English. */
const bilingual = (res: Parameters<typeof onlyError>[0]) => {
  const errors = (onlyError(res).extensions?.fieldErrors ?? []) as { zh: string; en: string }[];
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) expectBilingual({ zh: e.zh, en: e.en });
};

/** An officer on an enforcement post with a valid certificate and a suspended one. */
async function officer(organizationId = world.street) {
  const id = await person(organizationId);
  const valid = await certify(id);
  await post(id, organizationId);
  const suspended = await certify(id);
  await ok(server, 'createCertificateEvent', { certificateId: suspended, kind: 'SUSPENDED', occurredOn: '2024-02-01', reason: '接受调查' });
  const lost = await certify(id);
  await ok(server, 'createCertificateEvent', { certificateId: lost, kind: 'LOSS_PUBLISHED', occurredOn: '2024-02-01', documentNumber: '南阳日报2024-02-01' });
  return { id, valid, suspended, lost };
}

describe('leaving cancels the certificates', () => {
  it.each([
    ['DEPARTURE', 'LEFT', '调出'],
    ['RETIREMENT', 'RETIRED', '退休'],
  ])('a completed %s cancels the valid and suspended certificates on its day, with its reason, audited', async (kind, staffStatus, word) => {
    const { id, valid, suspended, lost } = await officer();
    const transfer = (await ok(server, 'createTransfer', { staffMemberId: id, kind, effectiveDate: '2025-06-30', documentNumber: world.unique('镇人社〔2025〕') })).id;
    // Pending, nothing happens to the certificates.
    expect(await status(valid)).toBe('VALID');
    await ok(server, 'completeTransfer', { id: transfer });
    expect((await ok(server, 'StaffMember', { id }, 'status')).status).toBe(staffStatus);
    expect([await status(valid), await status(suspended), await status(lost)]).toEqual(['CANCELLED', 'CANCELLED', 'LOST']);
    const [cancelled] = (await history(valid)).filter((e) => e.kind === 'CANCELLED');
    expect(cancelled).toMatchObject({ occurredOn: '2025-06-30', transferId: transfer });
    expect(cancelled.reason).toContain(word);
    expect((await history(suspended)).map((e) => e.kind)).toEqual(['SUSPENDED', 'CANCELLED']);
    // The cancellation is in the certificate's audit trail, as the signed-in administrator's change.
    const trail = await ok<any[]>(server, 'auditTrail', { resource: 'Certificate', id: valid }, 'operation actorName changes');
    expect(trail.at(-1)).toMatchObject({ operation: 'update', changes: { status: ['VALID', 'CANCELLED'] } });
  });

  it('cancels nothing when the departure is refused, and a retirement takes no destination', async () => {
    const { id, valid } = await officer();
    // The departure dated before the posting began is refused: the certificate stays valid, no event is written.
    const early = (await ok(server, 'createTransfer', { staffMemberId: id, kind: 'DEPARTURE', effectiveDate: '2023-06-30' })).id;
    expect(fieldErrors(await refused(server, 'completeTransfer', { id: early }))).toEqual({ effectiveDate: 'range' });
    expect(await status(valid)).toBe('VALID');
    expect(fieldErrors(await refused(server, 'createTransfer', { staffMemberId: id, kind: 'RETIREMENT', toOrganizationId: world.township, effectiveDate: '2025-06-30' }))).toEqual({
      toOrganizationId: 'kind',
    });
  });
});

describe('the history sets the status', () => {
  it('refuses a status changed by hand, an event the status does not allow, a missing reason, an out-of-order date', async () => {
    const id = await person(world.street);
    const certificate = await certify(id);
    const res = await refused(server, 'updateCertificate', { id: certificate, status: 'SUSPENDED' });
    expect(fieldErrors(res)).toEqual({ status: 'history' });
    bilingual(res);
    expect(fieldErrors(await refused(server, 'createCertificateEvent', { certificateId: certificate, kind: 'RESTORED', occurredOn: '2024-01-01' }))).toEqual({ kind: 'state' });
    expect(fieldErrors(await refused(server, 'createCertificateEvent', { certificateId: certificate, kind: 'SUSPENDED', occurredOn: '2024-01-01' }))).toEqual({ reason: 'required' });
    expect(fieldErrors(await refused(server, 'createCertificateEvent', { certificateId: certificate, kind: 'ANNUAL_REVIEW', occurredOn: '2024-01-01' }))).toEqual({ passed: 'required' });
    expect(fieldErrors(await refused(server, 'createCertificateEvent', { certificateId: certificate, kind: 'CANCELLED', occurredOn: '2022-12-31', reason: '调离' }))).toEqual({
      occurredOn: 'range',
    });
    await ok(server, 'createCertificateEvent', { certificateId: certificate, kind: 'ISSUED', occurredOn: '2023-01-01' });
    await ok(server, 'createCertificateEvent', { certificateId: certificate, kind: 'SUSPENDED', occurredOn: '2024-05-01', reason: '接受调查' });
    expect(fieldErrors(await refused(server, 'createCertificateEvent', { certificateId: certificate, kind: 'RESTORED', occurredOn: '2024-04-30' }))).toEqual({ occurredOn: 'order' });
    expect(fieldErrors(await refused(server, 'createCertificateEvent', { certificateId: certificate, kind: 'ISSUED', occurredOn: '2024-06-01' }))).toEqual({ kind: 'state' });
    const restored = (await ok(server, 'createCertificateEvent', { certificateId: certificate, kind: 'RESTORED', occurredOn: '2024-06-01' })).id;
    expect(await status(certificate)).toBe('VALID');
    // Append-only: the history is neither edited nor deleted.
    expect(onlyError(await refused(server, 'updateCertificateEvent', { id: restored, reason: '改' })).extensions).toMatchObject({ code: 'CONFLICT' });
    expect(onlyError(await refused(server, 'deleteCertificateEvent', { id: restored })).extensions).toMatchObject({ code: 'CONFLICT' });
    await ok(server, 'createCertificateEvent', { certificateId: certificate, kind: 'CANCELLED', occurredOn: '2024-07-01', reason: '调离执法岗位' });
    expect(await status(certificate)).toBe('CANCELLED');
    expect(fieldErrors(await refused(server, 'createCertificateEvent', { certificateId: certificate, kind: 'RESTORED', occurredOn: '2024-08-01' }))).toEqual({ kind: 'state' });
    expect((await history(certificate)).map((e) => e.kind)).toEqual(['ISSUED', 'SUSPENDED', 'RESTORED', 'CANCELLED']);
  });

  it('judges two events of one certificate sent at once one after the other: it ends once, revoked or cancelled', async () => {
    const id = await person(world.street);
    const certificate = await certify(id);
    await ok(server, 'createCertificateEvent', { certificateId: certificate, kind: 'SUSPENDED', occurredOn: '2024-05-01', reason: '接受调查' });
    // The county revokes it while the street, at the same moment, cancels it: whichever comes
    // second is judged on the status the first left, from which neither is allowed.
    const results = await inFlightTogether(
      server,
      [
        ['REVOKED', '违法执法被吊销'],
        ['CANCELLED', '调离执法岗位'],
      ].map(([kind, reason]) => () => call(server, 'createCertificateEvent', { certificateId: certificate, kind, occurredOn: '2024-06-01', reason }, 'kind')),
    );
    const losers = results.filter((r) => r.errors);
    expect(losers).toHaveLength(1);
    expect(fieldErrors(losers[0])).toEqual({ kind: 'state' });
    const winner = results.find((r) => !r.errors)!.data!.createCertificateEvent.kind as string;
    expect((await history(certificate)).map((e) => e.kind)).toEqual(['SUSPENDED', winner]);
    expect(await status(certificate)).toBe(winner);
  });

  it('a failed annual review suspends until a later passed one; a passed review does not lift another suspension', async () => {
    const id = await person(world.street);
    const certificate = await certify(id);
    await post(id, world.street);
    await ok(server, 'createCertificateEvent', { certificateId: certificate, kind: 'ANNUAL_REVIEW', occurredOn: '2025-03-01', passed: false });
    expect(await status(certificate)).toBe('SUSPENDED');
    expect((await ok(server, 'StaffMember', { id }, 'certificateAlert')).certificateAlert).toBe(true);
    await ok(server, 'createCertificateEvent', { certificateId: certificate, kind: 'ANNUAL_REVIEW', occurredOn: '2025-09-01', passed: true });
    expect(await status(certificate)).toBe('VALID');

    await ok(server, 'createCertificateEvent', { certificateId: certificate, kind: 'SUSPENDED', occurredOn: '2025-10-01', reason: '违规执法被投诉，接受调查' });
    await ok(server, 'createCertificateEvent', { certificateId: certificate, kind: 'ANNUAL_REVIEW', occurredOn: '2026-03-01', passed: true });
    expect(await status(certificate)).toBe('SUSPENDED');
  });

  it('a failed general-law exam suspends the certificates held on its day; a later pass restores them', async () => {
    const id = await person(world.street);
    const held = await certify(id);
    const later = await certify(id, { issuedOn: '2025-08-01' });
    const session = (title: string, startsOn: string) =>
      ok(server, 'createTrainingSession', { title: world.unique(title), kind: 'GENERAL_LAW', organizerId: world.government, startsOn, hours: 12 }).then((r) => r.id);
    const failedExam = await session('公共法律知识考试', '2025-06-10');
    const failed = (await ok(server, 'createTrainingAttendance', { sessionId: failedExam, staffMemberId: id, hoursAttended: 12, examScore: 48, passed: false })).id;
    expect([await status(held), await status(later)]).toEqual(['SUSPENDED', 'VALID']);
    expect(await history(held)).toEqual([expect.objectContaining({ kind: 'SUSPENDED', occurredOn: '2025-06-10', trainingAttendanceId: failed })]);
    // An enforcement post cannot start while it is suspended.
    expect(fieldErrors(await refused(server, 'createPosting', { staffMemberId: id, organizationId: world.street, post: 'ENFORCEMENT', startedOn: '2025-07-01', endedOn: '2025-07-31' }))).toEqual({
      post: 'certificate',
    });
    // An exam of another kind changes nothing.
    const other = (await ok(server, 'createTrainingSession', { title: world.unique('专业法律知识'), kind: 'PROFESSIONAL_LAW', organizerId: world.government, startsOn: '2025-09-01', hours: 8 })).id;
    await ok(server, 'createTrainingAttendance', { sessionId: other, staffMemberId: id, hoursAttended: 8, examScore: 90, passed: true });
    expect(await status(held)).toBe('SUSPENDED');
    const retake = await session('公共法律知识补考', '2025-10-10');
    const passed = (await ok(server, 'createTrainingAttendance', { sessionId: retake, staffMemberId: id, hoursAttended: 12, examScore: 80, passed: true })).id;
    expect(await status(held)).toBe('VALID');
    expect((await history(held)).map((e) => [e.kind, e.occurredOn, e.trainingAttendanceId])).toEqual([
      ['SUSPENDED', '2025-06-10', failed],
      ['RESTORED', '2025-10-10', passed],
    ]);
  });
});

describe('auxiliary staff', () => {
  it('hold no certificate and no enforcement, legal-review or leadership post', async () => {
    const id = await person(world.street, { category: 'AUXILIARY' });
    const res = await refused(server, 'createCertificate', { staffMemberId: id, number: world.unique('豫执-'), issuingAuthority: '河南省人民政府', issuedOn: '2023-01-01' });
    expect(fieldErrors(res)).toEqual({ staffMemberId: 'category' });
    bilingual(res);
    for (const kind of ['ENFORCEMENT', 'LEGAL_REVIEW', 'LEADERSHIP']) {
      expect(fieldErrors(await refused(server, 'createPosting', { staffMemberId: id, organizationId: world.street, post: kind, startedOn: '2024-01-01' }))).toEqual({ post: 'category' });
    }
    await post(id, world.street, { post: 'AUXILIARY' });
  });

  it('a person holding a certificate or a reserved post does not become auxiliary', async () => {
    const reviewer = await person(world.street);
    await post(reviewer, world.street, { post: 'LEGAL_REVIEW' });
    expect(fieldErrors(await refused(server, 'updateStaffMember', { id: reviewer, category: 'AUXILIARY' }))).toEqual({ category: 'post' });
    const holder = await person(world.street);
    const certificate = await certify(holder);
    expect(fieldErrors(await refused(server, 'updateStaffMember', { id: holder, category: 'AUXILIARY' }))).toEqual({ category: 'certificate' });
    await ok(server, 'createCertificateEvent', { certificateId: certificate, kind: 'CANCELLED', occurredOn: '2024-01-01', reason: '转为辅助人员' });
    await ok(server, 'updateStaffMember', { id: holder, category: 'AUXILIARY' });
  });
});

describe('auxiliary staff, written at once', () => {
  // The person made auxiliary while, at the same moment, another clerk gives them a reserved post or
  // a certificate: the later of the two is judged on what the earlier left.
  it.each([
    ['a legal-review post', (id: string) => call(server, 'createPosting', { staffMemberId: id, organizationId: world.street, post: 'LEGAL_REVIEW', startedOn: '2024-01-01' }, 'id'), { post: 'category' }],
    ['a certificate', (id: string) => call(server, 'createCertificate', { staffMemberId: id, number: world.unique('豫执-'), issuingAuthority: '河南省人民政府', issuedOn: '2023-01-01' }, 'id'), { staffMemberId: 'category' }],
  ])('the person made auxiliary first is not given %s', async (_, give, refusedOn) => {
    const id = await person(world.street);
    const [made, given] = await inFlightTogether(server, [() => call(server, 'updateStaffMember', { id, category: 'AUXILIARY' }, 'category'), () => give(id)]);
    expect(made.errors).toBeUndefined();
    expect(fieldErrors(given)).toEqual(refusedOn);
  });
});

describe('transfers not carried out (转隶不到位)', () => {
  it('flags a pending transfer past its effective date and lists it', async () => {
    const id = await person(world.street);
    await post(id, world.street, { post: 'AUXILIARY' });
    const late = (await ok(server, 'createTransfer', { staffMemberId: id, kind: 'REASSIGNMENT', toOrganizationId: world.township, effectiveDate: addDays(today(), -1) })).id;
    const other = await person(world.street);
    await post(other, world.street, { post: 'AUXILIARY' });
    const due = (await ok(server, 'createTransfer', { staffMemberId: other, kind: 'REASSIGNMENT', toOrganizationId: world.township, effectiveDate: today() })).id;
    expect((await ok(server, 'Transfer', { id: late }, 'overdue')).overdue).toBe(true);
    expect((await ok(server, 'Transfer', { id: due }, 'overdue')).overdue).toBe(false);
    const listed = (await ok<any[]>(server, 'overdueTransfers', {})).map((t) => t.id);
    expect(listed).toContain(late);
    expect(listed).not.toContain(due);
    // Carried out late, it is no longer overdue.
    await ok(server, 'completeTransfer', { id: late });
    expect((await ok(server, 'Transfer', { id: late }, 'overdue')).overdue).toBe(false);
    expect((await ok<any[]>(server, 'overdueTransfers', {})).map((t) => t.id)).not.toContain(late);
  });
});

describe('the enforcement establishment (专编专用)', () => {
  const FIELDS = 'occupied occupiedByEnforcementPosts misused vacancyRate effectiveVacancyRate aboveVacancyCap';

  it('counts enforcement places on other posts or seconded away as misused, and the cap on what is left', async () => {
    const org = await world.org('编制测试街道', 'STREET');
    const year = Number(today().slice(0, 4));
    const quota = (await ok(server, 'createStaffingQuota', { organizationId: org, category: 'ENFORCEMENT', year, approvedCount: 4 })).id;
    for (let i = 0; i < 2; i++) {
      const id = await person(org);
      await certify(id);
      await post(id, org);
    }
    const clerk = await person(org);
    await post(clerk, org, { post: 'AUXILIARY' });
    const away = await person(org);
    await post(away, org, { post: 'LEGAL_REVIEW', quotaOrganizationId: org, organizationId: org });
    const secondment = (await ok(server, 'createTransfer', { staffMemberId: away, kind: 'SECONDMENT', toOrganizationId: world.department, effectiveDate: '2024-06-01', expectedReturnDate: '2099-01-01' })).id;
    await ok(server, 'completeTransfer', { id: secondment });
    // Four people fill the four places; two do enforcement work here.
    expect(await ok(server, 'StaffingQuota', { id: quota }, FIELDS)).toEqual({
      occupied: 4,
      occupiedByEnforcementPosts: 2,
      misused: 2,
      vacancyRate: 0,
      effectiveVacancyRate: 0.5,
      aboveVacancyCap: true,
    });
    expect((await ok<any[]>(server, 'quotasAboveVacancyCap', { year })).map((q) => q.id)).toContain(quota);

    // Exempted with its reason and approving document, it is no longer above the cap.
    expect(fieldErrors(await refused(server, 'updateStaffingQuota', { id: quota, capExempt: true }))).toEqual({ capExemptReason: 'required', capExemptDocument: 'required' });
    expect(fieldErrors(await refused(server, 'updateStaffingQuota', { id: quota, capExemptDocument: '镇编〔2026〕7号' }))).toEqual({ capExemptDocument: 'exempt' });
    await ok(server, 'updateStaffingQuota', { id: quota, capExempt: true, capExemptReason: '执法任务重，编制紧张', capExemptDocument: '镇编〔2026〕7号' });
    expect((await ok(server, 'StaffingQuota', { id: quota }, 'effectiveVacancyRate aboveVacancyCap'))).toEqual({ effectiveVacancyRate: 0.5, aboveVacancyCap: false });
    expect((await ok<any[]>(server, 'quotasAboveVacancyCap', { year })).map((q) => q.id)).not.toContain(quota);
  });

  it('counts no misuse on the other categories', async () => {
    const org = await world.org('行政编测试街道', 'STREET');
    const year = Number(today().slice(0, 4));
    const quota = (await ok(server, 'createStaffingQuota', { organizationId: org, category: 'ADMINISTRATIVE', year, approvedCount: 1 })).id;
    const clerk = await person(org, { category: 'ADMINISTRATIVE' });
    await post(clerk, org, { post: 'AUXILIARY' });
    expect(await ok(server, 'StaffingQuota', { id: quota }, FIELDS)).toEqual({
      occupied: 1,
      occupiedByEnforcementPosts: 0,
      misused: 0,
      vacancyRate: 0,
      effectiveVacancyRate: 0,
      aboveVacancyCap: false,
    });
  });
});

