import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { SignJWT, jwtVerify } from 'jose';
import { organizations, users } from '../../drizzle/schema';
import { config } from '../config';
import type { Queryable } from '../db';
import { appError } from '../errors';
import { ANONYMOUS, type Actor } from './actor';
import { TOKEN_PREFIX, tokenActor, type TokenRow } from './api-tokens';
import { IdentityCache } from './identity-cache';

const ISSUER = 'township-enforcement';

let secret: Uint8Array | undefined;

/** The signing key: AUTH_SECRET, or one generated on first use and kept in the data directory. */
function signingKey(): Uint8Array {
  if (secret) return secret;
  if (config.authSecret) return (secret = new TextEncoder().encode(config.authSecret));
  const file = path.join(config.dataDir, 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return (secret = new TextEncoder().encode(readFileSync(file, 'utf8').trim()));
}

export async function signSession(userId: number): Promise<{ token: string; expiresAt: Date }> {
  const now = Date.now();
  const expiresAt = new Date(now + config.sessionSeconds * 1000);
  // `iat` is in whole seconds; the issue time in milliseconds tells a session signed just before a
  // password change from one signed just after it, within the same second.
  const token = await new SignJWT({ iat_ms: now })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(userId))
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(signingKey());
  return { token, expiresAt };
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
      kind: organizations.kind,
    })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, userId));
  return row ?? null;
}

export type SessionUser = Awaited<ReturnType<typeof loadUser>>;

/** The accounts and tokens of requests, kept between requests (see identity-cache.ts). */
export type Identities = IdentityCache<SessionUser, TokenRow | null>;

/** An empty cache of accounts and tokens; `live` once changes to them are known to be heard. */
export const createIdentities = (live: boolean): Identities => new IdentityCache(live);

interface Claims {
  userId: number;
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
    const claims = {
      userId: Number(payload.sub),
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
  return {
    kind: 'USER',
    id: row.id,
    name: row.username,
    role: row.role,
    organizationId: row.organizationId,
    local: row.kind === 'STREET' || row.kind === 'TOWNSHIP',
  };
}
