import { and, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { jobs } from '../../drizzle/schema';
import type { Label } from '../../drizzle/schema/columns';
import type { Db } from '../db';

// The jobs table: what was asked, and how far it got. Every change of state is one statement, so
// whichever instance runs a job, every instance reads the same answer.

export type JobRow = typeof jobs.$inferSelect;
export type NewJob = typeof jobs.$inferInsert;

/** A problem (or a notice) of one row of a file: the line as a spreadsheet numbers it, and the column's heading. */
export interface RowProblem {
  row: number;
  column: string;
  code: string;
  zh: string;
  en: string;
}

export interface JobOutcome {
  rowsTotal: number;
  rowsDone: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: RowProblem[];
  notices: RowProblem[];
}

export async function createJob(db: Db, job: NewJob): Promise<JobRow> {
  const [row] = await db.insert(jobs).values(job).returning();
  return row;
}

/**
 * Takes a job to run: QUEUED, or RUNNING when the instance that had it stopped before it ended
 * (its work was one transaction, so nothing of it stayed). Undefined when it is done already.
 */
export async function claimJob(db: Db, id: number): Promise<JobRow | undefined> {
  const [row] = await db
    .update(jobs)
    .set({ status: 'RUNNING', startedAt: new Date() })
    .where(and(eq(jobs.id, id), inArray(jobs.status, ['QUEUED', 'RUNNING'])))
    .returning();
  return row;
}

export async function recordProgress(db: Db, id: number, rowsDone: number, rowsTotal: number): Promise<void> {
  await db.update(jobs).set({ rowsDone, rowsTotal }).where(eq(jobs.id, id));
}

/** The end of a job; the file goes, the outcome stays. */
export async function finishJob(db: Db, id: number, status: 'DONE' | 'FAILED', outcome: Partial<JobOutcome>, failure?: Label): Promise<void> {
  await db
    .update(jobs)
    .set({ ...outcome, status, failure: failure ?? null, file: null, finishedAt: new Date() })
    .where(eq(jobs.id, id));
}

export async function readJob(db: Db, id: number): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

/** Jobs, newest first, without their files. */
export async function listJobs(db: Db, where: SQL | undefined, limit: number, offset: number): Promise<Omit<JobRow, 'file'>[]> {
  const { file: _file, ...columns } = getTableColumns(jobs);
  return db.select(columns).from(jobs).where(where).orderBy(desc(jobs.id)).limit(limit).offset(offset);
}

export async function countJobs(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(jobs).where(where);
  return Number(row.n);
}

/** Jobs no instance has finished: an in-process queue takes them up again when it starts. */
export async function unfinishedJobs(db: Db): Promise<{ id: number; kind: string }[]> {
  return db.select({ id: jobs.id, kind: jobs.kind }).from(jobs).where(inArray(jobs.status, ['QUEUED', 'RUNNING'])).orderBy(jobs.id);
}
