import { eq } from 'drizzle-orm';
import { enumDefinitions } from '../../drizzle/schema';
import type { Tx } from '../db';
import { appError } from '../errors';
import { targetOf, type FieldModel, type ResourceModel } from '../crud/model';
import type { OwnerPath, Row } from '../crud/resource';
import { currentActor, type Actor } from './actor';


export function forbidden(zh: string, en: string) {
  return appError('FORBIDDEN', { zh, en });
}

export const loginRequired = () => appError('UNAUTHENTICATED', { zh: '请先登录', en: 'Sign in first' });

/** Refuses an anonymous request before it learns anything about the record it names. */
export function assertSignedIn(): void {
  const actor = currentActor();
  if (actor?.kind === 'TOKEN') throw tokensReadOnly();
  if (actor && actor.kind !== 'USER' && actor.kind !== 'SYSTEM') throw loginRequired();
}

export const tokensReadOnly = () => forbidden('API 令牌只能读取数据', 'API tokens are read-only');

/** The owner paths a resource declares, and whether any one of them (a shared record) or all must be the account's own. */
export function ownerRule(model: ResourceModel): { paths: OwnerPath[]; any: boolean } {
  const owner = model.definition.access?.owner;
  if (owner === undefined) return { paths: [], any: false };
  if (typeof owner === 'object' && 'anyOf' in owner) return { paths: owner.anyOf, any: true };
  return { paths: Array.isArray(owner) ? owner : [owner], any: false };
}

/**
 * The organizations a record belongs to under its resource's `owner` paths, each with the field
 * that decides it. A path whose reference is empty decides nothing; a record none decides is the
 * county's.
 */
async function ownersOf(tx: Tx, model: ResourceModel, models: ResourceModel[], row: Row): Promise<{ field: FieldModel; org: number | null }[]> {
  const out: { field: FieldModel; org: number | null }[] = [];
  for (const path of ownerRule(model).paths) {
    if (typeof path === 'string') {
      const org = (row[path] as number | null) ?? null;
      if (org !== null) out.push({ field: model.byKey.get(path)!, org });
      continue;
    }
    const via = model.byKey.get(path.via)!;
    const id = row[path.via] as number | null;
    if (id == null) continue;
    const target = targetOf(models, via);
    const [found] = await tx
      .select({ org: target.byKey.get(path.field)!.column })
      .from(target.table)
      .where(eq(target.byKey.get('id')!.column, id));
    out.push({ field: via, org: (found?.org as number | null) ?? null });
  }
  return out;
}

/**
 * May the actor write this record (as it was, and as it will be)? Throws UNAUTHENTICATED or
 * FORBIDDEN. The one place where roles and organizations meet records.
 */
export async function authorizeWrite(
  tx: Tx,
  actor: Actor,
  model: ResourceModel,
  models: ResourceModel[],
  rows: Row[],
): Promise<void> {
  if (actor.kind === 'TOKEN') throw tokensReadOnly();
  if (actor.kind !== 'USER' || !actor.role) throw loginRequired();
  if (actor.role === 'ADMIN' && !actor.local) return;
  const writers = model.definition.access?.writers ?? 'ADMIN';
  if (actor.role !== writers && actor.role !== 'ADMIN') {
    const needed = enumDefinitions.get('user_role')!.values[writers];
    throw forbidden(`${model.label.zh}只能由${needed.zh}修改`, `${model.label.en} records are changed by ${needed.en} accounts only`);
  }
  if (!actor.local) return;
  // A street or township account writes only what belongs to its own organization, through every
  // reference that decides one (a shared record, such as a transfer between two organizations,
  // belongs to each of them).
  const { any } = ownerRule(model);
  for (const row of rows) {
    const owners = await ownersOf(tx, model, models, row);
    const own = (o: { org: number | null }) => o.org === actor.organizationId;
    if (owners.length && (any ? owners.some(own) : owners.every(own))) continue;
    const refusal = model.definition.access?.refusal;
    if (refusal) throw forbidden(refusal.zh, refusal.en);
    const foreign = any ? undefined : owners.find((o) => !own(o));
    const which = foreign && foreign !== owners[0] ? { zh: `：${foreign.field.label.zh}属于其他单位`, en: `: the ${foreign.field.label.en.toLowerCase()} belongs to another organization` } : { zh: '', en: '' };
    throw forbidden(
      `本单位账号只能修改本单位的${model.label.zh}${which.zh}`,
      `Accounts of a street or township change only their own organization's ${model.label.en} records${which.en}`,
    );
  }
}
