import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import { SharedLimiter } from './shared-limiter';

// A server stopping ends the limiter before it closes the database: an accounting already sending
// counts must be over by then, or it writes to a closed pool.
describe('the shared request limiter', () => {
  it('finishes an accounting under way before its stop resolves', async () => {
    const store = new RateLimiterMemory({ points: 100, duration: 60 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const events: string[] = [];
    const penalty = store.penalty.bind(store);
    store.penalty = async (key: string, points?: number) => {
      events.push('sending');
      await held;
      events.push('sent');
      return penalty(key, points) as Promise<RateLimiterRes>;
    };
    const limiter = new SharedLimiter(store, 100, 60_000, 60_000);
    await limiter.consume('IP:127.0.0.1');
    const accounting = limiter.account();
    const stopped = limiter.stop().then(() => events.push('stopped'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['sending']);
    release();
    await Promise.all([accounting, stopped]);
    expect(events).toEqual(['sending', 'sent', 'stopped']);
  });
});
