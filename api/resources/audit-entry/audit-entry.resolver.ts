import DataLoader from 'dataloader';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { auditEntries } from '../../../drizzle/schema';
import { config } from '../../config';
import type { Context } from '../../context';
import { badInput, forbidden, loginRequired, notFound } from '../../errors';
import { parseId } from '../../crud/model';
import type { ResolverKit, Row } from '../../crud/resource';
import { readScope, readsAll } from '../../crud/authorize';
import { recordAudit } from '../../crud/audit';
import { auditFieldChanges } from '../../crud/audit-fields';
import { auditChainHead, purgeAuditEntriesBefore, verifyAuditChain } from '../../crud/audit-chain';
import { FieldChange } from '../../crud/display';
import { localDateTime } from '../../dates';
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db';

@ObjectType('AuditChainReport', { description: '审计链核验结果 (The audit chain checked): whether every entry matches its hash and links to the one before it.' })
export class AuditChainReport {
  @Field(() => Boolean, { description: '完好 (Intact): every entry checked matches.' })
  ok!: boolean;

  @Field(() => Int, { description: '已核验条数 (Entries checked), up to the first that does not match.' })
  checked!: number;

  @Field(() => ID, { nullable: true, description: '首条不符的记录 (The first entry that does not match); for HEAD_MISMATCH, the last entry kept (the ones after it are gone).' })
  firstBadId!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      '问题 (What is wrong): ALTERED (its content no longer gives its hash), BROKEN_LINK (it does not continue the entry before it: one was deleted or altered), UNCHAINED, UNKNOWN_ALGORITHM, HEAD_MISMATCH (the last entries were deleted).',
  })
  problem!: string | null;

  @Field(() => ID, { nullable: true, description: '清理锚点 (The last entry a purge removed): the first remaining entry continues its hash.' })
  anchorEntryId!: number | null;
}

@ObjectType('AuditChainHead', {
  description: '审计链头 (The head of the audit chain): the last entry chained and its hash, and the anchor a purge left. Keeping a copy of the hash elsewhere (a printout, another system) proves later that nothing before it was rewritten.',
})
export class AuditChainHead {
  @Field(() => ID)
  id!: number;

  @Field(() => ID, { nullable: true, description: '最后一条 (The last entry chained).' })
  lastEntryId!: number | null;

  @Field(() => String, { nullable: true, description: '其哈希 (Its hash).' })
  lastHash!: string | null;

  @Field(() => ID, { nullable: true, description: '清理锚点 (The last entry a purge removed).' })
  anchorEntryId!: number | null;

  @Field(() => String, { nullable: true, description: '锚点哈希 (Its hash, which the first remaining entry continues).' })
  anchorHash!: string | null;
}

@ObjectType('AuditPurge', { description: '审计记录清理 (Expired audit entries removed).' })
export class AuditPurge {
  @Field(() => Int, { description: '删除条数 (Entries deleted).' })
  deleted!: number;

  @Field(() => ID, { nullable: true, description: '锚点 (The last entry deleted), recorded so the chain stays verifiable.' })
  anchorEntryId!: number | null;

  @Field(() => String, { description: '清理界限 (Entries older than this were deleted), ISO 8601.' })
  before!: string;
}

/** The audit trail is the county's: county administrators verify and purge it. */
function assertCountyAdministrator(actor: Actor, model: Parameters<typeof readsAll>[1], what: { zh: string; en: string }) {
  if (actor.kind !== 'USER') throw loginRequired();
  if (!readsAll(actor, model) || actor.local) throw forbidden(`只有全县系统管理员可以${what.zh}`, `Only county administrators ${what.en}`);
}

/**
 * Deletes the entries older than `days` (never fewer than AUDIT_RETENTION_DAYS), recording the
 * chain's anchor, and audits the purge itself in the same transaction. Used by the mutation and
 * by the scheduled purge (api/jobs/audit-purge.ts).
 */
export async function purgeAuditTrail(db: Db, actor: Actor, days: number): Promise<AuditPurge> {
  const before = new Date(Date.now() - days * 86_400_000);
  return db.transaction(async (tx) => {
    const purged = await purgeAuditEntriesBefore(tx, before);
    if (purged.deleted) {
      await recordAudit(tx, actor, 'AuditEntry', purged.anchorEntryId!, 'purge', {
        purgedBefore: [null, before.toISOString()],
        deleted: [null, purged.deleted],
        anchorHash: [null, purged.anchorHash],
      });
    }
    return { deleted: purged.deleted, anchorEntryId: purged.anchorEntryId, before: before.toISOString() };
  });
}

/** The stored changes of entries, by id, once per request (the generated read leaves the JSON out). */
const changeLoaders = new WeakMap<Context, DataLoader<number, unknown>>();
function changesOf(ctx: Context, id: number): Promise<unknown> {
  let loader = changeLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly number[]) => {
      const rows = await ctx.db.select({ id: auditEntries.id, changes: auditEntries.changes }).from(auditEntries).where(inArray(auditEntries.id, [...ids]));
      const byId = new Map(rows.map((r) => [r.id, r.changes]));
      return ids.map((id) => byId.get(id) ?? {});
    });
    changeLoaders.set(ctx, loader);
  }
  return loader.load(id);
}

