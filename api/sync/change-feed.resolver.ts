import { getNullableType, isEnumType, isListType, isObjectType, isScalarType, type GraphQLSchema } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, createUnionType, Extensions, Field, GraphQLISODateTime, ID, Info, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import type { Records } from '../crud/records';
import type { ResourceModel } from '../crud/model';
import type { Row } from '../crud/resource';
import { couldReadAround, readsEvery } from '../crud/authorize';
import { badInput, forbidden } from '../errors';
import { mask } from '../read-guard';
import { assertContinuable, currentPosition, decodeCursor, encodeCursor, readLog } from './change-log';
import { currentGeneration } from '../ops/sync-generation';

// The change feed for other systems that keep a copy (incremental sync): what was created, changed
// and deleted after a cursor, read from the audit trail (change-log.ts), each change with the record
// as it is now, read as `X(id)` reads it. So the caller's read rules apply unchanged: a token's
// scopes, personal fields masked without the personal-data scope (the read guard masks them on the
// record types, here as anywhere), and private records (accounts) only where the caller reads them.

export const MAX_SYNC_PAGE = 500;
const DEFAULT_SYNC_PAGE = 100;

export enum SyncOperation {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}
registerEnumType(SyncOperation, {
  name: 'SyncOperation',
  description: '变更类型 (What happened to the record)',
  valuesConfig: {
    CREATE: { description: '新增 (Created)' },
    UPDATE: { description: '修改 (Changed: its fields, or a file kept with it)' },
    DELETE: { description: '删除 (Deleted)' },
  },
});

@ObjectType('SyncGeneration', {
  description: '同步代次 (The generation of the feed’s cursors): a cursor of another generation, or before the last position a purge deleted, is answered SYNC_RESTART.',
})
class SyncGeneration {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '代次标识 (The generation): a new one after every restore.' })
  generation!: string;

  @Field(() => GraphQLISODateTime, { description: '开始时间 (When it started).' })
  startedAt!: Date;

  @Field(() => String, { nullable: true, description: '最近清理位置·事务 (The transaction of the latest audit entry a purge deleted); null before any purge.' })
  purgedTxId!: string | null;

  @Field(() => ID, { nullable: true, description: '最近清理位置·记录 (That entry).' })
  purgedEntryId!: string | null;
}

/** Records kept by the server alone as things happen (the login log, sessions) are not in the audit trail, so not in the feed. */
export const syncable = (model: ResourceModel): boolean => !model.definition.writtenByServer;

const built = new WeakMap<Records, Function>();

