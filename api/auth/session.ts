import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { SignJWT, jwtVerify } from 'jose';
import { organizations, userSessions, users } from '../../drizzle/schema';
import { config } from '../config';
import type { Queryable } from '../db';
import { appError } from '../errors';
import { ANONYMOUS, type Actor } from './actor';
import { TOKEN_PREFIX, tokenActor, type TokenRow } from './api-tokens';
import { IdentityCache } from './identity-cache';
import { passwordChangeDue } from './password';

const ISSUER = 'township-enforcement';

let secret: Uint8Array | undefined;

/** The signing key: AUTH_SECRET, or one generated on first use and kept in the data directory. */
export function signingKey(): Uint8Array {
  if (secret) return secret;
  if (config.authSecret) return (secret = new TextEncoder().encode(config.authSecret));
  const file = path.join(config.dataDir, 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return (secret = new TextEncoder().encode(readFileSync(file, 'utf8').trim()));
}

/** Must this role sign in with a second factor (SECOND_FACTOR_ROLES)? */
export const secondFactorRequired = (role: string | null) => role !== null && config.secondFactorRoles.includes(role);

/** Where a sign-in comes from, kept with its session. */
export interface SessionOrigin {
  address?: string | null;
  userAgent?: string | null;
}

/**
 * A new session of the account: a row in user_sessions (listed as an online user, ended by a forced
 * sign-out or the idle timeout) and the token that names it.
 */
export async function startSession(db: Queryable, userId: number, origin: SessionOrigin = {}): Promise<{ token: string; expiresAt: Date; sessionId: number }> {
  const now = Date.now();
  const expiresAt = new Date(now + config.sessionSeconds * 1000);
  const [row] = await db
    .insert(userSessions)
    .values({
      userId,
      startedAt: new Date(now),
      lastSeenAt: new Date(now),
      expiresAt,
      address: origin.address?.slice(0, 100) ?? null,
      userAgent: origin.userAgent?.slice(0, 300) ?? null,
    })
    .returning({ id: userSessions.id });
  // `iat` is in whole seconds; the issue time in milliseconds tells a session signed just before a
  // password change from one signed just after it, within the same second.
  const token = await new SignJWT({ iat_ms: now, sid: row.id })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(userId))
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(signingKey());
  return { token, expiresAt, sessionId: row.id };
}

/**
 * Ends every open session of an account (its password changed; or, under SINGLE_SESSION, a newer
 * sign-in, whose own session `except` names): the session list shows them ended.
 */
export async function endAccountSessions(db: Queryable, userId: number, endedBy: 'PASSWORD_CHANGED' | 'REPLACED' = 'PASSWORD_CHANGED', except?: number): Promise<void> {
  await db
    .update(userSessions)
    .set({ endedAt: new Date(), endedBy, version: sql`${userSessions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt), except === undefined ? undefined : ne(userSessions.id, except)));
}

/** Ends a session that is still open; false when it had already ended. */
export async function endSession(db: Queryable, sessionId: number, endedBy: 'SIGNED_OUT' | 'FORCED' | 'IDLE', endedById: number | null = null): Promise<boolean> {
  const ended = await db
    .update(userSessions)
    .set({ endedAt: new Date(), endedBy, endedById, version: sql`${userSessions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.endedAt)))
    .returning({ id: userSessions.id });
  return ended.length > 0;
}

/** What a session needs to know of its account on every request. */
async function loadUser(db: Queryable, userId: number) {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      active: users.active,
      organizationId: users.organizationId,
      sessionsValidFrom: users.sessionsValidFrom,
      mustChangePassword: users.mustChangePassword,
      passwordChangedAt: users.passwordChangedAt,
      totpEnabledAt: users.totpEnabledAt,
      secondFactorExempt: users.secondFactorExempt,
      kind: organizations.kind,
    })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, userId));
  return row ?? null;
}

export type SessionUser = Awaited<ReturnType<typeof loadUser>>;

/** What a request needs to know of its session: whether it is open, and when it was last used. */
async function loadSession(db: Queryable, sessionId: number) {
  const [row] = await db
    .select({ id: userSessions.id, userId: userSessions.userId, lastSeenAt: userSessions.lastSeenAt, endedAt: userSessions.endedAt })
    .from(userSessions)
    .where(eq(userSessions.id, sessionId));
  return row ?? null;
}

export type SessionRow = Awaited<ReturnType<typeof loadSession>>;

/** The accounts, sessions and tokens of requests, kept between requests (see identity-cache.ts). */
export type Identities = IdentityCache<SessionUser, TokenRow | null, SessionRow>;

/** An empty cache of accounts and tokens; `live` once changes to them are known to be heard. */
export const createIdentities = (live: boolean): Identities => new IdentityCache(live);

interface Claims {
  userId: number;
  sessionId: number;
  issuedAt: number;
  expiresAt: number;
}

/** Signatures already checked: a session token is verified once, then only its expiry is. */
const verified = new Map<string, Claims>();
const MAX_VERIFIED = 10_000;

