import type { DailyJob } from './queue';

// The optional scheduled purge of the audit trail: with AUDIT_PURGE_AFTER_DAYS set, a daily job of
// the job queue (queue.ts): on PostgreSQL the first instance to ask on a day queues it and one
// instance runs it, so it runs once a day however many instances serve; on the embedded database
// the one instance runs it. What it does is given by the caller (the server), so this layer stays
// ignorant of records. A run that meets another (a clock between two days) finds nothing left:
// the purge takes the chain's head lock.

export const AUDIT_PURGE_JOB = 'audit-purge';

export function auditPurgeJob(purge: () => Promise<{ deleted: number; before: string }>): DailyJob {
  return {
    async run() {
      const { deleted, before } = await purge();
      console.log(`Audit purge (审计记录清理): ${deleted} entries before ${before} deleted.`);
    },
  };
}
