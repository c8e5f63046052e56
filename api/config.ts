import path from 'node:path';
import { DEFAULT_ATTACHMENT_TYPES } from './file-types';

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
  /**
   * Days an audit entry is kept at least (网络安全法 第二十一条: 留存相关的网络日志不少于六个月): nothing
   * younger can be purged. At least 180, checked at start.
   */
  auditRetentionDays: Number(process.env.AUDIT_RETENTION_DAYS ?? 180),
  /** The bearer secret `/metrics` asks for; unset, the route does not exist. */
  metricsToken: process.env.METRICS_TOKEN || undefined,
  /** Days after which the scheduled purge deletes audit entries; unset, nothing is purged by itself. */
  auditPurgeAfterDays: process.env.AUDIT_PURGE_AFTER_DAYS ? Number(process.env.AUDIT_PURGE_AFTER_DAYS) : undefined,
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
  /**
   * Roles that must sign in with a second factor (TOTP), comma-separated: by default the three
   * administrators (三员). Such an account without one is served only its enrolment. Add ADMIN where
   * the county-wide account is used day to day.
   */
  secondFactorRoles: (process.env.SECOND_FACTOR_ROLES ?? 'SYSTEM_ADMIN,SECURITY_ADMIN,AUDIT_ADMIN').split(',').map((r) => r.trim()).filter(Boolean),
  /** One session per account (禁止并发登录): a sign-in ends the account's older sessions. Off by default. */
  singleSession: /^(1|true|on|yes)$/i.test(process.env.SINGLE_SESSION ?? ''),
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
  /** Days of general-law training each person needs per year, drill included (《镇平县行政执法改革与管理专项整治工作实施方案》: 每人培训时间不少于4天). */
  generalLawDaysMin: Number(process.env.GENERAL_LAW_DAYS_MIN ?? 4),
  /** Of those, days of military drill (same: 其中军事训练不少于2天). */
  militaryDrillDaysMin: Number(process.env.MILITARY_DRILL_DAYS_MIN ?? 2),
  /** Roadshow lectures each street or township receives per year (《武清区关于进一步深化街镇综合执法改革的指导意见》: 每年对各街镇巡讲不少于2次). */
  roadshowsPerYearMin: Number(process.env.ROADSHOWS_PER_YEAR_MIN ?? 2),
  /** Penalty cases the departments guide through at each street or township per year (same: 全程跟踪指导的处罚案件不少于3件). */
  guidedCasesPerYearMin: Number(process.env.GUIDED_CASES_PER_YEAR_MIN ?? 3),
  /**
   * Days after a recruitment within which the recruit attends induction training (same: 新招录的执法人员…纳入初任培训).
   * The documents set no period; a year, the usual probation, by default.
   */
  inductionWithinDays: Number(process.env.INDUCTION_WITHIN_DAYS ?? 365),
  /** Body cameras each street's or township's team holds in service (《镇平县…实施方案》: 不低于四台执法记录仪). */
  bodyCamerasMin: Number(process.env.BODY_CAMERAS_MIN ?? 4),
  /** Squad leaders (中队长) each street's or township's team names (《镇平县行政执法改革与管理专项整治工作实施方案》: 明确正股级中队长1名). */
  squadLeaders: Number(process.env.SQUAD_LEADERS ?? 1),
  /** Deputy squad leaders (副队长) it names (same: 副队长2名). */
  deputySquadLeaders: Number(process.env.DEPUTY_SQUAD_LEADERS ?? 2),
  /** Full-time legal staff (专职法制人员) on legal-review posts (《武昌区街道综合行政执法规范化建设实施意见》: 固定2名以上专职法制人员). */
  legalStaffMin: Number(process.env.LEGAL_STAFF_MIN ?? 2),
  /** Share of enforcement posts held by someone with a certificate in force (《镇平县…实施方案》: 将持有行政执法证…作为执法的前置条件): all of them. */
  certifiedShareMin: Number(process.env.CERTIFIED_SHARE_MIN ?? 1),
  /** Patrol grids a team draws at least, each naming its responsible person (《镇平县…实施方案》: 建立健全综合执法网格体系). */
  patrolGridsMin: Number(process.env.PATROL_GRIDS_MIN ?? 1),
  /** Liaison officers named to the county departments (《镇平县…实施方案》: 要明确1名联络员(可以兼职)对接县直行政执法部门). */
  liaisonsMin: Number(process.env.LIAISONS_MIN ?? 1),
  /**
   * Days after its inspection by which a finding of the highest severity must be put under 挂牌督办
   * (《镇平县行政执法改革与管理专项整治工作实施方案》: 对性质严重、影响恶劣的问题实行挂牌督办). The
   * document sets no figure; 15 days is the county's to change.
   */
  flaggedSupervisionDays: Number(process.env.FLAGGED_SUPERVISION_DAYS ?? 15),
  /**
   * Days a receiving unit has to sign for a referred case (案件移送), counted from the day it was sent;
   * the documents ask for referral "及时" without a figure, so 3 days is the product's default.
   */
  referralReceiptDays: Number(process.env.REFERRAL_RECEIPT_DAYS ?? 3),
  /** Days from receipt to the receiving unit's decision (accept or return); 10 by default, as above. */
  referralDecisionDays: Number(process.env.REFERRAL_DECISION_DAYS ?? 10),
  /**
   * Hours a department called by a street (吹哨报到) has to acknowledge the call, counted from the
   * moment it was raised. The documents ask for 迅速 without a figure: 2 hours is the product's default.
   */
  dispatchAckHours: Number(process.env.DISPATCH_ACK_HOURS ?? 2),
  /** Hours from the call to the department's arrival on the spot (报到); 24 by default, as above. */
  dispatchArrivalHours: Number(process.env.DISPATCH_ARRIVAL_HOURS ?? 24),
  /**
   * Categories of power item a street or township may receive, comma-separated. By default penalties,
   * inspections and coercive measures (《武昌区街道综合行政执法规范化建设实施意见》: 处罚、检查、强制);
   * licensing stays with the department (青岛市综合行政执法改革试点材料: 审批权不作陪嫁).
   */
  /** Largest attachment a record keeps, in megabytes. */
  attachmentMaxMb: Number(process.env.ATTACHMENT_MAX_MB ?? 20),
  /** File types an attachment may be (by extension, its content checked to match), comma-separated. */
  attachmentTypes: (process.env.ATTACHMENT_TYPES || DEFAULT_ATTACHMENT_TYPES).split(',').map((t) => t.trim().toLowerCase()).filter(Boolean),
  delegableCategories: (process.env.DELEGABLE_CATEGORIES || DEFAULT_DELEGABLE_CATEGORIES).split(',').map((c) => c.trim()).filter(Boolean),
};
