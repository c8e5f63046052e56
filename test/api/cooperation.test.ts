import { ok, call } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { errorCode, fieldErrors, onlyError, refused } from '../helpers/expect-errors';
import { today } from '../../api/dates';

// Case referrals (案件移送, 三法衔接) and complaints (投诉举报): who records which step, the steps
// only forward and dated, the police referral's copy to the procuratorate, the deadlines (3 days to
// receive, 10 to decide by default) and the complaints counted per unit.
const { server, world, signedIn } = withWorld();

const referral = (extra: Record<string, unknown> = {}) => ({
  kind: 'STREET_TO_DEPARTMENT',
  fromOrganizationId: world.street,
  toOrganizationId: world.department,
  matter: '商户占道经营并无照经营，已责令停止违法行为',
  legalBasis: '《无证无照经营查处办法》第五条',
  sentOn: '2025-03-03',
  ...extra,
});
const POLICE = { kind: 'TO_POLICE', matter: '非法倾倒建筑垃圾数量巨大，涉嫌污染环境罪', legalBasis: '《刑法》第三百三十八条' };
const COPY = { procuratorateCopiedTo: '测试县人民检察院', procuratorateCopiedOn: '2025-03-03' };

const send = (extra: Record<string, unknown> = {}, as = server) => ok(as, 'createCaseReferral', referral(extra)).then((r) => r.id as string);
const read = (id: string) => ok(server, 'CaseReferral', { id }, 'status receivedOn decidedOn returnReason outcome overdue late version');

describe('recording a referral', () => {
  it('starts as sent, between the kinds of organization its kind names', async () => {
    const id = await send();
    expect(await read(id)).toMatchObject({ status: 'SENT', receivedOn: null, decidedOn: null });
    expect(fieldErrors(await refused(server, 'createCaseReferral', referral({ fromOrganizationId: world.department, toOrganizationId: world.street })))).toEqual({
      fromOrganizationId: 'kind',
      toOrganizationId: 'kind',
    });
    await ok(server, 'createCaseReferral', referral({ kind: 'DEPARTMENT_TO_STREET', fromOrganizationId: world.department, toOrganizationId: world.street }));
    expect(fieldErrors(await refused(server, 'createCaseReferral', referral({ toOrganizationId: world.street })))).toEqual({ toOrganizationId: 'same' });
    expect(fieldErrors(await refused(server, 'createCaseReferral', referral({ sentOn: '2099-01-01' })))).toEqual({ sentOn: 'future' });
  });

  it('requires a referral to the police to record its copy to the procuratorate, and only that kind', async () => {
    const police = await world.org('测试县公安局', 'DEPARTMENT');
    expect(fieldErrors(await refused(server, 'createCaseReferral', referral({ ...POLICE, toOrganizationId: police })))).toEqual({
      procuratorateCopiedTo: 'required',
      procuratorateCopiedOn: 'required',
    });
    expect(fieldErrors(await refused(server, 'createCaseReferral', referral({ ...POLICE, toOrganizationId: police, procuratorateCopiedTo: '测试县人民检察院' })))).toEqual({
      procuratorateCopiedOn: 'required',
    });
    expect(fieldErrors(await refused(server, 'createCaseReferral', referral({ ...POLICE, toOrganizationId: police, ...COPY, procuratorateCopiedOn: '2025-03-01' })))).toEqual({
      procuratorateCopiedOn: 'range',
    });
    expect(fieldErrors(await refused(server, 'createCaseReferral', referral(COPY)))).toEqual({ procuratorateCopiedTo: 'kind', procuratorateCopiedOn: 'kind' });
    const id = await send({ ...POLICE, toOrganizationId: police, ...COPY });
    // Removing the copy later is refused as well.
    expect(fieldErrors(await refused(server, 'updateCaseReferral', { id, procuratorateCopiedTo: null }))).toEqual({ procuratorateCopiedTo: 'required' });
  });
});

