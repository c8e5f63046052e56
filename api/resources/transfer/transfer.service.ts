import { and, eq, isNull } from 'drizzle-orm';
import { postings, staffMembers, transfers as transferTable } from '../../../drizzle/schema';
import type { Tx } from '../../db';
import { dayBefore } from '../../dates';
import { conflict, FieldErrors, forbidden } from '../../errors';
import type { Records } from '../../crud/records';
import { postingResource } from '../posting/posting.resource';
import { staffMemberResource } from '../staff-member/staff-member.resource';
import { transferResource } from './transfer.resource';
import { certificateEventResource } from '../certificate-event/certificate-event.resource';
import { heldCertificates } from '../certificate-event/certificate-history';
import { rowOf, type Row } from '../../crud/resource';
import { currentActor } from '../../auth/actor';
import { crossesOrganizations, TRANSFER_RULE } from './transfer-rules';

const STATUS_AFTER: Record<string, string> = {
  REASSIGNMENT: 'ON_DUTY',
  SECONDMENT: 'SECONDED',
  RETURN: 'ON_DUTY',
  RECRUITMENT: 'ON_DUTY',
  DEPARTURE: 'LEFT',
  RETIREMENT: 'RETIRED',
};

/** The kinds that end the person's service here: no new posting, and their certificates are cancelled. */
const LEAVING = new Set(['DEPARTURE', 'RETIREMENT']);

function stateError(zh: string, en: string) {
  return conflict('STATE', { zh, en });
}

function pending(transfer: Row) {
  if (transfer.status === 'PENDING') return undefined;
  return stateError(
    `调动（编号 ${transfer.id}）已${transfer.status === 'COMPLETED' ? '办结' : '取消'}，不能再办理`,
    `Transfer ${transfer.id} is already ${String(transfer.status).toLowerCase()}`,
  );
}

/**
 * Carries out a pending transfer in the caller's transaction: the open posting ends the day before
 * the transfer takes effect, the new posting opens on that day, and the person's organization and
 * status follow. Each step goes through the records' own rules (a new enforcement post still needs
 * a valid certificate), and any refusal undoes the steps before it with the transaction.
 */
