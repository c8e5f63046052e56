import { eq } from 'drizzle-orm';
import { findingEscalations, findings } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { today } from '../../dates';
import { findingResource, STATUS_LABELS } from '../finding/finding.resource';
import { MENU } from '../menu';


export const findingEscalationResource = defineResource({
  name: 'FindingEscalation',
  ui: { display: ['findingId', 'level', 'escalatedOn'], group: MENU.supervision },
  table: findingEscalations,
  label: { zh: '督办记录', en: 'Escalation' },
  description: {
    zh: '对发现问题采取的一次督办措施（提醒函、通报、约谈、挂牌督办、移送纪委），含督办日期和说明。督办记录只能追加，不能修改或删除；最新一条即为该问题当前的督办措施。',
    en: 'One step of escalation of a finding (提醒函, 通报, 约谈, 挂牌督办, 移送纪委), with its date and note. The history is append-only: entries are never edited or deleted, and the latest one becomes the finding’s current escalation.',
  },
  fields: {
    findingId: {
      label: { zh: '发现问题', en: 'Finding' },
      // The finding's page lists its escalations itself, with the escalate button beside them.
      ui: { related: false },
    },
    level: { label: { zh: '督办措施', en: 'Escalation' } },
    escalatedOn: { label: { zh: '督办日期', en: 'Escalated on' }, help: { zh: '不能晚于今天。', en: 'Not in the future.' } },
    note: {
      label: { zh: '督办说明', en: 'Note' },
      help: { zh: '由谁采取了什么措施，如通报的文号。', en: 'What was done and by whom, e.g. the circular’s document number.' },
    },
  },
  search: ['note'],
  access: { writers: 'SUPERVISOR', owner: { via: 'findingId', field: 'responsibleOrganizationId' } },
  appendOnly: true,
  rules: [
    async ({ tx, after, errors }) => {
      if (after.level === 'NONE') {
        errors.add('level', 'enum', '请选择督办措施', 'Choose an escalation step');
      }
      if (typeof after.escalatedOn === 'string' && !errors.has('escalatedOn') && after.escalatedOn > today()) {
        errors.add('escalatedOn', 'future', '督办日期不能晚于今天', 'The escalation date cannot be in the future');
      }
      if (errors.has('findingId')) return;
      // The finding is held from here until the commit (the effect below writes its escalation): a
      // verification under way is waited for and judged as written, and two escalations of one finding
      // are made one after the other rather than each waiting for the other.
      const [finding] = await tx.select({ status: findings.status }).from(findings).where(eq(findings.id, after.findingId as number)).for('update');
      if (finding?.status === 'VERIFIED') {
        errors.add(
          'findingId',
          'state',
          `该问题已${STATUS_LABELS.VERIFIED.zh}，无需督办`,
          `The finding is already ${STATUS_LABELS.VERIFIED.en}; there is nothing to escalate`,
        );
      }
    },
  ],
  effects: [
    // The finding shows its latest escalation; an entry back-dated before it does not replace it.
    async ({ records, tx, row }) => {
      const findings = records.of(findingResource);
      const finding = await findings.getForUpdate(tx, row.findingId);
      if (finding.escalatedOn && (finding.escalatedOn as string) > (row.escalatedOn as string)) return;
      await findings.write(tx, finding.id, { escalation: row.level, escalatedOn: row.escalatedOn }, finding);
    },
  ],
});
