import { sql } from 'drizzle-orm';
import { equipmentItems } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { today } from '../../dates';
import { MENU } from '../menu';
import { equipmentItemResolvers } from './equipment-item.resolver';

const OUT_OF_SERVICE = ['RETIRED', 'LOST'];

export const equipmentItemResource = defineResource({
  name: 'EquipmentItem',
  ui: { title: 'number', display: ['kind', 'number', 'organizationId'], group: MENU.equipment },
  table: equipmentItems,
  label: { zh: '执法装备', en: 'Equipment item' },
  description: {
    zh: '执法队伍的一件执法装备：执法记录仪、执法车辆、对讲机、照相机等，及其编号、状态和日期。每个街道、乡镇执法中队在用的执法记录仪不低于配置的台数（《镇平县行政执法改革与管理专项整治工作实施方案》：不低于四台执法记录仪）。',
    en: 'One piece of an enforcement team’s equipment: a body camera, vehicle, radio, camera …, with its number, status and dates. Each street’s or township’s team keeps at least the configured number of body cameras in service (《镇平县行政执法改革与管理专项整治工作实施方案》: 不低于四台执法记录仪).',
  },
  fields: {
    organizationId: { label: { zh: '所属机构', en: 'Organization' }, help: { zh: '配备此装备的执法队伍所在机构。', en: 'The organization whose team holds it.' } },
    kind: { label: { zh: '装备类别', en: 'Kind' } },
    number: {
      label: { zh: '装备编号', en: 'Number' },
      help: { zh: '资产编号、设备序列号或车牌号，在本机构内唯一。', en: 'Asset number, serial number or licence plate; unique within the organization.' },
    },
    model: { label: { zh: '品牌型号', en: 'Make and model' } },
    status: {
      label: { zh: '装备状态', en: 'Status' },
      help: {
        zh: '只有“在用”的执法记录仪计入最低台数；报废或遗失须填写停用日期。',
        en: 'Only body cameras in service count towards the minimum; a retired or lost item needs the day it left service.',
      },
    },
    acquiredOn: { label: { zh: '配发日期', en: 'Acquired on' } },
    retiredOn: {
      label: { zh: '停用日期', en: 'Out of service on' },
      help: { zh: '报废或遗失的日期；在用或维修中的留空。', en: 'The day it was retired or lost; empty while in service or under repair.' },
    },
    note: { label: { zh: '备注', en: 'Note' } },
  },
  search: ['number', 'model'],
  access: { writers: 'HR', owner: 'organizationId' },
  ranges: [['acquiredOn', 'retiredOn']],
  computed: {
    yearsInService: {
      label: { zh: '已使用年数', en: 'Years in service' },
      help: { zh: '自配发日期起至今天（或停用日期）的整年数。', en: 'Whole years from the day it was acquired to today, or to the day it left service.' },
      type: 'int',
      sql: () => sql`extract(year from age(coalesce(${equipmentItems.retiredOn}, ${today()}::date), ${equipmentItems.acquiredOn}))::int`,
    },
  },
  rules: [
    // The status and the day it left service say the same thing, so the counts cannot disagree.
    async ({ after, errors }) => {
      const gone = OUT_OF_SERVICE.includes(after.status as string);
      if (gone && !after.retiredOn) {
        errors.add('retiredOn', 'required', '已报废或已遗失的装备须填写停用日期', 'A retired or lost item needs the day it left service');
      } else if (!gone && after.retiredOn) {
        errors.add('retiredOn', 'status', '在用或维修中的装备不应有停用日期', 'An item in service or under repair has no out-of-service day');
      }
    },
  ],
  resolvers: equipmentItemResolvers,
});
