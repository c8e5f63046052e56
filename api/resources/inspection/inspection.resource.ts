import { sql } from 'drizzle-orm';
import { findings, inspections } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { MENU } from '../menu';

export const inspectionResource = defineResource({
  name: 'Inspection',
  ui: { title: 'title', group: MENU.supervision },
  table: inspections,
  label: { zh: '督导检查', en: 'Inspection' },
  description: {
    zh: '一个单位对另一个单位开展的督导、案卷评查或专项整治，或一个单位的自查自纠（检查单位即被检查单位），发现的问题记为“发现问题”（自查自纠的问题清单）。案卷评查记录评查案卷数及各等次案卷数。',
    en: 'A supervision visit, case-file review or special campaign of one organization by another, or an organization’s self-inspection (自查自纠, inspecting itself); its problems are recorded as findings (a self-inspection’s problem list). A case-file review records the files reviewed and their grades.',
  },
  fields: {
    title: {
      label: { zh: '检查名称', en: 'Title' },
      help: { zh: '如2025年上半年综合行政执法案卷评查。', en: 'E.g. 2025年上半年综合行政执法案卷评查.' },
    },
    kind: { label: { zh: '检查方式', en: 'Kind' } },
    inspectingOrganizationId: {
      label: { zh: '检查单位', en: 'Inspecting organization' },
      help: {
        zh: '一般为司法局督导组；自查自纠时为被检查单位本身。',
        en: 'Usually the justice bureau’s supervision team; for a self-inspection, the inspected organization itself.',
      },
    },
    inspectedOrganizationId: { label: { zh: '被检查单位', en: 'Inspected organization' } },
    inspectedOn: { label: { zh: '检查日期', en: 'Inspected on' } },
    filesReviewed: {
      label: { zh: '评查案卷数', en: 'Files reviewed' },
      help: { zh: '案卷评查时必填：本次评查的执法案卷数。其他检查方式不填。', en: 'Required for a case-file review: the case files reviewed. Empty for other kinds.' },
      min: 0,
    },
    filesExcellent: {
      label: { zh: '优秀案卷数', en: 'Files graded excellent' },
      help: { zh: '案卷评查评为优秀的案卷数；四个等次之和应等于评查案卷数。', en: 'Files graded excellent; the four grades add up to the files reviewed.' },
      min: 0,
    },
    filesGood: {
      label: { zh: '良好案卷数', en: 'Files graded good' },
      help: { zh: '案卷评查评为良好的案卷数。', en: 'Files graded good.' },
      min: 0,
    },
    filesPassed: {
      label: { zh: '合格案卷数', en: 'Files graded pass' },
      help: { zh: '案卷评查评为合格的案卷数。', en: 'Files graded pass.' },
      min: 0,
    },
    filesFailed: {
      label: { zh: '不合格案卷数', en: 'Files graded fail' },
      help: { zh: '案卷评查评为不合格的案卷数。', en: 'Files graded fail.' },
      min: 0,
    },
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
  computed: {
    zeroReport: {
      label: { zh: '问题零报告', en: 'Zero problems reported' },
      help: {
        zh: '自查自纠未列出任何问题时为“是”，该单位列入重点督查（《镇平县行政执法改革与管理专项整治工作实施方案》：对自查发现问题较少、问题零报告……的单位重点督查）。',
        en: 'True for a self-inspection that lists no problem: the organization is listed for targeted inspection (《镇平县行政执法改革与管理专项整治工作实施方案》: 问题零报告…重点督查).',
      },
      type: 'boolean',
      sql: () => sql`(${inspections.kind} = 'SELF_INSPECTION' and not exists (select 1 from ${findings} where ${findings.inspectionId} = ${inspections.id}))`,
    },
  },
  presets: {
    zeroReportSelfInspections: {
      description:
        '问题零报告 (Self-inspections that listed no problem): their organizations are listed for targeted inspection (重点督查), latest first.',
      filter: { zeroReport: true },
      sortField: 'inspectedOn',
      sortOrder: 'DESC',
    },
  },
  rules: [
    async ({ after, errors }) => {
      const self = after.kind === 'SELF_INSPECTION';
      const same = after.inspectingOrganizationId != null && after.inspectingOrganizationId === after.inspectedOrganizationId;
      if (!self && same) {
        errors.add('inspectedOrganizationId', 'same', '检查单位与被检查单位不能相同（自查自纠除外）', 'An organization does not inspect itself, except in a self-inspection');
      }
      if (self && !same && after.inspectingOrganizationId != null && after.inspectedOrganizationId != null) {
        errors.add('inspectingOrganizationId', 'self', '自查自纠的检查单位应为被检查单位本身', 'In a self-inspection the inspecting organization is the inspected one');
      }
    },
    // A case-file review says how many files it read and how they were graded; nothing else does.
    async ({ after, errors }) => {
      const grades = ['filesExcellent', 'filesGood', 'filesPassed', 'filesFailed'];
      const fields = ['filesReviewed', ...grades];
      if (fields.some((f) => errors.has(f))) return;
      if (after.kind !== 'CASE_REVIEW') {
        for (const f of fields.filter((k) => after[k] != null)) {
          errors.add(f, 'notApplicable', '仅案卷评查填写评查案卷数及等次', 'Only a case-file review records files reviewed and grades');
        }
        return;
      }
      const reviewed = after.filesReviewed as number | null;
      if (reviewed == null || reviewed < 1) {
        errors.add('filesReviewed', 'required', '案卷评查须填写评查案卷数（至少1卷）', 'A case-file review records the files reviewed (at least one)');
        return;
      }
      const graded = grades.reduce((n, g) => n + ((after[g] as number | null) ?? 0), 0);
      if (graded !== reviewed) {
        errors.add('filesFailed', 'sum', `各等次案卷数之和（${graded}）应等于评查案卷数（${reviewed}）`, `The grades (${graded}) must add up to the files reviewed (${reviewed})`);
      }
    },
  ],
});
