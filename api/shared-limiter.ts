import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { logFailure } from './log';

/** What a request limiter must do: count one request, or reject with a RateLimiterRes. */
export interface RequestLimiter {
  consume(key: string): Promise<unknown>;
}

interface Count {
  /** Requests counted here and not yet added to the shared store. */
  pending: number;
  /** The caller's total in the shared store (every instance) at the last accounting. */
  shared: number;
  /** When the current window ends (ms since the epoch). */
  resetAt: number;
  /** When this instance last counted a request of the caller. */
  seenAt: number;
}

/**
 * A per-minute request limit shared by every instance, without a database write per request.
 * Each instance counts in memory and, every `everyMs`, adds what it counted to the shared store
 * (rate-limiter-flexible's PostgreSQL limiter: one upsert per caller it counted) and reads back
 * the total across instances of each caller it has seen recently; a caller new to the instance (or
 * to the window) has its total read before its first request is let through. A caller is refused
 * once the last shared total plus what was counted here since reaches the limit: exact on one
 * instance; a caller spreading requests over instances at once may get up to one accounting
 * interval's requests more per instance, and one that used its share on one is refused by another.
 */
export class SharedLimiter implements RequestLimiter {
  private readonly counts = new Map<string, Count>();
  private readonly timer: NodeJS.Timeout;
  private accounting: Promise<void> | undefined;
  /** Callers whose shared totals are being read before their first request here. */
  private readonly reading = new Map<string, Promise<Count>>();
  /** Callers seen this recently have their shared totals read back even when idle here. */
  private readonly recentMs: number;

  constructor(
    private readonly store: RateLimiterAbstract,
    private readonly points: number,
    private readonly durationMs: number,
    everyMs: number,
  ) {
    this.recentMs = everyMs * 10;
    this.timer = setInterval(() => void this.account(), everyMs);
    this.timer.unref();
  }

  async consume(key: string): Promise<void> {
    const count = await this.countOf(key);
    const now = Date.now();
    if (count.shared + count.pending >= this.points) {
      throw new RateLimiterRes(0, count.resetAt - now, count.shared + count.pending, false);
    }
    count.pending++;
    count.seenAt = now;
  }

  /**
   * The caller's count in the current window. A caller this instance has not served in the window
   * may have used its share through another: its shared total is read before its first request here
   * is let through (one read per caller and window), so moving to another instance gains nothing.
   */
  private countOf(key: string): Count | Promise<Count> {
    const count = this.counts.get(key);
    if (count && Date.now() < count.resetAt) return count;
    let reading = this.reading.get(key);
    if (!reading) {
      reading = this.readShared(key).finally(() => this.reading.delete(key));
      this.reading.set(key, reading);
    }
    return reading;
  }

  private async readShared(key: string): Promise<Count> {
    let shared = 0;
    let resetAt = Date.now() + this.durationMs;
    try {
      const res = await this.store.get(key);
      if (res) {
        shared = res.consumedPoints;
        resetAt = Date.now() + res.msBeforeNext;
      }
    } catch (error) {
      // The store is away (a database restart): count here alone until it is back.
      logFailure('rate-limit', error);
    }
    // A window that ended keeps what was counted here and not yet shared (the accounting may be
    // sending it now): the same entry is brought up to date, not replaced.
    const current = this.counts.get(key);
    if (current) {
      current.shared = shared;
      current.resetAt = resetAt;
      return current;
    }
    const fresh = { pending: 0, shared, resetAt, seenAt: Date.now() };
    this.counts.set(key, fresh);
    return fresh;
  }

  /** Adds the counts to the shared store and reads back each active caller's total. */
  account(): Promise<void> {
    this.accounting ??= this.share().finally(() => (this.accounting = undefined));
    return this.accounting;
  }

  private async share(): Promise<void> {
    const now = Date.now();
    for (const [key, count] of this.counts) {
      if (count.pending === 0 && now - count.seenAt > this.recentMs) {
        if (now >= count.resetAt) this.counts.delete(key);
        continue;
      }
      const sent = count.pending;
      try {
        const res = sent > 0 ? await this.store.penalty(key, sent) : await this.store.get(key);
        count.pending -= sent;
        if (res) {
          count.shared = res.consumedPoints;
          count.resetAt = Date.now() + res.msBeforeNext;
        }
      } catch (error) {
        // The store is away (a database restart): keep counting here and share later.
        logFailure('rate-limit', error);
        return;
      }
    }
  }

  /** Ends the accounting; an accounting under way finishes first, so it never reads a closed database. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.accounting;
  }
}
