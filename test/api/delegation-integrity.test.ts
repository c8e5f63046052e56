import { dbFingerprint } from '../helpers/test-server';
import { fieldErrors, onlyError, refused } from '../helpers/expect-errors';
import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';

// What the documents require of a delegation and the server keeps: the power comes from the
// department holding it, one item is in force once a day per street, licensing stays with the
// department, and a signed 赋权确认书 is visible per street until it is signed.
const { server, world } = withWorld();

const item = async (name: string, category = 'PENALTY', sourceDepartmentId = world.department) =>
  (
    await ok(server, 'createPowerItem', {
      codeScheme: '完整性测试', code: world.unique('INT-'), name, category, domainId: world.domain, sourceDepartmentId, settingBasis: '《测试条例》',
      penaltyKinds: category === 'PENALTY' ? ['FINE'] : [],
    })
  ).id as string;

const catalog = async (effectiveFrom: string, extra: Record<string, unknown> = {}) =>
  (
    await ok(server, 'createDelegationCatalog', {
      title: world.unique('完整性目录'), issuingOrganizationId: world.government, documentNumber: world.unique('完〔2024〕'), issuedOn: '2020-01-01', effectiveFrom, ...extra,
    })
  ).id as string;

const args = (catalogId: string, powerItemId: string, extra: Record<string, unknown> = {}) => ({
  catalogId, powerItemId, recipientId: world.street, delegatingOrganizationId: world.department, mode: 'GRANTED', effectiveFrom: '2024-01-01', ...extra,
});

describe('the delegating organization', () => {
  it('must be the item’s source department or a unit under it', async () => {
    const draft = await catalog('2024-01-01');
    const brigade = await world.org('测试县城市管理执法大队', 'DEPARTMENT', { parentId: world.department });
    const squad = await world.org('测试县城管执法大队一中队', 'DEPARTMENT', { parentId: brigade });
    const stranger = await world.org('测试县市场监督管理局', 'DEPARTMENT');
    const penalty = await item('对在公共场所晾晒衣物的处罚');

    const res = await refused(server, 'createDelegation', args(draft, penalty, { delegatingOrganizationId: stranger }));
    expect(fieldErrors(res)).toEqual({ delegatingOrganizationId: 'sourceDepartment' });
    expect(onlyError(res).extensions!.fieldErrors[0]).toMatchObject({
      zh: expect.stringContaining('原实施部门“测试县城市管理局”'),
      en: expect.stringContaining('source department'),
    });
    // The vertical unit is a county-level body too, but the power is not its own.
    expect(fieldErrors(await refused(server, 'createDelegation', args(draft, penalty, { delegatingOrganizationId: world.vertical })))).toEqual({
      delegatingOrganizationId: 'sourceDepartment',
    });

    const byBrigade = await ok(server, 'createDelegation', args(draft, penalty, { delegatingOrganizationId: brigade }));
    await ok(server, 'updateDelegation', { id: byBrigade.id, delegatingOrganizationId: squad });
    expect(fieldErrors(await refused(server, 'updateDelegation', { id: byBrigade.id, delegatingOrganizationId: stranger }))).toEqual({
      delegatingOrganizationId: 'sourceDepartment',
    });
    // Changing the item to one the squad's chain does not hold is refused on the same field.
    const theirs = await item('对销售过期食品的处罚', 'PENALTY', stranger);
    expect(fieldErrors(await refused(server, 'updateDelegation', { id: byBrigade.id, powerItemId: theirs }))).toEqual({
      delegatingOrganizationId: 'sourceDepartment',
    });
  });
});

describe('categories a street may receive', () => {
  it('refuses licensing (configured default: penalties, inspections, coercive measures)', async () => {
    const draft = await catalog('2024-01-01');
    const licensing = await item('城市建筑垃圾处置核准', 'LICENSING');
    const res = await refused(server, 'createDelegation', args(draft, licensing));
    expect(fieldErrors(res)).toEqual({ powerItemId: 'category' });
    expect(onlyError(res).extensions!.fieldErrors[0]).toMatchObject({
      zh: expect.stringMatching(/属于行政许可.*行政处罚、行政检查、行政强制/),
      en: expect.stringMatching(/licensing/),
    });
    for (const category of ['INSPECTION', 'COERCION']) await ok(server, 'createDelegation', args(draft, await item(`测试${category}事项`, category)));
  });
});

