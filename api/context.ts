import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { Db } from './db';
import { ANONYMOUS, type Actor } from './auth/actor';
import { selectionOf, type ResourceModel } from './crud/model';
import type { Row } from './crud/resource';

export interface Context {
  db: Db;
  /** Per-request batch loaders by resource name: a page of rows loads its references in one query each. */
  loaders: Map<string, DataLoader<number, Row | null>>;
  actor: Actor;
}

export function createContext(db: Db, models: ResourceModel[], actor: Actor = ANONYMOUS): Context {
  const loaders = new Map<string, DataLoader<number, Row | null>>();
  for (const model of models) {
    const idColumn = model.byKey.get('id')!.column;
    loaders.set(
      model.name,
      new DataLoader(async (ids) => {
        const rows = (await db.select(selectionOf(model)).from(model.table).where(inArray(idColumn, [...ids]))) as Row[];
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    );
  }
  return { db, loaders, actor };
}
