import path from 'node:path';

/** What a street may receive unless configured otherwise (see `delegableCategories`). */
export const DEFAULT_DELEGABLE_CATEGORIES = 'PENALTY,INSPECTION,COERCION';

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
  /** Signs login tokens; when unset, one is generated once and kept in the data directory. */
  authSecret: process.env.AUTH_SECRET || undefined,
  /** How long a login lasts, in seconds (default 8 hours, a working day). */
  sessionSeconds: Number(process.env.SESSION_SECONDS ?? 8 * 3600),
  /**
   * A session ends after this many minutes without a request, whatever its absolute lifetime
   * (SESSION_SECONDS); the classified-protection standard asks for sign-out on timeout.
   */
  sessionIdleMinutes: Number(process.env.SESSION_IDLE_MINUTES ?? 30),
  /** Shortest password a user may choose. */
  passwordMinLength: Number(process.env.PASSWORD_MIN_LENGTH ?? 8),
  /** Kinds of character (lower case, upper case, digits, others) a password mixes, at least. */
  passwordMinClasses: Number(process.env.PASSWORD_MIN_CLASSES ?? 3),
  /** A new password may not be one of this many previous ones (0: no check). */
  passwordHistory: Number(process.env.PASSWORD_HISTORY ?? 5),
  /** Days after which a password must be changed at the next sign-in (0: never). */
  passwordMaxAgeDays: Number(process.env.PASSWORD_MAX_AGE_DAYS ?? 90),
  /** Express's `trust proxy` (e.g. `1` or `loopback`) when behind a load balancer; unset trusts nothing. */
  trustProxy: process.env.TRUST_PROXY ? (/^\d+$/.test(process.env.TRUST_PROXY) ? Number(process.env.TRUST_PROXY) : process.env.TRUST_PROXY) : undefined,
  /** Requests per minute per user, token or (anonymous) address; shared by all instances on PostgreSQL. */
  rateLimitPerMinute: Number(process.env.RATE_LIMIT_PER_MINUTE ?? 600),
  /** Deepest selection a query may nest. */
  maxQueryDepth: Number(process.env.MAX_QUERY_DEPTH ?? 10),
  /** Highest cost of a query: each field 1, a list of records its selection once per row of the page it asks for. */
  maxQueryCost: Number(process.env.MAX_QUERY_COST ?? 100_000),
  /** Most aliases in one query (a "wide" query repeats fields under aliases). */
  maxAliases: Number(process.env.MAX_ALIASES ?? 30),
  /** Failed sign-ins after which a username is locked (the classified-protection standard asks for a limit). */
  loginMaxFailures: Number(process.env.LOGIN_MAX_FAILURES ?? 5),
  /** How long a locked username stays locked, and the window failures are counted in. */
  loginLockMinutes: Number(process.env.LOGIN_LOCK_MINUTES ?? 15),
  /** Failed sign-ins from one address (any usernames) within that window; offices share addresses. */
  loginMaxFailuresPerAddress: Number(process.env.LOGIN_MAX_FAILURES_PER_ADDRESS ?? 50),
  /** Largest request body. */
  maxBodyBytes: Number(process.env.MAX_BODY_BYTES ?? 1_000_000),
  /** Highest acceptable vacancy rate of a staffing quota (《武清区关于进一步深化街镇综合执法改革的指导意见》: 空编率不得高于20%). */
  vacancyRateCap: Number(process.env.VACANCY_RATE_CAP ?? 0.2),
  /** Hours of professional-law training each enforcement officer needs per year (《镇平县行政执法改革与管理专项整治工作实施方案》: 不少于30课时). */
  professionalLawHoursMin: Number(process.env.PROFESSIONAL_LAW_HOURS_MIN ?? 30),
  /**
   * Categories of power item a street or township may receive, comma-separated. By default penalties,
   * inspections and coercive measures (《武昌区街道综合行政执法规范化建设实施意见》: 处罚、检查、强制);
   * licensing stays with the department (青岛市综合行政执法改革试点材料: 审批权不作陪嫁).
   */
  delegableCategories: (process.env.DELEGABLE_CATEGORIES || DEFAULT_DELEGABLE_CATEGORIES).split(',').map((c) => c.trim()).filter(Boolean),
};
