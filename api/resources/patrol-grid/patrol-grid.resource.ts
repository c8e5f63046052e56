import { eq, sql } from 'drizzle-orm';
import { patrolGrids, staffMembers } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { MENU } from '../menu';
import { phoneRule } from '../phone';
import { LOCAL_KINDS, organizationKindRule } from '../rules';

const ORGANIZATION = { zh: '所属街道/乡镇', en: 'Street or township' };
const LEVELS = ['LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'LEVEL_4'];

/** A grid names its person by name or as a member of the team. */
const hasPerson = () =>
  sql`((${patrolGrids.responsiblePerson} is not null and trim(${patrolGrids.responsiblePerson}) <> '') or ${patrolGrids.staffMemberId} is not null)`;

export const patrolGridResource = defineResource({
  name: 'PatrolGrid',
  ui: { title: 'name', display: ['name', 'organizationId'], group: MENU.equipment },
  table: patrolGrids,
  label: { zh: '巡查网格', en: 'Patrol grid' },
  description: {
    zh: '街道、乡镇划分的一个执法巡查网格及其网格执法责任人（《武清区关于进一步深化街镇综合执法改革的指导意见》：根据管辖区域划分执法巡查网格，明确网格执法责任人员；《镇平县行政执法改革与管理专项整治工作实施方案》：一级网格乡镇（街道）长，二级网格包村乡科级干部，三级网格综合执法队员，四级网格为村支书）。',
    en: 'A patrol grid (网格) of a street or township and the person responsible for it (《武清区关于进一步深化街镇综合执法改革的指导意见》: grids by area, each with a named person; 《镇平县行政执法改革与管理专项整治工作实施方案》: level 1 the township head, level 2 the cadre in charge of the village, level 3 an officer of the team, level 4 the village party secretary).',
  },
  fields: {
    organizationId: { label: ORGANIZATION },
    name: { label: { zh: '网格名称', en: 'Name' }, help: { zh: '在本街道、乡镇内唯一。', en: 'Unique within the street or township.' } },
    level: {
      label: { zh: '网格层级', en: 'Level' },
      help: { zh: '一级为全街道、乡镇，下级网格在上级网格之内。', en: 'Level 1 is the whole street or township; a lower grid lies within a higher one.' },
    },
    parentId: {
      label: { zh: '上级网格', en: 'Parent grid' },
      help: { zh: '同一街道、乡镇中层级更高的网格；一级网格留空。', en: 'A higher-level grid of the same street or township; empty for level 1.' },
    },
    area: { label: { zh: '网格范围', en: 'Area' }, help: { zh: '所辖村、社区或四至。', en: 'The villages, communities or boundaries it covers.' } },
    responsiblePerson: {
      label: { zh: '网格责任人', en: 'Responsible person' },
      personal: true,
      help: { zh: '网格执法责任人姓名；为执法队员的也可只选择下方人员。', en: 'Name of the person responsible; for a team member, choosing the staff member below is enough.' },
    },
    responsibleTitle: { label: { zh: '责任人职务', en: 'Title' }, help: { zh: '如乡镇长、包村干部、村支书。', en: 'E.g. township head, village cadre, party secretary.' } },
    staffMemberId: {
      label: { zh: '责任执法队员', en: 'Responsible officer' },
      help: { zh: '责任人为本街道、乡镇执法队员时选择（三级网格）。', en: 'When the person is an officer of this street’s or township’s team (level 3).' },
    },
    mobile: { label: { zh: '责任人手机', en: 'Mobile' }, personal: true, help: { zh: '11位手机号码。', en: '11-digit mobile number.' } },
    note: { label: { zh: '备注', en: 'Note' } },
  },
  search: ['name', 'area', 'responsiblePerson'],
  access: { writers: 'HR', owner: 'organizationId' },
  treeParent: 'parentId',
  computed: {
    hasResponsiblePerson: {
      label: { zh: '责任人明确', en: 'Person named' },
      help: { zh: '网格已写明责任人姓名或责任执法队员。', en: 'The grid names its responsible person or officer.' },
      type: 'boolean',
      sql: hasPerson,
    },
  },
  rules: [
    organizationKindRule('organizationId', ORGANIZATION, LOCAL_KINDS),
    phoneRule('mobile', { zh: '责任人手机', en: 'Mobile' }, ['mobile']),
    // A lower grid lies within a higher one of the same street or township.
    async ({ tx, after, errors }) => {
      const level = LEVELS.indexOf(after.level as string);
      const parentId = after.parentId as number | null;
      if (parentId == null) {
        if (level > 0) errors.add('parentId', 'required', '二级及以下网格须填写上级网格', 'A grid below level 1 needs its parent grid');
        return;
      }
      if (errors.has('parentId')) return;
      const [parent] = await tx.select({ organizationId: patrolGrids.organizationId, level: patrolGrids.level }).from(patrolGrids).where(eq(patrolGrids.id, parentId));
      if (!parent) return;
      if (parent.organizationId !== after.organizationId) {
        errors.add('parentId', 'organization', '上级网格须属于同一街道、乡镇', 'The parent grid must belong to the same street or township');
      } else if (LEVELS.indexOf(parent.level) >= level) {
        errors.add('parentId', 'level', '上级网格的层级须高于本网格', 'The parent grid must be of a higher level');
      }
    },
    // The responsible officer works at the grid's street or township.
    async ({ tx, after, errors }) => {
      const staffId = after.staffMemberId as number | null;
      if (staffId == null || errors.has('staffMemberId')) return;
      const [person] = await tx
        .select({ organizationId: staffMembers.organizationId, status: staffMembers.status })
        .from(staffMembers)
        .where(eq(staffMembers.id, staffId));
      if (person && (person.organizationId !== after.organizationId || person.status === 'LEFT')) {
        errors.add('staffMemberId', 'organization', '责任执法队员须为本街道、乡镇在职人员', 'The responsible officer must work at this street or township');
      }
    },
  ],
  presets: {
    gridsWithoutResponsiblePerson: {
      description: '未明确责任人的网格 (Patrol grids that name no responsible person). Same as allPatrolGrids(filter: {hasResponsiblePerson: false}).',
      filter: { hasResponsiblePerson: false },
    },
  },
});
