import autocannon from 'autocannon';
import type { HttpRequest } from './shapes';

// Closed-loop load: N connections, each sending its next request as soon as the previous answer
// arrives, for a fixed time. autocannon runs in the bench's own process (not a server's), parses
// HTTP itself and costs little CPU, which matters on a 2-core machine where the load generator,
// the server and PostgreSQL share the cores.

export interface LoadResult {
  seconds: number;
  /** Successful (2xx) answers. */
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  bytesPerResponse: number;
}

export interface LoadOptions {
  base: string;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  /** The i-th request; i counts across the whole bench so rotations do not restart each run. */
  build: (i: number) => HttpRequest;
  next: () => number;
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: o.base,
    connections: o.connections,
    duration: o.seconds,
    // A slow answer is a data point, not a failure: ours' unpaginated delegationsAsOf takes seconds.
    timeout: 60,
    headers: o.headers,
    requests: [
      {
        setupRequest: (req) => {
          const r = o.build(o.next());
          return { ...req, method: r.method, path: r.path, body: r.body };
        },
      },
    ],
  });
  const ok = result['2xx'];
  const responses = result.requests.total || 1;
  return {
    seconds: result.duration,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    requestsPerSecond: ok / result.duration,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
    bytesPerResponse: result.throughput.total / responses,
  };
}
