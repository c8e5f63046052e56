import PgBoss from 'pg-boss';
import type { Database, Db } from '../db';
import { logFailure } from '../log';
import { recordProgress, unfinishedJobs } from './job-store';

// One job interface, two engines. On PostgreSQL the queue is pg-boss: jobs wait in the database, any
// instance takes the next one, and a job an instance did not finish is taken up again. On the
// embedded database (one process per data directory) the queue is in process, and what the jobs
// table still lists as unfinished is taken up again when it starts.

/** How a running job reports how far it got. */
export interface Progress {
  report(rowsDone: number, rowsTotal: number): Promise<void>;
}

/** Runs one job, by its id in the jobs table. */
export type JobHandler = (id: number, progress: Progress) => Promise<void>;

export interface JobQueue {
  readonly engine: 'pg-boss' | 'in-process';
  /** Asks for the job to be run by an instance that works (this one or another). */
  enqueue(kind: string, id: number): Promise<void>;
  /** Stops taking jobs; the one running is let finish, for at most `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface JobOptions {
  /** false: this instance only queues jobs (another one runs them). Default true. */
  work?: boolean;
}

/** A job that runs once a day, whatever the number of instances (the scheduled audit purge). */
export interface DailyJob {
  run(): Promise<void>;
  /** How soon after start the day's run is first asked for (then every 24 h). */
  firstAfterMs?: number;
}

const DAY_MS = 86_400_000;
const FIRST_DAILY_RUN_MS = 60_000;

/**
 * Asks for each daily job shortly after start and then every day; `ask` decides whether this
 * asking runs it (PostgreSQL: the first instance to ask on a given day queues it, the others find
 * it queued). Returns the stop of the timers.
 */
function askDaily(daily: Record<string, DailyJob>, ask: (kind: string, job: DailyJob) => Promise<void>): () => void {
  const timers: NodeJS.Timeout[] = [];
  for (const [kind, job] of Object.entries(daily)) {
    const tick = () => void ask(kind, job).catch((error: unknown) => logFailure(kind, error));
    timers.push(setTimeout(tick, job.firstAfterMs ?? FIRST_DAILY_RUN_MS), setInterval(tick, DAY_MS));
  }
  for (const t of timers) t.unref();
  return () => {
    for (const t of timers) clearTimeout(t);
  };
}

/**
 * Progress of jobs running in this process, by database: on the embedded database the import's
 * transaction holds the only connection, so progress is kept here, not written as it goes.
 */
const live = new WeakMap<Db, Map<number, { rowsDone: number; rowsTotal: number }>>();

/** How far a job running in this process has got, when it is one. */
export function liveProgress(db: Db, id: number): { rowsDone: number; rowsTotal: number } | undefined {
  return live.get(db)?.get(id);
}

class InProcessQueue implements JobQueue {
  readonly engine = 'in-process';
  private readonly waiting: { kind: string; id: number }[] = [];
  private running: Promise<void> | undefined;
  private stopped = false;
  stopDaily = () => {};
  private readonly progress: Map<number, { rowsDone: number; rowsTotal: number }>;

  constructor(
    db: Db,
    private readonly handlers: Record<string, JobHandler>,
    private readonly work: boolean,
  ) {
    if (!live.has(db)) live.set(db, new Map());
    this.progress = live.get(db)!;
  }

  async enqueue(kind: string, id: number): Promise<void> {
    this.waiting.push({ kind, id });
    this.next();
  }

  /** One job at a time: the embedded database has one connection anyway. */
  private next(): void {
    if (this.running || this.stopped || !this.work) return;
    const job = this.waiting.shift();
    if (!job) return;
    const handler = this.handlers[job.kind];
    const progress: Progress = {
      report: async (rowsDone, rowsTotal) => {
        this.progress.set(job.id, { rowsDone, rowsTotal });
      },
    };
    this.running = (handler ? handler(job.id, progress) : Promise.reject(new Error(`No handler for jobs of kind ${job.kind}`)))
      .catch((e) => logFailure(`job ${job.id}`, e))
      .finally(() => {
        this.progress.delete(job.id);
        this.running = undefined;
        this.next();
      });
  }