describe('the 赋权确认书', () => {
  it('reads as confirmed once signed; a signed one needs its number; unconfirmed ones are counted per street', async () => {
    const draft = await catalog('2024-01-01');
    const township = await item('对乱扔垃圾的处罚');
    const other = await item('对乱贴小广告的处罚');
    const res = await refused(server, 'createDelegation', args(draft, township, { recipientId: world.township, confirmationSignedOn: '2024-01-05' }));
    expect(fieldErrors(res)).toEqual({ confirmationNumber: 'required' });

    const signed = await ok(server, 'createDelegation', args(draft, township, { recipientId: world.township, confirmationNumber: '确〔2024〕3号', confirmationSignedOn: '2024-01-05' }), 'id confirmed');
    const unsigned = await ok(server, 'createDelegation', args(draft, other, { recipientId: world.township, confirmationNumber: '确〔2024〕4号' }), 'id confirmed');
    await ok(server, 'createDelegation', args(draft, other));
    expect([signed.confirmed, unsigned.confirmed]).toEqual([true, false]);
    const open = await ok<any[]>(server, 'allDelegations', { filter: { catalogId: draft, confirmed: false } }, 'id');
    expect(open).toHaveLength(2);

    const perStreet = await ok<any[]>(server, 'unconfirmedDelegations', { catalogId: draft }, 'recipientId count recipient { name }');
    expect(perStreet).toEqual([
      { recipientId: world.street, count: 1, recipient: { name: '测试街道' } },
      { recipientId: world.township, count: 1, recipient: { name: '测试镇' } },
    ]);
    await ok(server, 'updateDelegation', { id: unsigned.id, confirmationSignedOn: '2024-02-01' });
    expect(await ok<any[]>(server, 'unconfirmedDelegations', { catalogId: draft }, 'recipientId count')).toEqual([{ recipientId: world.street, count: 1 }]);
    // Without a catalog: the published editions only (this draft does not count yet).
    const published = await ok<any[]>(server, 'unconfirmedDelegations', {}, 'recipientId count');
    expect(published.find((r) => r.recipientId === world.street)).toBeUndefined();
  });

  it('is read by tokens with the Delegation scope only', async () => {
    const issue = async (scopes: string[]) =>
      (await ok(server, 'issueApiToken', { name: '执法监督平台', scopes, expiresAt: '2099-01-01T00:00:00Z' }, 'secret')).secret as string;
    const without = await server.as(await issue(['Organization'])).gql('{ unconfirmedDelegations { count } }');
    expect(onlyError(without).extensions!.code).toBe('FORBIDDEN');
    const withScope = await server.as(await issue(['Delegation', 'Organization'])).gql('{ unconfirmedDelegations { count recipient { name } } }');
    expect(withScope.errors).toBeUndefined();
  });
});

describe('one item in force once a day per street', () => {
  let itemX: string;
  let first: string;

  beforeAll(async () => {
    itemX = await item('对擅自设置户外广告的处罚');
    first = await catalog('2022-01-01');
    await ok(server, 'createDelegation', args(first, itemX, { effectiveFrom: '2022-01-01' }));
    await ok(server, 'publishDelegationCatalog', { id: first });
  });

  it('refuses a draft that gives the street an item another published catalog gives it on the same days', async () => {
    const parallel = await catalog('2023-01-01');
    const res = await refused(server, 'createDelegation', args(parallel, itemX, { effectiveFrom: '2023-01-01' }));
    expect(fieldErrors(res)).toEqual({ powerItemId: 'inForce' });
    expect(onlyError(res).extensions!.fieldErrors[0].zh).toMatch(/已由目录“完整性目录.*”（2022-01-01 至 长期）赋予/);
    // Another street, or the same item in the edition that supersedes the first (which publication ends the day before): fine.
    await ok(server, 'createDelegation', args(parallel, itemX, { effectiveFrom: '2023-01-01', recipientId: world.township }));
    const next = await catalog('2024-01-01', { supersedesId: first });
    const carried = await ok(server, 'createDelegation', args(next, itemX, { effectiveFrom: '2024-01-01' }));
    // An edit is checked like a creation.
    const other = await ok(server, 'createDelegation', args(parallel, await item('对占道洗车的处罚'), { effectiveFrom: '2023-01-01' }));
    expect(fieldErrors(await refused(server, 'updateDelegation', { id: other.id, powerItemId: itemX }))).toEqual({ powerItemId: 'inForce' });
    await ok(server, 'deleteDelegation', { id: carried.id });
  });

  it('checks again at publication, where another catalog may have been published since', async () => {
    const itemY = await item('对违规燃放烟花爆竹的处罚');
    const a = await catalog('2030-01-01');
    const b = await catalog('2029-01-01');
    await ok(server, 'createDelegation', args(a, itemY, { effectiveFrom: '2030-01-01' }));
    await ok(server, 'createDelegation', args(b, itemY, { effectiveFrom: '2029-01-01' }));
    await ok(server, 'publishDelegationCatalog', { id: b });
    const before = await dbFingerprint(server);
    const res = await call(server, 'publishDelegationCatalog', { id: a });
    expect(fieldErrors(res)).toEqual({ delegations: 'inForce' });
    expect(onlyError(res).extensions!.fieldErrors[0].zh).toMatch(/^1 项赋权与其他目录中仍有效的赋权日期重叠：测试街道“对违规燃放烟花爆竹的处罚”/);
    expect(await dbFingerprint(server)).toEqual(before);

    // So delegationsAsOf never answers an item twice for a street.
    for (const date of ['2022-06-01', '2029-06-01', '2030-06-01']) {
      const held = await ok<any[]>(server, 'delegationsAsOf', { organizationId: world.street, date }, 'powerItemId');
      const ids = held.map((d) => d.powerItemId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
