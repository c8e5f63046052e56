import { eq, or, sql, type SQL } from 'drizzle-orm';
import { enumDefinitions } from '../../drizzle/schema';
import type { Tx } from '../db';
import { forbidden, loginRequired, tokensReadOnly } from '../errors';
import { targetOf, type FieldModel, type ResourceModel } from './model';
import type { OwnerPath, Row } from './resource';
import { currentActor, type Actor } from '../auth/actor';


/** Refuses an anonymous request before it learns anything about the record it names. */
export function assertSignedIn(): void {
  const actor = currentActor();
  if (actor?.kind === 'TOKEN') throw tokensReadOnly();
  if (actor && actor.kind !== 'USER' && actor.kind !== 'SYSTEM') throw loginRequired();
}

/** The owner paths a resource declares, and whether any one of them (a shared record) or all must be the account's own. */
export function ownerRule(model: ResourceModel): { paths: OwnerPath[]; any: boolean } {
  const owner = model.definition.access?.owner;
  if (owner === undefined) return { paths: [], any: false };
  if (typeof owner === 'object' && 'anyOf' in owner) return { paths: owner.anyOf, any: true };
  return { paths: Array.isArray(owner) ? owner : [owner], any: false };
}

/** The organization `path` reaches from record `id` of `model`, one reference at a time. */
async function followOwner(tx: Tx, models: ResourceModel[], model: ResourceModel, id: number, path: OwnerPath): Promise<number | null> {
  const key = typeof path === 'string' ? path : path.via;
  const [found] = await tx
    .select({ value: model.byKey.get(key)!.column })
    .from(model.table)
    .where(eq(model.byKey.get('id')!.column, id));
  const value = (found?.value as number | null | undefined) ?? null;
  if (typeof path === 'string' || value === null) return value;
  return followOwner(tx, models, targetOf(models, model.byKey.get(key)!), value, path.field);
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
    out.push({ field: via, org: await followOwner(tx, models, targetOf(models, via), id, path.field) });
  }
  return out;
}

/**
 * What the declared rules (`access` of the resource) let an actor write, before any record is
 * looked at: every record, only its own organization's (a street or township account), or nothing.
 * `authorizeWrite` enforces it and `myPermissions` reports it, so the two cannot drift apart.
 */
export type WriteScope = 'ALL' | 'OWN_ORGANIZATION' | 'NONE';

export function writeScope(actor: Actor, model: ResourceModel): WriteScope {
  return model.definition.writtenByServer ? 'NONE' : roleScope(actor, model);
}

/** The roles `access` names as a resource's writers (the county-wide administrator writes every one besides). */
export function writersOf(model: ResourceModel): string[] {
  const writers = model.definition.access?.writers ?? 'ADMIN';
  return Array.isArray(writers) ? writers : [writers];
}

const isWriter = (actor: Actor, model: ResourceModel) => actor.role === 'ADMIN' || writersOf(model).includes(actor.role!);

/** What the role and organization of the actor reach under `access`, written through the API or not. */
export function roleScope(actor: Actor, model: ResourceModel): WriteScope {
  if (actor.kind !== 'USER' || !actor.role) return 'NONE';
  if (actor.role === 'ADMIN' && !actor.local) return 'ALL';
  if (!isWriter(actor, model)) return 'NONE';
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
  if (model.definition.writtenByServer) {
    throw forbidden(`${model.label.zh}由系统自动记录，不能新建、修改或删除`, `${model.label.en} records are kept by the system and cannot be created, changed or deleted`);
  }
  const scope = writeScope(actor, model);
  if (scope === 'ALL') return;
  if (!isWriter(actor, model)) {
    const needed = writersOf(model).map((w) => enumDefinitions.get('user_role')!.values[w]);
    throw forbidden(
      `${model.label.zh}只能由${needed.map((n) => n.zh).join('或')}修改`,
      `${model.label.en} records are changed by ${needed.map((n) => n.en).join(' or ')} accounts only`,
    );
  }
  const otherOrganization = (which = { zh: '', en: '' }) => {
    const refusal = model.definition.access?.refusal;
    return refusal
      ? forbidden(refusal.zh, refusal.en)
      : forbidden(
          `本单位账号只能修改本单位的${model.label.zh}${which.zh}`,
          `Accounts of a street or township change only their own organization's ${model.label.en} records${which.en}`,
        );
  };
  if (scope === 'NONE') throw otherOrganization();
  // A street or township account writes only what belongs to its own organization, through every
  // reference that decides one (a shared record, such as a transfer between two organizations,
  // belongs to each of them).
  const { any } = ownerRule(model);
  for (const row of rows) {
    const owners = await ownersOf(tx, model, models, row);
    const own = (o: { org: number | null }) => o.org === actor.organizationId;
    if (owners.length && (any ? owners.some(own) : owners.every(own))) continue;
    const foreign = any ? undefined : owners.find((o) => !own(o));
    throw otherOrganization(
      foreign && foreign !== owners[0] ? { zh: `：${foreign.field.label.zh}属于其他单位`, en: `: the ${foreign.field.label.en.toLowerCase()} belongs to another organization` } : undefined,
    );
  }
}

