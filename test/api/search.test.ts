import { sql } from 'drizzle-orm';
import { powerItems } from '../../drizzle/schema';
import { getApp } from '../../api/app';
import { filterToWhere } from '../../api/crud/filter-to-where';
import type { ResourceDefinition } from '../../api/crud/resource';
import { powerItemResource } from '../../api/resources/power-item/power-item.resource';
import { staffMemberResource } from '../../api/resources/staff-member/staff-member.resource';
import { ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';

// `q` finds power items by any part of their name, code or legal basis, and staff by name, through
// trigram indexes: on 20,000 items the plan reads the indexes, not the whole table.
const { server, world } = withWorld();
const ITEMS = 20_000;

beforeAll(async () => {
  // 20,000 items of the kind catalogs list, numbered so each name, code and basis is distinct.
  await server.database.db.execute(sql`
    insert into ${powerItems} (code_scheme, code, name, category, domain_id, source_department_id, setting_basis)
    select '检索测试', 'SRCH-' || lpad(n::text, 5, '0'),
           (array['对擅自占用城市道路的处罚','对违法排放污水的处罚','对销售不合格商品的处罚','对违规燃放烟花的处罚'])[1 + n % 4] || '（第' || n || '项）',
           'PENALTY', ${Number(world.domain)}, ${Number(world.department)},
           '《测试条例》第' || n || '条'
    from generate_series(1, ${ITEMS}) n`);
  await ok(server, 'createPowerItem', {
    codeScheme: '检索测试', code: 'ZP-CG-0815', name: '对在城市道路摆摊卖艺的处罚', category: 'PENALTY', domainId: world.domain, sourceDepartmentId: world.department,
    settingBasis: '《城市道路管理条例》第二十七条',
  });
  // As autovacuum would: rows inserted after a GIN index is built wait in its pending list, which the
  // planner rightly counts as costly to read until a vacuum merges it into the index.
  await server.database.db.execute(sql`vacuum analyze power_items`);
});

const find = (q: string) => ok<any[]>(server, 'allPowerItems', { filter: { q }, perPage: 5 }, 'code name');

describe('q on power items', () => {
  it('finds an item by any part of its name, code or legal basis', async () => {
    expect(await find('摆摊卖艺')).toEqual([{ code: 'ZP-CG-0815', name: '对在城市道路摆摊卖艺的处罚' }]);
    expect((await find('cg-08')).map((i) => i.code)).toEqual(['ZP-CG-0815']);
    expect((await find('道路管理条例')).map((i) => i.code)).toEqual(['ZP-CG-0815']);
    expect(await ok(server, '_allPowerItemsMeta', { filter: { q: '排放污水' } }, 'count')).toEqual({ count: ITEMS / 4 });
  });

  it('is answered from the trigram indexes (EXPLAIN of the statement the list runs)', async () => {
    const plan = await explain(powerItemResource, '摆摊卖艺');
    expect(plan).toMatch(/Bitmap Index Scan on power_items_name_trgm/);
    expect(plan).toMatch(/Bitmap Index Scan on power_items_code_trgm/);
    expect(plan).toMatch(/Bitmap Index Scan on power_items_setting_basis_trgm/);
    expect(plan).not.toMatch(/Seq Scan/);
  });
});

describe('q on staff', () => {
  it('finds a person by part of the name, through the index', async () => {
    await world.staffMember({ name: '欧阳振华' });
    const found = await ok<any[]>(server, 'allStaffMembers', { filter: { q: '阳振' } }, 'name');
    expect(found.map((s) => s.name)).toEqual(['欧阳振华']);
    // Few rows: the planner is told to prefer the index as it would on a full table.
    expect(await explain(staffMemberResource, '欧阳振华', true)).toMatch(/Bitmap Index Scan on staff_members_name_trgm/);
  });
});

/** The plan of the list statement for `q`, built by the same translation the service uses. */
async function explain(resource: ResourceDefinition, q: string, noSeqScan = false): Promise<string> {
  const model = getApp().records.model(resource);
  const query = server.database.db.select().from(model.table).where(filterToWhere(model, { q }));
  return server.database.db.transaction(async (tx) => {
    if (noSeqScan) await tx.execute(sql`set local enable_seqscan = off`);
    const result = (await tx.execute(sql`explain ${query}`)) as unknown as { rows: Record<string, string>[] };
    return result.rows.map((r) => Object.values(r)[0]).join('\n');
  });
}
