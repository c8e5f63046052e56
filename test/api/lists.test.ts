import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { fieldErrors } from '../helpers/expect-errors';
import { MAX_PER_PAGE } from '../../api/crud/list-metadata';

// Filters, sorting and pagination as react-admin sends them, and references loaded in batches.
const { server, world } = withWorld();
const names = ['涅阳街道', '玉都街道', '雪枫街道', '安字营镇', '晁陂镇', '二龙乡'];
let ids: string[];

beforeAll(async () => {
  ids = [];
  for (const [i, name] of names.entries()) {
    ids.push(await world.org(name, name.endsWith('街道') ? 'STREET' : 'TOWNSHIP', { code: `LIST-${i}`, region: '镇平县' }));
  }
});

const list = (args: Record<string, unknown>, selection = 'name') =>
  ok<Record<string, any>[]>(server, 'allOrganizations', { ...args, filter: { region: '镇平县', ...(args.filter as object) } }, selection);

describe('filters', () => {
  it('q searches names and codes, case-insensitively, with wildcards taken literally', async () => {
    expect((await list({ filter: { q: '街道' } })).map((o) => o.name)).toEqual(names.slice(0, 3));
    expect((await list({ filter: { q: 'list-4' } })).map((o) => o.name)).toEqual(['晁陂镇']);
    expect(await list({ filter: { q: '%' } })).toEqual([]);
    expect(await list({ filter: { q: '_' } })).toEqual([]);
  });

  it('filters by ids, scalar equality, enum, reference and _neq', async () => {
    expect((await list({ filter: { ids: [ids[1], ids[4]] } })).map((o) => o.name)).toEqual([names[1], names[4]]);
    expect((await list({ filter: { kind: 'TOWNSHIP' } })).map((o) => o.name)).toEqual(names.slice(3));
    expect((await list({ filter: { kind_neq: 'TOWNSHIP' } })).map((o) => o.name)).toEqual(names.slice(0, 3));
    expect((await list({ filter: { code: 'LIST-2' } })).map((o) => o.name)).toEqual([names[2]]);
    const child = await world.org('涅阳派出所', 'OTHER', { parentId: ids[0], region: '子县' });
    expect(await ok(server, 'allOrganizations', { filter: { parentId: ids[0] } })).toEqual([{ id: child }]);
    expect(await ok(server, 'allOrganizations', { filter: { parentId_null: false, region: '子县' } })).toEqual([{ id: child }]);
    expect(await ok(server, 'allOrganizations', { filter: { parentId_null: true, region: '子县' } })).toEqual([]);
    expect(await list({ filter: { parentId_null: false } })).toEqual([]);
  });

  it('compares numbers and dates with _lt, _lte, _gt, _gte', async () => {
    await ok(server, 'updateOrganization', { id: ids[2], code: 'LIST-2' });
    expect((await list({ filter: { version_gte: 2 } })).map((o) => o.name)).toEqual([names[2]]);
    expect((await list({ filter: { version_gt: 1, version_lte: 2 } })).map((o) => o.name)).toEqual([names[2]]);
    expect(await list({ filter: { version_lt: 1 } })).toEqual([]);
    const catalogs = await ok(server, 'allDelegationCatalogs', { filter: { effectiveFrom_gte: '2021-06-01', effectiveFrom_lte: '2021-06-01' } }, 'id');
    expect(catalogs).toEqual([{ id: world.catalog }]);
    expect(await ok(server, 'allDelegationCatalogs', { filter: { effectiveFrom_gt: '2021-06-01' } })).toEqual([]);
  });

  it('filters a list field by one of its values', async () => {
    expect(await ok(server, 'allPowerItems', { filter: { penaltyKinds: 'FINE' } })).toEqual([{ id: world.powerItem }]);
    expect(await ok(server, 'allPowerItems', { filter: { penaltyKinds: 'DETENTION' } })).toEqual([]);
  });

  it('refuses an id filter that is not an id', async () => {
    expect(fieldErrors(await call(server, 'allOrganizations', { filter: { ids: ['1 or 1=1'] } }))).toEqual({ 'filter.ids': 'id' });
    expect(fieldErrors(await call(server, 'allOrganizations', { filter: { parentId: 'x' } }))).toEqual({ 'filter.parentId': 'id' });
  });
});

