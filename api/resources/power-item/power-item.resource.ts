import { powerItems } from '../../../drizzle/schema';
import { defineResource, rowIndependent } from '../../crud/resource';
import { COUNTY_KINDS, organizationKindRule } from '../rules';
import { MENU } from '../menu';

const SOURCE_DEPARTMENT = { zh: '原实施部门', en: 'Source department' };

export const powerItemResource = defineResource({
  name: 'PowerItem',
  ui: { title: 'name', group: MENU.catalog },
  table: powerItems,
  label: { zh: '执法事项', en: 'Power item' },
  description: {
    zh: '目录中所列的一项执法权力（行政处罚、行政检查、行政强制等）及其法律依据。',
    en: 'An enforcement power (a penalty, inspection, coercive measure …) with its legal basis, as listed in a catalog.',
  },
  fields: {
    codeScheme: {
      label: { zh: '编码规则', en: 'Code scheme' },
      help: {
        zh: '事项编码所遵循的编码规则（各省自有编码规则）；同一编码规则内事项编码唯一。',
        en: 'Whose numbering the code follows (provinces use their own schemes); code is unique within it.',
      },
    },
    code: {
      label: { zh: '事项编码', en: 'Item code' },
      help: { zh: '目录中印制的编码，按文本保存。', en: 'The code as printed in the catalog, kept as text.' },
    },
    name: {
      label: { zh: '事项名称', en: 'Name' },
      help: { zh: '目录中印制的名称，如对擅自占用城市道路的处罚。', en: 'Name as printed in the catalog, e.g. 对擅自占用城市道路的处罚.' },
    },
    parentId: {
      label: { zh: '主项', en: 'Parent item' },
      help: { zh: '子项所属的主项。', en: 'For a sub-item (子项): its main item (主项).' },
    },
    category: {
      label: { zh: '事项类型', en: 'Category' },
      help: { zh: '十类通用事项类型（01–10）之一。', en: 'One of the ten shared item types 01–10.' },
    },
    domainId: { label: { zh: '执法领域', en: 'Domain' } },
    sourceDepartmentId: {
      label: SOURCE_DEPARTMENT,
      help: {
        zh: '赋权前行使该权力的县直部门或垂管单位（原实施部门）。',
        en: 'The county department or vertical unit that exercised the power before delegation (原实施部门).',
      },
    },
    settingBasis: {
      label: { zh: '设定依据', en: 'Setting basis' },
      help: { zh: '设定该权力的法律及条款。', en: 'The law and article that create the power.' },
    },
    implementationBasis: {
      label: { zh: '实施依据', en: 'Implementation basis' },
      help: { zh: '规定如何行使该权力的法规或规章。', en: 'Regulations or rules on how it is exercised.' },
    },
    penaltyKinds: {
      label: { zh: '处罚种类', en: 'Penalty kinds' },
      help: { zh: '仅限行政处罚事项：依据所允许的处罚种类。', en: 'For penalty items only: the kinds of penalty the basis allows.' },
    },
    description: {
      label: { zh: '说明', en: 'Description' },
      help: { zh: '所涵盖的行为及职责边界。', en: 'Conduct covered and the boundary of duties.' },
    },
  },
  search: ['name', 'code', 'settingBasis'],
  spreadsheet: {
    // The headings of the catalogs counties publish.
    synonyms: {
      code: ['事项代码', '事项编码', '编码'],
      name: ['事项名称', '权力事项名称'],
      category: ['事项类别', '事项类型', '权力类型'],
      settingBasis: ['设定依据', '法律依据'],
      implementationBasis: ['实施依据'],
      sourceDepartmentId: ['划出部门', '实施主体', '原实施部门'],
      description: ['划转范围', '具体职责边界', '备注'],
    },
    key: ['codeScheme', 'code'],
    names: ['code', 'name'],
    groupRows: 'domainId',
    // The item's name says what kind of power it is (…的处罚, …检查, 查封/扣押).
    infer: {
      field: 'category',
      from: 'name',
      rules: [
        [/(的处罚|行政处罚)$/, 'PENALTY'],
        [/检查$/, 'INSPECTION'],
        [/(查封|扣押|强制)/, 'COERCION'],
      ],
    },
  },
  access: { writers: 'CATALOG_EDITOR' },
  treeParent: 'parentId',
  rules: [
    organizationKindRule('sourceDepartmentId', SOURCE_DEPARTMENT, COUNTY_KINDS),
    rowIndependent(async ({ after, errors }) => {
      const kinds = after.penaltyKinds as string[] | null;
      if (after.category !== 'PENALTY' && kinds?.length) {
        errors.add(
          'penaltyKinds',
          'category',
          '只有行政处罚事项才有处罚种类',
          'Only penalty items have penalty kinds',
        );
      }
    }),
  ],
});
