import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { GraphQLError } from 'graphql';
import type { Queryable, Tx } from '../db';
import { badInput, conflict, FieldErrors, notFound } from '../errors';
import { MAX_PER_PAGE } from './list-metadata';
import { filterToWhere, paging, type ListParams } from './filter-to-where';
import { parseId, selectionOf, type ResourceModel } from './model';
import type { Records } from './records';
import type { Row, RowOf, WriteContext } from './resource';
import { creatableInBatches, guardNew, holdTreeLock, normalizeInput, runGuards, validateNew, validateWrite } from './validate';
import { currentActor } from '../auth/actor';
import { assertSignedIn, authorizeWrite, readScope } from './authorize';
import { writeAudit, writeCreationAudits } from './audit';
import { removeAttachmentsOf } from './attachments';
import { lockedRow, updatedRow } from './write-statements';
import type { JsonRead } from './json-read';
import type { Label } from '../../drizzle/schema/columns';

/**
 * The generic record operations of one resource. Resolvers, domain operations and the seed all
 * write through it, so every path applies the same rules. Writes take a transaction handle: the
 * caller decides what commits together.
 */
export class CrudService<T extends PgTable = PgTable> {
  private readonly idColumn: PgColumn;

  constructor(
    readonly model: ResourceModel,
    /** Every record: a write checks references, ownership and effects across them. */
    readonly records: Records,
  ) {
    this.idColumn = model.byKey.get('id')!.column;
  }

  async get(db: Queryable, id: unknown): Promise<RowOf<T> | null> {
    const n = parseId(id);
    if (n === null) return null;
    const [row] = await db.select(selectionOf(this.model)).from(this.model.table).where(and(eq(this.idColumn, n), this.readable()));
    return (row as RowOf<T>) ?? null;
  }

  /** The caller's read limit on a private resource (accounts: others read only their own). */
  private readable(): SQL | undefined {
    return readScope(currentActor(), this.model);
  }

  async list(db: Queryable, params: ListParams): Promise<RowOf<T>[]> {
    const where = and(filterToWhere(this.model, params.filter), this.readable());
    const { limit, offset, orderBy } = paging(this.model, params);
    const rows = await db
      .select(selectionOf(this.model))
      .from(this.model.table)
      .where(where)
      .orderBy(...orderBy)
      .limit(limit)
      .offset(offset);
    return rows as RowOf<T>[];
  }

  /**
   * A page of records shaped as the query asks, references included, in one statement (see
   * json-read.ts). `where` narrows it further (a domain list: what a street held on a day).
   */
  async listAs(db: Queryable, params: ListParams, read: JsonRead, where?: SQL): Promise<Row[]> {
    const condition = and(filterToWhere(this.model, params.filter), this.readable(), where) ?? sql`true`;
    const { limit, offset, orderBy } = paging(this.model, params);
    const order = sql.join(orderBy, sql`, `);
    // The page is cut before the objects are built: PostgreSQL would otherwise build one for every
    // row an offset skips. The page goes by the table's own name, so the select list reads it unchanged.
    const page = sql`(select * from ${this.model.table} where ${condition} order by ${order} limit ${limit} offset ${offset}) as ${this.model.table}`;
    const result = await db.execute(sql`select ${read.select} from ${page} order by ${order}`);
    return (result as unknown as { rows: { r: Row }[] }).rows.map((row) => read.decode(row.r) as Row);
  }

  /** One record shaped as the query asks, in one statement, or null. */
  async getAs(db: Queryable, id: unknown, read: JsonRead): Promise<Row | null> {
    const n = parseId(id);
    if (n === null) return null;
    const condition = and(eq(this.idColumn, n), this.readable());
    const result = await db.execute(sql`select ${read.select} from ${this.model.table} where ${condition}`);
    const [row] = (result as unknown as { rows: { r: Row }[] }).rows;
    return row ? (read.decode(row.r) as Row) : null;
  }

  async count(db: Queryable, filter: ListParams['filter'], where?: SQL): Promise<number> {
    const [row] = await db.select({ n: count() }).from(this.model.table).where(and(filterToWhere(this.model, filter), this.readable(), where));
    return Number(row.n);
  }

