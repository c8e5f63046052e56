import { dbFingerprint } from '../helpers/test-server';
import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { onlyError, refusal, fieldErrors, nothingWritten } from '../helpers/expect-errors';
import { inFlightTogether } from '../helpers/in-flight';

// A catalog goes DRAFT → PUBLISHED → SUPERSEDED; published versions are the record and are never
// edited; "what did this street hold on day D" follows the published versions.
const { server, world } = withWorld();

async function draft(extra: Record<string, unknown> = {}) {
  return (
    await ok(server, 'createDelegationCatalog', {
      title: world.unique('目录'),
      issuingOrganizationId: world.government,
      documentNumber: world.unique('测政〔2023〕'),
      issuedOn: '2023-06-15',
      effectiveFrom: '2023-07-01',
      ...extra,
    })
  ).id as string;
}

async function delegate(catalogId: string, effectiveFrom: string, recipientId = world.street, powerItemId = world.powerItem) {
  return (
    await ok(server, 'createDelegation', {
      catalogId,
      powerItemId,
      recipientId,
      delegatingOrganizationId: world.department,
      mode: 'GRANTED',
      effectiveFrom,
    })
  ).id as string;
}

const asOf = (organizationId: string, date: string) =>
  ok<{ id: string; catalogId: string; effectiveTo: string | null }[]>(
    server,
    'delegationsAsOf',
    { organizationId, date },
    'id catalogId effectiveTo',
  );

describe('publishing', () => {
  it('refuses to publish a draft without a document number, issue date or delegations, and changes nothing', async () => {
    const id = await draft({ documentNumber: null, issuedOn: null });
    await nothingWritten(server, async () => {
      const res = await call(server, 'publishDelegationCatalog', { id });
      expect(fieldErrors(res)).toEqual({ documentNumber: 'required', issuedOn: 'required', delegations: 'required' });
    });
  });

  it('publishes a draft, after which it and its delegations cannot be edited or deleted', async () => {
    const published = await ok(server, 'publishDelegationCatalog', { id: world.catalog }, 'status publishedAt version');
    expect(published.status).toBe('PUBLISHED');
    expect(Date.parse(published.publishedAt)).toBeGreaterThan(Date.now() - 60_000);

    await nothingWritten(server, async () => {
      for (const [field, args] of [
        ['updateDelegationCatalog', { id: world.catalog, note: '改' }],
        ['deleteDelegationCatalog', { id: world.catalog }],
        ['updateDelegation', { id: world.delegation, note: '改' }],
        ['deleteDelegation', { id: world.delegation }],
        ['createDelegation', { catalogId: world.catalog, powerItemId: world.powerItem, recipientId: world.township, delegatingOrganizationId: world.department, mode: 'GRANTED', effectiveFrom: '2021-06-01' }],
        ['updateDelegationCatalogs', { ids: [world.catalog], data: { note: '改' } }],
      ] as const) {
        const error = onlyError(await call(server, field, args));
        expect([field, error.extensions!.code, error.extensions!.reason]).toEqual([field, 'CONFLICT', 'LOCKED']);
      }
    });
  });

  it('publishes one of two drafts handing one street the same item on the same days, published at once, and refuses the other', async () => {
    const street = await world.org(world.unique('并发发布街道'), 'STREET');
    const drafts = [await draft(), await draft()];
    for (const id of drafts) await delegate(id, '2023-07-01', street);
    const results = await inFlightTogether(
      server,
      drafts.map((id) => () => call(server, 'publishDelegationCatalog', { id }, 'status')),
    );
    const losers = results.filter((r) => r.errors);
    expect(losers).toHaveLength(1);
    expect(fieldErrors(losers[0])).toEqual({ delegations: 'inForce' });
    // What the street held that day has one answer.
    expect(await asOf(street, '2024-01-01')).toHaveLength(1);
  });

  it('publishes a draft or deletes its last delegation, not both, when the two are sent at once', async () => {
    const id = await draft();
    const only = await delegate(id, '2023-07-01', await world.org(world.unique('并发删除街道'), 'STREET'));
    const [published, deleted] = await inFlightTogether(server, [
      () => call(server, 'publishDelegationCatalog', { id }, 'status'),
      () => call(server, 'deleteDelegation', { id: only }, 'id'),
    ]);
    // Published first, the catalog is the record and its delegation stays; deleted first, there is nothing to publish.
    if (deleted.errors) {
      expect(onlyError(deleted).extensions).toMatchObject({ code: 'CONFLICT', reason: 'LOCKED' });
      expect(published.errors).toBeUndefined();
    } else {
      expect(fieldErrors(published)).toEqual({ delegations: 'required' });
    }
    const stored = await ok(server, 'DelegationCatalog', { id }, 'status');
    const left = await ok<any[]>(server, 'allDelegations', { filter: { catalogId: id } }, 'id');
    expect([stored.status, left.length]).toEqual(deleted.errors ? ['PUBLISHED', 1] : ['DRAFT', 0]);
  });

  it('refuses to publish twice', async () => {
    const error = onlyError(await call(server, 'publishDelegationCatalog', { id: world.catalog }));
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STATE' });
  });

  it('refuses a stale version on publish', async () => {
    const id = await draft();
    await delegate(id, '2023-07-01', world.township);
    const error = onlyError(await call(server, 'publishDelegationCatalog', { id, version: 99 }));
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', currentVersion: 1 });
  });

  it('answers NOT_FOUND for a missing catalog', async () => {
    refusal(await call(server, 'publishDelegationCatalog', { id: '999999' }), 'NOT_FOUND');
  });
});

