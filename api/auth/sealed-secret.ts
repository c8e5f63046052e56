import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { and, eq, isNotNull, like, not, or } from 'drizzle-orm';
import { users } from '../../drizzle/schema';
import type { Db } from '../db';
import { signingKey } from './session';

// The second factor's shared secret is authentication data (鉴别数据) that must be kept confidential
// in storage (GB/T 22239-2019《信息安全技术 网络安全等级保护基本要求》: 应采用密码技术保证重要数据在存储
// 过程中的保密性, 包括但不限于鉴别数据). Unlike a password it cannot be hashed: checking a code needs
// the secret itself. It is sealed with AES-256-GCM (authenticated: a value altered in the database
// does not open) under a key derived from the server's signing secret (AUTH_SECRET), which is not
// in the database, so a copy of the database alone does not give the secrets away. The account's id
// is bound in (additional authenticated data): a sealed value copied to another account does not
// open there, and a value that is not sealed at all is not read.
// SM4 would be the national algorithm, but this platform's OpenSSL offers it without an
// authenticated mode.

const SEALED = 'v1.';
const ALGORITHM = 'aes-256-gcm';

/** The sealing key: derived from the signing secret for this use alone. */
const key = () => Buffer.from(hkdfSync('sha256', signingKey(), Buffer.alloc(0), 'second-factor-secret', 32));

/** What the tag covers beside the secret: the account it belongs to. */
const boundTo = (userId: number) => Buffer.from(`user:${userId}`, 'utf8');

/** A secret of account `userId` as it is stored: `v1.` and the nonce, tag and ciphertext in base64url. */
export function seal(plain: string, userId: number): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key(), iv);
  cipher.setAAD(boundTo(userId));
  const text = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return SEALED + Buffer.concat([iv, cipher.getAuthTag(), text]).toString('base64url');
}

/**
 * The secret a stored value of account `userId` holds; null when it does not open (AUTH_SECRET
 * changed, the value was altered or belongs to another account, or it is not sealed: those stored
 * before sealing are sealed by `sealStoredSecrets` before the server serves). The account then signs
 * in with a recovery code, or the security administrator disables the second factor for it to
 * enrol again.
 */
export function unseal(stored: string, userId: number): string | null {
  if (!stored.startsWith(SEALED)) return null;
  try {
    const raw = Buffer.from(stored.slice(SEALED.length), 'base64url');
    const decipher = createDecipheriv(ALGORITHM, key(), raw.subarray(0, 12));
    decipher.setAAD(boundTo(userId));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** Seals the secrets stored before they were sealed (an upgrade); run at every start, after the first it finds none. */
export async function sealStoredSecrets(db: Db): Promise<number> {
  const plain = (column: typeof users.totpSecret | typeof users.totpPendingSecret) => and(isNotNull(column), not(like(column, `${SEALED}%`)));
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: users.id, secret: users.totpSecret, pending: users.totpPendingSecret })
      .from(users)
      .where(or(plain(users.totpSecret), plain(users.totpPendingSecret)))
      .for('update');
    for (const r of rows) {
      const sealed = (v: string | null) => (v === null || v.startsWith(SEALED) ? v : seal(v, r.id));
      await tx.update(users).set({ totpSecret: sealed(r.secret), totpPendingSecret: sealed(r.pending) }).where(eq(users.id, r.id));
    }
    return rows.length;
  });
}
