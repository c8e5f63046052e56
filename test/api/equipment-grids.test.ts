import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { fieldErrors, refused } from '../helpers/expect-errors';

// A team's equipment and its patrol grids: at least four body cameras in service
// (《镇平县行政执法改革与管理专项整治工作实施方案》: 不低于四台执法记录仪), and grids each naming its responsible
// person (《武清区关于进一步深化街镇综合执法改革的指导意见》: 明确网格执法责任人员).
const { server, world } = withWorld();

const TEAM = 'organizationId bodyCameras requiredBodyCameras meetsBodyCameraMinimum grids gridsWithoutPerson gridsStaffed organization { name }';

const item = (organizationId: string, kind: string, extra: Record<string, unknown> = {}) =>
  ok(server, 'createEquipmentItem', { organizationId, kind, number: world.unique('ZB-'), acquiredOn: '2023-05-01', ...extra }).then((r) => r.id as string);
const grid = (organizationId: string, name: string, level: string, extra: Record<string, unknown> = {}) =>
  ok(server, 'createPatrolGrid', { organizationId, name, level, ...extra }).then((r) => r.id as string);

describe('body cameras and grids per street and township', () => {
  it('counts body cameras in service against 4, and grids without a named person', async () => {
    const ready = await world.org('装备达标街道', 'STREET');
    const short = await world.org('装备不足镇', 'TOWNSHIP');
    for (let i = 0; i < 4; i++) await item(ready, 'BODY_CAMERA');
    await item(ready, 'VEHICLE', { number: '豫R·Z1234' });
    // Three in service; one under repair and one retired do not count, nor does a radio.
    for (let i = 0; i < 3; i++) await item(short, 'BODY_CAMERA');
    await item(short, 'BODY_CAMERA', { status: 'UNDER_REPAIR' });
    await item(short, 'BODY_CAMERA', { status: 'RETIRED', retiredOn: '2025-01-01' });
    await item(short, 'RADIO');

    const officer = (await ok(server, 'createStaffMember', { name: '网格队员', organizationId: ready, category: 'ENFORCEMENT' })).id;
    const top = await grid(ready, '全街道', 'LEVEL_1', { responsiblePerson: '陈主任', responsibleTitle: '街道办事处主任' });
    await grid(ready, '东片', 'LEVEL_3', { parentId: top, staffMemberId: officer });
    const townTop = await grid(short, '全镇', 'LEVEL_1', { responsiblePerson: '刘镇长' });
    const unnamed = await grid(short, '北村片', 'LEVEL_2', { parentId: townTop, responsiblePerson: '  ' });

    const [a] = await ok<any[]>(server, 'teamEquipmentAndGrids', { organizationId: ready }, TEAM);
    expect(a).toEqual({
      organizationId: ready,
      bodyCameras: 4,
      requiredBodyCameras: 4,
      meetsBodyCameraMinimum: true,
      grids: 2,
      gridsWithoutPerson: 0,
      gridsStaffed: true,
      organization: { name: '装备达标街道' },
    });
    const [b] = await ok<any[]>(server, 'teamEquipmentAndGrids', { organizationId: short }, TEAM);
    expect(b).toMatchObject({ bodyCameras: 3, meetsBodyCameraMinimum: false, grids: 2, gridsWithoutPerson: 1, gridsStaffed: false });

    // A street without any grid has not divided its area: it fails too; departments are not listed.
    const failing = await ok<any[]>(server, 'teamEquipmentAndGrids', { onlyFailing: true }, 'organizationId grids');
    expect(failing.map((r) => r.organizationId)).toEqual(expect.arrayContaining([short, world.street]));
    expect(failing.map((r) => r.organizationId)).not.toContain(ready);
    expect(failing.map((r) => r.organizationId)).not.toContain(world.department);

    const without = await ok<any[]>(server, 'gridsWithoutResponsiblePerson', {}, 'id hasResponsiblePerson');
    expect(without).toEqual([{ id: unnamed, hasResponsiblePerson: false }]);
    await ok(server, 'updatePatrolGrid', { id: unnamed, responsiblePerson: '马支书', responsibleTitle: '村支书' });
    expect(await ok(server, 'gridsWithoutResponsiblePerson', {}, 'id')).toEqual([]);
    expect((await ok<any[]>(server, 'teamEquipmentAndGrids', { organizationId: short }, 'gridsStaffed'))[0]).toEqual({ gridsStaffed: true });
    // The grid hierarchy shows on the higher grid's page.
    expect(await ok(server, 'PatrolGrid', { id: townTop }, 'patrolGridsAsParent { name }')).toEqual({ patrolGridsAsParent: [{ name: '北村片' }] });
  });
});