  /**
   * The record a change is about, for a caller allowed to change it: signed in, then locked, then
   * authorized, then (when given) in a state that allows the change and at the version the caller
   * read. Deletes and domain operations (publish, complete a transfer …) start here.
   */
  async claim(tx: Tx, id: unknown, expect: { version?: number | null; state?: (row: RowOf<T>) => GraphQLError | undefined } = {}): Promise<RowOf<T>> {
    assertSignedIn();
    const row = await this.getForUpdate(tx, id);
    await this.authorize(tx, [row]);
    const refused = expect.state?.(row);
    if (refused) throw refused;
    this.assertVersion(row, expect.version);
    return row;
  }

  /** Reads the record for writing, locking it until the transaction ends. */
  async getForUpdate(tx: Tx, id: unknown): Promise<RowOf<T>> {
    const n = parseId(id);
    const row = n === null ? undefined : await lockedRow(tx, this.model, n);
    if (!row) throw notFound(this.model.label, String(id));
    return row as RowOf<T>;
  }

  /**
   * `kept` are server-kept fields set with the record (the transfer that opened a posting): they
   * are no client's to send, so they bypass input normalisation, but are stored and audited with
   * the rest in one insert.
   */
  async create(tx: Tx, input: Record<string, unknown>, kept: Record<string, unknown> = {}): Promise<RowOf<T>> {
    const values = { ...normalizeInput(this.model, input), ...kept };
    const after = { ...this.defaults(), ...values } as Row;
    await this.authorize(tx, [after]);
    const ctx: WriteContext = { records: this.records, tx, operation: 'create', after, input: values, errors: new FieldErrors() };
    await runGuards(ctx, this.model);
    for (const [name, extra] of Object.entries(this.model.definition.createInputs ?? {})) {
      if (typeof input[name] === 'string') await extra.apply(ctx, input[name]);
    }
    await validateWrite(ctx, this.model, this.records.models);
    const [row] = (await tx.insert(this.model.table).values(values).returning()) as RowOf<T>[];
    await this.audit(tx, 'create', undefined, row);
    await this.applyEffects(ctx, row);
    return this.reread(tx, row);
  }

  /**
   * New records, each under the rules, authorization and audit of `create`, in few statements: the
   * answer for each input, in order, is its stored record or the error a single create would have
   * refused it with (the others are stored all the same; the caller's transaction decides whether
   * they stay). A record whose rules or guards may depend on the rows before it (see `WriteRule`,
   * `WriteGuard`), or that has effects or create-only inputs, is created one row after the other,
   * each a `create` in a savepoint of its own. `origins` name the inputs in messages that compare
   * one with another (an import's lines).
   */
  async createMany(tx: Tx, inputs: Record<string, unknown>[], origins?: Label[]): Promise<Created[]> {
    if (!creatableInBatches(this.model)) {
      const out: Created[] = [];
      for (const input of inputs) {
        try {
          out.push({ row: await tx.transaction((row) => this.create(row, input)) });
        } catch (e) {
          out.push({ refused: refusal(e) });
        }
      }
      return out;
    }
    const out: Created[] = new Array(inputs.length);
    const ctxs: WriteContext[] = [];
    const indexOf = new Map<WriteContext, number>();
    for (const [i, input] of inputs.entries()) {
      const values = normalizeInput(this.model, input);
      const after = { ...this.defaults(), ...values } as Row;
      try {
        await this.authorize(tx, [after]);
      } catch (e) {
        out[i] = { refused: refusal(e) };
        continue;
      }
      const ctx: WriteContext = { records: this.records, tx, operation: 'create', after, input: values, errors: new FieldErrors(), origin: origins?.[i] };
      ctxs.push(ctx);
      indexOf.set(ctx, i);
    }
    const refuse = (ctx: WriteContext, e: unknown) => {
      out[indexOf.get(ctx)!] = { refused: refusal(e) };
    };
    const guarded = await guardNew(ctxs, this.model, refuse);
    await validateNew(guarded, this.model, this.records.models, refuse);
    const valid = guarded.filter((ctx) => {
      const i = indexOf.get(ctx)!;
      if (out[i]) return false;
      if (ctx.errors.has()) out[i] = { refused: badInput(ctx.errors.list) };
      return !out[i];
    });
    // A statement holds at most 65,535 parameters: a few thousand values each.
    const perInsert = Math.max(1, Math.floor(20_000 / this.model.fields.length));
    for (let start = 0; start < valid.length; start += perInsert) {
      const part = valid.slice(start, start + perInsert);
      // PostgreSQL returns the rows of one multi-row insert in the order of its values.
      const stored = (await tx.insert(this.model.table).values(part.map((ctx) => ctx.input)).returning()) as Row[];
      const actor = currentActor()!;
      if (actor.kind !== 'SYSTEM') await writeCreationAudits(tx, actor, this.model, stored);
      const reread = this.model.computed.length ? new Map((await this.getMany(tx, stored.map((r) => r.id))).map((r) => [r.id, r])) : undefined;
      part.forEach((ctx, k) => {
        out[indexOf.get(ctx)!] = { row: reread?.get(stored[k].id) ?? stored[k] };
      });
    }
    return out;
  }

