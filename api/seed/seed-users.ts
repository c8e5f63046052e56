import { count } from 'drizzle-orm';
import { users } from '../../drizzle/schema';
import { getApp } from '../app';
import type { Tx } from '../db';
import { createAccount } from '../resources/user/user.service';

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
];

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
    await createAccount(getApp().records, tx, { username: u.username, displayName: u.displayName, role: u.role, organizationId }, 'demo', { demo: true });
  }
}
