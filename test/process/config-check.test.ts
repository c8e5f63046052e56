import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from '../helpers/product-process';
import { configurationProblems, OTHER_VARIABLES, SETTINGS } from '../../api/config-check';

// Settings are checked before the server starts: the real process is started with wrong ones and
// must refuse, naming each, in Chinese and English; `npm start -- --check` prints what it would run
// with and never a secret.

const dataDir = mkdtempSync(path.join(tmpdir(), 'config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the product to its end (a refused start ends by itself) with exactly these settings beside the system's own. */
function run(args: string[], env: Record<string, string>, npm = false): Promise<{ code: number | null; out: string; err: string }> {
  const base = { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir };
  const child = npm
    ? spawn('npm', ['start', '--ignore-scripts', '--silent', '--', ...args], { cwd: root, env: { ...base, ...env } })
    : spawn(process.execPath, ['--import', 'tsx', 'api/index.ts', ...args], { cwd: root, env: { ...base, ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (err += c));
  // A start that was not refused would listen for ever: it is stopped, and the test fails on its output.
  const timer = setTimeout(() => child.kill('SIGTERM'), 120_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    }),
  );
}

it('npm start -- --check prints the effective configuration without secrets, and exits 0', async () => {
  const secret = 'a-signing-key-that-must-never-be-printed-0123456789';
  const res = await run(['--check'], { AUTH_SECRET: secret, SESSION_SECONDS: '3600', TRUST_PROXY: 'loopback' }, true);
  expect(res.err).toBe('');
  expect(res.code).toBe(0);
  expect(res.out).toMatch(/Effective configuration/);
  expect(res.out).toMatch(/SESSION_SECONDS\s+3600\n/);
  expect(res.out).toMatch(/MAX_QUERY_COST\s+100000 {2}\(default\)/);
  expect(res.out).toMatch(/AUTH_SECRET\s+\(set\)/);
  expect(res.out).toMatch(/Embedded database: .*config-/);
  expect(res.out).toMatch(/The configuration is sound/);
  expect(res.out).not.toContain(secret);
  // Nothing was started: no server, no database files.
  expect(res.out).not.toMatch(/GraphQL API at/);
  expect(readdirSync(dataDir)).toEqual([]);
});

it('--check on PostgreSQL says the database answers, without the password', async () => {
  // The PostgreSQL of the test run when there is one; a server nobody listens on otherwise.
  const url = new URL(process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:1/none');
  url.password = 'pw-not-to-print';
  const res = await run(['--check'], { DATABASE_URL: url.toString() });
  expect(res.out + res.err).not.toContain('pw-not-to-print');
  expect(res.out).toMatch(/DATABASE_URL\s+postgres:\/\/postgres:\*\*\*@127\.0\.0\.1/);
  if (process.env.TEST_DATABASE_URL) {
    expect(res.out).toMatch(/The database answers: postgres:\/\/postgres:\*\*\*@/);
    expect(res.code).toBe(0);
  } else {
    expect(res.err).toMatch(/Cannot connect to the database at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none: the connection was refused/);
    expect(res.code).toBe(1);
  }
});

it('refuses to start with malformed or misspelt settings, naming each in Chinese and English', async () => {
  const res = await run([], {
    PORT: 'eighty',
    VACANCY_RATE_CAP: '20',
    SEED: 'yes',
    DATABASE_URL: 'mysql://root:pw-not-to-print@db/township',
    TRUST_PROXY: 'true',
    TZ: 'Beijing',
    DATABSE_URL: 'postgres://x@y/z',
    SESION_SECONDS: '60',
    data_dir: '/tmp/x',
    DATABASE_PASSWORD: 'pw-not-to-print',
    DELEGABLE_CATEGORIES: 'PENALTY,LICENCE',
  });
  expect(res.code).toBe(1);
  expect(res.out).not.toMatch(/GraphQL API at/);
  expect(res.err).not.toContain('pw-not-to-print');
  expect(res.err).toMatch(/配置有误，服务器未启动 \/ The configuration is wrong; the server did not start/);
  for (const expected of [
    /PORT=eighty：应为 0 至 65535 的整数。\n\s+PORT=eighty: must be a whole number from 0 to 65535\./,
    /VACANCY_RATE_CAP=20: must be a number from 0 to 1/,
    /SEED=yes: must be demo or none/,
    /DATABASE_URL=mysql:\/\/root:\*\*\*@db:5432\/township: must begin with postgres:\/\//,
    /TRUST_PROXY=true: must be a hop count/,
    /TZ=Beijing: is not a time zone name/,
    /DATABSE_URL 不是本系统的设置；是指 DATABASE_URL 吗？/,
    /SESION_SECONDS is not a setting of this system; did you mean SESSION_SECONDS\?/,
    /data_dir is not a setting of this system; did you mean DATA_DIR\?/,
    /DATABASE_PASSWORD is not a setting of this system \(see the README's configuration table\)/,
    /DELEGABLE_CATEGORIES=PENALTY,LICENCE: must be one or more of LICENSING, PENALTY, .*; unknown: LICENCE\./,
  ]) {
    expect(res.err).toMatch(expected);
  }
  const check = await run(['--check'], { MAX_QUERY_DEPTH: '0' });
  expect(check.code).toBe(1);
  expect(check.err).toMatch(/MAX_QUERY_DEPTH=0: must be a whole number at least 1/);
});

it('says where a DATABASE_URL that cannot connect points, without its password', async () => {
  const res = await run([], { DATABASE_URL: 'postgres://township:pw-not-to-print@127.0.0.1:1/township', DATABASE_CONNECT_TIMEOUT_MS: '3000' });
  expect(res.code).toBe(1);
  expect(res.err).toMatch(/无法连接数据库 postgres:\/\/township:\*\*\*@127\.0\.0\.1:1\/township：连接被拒绝/);
  expect(res.err).toMatch(/Cannot connect to the database at postgres:\/\/township:\*\*\*@127\.0\.0\.1:1\/township: the connection was refused/);
  expect(res.err).not.toContain('pw-not-to-print');
});

it("leaves the system's own variables alone and knows every variable the product reads", () => {
  // The test run's environment (npm, jest, CI) and a desktop's are nobody's mistake.
  expect(configurationProblems({ ...process.env, HOME: '/root', HOSTNAME: 'h', SESSION_MANAGER: 'x', USER: 'u', LANG: 'C' })).toEqual([]);
  // Every variable read anywhere under api/ is a checked setting or one of the known others.
  const read = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const file = path.join(dir, entry);
      if (statSync(file).isDirectory()) walk(file);
      else if (file.endsWith('.ts')) for (const m of readFileSync(file, 'utf8').matchAll(/process\.env\.([A-Z_]+)/g)) read.add(m[1]);
    }
  };
  walk(path.join(root, 'api'));
  const known = new Set([...SETTINGS.map((s) => s.name), ...OTHER_VARIABLES]);
  expect([...read].filter((name) => !known.has(name))).toEqual([]);
  // The README documents every setting.
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  expect(SETTINGS.map((s) => s.name).filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
});