  /** Records by id, as `get` reads each (the caller's read limit applies), in one statement. */
  async getMany(db: Queryable, ids: number[]): Promise<RowOf<T>[]> {
    if (!ids.length) return [];
    const rows = await db.select(selectionOf(this.model)).from(this.model.table).where(and(inArray(this.idColumn, ids), this.readable()));
    return rows as RowOf<T>[];
  }

  /** `expectedVersion`, when given, must be the stored version, else the edit is refused as stale. */
  async update(tx: Tx, id: unknown, input: Record<string, unknown>, expectedVersion?: number | null): Promise<RowOf<T>> {
    assertSignedIn();
    const tree = this.model.definition.treeParent;
    if (tree && tree in input) await holdTreeLock(tx, this.model);
    const before = await this.getForUpdate(tx, id);
    this.assertVersion(before, expectedVersion);
    const values = normalizeInput(this.model, input);
    const after = { ...before, ...values } as Row;
    await this.authorize(tx, [before, after]);
    const ctx: WriteContext = { records: this.records, tx, operation: 'update', before, after, input: values, errors: new FieldErrors() };
    await runGuards(ctx, this.model);
    await validateWrite(ctx, this.model, this.records.models);
    const row = await this.write(tx, before.id, values, before);
    await this.applyEffects(ctx, row);
    return this.model.definition.effects?.length ? this.reread(tx, row) : row;
  }

  /** Refuses a write based on a version that is no longer the stored one; absent means unchecked. */
  assertVersion(row: Row, expectedVersion: number | null | undefined): void {
    if (expectedVersion === undefined || expectedVersion === null || expectedVersion === row.version) return;
    throw conflict(
      'STALE_VERSION',
      {
        zh: `${this.model.label.zh}（编号 ${row.id}）已被他人修改（当前版本 ${row.version}，您编辑的是版本 ${expectedVersion}），请重新加载后再改`,
        en: `${this.model.label.en} ${row.id} was changed by someone else (now version ${row.version}, you edited version ${expectedVersion}); reload and edit again`,
      },
      { currentVersion: row.version },
    );
  }

  /**
   * Sets server-kept fields (status, dates) without the client-facing rules; for domain operations,
   * which authorize the actor themselves (see `authorize`). Audited like any change.
   */
  async write(tx: Tx, id: number, values: Record<string, unknown>, knownBefore?: Row): Promise<RowOf<T>> {
    if (!currentActor()) throw new Error(`${this.model.name} written outside a request; wrap it in runAs(SYSTEM, …)`);
    const audited = currentActor()?.kind !== 'SYSTEM';
    const before = audited ? (knownBefore ?? (await this.get(tx, id)) ?? undefined) : undefined;
    const row = (await updatedRow(tx, this.model, id, values)) as RowOf<T>;
    if (before) await this.audit(tx, 'update', before, row);
    return this.reread(tx, row);
  }

  /**
   * Refuses the write unless the actor may change these records. A write with no actor at all is
   * a programming error: requests have one, and the seed and command line run as SYSTEM.
   */
  async authorize(tx: Tx, rows: Row[]): Promise<void> {
    const actor = currentActor();
    if (!actor) throw new Error(`${this.model.name} written outside a request; wrap it in runAs(SYSTEM, …)`);
    if (actor.kind !== 'SYSTEM') await authorizeWrite(tx, actor, this.model, this.records.models, rows);
  }