/**
 * The rows of a private resource (`access.privateTo`, accounts) a caller may read: all of them
 * for those who read every record (`readsAll`), else their own, and for a street or township
 * account that writes them, those of its own organization. Undefined means no limit.
 */
export function readScope(actor: Actor | undefined, model: ResourceModel): SQL | undefined {
  const field = model.definition.access?.privateTo;
  const writersOnly = model.definition.access?.confidential === true;
  if ((!field && !writersOnly) || !actor || actor.kind === 'SYSTEM' || readsAll(actor, model)) return undefined;
  const own = field && actor.kind === 'USER' && actor.id !== null ? eq(model.byKey.get(field)!.column, actor.id) : undefined;
  const visible = [own, ownOrganizationRows(actor, model)].filter((c): c is SQL => c !== undefined);
  return visible.length ? or(...visible) : sql`false`;
}

/**
 * The records a street or township account that writes the resource reads beside its own: those
 * its owner fields put in its organization. Only fields naming the organization directly are read
 * this way (accounts); a path through other records gives it none.
 */
function ownOrganizationRows(actor: Actor, model: ResourceModel): SQL | undefined {
  if (actor.kind !== 'USER' || actor.organizationId === null || roleScope(actor, model) !== 'OWN_ORGANIZATION') return undefined;
  const direct = ownerRule(model).paths.filter((p): p is string => typeof p === 'string');
  return direct.length ? or(...direct.map((p) => eq(model.byKey.get(p)!.column, actor.organizationId!))) : undefined;
}

/**
 * Could the actor read a private record as it was just before or just after a change (its audit
 * entry's `changes`, each field's [before, after])? The same limit as `readScope`, on those values:
 * the change feed tells a reader of a record it saw that the record is gone (deleted, or moved out
 * of its sight), and tells no one else anything of it.
 */
export function couldReadAround(actor: Actor, model: ResourceModel, recordId: number, changes: Record<string, [unknown, unknown]>): boolean {
  const access = model.definition.access;
  if ((!access?.privateTo && !access?.confidential) || actor.kind === 'SYSTEM' || readsAll(actor, model)) return true;
  if (actor.kind !== 'USER') return false;
  const values = (field: string) => (field === 'id' ? [recordId] : (changes[field] ?? []));
  if (access.privateTo && actor.id !== null && values(access.privateTo).some((v) => Number(v) === actor.id)) return true;
  if (actor.organizationId === null || roleScope(actor, model) !== 'OWN_ORGANIZATION') return false;
  return ownerRule(model).paths.some((p) => typeof p === 'string' && values(p).some((v) => Number(v) === actor.organizationId));
}

/**
 * Does the actor read every record of a private resource: its county-wide writers, or its readers
 * (county-wide)? A street or township account that writes it reads its own organization's only.
 */
export function readsAll(actor: Actor, model: ResourceModel): boolean {
  if (actor.kind === 'USER' && !actor.local && actor.role && model.definition.access?.readers?.includes(actor.role)) return true;
  return roleScope(actor, model) === 'ALL';
}

/** Does the actor read every record of the resource, or (`privateTo`, `readers`) only some or none? */
export function readsEvery(actor: Actor, model: ResourceModel): boolean {
  const access = model.definition.access;
  return (!access?.privateTo && !access?.confidential) || readsAll(actor, model);
}

/** May the actor run this operation of the resource, when `access.operations` gives it to some of its writers only? */
export function mayRun(actor: Actor, model: ResourceModel, operation: string): boolean {
  const roles = model.definition.access?.operations?.[operation];
  return !roles || actor.role === 'ADMIN' || (actor.role !== null && (roles as string[]).includes(actor.role));
}
