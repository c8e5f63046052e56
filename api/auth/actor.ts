import { AsyncLocalStorage } from 'node:async_hooks';
import type { userRole } from '../../drizzle/schema';

export type Role = (typeof userRole.enumValues)[number];

/** Who is making a request, or the system itself (seed, command line): every write knows. */
export interface Actor {
  /** USER: a signed-in account; TOKEN: a third-party system's read-only API token. */
  kind: 'USER' | 'TOKEN' | 'ANONYMOUS' | 'SYSTEM';
  id: number | null;
  name: string;
  role: Role | null;
  /** Null for county-wide accounts. */
  organizationId: number | null;
  /** True when the organization is a street or township: writes stay within it. */
  local: boolean;
  /** For tokens: the resources it may read. */
  scopes?: string[];
  /** For tokens: may it read personal fields (names, phone numbers) unmasked? */
  personalData?: boolean;
  /** For accounts: the session the request is signed with (user_sessions), which sign-out ends. */
  sessionId?: number;
  /**
   * For accounts: the password must change before anything else (given by an administrator, or
   * older than the policy allows); until then only changing it, reading one's account and
   * signing out are served.
   */
  passwordChange?: 'SET_BY_ADMINISTRATOR' | 'EXPIRED';
  /**
   * For accounts whose role must sign in with a second factor (SECOND_FACTOR_ROLES) and has none
   * yet: until enrolment is confirmed, only enrolling, reading one's account and signing out are served.
   */
  secondFactorEnrolment?: true;
  /** What the actor's changes are made through, when not a form (an import job: `import:12`); the audit names it. */
  via?: string;
}

/**
 * The product itself, outside any request: the demo seed and the command line. It may write
 * everything, and its writes are not audited (they are the installation, not a user's change).
 */
export const SYSTEM: Actor = { kind: 'SYSTEM', id: null, name: 'system', role: null, organizationId: null, local: false };

export const ANONYMOUS: Actor = { kind: 'ANONYMOUS', id: null, name: 'anonymous', role: null, organizationId: null, local: false };

const storage = new AsyncLocalStorage<Actor>();

/** The actor of the request being served, if any; services read it to authorize and audit writes. */
export function currentActor(): Actor | undefined {
  return storage.getStore();
}

export function runAs<T>(actor: Actor, fn: () => T): T {
  return storage.run(actor, fn);
}
