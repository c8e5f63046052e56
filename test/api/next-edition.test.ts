import { dbFingerprint } from '../helpers/test-server';
import { fieldErrors, onlyError } from '../helpers/expect-errors';
import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';

// 动态调整: the next edition starts as a copy of the published one, in one transaction, and
// publishing it ends the old edition as any superseding publication does.
const { server, world } = withWorld();
let published: string;
let items: string[];

const item = async (name: string) =>
  (
    await ok(server, 'createPowerItem', {
      codeScheme: '下一版测试', code: world.unique('NEXT-'), name, category: 'PENALTY', domainId: world.domain, sourceDepartmentId: world.department, settingBasis: '《测试条例》',
    })
  ).id as string;

beforeAll(async () => {
  items = [await item('对占用人行道停车的处罚'), await item('对焚烧垃圾的处罚'), await item('对违规张贴广告的处罚')];
  published = (
    await ok(server, 'createDelegationCatalog', {
      title: world.unique('2022年版'), issuingOrganizationId: world.government, documentNumber: world.unique('下一版〔2022〕'), issuedOn: '2021-12-20', effectiveFrom: '2022-01-01',
    })
  ).id;
  const delegate = (powerItemId: string, extra: Record<string, unknown>) =>
    ok(server, 'createDelegation', {
      catalogId: published, powerItemId, recipientId: world.township, delegatingOrganizationId: world.department, mode: 'GRANTED', effectiveFrom: '2022-01-01', ...extra,
    });
  // Carried as it is, with its signed 赋权确认书; carried from a later start; ended before the next edition.
  await delegate(items[0], { scope: 'PART', scopeNote: '仅限主次干道', confirmationNumber: '确〔2022〕1号', confirmationSignedOn: '2021-12-25' });
  await delegate(items[1], { effectiveFrom: '2024-03-01' });
  await delegate(items[2], { effectiveTo: '2022-12-31' });
  await ok(server, 'publishDelegationCatalog', { id: published });
});

const DELEGATION = 'powerItemId recipientId delegatingOrganizationId mode scope scopeNote effectiveFrom effectiveTo confirmationNumber confirmationSignedOn confirmed';