describe('the receiving unit’s steps', () => {
  it('receives, then accepts or returns, each dated and only forward', async () => {
    const id = await send();
    expect(onlyError(await refused(server, 'acceptCaseReferral', { id, decidedOn: '2025-03-05' })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'STATE' });
    expect(fieldErrors(await refused(server, 'receiveCaseReferral', { id, receivedOn: '2025-03-02' }))).toEqual({ receivedOn: 'range' });
    expect(fieldErrors(await refused(server, 'receiveCaseReferral', { id, receivedOn: '2099-03-02' }))).toEqual({ receivedOn: 'future' });
    await ok(server, 'receiveCaseReferral', { id, receivedOn: '2025-03-04' });
    expect(await read(id)).toMatchObject({ status: 'RECEIVED', receivedOn: '2025-03-04' });
    expect(onlyError(await refused(server, 'receiveCaseReferral', { id })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'STATE' });
    // Once received, the sending unit's record is fixed: no edits, no withdrawal.
    expect(onlyError(await refused(server, 'updateCaseReferral', { id, matter: '改' })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'LOCKED' });
    expect(onlyError(await refused(server, 'deleteCaseReferral', { id })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'LOCKED' });
    expect(fieldErrors(await refused(server, 'acceptCaseReferral', { id, decidedOn: '2025-03-03' }))).toEqual({ decidedOn: 'range' });
    expect(onlyError(await refused(server, 'recordCaseReferralOutcome', { id, outcome: '已立案' })).extensions).toMatchObject({ reason: 'STATE' });
    await ok(server, 'acceptCaseReferral', { id, decidedOn: '2025-03-10', outcome: '已立案调查' });
    expect(await read(id)).toMatchObject({ status: 'ACCEPTED', decidedOn: '2025-03-10', outcome: '已立案调查' });
    expect(onlyError(await refused(server, 'returnCaseReferral', { id, reason: '不属于本部门管辖' })).extensions).toMatchObject({ reason: 'STATE' });
    expect(fieldErrors(await refused(server, 'recordCaseReferralOutcome', { id, outcome: '  ' }))).toEqual({ outcome: 'required' });
    await ok(server, 'recordCaseReferralOutcome', { id, outcome: '已作出罚款决定' });
    expect((await read(id)).outcome).toBe('已作出罚款决定');
  });

  it('returns only with a reason; the day defaults to today', async () => {
    const id = await send();
    await ok(server, 'receiveCaseReferral', { id });
    expect((await read(id)).receivedOn).toBe(today());
    expect(fieldErrors(await refused(server, 'returnCaseReferral', { id, reason: '   ' }))).toEqual({ reason: 'required' });
    const { version } = await read(id);
    expect(onlyError(await refused(server, 'returnCaseReferral', { id, reason: '不属于本部门管辖', version: version - 1 })).extensions).toMatchObject({ reason: 'STALE_VERSION' });
    await ok(server, 'returnCaseReferral', { id, reason: '不属于本部门管辖，应移送市场监管所' });
    expect(await read(id)).toMatchObject({ status: 'RETURNED', decidedOn: today(), returnReason: '不属于本部门管辖，应移送市场监管所' });
  });
});

describe('who records which step', () => {
  it('lets a street send its own referrals and decide only those sent to it', async () => {
    const street = await signedIn('SUPERVISOR', world.street);
    const township = await signedIn('SUPERVISOR', world.township);
    const department = await signedIn('SUPERVISOR', world.department);
    // The street sends its own referral; not one in another unit's name, even one addressed to itself.
    const id = await send({}, street);
    expect(errorCode(await refused(street, 'createCaseReferral', referral({ fromOrganizationId: world.township })))).toBe('FORBIDDEN');
    const fromDepartment = { kind: 'DEPARTMENT_TO_STREET', fromOrganizationId: world.department, toOrganizationId: world.street };
    expect(errorCode(await refused(street, 'createCaseReferral', referral(fromDepartment)))).toBe('FORBIDDEN');
    // Another street neither edits nor receives it; the sending street does not sign for it itself.
    expect(errorCode(await refused(township, 'updateCaseReferral', { id, matter: '改' }))).toBe('FORBIDDEN');
    expect(errorCode(await refused(township, 'receiveCaseReferral', { id }))).toBe('FORBIDDEN');
    expect(errorCode(await refused(street, 'receiveCaseReferral', { id }))).toBe('FORBIDDEN');
    await ok(street, 'updateCaseReferral', { id, documentNumber: '测街移〔2025〕5号' });
    // A county account (the department's) signs for it and decides.
    await ok(department, 'receiveCaseReferral', { id, receivedOn: '2025-03-04' });
    expect(errorCode(await refused(street, 'acceptCaseReferral', { id }))).toBe('FORBIDDEN');
    await ok(department, 'acceptCaseReferral', { id, decidedOn: '2025-03-05' });
    // A department's referral to the street: the street signs for it and decides, but does not edit or withdraw it.
    const back = await send(fromDepartment, department);
    expect(errorCode(await refused(street, 'updateCaseReferral', { id: back, matter: '改' }))).toBe('FORBIDDEN');
    expect(errorCode(await refused(street, 'deleteCaseReferral', { id: back }))).toBe('FORBIDDEN');
    expect(errorCode(await refused(township, 'receiveCaseReferral', { id: back }))).toBe('FORBIDDEN');
    await ok(street, 'receiveCaseReferral', { id: back, receivedOn: '2025-03-04' });
    await ok(street, 'returnCaseReferral', { id: back, decidedOn: '2025-03-06', reason: '属于部门保留的审批事项' });
    expect(await read(back)).toMatchObject({ status: 'RETURNED', decidedOn: '2025-03-06' });
    // Other roles record nothing.
    const hr = await signedIn('HR', null);
    expect(errorCode(await refused(hr, 'receiveCaseReferral', { id: await send() }))).toBe('FORBIDDEN');
  });
});

