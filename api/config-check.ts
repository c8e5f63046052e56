import { isIP } from 'node:net';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { Client } from 'pg';
import { powerCategory } from '../drizzle/schema/catalog';
import { userRole } from '../drizzle/schema/accounts';
import { DEFAULT_DELEGABLE_CATEGORIES } from './config';
import { DEFAULT_ATTACHMENT_TYPES, FILE_TYPES } from './file-types';

// Every setting the server reads, checked before it starts: a value that is not what the setting
// takes, and a variable that looks like a setting but is none (DATABSE_URL, SESION_SECONDS), are
// refused with their names, rather than silently ignored or read as NaN. `npm start -- --check`
// prints what the server would run with, secrets only as set or unset, and whether the database
// answers. The defaults here are those of config.ts and the README's table.

export interface Problem {
  zh: string;
  en: string;
}

type Kind =
  | { type: 'int'; min: number; max?: number }
  | { type: 'number'; min: number; max?: number }
  | { type: 'choice'; values: string[] }
  | { type: 'choices'; values: readonly string[] }
  | { type: 'databaseUrl' }
  | { type: 'zone' }
  | { type: 'trustProxy' }
  | { type: 'secret'; minLength: number }
  | { type: 'text' };

interface Setting {
  name: string;
  kind: Kind;
  /** As the server takes it when the variable is unset (text for the printout). */
  fallback: string;
}

const int = (min: number, max?: number): Kind => ({ type: 'int', min, max });