describe('sorting', () => {
  it('sorts by any scalar field, both ways, with id breaking ties', async () => {
    const byCode = await list({ sortField: 'code', sortOrder: 'DESC' }, 'code');
    expect(byCode.map((o) => o.code)).toEqual(['LIST-5', 'LIST-4', 'LIST-3', 'LIST-2', 'LIST-1', 'LIST-0']);
    const byKind = await list({ sortField: 'kind', sortOrder: 'asc' }, 'id kind');
    expect(byKind.map((o) => o.id)).toEqual([...ids.slice(0, 3), ...ids.slice(3)]);
  });

  it('refuses a field that does not exist or an unknown order, naming the argument', async () => {
    expect(fieldErrors(await call(server, 'allOrganizations', { sortField: 'name; drop table organizations' }))).toEqual({ sortField: 'unknown' });
    expect(fieldErrors(await call(server, 'allOrganizations', { sortField: 'name', sortOrder: 'SIDEWAYS' }))).toEqual({ sortOrder: 'enum' });
    expect(await ok(server, '_allOrganizationsMeta', {}, 'count')).toEqual({ count: expect.any(Number) });
  });
});

describe('pagination', () => {
  it('pages are zero-based, do not overlap, and an empty page past the end is empty', async () => {
    const pages = [];
    for (let page = 0; page < 3; page++) pages.push(await list({ page, perPage: 2, sortField: 'name' }, 'id'));
    expect(pages.flat().map((o) => o.id).sort()).toEqual([...ids].sort());
    expect(await list({ page: 3, perPage: 2 })).toEqual([]);
    expect(await ok(server, '_allOrganizationsMeta', { filter: { region: '镇平县' }, page: 3, perPage: 2 }, 'count')).toEqual({ count: 6 });
  });

  it(`caps perPage at ${MAX_PER_PAGE} and refuses zero or negative pages`, async () => {
    expect(fieldErrors(await call(server, 'allOrganizations', { perPage: MAX_PER_PAGE + 1 }))).toEqual({ perPage: 'range' });
    expect(fieldErrors(await call(server, 'allOrganizations', { perPage: 0 }))).toEqual({ perPage: 'range' });
    expect(fieldErrors(await call(server, 'allOrganizations', { page: -1 }))).toEqual({ page: 'range' });
    expect((await ok(server, 'allOrganizations', { perPage: MAX_PER_PAGE })).length).toBeGreaterThan(0);
  });
});

describe('references', () => {
  it('exposes each reference as an id and as the object', async () => {
    const d = await ok(server, 'Delegation', { id: world.delegation }, 'recipientId recipient { id name kind } catalog { id status } powerItem { domain { id } }');
    expect(d).toEqual({
      recipientId: world.street,
      recipient: { id: world.street, name: '测试街道', kind: 'STREET' },
      catalog: { id: world.catalog, status: 'DRAFT' },
      powerItem: { domain: { id: world.domain } },
    });
    expect((await ok(server, 'Organization', { id: world.street }, 'parent { id }')).parent).toBeNull();
  });

  // The regression guard of the read path: statements per request, not timings.
  it('answers a nested list of 10 or 100 rows, and a record by id, with one statement each', async () => {
    const created: string[] = [];
    for (let i = 0; i < 100; i++) {
      created.push(await world.org(`批量机构${i}`, 'OTHER', { parentId: ids[i % ids.length], region: '批量县' }));
    }
    const query = 'id name parent { id name parent { id } }';
    // The statements of the second of two identical requests: the first makes the caller known.
    const statements = async (run: () => Promise<unknown>) => {
      await run();
      server.queries.length = 0;
      await run();
      return [...server.queries];
    };
    let rows: any[] = [];
    const ten = await statements(async () => (rows = await ok(server, 'allOrganizations', { filter: { region: '批量县' }, perPage: 10 }, query)));
    expect(rows).toHaveLength(10);
    const hundred = await statements(async () => (rows = await ok(server, 'allOrganizations', { filter: { region: '批量县' }, perPage: 100 }, query)));
    expect(rows).toHaveLength(100);
    expect(rows[7].parent).toEqual({ id: ids[7 % ids.length], name: expect.any(String), parent: null });
    let one: any;
    const byId = await statements(async () => (one = await ok(server, 'Organization', { id: created[7] }, query)));
    expect(one).toEqual(rows[7]);
    expect(ten).toHaveLength(1);
    expect(hundred).toHaveLength(1);
    expect(byId).toHaveLength(1);
    // Only what was asked is read: the record's other columns stay in the table. (The page is cut
    // first, by the filter on the region; the objects and their references read what was asked.)
    const page = /\(select \* from "organizations" where .+? limit \$\d+ offset \$\d+\) as "organizations"/;
    expect(hundred[0]).toMatch(page);
    const selected = hundred[0].replace(page, '');
    expect(selected).toMatch(/"parent_id"/);
    expect(selected).not.toMatch(/"code"|"region"|"kind"|"created_at"/);
  });

  it("reads a reference to its own table (an organization's parent) as the record itself reads", async () => {
    const query = 'id parentId parent { id parentId parent { id name } }';
    const rows = await ok<any[]>(server, 'allOrganizations', { filter: { region: '批量县' }, perPage: 100 }, query);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const parent = await ok<any>(server, 'Organization', { id: row.parentId }, 'id parentId parent { id name }');
      expect(row.parent).toEqual(parent);
    }
  });
});
