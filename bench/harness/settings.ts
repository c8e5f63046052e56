import path from 'node:path';

/** Every knob of `npm run bench`, from the environment, in one place (bench/README.md lists them). */
const number = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return n;
};

export const BENCH_DIR = path.resolve(__dirname, '..');
export const REPO_DIR = path.resolve(BENCH_DIR, '..');

export const settings = {
  /** The PostgreSQL server; the bench creates its own database there and drops it at the end. */
  adminUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  /** Measured seconds per (round, shape, server). */
  seconds: number('BENCH_SECONDS', 8),
  /** Unmeasured seconds of load just before each measured run (JIT, pools, plan caches). */
  warmupSeconds: number('BENCH_WARMUP_SECONDS', 2),
  /** Interleaved rounds: each round runs every shape on ours, PostGraphile, raw, in that order. */
  rounds: number('BENCH_ROUNDS', 3),
  /** Concurrent closed-loop connections of the load generator. */
  connections: number('BENCH_CONNECTIONS', 16),
  /** Measured seconds per (shape, server) of the one-connection latency pass, after the rounds. */
  latencySeconds: number('BENCH_LATENCY_SECONDS', 4),
  /** Sequential requests per shape and server in the statement-counting pass. */
  countRequests: number('BENCH_COUNT_REQUESTS', 20),
  /** Connection pool of every server (ours reads DATABASE_POOL_SIZE), the same for all three. */
  poolSize: number('BENCH_POOL_SIZE', 10),
  /** Scale of the generated county: 1 is the full size the figures in bench/README.md are for; smaller for a quick try. */
  scale: number('BENCH_SCALE', 1),
  /** Where the results JSON goes; empty string = do not write. */
  resultsDir: process.env.BENCH_RESULTS_DIR ?? path.join(BENCH_DIR, 'results'),
  /** Only these shapes (comma-separated names), for a quick look at one. */
  shapes: process.env.BENCH_SHAPES ? process.env.BENCH_SHAPES.split(',').map((s) => s.trim()) : undefined,
};

/** The peer and its runtime, pinned so two runs compare the same thing; installed outside the product. */
export const PEER_VERSIONS = {
  node: '22.23.3',
  postgraphile: '5.1.5',
  'postgraphile-plugin-connection-filter': '4.0.1',
} as const;

export const PEERS_DIR = path.join(BENCH_DIR, '.peers');
