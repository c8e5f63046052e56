import { organizations } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';

export const organizationResource = defineResource({
  name: 'Organization',
  table: organizations,
  label: { zh: '机构', en: 'Organization' },
  description:
    'A street, township, county department, vertically managed unit or other body taking part in the reform.',
  fields: {
    name: { label: { zh: '名称', en: 'Name' }, help: 'Full official name, e.g. 镇平县城市管理局.' },
    kind: {
      label: { zh: '类别', en: 'Kind' },
      help: 'Streets and townships receive powers; departments and vertical units delegate them.',
    },
    parentId: {
      label: { zh: '上级机构', en: 'Parent organization' },
      help: 'The body this one belongs to, e.g. 派出所 under 公安局; empty for a top-level body.',
    },
    region: { label: { zh: '所属县区', en: 'County / district' }, help: 'The county or district, e.g. 镇平县.' },
    code: {
      label: { zh: '机构代码', en: 'Code' },
      help: 'Unique code (统一社会信用代码 or the county’s own organization code).',
    },
  },
  search: ['name', 'code'],
  treeParent: 'parentId',
});