export const SETTINGS: Setting[] = [
  { name: 'PORT', kind: int(0, 65535), fallback: '4000' },
  { name: 'HOST', kind: { type: 'text' }, fallback: '0.0.0.0' },
  { name: 'DATABASE_URL', kind: { type: 'databaseUrl' }, fallback: '(unset: embedded PGlite)' },
  { name: 'DATABASE_POOL_SIZE', kind: int(1), fallback: '10' },
  { name: 'DATABASE_CONNECT_TIMEOUT_MS', kind: int(1), fallback: '5000' },
  { name: 'DATABASE_CONNECTION_MAX_USES', kind: int(1), fallback: '5000' },
  { name: 'DATABASE_RELISTEN_MS', kind: int(1), fallback: '1000' },
  { name: 'DATA_DIR', kind: { type: 'text' }, fallback: './data' },
  { name: 'SEED', kind: { type: 'choice', values: ['demo', 'none'] }, fallback: 'demo' },
  { name: 'TZ', kind: { type: 'zone' }, fallback: 'Asia/Shanghai' },
  { name: 'NODE_ENV', kind: { type: 'choice', values: ['production', 'development', 'test'] }, fallback: 'production' },
  { name: 'VACANCY_RATE_CAP', kind: { type: 'number', min: 0, max: 1 }, fallback: '0.2' },
  { name: 'PROFESSIONAL_LAW_HOURS_MIN', kind: { type: 'number', min: 0 }, fallback: '30' },
  { name: 'FLAGGED_SUPERVISION_DAYS', kind: int(0), fallback: '15' },
  { name: 'REFERRAL_RECEIPT_DAYS', kind: int(0), fallback: '3' },
  { name: 'REFERRAL_DECISION_DAYS', kind: int(0), fallback: '10' },
  { name: 'DISPATCH_ACK_HOURS', kind: int(0), fallback: '2' },
  { name: 'DISPATCH_ARRIVAL_HOURS', kind: int(0), fallback: '24' },
  { name: 'GENERAL_LAW_DAYS_MIN', kind: { type: 'number', min: 0 }, fallback: '4' },
  { name: 'MILITARY_DRILL_DAYS_MIN', kind: { type: 'number', min: 0 }, fallback: '2' },
  { name: 'ROADSHOWS_PER_YEAR_MIN', kind: int(0), fallback: '2' },
  { name: 'GUIDED_CASES_PER_YEAR_MIN', kind: int(0), fallback: '3' },
  { name: 'INDUCTION_WITHIN_DAYS', kind: int(1), fallback: '365' },
  { name: 'BODY_CAMERAS_MIN', kind: int(0), fallback: '4' },
  { name: 'SQUAD_LEADERS', kind: int(0), fallback: '1' },
  { name: 'DEPUTY_SQUAD_LEADERS', kind: int(0), fallback: '2' },
  { name: 'LEGAL_STAFF_MIN', kind: int(0), fallback: '2' },
  { name: 'CERTIFIED_SHARE_MIN', kind: { type: 'number', min: 0, max: 1 }, fallback: '1' },
  { name: 'PATROL_GRIDS_MIN', kind: int(0), fallback: '1' },
  { name: 'LIAISONS_MIN', kind: int(0), fallback: '1' },
  { name: 'DELEGABLE_CATEGORIES', kind: { type: 'choices', values: powerCategory.enumValues }, fallback: DEFAULT_DELEGABLE_CATEGORIES },
  { name: 'ATTACHMENT_MAX_MB', kind: { type: 'number', min: 0.001, max: 1000 }, fallback: '20' },
  { name: 'ATTACHMENT_TYPES', kind: { type: 'choices', values: Object.keys(FILE_TYPES) }, fallback: DEFAULT_ATTACHMENT_TYPES },
  { name: 'AUTH_SECRET', kind: { type: 'secret', minLength: 32 }, fallback: '(unset: generated in DATA_DIR/auth-secret)' },
  { name: 'SESSION_SECONDS', kind: int(1), fallback: '28800' },
  { name: 'SESSION_IDLE_MINUTES', kind: int(1), fallback: '30' },
  { name: 'METRICS_TOKEN', kind: { type: 'secret', minLength: 32 }, fallback: '(unset: no /metrics)' },
  { name: 'AUDIT_RETENTION_DAYS', kind: int(180), fallback: '180' },
  { name: 'AUDIT_PURGE_AFTER_DAYS', kind: int(180), fallback: '(unset: no scheduled purge)' },
  { name: 'PASSWORD_MIN_LENGTH', kind: int(8, 200), fallback: '8' },
  { name: 'PASSWORD_MIN_CLASSES', kind: int(1, 4), fallback: '3' },
  { name: 'PASSWORD_HISTORY', kind: int(0, 24), fallback: '5' },
  { name: 'PASSWORD_MAX_AGE_DAYS', kind: int(0), fallback: '90' },
  { name: 'SECOND_FACTOR_ROLES', kind: { type: 'choices', values: userRole.enumValues }, fallback: 'SYSTEM_ADMIN,SECURITY_ADMIN,AUDIT_ADMIN' },
  { name: 'SINGLE_SESSION', kind: { type: 'choice', values: ['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'] }, fallback: 'false' },
  { name: 'TRUST_PROXY', kind: { type: 'trustProxy' }, fallback: '(unset: trust no proxy)' },
  { name: 'STOP_GRACE_MS', kind: int(0), fallback: '15000' },
  { name: 'STOP_TIMEOUT_MS', kind: int(1), fallback: '30000' },
  { name: 'LOGIN_MAX_FAILURES', kind: int(1), fallback: '5' },
  { name: 'LOGIN_LOCK_MINUTES', kind: int(1), fallback: '15' },
  { name: 'LOGIN_MAX_FAILURES_PER_ADDRESS', kind: int(1), fallback: '50' },
  { name: 'RATE_LIMIT_PER_MINUTE', kind: int(1), fallback: '600' },
  { name: 'MAX_QUERY_DEPTH', kind: int(1), fallback: '10' },
  { name: 'MAX_QUERY_COST', kind: int(1), fallback: '100000' },
  { name: 'MAX_ALIASES', kind: int(1), fallback: '30' },
  { name: 'MAX_BODY_BYTES', kind: int(1), fallback: '1000000' },
];