/**
 * The audit trail as a record: its grammar is generated (reads only), and these add a record's
 * history (`auditTrail`), the changes as stored and as read, the chain check and the purge.
 */
export function auditEntryResolvers({ Crud, types, service, records }: ResolverKit) {
  const AuditEntry = types.ObjectType;
  const stored = (entry: Row, ctx: Context) => (entry.changes !== undefined ? Promise.resolve(entry.changes) : changesOf(ctx, Number(entry.id)));

  @Resolver(() => AuditEntry)
  class AuditEntryResolver extends Crud {
    @FieldResolver(() => String, { description: 'When, as the clock of the configured zone (TZ) reads: YYYY-MM-DD HH:mm:ss.' })
    atLocal(@Root() entry: Row) {
      return localDateTime(entry.at as Date | string);
    }

    @FieldResolver(() => GraphQLJSONObject, { description: '{ field: [before, after] } for every field that changed.' })
    changes(@Root() entry: Row, @Ctx() ctx: Context) {
      return stored(entry, ctx);
    }

    @FieldResolver(() => [FieldChange], {
      description: 'The same changes labelled and readable: enum values by their labels, references by the names of the records, times in the configured zone.',
    })
    async fieldChanges(@Root() entry: Row, @Ctx() ctx: Context) {
      return auditFieldChanges(entry.resource as string, (await stored(entry, ctx)) as Record<string, [unknown, unknown]>, ctx);
    }

    @Query(() => [AuditEntry], { description: '修改记录 (A record’s history), oldest first. Signed-in users only.' })
    async auditTrail(@Arg('resource', () => String) resource: string, @Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      if (ctx.actor.kind !== 'USER') throw loginRequired();
      const target = records.named(resource);
      if (!target) throw notFound({ zh: '资源', en: 'Resource' }, resource);
      const recordId = parseId(id);
      if (recordId === null) throw notFound({ zh: '记录', en: 'Record' }, id);
      // The history of a record one may not read (another user's account) is not one's to read either.
      if (target && readScope(ctx.actor, target.model) && !(await target.service.get(ctx.db, recordId))) return [];
      return ctx.db
        .select()
        .from(auditEntries)
        .where(and(eq(auditEntries.resource, resource), eq(auditEntries.recordId, recordId)))
        .orderBy(asc(auditEntries.id));
    }

    @Query(() => AuditChainReport, {
      description:
        '核验审计链 (Verify the audit trail): recomputes each entry’s hash and its link to the one before, from entry `from` to `to` (the whole trail by default), and reports the first that does not match. County administrators only.',
    })
    async verifyAuditChain(
      @Arg('from', () => ID, { nullable: true }) from: string | null,
      @Arg('to', () => ID, { nullable: true }) to: string | null,
      @Ctx() ctx: Context,
    ) {
      assertCountyAdministrator(ctx.actor, service.model, { zh: '核验审计记录', en: 'verify the audit trail' });
      const range = { from: from == null ? undefined : parseId(from), to: to == null ? undefined : parseId(to) };
      if (range.from === null || range.to === null) {
        throw badInput([{ field: range.from === null ? 'from' : 'to', rule: 'id', zh: '不是有效的记录编号', en: 'Not a record id' }]);
      }
      return verifyAuditChain(ctx.db, range as { from?: number; to?: number });
    }

    @Query(() => [AuditChainHead], { description: '审计链头 (The head of the audit chain), one row once anything was audited. County administrators only.' })
    async auditChainHead(@Ctx() ctx: Context) {
      assertCountyAdministrator(ctx.actor, service.model, { zh: '查看审计链头', en: 'read the audit chain’s head' });
      const head = await auditChainHead(ctx.db);
      return head ? [head] : [];
    }

    @Mutation(() => AuditPurge, {
      description:
        '清理过期审计记录 (Purge expired audit entries): deletes the entries older than `olderThanDays` (at least AUDIT_RETENTION_DAYS, 180 by default and never less), records the chain’s anchor so it stays verifiable, and audits the purge. County administrators only.',
    })
    async purgeAuditEntries(@Arg('olderThanDays', () => Int, { nullable: true }) olderThanDays: number | null, @Ctx() ctx: Context) {
      assertCountyAdministrator(ctx.actor, service.model, { zh: '清理审计记录', en: 'purge the audit trail' });
      // The audit administrator reads the trail and writes nothing, a purge included (三员分立).
      if (ctx.actor.role !== 'ADMIN') throw forbidden('只有全县系统管理员可以清理审计记录', 'Only county administrators purge the audit trail');
      const days = olderThanDays ?? config.auditRetentionDays;
      if (days < config.auditRetentionDays) {
        throw badInput([
          {
            field: 'olderThanDays',
            rule: 'min',
            zh: `审计记录至少保存 ${config.auditRetentionDays} 天，不能清理更近的记录`,
            en: `Audit entries are kept at least ${config.auditRetentionDays} days; younger ones cannot be purged`,
          },
        ]);
      }
      return purgeAuditTrail(ctx.db, ctx.actor, days);
    }
  }
  return [AuditEntryResolver];
}
