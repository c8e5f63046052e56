import { sql } from 'drizzle-orm';
import { enumDefinitions, findingEscalations, findings, inspections } from '../../../drizzle/schema';
import { config } from '../../config';
import { defineResource, derive } from '../../crud/resource';
import { addDays, today } from '../../dates';
import { findingResolvers } from './finding.resolver';
import { MENU } from '../menu';

/** The one step forward each status may take; going back is sendBackFinding's, with a reason. */
const NEXT: Record<string, string | undefined> = { OPEN: 'RECTIFYING', RECTIFYING: 'RECTIFIED', RECTIFIED: 'VERIFIED' };
/** The status names of the enum's declaration, lower-cased in English for use inside a sentence. */
export const STATUS_LABELS: Record<string, { zh: string; en: string }> = Object.fromEntries(
  Object.entries(enumDefinitions.get('finding_status')!.values).map(([k, l]) => [k, { zh: l.zh, en: l.en.toLowerCase() }]),
);

/** Past its due date and not yet rectified. */
export const findingOverdue = () => sql`(${findings.status} in ('OPEN', 'RECTIFYING') and ${findings.dueDate} < ${today()})`;

/**
 * Of the highest severity, not yet verified, with no 挂牌督办 in its history, and its inspection
 * more than the configured days ago.
 */
export const flaggingOverdue = () => sql`(${findings.severity} = 'SERIOUS' and ${findings.status} <> 'VERIFIED'
  and not exists (select 1 from ${findingEscalations} where ${findingEscalations.findingId} = ${findings.id} and ${findingEscalations.level} = 'FLAGGED')
  and (select ${inspections.inspectedOn} from ${inspections} where ${inspections.id} = ${findings.inspectionId}) < ${addDays(today(), -config.flaggedSupervisionDays)})`;

