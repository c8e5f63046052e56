import type { Client } from 'pg';

// What the busy PostgreSQL backends of the bench database are doing while a server is loaded,
// sampled from pg_stat_activity four times a second: running (CPU), or waiting, and on what. A
// high share of Lock waits means requests queue behind each other on rows (a counter row every
// request updates, say), which no CPU figure shows. One small query per sample, on its own
// connection, the same for every server.

export interface WaitProfile {
  /** Samples taken. */
  samples: number;
  /** Average number of backends active (running a statement) per sample. */
  activeBackends: number;
  /** Share of active backend samples per state: `CPU` (not waiting) or `<wait type>:<wait event>`. */
  shares: Record<string, number>;
}

export function sampleWaits(client: Client, database: string, everyMs = 250): { stop(): Promise<WaitProfile> } {
  const counts = new Map<string, number>();
  let samples = 0;
  let active = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const { rows } = await client.query(
        `select coalesce(wait_event_type || ':' || wait_event, 'CPU') as state, count(*)::int as n
           from pg_stat_activity
          where datname = $1 and backend_type = 'client backend' and state = 'active' and pid <> pg_backend_pid()
          group by 1`,
        [database],
      );
      samples++;
      for (const { state, n } of rows) {
        active += n;
        counts.set(state, (counts.get(state) ?? 0) + n);
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      const shares = Object.fromEntries(
        [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([state, n]) => [state, Number((n / Math.max(active, 1)).toFixed(3))]),
      );
      return { samples, activeBackends: Number((active / Math.max(samples, 1)).toFixed(2)), shares };
    },
  };
}
