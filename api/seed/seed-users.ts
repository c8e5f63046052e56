import { count, inArray } from 'drizzle-orm';
import { loginEvents, userSessions, users } from '../../drizzle/schema';
import { getApp } from '../app';
import type { Tx } from '../db';
import { createAccount } from '../resources/user/user.service';
import { userResource } from '../resources/user/user.resource';

type Ids = Map<string, number>;

/**
 * The demo accounts, all with the password `demo` (README: change or disable them). It predates the
 * password policy, which applies to passwords chosen from now on: they are not asked to change it.
 */
export const DEMO_USERS: { username: string; displayName: string; role: string; org: string | null }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'ADMIN', org: null },
  { username: 'editor', displayName: '目录编辑（县司法局）', role: 'CATALOG_EDITOR', org: '司法局' },
  { username: 'hr', displayName: '人事专员（涅阳街道）', role: 'HR', org: '涅阳' },
  { username: 'supervisor', displayName: '督导员（县司法局）', role: 'SUPERVISOR', org: '司法局' },
  { username: 'viewer', displayName: '只读用户（县政府）', role: 'VIEWER', org: '县政府' },
  // 三员分立. In the demo only, they sign in without the second factor their roles require elsewhere.
  { username: 'sysadmin', displayName: '系统管理员（三员）', role: 'SYSTEM_ADMIN', org: null },
  { username: 'secadmin', displayName: '安全管理员', role: 'SECURITY_ADMIN', org: null },
  { username: 'auditor', displayName: '审计管理员', role: 'AUDIT_ADMIN', org: null },
];

const ADMINISTRATORS = new Set(['SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN']);

/**
 * Only into a database without accounts: a demo account an administrator deleted or renamed is not
 * brought back with its well-known password by a later `npm run seed`.
 */
export async function seedUsers(tx: Tx, orgs: Ids): Promise<void> {
  const [{ n }] = await tx.select({ n: count() }).from(users);
  if (Number(n) > 0) return;
  for (const u of DEMO_USERS) {
    const organizationId = u.org === null ? null : orgs.get(u.org);
    if (organizationId === undefined) throw new Error(`Demo organization ${u.org} is missing`);
    const account = await createAccount(getApp().records, tx, { username: u.username, displayName: u.displayName, role: u.role, organizationId }, 'demo', { demo: true });
    if (ADMINISTRATORS.has(u.role)) await getApp().records.of(userResource).write(tx, account.id, { secondFactorExempt: true }, account);
  }
}

const at = (local: string) => new Date(`${local}+08:00`);
const OFFICE = '10.12.3.';
const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

/**
 * A week of sign-ins for the login log and the session list: successes, mistyped passwords, a name
 * no account has, a session that timed out and one an administrator ended. Invented, at fixed
 * times, and only into an empty log, so seeding again changes nothing.
 */
export async function seedSignIns(tx: Tx): Promise<void> {
  const [{ n }] = await tx.select({ n: count() }).from(loginEvents);
  if (Number(n) > 0) return;
  const accounts = await tx.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, DEMO_USERS.map((u) => u.username)));
  const id = new Map(accounts.map((a) => [a.username, a.id]));
  if (id.size !== DEMO_USERS.length) return;
  const events: (typeof loginEvents.$inferInsert)[] = [
    { at: at('2025-06-09T08:31:12'), username: 'admin', result: 'SUCCEEDED', reason: 'SIGNED_IN', address: `${OFFICE}21` },
    { at: at('2025-06-09T08:47:05'), username: 'editor', result: 'FAILED', reason: 'WRONG_PASSWORD', address: `${OFFICE}35` },
    { at: at('2025-06-09T08:47:31'), username: 'editor', result: 'SUCCEEDED', reason: 'SIGNED_IN', address: `${OFFICE}35` },
    { at: at('2025-06-10T09:02:44'), username: 'zhangsan', result: 'FAILED', reason: 'UNKNOWN_USER', address: '10.12.7.88' },
    { at: at('2025-06-10T09:15:20'), username: 'hr', result: 'FAILED', reason: 'WRONG_PASSWORD', address: '10.31.1.14' },
    { at: at('2025-06-10T09:15:58'), username: 'hr', result: 'SUCCEEDED', reason: 'SIGNED_IN', address: '10.31.1.14' },
    { at: at('2025-06-11T14:20:09'), username: 'supervisor', result: 'SUCCEEDED', reason: 'SIGNED_IN', address: `${OFFICE}40` },
    { at: at('2025-06-12T10:05:37'), username: 'viewer', result: 'SUCCEEDED', reason: 'SIGNED_IN', address: '10.12.9.3' },
  ];
  await tx.insert(loginEvents).values(events.map((e) => ({ ...e, userId: id.get(e.username) ?? null, userAgent: BROWSER })));
  const session = (username: string, started: string, last: string, end: { at: string; by: 'SIGNED_OUT' | 'FORCED' | 'IDLE' }, address: string) => ({
    userId: id.get(username)!,
    startedAt: at(started),
    lastSeenAt: at(last),
    expiresAt: new Date(at(started).getTime() + 8 * 3600_000),
    address,
    userAgent: BROWSER,
    endedAt: at(end.at),
    endedBy: end.by,
    endedById: end.by === 'FORCED' ? id.get('admin')! : null,
  });
  await tx.insert(userSessions).values([
    session('admin', '2025-06-09T08:31:12', '2025-06-09T11:58:40', { at: '2025-06-09T11:59:02', by: 'SIGNED_OUT' }, `${OFFICE}21`),
    session('editor', '2025-06-09T08:47:31', '2025-06-09T10:12:10', { at: '2025-06-09T10:42:10', by: 'IDLE' }, `${OFFICE}35`),
    session('hr', '2025-06-10T09:15:58', '2025-06-10T16:30:00', { at: '2025-06-10T17:30:00', by: 'IDLE' }, '10.31.1.14'),
    session('supervisor', '2025-06-11T14:20:09', '2025-06-11T15:01:30', { at: '2025-06-11T15:03:00', by: 'FORCED' }, `${OFFICE}40`),
    session('viewer', '2025-06-12T10:05:37', '2025-06-12T10:20:00', { at: '2025-06-12T10:21:15', by: 'SIGNED_OUT' }, '10.12.9.3'),
  ]);
}