  async stop(graceMs = 15_000): Promise<void> {
    this.stopped = true;
    this.stopDaily();
    if (this.running) await Promise.race([this.running, new Promise((r) => setTimeout(r, graceMs).unref())]);
  }
}

class PgBossQueue implements JobQueue {
  readonly engine = 'pg-boss';
  constructor(
    private readonly boss: PgBoss,
    private readonly kinds: string[],
    private readonly stopDaily: () => void,
  ) {}

  async enqueue(kind: string, id: number): Promise<void> {
    if (!this.kinds.includes(kind)) throw new Error(`No queue for jobs of kind ${kind}`);
    await this.boss.send(kind, { id });
  }

  async stop(graceMs = 15_000): Promise<void> {
    this.stopDaily();
    // The pool is the database's: its owner closes it.
    await this.boss.stop({ graceful: true, wait: true, timeout: graceMs, close: false });
  }
}

/** A running job's progress, written at most this often (each write is a statement of its own). */
const PROGRESS_EVERY_MS = 500;

export async function startJobs(
  database: Database,
  handlers: Record<string, JobHandler>,
  options: JobOptions = {},
  daily: Record<string, DailyJob> = {},
): Promise<JobQueue> {
  const work = options.work ?? true;
  const { db } = database;
  if (database.driver !== 'pg' || !database.pool) {
    const queue = new InProcessQueue(db, handlers, work);
    if (work) for (const job of await unfinishedJobs(db)) await queue.enqueue(job.kind, job.id);
    // The embedded database has one instance: it runs its daily jobs itself.
    if (work) queue.stopDaily = askDaily(daily, (_kind, job) => job.run());
    return queue;
  }
  const pool = database.pool;
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    // Old jobs are cleaned up by pg-boss itself; ours keep their outcome in the jobs table.
    supervise: true,
    schedule: false,
    // A daily job's queued run must stay in the job table through its whole day (pg-boss refuses a
    // day-long throttle otherwise): while it is there, no instance queues that day's run again.
    archiveCompletedAfterSeconds: 2 * 86_400,
  });
  boss.on('error', (e) => logFailure('job queue', e));
  await boss.start();
  const kinds = Object.keys(handlers);
  for (const kind of kinds) {
    await boss.createQueue(kind, {
      name: kind,
      // A job whose instance stopped mid-way is given to another after this long.
      expireInSeconds: 30 * 60,
      retryLimit: 3,
      retryDelay: 5,
    });
    if (!work) continue;
    await boss.work<{ id: number }>(kind, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
      let last = 0;
      const progress: Progress = {
        report: async (rowsDone, rowsTotal) => {
          if (Date.now() - last < PROGRESS_EVERY_MS && rowsDone < rowsTotal) return;
          last = Date.now();
          // Another connection of the pool: the job's own transaction is still open.
          await recordProgress(db, job.data.id, rowsDone, rowsTotal);
        },
      };
      await handlers[kind](job.data.id, progress);
    });
  }
  for (const [kind, job] of Object.entries(daily)) {
    await boss.createQueue(kind, { name: kind, expireInSeconds: 60 * 60, retryLimit: 2, retryDelay: 60 });
    if (work) await boss.work(kind, { pollingIntervalSeconds: 2, batchSize: 1 }, () => job.run());
  }
  // Every instance asks each day; the day's first asking queues the run (one per UTC day and kind),
  // and whichever instance takes it runs it: once, not once per instance.
  const stopDaily = askDaily(daily, async (kind) => {
    const queued = await boss.send(kind, {}, { singletonKey: kind, singletonSeconds: 86_400 });
    // Once a day per instance: the log says which instance queued the day's run.
    console.log(queued ? `Daily job ${kind}: today's run queued.` : `Daily job ${kind}: today's run was queued already (by another instance).`);
  });
  return new PgBossQueue(boss, kinds, stopDaily);
}
