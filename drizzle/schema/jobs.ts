import { boolean, index, integer, jsonb, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';
import { bytes, labelledEnum } from './columns';
import { users } from './accounts';

export const jobStatus = labelledEnum(
  'job_status',
  'JobStatus',
  { zh: '任务状态', en: 'Job status' },
  {
    QUEUED: { zh: '排队中', en: 'Queued' },
    RUNNING: { zh: '进行中', en: 'Running' },
    DONE: { zh: '已完成', en: 'Done' },
    FAILED: { zh: '失败', en: 'Failed' },
  },
);

/**
 * Long work done in the background (a spreadsheet import): what was asked, by whom, and how far it
 * got. Kept in the database so any instance can run it, report on it, and take it up after a restart.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kind: varchar({ length: 30 }).notNull(),
    /** The record type it works on (`PowerItem`). */
    resource: varchar({ length: 50 }).notNull(),
    dryRun: boolean().notNull().default(false),
    fileName: varchar({ length: 200 }),
    format: varchar({ length: 10 }).notNull(),
    /** Values the request fixed for fields the file leaves empty (`?codeScheme=…`), by field. */
    parameters: jsonb().notNull().default({}),
    /** The uploaded file, until the job has run. */
    file: bytes(),
    status: jobStatus().notNull().default('QUEUED'),
    rowsTotal: integer().notNull().default(0),
    rowsDone: integer().notNull().default(0),
    created: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    unchanged: integer().notNull().default(0),
    /** `{ row, column, code, zh, en }` for each problem; any one stops a commit. */
    errors: jsonb().notNull().default([]),
    /** The same shape, for what was done on the file's behalf and is only reported (an inferred category). */
    notices: jsonb().notNull().default([]),
    /** Why the job as a whole failed, when not for its rows' problems: `{ zh, en }`. */
    failure: jsonb(),
    /** Who asked: the job runs as them. */
    actorId: integer().references(() => users.id),
    actor: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true, mode: 'date' }),
    finishedAt: timestamp({ withTimezone: true, mode: 'date' }),
  },
  (t) => [index().on(t.status), index().on(t.actorId), index().on(t.createdAt)],
);
