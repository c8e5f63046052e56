import { eq, sql } from 'drizzle-orm';
import { syncGeneration } from '../../drizzle/schema';
import type { Queryable } from '../db';

// The generation of the sync feed's cursors. A cursor is a position in transaction-id order, and
// transaction ids say nothing across a restore (into a new cluster they start again low; into the
// same one the trail is rewound to the backup), so every restore starts a new generation, and a
// cursor carries the generation it was issued in. A purge of the audit trail keeps the generation
// (cursors past it stay good) but records the last position it deleted: a cursor before it, or no
// cursor at all, would miss what was deleted. One row, written when the feed is first read (not by
// the migration: a backup holds it like any table, and a restore writes into an empty database).

export interface Generation {
  id: number;
  generation: string;
  startedAt: Date;
  /** The latest position (transaction id, entry id) a purge deleted; null before any purge. */
  purgedTxId: string | null;
  purgedEntryId: number | null;
  /** Entries up to this id came with a restore (another database's transaction ids): not served. */
  startEntryId: number;
}

/** The current generation, started now if the feed has none yet (two instances agree on the first). */
export async function currentGeneration(db: Queryable): Promise<Generation> {
  const read = async () => {
    const [row] = await db.select().from(syncGeneration).where(eq(syncGeneration.id, 1));
    return row && { ...row, purgedTxId: row.purgedTxId === null ? null : String(row.purgedTxId) };
  };
  const row = await read();
  if (row) return row;
  await db.insert(syncGeneration).values({ id: 1 }).onConflictDoNothing();
  return (await read())!;
}

/**
 * A new generation, after a restore: no cursor issued before it is answered, whatever the
 * transaction ids of the restored trail and of this database; and the restored entries are left
 * out of the feed from now on (their transaction ids, another database's, would sort them among
 * this one's: held back, then served late, or, purged, marking every new cursor as purged past).
 */
export async function startGeneration(db: Queryable): Promise<void> {
  await db
    .insert(syncGeneration)
    .values({ id: 1, startEntryId: sql`(select coalesce(max(id), 0) from audit_entries)` })
    .onConflictDoUpdate({
      target: syncGeneration.id,
      set: {
        generation: sql`gen_random_uuid()`,
        startedAt: sql`now()`,
        purgedTxId: null,
        purgedEntryId: null,
        startEntryId: sql`(select coalesce(max(id), 0) from audit_entries)`,
      },
    });
}

/**
 * Records, before a purge deletes the entries up to `lastId` (in id order), the latest of them in
 * the feed's order; a cursor before it has not read them all. Runs in the purge's transaction.
 */
export async function recordPurge(db: Queryable, lastId: number): Promise<void> {
  await db.insert(syncGeneration).values({ id: 1 }).onConflictDoNothing();
  await db.execute(sql`
    update sync_generation g set purged_tx_id = p.tx_id, purged_entry_id = p.id
    from (select tx_id, id from audit_entries where id <= ${lastId} and id > (select start_entry_id from sync_generation where id = 1) order by tx_id desc, id desc limit 1) p
    where g.id = 1 and (g.purged_tx_id is null or (g.purged_tx_id, g.purged_entry_id) < (p.tx_id, p.id))`);
}
