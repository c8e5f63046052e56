import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { organizations } from '../../drizzle/schema';
import { getApp } from '../app';
import { config } from '../config';
import { openDatabase } from '../db';
import { passwordProblem } from '../auth/password';
import { createAccount } from '../resources/user/user.service';
import { runAs, SYSTEM } from '../auth/actor';
import { ParameterCache, withParameters } from '../parameters/effective';

// `npm run user:create -- <username> <role> [organization code]`: the first administrator of an
// empty database (SEED=none), or any account from the command line. The password comes from
// NEW_USER_PASSWORD, or a random one is printed once. Stop `npm start` first on the embedded database.
async function main(): Promise<void> {
  const [username, role = 'ADMIN', orgCode] = process.argv.slice(2);
  if (!username) throw new Error('usage: npm run user:create -- <username> [ADMIN|CATALOG_EDITOR|HR|SUPERVISOR|VIEWER] [organization code]');
  // A random password mixes the kinds of character the policy asks for (base64url alone may not).
  const password = process.env.NEW_USER_PASSWORD || `${randomBytes(12).toString('base64url')}-7a`;
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    await database.migrate();
    // The password policy as stored (参数设置), as a request would check it.
    const overrides = await new ParameterCache(database.db, false).current();
    const problem = withParameters(overrides, () => passwordProblem(password, username));
    if (problem) throw new Error(`${problem.zh} / ${problem.en}`);
    await withParameters(overrides, () => runAs(SYSTEM, () => database.db.transaction(async (tx) => {
      let organizationId: number | null = null;
      if (orgCode) {
        const [org] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.code, orgCode));
        if (!org) throw new Error(`No organization with code ${orgCode}`);
        organizationId = org.id;
      }
      await createAccount(getApp().records, tx, { username, role, organizationId }, password);
    })));
    console.log(`Created ${role} account "${username}".`);
    if (!process.env.NEW_USER_PASSWORD) console.log(`Password (shown once): ${password}`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
