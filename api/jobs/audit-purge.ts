import { logFailure } from '../log';

// The optional scheduled purge of the audit trail: with AUDIT_PURGE_AFTER_DAYS set, every instance
// runs it once a day (and shortly after start). What it does is given by the caller (the server),
// so this layer stays ignorant of records; running it on several instances at once is harmless, as
// the purge takes the chain's head lock and a second run finds nothing left to delete.

const DAY_MS = 86_400_000;
const FIRST_RUN_MS = 60_000;

export interface ScheduledPurge {
  stop(): void;
}

export function scheduleAuditPurge(purge: () => Promise<unknown>, { everyMs = DAY_MS, firstAfterMs = FIRST_RUN_MS } = {}): ScheduledPurge {
  const run = () => void purge().catch((error: unknown) => logFailure('audit purge', error));
  const first = setTimeout(run, firstAfterMs);
  const every = setInterval(run, everyMs);
  first.unref();
  every.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
