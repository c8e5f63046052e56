import type { Actor } from './auth/actor';
import type { Loaders } from './crud/loaders';
import type { Records } from './crud/records';
import type { Db } from './db';
import type { LoginGuard } from './login-guard';

// Types only: every layer may name the request context, and none of them pulls in another layer
// by doing so. The server builds it (api/server.ts).

export interface Context {
  db: Db;
  /** Every record: its model, types and service. */
  records: Records;
  /** Per-request batch loaders: a page of rows loads its references in one query each. */
  loaders: Loaders;
  actor: Actor;
  /** Limits guessing at sign-in (absent outside a server: the seed, scripts). */
  loginGuard?: LoginGuard;
  /** The client's address as the rate limits count it. */
  address?: string;
  /** The client's User-Agent, kept with a sign-in (login log, sessions). */
  userAgent?: string;
}