/** Read by the product's commands and its tests rather than by the server: known, so never taken for misspellings. */
export const OTHER_VARIABLES = ['NEW_USER_PASSWORD', 'CHROMIUM_PATH', 'TEST_DATABASE_URL', 'TEST_DRIVER', 'CI'];

/** Prefixes only this product's settings use: an unknown name under one of them is a mistake. */
const PREFIXES = ['DATABASE_', 'LOGIN_', 'PASSWORD_', 'SESSION_IDLE_', 'STOP_', 'RATE_LIMIT_', 'MAX_QUERY_', 'MAX_BODY_', 'VACANCY_', 'PROFESSIONAL_LAW_', 'DELEGABLE_', 'REFERRAL_', 'DISPATCH_', 'GENERAL_LAW_', 'MILITARY_DRILL_', 'ROADSHOWS_', 'GUIDED_CASES_', 'INDUCTION_', 'BODY_CAMERAS_', 'ATTACHMENT_', 'AUDIT_', 'METRICS_', 'SQUAD_', 'DEPUTY_SQUAD_', 'LEGAL_STAFF_', 'CERTIFIED_', 'PATROL_GRIDS_', 'LIAISONS_', 'SECOND_FACTOR_', 'SINGLE_SESSION'];

const known = new Set([...SETTINGS.map((s) => s.name), ...OTHER_VARIABLES]);
const normal = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Edits (insert, delete, change, swap two neighbours) from one name to another. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The setting an unknown variable was probably meant to be, or undefined when it is nothing of ours. */
function meantFor(name: string): string | undefined {
  const settings = SETTINGS.map((s) => s.name);
  const same = settings.find((s) => normal(s) === normal(name));
  if (same) return same;
  // Short names (PORT, HOST, SEED, TZ) sit too close to the system's own (HOME, USER) to guess at.
  const close = settings.filter((s) => s.length >= 8).find((s) => distance(s, name.toUpperCase()) <= 2);
  if (close) return close;
  if (PREFIXES.some((p) => name.startsWith(p))) return '';
  return undefined;
}