  private async audit(tx: Tx, operation: 'create' | 'update' | 'delete', before: Row | undefined, after: Row | undefined) {
    const actor = currentActor();
    if (actor && actor.kind !== 'SYSTEM') await writeAudit(tx, actor, this.model, operation, before, after);
  }

  /** A stored row as clients read it: `returning()` gives the columns, not the computed fields. */
  private async reread(tx: Tx, row: RowOf<T>): Promise<RowOf<T>> {
    return this.model.computed.length ? ((await this.get(tx, row.id)) ?? row) : row;
  }

  private async applyEffects(ctx: WriteContext, row: Row): Promise<void> {
    for (const effect of this.model.definition.effects ?? []) await effect({ ...ctx, row });
  }

  async remove(tx: Tx, id: unknown): Promise<RowOf<T>> {
    const before = await this.claim(tx, id);
    const ctx: WriteContext = { records: this.records, tx, operation: 'delete', before, after: before, input: {}, errors: new FieldErrors() };
    await runGuards(ctx, this.model);
    await this.assertUnreferenced(tx, before.id);
    await removeAttachmentsOf(tx, this.model, before.id);
    const [row] = await tx.delete(this.model.table).where(eq(this.idColumn, before.id)).returning();
    await this.audit(tx, 'delete', before, undefined);
    // The computed fields as they were just before the delete.
    return { ...before, ...row } as RowOf<T>;
  }

  async updateMany(tx: Tx, ids: unknown[], input: Record<string, unknown>): Promise<number[]> {
    const done: number[] = [];
    for (const id of bulkIds(ids)) done.push((await this.update(tx, id, input)).id);
    return done;
  }

  async removeMany(tx: Tx, ids: unknown[]): Promise<number[]> {
    const done: number[] = [];
    for (const id of bulkIds(ids)) done.push((await this.remove(tx, id)).id);
    return done;
  }

  /** A record others still point at stays: the user is told what refers to it. */
  private async assertUnreferenced(tx: Tx, id: number): Promise<void> {
    const uses: { resource: string; field: string; count: number; zh: string; en: string }[] = [];
    for (const { model, field } of this.model.incoming) {
      const [row] = await tx.select({ n: count() }).from(model.table).where(eq(field.column, id));
      const n = Number(row.n);
      if (n > 0) {
        uses.push({
          resource: model.name,
          field: field.key,
          count: n,
          zh: `${n} 条${model.label.zh}（${field.label.zh}）`,
          en: `${n} ${model.label.en} record(s) (${field.label.en})`,
        });
      }
    }
    if (uses.length) {
      throw conflict(
        'REFERENCED',
        {
          zh: `${this.model.label.zh}（编号 ${id}）仍被引用，不能删除：${uses.map((u) => u.zh).join('、')}`,
          en: `${this.model.label.en} ${id} is still referenced and cannot be deleted: ${uses.map((u) => u.en).join(', ')}`,
        },
        { references: uses.map(({ resource, field, count: n }) => ({ resource, field, count: n })) },
      );
    }
  }

  private defaults(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of this.model.fields) {
      const d = (f.column as unknown as { default?: unknown }).default;
      const system = f.kind === 'id' || f.key === 'version' || f.key === 'createdAt' || f.key === 'updatedAt';
      if (!system && d !== undefined && (typeof d !== 'object' || Array.isArray(d))) out[f.key] = d;
    }
    return out;
  }
}

/** What `createMany` answers for one input. */
export type Created = { row: Row; refused?: undefined } | { refused: GraphQLError; row?: undefined };

/** An error a write refuses a record with; anything else (a fault, the database gone) is thrown on. */
function refusal(e: unknown): GraphQLError {
  if (e instanceof GraphQLError) return e;
  throw e;
}

/**
 * The records a bulk operation names, each once (an id sent twice would be changed twice, and its
 * second update refused as stale), at most a page of them.
 */
function bulkIds(ids: unknown[]): string[] {
  if (ids.length > MAX_PER_PAGE) {
    throw badInput([{ field: 'ids', rule: 'maxItems', zh: `一次最多处理 ${MAX_PER_PAGE} 条记录`, en: `At most ${MAX_PER_PAGE} records at a time` }]);
  }
  return [...new Set(ids.map(String))];
}
