import { eq, sql, type SQL } from 'drizzle-orm';
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
  const owner = model.definition.access?.owner;
  if (!owner) return [];
  if (typeof owner === 'string') return [(row[owner] as number | null) ?? null];
  const via = model.byKey.get(owner.via)!;
  const target = targetOf(models, via);
  const id = row[owner.via] as number | null;
  if (id == null) return [null];
  const [found] = await tx
    .select({ org: target.byKey.get(owner.field)!.column })
    .from(target.table)
    .where(eq(target.byKey.get('id')!.column, id));
  return [(found?.org as number | null) ?? null];
}

/**
 * What the declared rules (`access` of the resource) let an actor write, before any record is
 * looked at: every record, only its own organization's (a street or township account), or nothing.
 * `authorizeWrite` enforces it and `myPermissions` reports it, so the two cannot drift apart.
 */
export type WriteScope = 'ALL' | 'OWN_ORGANIZATION' | 'NONE';

export function writeScope(actor: Actor, model: ResourceModel): WriteScope {
  if (actor.kind !== 'USER' || !actor.role) return 'NONE';
  if (actor.role === 'ADMIN' && !actor.local) return 'ALL';
  const writers = model.definition.access?.writers ?? 'ADMIN';
  if (actor.role !== writers && actor.role !== 'ADMIN') return 'NONE';
  if (!actor.local) return 'ALL';
  // A resource without an owner belongs to the county: a street account cannot write it at all.
  return model.definition.access?.owner ? 'OWN_ORGANIZATION' : 'NONE';
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
  const scope = writeScope(actor, model);
  if (scope === 'ALL') return;
  const writers = model.definition.access?.writers ?? 'ADMIN';
  if (actor.role !== writers && actor.role !== 'ADMIN') {
    const needed = enumDefinitions.get('user_role')!.values[writers];
    throw forbidden(`${model.label.zh}只能由${needed.zh}修改`, `${model.label.en} records are changed by ${needed.en} accounts only`);
  }
  const otherOrganization = () =>
    forbidden(
      `本单位账号只能修改本单位的${model.label.zh}`,
      `Accounts of a street or township change only their own organization's ${model.label.en} records`,
    );
  if (scope === 'NONE') throw otherOrganization();
  // A street or township account writes only what belongs to its own organization.
  for (const row of rows) {
    const owners = await ownersOf(tx, model, models, row);
    if (!owners.length || owners.some((o) => o !== actor.organizationId)) throw otherOrganization();
  }
}

/**
 * The rows of a private resource (`access.privateTo`, accounts) a caller may read: all of them
 * for those who may write it, else only their own. Undefined means no limit.
 */
export function readScope(actor: Actor | undefined, model: ResourceModel): SQL | undefined {
  const field = model.definition.access?.privateTo;
  if (!field || !actor || actor.kind === 'SYSTEM' || writeScope(actor, model) !== 'NONE') return undefined;
  const column = model.byKey.get(field)!.column;
  return actor.kind === 'USER' && actor.id !== null ? eq(column, actor.id) : sql`false`;
}

/** API tokens are issued, listed and revoked by county administrators only. */
export function mayManageApiTokens(actor: Actor): boolean {
  return actor.kind === 'USER' && actor.role === 'ADMIN' && !actor.local;
}