/** The database's address without its password: `postgres://user@host:5432/db`. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${decodeURIComponent(u.username)}${u.password ? ':***' : ''}@` : '';
    return `${u.protocol}//${user}${u.hostname || 'localhost'}:${u.port || 5432}${u.pathname || '/'}`;
  } catch {
    return '(not a URL)';
  }
}

function checkValue(setting: Setting, raw: string): Problem | undefined {
  const { name, kind } = setting;
  const bad = (zh: string, en: string): Problem => ({ zh: `${name}=${shown(setting, raw)}：${zh}`, en: `${name}=${shown(setting, raw)}: ${en}` });
  switch (kind.type) {
    case 'int':
    case 'number': {
      const pattern = kind.type === 'int' ? /^\d+$/ : /^\d+(\.\d+)?$/;
      const n = Number(raw);
      const range = `${kind.min}${kind.max === undefined ? ' 以上' : ` 至 ${kind.max}`}`;
      const rangeEn = kind.max === undefined ? `at least ${kind.min}` : `from ${kind.min} to ${kind.max}`;
      if (!pattern.test(raw.trim()) || n < kind.min || (kind.max !== undefined && n > kind.max)) {
        return kind.type === 'int' ? bad(`应为 ${range} 的整数。`, `must be a whole number ${rangeEn}.`) : bad(`应为 ${range} 的数。`, `must be a number ${rangeEn}.`);
      }
      return undefined;
    }
    case 'choice':
      return kind.values.includes(raw) ? undefined : bad(`应为 ${kind.values.join(' 或 ')}。`, `must be ${kind.values.join(' or ')}.`);
    case 'choices': {
      const given = raw.split(',').map((v) => v.trim());
      const unknown = given.filter((v) => !kind.values.includes(v));
      if (!unknown.length && given.every(Boolean)) return undefined;
      return bad(
        `应为逗号分隔的 ${kind.values.join('、')} 之一或多个${unknown.length ? `；不认识 ${unknown.join('、')}` : ''}。`,
        `must be one or more of ${kind.values.join(', ')}, comma-separated${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}.`,
      );
    }
    case 'databaseUrl': {
      let u: URL;
      try {
        u = new URL(raw);
      } catch {
        return bad('不是网址；应为 postgres://用户@主机:端口/数据库。', 'is not a URL; expected postgres://user@host:port/database.');
      }
      if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
        return bad('应以 postgres:// 或 postgresql:// 开头。', 'must begin with postgres:// or postgresql://.');
      }
      if (!u.hostname || u.pathname.length <= 1) return bad('缺少主机或数据库名。', 'lacks the host or the database name.');
      if (u.port && !(Number(u.port) > 0 && Number(u.port) < 65536)) return bad('端口无效。', 'has an invalid port.');
      return undefined;
    }
    case 'zone':
      try {
        new Intl.DateTimeFormat('en', { timeZone: raw });
        return undefined;
      } catch {
        return bad('不是时区名（如 Asia/Shanghai）。', 'is not a time zone name (such as Asia/Shanghai).');
      }
    case 'trustProxy': {
      const named = ['loopback', 'linklocal', 'uniquelocal'];
      const fine = /^\d+$/.test(raw) || raw.split(',').every((part) => {
        const p = part.trim();
        const [address, bits] = p.split('/');
        return named.includes(p) || (isIP(address) > 0 && (bits === undefined || /^\d{1,3}$/.test(bits)));
      });
      return fine ? undefined : bad('应为跳数、IP 地址或网段（可用逗号分隔），或 loopback、linklocal、uniquelocal。', 'must be a hop count, IP addresses or ranges (comma-separated), or loopback, linklocal, uniquelocal.');
    }
    case 'secret':
      return raw.length >= kind.minLength
        ? undefined
        : bad(`太短（至少 ${kind.minLength} 个字符），不足以安全签名登录凭据。`, `is too short (at least ${kind.minLength} characters) to sign sign-ins safely.`);
    case 'text':
      return raw.trim() ? undefined : bad('不能只有空白。', 'cannot be blank.');
  }
}

/** A value as it may be printed: secrets never, a database address without its password. */
function shown(setting: Setting, raw: string): string {
  if (setting.kind.type === 'secret') return '(set)';
  if (setting.kind.type === 'databaseUrl') return describeDatabaseUrl(raw);
  return raw;
}

/** Everything wrong with the settings in `env`, in Chinese and English; empty when all is well. */
export function configurationProblems(env: NodeJS.ProcessEnv = process.env): Problem[] {
  const problems: Problem[] = [];
  for (const setting of SETTINGS) {
    const raw = env[setting.name];
    // An empty variable is unset (as config.ts reads it).
    if (raw === undefined || raw === '') continue;
    const problem = checkValue(setting, raw);
    if (problem) problems.push(problem);
  }
  for (const name of Object.keys(env).sort()) {
    if (known.has(name) || name.startsWith('BENCH_')) continue;
    const meant = meantFor(name);
    if (meant === undefined) continue;
    problems.push(
      meant
        ? { zh: `${name} 不是本系统的设置；是指 ${meant} 吗？`, en: `${name} is not a setting of this system; did you mean ${meant}?` }
        : { zh: `${name} 不是本系统的设置（见 README 的配置表）。`, en: `${name} is not a setting of this system (see the README's configuration table).` },
    );
  }
  return problems;
}

export function formatProblems(problems: Problem[]): string {
  return ['配置有误，服务器未启动 / The configuration is wrong; the server did not start:', ...problems.map((p) => `  - ${p.zh}\n    ${p.en}`)].join('\n');
}

