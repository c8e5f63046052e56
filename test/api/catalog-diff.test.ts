import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { onlyError, refusal } from '../helpers/expect-errors';
import { today } from '../../api/dates';

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// What an adjustment of the catalog (动态调整) changes, street by street: the answer shown before a
// draft is published and when two editions are compared.
const { server, world, signedIn } = withWorld();

const DIFF = `
  from { id } to { id } added removed changed unchanged
  recipients {
    recipientId recipient { name } unchanged
    added { change powerItemId powerItem { name } before { id } after { id mode } fields { field } }
    removed { change powerItemId before { id mode } after { id } fields { field } }
    changed { change powerItemId before { id } after { id } fields { field label { zh en } before after beforeText { zh en } afterText { zh en } } }
  }`;

const diff = (fromId: string, toId: string) => ok(server, 'catalogDiff', { fromId, toId }, DIFF);

describe('catalogDiff', () => {
  let streets: { keeps: string; loses: string; same: string };
  let items: string[];
  let otherDepartment: string;
  let v1: string;
  let v2: string;

  const item = async (name: string) =>
    (
      await ok(server, 'createPowerItem', {
        codeScheme: '对照测试', code: world.unique('DIFF-'), name, category: 'PENALTY', domainId: world.domain, sourceDepartmentId: world.department, settingBasis: '《测试条例》',
      })
    ).id as string;

  const catalog = async (effectiveFrom: string, supersedesId?: string) =>
    (
      await ok(server, 'createDelegationCatalog', {
        title: world.unique('对照目录'), issuingOrganizationId: world.government, documentNumber: world.unique('对照〔2024〕'), issuedOn: '2021-01-01', effectiveFrom, supersedesId,
      })
    ).id as string;

  const delegate = (catalogId: string, recipientId: string, powerItemId: string, extra: Record<string, unknown>) =>
    ok(server, 'createDelegation', { catalogId, recipientId, powerItemId, delegatingOrganizationId: world.department, mode: 'GRANTED', ...extra });

  beforeAll(async () => {
    streets = {
      keeps: await world.org('对照甲街道', 'STREET', { code: 'DIFF-S1' }),
      loses: await world.org('对照乙镇', 'TOWNSHIP', { code: 'DIFF-S2' }),
      same: await world.org('对照丙街道', 'STREET', { code: 'DIFF-S3' }),
    };
    items = [await item('对占道经营的处罚'), await item('对乱倒垃圾的处罚'), await item('对违法建设的处罚'), await item('对噪声扰民的处罚')];
    // A unit under the items' department: it may hand them down too.
    otherDepartment = await world.org('对照县城市管理执法大队', 'DEPARTMENT', { parentId: world.department });

    // 2023: the first street holds items 0 and 1, the second items 0 and 2, the third item 0.
    v1 = await catalog('2023-01-01');
    await delegate(v1, streets.keeps, items[0], { effectiveFrom: '2023-01-01' });
    await delegate(v1, streets.keeps, items[1], { effectiveFrom: '2023-01-01' });
    await delegate(v1, streets.loses, items[0], { effectiveFrom: '2023-01-01' });
    await delegate(v1, streets.loses, items[2], { effectiveFrom: '2023-01-01' });
    await delegate(v1, streets.same, items[0], { effectiveFrom: '2023-01-01', scope: 'PART', scopeNote: '仅限主干道' });
    await ok(server, 'publishDelegationCatalog', { id: v1 });

    // 2025: item 0 carried over to the first street as it was, item 1 changed in every term, item 3
    // added; the second street loses everything; the third keeps item 0 on the same terms.
    v2 = await catalog('2025-01-01', v1);
    await delegate(v2, streets.keeps, items[0], { effectiveFrom: '2025-01-01' });
    await delegate(v2, streets.keeps, items[1], { effectiveFrom: '2025-03-01', mode: 'ENTRUSTED', scope: 'PART', scopeNote: '不含重大案件', delegatingOrganizationId: otherDepartment });
    await delegate(v2, streets.keeps, items[3], { effectiveFrom: '2025-01-01' });
    await delegate(v2, streets.same, items[0], { effectiveFrom: '2025-01-01', scope: 'PART', scopeNote: '仅限主干道' });
  });

  /** The comparison of 2023 with 2025, before and after publication alike. */
  function check(result: any) {
    expect(result).toMatchObject({ from: { id: v1 }, to: { id: v2 }, added: 1, removed: 2, changed: 1, unchanged: 2 });
    // Streets with a change only (not the third), in the order of their codes.
    expect(result.recipients.map((r: any) => r.recipient.name)).toEqual(['对照甲街道', '对照乙镇']);
    const [keeps, loses] = result.recipients;
    expect(keeps).toMatchObject({ recipientId: streets.keeps, unchanged: 1, removed: [] });
    expect(keeps.added).toEqual([
      { change: 'ADDED', powerItemId: items[3], powerItem: { name: '对噪声扰民的处罚' }, before: null, after: { id: expect.any(String), mode: 'GRANTED' }, fields: [] },
    ]);
    expect(keeps.changed.map((c: any) => c.powerItemId)).toEqual([items[1]]);
    const fields = Object.fromEntries(keeps.changed[0].fields.map((f: any) => [f.field, f]));
    // Its start two months into the edition is a real change; item 0 starting with each edition is not.
    expect(Object.keys(fields).sort()).toEqual(['delegatingOrganizationId', 'effectiveFrom', 'mode', 'scope', 'scopeNote']);
    expect(fields.mode).toEqual({
      field: 'mode',
      label: { zh: '赋权方式', en: 'Mode' },
      before: 'GRANTED',
      after: 'ENTRUSTED',
      beforeText: { zh: '交由（赋权）', en: 'Granted under Art. 24 (acts in its own name)' },
      afterText: { zh: '委托', en: "Entrusted (acts in the department's name)" },
    });
    expect(fields.scope).toMatchObject({ before: 'ALL', after: 'PART', afterText: { zh: '部分', en: 'Part' } });
    expect(fields.scopeNote).toMatchObject({ before: null, after: '不含重大案件', beforeText: { zh: '—', en: '—' } });
    expect(fields.delegatingOrganizationId).toMatchObject({ before: Number(world.department), beforeText: { zh: '测试县城市管理局' }, afterText: { zh: '对照县城市管理执法大队' } });
    expect(fields.effectiveFrom).toMatchObject({ before: '2023-01-01', after: '2025-03-01' });
    expect(loses).toMatchObject({ recipientId: streets.loses, added: [], changed: [], unchanged: 0 });
    expect(loses.removed.map((r: any) => [r.change, r.powerItemId, r.after])).toEqual([
      ['REMOVED', items[0], null],
      ['REMOVED', items[2], null],
    ]);
  }

  it('answers, per street, the items added, taken back and changed field by field, before publication', async () => {
    check(await diff(v1, v2));
  });

  it('gives nothing for identical editions, and marks a start date that differs within the edition', async () => {
    expect(await diff(v2, v2)).toMatchObject({ recipients: [], added: 0, removed: 0, changed: 0, unchanged: 4 });
    // Two editions whose delegation starts with the edition: unchanged. Starting later in one: changed.
    // (An item no published edition gives this street: one item is in force for a street once a day.)
    const v3 = await catalog('2027-01-01');
    const v4 = await catalog('2028-01-01');
    await delegate(v3, streets.same, items[3], { effectiveFrom: '2027-01-01' });
    const later = (await delegate(v4, streets.same, items[3], { effectiveFrom: '2028-01-01' })).id;
    expect(await diff(v3, v4)).toMatchObject({ recipients: [], unchanged: 1 });
    await ok(server, 'updateDelegation', { id: later, effectiveFrom: '2028-06-01' });
    const shifted = await diff(v3, v4);
    expect(shifted.recipients[0].changed[0].fields.map((f: any) => [f.field, f.before, f.after])).toEqual([['effectiveFrom', '2027-01-01', '2028-06-01']]);
  });

  it('reads the same after publication, when the old edition’s delegations were ended the day before', async () => {
    const before = await diff(v1, v2);
    await ok(server, 'publishDelegationCatalog', { id: v2 });
    const closed = await ok<any[]>(server, 'allDelegations', { filter: { catalogId: v1 } }, 'effectiveTo');
    expect(new Set(closed.map((d) => d.effectiveTo))).toEqual(new Set(['2024-12-31']));
    const after = await diff(v1, v2);
    check(after);
    expect(after).toEqual(before);
  });

  it('flags a draft whose effective date is already past, in the configured zone', async () => {
    const past = await catalog(addDays(today(), -1));
    const todays = await catalog(today());
    const read = (id: string) => ok(server, 'DelegationCatalog', { id }, 'retroactive').then((c) => c.retroactive);
    expect([await read(past), await read(todays)]).toEqual([true, false]);
    expect(await read(v1)).toBe(false); // published long ago: what is done is not a warning any more
    const flagged = await ok<any[]>(server, 'allDelegationCatalogs', { filter: { retroactive: true, ids: [past, todays, v1] } }, 'id');
    expect(flagged.map((c) => c.id)).toEqual([past]);
  });

  it('answers NOT_FOUND for an unknown edition and is read by signed-in users only', async () => {
    expect(onlyError(await call(server, 'catalogDiff', { fromId: v1, toId: '999999' }, 'added')).extensions).toMatchObject({ code: 'NOT_FOUND', id: '999999' });
    refusal(await call(server.as(null), 'catalogDiff', { fromId: v1, toId: v2 }, 'added'), 'UNAUTHENTICATED');
    const viewer = await signedIn('VIEWER');
    expect((await ok(viewer, 'catalogDiff', { fromId: v1, toId: v2 }, 'removed')).removed).toBe(2);
  });
});