describe('deadlines', () => {
  it('flags and lists a referral not received within 3 days or not decided within 10', async () => {
    const waiting = await send({ sentOn: today() });
    const unreceived = await send({ sentOn: '2025-01-02' });
    const undecided = await send({ sentOn: '2025-01-02' });
    await ok(server, 'receiveCaseReferral', { id: undecided, receivedOn: '2025-01-05' });
    // Received on the third day and decided on the tenth after: on time.
    const onTime = await send({ sentOn: '2025-01-02' });
    await ok(server, 'receiveCaseReferral', { id: onTime, receivedOn: '2025-01-05' });
    await ok(server, 'acceptCaseReferral', { id: onTime, decidedOn: '2025-01-15' });
    // Received on the fourth day: done, but late.
    const lateReceipt = await send({ sentOn: '2025-01-02' });
    await ok(server, 'receiveCaseReferral', { id: lateReceipt, receivedOn: '2025-01-06' });
    await ok(server, 'returnCaseReferral', { id: lateReceipt, decidedOn: '2025-01-07', reason: '材料不全' });
    // Decided on the eleventh day after receipt: late.
    const lateDecision = await send({ sentOn: '2025-01-02' });
    await ok(server, 'receiveCaseReferral', { id: lateDecision, receivedOn: '2025-01-03' });
    await ok(server, 'acceptCaseReferral', { id: lateDecision, decidedOn: '2025-01-14' });

    const flags = async (id: string) => {
      const { overdue, late } = await read(id);
      return { overdue, late };
    };
    expect(await flags(waiting)).toEqual({ overdue: false, late: false });
    expect(await flags(unreceived)).toEqual({ overdue: true, late: false });
    expect(await flags(undecided)).toEqual({ overdue: true, late: false });
    expect(await flags(onTime)).toEqual({ overdue: false, late: false });
    expect(await flags(lateReceipt)).toEqual({ overdue: false, late: true });
    expect(await flags(lateDecision)).toEqual({ overdue: false, late: true });

    const listed = (await ok<any[]>(server, 'overdueCaseReferrals', {})).map((r) => r.id);
    expect(listed).toEqual(expect.arrayContaining([unreceived, undecided]));
    for (const id of [waiting, onTime, lateReceipt, lateDecision]) expect(listed).not.toContain(id);
    const filtered = await ok<any[]>(server, 'allCaseReferrals', { filter: { overdue: true, ids: [waiting, unreceived, onTime] } });
    expect(filtered.map((r) => r.id)).toEqual([unreceived]);
  });
});

