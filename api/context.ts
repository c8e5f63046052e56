import DataLoader from 'dataloader';
import { and, inArray } from 'drizzle-orm';
import { readScope } from './auth/access';
import type { Db } from './db';
import { ANONYMOUS, type Actor } from './auth/actor';
import { selectionOf, type ResourceModel } from './crud/model';
import type { Row } from './crud/resource';
import type { LoginGuard } from './login-guard';

export interface Context {
  db: Db;
  /** Per-request batch loaders by resource name: a page of rows loads its references in one query each. */
  loaders: Map<string, DataLoader<number, Row | null>>;
  actor: Actor;
  /** Limits guessing at sign-in (absent outside a server: the seed, scripts). */
  loginGuard?: LoginGuard;
  /** The client's address as the rate limits count it. */
  address?: string;
}

export function createContext(
  db: Db,
  models: ResourceModel[],
  actor: Actor = ANONYMOUS,
  request: { loginGuard?: LoginGuard; address?: string } = {},
): Context {
  const loaders = new Map<string, DataLoader<number, Row | null>>();
  for (const model of models) {
    const idColumn = model.byKey.get('id')!.column;
    loaders.set(
      model.name,
      new DataLoader(async (ids) => {
        // A private record (another user's account) reads as absent, as it does through X(id).
        const rows = (await db.select(selectionOf(model)).from(model.table).where(and(inArray(idColumn, [...ids]), readScope(actor, model)))) as Row[];
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    );
  }
  return { db, loaders, actor, ...request };
}
