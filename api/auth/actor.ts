import { AsyncLocalStorage } from 'node:async_hooks';
import type { userRole } from '../../drizzle/schema';

export type Role = (typeof userRole.enumValues)[number];

/** Who is making a request: a signed-in user, or nobody. Code run outside a request (seed, CLI) has none. */
export interface Actor {
  kind: 'USER' | 'ANONYMOUS';
  id: number | null;
  name: string;
  role: Role | null;
  /** Null for county-wide accounts. */
  organizationId: number | null;
  /** True when the organization is a street or township: writes stay within it. */
  local: boolean;
}

export const ANONYMOUS: Actor = { kind: 'ANONYMOUS', id: null, name: 'anonymous', role: null, organizationId: null, local: false };

const storage = new AsyncLocalStorage<Actor>();

/** The actor of the request being served, if any; services read it to authorize and audit writes. */
export function currentActor(): Actor | undefined {
  return storage.getStore();
}

export function runAs<T>(actor: Actor, fn: () => T): T {
  return storage.run(actor, fn);
}
