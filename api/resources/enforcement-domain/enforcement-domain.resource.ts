import { enforcementDomains } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';

export const enforcementDomainResource = defineResource({
  name: 'EnforcementDomain',
  table: enforcementDomains,
  label: { zh: '执法领域', en: 'Enforcement domain' },
  description: 'A field of enforcement such as 城市管理 or 市场监管; power items are grouped by it.',
  fields: {
    code: { label: { zh: '领域代码', en: 'Code' }, help: 'Short unique code, e.g. URBAN.' },
    name: { label: { zh: '名称', en: 'Name' }, help: 'Unique name, e.g. 城市管理.' },
    description: { label: { zh: '说明', en: 'Description' }, help: 'What the domain covers.' },
  },
  search: ['name', 'code'],
});
