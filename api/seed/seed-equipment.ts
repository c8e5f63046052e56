import { equipmentItems, patrolGrids } from '../../drizzle/schema';
import type { Tx } from '../db';
import { getApp } from '../app';
import { equipmentItemResource } from '../resources/equipment-item/equipment-item.resource';
import { patrolGridResource } from '../resources/patrol-grid/patrol-grid.resource';
import { equipmentSeeds, gridSeeds } from './data/equipment';
import { orgId, type Ids } from './seed-hr';

const records = () => getApp().records;

/** Equipment (natural key: organization and number) and patrol grids (organization and name), parents first. */
export async function seedEquipment(tx: Tx, orgs: Ids, staff: Ids): Promise<void> {
  const items = new Set(
    (await tx.select({ org: equipmentItems.organizationId, number: equipmentItems.number }).from(equipmentItems)).map((e) => `${e.org}|${e.number}`),
  );
  for (const e of equipmentSeeds) {
    const organizationId = orgId(orgs, e.organization);
    if (items.has(`${organizationId}|${e.number}`)) continue;
    const { organization: _, ...fields } = e;
    await records().of(equipmentItemResource).create(tx, { ...fields, organizationId });
  }
  const grids = new Map(
    (await tx.select({ id: patrolGrids.id, org: patrolGrids.organizationId, name: patrolGrids.name }).from(patrolGrids)).map((g) => [`${g.org}|${g.name}`, g.id]),
  );
  for (const g of gridSeeds) {
    const organizationId = orgId(orgs, g.organization);
    if (grids.has(`${organizationId}|${g.name}`)) continue;
    const row = await records().of(patrolGridResource).create(tx, {
      organizationId,
      name: g.name,
      level: g.level,
      parentId: g.parent === null ? null : grids.get(`${organizationId}|${g.parent}`)!,
      area: g.area,
      responsiblePerson: g.responsiblePerson,
      responsibleTitle: g.responsibleTitle,
      staffMemberId: g.staff === null ? null : staff.get(g.staff)!,
      mobile: g.mobile,
    });
    grids.set(`${organizationId}|${g.name}`, row.id as number);
  }
}
