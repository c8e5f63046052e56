import type { Tx } from '../../db';
import type { Row } from '../../crud/resource';
import { serviceOf } from '../../registry';
import { hashPassword } from '../../auth/password';

/** An account with its password, from outside the API (the demo seed, `npm run user:create`). */
export async function createAccount(tx: Tx, input: Record<string, unknown>, password: string): Promise<Row> {
  const user = await serviceOf('User').create(tx, input);
  return serviceOf('User').write(tx, user.id, { passwordHash: await hashPassword(password) }, user);
}