/** The feed's types and resolver over these records (type-graphql registers types once per process). */
export function changeFeedResolver(records: Records): Function {
  const existing = built.get(records);
  if (existing) return existing;
  const models = records.models.filter(syncable);
  const typeOfRow = new WeakMap<object, string>();

  const SyncRecord = createUnionType({
    name: 'SyncRecord',
    description: '变更后的记录 (The record as it is now): select its fields with `... on Organization { … }`.',
    types: () => models.map((m) => records.types(m.definition).ObjectType) as never,
    resolveType: (value) => typeOfRow.get(value as object),
  });

  @ObjectType('SyncChange', { description: '一项变更 (One change): which record, what happened, and the record as it is now.' })
  class SyncChange {
    @Field(() => String, { description: 'The record type (`Organization`), as a token’s scopes name it.' })
    resource!: string;

    @Field(() => ID, { description: 'The record’s id; for a deletion, the id of the record that is gone.' })
    id!: string;

    @Field(() => SyncOperation)
    operation!: SyncOperation;

    @Field(() => GraphQLISODateTime, { description: 'When the change was made.' })
    at!: Date;

    @Field(() => SyncRecord, {
      nullable: true,
      description:
        'The record as it is now (not as it was after this change), read as `X(id)` reads it, personal fields masked as there; null when it no longer exists. A client keeps its copy right by upserting the record, or removing it when null.',
    })
    record!: Row | null;

    @Field(() => GraphQLJSONObject, {
      nullable: true,
      description:
        'The same record’s stored fields as one JSON object, each as `X(id)` shows it (ids and dates as text, personal fields masked as there), for a client that follows many record types without a fragment for each; null when it no longer exists.',
    })
    data!: Record<string, unknown> | null;
  }

  @ObjectType('ChangeFeed', { description: '变更流的一页 (A page of the change feed)' })
  class ChangeFeed {
    @Extensions({ rows: MAX_SYNC_PAGE })
    @Field(() => [SyncChange], { description: 'In the order the transactions that made them began writing, each transaction’s changes in the order it made them.' })
    changes!: SyncChange[];

    @Field(() => String, { description: 'Pass it as `cursor` next time; it moves past these changes (and past transactions of other resources), never past one still running.' })
    nextCursor!: string;

    @Field(() => Boolean, { description: 'More changes are ready now: ask again with nextCursor at once.' })
    hasMore!: boolean;
  }

  /** The resources a caller follows: those asked for, each of which it must be allowed to read. */
  function followed(ctx: Context, asked: string[] | null | undefined): ResourceModel[] {
    const actor = ctx.actor;
    // A record the caller reads none of (API tokens, for anyone but their keepers) is not followed:
    // named, it is refused; otherwise left out, so not even its ids and times pass.
    const unreadable = (m: ResourceModel) => Boolean(m.definition.access?.confidential) && !readsEvery(actor, m);
    if (asked === null || asked === undefined) {
      return (actor.kind === 'TOKEN' ? models.filter((m) => actor.scopes?.includes(m.name)) : models).filter((m) => !unreadable(m));
    }
    const unknown = asked.filter((name) => !records.named(name));
    const unsynced = asked.filter((name) => records.named(name) && !syncable(records.named(name)!.model));
    if (unknown.length || unsynced.length) {
      throw badInput([
        ...(unknown.length
          ? [{ field: 'resources', rule: 'unknownResource', zh: `没有这种记录：${unknown.join('、')}`, en: `No such record type: ${unknown.join(', ')}` }]
          : []),
        ...(unsynced.length
          ? [{ field: 'resources', rule: 'notSynced', zh: `${unsynced.join('、')} 由系统自动记录，不在变更流中`, en: `${unsynced.join(', ')} are kept by the server as things happen and are not in the change feed` }]
          : []),
      ]);
    }
    if (actor.kind === 'TOKEN') {
      const missing = asked.filter((name) => !actor.scopes?.includes(name));
      if (missing.length) throw forbidden(`此 API 令牌无权读取“${missing.join('、')}”`, `This API token may not read ${missing.join(', ')}`);
    }
    const hidden = asked.filter((name) => unreadable(records.named(name)!.model));
    if (hidden.length) throw forbidden(`无权读取“${hidden.join('、')}”`, `You may not read ${hidden.join(', ')}`);
    return models.filter((m) => asked.includes(m.name));
  }

  @Resolver()
  class ChangeFeedResolver {
    @Query(() => ChangeFeed, {
      description:
        '变更流 (Incremental sync): creates, changes and deletions after `cursor` (from the start of the audit trail when absent), at most `first` (100 by default, 500 at most). Ask again with `nextCursor` while `hasMore`; then poll. A transaction still running holds the feed back until it ends, so none is skipped. A token follows the resources of its scopes (naming another is refused). A cursor the feed cannot continue from (issued before a restore, or before entries a purge deleted; after a purge, no cursor either) is answered SYNC_RESTART (须重新同步): start again from `syncCursor` and a full read.',
    })
    async changesSince(
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
      @Arg('cursor', () => String, { nullable: true }) cursor?: string | null,
      @Arg('resources', () => [String], { nullable: true, description: 'Record types to follow (`["Organization", "Delegation"]`); absent: every one you may read.' })
      resources?: string[] | null,
      @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_SYNC_PAGE }) first = DEFAULT_SYNC_PAGE,
    ): Promise<ChangeFeed> {
      if (!Number.isInteger(first) || first < 1 || first > MAX_SYNC_PAGE) {
        throw badInput([{ field: 'first', rule: 'range', zh: `first 应在 1 到 ${MAX_SYNC_PAGE} 之间`, en: `first is 1 to ${MAX_SYNC_PAGE}` }]);
      }
      const from = decodeCursor(cursor);
      const follows = followed(ctx, resources);
      const generation = await currentGeneration(ctx.db);
      assertContinuable(from, generation);
      const { entries, next, hasMore } = await readLog(
        ctx.db,
        from,
        follows.map((m) => m.name),
        first,
        generation.startEntryId,
      );
      // The records as they are now, one statement per resource, under the caller's read limit.
      const current = new Map<string, Row>();
      for (const model of follows) {
        const ids = [...new Set(entries.filter((e) => e.resource === model.name).map((e) => e.recordId))];
        for (const row of await records.of(model.definition).getMany(ctx.db, ids)) {
          typeOfRow.set(row, model.name);
          current.set(`${model.name}:${row.id}`, row);
        }
      }
      const byName = new Map(follows.map((m) => [m.name, m]));
      const changes: SyncChange[] = [];
      for (const e of entries) {
        const model = byName.get(e.resource)!;
        const record = current.get(`${e.resource}:${e.recordId}`) ?? null;
        // Someone else's account: a caller who reads only some learns nothing of the others, but is
        // told of one it could read that is gone (deleted, or moved out of its sight).
        if (!record && !couldReadAround(ctx.actor, model, e.recordId, e.changes)) continue;
        const data = record && storedData(info.schema, model, record, ctx.actor.kind === 'TOKEN' && !ctx.actor.personalData);
        changes.push({ resource: e.resource, id: String(e.recordId), operation: operationOf(e.operation), at: e.at, record, data });
      }
      return { changes, nextCursor: encodeCursor(next, generation.generation), hasMore };
    }

    @Query(() => String, {
      description:
        '当前同步游标 (The feed’s position now). To start a copy: take it, then read the records in full (`allXs`), then follow `changesSince(cursor: …)` from it; changes made during the full read come again, harmlessly.',
    })
    async syncCursor(@Ctx() ctx: Context): Promise<string> {
      const generation = await currentGeneration(ctx.db);
      return encodeCursor(await currentPosition(ctx.db), generation.generation);
    }

    @Query(() => [SyncGeneration], {
      description:
        '同步代次 (The feed’s generation), as one row: a restore starts a new one, and a purge records the last position it deleted. A cursor of another generation, or before that position, is answered SYNC_RESTART.',
    })
    async syncGeneration(@Ctx() ctx: Context): Promise<SyncGeneration[]> {
      const { id, generation, startedAt, purgedTxId, purgedEntryId } = await currentGeneration(ctx.db);
      return [{ id: String(id), generation, startedAt, purgedTxId, purgedEntryId: purgedEntryId === null ? null : String(purgedEntryId) }];
    }
  }

  built.set(records, ChangeFeedResolver);
  return ChangeFeedResolver;
}

