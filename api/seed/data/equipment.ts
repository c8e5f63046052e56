/**
 * Equipment and patrol grids of the demo county's streets and townships (《镇平县行政执法改革与管理专项整治工作实施方案》:
 * 不低于四台执法记录仪; 一级网格乡镇（街道）长，二级网格包村乡科级干部，三级网格综合执法队员，四级网格为村支书).
 * Most teams meet the standards; a few do not: three body cameras in service (one of them with a
 * fourth under repair), a grid whose person is not yet named, a township that has drawn no grid.
 */
import { townships } from './organizations';
import { addDays, between, rng } from './random';
import { inventMobile, inventName } from './staff';

export type EquipmentKind = 'BODY_CAMERA' | 'VEHICLE' | 'RADIO' | 'CAMERA' | 'DOCUMENT_CAMERA' | 'MOBILE_TERMINAL' | 'OTHER';
export type EquipmentStatus = 'IN_SERVICE' | 'UNDER_REPAIR' | 'RETIRED' | 'LOST';

export interface EquipmentSeed {
  organization: string;
  kind: EquipmentKind;
  number: string;
  model: string | null;
  status: EquipmentStatus;
  acquiredOn: string;
  retiredOn: string | null;
  note: string | null;
}

export interface GridSeed {
  organization: string;
  name: string;
  level: 'LEVEL_1' | 'LEVEL_2' | 'LEVEL_3' | 'LEVEL_4';
  /** Name of the parent grid in the same township. */
  parent: string | null;
  area: string | null;
  responsiblePerson: string | null;
  responsibleTitle: string | null;
  /** Key of a staff member of the township (三级网格: an officer of the team). */
  staff: string | null;
  mobile: string | null;
}

/** Short names of the teams short of body cameras, and of the one with a camera under repair among them. */
export const SHORT_OF_CAMERAS = ['晁陂', '马庄', '遮山'];
const CAMERA_UNDER_REPAIR = '遮山';
/** A township whose lower grid names nobody yet, and one that has drawn no grid at all. */
export const GRID_WITHOUT_PERSON = '郭庄';
export const WITHOUT_GRIDS = '王岗';

const MODELS: Partial<Record<EquipmentKind, string[]>> = {
  BODY_CAMERA: ['DSJ-V8 执法记录仪', 'DSJ-T6 执法记录仪'],
  RADIO: ['GP328 对讲机'],
  CAMERA: ['EOS 90D 照相机'],
  VEHICLE: ['综合执法巡查车'],
};

function equipment(): EquipmentSeed[] {
  const out: EquipmentSeed[] = [];
  for (const [ti, t] of townships.entries()) {
    const r = rng(4113300 + ti);
    const acquired = addDays('2021-06-01', between(r, 0, 200));
    const code = String(ti + 1).padStart(2, '0');
    const add = (kind: EquipmentKind, prefix: string, n: number, extra: Partial<EquipmentSeed> = {}) =>
      out.push({
        organization: t.short,
        kind,
        number: `ZP${code}-${prefix}-${String(n).padStart(2, '0')}`,
        model: MODELS[kind]?.[n % (MODELS[kind]?.length ?? 1)] ?? null,
        status: 'IN_SERVICE',
        acquiredOn: acquired,
        retiredOn: null,
        note: null,
        ...extra,
      });
    const cameras = SHORT_OF_CAMERAS.includes(t.short) ? 3 : 4 + (ti % 3 === 0 ? 1 : 0);
    for (let n = 1; n <= cameras; n++) add('BODY_CAMERA', 'JLY', n);
    if (t.short === CAMERA_UNDER_REPAIR) add('BODY_CAMERA', 'JLY', cameras + 1, { status: 'UNDER_REPAIR', note: '屏幕损坏，送修中' });
    // An early camera that broke down and was written off, at one team in four.
    if (ti % 4 === 1) add('BODY_CAMERA', 'JLY', 9, { status: 'RETIRED', acquiredOn: '2019-05-01', retiredOn: '2024-11-30', note: '电池老化，报废' });
    for (let n = 1; n <= 4; n++) add('RADIO', 'DJJ', n);
    add('CAMERA', 'ZXJ', 1);
    out.push({
      organization: t.short,
      kind: 'VEHICLE',
      number: `豫R·Z${String(3100 + ti * 7).padStart(4, '0')}`,
      model: MODELS.VEHICLE![0],
      status: 'IN_SERVICE',
      acquiredOn: acquired,
      retiredOn: null,
      note: null,
    });
    if (ti % 5 === 0) add('DOCUMENT_CAMERA', 'GPY', 1);
  }
  return out;
}

const SECTORS = ['东片区', '西片区', '中心片区'];

function grids(): GridSeed[] {
  const out: GridSeed[] = [];
  for (const [ti, t] of townships.entries()) {
    if (t.short === WITHOUT_GRIDS) continue;
    const r = rng(4113400 + ti);
    const street = t.name.endsWith('街道');
    const top = `${t.name}一级网格`;
    out.push({
      organization: t.short,
      name: top,
      level: 'LEVEL_1',
      parent: null,
      area: `${t.name}全域`,
      responsiblePerson: inventName(r),
      responsibleTitle: street ? '街道办事处主任' : t.name.endsWith('乡') ? '乡长' : '镇长',
      staff: null,
      mobile: inventMobile(r),
    });
    for (const [si, sector] of SECTORS.entries()) {
      const unnamed = t.short === GRID_WITHOUT_PERSON && si === 2;
      out.push({
        organization: t.short,
        name: `${t.name}${sector}二级网格`,
        level: 'LEVEL_2',
        parent: top,
        area: `${sector}所辖${street ? '社区' : '行政村'}`,
        responsiblePerson: unnamed ? null : inventName(r),
        responsibleTitle: unnamed ? null : street ? '包片科级干部' : '包村科级干部',
        staff: null,
        mobile: unnamed ? null : inventMobile(r),
      });
    }
    // The team's officer answers for the central sector's third-level grid.
    out.push({
      organization: t.short,
      name: `${t.name}中心片区三级网格`,
      level: 'LEVEL_3',
      parent: `${t.name}中心片区二级网格`,
      area: `${street ? '街道' : '集镇'}中心区域`,
      responsiblePerson: null,
      responsibleTitle: '综合执法队员',
      staff: `${t.short}-1`,
      mobile: null,
    });
  }
  return out;
}

export const equipmentSeeds: EquipmentSeed[] = equipment();
// Drawn once, when the module loads: the invented names stay the same however often the seed runs.
export const gridSeeds: GridSeed[] = grids();
