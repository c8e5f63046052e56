import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { SignJWT, jwtVerify } from 'jose';
import { signingKey } from './session';

// The second factor: time-based one-time codes (TOTP, RFC 6238: SHA-1, 6 digits, 30-second steps,
// what every authenticator app reads from the QR code), recovery codes for a lost phone, and the
// short-lived challenge that carries a sign-in from its password to its code.

const ISSUER = '乡镇综合执法';
const PERIOD = 30;
/** Steps either side of now a code may come from: a phone's clock a little off. */
const WINDOW = 1;
const CHALLENGE_SECONDS = 300;
const CHALLENGE_PURPOSE = 'second-factor';
export const RECOVERY_CODES = 10;

const totp = (secret: string, username = '') =>
  new TOTP({ issuer: ISSUER, label: username, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });

/** A new shared secret (160 bits, base32) and what enrolment shows for it: the otpauth:// URI and its QR code (an SVG data URL). */
export async function newEnrolment(username: string): Promise<{ secret: string; uri: string; qrCode: string }> {
  const secret = new Secret({ size: 20 }).base32;
  const uri = totp(secret, username).toString();
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/**
 * The time step a code belongs to, when it is right for `secret` now (give or take WINDOW steps)
 * and later than `lastStep`, the one last accepted: a code is good once. Null otherwise.
 */
export function acceptedStep(secret: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: now, window: WINDOW });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

const hashCode = (code: string) => createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('hex');

/** Fresh recovery codes (xxxxx-xxxxx, 50 bits each) and their hashes, which alone are kept. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => alphabet[b % 32]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  return { codes, hashes: codes.map(hashCode) };
}

/** Does the code match one of the unused recovery codes? Its hash, to strike from the list, or null. */
export function matchingRecoveryCode(code: string, hashes: string[]): string | null {
  if (!/^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/.test(code.trim())) return null;
  const wanted = Buffer.from(hashCode(code.trim()), 'hex');
  return hashes.find((h) => h.length === 64 && timingSafeEqual(Buffer.from(h, 'hex'), wanted)) ?? null;
}

/**
 * A sign-in whose password was right, waiting for its code: signed, for CHALLENGE_SECONDS, naming
 * the account and the password hash it was checked against (a password changed meanwhile voids it).
 */
export async function issueChallenge(userId: number, passwordHash: string): Promise<{ challenge: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + CHALLENGE_SECONDS * 1000);
  const challenge = await new SignJWT({ purpose: CHALLENGE_PURPOSE, pw: hashCode(passwordHash).slice(0, 16) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(userId))
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(signingKey());
  return { challenge, expiresAt };
}

/** The account a challenge names, if it verifies, has not expired and its password is still the one checked. */
export async function challengeAccount(challenge: string, currentHash: (userId: number) => Promise<string | null | undefined>): Promise<number | null> {
  try {
    const { payload } = await jwtVerify(challenge, signingKey(), { algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] });
    if (payload.purpose !== CHALLENGE_PURPOSE || !/^[1-9]\d{0,8}$/.test(payload.sub ?? '')) return null;
    const userId = Number(payload.sub);
    const hash = await currentHash(userId);
    return hash && hashCode(hash).slice(0, 16) === payload.pw ? userId : null;
  } catch {
    return null;
  }
}
