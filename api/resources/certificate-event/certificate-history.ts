import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { certificateEvents, certificates } from '../../../drizzle/schema';
import type { Tx } from '../../db';

// What each event of a certificate's history does to its status, written once for the event's
// rules, its effect and the operations (a departure, an exam) that append events.

type Status = 'VALID' | 'SUSPENDED' | 'CANCELLED' | 'REVOKED' | 'LOST';

/**
 * The statuses an event may follow, and the status it leaves (null: unchanged). The issue is the
 * first event of a history, if recorded; a certificate is entered with the status it has then.
 */
export const EVENT_EFFECT: Record<string, { from: Status[]; to: Status | null }> = {
  ISSUED: { from: [], to: null },
  ANNUAL_REVIEW: { from: ['VALID', 'SUSPENDED'], to: null },
  SUSPENDED: { from: ['VALID'], to: 'SUSPENDED' },
  RESTORED: { from: ['SUSPENDED'], to: 'VALID' },
  CANCELLED: { from: ['VALID', 'SUSPENDED', 'LOST'], to: 'CANCELLED' },
  REVOKED: { from: ['VALID', 'SUSPENDED'], to: 'REVOKED' },
  LOSS_PUBLISHED: { from: ['VALID', 'SUSPENDED'], to: 'LOST' },
};

/** Events that must say why (a suspension, a cancellation, a revocation). */
export const NEEDS_REASON = new Set(['SUSPENDED', 'CANCELLED', 'REVOKED']);

/** Statuses after which a certificate is still held: a departure or retirement cancels these. */
export const HELD: Status[] = ['VALID', 'SUSPENDED'];

/** The latest event of a certificate (by date, then by order of entry). */
export async function latestEvent(tx: Tx, certificateId: number) {
  const [last] = await tx
    .select()
    .from(certificateEvents)
    .where(eq(certificateEvents.certificateId, certificateId))
    .orderBy(desc(certificateEvents.occurredOn), desc(certificateEvents.id))
    .limit(1);
  return last;
}

/**
 * Why a suspended certificate is suspended, if it is for an exam: the event that set the status was
 * a failed annual review (年审/资格考试) or a suspension for a failed general-law exam. Such a
 * suspension lasts until a later pass of the same exam (《镇平县行政执法改革与管理专项整治工作实施方案》：
 * 不合格人员暂扣执法证件).
 */
export async function examSuspension(tx: Tx, certificateId: number): Promise<'REVIEW' | 'GENERAL_LAW' | null> {
  const [setter] = await tx
    .select({ kind: certificateEvents.kind, passed: certificateEvents.passed, attendance: certificateEvents.trainingAttendanceId })
    .from(certificateEvents)
    .where(
      and(
        eq(certificateEvents.certificateId, certificateId),
        or(inArray(certificateEvents.kind, ['SUSPENDED', 'RESTORED', 'ISSUED']), and(eq(certificateEvents.kind, 'ANNUAL_REVIEW'), eq(certificateEvents.passed, false))),
      ),
    )
    .orderBy(desc(certificateEvents.occurredOn), desc(certificateEvents.id))
    .limit(1);
  if (!setter) return null;
  if (setter.kind === 'ANNUAL_REVIEW') return 'REVIEW';
  if (setter.kind === 'SUSPENDED' && setter.attendance !== null) return 'GENERAL_LAW';
  return null;
}

/** The status an event leaves the certificate in, given its status before. */
export async function statusAfter(tx: Tx, event: { kind: string; passed: boolean | null; certificateId: number }, before: string): Promise<string> {
  if (event.kind === 'ANNUAL_REVIEW') {
    if (event.passed === false) return 'SUSPENDED';
    if (before === 'SUSPENDED' && (await examSuspension(tx, event.certificateId)) === 'REVIEW') return 'VALID';
    return before;
  }
  return EVENT_EFFECT[event.kind].to ?? before;
}

/** The person's certificates still held (valid or suspended), for a departure or a retirement to cancel. */
export async function heldCertificates(tx: Tx, staffMemberId: number) {
  return tx
    .select({ id: certificates.id, number: certificates.number, status: certificates.status })
    .from(certificates)
    .where(and(eq(certificates.staffMemberId, staffMemberId), inArray(certificates.status, HELD)))
    .orderBy(certificates.id);
}

/** The person's certificates suspended for a failed general-law exam, for a later pass to restore. */
export async function suspendedForGeneralLaw(tx: Tx, staffMemberId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: certificates.id })
    .from(certificates)
    .where(and(eq(certificates.staffMemberId, staffMemberId), eq(certificates.status, 'SUSPENDED')));
  const out: number[] = [];
  for (const r of rows) if ((await examSuspension(tx, r.id)) === 'GENERAL_LAW') out.push(r.id);
  return out;
}
