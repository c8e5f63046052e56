import { eq } from 'drizzle-orm';
import { enumDefinitions } from '../../drizzle/schema';
import type { Tx } from '../db';
import { appError } from '../errors';
import { targetOf, type ResourceModel } from '../crud/model';
import type { Row } from '../crud/resource';
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

/** The organizations a record belongs to under its resource's `owner` rule (none: county-level only). */
async function ownersOf(tx: Tx, model: ResourceModel, models: ResourceModel[], row: Row): Promise<(number | null)[]> {
  const declared = model.definition.access?.owner;
  const owners = declared === undefined ? [] : Array.isArray(declared) ? declared : [declared];
  const out: (number | null)[] = [];
  for (const owner of owners) {
    if (typeof owner === 'string') {
      out.push((row[owner] as number | null) ?? null);
      continue;
    }
    const via = model.byKey.get(owner.via)!;
    const target = targetOf(models, via);
    const id = row[owner.via] as number | null;
    if (id == null) {
      out.push(null);
      continue;
    }
    const [found] = await tx
      .select({ org: target.byKey.get(owner.field)!.column })
      .from(target.table)
      .where(eq(target.byKey.get('id')!.column, id));
    out.push((found?.org as number | null) ?? null);
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
  // A street or township account writes only what belongs to its own organization (a shared
  // record, such as a transfer between two organizations, belongs to each of them).
  for (const row of rows) {
    const owners = await ownersOf(tx, model, models, row);
    if (!owners.includes(actor.organizationId)) {
      const refusal = model.definition.access?.refusal;
      throw refusal
        ? forbidden(refusal.zh, refusal.en)
        : forbidden(
            `本单位账号只能修改本单位的${model.label.zh}`,
            `Accounts of a street or township change only their own organization's ${model.label.en} records`,
          );
    }
  }
}