/** Audit operations beyond the three (a file attached or removed, a password set) change the record. */
function operationOf(operation: string): SyncOperation {
  return operation === 'create' ? SyncOperation.CREATE : operation === 'delete' ? SyncOperation.DELETE : SyncOperation.UPDATE;
}

/**
 * A record's stored fields as its GraphQL type serializes them (computed fields are left out: they
 * follow other records or the day, not this record's changes), personal ones masked as the read
 * guard masks them on the type.
 */
function storedData(schema: GraphQLSchema, model: ResourceModel, row: Row, maskPersonal: boolean): Record<string, unknown> {
  const type = schema.getType(model.name);
  if (!isObjectType(type)) throw new Error(`${model.name} has no object type`);
  const fields = type.getFields();
  const out: Record<string, unknown> = {};
  for (const f of model.fields) {
    const field = fields[f.key];
    if (!field) continue;
    const value = row[f.key];
    if (value === null || value === undefined) {
      out[f.key] = null;
      continue;
    }
    const outer = getNullableType(field.type);
    const inner = isListType(outer) ? getNullableType(outer.ofType) : outer;
    if (!isScalarType(inner) && !isEnumType(inner)) continue;
    const one = (v: unknown) => (v === null || v === undefined ? null : inner.serialize(v));
    const shown = isListType(outer) ? (value as unknown[]).map(one) : one(value);
    out[f.key] = maskPersonal && f.personal ? mask(shown) : shown;
  }
  return out;
}
