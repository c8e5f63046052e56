import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { equipmentItems, organizations, patrolGrids } from '../../../drizzle/schema';
import type { Queryable } from '../../db';
import { config } from '../../config';
import { LOCAL_KINDS } from '../rules';

@ObjectType('TeamEquipmentAndGrids', {
  description:
    '街道、乡镇执法中队的执法记录仪和巡查网格 (A street’s or township’s body cameras in service against the minimum of 《镇平县行政执法改革与管理专项整治工作实施方案》 (不低于四台执法记录仪), and its patrol grids with or without a named responsible person).',
})
export class TeamEquipmentAndGrids {
  @Field(() => ID)
  organizationId!: number;

  @Field(() => Int, { description: '在用执法记录仪 (Body cameras in service).' })
  bodyCameras!: number;

  @Field(() => Int, { description: '最低台数 (The configured minimum, 4 by default).' })
  requiredBodyCameras!: number;

  @Field(() => Boolean, { description: '执法记录仪达标 (Body cameras reach the minimum).' })
  meetsBodyCameraMinimum!: boolean;

  @Field(() => Int, { description: '巡查网格数 (Patrol grids).' })
  grids!: number;

  @Field(() => Int, { description: '未明确责任人的网格 (Grids without a named responsible person).' })
  gridsWithoutPerson!: number;

  @Field(() => Boolean, { description: '网格责任人明确 (The street has grids and every one names its responsible person).' })
  gridsStaffed!: boolean;
}

/** Every street and township (or one) with its body cameras in service and its patrol grids. */
export async function teamEquipmentAndGrids(db: Queryable, q: { organizationId?: number; onlyFailing?: boolean }): Promise<TeamEquipmentAndGrids[]> {
  const streets = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(inArray(organizations.kind, LOCAL_KINDS), q.organizationId !== undefined ? eq(organizations.id, q.organizationId) : undefined))
    .orderBy(asc(organizations.id));
  if (!streets.length) return [];
  const ids = streets.map((s) => s.id);
  const cameras = await db
    .select({ organizationId: equipmentItems.organizationId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(equipmentItems)
    .where(and(inArray(equipmentItems.organizationId, ids), eq(equipmentItems.kind, 'BODY_CAMERA'), eq(equipmentItems.status, 'IN_SERVICE')))
    .groupBy(equipmentItems.organizationId);
  const grids = await db
    .select({
      organizationId: patrolGrids.organizationId,
      n: sql<number>`count(*)`.mapWith(Number),
      unnamed: sql<number>`count(*) filter (where ${or(isNull(patrolGrids.responsiblePerson), sql`trim(${patrolGrids.responsiblePerson}) = ''`)} and ${patrolGrids.staffMemberId} is null)`.mapWith(Number),
    })
    .from(patrolGrids)
    .where(inArray(patrolGrids.organizationId, ids))
    .groupBy(patrolGrids.organizationId);
  const required = config.bodyCamerasMin;
  const rows = streets.map(({ id }) => {
    const bodyCameras = cameras.find((c) => c.organizationId === id)?.n ?? 0;
    const g = grids.find((x) => x.organizationId === id);
    const gridCount = g?.n ?? 0;
    const gridsWithoutPerson = g?.unnamed ?? 0;
    return {
      organizationId: id,
      bodyCameras,
      requiredBodyCameras: required,
      meetsBodyCameraMinimum: bodyCameras >= required,
      grids: gridCount,
      gridsWithoutPerson,
      gridsStaffed: gridCount > 0 && gridsWithoutPerson === 0,
    };
  });
  return q.onlyFailing ? rows.filter((r) => !r.meetsBodyCameraMinimum || !r.gridsStaffed) : rows;
}
