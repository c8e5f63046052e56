import { inspections } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { MENU } from '../menu';

export const inspectionResource = defineResource({
  name: 'Inspection',
  ui: { title: 'title', group: MENU.supervision },
  table: inspections,
  label: { zh: '督导检查', en: 'Inspection' },
  description: {
    zh: '一个单位对另一个单位开展的督导、案卷评查或专项整治，发现的问题记为“发现问题”。',
    en: 'A supervision visit, case-file review or special campaign of one organization by another, whose problems are recorded as findings.',
  },
  fields: {
    title: {
      label: { zh: '检查名称', en: 'Title' },
      help: { zh: '如2025年上半年综合行政执法案卷评查。', en: 'E.g. 2025年上半年综合行政执法案卷评查.' },
    },
    kind: { label: { zh: '检查方式', en: 'Kind' } },
    inspectingOrganizationId: {
      label: { zh: '检查单位', en: 'Inspecting organization' },
      help: { zh: '一般为司法局督导组。', en: 'Usually the justice bureau’s supervision team.' },
    },
    inspectedOrganizationId: { label: { zh: '被检查单位', en: 'Inspected organization' } },
    inspectedOn: { label: { zh: '检查日期', en: 'Inspected on' } },
    note: { label: { zh: '备注', en: 'Note' } },
  },
  search: ['title', 'note'],
  attachments: {
    kinds: {
      INSPECTION_REPORT: { zh: '督导检查报告', en: 'Inspection report' },
      RECTIFICATION_NOTICE: { zh: '整改通知书', en: 'Rectification notice' },
    },
  },
  access: { writers: 'SUPERVISOR', owner: 'inspectedOrganizationId' },
  rules: [
    async ({ after, errors }) => {
      if (after.inspectingOrganizationId != null && after.inspectingOrganizationId === after.inspectedOrganizationId) {
        errors.add('inspectedOrganizationId', 'same', '检查单位与被检查单位不能相同', 'An organization does not inspect itself');
      }
    },
  ],
});
