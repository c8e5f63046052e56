import { responsibilityEntries } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { MENU } from '../menu';

export const responsibilityEntryResource = defineResource({
  name: 'ResponsibilityEntry',
  ui: { display: ['organizationId', 'kind'], group: MENU.catalog },
  table: responsibilityEntries,
  label: { zh: '权责清单条目', en: 'Responsibility entry' },
  description: {
    zh: '机构权责清单（任务、责任、流程、标准四个清单，《镇平县行政执法改革与管理专项整治工作实施方案》）中的一条：应履行的职责、追责情形以及职责边界。',
    en: 'One line of an organization’s power/responsibility lists (任务、责任、流程、标准四个清单, 《镇平县行政执法改革与管理专项整治工作实施方案》): what it must do, when it is accountable, and where its duty ends.',
  },
  fields: {
    organizationId: {
      label: { zh: '责任主体', en: 'Organization' },
      help: { zh: '承担该责任的机构。', en: 'The body that bears the responsibility.' },
    },
    powerItemId: {
      label: { zh: '对应事项', en: 'Power item' },
      help: { zh: '本条目对应的执法事项（如有）。', en: 'The power item the entry concerns, if any.' },
    },
    kind: {
      label: { zh: '清单类别', en: 'Kind' },
      help: { zh: '本条目所属的清单（四个清单之一）。', en: 'Which of the four lists the entry belongs to.' },
    },
    responsibility: {
      label: { zh: '责任事项', en: 'Responsibility' },
      help: { zh: '该机构应履行的职责。', en: 'What the organization must do.' },
    },
    accountability: {
      label: { zh: '追责情形', en: 'Accountability' },
      help: { zh: '应当追究责任的情形。', en: 'When it is held accountable.' },
    },
    boundaryNote: {
      label: { zh: '职责边界', en: 'Boundary' },
      help: { zh: '审批部门监管职责与执法职责的分界。', en: 'Where supervision by the approving department ends and enforcement begins.' },
    },
  },
  search: ['responsibility', 'accountability', 'boundaryNote'],
  access: { writers: 'CATALOG_EDITOR', owner: 'organizationId' },
});
