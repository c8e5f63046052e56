import type { Actor } from '../auth/actor';
import { runAs } from '../auth/actor';
import type { Records } from '../crud/records';
import { isDatabaseUnavailable } from '../database-errors';
import type { Db } from '../db';
import { claimJob, finishJob } from '../jobs/job-store';
import type { JobHandler } from '../jobs/queue';
import { logFailure } from '../log';
import { importLines } from './import';
import { readLines, UnreadableFile, type FileFormat } from './read-file';

export const IMPORT_JOB = 'import';

/** Audit entries of an import's writes name it so. */
export const importVia = (id: number) => `import:${id}`;

/**
 * Runs an import job: as the account that uploaded the file, its writes audited as made through
 * this import. A dry run ends DONE with the problems it found; a commit with any problem ends
 * FAILED, its counts zero, as nothing was written.
 */
export function importJobHandler(db: Db, records: Records): JobHandler {
  return async (id, progress) => {
    const job = await claimJob(db, id);
    if (!job) return;
    const model = records.named(job.resource)?.model;
    if (!model || !job.file) {
      await finishJob(db, id, 'FAILED', {}, { zh: '任务所指的记录类型或文件已不存在', en: 'The record type or the file of this job no longer exists' });
      return;
    }
    const actor: Actor = { ...(job.actor as Actor), via: importVia(id) };
    try {
      const lines = await readLines(job.file, job.format as FileFormat);
      const outcome = await runAs(actor, () =>
        importLines(db, records, model, lines, {
          dryRun: job.dryRun,
          fixed: job.parameters as Record<string, string>,
          progress: (done, total) => progress.report(done, total),
        }),
      );
      const failed = !job.dryRun && outcome.errors.length > 0;
      await finishJob(db, id, failed ? 'FAILED' : 'DONE', failed ? { ...outcome, created: 0, updated: 0, unchanged: 0 } : outcome);
    } catch (e) {
      // The database went away: the job stays RUNNING, and is taken up again (pg-boss retries it; the
      // in-process queue at the next start).
      if (isDatabaseUnavailable(e)) throw e;
      if (e instanceof UnreadableFile) {
        await finishJob(db, id, 'FAILED', {}, { zh: `文件无法读取，请确认是 .xlsx 或 .csv 文件（${e.message}）`, en: `The file cannot be read; is it an .xlsx or .csv file? (${e.message})` });
        return;
      }
      logFailure(`import job ${id}`, e);
      await finishJob(db, id, 'FAILED', {}, { zh: '导入时发生内部错误，未写入任何数据', en: 'An internal error stopped the import; nothing was written' });
    }
  };
}
