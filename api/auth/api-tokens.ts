import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { apiTokens } from '../../drizzle/schema';
import type { Queryable } from '../db';
import type { Actor } from './actor';

// API tokens for third-party systems: `tet_<id>_<secret>`. The secret is 32 random bytes, shown
// once; only its SHA-256 is stored (a slow hash adds nothing against a random secret of that size).

export const TOKEN_PREFIX = 'tet_';

export function newSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: sha256(secret) };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export const formatToken = (id: number, secret: string) => `${TOKEN_PREFIX}${id}_${secret}`;

export type TokenRow = typeof apiTokens.$inferSelect;

/** The actor of a presented API token, or null when it is unknown, wrong, revoked or expired. */
export async function tokenActor(db: Queryable, presented: string, cache?: { token(id: number, load: () => Promise<TokenRow | null>): Promise<TokenRow | null> }): Promise<Actor | null> {
  const m = /^tet_(\d{1,10})_([A-Za-z0-9_-]{20,100})$/.exec(presented);
  if (!m) return null;
  const id = Number(m[1]);
  const load = async () => (await db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0] ?? null;
  const row = cache ? await cache.token(id, load) : await load();
  if (!row) return null;
  const given = Buffer.from(sha256(m[2]), 'hex');
  const stored = Buffer.from(row.secretHash, 'hex');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  if (row.revokedAt || row.expiresAt.getTime() <= Date.now()) return null;
  return {
    kind: 'TOKEN',
    id: row.id,
    name: row.name,
    role: null,
    organizationId: null,
    local: false,
    scopes: row.scopes,
    personalData: row.personalData,
  };
}
