import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { users } from '../../drizzle/schema';
import { getApp } from '../../api/app';
import { runAs, SYSTEM } from '../../api/auth/actor';
import { hashPassword } from '../../api/auth/password';
import { userResource } from '../../api/resources/user/user.resource';
import { ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';

// The integrator guide cannot rot: every example in docs/integration.md runs against the real
// server (curl for `sh` blocks, the `js` blocks as async functions with fetch), and its answer must
// have the shape of the `json` block that follows it.
const { server, world } = withWorld();

const GUIDE = path.resolve(__dirname, '../../docs/integration.md');
const run = promisify(execFile);

interface Example {
  lang: 'sh' | 'js';
  code: string;
  expected: unknown;
  line: number;
}

/** The guide's runnable blocks, each with the answer block after it. */
function examples(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1],
    code: m[2],
    line: markdown.slice(0, m.index).split('\n').length,
  }));
  const out: Example[] = [];
  blocks.forEach((b, i) => {
    if (b.lang !== 'sh' && b.lang !== 'js') return;
    const answer = blocks[i + 1];
    if (answer?.lang !== 'json') throw new Error(`docs/integration.md:${b.line}: an example without the json block of its answer`);
    out.push({ lang: b.lang, code: b.code, expected: JSON.parse(answer.code), line: b.line });
  });
  return out;
}

/**
 * Where the answer differs from the documented shape, or null: the documented keys present, arrays
 * empty or not as shown with every element of the shape of the first, the same types; codes and
 * enum values (UPPER_CASE) and booleans the same values.
 */
function mismatch(expected: unknown, actual: unknown, at = '$'): string | null {
  if (expected === null) return actual === null ? null : `${at}: expected null, got ${JSON.stringify(actual)}`;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: expected a list, got ${JSON.stringify(actual)}`;
    if (!expected.length) return actual.length ? `${at}: expected an empty list` : null;
    if (!actual.length) return `${at}: expected a non-empty list`;
    for (const [i, item] of actual.entries()) {
      const m = mismatch(expected[0], item, `${at}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (typeof expected === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return `${at}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [k, v] of Object.entries(expected as object)) {
      if (!(k in (actual as object))) return `${at}.${k}: missing in ${JSON.stringify(actual)}`;
      const m = mismatch(v, (actual as Record<string, unknown>)[k], `${at}.${k}`);
      if (m) return m;
    }
    return null;
  }
  if (typeof expected !== typeof actual) return `${at}: expected a ${typeof expected}, got ${JSON.stringify(actual)}`;
  const exact = typeof expected === 'boolean' || (typeof expected === 'string' && /^[A-Z][A-Z_]+$/.test(expected));
  return exact && expected !== actual ? `${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}` : null;
}

const USERNAME = 'guide.admin';
const PASSWORD = 'Guide-2026-pass';
let env: Record<string, string>;

beforeAll(async () => {
  await ok(server, 'createStaffMember', { name: '王小明', organizationId: world.street, category: 'ENFORCEMENT', mobile: '13812345678' });
  const admin = await runAs(SYSTEM, () =>
    server.database.db.transaction((tx) => getApp().records.of(userResource).create(tx, { username: USERNAME, role: 'ADMIN' })),
  );
  await server.database.db
    .update(users)
    .set({ passwordHash: await hashPassword(PASSWORD), passwordChangedAt: new Date(), mustChangePassword: false })
    .where(eq(users.id, admin.id));
  const issued = await ok(server, 'issueApiToken', {
    name: '指南示例',
    scopes: ['Organization', 'Delegation', 'StaffMember'],
    expiresAt: new Date(Date.now() + 86400_000).toISOString(),
  }, 'secret');
  env = { API: server.url.replace(/\/graphql$/, ''), TOKEN: issued.secret, SESSION: server.adminToken, USERNAME, PASSWORD };
});

const guide = examples(readFileSync(GUIDE, 'utf8'));

it('has examples in curl and JavaScript for each part', () => {
  expect(guide.filter((e) => e.lang === 'sh').length).toBeGreaterThanOrEqual(8);
  expect(guide.filter((e) => e.lang === 'js').length).toBeGreaterThanOrEqual(2);
  const text = readFileSync(GUIDE, 'utf8');
  for (const heading of ['## Getting a token', '### Filters', '### Pages', '### Limits', '## Errors', '## Masking', '## Keeping a copy: the sync feed']) {
    expect(text).toContain(heading);
  }
});

/** Runs one example: its answer (curl's output parsed, or what the script logged). */
async function answerOf(example: Example): Promise<unknown> {
  if (example.lang === 'sh') {
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', example.code], { env: { ...process.env, ...env }, timeout: 60_000 });
    return JSON.parse(stdout);
  }
  const logged: unknown[] = [];
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction('API', 'TOKEN', 'fetch', 'console', example.code)(env.API, env.TOKEN, fetch, { log: (value: unknown) => logged.push(value) });
  expect(logged).toHaveLength(1);
  return logged[0];
}

describe.each(guide.map((e) => [`${e.lang} example at docs/integration.md:${e.line}`, e] as const))('%s', (_, example) => {
  it('answers as the guide shows', async () => {
    const actual = await answerOf(example);
    expect({ line: example.line, mismatch: mismatch(example.expected, actual), actual }).toMatchObject({ line: example.line, mismatch: null });
  });
});

describe('the shape check', () => {
  it('fails on a missing key, a different code, a list that should not be empty, or another type', () => {
    expect(mismatch({ a: 1 }, { a: 2, b: 3 })).toBeNull();
    expect(mismatch({ a: 1 }, { b: 1 })).toMatch(/missing/);
    expect(mismatch({ code: 'FORBIDDEN' }, { code: 'UNAUTHENTICATED' })).toMatch(/FORBIDDEN/);
    expect(mismatch([{ id: '1' }], [])).toMatch(/non-empty/);
    expect(mismatch({ n: 1 }, { n: '1' })).toMatch(/number/);
    expect(mismatch({ more: true }, { more: false })).toMatch(/true/);
    expect(mismatch({ name: '测试街道' }, { name: '别的街道' })).toBeNull();
  });
});
