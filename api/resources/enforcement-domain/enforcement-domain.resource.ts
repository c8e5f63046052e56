import { enforcementDomains } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { MENU } from '../menu';

export const enforcementDomainResource = defineResource({
  name: 'EnforcementDomain',
  ui: { title: 'name', group: MENU.catalog },
  table: enforcementDomains,
  label: { zh: '执法领域', en: 'Enforcement domain' },
  description: {
    zh: '执法领域，如城市管理、市场监管；执法事项按领域归类。',
    en: 'A field of enforcement such as 城市管理 or 市场监管; power items are grouped by it.',
  },
  fields: {
    code: { label: { zh: '领域代码', en: 'Code' }, help: { zh: '简短的唯一代码，如 URBAN。', en: 'Short unique code, e.g. URBAN.' } },
    name: { label: { zh: '名称', en: 'Name' }, help: { zh: '唯一名称，如城市管理。', en: 'Unique name, e.g. 城市管理.' } },
    description: { label: { zh: '说明', en: 'Description' }, help: { zh: '该领域涵盖的范围。', en: 'What the domain covers.' } },
  },
  search: ['name', 'code'],
  access: { writers: 'CATALOG_EDITOR' },
});