export const findingResource = defineResource({
  name: 'Finding',
  ui: { title: 'description', group: MENU.supervision },
  table: findings,
  label: { zh: '发现问题', en: 'Finding' },
  description: {
    zh: '督导检查中发现的问题，含整改措施和整改时限。整改状态只能向前推进：待整改 → 整改中 → 已整改 → 已核验；核验不合格的，由核验人“退回整改”。督办措施以督办记录追加。',
    en: 'A problem found by an inspection, with the measures and deadline for fixing it. Its status only moves forward, OPEN → RECTIFYING → RECTIFIED → VERIFIED; a verifier sends an unsatisfactory one back with sendBackFinding. Escalations are appended as FindingEscalation records.',
  },
  fields: {
    inspectionId: { label: { zh: '督导检查', en: 'Inspection' } },
    responsibleOrganizationId: { label: { zh: '责任单位', en: 'Responsible organization' } },
    area: { label: { zh: '问题领域', en: 'Area' }, help: { zh: '《镇平县行政执法改革与管理专项整治工作实施方案》所列四个方面之一。', en: 'One of the four areas named in 《镇平县行政执法改革与管理专项整治工作实施方案》.' } },
    severity: { label: { zh: '严重程度', en: 'Severity' } },
    description: { label: { zh: '问题描述', en: 'Description' } },
    measures: {
      label: { zh: '整改措施', en: 'Measures' },
      help: { zh: '开始整改前必须填写。', en: 'Required before rectification starts.' },
    },
    responsiblePerson: { label: { zh: '整改责任人', en: 'Responsible person' }, personal: true },
    dueDate: {
      label: { zh: '整改时限', en: 'Due date' },
      help: { zh: '超过整改时限仍未整改的，即为逾期未整改。', en: 'Past it and not rectified, the finding is overdue.' },
    },
    status: {
      label: { zh: '整改状态', en: 'Status' },
      help: {
        zh: '逐步向前推进：待整改 → 整改中 → 已整改 → 已核验。',
        en: 'Moves one step forward at a time: OPEN → RECTIFYING → RECTIFIED → VERIFIED.',
      },
    },
    rectifiedOn: {
      label: { zh: '整改完成日期', en: 'Rectified on' },
      help: { zh: '整改状态变为已整改时自动填写。', en: 'Set when the status becomes RECTIFIED.' },
      readOnly: true,
    },
    verifiedOn: {
      label: { zh: '核验日期', en: 'Verified on' },
      help: { zh: '整改状态变为已核验时自动填写。', en: 'Set when the status becomes VERIFIED.' },
      readOnly: true,
    },
    sentBackCount: { label: { zh: '退回次数', en: 'Times sent back' }, readOnly: true },
    lastSendBackReason: { label: { zh: '最近退回理由', en: 'Last send-back reason' }, readOnly: true },
    escalation: {
      label: { zh: '督办措施', en: 'Escalation' },
      help: {
        zh: '该问题最近追加的督办措施；尚未督办时为无。',
        en: 'The latest escalation appended for this finding; NONE until one is.',
      },
      readOnly: true,
    },
    escalatedOn: { label: { zh: '督办日期', en: 'Escalated on' }, readOnly: true },
  },
  search: ['description', 'measures', 'responsiblePerson'],
  attachments: {
    kinds: {
      RECTIFICATION_REPORT: { zh: '整改报告', en: 'Rectification report' },
      EVIDENCE: { zh: '佐证材料', en: 'Supporting evidence' },
    },
  },
  access: { writers: 'SUPERVISOR', owner: ['responsibleOrganizationId', { via: 'inspectionId', field: 'inspectedOrganizationId' }] },
  computed: {
    overdue: {
      label: { zh: '逾期未整改', en: 'Overdue' },
      help: { zh: '已过整改时限且尚未整改完成（待整改或整改中）。', en: 'Past the due date and not yet rectified (OPEN or RECTIFYING).' },
      type: 'boolean',
      sql: findingOverdue,
    },
    flaggingOverdue: {
      label: { zh: '逾期未挂牌督办', en: 'Not flagged in time' },
      help: {
        zh: `严重问题自检查之日起 ${config.flaggedSupervisionDays} 日内（可配置）未追加“挂牌督办”督办记录且尚未核验时为“是”（《镇平县行政执法改革与管理专项整治工作实施方案》：对性质严重、影响恶劣的问题实行挂牌督办）。`,
        en: `True for a serious finding, not yet verified, without a 挂牌督办 escalation ${config.flaggedSupervisionDays} days (configurable) after its inspection (《镇平县行政执法改革与管理专项整治工作实施方案》: 对性质严重、影响恶劣的问题实行挂牌督办).`,
      },
      type: 'boolean',
      beside: 'escalation',
      sql: flaggingOverdue,
    },
  },
  rules: [
    async (ctx) => {
      const { before, after, errors } = ctx;
      const from = (before?.status as string | undefined) ?? 'OPEN';
      const to = after.status as string;
      if (errors.has('status') || to === from) return;
      if (!before && to !== 'OPEN') {
        errors.add('status', 'transition', '新发现的问题状态应为待整改', 'A new finding starts as OPEN');
        return;
      }
      if (NEXT[from] !== to) {
        const back = Object.keys(NEXT).indexOf(to) < Object.keys(NEXT).indexOf(from) || from === 'VERIFIED';
        errors.add(
          'status',
          'transition',
          back
            ? `整改状态不能从“${STATUS_LABELS[from].zh}”退回“${STATUS_LABELS[to].zh}”；核验不通过请用“退回整改”并说明理由`
            : `整改状态只能逐步推进：“${STATUS_LABELS[from].zh}”之后是“${STATUS_LABELS[NEXT[from]!].zh}”`,
          back
            ? `Status cannot go back from ${STATUS_LABELS[from].en} to ${STATUS_LABELS[to].en}; a verifier uses sendBackFinding with a reason`
            : `Status moves one step at a time: after ${STATUS_LABELS[from].en} comes ${STATUS_LABELS[NEXT[from] ?? from].en}`,
        );
        return;
      }
      if (to === 'RECTIFYING' && !after.measures) {
        errors.add('measures', 'required', '开始整改前须填写整改措施', 'Give the measures before rectification starts');
      }
      if (to === 'RECTIFIED') derive(ctx, 'rectifiedOn', today());
      if (to === 'VERIFIED') derive(ctx, 'verifiedOn', today());
    },
  ],
  presets: {
    overdueFindings: {
      description: '逾期未整改 (Overdue findings): past the due date and not rectified, earliest due first.',
      filter: { overdue: true },
      sortField: 'dueDate',
    },
    unflaggedSeriousFindings: {
      description: '逾期未挂牌督办 (Serious findings not flagged in time): no 挂牌督办 within the configured days of their inspection, not yet verified.',
      filter: { flaggingOverdue: true },
      sortField: 'id',
    },
  },
  resolvers: findingResolvers,
});