describe('draftNextEdition', () => {
  let draft: { id: string; status: string; supersedesId: string; effectiveFrom: string; title: string };

  it('refuses a date not after the published edition’s, naming the field, and writes nothing', async () => {
    const before = await dbFingerprint(server);
    for (const effectiveFrom of ['2021-06-01', '2022-01-01']) {
      const res = await call(server, 'draftNextEdition', { catalogId: published, title: '2022年版（调整）', effectiveFrom });
      expect(fieldErrors(res)).toEqual({ effectiveFrom: 'range' });
      expect(onlyError(res).extensions!.fieldErrors[0]).toMatchObject({ zh: expect.stringMatching(/须晚于.*2022-01-01/), en: expect.stringMatching(/after/) });
    }
    expect(await dbFingerprint(server)).toEqual(before);
  });

  it('is refused to those who may not create catalogs, and to tokens', async () => {
    for (const role of ['VIEWER', 'HR']) {
      const res = await server.as(await server.tokenFor(role)).gql('mutation($id: ID!) { draftNextEdition(catalogId: $id, title: "x", effectiveFrom: "2025-01-01") { id } }', { id: published });
      expect(onlyError(res).extensions!.code).toBe('FORBIDDEN');
    }
    const anonymous = await server.as(null).gql('mutation($id: ID!) { draftNextEdition(catalogId: $id, title: "x", effectiveFrom: "2025-01-01") { id } }', { id: published });
    expect(onlyError(anonymous).extensions!.code).toBe('UNAUTHENTICATED');
    expect(onlyError(await call(server, 'draftNextEdition', { catalogId: '999999', title: 'x', effectiveFrom: '2025-01-01' })).extensions!.code).toBe('NOT_FOUND');
  });

  it('copies the published edition and its delegations still in force into a draft that supersedes it', async () => {
    const editor = server.as(await server.tokenFor('CATALOG_EDITOR'));
    const res = await editor.gql(
      'mutation($id: ID!) { draftNextEdition(catalogId: $id, title: "2025年版", effectiveFrom: "2025-01-01") { id title status supersedesId effectiveFrom documentNumber issuingOrganizationId } }',
      { id: published },
    );
    expect(res.errors).toBeUndefined();
    draft = res.data!.draftNextEdition;
    expect(draft).toMatchObject({ title: '2025年版', status: 'DRAFT', supersedesId: published, effectiveFrom: '2025-01-01', documentNumber: null, issuingOrganizationId: world.government });

    const copies = await ok<any[]>(server, 'allDelegations', { filter: { catalogId: draft.id }, sortField: 'powerItemId' }, DELEGATION);
    expect(copies).toEqual([
      {
        powerItemId: items[0], recipientId: world.township, delegatingOrganizationId: world.department, mode: 'GRANTED', scope: 'PART', scopeNote: '仅限主次干道',
        effectiveFrom: '2025-01-01', effectiveTo: null, confirmationNumber: '确〔2022〕1号', confirmationSignedOn: '2021-12-25', confirmed: true,
      },
      {
        powerItemId: items[1], recipientId: world.township, delegatingOrganizationId: world.department, mode: 'GRANTED', scope: 'ALL', scopeNote: null,
        effectiveFrom: '2025-01-01', effectiveTo: null, confirmationNumber: null, confirmationSignedOn: null, confirmed: false,
      },
    ]);
    // The old edition is untouched until the draft is published.
    expect((await ok(server, 'DelegationCatalog', { id: published }, 'status')).status).toBe('PUBLISHED');

    // Audited as the editor's: the draft and each copy.
    const trail = await ok<any[]>(server, 'auditTrail', { resource: 'DelegationCatalog', id: draft.id }, 'operation actorName');
    expect(trail).toEqual([{ operation: 'create', actorName: expect.stringMatching(/catalog-editor/) }]);
    const copy = (await ok<any[]>(server, 'allDelegations', { filter: { catalogId: draft.id } }, 'id'))[0];
    expect(await ok(server, 'auditTrail', { resource: 'Delegation', id: copy.id }, 'operation')).toEqual([{ operation: 'create' }]);

    // Compared with the edition it copies: nothing changed but the item that had ended.
    const diff = await ok(server, 'catalogDiff', { fromId: published, toId: draft.id }, 'added removed changed unchanged');
    expect(diff).toEqual({ added: 0, removed: 1, changed: 0, unchanged: 2 });
  });

  it('refuses a second draft of the same edition, a draft as the source, and says every problem at once', async () => {
    const before = await dbFingerprint(server);
    const again = await call(server, 'draftNextEdition', { catalogId: published, title: '又一版', effectiveFrom: '2026-01-01' });
    expect(fieldErrors(again)).toEqual({ catalogId: 'draftExists' });
    expect(onlyError(again).extensions!.fieldErrors[0].zh).toContain('2025年版');

    const fromDraft = await call(server, 'draftNextEdition', { catalogId: draft.id, title: '草稿的下一版', effectiveFrom: '2024-01-01' });
    expect(onlyError(fromDraft).extensions!.fieldErrors.map((e: any) => [e.field, e.rule])).toEqual([
      ['catalogId', 'state'],
      ['effectiveFrom', 'range'],
    ]);
    expect(onlyError(fromDraft).extensions!.fieldErrors[0].zh).toMatch(/只能为已发布的目录起草下一版/);
    expect(await dbFingerprint(server)).toEqual(before);
  });

  it('publishing the draft ends the old edition the day before, and the street holds each item once', async () => {
    await ok(server, 'updateDelegationCatalog', { id: draft.id, documentNumber: world.unique('下一版〔2025〕'), issuedOn: '2024-12-20' });
    await ok(server, 'publishDelegationCatalog', { id: draft.id });
    expect((await ok(server, 'DelegationCatalog', { id: published }, 'status')).status).toBe('SUPERSEDED');
    const old = await ok<any[]>(server, 'allDelegations', { filter: { catalogId: published }, sortField: 'powerItemId' }, 'effectiveTo');
    expect(old.map((d) => d.effectiveTo)).toEqual(['2024-12-31', '2024-12-31', '2022-12-31']);
    for (const [date, expected] of [
      ['2024-12-31', [[items[0], published], [items[1], published]]],
      ['2025-01-01', [[items[0], draft.id], [items[1], draft.id]]],
    ] as const) {
      const held = await ok<any[]>(server, 'delegationsAsOf', { organizationId: world.township, date }, 'powerItemId catalogId');
      expect(held.filter((d) => items.includes(d.powerItemId)).map((d) => [d.powerItemId, d.catalogId])).toEqual(expected);
    }
  });
});
