import path from 'node:path';

/** Everything the server reads from the environment, in one place (documented in the README). */
export const config = {
  port: Number(process.env.PORT ?? 4000),
  host: process.env.HOST ?? '0.0.0.0',
  /** postgres://… to use a PostgreSQL server; unset for the embedded database. */
  databaseUrl: process.env.DATABASE_URL || undefined,
  /** Where the embedded database keeps its files. */
  dataDir: path.resolve(process.env.DATA_DIR ?? 'data'),
  /** `demo` (default) seeds Zhenping county into an empty database; `none` starts empty. */
  seed: (process.env.SEED ?? 'demo') as 'demo' | 'none',
};
