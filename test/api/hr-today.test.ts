import type { TestServer } from '../helpers/test-server';
import { ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { onlyError, errorCode, refused } from '../helpers/expect-errors';
import { today } from '../../api/dates';

// What HR sees as of today: a certificate past its expiry is not in force whatever its stored status
// says, a quota with more people than places is over establishment, and a move between two
// organizations is drafted by either of them and completed by the county.
const { server, world, signedIn } = withWorld();

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const person = (organizationId: string, extra: Record<string, unknown> = {}) =>
  ok(server, 'createStaffMember', { name: '李今日', organizationId, category: 'ENFORCEMENT', ...extra }).then((r) =>
    // Everyone but auxiliary staff has passed the general-law training an enforcement post needs.
    extra.category === 'AUXILIARY' ? (r.id as string) : world.generalLaw(r.id as string),
  );

const certify = (staffMemberId: string, extra: Record<string, unknown> = {}) =>
  ok(server, 'createCertificate', {
    staffMemberId,
    number: world.unique('豫执今-'),
    issuingAuthority: '河南省人民政府',
    issuedOn: '2020-01-01',
    expiresOn: '2099-12-31',
    ...extra,
  }).then((r) => r.id as string);

async function officer(organizationId: string) {
  const id = await person(organizationId);
  await certify(id);
  await ok(server, 'createPosting', { staffMemberId: id, organizationId, post: 'ENFORCEMENT', startedOn: '2024-01-01' });
  return id;
}

describe('certificates are judged against today', () => {
  const read = (id: string) => ok(server, 'Certificate', { id }, 'status standing inForce daysToExpiry');

  it('shows a VALID certificate past its expiry date as expired and not in force, beside its stored status', async () => {
    const holder = await person(world.street);
    const expired = await certify(holder, { expiresOn: addDays(today(), -1) });
    expect(await read(expired)).toEqual({ status: 'VALID', standing: 'EXPIRED', inForce: false, daysToExpiry: null });
    const lastDay = await certify(holder, { expiresOn: today() });
    expect(await read(lastDay)).toEqual({ status: 'VALID', standing: 'IN_FORCE', inForce: true, daysToExpiry: 0 });
    const open = await certify(holder, { expiresOn: null });
    expect(await read(open)).toEqual({ status: 'VALID', standing: 'IN_FORCE', inForce: true, daysToExpiry: null });
    const future = await certify(holder, { issuedOn: addDays(today(), 10), expiresOn: null });
    expect(await read(future)).toEqual({ status: 'VALID', standing: 'NOT_YET_ISSUED', inForce: false, daysToExpiry: null });
    const suspended = await certify(holder, { status: 'SUSPENDED' });
    expect(await read(suspended)).toEqual({ status: 'SUSPENDED', standing: 'SUSPENDED', inForce: false, daysToExpiry: null });

    // Lists filter on it like a stored field.
    const listed = await ok<any[]>(server, 'allCertificates', { filter: { staffMemberId: holder, standing: 'EXPIRED' } }, 'id');
    expect(listed.map((c) => c.id)).toEqual([expired]);
    const notInForce = await ok<any[]>(server, 'allCertificates', { filter: { staffMemberId: holder, inForce: false }, sortField: 'id' }, 'id');
    expect(notInForce.map((c) => c.id)).toEqual([expired, future, suspended]);
  });

  it('agrees with the staff flag: an enforcement officer whose certificate expired is uncertified', async () => {
    const id = await person(world.street);
    const certificate = await certify(id, { issuedOn: '2020-01-01', expiresOn: addDays(today(), 5) });
    await ok(server, 'createPosting', { staffMemberId: id, organizationId: world.street, post: 'ENFORCEMENT', startedOn: '2024-01-01' });
    expect((await read(certificate)).inForce).toBe(true);
    expect((await ok(server, 'StaffMember', { id }, 'certificateAlert')).certificateAlert).toBe(false);
    // Rewind the expiry into the past (as the calendar would): both views turn together.
    await ok(server, 'updateCertificate', { id: certificate, expiresOn: addDays(today(), -3) });
    expect(await read(certificate)).toMatchObject({ status: 'VALID', standing: 'EXPIRED', inForce: false });
    expect((await ok(server, 'StaffMember', { id }, 'certificateAlert')).certificateAlert).toBe(true);
  });

  it('finds certificates expiring within 30, 60 and 90 days', async () => {
    const holder = await person(world.street);
    const in20 = await certify(holder, { expiresOn: addDays(today(), 20) });
    const in45 = await certify(holder, { expiresOn: addDays(today(), 45) });
    const in80 = await certify(holder, { expiresOn: addDays(today(), 80) });
    await certify(holder, { expiresOn: addDays(today(), 200) });
    await certify(holder, { expiresOn: addDays(today(), 20), status: 'REVOKED' }); // not in force: no alert
    const within = async (days: number) =>
      (await ok<any[]>(server, 'allCertificates', { filter: { staffMemberId: holder, daysToExpiry_lte: days }, sortField: 'daysToExpiry' }, 'id daysToExpiry')).map((c) => c.id);
    expect(await within(30)).toEqual([in20]);
    expect(await within(60)).toEqual([in20, in45]);
    expect(await within(90)).toEqual([in20, in45, in80]);
    expect((await read(in45)).daysToExpiry).toBe(45);
  });
});

describe('establishment (编制) is never exceeded silently', () => {
  const year = Number(today().slice(0, 4));

  it('flags a quota with more people than places as over establishment, with a negative vacancy rate', async () => {
    const street = await world.org('超编测试街道', 'STREET');
    const quota = await ok(server, 'createStaffingQuota', { organizationId: street, category: 'ENFORCEMENT', year, approvedCount: 2 }, 'id');
    const read = () => ok(server, 'StaffingQuota', { id: quota.id }, 'occupied vacancyRate overEstablishment');
    await officer(street);
    await officer(street);
    expect(await read()).toEqual({ occupied: 2, vacancyRate: 0, overEstablishment: false });
    await officer(street);
    expect(await read()).toEqual({ occupied: 3, vacancyRate: -0.5, overEstablishment: true });
    const over = await ok<any[]>(server, 'allStaffingQuotas', { filter: { overEstablishment: true, organizationId: street } }, 'id');
    expect(over.map((q) => q.id)).toEqual([quota.id]);
  });

  it('warns on a pending recruitment or reassignment that would exceed the destination’s places', async () => {
    const street = await world.org('满编测试街道', 'STREET');
    await ok(server, 'createStaffingQuota', { organizationId: street, category: 'ENFORCEMENT', year, approvedCount: 2 });
    await officer(street);
    const newcomer = await person(street);
    await certify(newcomer);
    const draft = () =>
      ok(server, 'createTransfer', { staffMemberId: newcomer, kind: 'RECRUITMENT', toOrganizationId: street, post: 'ENFORCEMENT', effectiveDate: today() }, 'id placesLeft exceedsEstablishment');
    const first = await draft();
    expect(first).toMatchObject({ placesLeft: 1, exceedsEstablishment: false });
    await ok(server, 'completeTransfer', { id: first.id });

    // Full now: the next recruit, and a reassignment in from elsewhere, say so before completion.
    const second = await person(street);
    await certify(second);
    const recruit = await ok(server, 'createTransfer', { staffMemberId: second, kind: 'RECRUITMENT', toOrganizationId: street, post: 'ENFORCEMENT', effectiveDate: today() }, 'id placesLeft exceedsEstablishment');
    expect(recruit).toMatchObject({ placesLeft: 0, exceedsEstablishment: true });
    const mover = await officer(world.township);
    const reassignment = await ok(server, 'createTransfer', { staffMemberId: mover, kind: 'REASSIGNMENT', toOrganizationId: street, effectiveDate: today() }, 'placesLeft exceedsEstablishment');
    expect(reassignment).toEqual({ placesLeft: 0, exceedsEstablishment: true });
    // A secondment keeps the place at home; no quota means nothing to compare with.
    const secondment = await ok(server, 'createTransfer', { staffMemberId: mover, kind: 'SECONDMENT', toOrganizationId: street, effectiveDate: today(), expectedReturnDate: '2099-01-01' }, 'placesLeft exceedsEstablishment');
    expect(secondment).toEqual({ placesLeft: null, exceedsEstablishment: false });
    const elsewhere = await ok(server, 'createTransfer', { staffMemberId: mover, kind: 'REASSIGNMENT', toOrganizationId: world.department, effectiveDate: today() }, 'placesLeft exceedsEstablishment');
    expect(elsewhere).toEqual({ placesLeft: null, exceedsEstablishment: false });
    const pending = await ok<any[]>(server, 'allTransfers', { filter: { exceedsEstablishment: true, toOrganizationId: street } }, 'id');
    expect(pending.map((t) => t.id)).toEqual([recruit.id, expect.any(String)]);

    // Completing it anyway (the county may decide so) leaves the quota flagged.
    await ok(server, 'completeTransfer', { id: recruit.id });
    const [quota] = await ok<any[]>(server, 'allStaffingQuotas', { filter: { organizationId: street } }, 'occupied approvedCount vacancyRate overEstablishment');
    expect(quota).toEqual({ occupied: 3, approvedCount: 2, vacancyRate: -0.5, overEstablishment: true });
    expect((await ok(server, 'Transfer', { id: recruit.id }, 'exceedsEstablishment')).exceedsEstablishment).toBe(false); // no longer pending
  });
});

describe('a transfer between two organizations: either side drafts, the county completes', () => {
  let from: string;
  let to: string;
  let hrFrom: TestServer;
  let hrTo: TestServer;
  let county: TestServer;

  beforeAll(async () => {
    from = await world.org('调出测试街道', 'STREET');
    to = await world.org('调入测试镇', 'TOWNSHIP');
    hrFrom = await signedIn('HR', from);
    hrTo = await signedIn('HR', to);
    county = await signedIn('HR');
  });

  it('lets the sending street draft and edit a move out, and refuses its completion with the one rule', async () => {
    const id = await officer(from);
    const transfer = await ok(hrFrom, 'createTransfer', { staffMemberId: id, kind: 'REASSIGNMENT', toOrganizationId: to, effectiveDate: '2025-03-01' }, 'id fromOrganizationId betweenOrganizations');
    expect(transfer).toMatchObject({ fromOrganizationId: from, betweenOrganizations: true });
    await ok(hrFrom, 'updateTransfer', { id: transfer.id, documentNumber: '测人社〔2025〕8号' });
    const error = onlyError(await refused(hrFrom, 'completeTransfer', { id: transfer.id }));
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', messages: { zh: expect.stringContaining('由县级人事部门办结') } });
    const sentence = error.extensions!.messages;

    // The receiving side reads the same sentence, and the county completes it.
    expect(onlyError(await refused(hrTo, 'completeTransfer', { id: transfer.id })).extensions!.messages).toEqual(sentence);
    await ok(county, 'completeTransfer', { id: transfer.id });
    expect(await ok(server, 'StaffMember', { id }, 'organizationId status')).toEqual({ organizationId: to, status: 'ON_DUTY' });
  });

  it('lets the receiving township draft a move in (转隶) and cancel it', async () => {
    const id = await officer(from);
    const transfer = await ok(hrTo, 'createTransfer', { staffMemberId: id, kind: 'REASSIGNMENT', toOrganizationId: to, effectiveDate: '2025-04-01' }, 'id fromOrganizationId');
    expect(transfer.fromOrganizationId).toBe(from);
    await ok(hrTo, 'updateTransfer', { id: transfer.id, note: '按县编办通知划转' });
    expect((await ok(hrTo, 'cancelTransfer', { id: transfer.id }, 'status')).status).toBe('CANCELLED');
  });

  it('refuses a street that is neither side, with the same sentence', async () => {
    const id = await officer(from);
    const other = await signedIn('HR', world.street);
    const res = await refused(other, 'createTransfer', { staffMemberId: id, kind: 'REASSIGNMENT', toOrganizationId: to, effectiveDate: '2025-05-01' });
    expect(onlyError(res).extensions).toMatchObject({ code: 'FORBIDDEN', messages: { zh: expect.stringContaining('由县级人事部门办结') } });
    // Moving the draft away from itself is refused too: after the edit it would no longer be the street's.
    const own = (await ok(hrTo, 'createTransfer', { staffMemberId: id, kind: 'REASSIGNMENT', toOrganizationId: to, effectiveDate: '2025-05-01' })).id;
    expect(errorCode(await refused(hrTo, 'updateTransfer', { id: own, toOrganizationId: world.township }))).toBe('FORBIDDEN');
  });

  it('lets a street complete what stays its own: a recruitment into it and a departure out of the county', async () => {
    const recruit = await person(from);
    await certify(recruit);
    const hired = (await ok(hrFrom, 'createTransfer', { staffMemberId: recruit, kind: 'RECRUITMENT', toOrganizationId: from, post: 'ENFORCEMENT', effectiveDate: '2025-06-01' }, 'id betweenOrganizations'));
    expect(hired.betweenOrganizations).toBe(false);
    await ok(hrFrom, 'completeTransfer', { id: hired.id });
    const leaving = (await ok(hrFrom, 'createTransfer', { staffMemberId: recruit, kind: 'DEPARTURE', effectiveDate: '2025-09-01' })).id;
    await ok(hrFrom, 'completeTransfer', { id: leaving });
    expect((await ok(server, 'StaffMember', { id: recruit }, 'status')).status).toBe('LEFT');
  });

  it('treats a return from secondment as a move between organizations, completed by the county', async () => {
    const id = await officer(from);
    const secondment = (await ok(hrFrom, 'createTransfer', { staffMemberId: id, kind: 'SECONDMENT', toOrganizationId: to, effectiveDate: '2025-03-01', expectedReturnDate: '2025-09-01' })).id;
    await ok(county, 'completeTransfer', { id: secondment });
    // The home street drafts the return, naming itself; the township where the person works could too.
    const back = (await ok(hrFrom, 'createTransfer', { staffMemberId: id, kind: 'RETURN', toOrganizationId: from, effectiveDate: '2025-09-01' }, 'id betweenOrganizations'));
    expect(back.betweenOrganizations).toBe(true);
    expect(errorCode(await refused(hrFrom, 'completeTransfer', { id: back.id }))).toBe('FORBIDDEN');
    await ok(county, 'completeTransfer', { id: back.id });
    expect(await ok(server, 'StaffMember', { id }, 'organizationId status')).toEqual({ organizationId: from, status: 'ON_DUTY' });
  });
});
