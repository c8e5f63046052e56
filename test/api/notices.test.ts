import { addDays, today } from '../../api/dates';
import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { errorCode, fieldErrors, refusal, refused } from '../helpers/expect-errors';

// Notices (通知公告): county bodies publish to every street and township or to chosen ones; each
// account's opening of a notice is its read receipt, and the header counts what it has not read.
const { server, world, signedIn } = withWorld();

const notice = (extra: Record<string, unknown> = {}, as = server) =>
  ok(as, 'createNotice', { title: world.unique('关于开展专项整治的通知'), body: '请各单位按时报送。', publisherId: world.department, publishedOn: '2026-01-05', ...extra }).then(
    (r) => r.id as string,
  );
const unread = async (as: typeof server) => ok<number>(as, 'myUnreadNoticeCount', {});

describe('publishing a notice', () => {
  it('is for county bodies: a street as publisher, a street account, a deadline before publication and a department as recipient are refused', async () => {
    const base = { title: '通知', body: '正文', publisherId: world.department, publishedOn: '2026-02-01' };
    expect(fieldErrors(await refused(server, 'createNotice', { ...base, publisherId: world.street }))).toEqual({ publisherId: 'kind' });
    expect(fieldErrors(await refused(server, 'createNotice', { ...base, deadline: '2026-01-31' }))).toEqual({ deadline: 'range' });
    // A street's own supervision account reads notices and never writes one.
    const street = await signedIn('SUPERVISOR', world.street);
    refusal(await refused(street, 'createNotice', { ...base, publisherId: world.street }), 'FORBIDDEN');
    refusal(await refused(street, 'createNotice', base), 'FORBIDDEN');
    refusal(await refused(await signedIn('HR'), 'createNotice', base), 'FORBIDDEN');
    const id = await notice();
    expect(fieldErrors(await refused(server, 'createNoticeRecipient', { noticeId: id, organizationId: world.department }))).toEqual({ organizationId: 'kind' });
    await ok(server, 'createNoticeRecipient', { noticeId: id, organizationId: world.street });
    expect(fieldErrors(await refused(server, 'createNoticeRecipient', { noticeId: id, organizationId: world.street }))).toEqual({ organizationId: 'unique' });
  });
});

describe('reading notices', () => {
  it('counts what is addressed to an account and unread, and a receipt once opened', async () => {
    const streetHr = await signedIn('HR', world.street);
    const streetViewer = await signedIn('VIEWER', world.street);
    const townshipHr = await signedIn('HR', world.township);
    const before = { street: await unread(streetHr), viewer: await unread(streetViewer), township: await unread(townshipHr) };

    const toAll = await notice({ kind: 'CAMPAIGN_PLAN', deadline: '2026-01-31' });
    const toTownship = await notice();
    await ok(server, 'createNoticeRecipient', { noticeId: toTownship, organizationId: world.township });
    // Published tomorrow: not yet in anyone's count.
    await notice({ publishedOn: addDays(today(), 1) });

    expect(await unread(streetHr)).toBe(before.street + 1);
    expect(await unread(streetViewer)).toBe(before.viewer + 1);
    expect(await unread(townshipHr)).toBe(before.township + 2);
    const seen = (as: typeof server, id: string) => ok(as, 'Notice', { id }, 'readByMe addressedToMe');
    expect(await seen(streetHr, toTownship)).toEqual({ readByMe: false, addressedToMe: false });
    expect(await seen(townshipHr, toTownship)).toEqual({ readByMe: false, addressedToMe: true });

    // Opening it leaves the street HR account's receipt, once, and no one else's.
    expect(await ok(streetHr, 'markNoticeRead', { id: toAll })).toBe(true);
    expect(await ok(streetHr, 'markNoticeRead', { id: toAll })).toBe(false);
    expect(await seen(streetHr, toAll)).toEqual({ readByMe: true, addressedToMe: true });
    expect(await unread(streetHr)).toBe(before.street);
    // A notice addressed elsewhere, or not yet published, leaves no receipt.
    expect(await ok(streetHr, 'markNoticeRead', { id: toTownship })).toBe(false);
    expect(await seen(streetHr, toTownship)).toEqual({ readByMe: false, addressedToMe: false });
    expect(await unread(streetViewer)).toBe(before.viewer + 1);
    expect(await seen(streetViewer, toAll)).toEqual({ readByMe: false, addressedToMe: true });

    // The publisher's side reads every receipt; an account only its own.
    const receipts = await ok<any[]>(server, 'allNoticeReceipts', { filter: { noticeId: toAll } }, 'noticeId user { username }');
    expect(receipts).toHaveLength(1);
    expect(await ok<any[]>(streetViewer, 'allNoticeReceipts', { filter: { noticeId: toAll } }, 'id')).toEqual([]);
    expect(await ok(server, 'Notice', { id: toAll }, '_noticeReceiptsMeta { count }')).toEqual({ _noticeReceiptsMeta: { count: 1 } });
  });

  it('refuses a receipt written by hand, one for a notice that does not exist, a token and a stranger', async () => {
    const id = await notice();
    const hr = await signedIn('HR', world.street);
    // The server alone writes receipts: the grammar has no mutation to write one.
    const handWritten = await hr.gql(`mutation { createNoticeReceipt(noticeId: ${id}) { id } }`);
    expect(errorCode(handWritten)).toBe('GRAPHQL_VALIDATION_FAILED');
    refusal(await refused(hr, 'markNoticeRead', { id: '99999999' }), 'NOT_FOUND');
    const token = (await ok(server, 'issueApiToken', { name: '通知读取', scopes: ['Notice'], expiresAt: '2099-01-01T00:00:00Z' }, 'secret')).secret as string;
    refusal(await refused(server.as(token), 'markNoticeRead', { id }), 'FORBIDDEN');
    expect(errorCode(await call(server.as(null), 'myUnreadNoticeCount', {}))).toBe('UNAUTHENTICATED');
    refusal(await refused(server.as(null), 'markNoticeRead', { id }), 'UNAUTHENTICATED');
  });
});
