import type { Tx } from '../../db';
import type { Row } from '../../crud/resource';
import type { Records } from '../../crud/records';
import { userResource } from './user.resource';
import { hashPassword } from '../../auth/password';

/**
 * An account with its password, from outside the API (the demo seed, `npm run user:create`). The
 * command line's password starts its age for the expiry policy; the demo's (`demo`, well known
 * and outside the policy) does not, so the demo accounts keep working as the README says.
 */
export async function createAccount(records: Records, tx: Tx, input: Record<string, unknown>, password: string, options: { demo?: boolean } = {}): Promise<Row> {
  const users = records.of(userResource);
  const user = await users.create(tx, input);
  return users.write(tx, user.id, { passwordHash: await hashPassword(password), passwordChangedAt: options.demo ? null : new Date() }, user);
}