/** The settings as the server takes them: the value given, or the default; secrets as set or unset. */
export function effectiveConfiguration(env: NodeJS.ProcessEnv = process.env): string {
  const width = Math.max(...SETTINGS.map((s) => s.name.length));
  return SETTINGS.map((s) => {
    const raw = env[s.name];
    const given = raw !== undefined && raw !== '';
    const value = given ? shown(s, raw) : s.fallback;
    return `${s.name.padEnd(width)}  ${value}${given ? '' : '  (default)'}`;
  }).join('\n');
}

/**
 * Why a database at `url` cannot be used, in words an operator acts on, naming where it was looked
 * for (never the password); undefined for errors that are not about reaching the database.
 */
export function connectionProblem(error: unknown, url: string): string | undefined {
  const e = error as { code?: string; message?: string; cause?: unknown };
  const code = e?.code ?? (e?.cause as { code?: string } | undefined)?.code;
  const where = describeDatabaseUrl(url);
  const reasons: Record<string, [string, string]> = {
    ECONNREFUSED: ['连接被拒绝：该主机的这个端口上没有 PostgreSQL 在监听', 'the connection was refused: no PostgreSQL listens on that host and port'],
    ENOTFOUND: ['找不到这个主机名', 'the host name is not known'],
    EAI_AGAIN: ['暂时无法解析主机名', 'the host name cannot be resolved for now'],
    ETIMEDOUT: ['连接超时', 'the connection timed out'],
    EHOSTUNREACH: ['主机不可达', 'the host cannot be reached'],
    '28P01': ['用户名或密码错误', 'the user name or password is wrong'],
    '28000': ['该用户不允许连接', 'the user may not connect'],
    '3D000': ['数据库不存在', 'the database does not exist'],
  };
  const timeout = /timeout/i.test(e?.message ?? '');
  const reason = code && reasons[code] ? reasons[code] : timeout ? reasons.ETIMEDOUT : undefined;
  if (!reason) return undefined;
  return `无法连接数据库 ${where}：${reason[0]}。\nCannot connect to the database at ${where}: ${reason[1]}. (DATABASE_URL)`;
}

/** Connects once and asks `select 1`; resolves with the problem, or undefined when the database answers. */
export async function probeDatabase(url: string, timeoutMs: number): Promise<string | undefined> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return connectionProblem(error, url) ?? `无法使用数据库 ${describeDatabaseUrl(url)} / Cannot use the database at ${describeDatabaseUrl(url)}: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** `npm start -- --check`: prints the effective configuration and any problem; resolves with the exit code. */
export async function checkCommand(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  console.log(`生效的配置 / Effective configuration:\n${effectiveConfiguration(env)}\n`);
  const problems = configurationProblems(env);
  if (problems.length) {
    console.error(['配置有误 / The configuration is wrong:', ...problems.map((p) => `  - ${p.zh}\n    ${p.en}`)].join('\n'));
    return 1;
  }
  if (env.DATABASE_URL) {
    const problem = await probeDatabase(env.DATABASE_URL, Number(env.DATABASE_CONNECT_TIMEOUT_MS || 5000));
    if (problem) {
      console.error(problem);
      return 1;
    }
    console.log(`数据库可连接 / The database answers: ${describeDatabaseUrl(env.DATABASE_URL)}`);
  } else {
    const dir = path.resolve(env.DATA_DIR || 'data');
    const there = existsSync(path.join(dir, 'PG_VERSION'));
    console.log(`内嵌数据库 / Embedded database: ${dir} (${there ? '已存在 / exists' : '首次启动时创建 / made at first start'})`);
  }
  console.log('配置无误 / The configuration is sound.');
  return 0;
}

/** At start: stops the process, saying why, when any setting is wrong. */
export function exitOnConfigurationProblems(env: NodeJS.ProcessEnv = process.env): void {
  const problems = configurationProblems(env);
  if (!problems.length) return;
  console.error(formatProblems(problems));
  process.exit(1);
}