describe('equipment items refuse', () => {
  it('a retired or lost item without the day, an item in service with one, and a number twice in a team', async () => {
    const base = { organizationId: world.street, kind: 'CAMERA', acquiredOn: '2022-01-01' };
    expect(fieldErrors(await refused(server, 'createEquipmentItem', { ...base, number: 'ZX-1', status: 'LOST' }))).toEqual({ retiredOn: 'required' });
    expect(fieldErrors(await refused(server, 'createEquipmentItem', { ...base, number: 'ZX-1', retiredOn: '2024-01-01' }))).toEqual({ retiredOn: 'status' });
    expect(fieldErrors(await refused(server, 'createEquipmentItem', { ...base, number: 'ZX-1', status: 'RETIRED', retiredOn: '2021-01-01' }))).toEqual({ retiredOn: 'range' });
    const id = await item(world.street, 'CAMERA', { number: 'ZX-1' });
    expect(fieldErrors(await refused(server, 'createEquipmentItem', { ...base, number: 'ZX-1' }))).toEqual({ number: 'unique' });
    // The same number in another team is another item.
    await item(world.township, 'CAMERA', { number: 'ZX-1' });
    expect(fieldErrors(await refused(server, 'updateEquipmentItem', { id, status: 'RETIRED' }))).toEqual({ retiredOn: 'required' });
    const retired = await ok(server, 'updateEquipmentItem', { id, status: 'RETIRED', retiredOn: '2025-06-30' }, 'status yearsInService');
    expect(retired).toEqual({ status: 'RETIRED', yearsInService: 2 }); // acquired 2023-05-01
  });

  it('a street account writing another street’s equipment', async () => {
    const streetHr = server.as(await server.tokenFor('HR', world.street));
    const res = await refused(streetHr, 'createEquipmentItem', { organizationId: world.township, kind: 'RADIO', number: 'DJ-9', acquiredOn: '2024-01-01' });
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    await ok(streetHr, 'createEquipmentItem', { organizationId: world.street, kind: 'RADIO', number: 'DJ-9', acquiredOn: '2024-01-01' });
  });
});

describe('patrol grids refuse', () => {
  it('a grid of a department, a lower grid without its parent, a parent elsewhere or not higher, an officer of another team, a bad mobile', async () => {
    expect(fieldErrors(await refused(server, 'createPatrolGrid', { organizationId: world.department, name: '部门网格', level: 'LEVEL_1' }))).toEqual({ organizationId: 'kind' });
    expect(fieldErrors(await refused(server, 'createPatrolGrid', { organizationId: world.street, name: '孤立网格', level: 'LEVEL_2' }))).toEqual({ parentId: 'required' });
    const streetTop = await grid(world.street, world.unique('街道一级'), 'LEVEL_1', { responsiblePerson: '街道主任' });
    const townTop = await grid(world.township, world.unique('乡镇一级'), 'LEVEL_1', { responsiblePerson: '乡镇长' });
    const second = await grid(world.street, world.unique('街道二级'), 'LEVEL_2', { parentId: streetTop, responsiblePerson: '包村干部' });
    expect(fieldErrors(await refused(server, 'createPatrolGrid', { organizationId: world.street, name: '跨镇网格', level: 'LEVEL_2', parentId: townTop }))).toEqual({
      parentId: 'organization',
    });
    expect(fieldErrors(await refused(server, 'createPatrolGrid', { organizationId: world.street, name: '同级网格', level: 'LEVEL_2', parentId: second }))).toEqual({ parentId: 'level' });
    const elsewhere = await ok(server, 'createStaffMember', { name: '外镇队员', organizationId: world.township, category: 'ENFORCEMENT' });
    expect(
      fieldErrors(await refused(server, 'createPatrolGrid', { organizationId: world.street, name: '三级网格', level: 'LEVEL_3', parentId: second, staffMemberId: elsewhere.id, mobile: '1234' })),
    ).toEqual({ staffMemberId: 'organization', mobile: 'phone' });
    // A grid may not become its own ancestor.
    expect(fieldErrors(await refused(server, 'updatePatrolGrid', { id: streetTop, parentId: streetTop, level: 'LEVEL_2' }))).toHaveProperty('parentId');
    const { name } = await ok(server, 'PatrolGrid', { id: second }, 'name');
    expect(fieldErrors(await refused(server, 'createPatrolGrid', { organizationId: world.street, name, level: 'LEVEL_2', parentId: streetTop }))).toEqual({ name: 'unique' });
  });
});

describe('for other systems', () => {
  it('answers the summaries to a token holding every record they carry, and masks the grid’s person without the personal-data scope', async () => {
    const inAYear = new Date(Date.now() + 365 * 86400_000).toISOString();
    const issue = async (scopes: string[]) =>
      server.as((await ok(server, 'issueApiToken', { name: '执法监督平台', scopes, expiresAt: inAYear, personalData: false }, 'secret')).secret);
    const partial = await issue(['Organization', 'EquipmentItem']);
    expect((await call(partial, 'teamEquipmentAndGrids', {}, 'organizationId')).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await call(partial, 'streetTrainingSupport', { year: 2025 }, 'organizationId')).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await call(partial, 'trainingDays', { year: 2025 }, 'staffMemberId')).errors![0].extensions!.code).toBe('FORBIDDEN');
    const full = await issue(['Organization', 'EquipmentItem', 'PatrolGrid', 'TrainingAudience', 'StaffMember', 'TrainingAttendance']);
    expect((await call(full, 'teamEquipmentAndGrids', { organizationId: world.street }, 'organizationId')).data!.teamEquipmentAndGrids).toEqual([{ organizationId: world.street }]);
    expect((await call(full, 'streetTrainingSupport', { year: 2025, organizationId: world.street }, 'roadshows')).errors).toBeUndefined();
    expect((await call(full, 'trainingDays', { year: 2025, organizationId: world.street }, 'drillDays')).errors).toBeUndefined();
    await grid(world.township, world.unique('脱敏网格'), 'LEVEL_1', { responsiblePerson: '欧阳镇长', mobile: '13812345678' });
    const grids = await ok<any[]>(full, 'allPatrolGrids', { filter: { organizationId: world.township, level: 'LEVEL_1' } }, 'responsiblePerson mobile');
    expect(grids).toContainEqual({ responsiblePerson: '欧***', mobile: '138******78' });
  });
});
