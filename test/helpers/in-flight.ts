import { eventually } from './eventually';
import type { TestServer } from './test-server';

/**
 * Sends writes so that they are in flight at once, as two clerks' forms (or two imports) would be,
 * whatever the machine's pace, each sent once the ones before it wait (so they reach the database
 * in the order given). On PostgreSQL the test holds the audit trail's head, which a write reaches
 * only after its rules have judged and its rows are written; each write waits there (or on a row
 * another holds) uncommitted until all of them wait, and then the head is let go. The embedded
 * database runs one transaction at a time, so there they are sent in order and judged in turn.
 */
export async function inFlightTogether<T>(server: TestServer, writes: (() => Promise<T>)[]): Promise<T[]> {
  if (server.driver !== 'pg') return Promise.all(writes.map((write) => write()));
  const sent: Promise<T>[] = [];
  const waiting = (n: number) => async () => {
    const { rows } = (await server.database.db.execute(
      "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
    )) as unknown as { rows: { n: number }[] };
    if (rows[0].n !== n) throw new Error(`${rows[0].n} of ${n} writes wait`);
  };
  await server.database.db.transaction(async (tx) => {
    await tx.execute('select 1 from audit_chain where id = 1 for update');
    for (const write of writes) {
      // A write that fails before it waits (a refusal) ends the wait for it: the test sees its answer.
      sent.push(write());
      await Promise.race([eventually(waiting(sent.length), 30_000), sent.at(-1)]);
    }
  });
  return Promise.all(sent);
}