/** The account and issue time a session token carries, or null when it does not verify or has expired. */
async function sessionClaims(token: string): Promise<Claims | null> {
  const known = verified.get(token);
  if (known) return known.expiresAt > Date.now() ? known : null;
  try {
    // A token without an expiry or an issue time was not made here, whatever its signature.
    const { payload } = await jwtVerify(token, signingKey(), { issuer: ISSUER, algorithms: ['HS256'], requiredClaims: ['exp', 'iat', 'sub'] });
    if (!/^[1-9]\d{0,8}$/.test(payload.sub ?? '')) return null;
    // Every session has its row (startSession); a token naming none cannot be listed or ended.
    if (typeof payload.sid !== 'number' || !Number.isInteger(payload.sid) || payload.sid < 1) return null;
    const claims = {
      userId: Number(payload.sub),
      sessionId: payload.sid,
      issuedAt: typeof payload.iat_ms === 'number' ? payload.iat_ms : payload.iat! * 1000,
      expiresAt: payload.exp! * 1000,
    };
    if (verified.size >= MAX_VERIFIED) verified.clear();
    verified.set(token, claims);
    return claims;
  } catch {
    return null;
  }
}

const unauthenticated = () =>
  appError('UNAUTHENTICATED', {
    zh: '登录已失效或凭证无效，请重新登录',
    en: 'The session has expired or the credentials are invalid; sign in again',
  });

const sessionEnded = () =>
  appError(
    'UNAUTHENTICATED',
    { zh: '该登录已被结束（退出或被管理员强制下线），请重新登录', en: 'This session has ended (signed out, or signed out by an administrator); sign in again' },
    { reason: 'SESSION_ENDED' },
  );

const idleTimeout = () =>
  appError(
    'UNAUTHENTICATED',
    {
      zh: `超过 ${config.sessionIdleMinutes} 分钟未操作，登录已超时，请重新登录`,
      en: `No activity for ${config.sessionIdleMinutes} minutes: the session has timed out; sign in again`,
    },
    { reason: 'IDLE_TIMEOUT' },
  );

/**
 * Is the session open and recently used? Its last use is written at most every TOUCH_EVERY (a write
 * per request would cost more than the request), always well inside the idle timeout, so between
 * two writes the session cannot have gone idle; each write is also the check, against the database,
 * which every instance shares.
 */
async function checkSession(db: Queryable, claims: Claims, cache?: Identities): Promise<void> {
  const load = () => loadSession(db, claims.sessionId);
  const session = cache ? await cache.session(claims.sessionId, load) : await load();
  if (!session || session.userId !== claims.userId || session.endedAt) throw sessionEnded();
  const idleMs = config.sessionIdleMinutes * 60_000;
  const touchEvery = Math.min(60_000, idleMs / 4);
  const now = Date.now();
  if (now - session.lastSeenAt.getTime() < touchEvery) return;
  const touched = await db
    .update(userSessions)
    .set({ lastSeenAt: new Date(now) })
    .where(and(eq(userSessions.id, session.id), isNull(userSessions.endedAt), gt(userSessions.lastSeenAt, new Date(now - idleMs))))
    .returning({ lastSeenAt: userSessions.lastSeenAt });
  if (touched.length) {
    session.lastSeenAt = touched[0].lastSeenAt;
    return;
  }
  // Ended meanwhile (on another instance), or idle too long: which one, the row says.
  const current = await load();
  if (!current || current.endedAt) throw sessionEnded();
  await endSession(db, session.id, 'IDLE');
  throw idleTimeout();
}

/**
 * The actor behind an Authorization header. No header is anonymous; a header that does not verify
 * (forged, expired, a disabled account) is refused outright rather than treated as anonymous.
 */
export async function authenticate(db: Queryable, header: string | undefined, cache?: Identities): Promise<Actor> {
  if (!header) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthenticated();
  if (match[1].startsWith(TOKEN_PREFIX)) {
    const actor = await tokenActor(db, match[1], cache);
    if (!actor) throw unauthenticated();
    return actor;
  }
  const claims = await sessionClaims(match[1]);
  if (!claims) throw unauthenticated();
  const { userId, issuedAt } = claims;
  const row = cache ? await cache.user(userId, () => loadUser(db, userId)) : await loadUser(db, userId);
  if (!row || !row.active) throw unauthenticated();
  // A password change ends the sessions signed before it (and at the same millisecond).
  if (row.sessionsValidFrom && issuedAt <= row.sessionsValidFrom.getTime()) throw unauthenticated();
  await checkSession(db, claims, cache);
  return {
    kind: 'USER',
    id: row.id,
    name: row.username,
    role: row.role,
    organizationId: row.organizationId,
    local: row.kind === 'STREET' || row.kind === 'TOWNSHIP',
    sessionId: claims.sessionId,
    passwordChange: passwordChangeDue(row) ?? undefined,
    secondFactorEnrolment: secondFactorRequired(row.role) && !row.totpEnabledAt && !row.secondFactorExempt ? true : undefined,
  };
}