describe('complaints', () => {
  const complaint = (extra: Record<string, unknown> = {}) => ({
    subject: '夜间施工噪声扰民',
    channel: 'HOTLINE_12345',
    responsibleOrganizationId: world.street,
    receivedOn: '2025-04-01',
    ...extra,
  });

  it('closes only once accepted, with a result and what it became', async () => {
    expect(fieldErrors(await refused(server, 'createComplaint', complaint({ closedOn: '2025-04-05' })))).toEqual({
      acceptedOn: 'required',
      result: 'required',
      disposition: 'required',
    });
    expect(fieldErrors(await refused(server, 'createComplaint', complaint({ acceptedOn: '2025-03-30' })))).toEqual({ acceptedOn: 'range' });
    expect(fieldErrors(await refused(server, 'createComplaint', complaint({ receivedOn: '2099-01-01' })))).toEqual({ receivedOn: 'future' });
    const id = (await ok(server, 'createComplaint', complaint({ acceptedOn: '2025-04-02' }))).id;
    const close = { closedOn: '2025-04-06', result: '已责令停止夜间施工' };
    expect(fieldErrors(await refused(server, 'updateComplaint', { id, ...close, disposition: 'CASE_FILED' }))).toEqual({ caseNumber: 'required' });
    expect(fieldErrors(await refused(server, 'updateComplaint', { id, ...close, disposition: 'HANDLED', caseNumber: '测罚〔2025〕1号' }))).toEqual({ caseNumber: 'disposition' });
    await ok(server, 'updateComplaint', { id, ...close, disposition: 'CASE_FILED', caseNumber: '测罚〔2025〕1号' });
    // Closed stays closed.
    expect(fieldErrors(await refused(server, 'updateComplaint', { id, closedOn: null }))).toEqual({ closedOn: 'reopen' });
    expect(fieldErrors(await refused(server, 'updateComplaint', { id, acceptedOn: null }))).toEqual({ acceptedOn: 'reopen' });
  });

  it('becomes a referral only of its responsible unit', async () => {
    const mine = await send();
    const theirs = await send({ fromOrganizationId: world.township });
    const close = { acceptedOn: '2025-04-02', closedOn: '2025-04-03', result: '涉及无照经营，已移送市场监管部门' };
    expect(fieldErrors(await refused(server, 'createComplaint', complaint({ ...close, disposition: 'REFERRED' })))).toEqual({ caseReferralId: 'required' });
    expect(fieldErrors(await refused(server, 'createComplaint', complaint({ ...close, disposition: 'REFERRED', caseReferralId: theirs })))).toEqual({ caseReferralId: 'organization' });
    expect(fieldErrors(await refused(server, 'createComplaint', complaint({ ...close, disposition: 'HANDLED', caseReferralId: mine })))).toEqual({ caseReferralId: 'disposition' });
    const id = (await ok(server, 'createComplaint', complaint({ ...close, disposition: 'REFERRED', caseReferralId: mine }))).id;
    expect(await ok(server, 'Complaint', { id }, 'caseReferral { id status }')).toEqual({ caseReferral: { id: mine, status: 'SENT' } });
  });

  it('counts each unit’s complaints of a year: received, accepted, closed, open, cases and referrals', async () => {
    const unit = await world.org('统计测试街道', 'STREET');
    const other = await world.org('统计测试镇', 'TOWNSHIP');
    const of = (org: string, extra: Record<string, unknown>) => ok(server, 'createComplaint', complaint({ responsibleOrganizationId: org, receivedOn: '2023-05-01', ...extra }));
    const referred = (await ok(server, 'createCaseReferral', referral({ fromOrganizationId: unit, sentOn: '2023-05-03' }))).id;
    await of(unit, {});
    await of(unit, { acceptedOn: '2023-05-02' });
    await of(unit, { acceptedOn: '2023-05-02', closedOn: '2023-05-04', result: '已劝导', disposition: 'HANDLED' });
    await of(unit, { acceptedOn: '2023-05-02', closedOn: '2023-05-04', result: '已立案', disposition: 'CASE_FILED', caseNumber: '统罚〔2023〕1号' });
    await of(unit, { acceptedOn: '2023-05-02', closedOn: '2023-05-04', result: '已移送', disposition: 'REFERRED', caseReferralId: referred });
    await of(other, {});
    // Received the year before: not this year's.
    await of(unit, { receivedOn: '2022-12-31' });
    const rows = await ok<any[]>(server, 'complaintCounts', { year: 2023 }, 'organization { id } received accepted closed open casesFiled referred');
    expect(rows.find((r) => r.organization.id === unit)).toEqual({ organization: { id: unit }, received: 5, accepted: 4, closed: 3, open: 2, casesFiled: 1, referred: 1 });
    expect(rows.find((r) => r.organization.id === other)).toMatchObject({ received: 1, closed: 0, open: 1 });
    expect((await ok<any[]>(server, 'complaintCounts', { year: 2022 }, 'organization { id } received')).find((r) => r.organization.id === unit)).toEqual({ organization: { id: unit }, received: 1 });
  });

  it('is written by the responsible unit only', async () => {
    const street = await signedIn('SUPERVISOR', world.street);
    await ok(street, 'createComplaint', complaint());
    expect(errorCode(await refused(street, 'createComplaint', complaint({ responsibleOrganizationId: world.township })))).toBe('FORBIDDEN');
    expect(errorCode(await call(await signedIn('HR', world.street), 'createComplaint', complaint()))).toBe('FORBIDDEN');
  });
});