export async function completeTransfer(records: Records, tx: Tx, id: unknown, version?: number | null): Promise<Row> {
  const transfers = records.of(transferResource);
  const transfer = rowOf(transferTable, await transfers.claim(tx, id, { version, state: pending }));
  const staff = records.of(staffMemberResource);
  const postingService = records.of(postingResource);
  // The open posting before the person, in the order an edit of that posting takes them (the
  // posting, then its person, held by the posting's rules): in the other order the two could each
  // wait for the other. A posting opened meanwhile (which holds the person until it commits) is not
  // in `open`, but the new posting below is then refused by the one-post rule, which reads it.
  const [open] = await tx
    .select()
    .from(postings)
    .where(and(eq(postings.staffMemberId, transfer.staffMemberId as number), isNull(postings.endedOn)))
    .for('update');
  const person = rowOf(staffMembers, await staff.getForUpdate(tx, transfer.staffMemberId));
  const { kind, effectiveDate: effective } = transfer;
  // A return goes back to where the person's establishment stayed during the secondment.
  const home = open ? (open.quotaOrganizationId ?? open.organizationId) : null;

  // Who may complete comes before whether it can be: drafted by either side, a move between two
  // organizations is completed at county level.
  const destination = kind === 'RETURN' ? (transfer.toOrganizationId ?? home) : transfer.toOrganizationId;
  if (currentActor()?.local && crossesOrganizations(transfer.fromOrganizationId, destination)) {
    throw forbidden(TRANSFER_RULE.zh, TRANSFER_RULE.en);
  }

  if (person.status === 'LEFT' || person.status === 'RETIRED') {
    const gone = person.status === 'LEFT' ? { zh: '已调出', en: 'has left' } : { zh: '已退休', en: 'has retired' };
    throw stateError(`${person.name}${gone.zh}，不能再办理调动`, `${person.name} ${gone.en}; no further transfer applies`);
  }
  if (kind === 'RECRUITMENT' && open) {
    throw stateError(`${person.name}已有在任岗位，不能按招录办理`, `${person.name} already holds a post; a recruitment opens the first one`);
  }
  if (kind !== 'RECRUITMENT' && !open) {
    throw stateError(`${person.name}当前没有在任岗位，无从调动`, `${person.name} holds no open post to move from`);
  }
  if (kind === 'RETURN' && person.status !== 'SECONDED') {
    throw stateError(`${person.name}不在借调中，无需归位`, `${person.name} is not seconded; there is nothing to return from`);
  }
  if (kind === 'SECONDMENT' && person.status !== 'ON_DUTY') {
    throw stateError(`${person.name}正在借调中，请先办理归位`, `${person.name} is already seconded; complete the return first`);
  }
  if (kind !== 'RECRUITMENT' && transfer.fromOrganizationId !== person.organizationId) {
    throw stateError(
      `拟调动后${person.name}的所在机构已变化，请核对调出机构后重新办理`,
      `${person.name} has moved since this transfer was drafted; check its from organization`,
    );
  }

  let to = transfer.toOrganizationId;
  if (kind === 'RETURN') {
    if (to !== null && to !== home) {
      const errors = new FieldErrors();
      errors.add('toOrganizationId', 'home', '归位应回到原占编机构', 'A return goes back to the organization holding the establishment');
      errors.throwIfAny();
    }
    to = home;
  }

  if (open) {
    if (effective <= open.startedOn) {
      const errors = new FieldErrors();
      errors.add(
        'effectiveDate',
        'range',
        `生效日期应晚于现任岗位的起始日期 ${open.startedOn}`,
        `The transfer must take effect after the current posting began (${open.startedOn})`,
      );
      errors.throwIfAny();
    }
    await postingService.update(tx, open.id, { endedOn: dayBefore(effective) });
  }
  if (!LEAVING.has(kind)) {
    await postingService.create(
      tx,
      {
        staffMemberId: person.id,
        organizationId: to,
        quotaOrganizationId: kind === 'SECONDMENT' ? home : null,
        post: transfer.post ?? open?.post,
        startedOn: effective,
      },
      { transferId: transfer.id },
    );
  }
  await staff.write(tx, person.id, {
    status: STATUS_AFTER[kind],
    ...(!LEAVING.has(kind) && to !== null ? { organizationId: to } : {}),
  });
  if (LEAVING.has(kind)) await cancelCertificates(records, tx, transfer);
  return transfers.write(tx, transfer.id, { status: 'COMPLETED', completedAt: new Date(), toOrganizationId: to });
}

/**
 * A person who leaves or retires no longer enforces: their certificates still held (valid or
 * suspended) are cancelled on the day they leave, each as a dated event of its history
 * (《武清区关于进一步深化街镇综合执法改革的指导意见》：因退休、调离岗位等原因不再从事执法工作的人员，及时回收注销执法证件).
 */
async function cancelCertificates(records: Records, tx: Tx, transfer: typeof transferTable.$inferSelect): Promise<void> {
  const events = records.of(certificateEventResource);
  const reason =
    transfer.kind === 'RETIREMENT'
      ? '退休，不再从事执法工作 / Retired; no longer enforces'
      : '调出，不再从事执法工作 / Left; no longer enforces';
  for (const certificate of await heldCertificates(tx, transfer.staffMemberId)) {
    await events.create(
      tx,
      { certificateId: certificate.id, kind: 'CANCELLED', occurredOn: transfer.effectiveDate, reason, documentNumber: transfer.documentNumber },
      { transferId: transfer.id },
    );
  }
}

export async function cancelTransfer(records: Records, tx: Tx, id: unknown, version?: number | null): Promise<Row> {
  const transfers = records.of(transferResource);
  const transfer = await transfers.claim(tx, id, { version, state: pending });
  return transfers.write(tx, transfer.id, { status: 'CANCELLED' });
}