describe('superseding and as-of', () => {
  let v1: string;
  let v2: string;
  let street: string;
  let otherItem: string;
  const item = async (name: string) =>
    (
      await ok(server, 'createPowerItem', {
        codeScheme: '测试编码',
        code: world.unique('02-FY-'),
        name,
        category: 'PENALTY',
        domainId: world.domain,
        sourceDepartmentId: world.department,
        settingBasis: '《城市市容和环境卫生管理条例》第三十六条',
      })
    ).id as string;

  beforeAll(async () => {
    street = await world.org('版本街道', 'STREET');
    otherItem = (
      await ok(server, 'createPowerItem', {
        codeScheme: '测试编码',
        code: world.unique('02-ZR-'),
        name: '对非法占用土地建住宅的处罚',
        category: 'PENALTY',
        domainId: world.domain,
        sourceDepartmentId: world.department,
        settingBasis: '《中华人民共和国土地管理法》第七十八条',
      })
    ).id;
    v1 = await draft({ effectiveFrom: '2021-06-01' });
    await delegate(v1, '2021-06-01', street);
    await ok(server, 'publishDelegationCatalog', { id: v1 });
  });

  it('refuses a draft that supersedes a draft, or itself', async () => {
    const d = await draft();
    expect(fieldErrors(await call(server, 'createDelegationCatalog', {
      title: '新版', issuingOrganizationId: world.government, effectiveFrom: '2024-01-01', supersedesId: d,
    }))).toEqual({ supersedesId: 'state' });
    expect(fieldErrors(await call(server, 'updateDelegationCatalog', { id: d, supersedesId: d }))).toEqual({ supersedesId: 'self' });
  });

  it('refuses a version that takes effect on or before the day of the one it supersedes, created or edited', async () => {
    const before = await dbFingerprint(server);
    for (const effectiveFrom of ['2021-05-01', '2021-06-01']) {
      const res = await call(server, 'createDelegationCatalog', {
        title: world.unique('目录'), issuingOrganizationId: world.government, effectiveFrom, supersedesId: v1,
      });
      expect(fieldErrors(res)).toEqual({ effectiveFrom: 'range' });
      expect(onlyError(res).extensions!.fieldErrors[0].zh).toMatch(/须晚于被替代版本.*2021-06-01/);
    }
    expect(await dbFingerprint(server)).toEqual(before);
    const later = await draft({ effectiveFrom: '2022-01-01', supersedesId: v1 });
    expect(fieldErrors(await call(server, 'updateDelegationCatalog', { id: later, effectiveFrom: '2021-06-01' }))).toEqual({ effectiveFrom: 'range' });
    // Free v1 again for the next test: only one draft may supersede a version.
    await ok(server, 'deleteDelegationCatalog', { id: later });
  });

  it('publishing a new version supersedes the old one and closes its delegations the day before', async () => {
    v2 = await draft({ effectiveFrom: '2023-07-01', supersedesId: v1 });
    await delegate(v2, '2023-07-01', street, otherItem);
    // Before publication the draft changes nothing that was held.
    expect((await asOf(street, '2024-01-01')).map((d) => d.catalogId)).toEqual([v1]);

    await ok(server, 'publishDelegationCatalog', { id: v2 });
    const old = await ok(server, 'DelegationCatalog', { id: v1 }, 'status');
    expect(old.status).toBe('SUPERSEDED');
    const oldDelegations = await ok(server, 'allDelegations', { filter: { catalogId: v1 } }, 'effectiveTo');
    expect(oldDelegations).toEqual([{ effectiveTo: '2023-06-30' }]);
  });

  it('answers what the street held on each day', async () => {
    expect(await asOf(street, '2021-05-31')).toEqual([]);
    expect((await asOf(street, '2021-06-01')).map((d) => d.catalogId)).toEqual([v1]);
    expect((await asOf(street, '2023-06-30')).map((d) => d.catalogId)).toEqual([v1]);
    const now = await asOf(street, '2023-07-01');
    expect(now.map((d) => d.catalogId)).toEqual([v2]);
    expect(now[0].effectiveTo).toBeNull();
  });

  it('never counts drafts, and answers NOT_FOUND for an unknown organization', async () => {
    const v3 = await draft({ effectiveFrom: '2025-01-01', supersedesId: v2 });
    await delegate(v3, '2025-01-01', street, world.powerItem);
    expect((await asOf(street, '2025-06-01')).map((d) => d.catalogId)).toEqual([v2]);
    refusal(await call(server, 'delegationsAsOf', { organizationId: '999999', date: '2025-01-01' }), 'NOT_FOUND');
  });

  it('answers a page at a time, by power item, with the count of the whole answer', async () => {
    const day = '2025-06-01';
    const extra = await draft({ effectiveFrom: '2025-03-01' });
    for (let i = 0; i < 3; i++) await delegate(extra, '2025-03-01', street, await item(`对分页事项${i}的处罚`));
    await ok(server, 'publishDelegationCatalog', { id: extra });
    const all = await ok<{ id: string; powerItemId: string }[]>(server, 'delegationsAsOf', { organizationId: street, date: day, perPage: 1000 }, 'id powerItemId');
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(all.map((d) => Number(d.powerItemId))).toEqual(all.map((d) => Number(d.powerItemId)).sort((a, b) => a - b));
    const pages = [];
    for (let page = 0; page * 2 < all.length; page++) {
      pages.push(...(await ok<{ id: string }[]>(server, 'delegationsAsOf', { organizationId: street, date: day, page, perPage: 2 }, 'id')));
    }
    expect(pages.map((d) => d.id)).toEqual(all.map((d) => d.id));
    expect(await ok(server, '_delegationsAsOfMeta', { organizationId: street, date: day }, 'count')).toEqual({ count: all.length });
    expect(fieldErrors(await call(server, 'delegationsAsOf', { organizationId: street, date: day, perPage: 0 }))).toEqual({ perPage: 'range' });
  });

  it('reads a page of what a street held in one statement; a street holding nothing is looked up, an unknown one is NOT_FOUND', async () => {
    const query = 'id powerItem { name domain { name } } recipient { name }';
    const statements = async (args: Record<string, unknown>) => {
      await call(server, 'delegationsAsOf', args, query);
      server.queries.length = 0;
      const res = await call(server, 'delegationsAsOf', args, query);
      return { res, statements: server.queries.length };
    };
    const held = await statements({ organizationId: street, date: '2025-06-01', perPage: 100 });
    expect((held.res.data!.delegationsAsOf as unknown[]).length).toBeGreaterThan(0);
    expect(held.statements).toBe(1);
    const before = await statements({ organizationId: street, date: '1990-01-01' });
    expect(before.res.data!.delegationsAsOf).toEqual([]);
    // The compiled read finds the page empty and leaves it to the resolver, which reads it and looks the street up.
    expect(before.statements).toBe(3);
    refusal(await call(server, 'delegationsAsOf', { organizationId: 'abc', date: '2025-01-01' }), 'NOT_FOUND');
    refusal(await call(server, '_delegationsAsOfMeta', { organizationId: '999999', date: '2025-01-01' }, 'count'), 'NOT_FOUND');
  });

  it('refuses a malformed date', async () => {
    expect(fieldErrors(await call(server, 'delegationsAsOf', { organizationId: street, date: '2025-13-01' }))).toEqual({ date: 'type' });
  });
});
