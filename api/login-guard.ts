import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Database } from './db';
import { appError } from './errors';
import { createCounter, type Limits } from './limits';

// Guessing passwords is limited twice: per username (after LOGIN_MAX_FAILURES failures the name is
// locked for LOGIN_LOCK_MINUTES, whatever address the guesses come from, as the classified-protection
// standard asks of a login) and per address (a client trying many names). A locked name is refused
// even with the right password, so a guesser learns nothing more; unknown names count like known
// ones, so the lock does not tell which names exist. Only failures count, and a success clears its
// name's count.

export interface LoginGuard {
  /** Throws RATE_LIMITED when the name or the address has used up its failures. */
  check(username: string, address: string): Promise<void>;
  failed(username: string, address: string): Promise<void>;
  succeeded(username: string): Promise<void>;
  /** An administrator lifts a name's lock (and forgets its failures) before it runs out. */
  unlock(username: string): Promise<void>;
  /** Is the name locked now? */
  locked(username: string): Promise<boolean>;
}

const nameKey = (username: string) => username.trim().toLowerCase();

/** The highest lockout threshold a parameter may set (its range in api/parameters/registry.ts). */
const MOST_FAILURES = 100;

/**
 * `policy`, when given, is read at each sign-in (the figures an administrator changes, 参数设置): the
 * failures that lock a name, and how long the lock lasts from the failure that set it; without it
 * the limits' figures hold. Failures are counted over the window the limits give at the start.
 */
export async function createLoginGuard(database: Database, limits: Limits, policy?: { maxFailures(): number; lockMinutes(): number }): Promise<LoginGuard> {
  const duration = limits.loginLockMinutes * 60;
  const nameLimit = () => policy?.maxFailures() ?? limits.loginMaxFailures;
  const lockSeconds = () => (policy?.lockMinutes() ?? limits.loginLockMinutes) * 60;
  // Counted up to the highest threshold a parameter may set, so a threshold raised while the server
  // runs is compared with every failure of the window.
  const perName = await createCounter(database, { points: Math.max(MOST_FAILURES, limits.loginMaxFailures), duration, keyPrefix: 'login_name' });
  const perAddress = await createCounter(database, { points: limits.loginMaxFailuresPerAddress, duration, keyPrefix: 'login_address' });

  const limitOf = (limiter: RateLimiterAbstract) => (limiter === perName ? nameLimit() : limiter.points);
  const refuseIfUsedUp = async (limiter: RateLimiterAbstract, key: string, byName: boolean) => {
    const state = await limiter.get(key);
    if (!state || state.consumedPoints < limitOf(limiter)) return;
    const minutes = Math.max(1, Math.ceil(state.msBeforeNext / 60_000));
    throw appError(
      'RATE_LIMITED',
      byName
        ? { zh: `登录失败次数过多，该账号已锁定，请 ${minutes} 分钟后再试或联系管理员`, en: `Too many failed sign-ins: this account is locked; try again in ${minutes} min or ask an administrator` }
        : { zh: `此地址登录失败次数过多，请 ${minutes} 分钟后再试`, en: `Too many failed sign-ins from this address; try again in ${minutes} min` },
      { reason: byName ? 'ACCOUNT_LOCKED' : 'ADDRESS_LIMITED', retryAfterSeconds: Math.ceil(state.msBeforeNext / 1000) },
    );
  };
  // consume() rejects once the points are used up; that refusal is what check() reports next time.
  // Either way it answers the count, each failure its own (the store increments atomically).
  const count = (limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes> =>
    limiter.consume(key).catch((e) => {
      if (!(e instanceof RateLimiterRes)) throw e;
      return e;
    });

  return {
    async check(username, address) {
      await refuseIfUsedUp(perName, nameKey(username), true);
      await refuseIfUsedUp(perAddress, address, false);
    },
    async failed(username, address) {
      const key = nameKey(username);
      const counted = await count(perName, key);
      await count(perAddress, address);
      // The failure that reaches the threshold (one only, however many arrive at once) locks the
      // name for the lock's duration from now.
      if (counted.consumedPoints === nameLimit()) await perName.block(key, lockSeconds());
    },
    async succeeded(username) {
      await perName.delete(nameKey(username));
    },
    async unlock(username) {
      await perName.delete(nameKey(username));
    },
    async locked(username) {
      const state = await perName.get(nameKey(username));
      return !!state && state.consumedPoints >= nameLimit();
    },
  };
}
