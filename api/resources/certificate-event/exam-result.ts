import { and, eq, lte } from 'drizzle-orm';
import { certificates, trainingSessions } from '../../../drizzle/schema';
import type { WriteContext, Row } from '../../crud/resource';
import { certificateEventResource } from './certificate-event.resource';
import { latestEvent, suspendedForGeneralLaw } from './certificate-history';

/**
 * A general-law exam's result is its attendance's `passed` on a general-law session (公共法律知识培训
 * 考试). A failure suspends the person's certificates held on the exam day; a later pass restores
 * those it suspended (《镇平县行政执法改革与管理专项整治工作实施方案》：合格人员发放结业证，准予从事执法活动。
 * 不合格人员暂扣执法证件，不准从事执法工作). Each is a dated event of the certificate's history.
 */
export async function applyGeneralLawExam({ records, tx, before, row }: WriteContext & { row: Row }): Promise<void> {
  if (row.passed === null || (before && before.passed === row.passed)) return;
  const [session] = await tx
    .select({ kind: trainingSessions.kind, title: trainingSessions.title, startsOn: trainingSessions.startsOn, endsOn: trainingSessions.endsOn })
    .from(trainingSessions)
    .where(eq(trainingSessions.id, row.sessionId as number));
  if (session?.kind !== 'GENERAL_LAW') return;
  const day = session.endsOn ?? session.startsOn;
  const events = records.of(certificateEventResource);
  const staffMemberId = row.staffMemberId as number;
  const kept = { trainingAttendanceId: row.id };
  if (row.passed === false) {
    const held = await tx
      .select({ id: certificates.id })
      .from(certificates)
      .where(and(eq(certificates.staffMemberId, staffMemberId), eq(certificates.status, 'VALID'), lte(certificates.issuedOn, day)))
      .orderBy(certificates.id);
    for (const { id } of held) {
      const last = await latestEvent(tx, id);
      const occurredOn = last && last.occurredOn > day ? last.occurredOn : day;
      await events.create(tx, { certificateId: id, kind: 'SUSPENDED', occurredOn, reason: `公共法律知识考试不合格：${session.title}`.slice(0, 500) }, kept);
    }
    return;
  }
  for (const id of await suspendedForGeneralLaw(tx, staffMemberId)) {
    const last = await latestEvent(tx, id);
    const occurredOn = last && last.occurredOn > day ? last.occurredOn : day;
    await events.create(tx, { certificateId: id, kind: 'RESTORED', occurredOn, reason: `公共法律知识考试合格：${session.title}`.slice(0, 500) }, kept);
  }
}

