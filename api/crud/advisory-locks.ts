import { sql } from 'drizzle-orm';
import type { Tx } from '../db';

// Checks that read many rows to promise something of them all (no two publications put one item in
// force twice; no person holds two administrator roles; no tree has a loop) are made one at a time,
// under a lock of the transaction's that no row carries. Their keys are here, so that no two collide.

export const ADVISORY_LOCKS = {
  /** Publishing a catalog of delegations ('pubc'). */
  publishing: 0x70756263,
  /** Giving an account one of the three administrator roles ('admn'). */
  administrators: 0x61646d6e,
  /** Moving a record in its tree, one lock per table ('tree'). */
  trees: 0x74726565,
} as const;

/**
 * Waits for the lock, held until the transaction ends: a later check made under it sees what an
 * earlier one wrote. `within` narrows it to one table (its own lock beside the key).
 */
export async function holdAdvisoryLock(tx: Tx, which: keyof typeof ADVISORY_LOCKS, within?: string): Promise<void> {
  await tx.execute(
    within === undefined
      ? sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS[which]})`
      : sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS[which]}::integer, hashtext(${within}))`,
  );
}
