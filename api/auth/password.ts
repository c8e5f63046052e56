import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { config } from '../config';

// Passwords are stored as salted scrypt hashes (Node's own, memory-hard); the parameters are kept
// with each hash so they can be raised later without invalidating old ones.
const PARAMS = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...params, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parts = stored?.split('$');
  if (!parts || parts.length !== 6 || parts[0] !== 'scrypt') {
    // Spend the same time as a real check, so a missing user cannot be told from a wrong password.
    await derive(password, randomBytes(16), PARAMS);
    return false;
  }
  const [, N, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A reason a password is refused, in both languages. */
export interface PasswordProblem {
  zh: string;
  en: string;
}

const CLASSES: { test: RegExp; zh: string; en: string }[] = [
  { test: /\p{Ll}/u, zh: '小写字母', en: 'lower-case letters' },
  { test: /\p{Lu}/u, zh: '大写字母', en: 'upper-case letters' },
  { test: /\p{Nd}/u, zh: '数字', en: 'digits' },
  { test: /[^\p{Ll}\p{Lu}\p{Nd}]/u, zh: '其他符号', en: 'other characters' },
];

/**
 * What the password policy says of a new password (the classified-protection standard: complexity,
 * and not guessable from the account): long enough, mixing enough kinds of character, not containing
 * the username. Configured by PASSWORD_MIN_LENGTH and PASSWORD_MIN_CLASSES.
 */
export function passwordProblem(password: string, username?: string | null): PasswordProblem | null {
  const length = [...password].length;
  const min = config.passwordMinLength;
  if (length < min) return { zh: `密码至少 ${min} 位`, en: `A password has at least ${min} characters` };
  if (length > 200) return { zh: '密码不能超过 200 位', en: 'A password has at most 200 characters' };
  const classes = CLASSES.filter((c) => c.test.test(password)).length;
  if (classes < config.passwordMinClasses) {
    return {
      zh: `密码须包含${CLASSES.map((c) => c.zh).join('、')}中的至少 ${config.passwordMinClasses} 类`,
      en: `A password mixes at least ${config.passwordMinClasses} of: ${CLASSES.map((c) => c.en).join(', ')}`,
    };
  }
  const name = username?.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) return { zh: '密码不能包含用户名', en: 'A password cannot contain the username' };
  return null;
}

/** Is the password one of the previous ones kept (newest first; PASSWORD_HISTORY of them)? */
export async function reusesPassword(password: string, previous: string[]): Promise<boolean> {
  for (const hash of previous.slice(0, config.passwordHistory)) {
    if (await verifyPassword(password, hash)) return true;
  }
  return false;
}

export const reusedProblem = (): PasswordProblem => ({
  zh: `不能使用最近 ${config.passwordHistory} 次用过的密码`,
  en: `A password cannot be one of the last ${config.passwordHistory} used`,
});

/** The previous hashes to keep after a change from `current` (newest first). */
export function nextHistory(current: string | null, previous: string[]): string[] {
  return (current ? [current, ...previous] : previous).slice(0, Math.max(0, config.passwordHistory));
}

/** Why the account must choose a new password before anything else, or null. */
export type PasswordChange = 'SET_BY_ADMINISTRATOR' | 'EXPIRED';

export function passwordChangeDue(user: { mustChangePassword: boolean; passwordChangedAt: Date | null }, now = Date.now()): PasswordChange | null {
  if (user.mustChangePassword) return 'SET_BY_ADMINISTRATOR';
  const days = config.passwordMaxAgeDays;
  if (days > 0 && user.passwordChangedAt && now - user.passwordChangedAt.getTime() > days * 86_400_000) return 'EXPIRED';
  return null;
}
