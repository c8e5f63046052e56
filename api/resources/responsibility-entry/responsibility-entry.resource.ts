import { responsibilityEntries } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';

export const responsibilityEntryResource = defineResource({
  name: 'ResponsibilityEntry',
  table: responsibilityEntries,
  label: { zh: '权责清单条目', en: 'Responsibility entry' },
  description:
    'One line of an organization’s power/responsibility lists (任务、责任、流程、标准四个清单, seed 004): what it must do, when it is accountable, and where its duty ends.',
  fields: {
    organizationId: { label: { zh: '责任主体', en: 'Organization' }, help: 'The body that bears the responsibility.' },
    powerItemId: { label: { zh: '对应事项', en: 'Power item' }, help: 'The power item the entry concerns, if any.' },
    kind: { label: { zh: '清单类别', en: 'Kind' }, help: 'Which of the four lists the entry belongs to.' },
    responsibility: { label: { zh: '责任事项', en: 'Responsibility' }, help: 'What the organization must do.' },
    accountability: { label: { zh: '追责情形', en: 'Accountability' }, help: 'When it is held accountable.' },
    boundaryNote: {
      label: { zh: '职责边界', en: 'Boundary' },
      help: 'Where supervision by the approving department ends and enforcement begins.',
    },
  },
  search: ['responsibility', 'accountability', 'boundaryNote'],
});
