import type { Queryable, Tx } from '../db';
import type { ResourceModel } from './model';
import type { Row } from './resource';
import type { Actor } from '../auth/actor';
import { appendAuditEntries } from './audit-chain';

const UNTRACKED = new Set(['version', 'createdAt', 'updatedAt']);

function comparable(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}

/** Field-level changes, `{ field: [before, after] }`, over the fields clients can see. */
export function changesOf(model: ResourceModel, before: Row | undefined, after: Row | undefined): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const f of model.fields) {
    if (UNTRACKED.has(f.key)) continue;
    const a = comparable(before?.[f.key] ?? null);
    const b = comparable(after?.[f.key] ?? null);
    if (JSON.stringify(a) !== JSON.stringify(b)) out[f.key] = [a, b];
  }
  return out;
}

/** An audit entry for a change outside the generic records (a password, an API token). */
export async function recordAudit(
  tx: Queryable,
  actor: Actor,
  resource: string,
  recordId: number,
  operation: string,
  changes: Record<string, [unknown, unknown]>,
): Promise<void> {
  await appendAuditEntries(tx, [{ actorKind: actor.kind, actorId: actor.id, actorName: actor.name, operation, resource, recordId, changes, via: actor.via ?? null }]);
}

/** One audit entry, in the transaction of the change it records. */
export async function writeAudit(
  tx: Tx,
  actor: Actor,
  model: ResourceModel,
  operation: 'create' | 'update' | 'delete',
  before: Row | undefined,
  after: Row | undefined,
): Promise<void> {
  const changes = changesOf(model, before, after);
  if (operation === 'update' && !Object.keys(changes).length) return;
  await appendAuditEntries(tx, [{
    actorKind: actor.kind,
    actorId: actor.id,
    actorName: actor.name,
    operation,
    resource: model.name,
    recordId: (after ?? before)!.id as number,
    changes,
    via: actor.via ?? null,
  }]);
}

/** The audit entries of new records, one statement for all of them (an import's batch). */
export async function writeCreationAudits(tx: Tx, actor: Actor, model: ResourceModel, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  await appendAuditEntries(
    tx,
    rows.map((row) => ({
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      operation: 'create',
      resource: model.name,
      recordId: row.id as number,
      changes: changesOf(model, undefined, row),
      via: actor.via ?? null,
    })),
  );
}
