import DataLoader from 'dataloader';
import { and, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Queryable } from '../db';
import { readScope } from './authorize';
import { selectionOf, type ResourceModel } from './model';
import type { Records } from './records';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { ResourceDefinition, Row, RowOf } from './resource';

/**
 * One request's batch loaders, one per record type, made when first asked for: a page of rows
 * loads each kind of reference in one query. They read as the request's actor, so a private
 * record (another user's account) reads as absent, as it does through `X(id)`.
 */
export class Loaders {
  private readonly loaders = new Map<ResourceModel, DataLoader<number, Row | null>>();

  constructor(
    private readonly db: Queryable,
    private readonly records: Records,
    private readonly actor: Actor,
  ) {}

  /** The loader of a record named by its definition (a domain resolver), its rows typed as its table. */
  of<T extends PgTable>(definition: ResourceDefinition<T>): DataLoader<number, RowOf<T> | null> {
    // Each reads every column of the definition's own table (`selectionOf`).
    return this.ofModel(this.records.model(definition)) as DataLoader<number, RowOf<T> | null>;
  }

  /** The loader of a record reached through the model (a reference field, a history entry). */
  ofModel(model: ResourceModel): DataLoader<number, Row | null> {
    let loader = this.loaders.get(model);
    if (!loader) {
      const idColumn = model.byKey.get('id')!.column;
      loader = new DataLoader(async (ids) => {
        const rows = (await this.db
          .select(selectionOf(model))
          .from(model.table)
          .where(and(inArray(idColumn, [...ids]), readScope(this.actor, model)))) as Row[];
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      this.loaders.set(model, loader);
    }
    return loader;
  }
}
