import { eq } from 'drizzle-orm';
import { certificateEvents, certificates, enumDefinitions } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { certificateResource } from '../certificate/certificate.resource';
import { EVENT_EFFECT, latestEvent, NEEDS_REASON, statusAfter } from './certificate-history';
import { MENU } from '../menu';

const kinds = enumDefinitions.get('certificate_event_kind')!.values;
const statuses = enumDefinitions.get('certificate_status')!.values;

export const certificateEventResource = defineResource({
  name: 'CertificateEvent',
  ui: { display: ['certificateId', 'kind', 'occurredOn'], group: MENU.hr },
  table: certificateEvents,
  label: { zh: '证件记录', en: 'Certificate event' },
  description: {
    zh: '执法证的一次事项：发证、年审、暂扣、恢复、注销、吊销、遗失登报，含日期和原因。证件记录只能追加，不能修改或删除；每条记录按其事项设置证件状态（年审不合格即暂扣，再次合格后恢复）。人员调出或退休时自动注销其证件；公共法律知识考试不合格时自动暂扣。',
    en: 'One event of an enforcement certificate: issue, annual review, suspension, restoration, cancellation, revocation, loss published (登报), with its date and reason. The history is append-only; each event sets the certificate’s status (a failed annual review suspends it until a later pass). A completed departure or retirement cancels the person’s certificates, and a failed general-law exam suspends them, by appending events.',
  },
  fields: {
    certificateId: { label: { zh: '执法证', en: 'Certificate' } },
    kind: { label: { zh: '事项', en: 'Event' } },
    occurredOn: {
      label: { zh: '日期', en: 'Date' },
      help: { zh: '不能早于发证日期和此证上一条记录的日期。', en: 'Not before the issue date nor the certificate’s previous event.' },
    },
    passed: {
      label: { zh: '年审合格', en: 'Review passed' },
      help: {
        zh: '年审（执法证件注册培训考试）时必填：不合格的暂扣证件，此后年审合格即恢复。其他事项留空。',
        en: 'Required for an annual review (the certificate registration exam): a failure suspends the certificate until a later passed review. Empty for other events.',
      },
    },
    reason: {
      label: { zh: '原因', en: 'Reason' },
      help: { zh: '暂扣、注销、吊销时必填，如“调离执法岗位”。', en: 'Required for a suspension, cancellation or revocation, e.g. 调离执法岗位.' },
    },
    documentNumber: { label: { zh: '文号', en: 'Document number' }, help: { zh: '决定或登报声明的文号、版面。', en: 'The decision’s number, or the newspaper notice.' } },
    transferId: {
      label: { zh: '相关调动', en: 'Transfer' },
      help: { zh: '因调出或退休注销时，办结的调动；自动填写。', en: 'The completed departure or retirement that cancelled it; set by the server.' },
      readOnly: true,
    },
    trainingAttendanceId: {
      label: { zh: '相关考试', en: 'Exam' },
      help: {
        zh: '因公共法律知识考试不合格暂扣、再次合格恢复时，该次参训记录；自动填写。',
        en: 'The general-law exam (an attendance) whose failure suspended or whose pass restored it; set by the server.',
      },
      readOnly: true,
    },
  },
  search: ['reason', 'documentNumber'],
  access: { writers: 'HR', owner: { via: 'certificateId', field: { via: 'staffMemberId', field: 'organizationId' } } },
  appendOnly: true,
  rules: [
    async ({ tx, after, errors }) => {
      const kind = after.kind as string;
      if (kind === 'ANNUAL_REVIEW' && (after.passed === null || after.passed === undefined)) {
        errors.add('passed', 'required', '年审须填写是否合格', 'An annual review needs its result');
      }
      if (kind !== 'ANNUAL_REVIEW' && after.passed !== null && after.passed !== undefined) {
        errors.add('passed', 'kind', '只有年审填写是否合格', 'Only an annual review has a result');
      }
      if (NEEDS_REASON.has(kind) && !String(after.reason ?? '').trim()) {
        errors.add('reason', 'required', `${kinds[kind].zh}须填写原因`, `A ${kinds[kind].en.toLowerCase()} event needs a reason`);
      }
      if (errors.has('certificateId') || errors.has('kind')) return;
      // The certificate is held from here until the commit (its status is then written by the
      // effect below): two events of one certificate sent at once are judged one after the other,
      // the later on the status the earlier left. Unheld, both were judged on the same status
      // (a revoked certificate could be restored), or each waited for the other.
      const [certificate] = await tx
        .select({ status: certificates.status, issuedOn: certificates.issuedOn, number: certificates.number })
        .from(certificates)
        .where(eq(certificates.id, after.certificateId as number))
        .for('update');
      if (!certificate) return;
      const last = await latestEvent(tx, after.certificateId as number);
      if (kind === 'ISSUED' ? last : !EVENT_EFFECT[kind].from.includes(certificate.status)) {
        const state = statuses[certificate.status];
        errors.add(
          'kind',
          'state',
          kind === 'ISSUED' ? `执法证 ${certificate.number} 已有记录，发证应为第一条` : `执法证 ${certificate.number} 当前为“${state.zh}”，不能${kinds[kind].zh}`,
          kind === 'ISSUED'
            ? `Certificate ${certificate.number} already has a history; the issue is its first event`
            : `Certificate ${certificate.number} is ${state.en.toLowerCase()}; it cannot be ${kinds[kind].en.toLowerCase()}`,
        );
      }
      const day = after.occurredOn as string;
      if (typeof day !== 'string' || errors.has('occurredOn')) return;
      if (day < certificate.issuedOn) {
        errors.add('occurredOn', 'range', `日期不能早于发证日期 ${certificate.issuedOn}`, `The date cannot be before the issue date ${certificate.issuedOn}`);
      } else if (last && day < last.occurredOn) {
        errors.add(
          'occurredOn',
          'order',
          `日期不能早于此证上一条记录（${kinds[last.kind].zh}，${last.occurredOn}）`,
          `The date cannot be before the certificate’s previous event (${kinds[last.kind].en}, ${last.occurredOn})`,
        );
      }
    },
  ],
  effects: [
    // The event sets the certificate's status, so the status is always the history's last word.
    async ({ records, tx, row }) => {
      const service = records.of(certificateResource);
      const certificate = await service.getForUpdate(tx, row.certificateId);
      const status = await statusAfter(
        tx,
        { kind: row.kind as string, passed: row.passed as boolean | null, certificateId: certificate.id },
        certificate.status as string,
      );
      if (status !== certificate.status) await service.write(tx, certificate.id, { status }, certificate);
    },
  ],
});
