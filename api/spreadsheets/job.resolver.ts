import { and, eq, type SQL } from 'drizzle-orm';
import { Arg, Ctx, Field, GraphQLISODateTime, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { enumDefinitions, jobs } from '../../drizzle/schema';
import type { Label } from '../../drizzle/schema/columns';
import type { Context } from '../context';
import { LocalizedText } from '../crud/display';
import { graphqlEnum } from '../crud/scalars';
import { badInput, loginRequired, notFound } from '../errors';
import { countJobs, listJobs, readJob, type JobRow, type RowProblem } from '../jobs/job-store';
import { liveProgress } from '../jobs/queue';
import type { Actor } from '../auth/actor';

// Import jobs as GraphQL reads them: one by id (`importJob`), and the list of them. A county
// administrator sees every job; anyone else the jobs they started.

const JobStatus = graphqlEnum(enumDefinitions.get('job_status')!);

@ObjectType('ImportProblem', { description: '导入问题 (A problem, or a notice, of one line of an imported file).' })
export class ImportProblem {
  @Field(() => Int, { description: 'The line of the file as a spreadsheet numbers it (the header line included).' })
  row!: number;

  @Field(() => String, { description: 'The column’s heading as the file has it; empty for the line as a whole.' })
  column!: string;

  @Field(() => String, { description: 'Stable code: required, enum, unknownReference, ambiguous, duplicate, inferred …' })
  code!: string;

  @Field(() => String)
  zh!: string;

  @Field(() => String)
  en!: string;
}

@ObjectType('ImportJob', { description: '导入任务 (A spreadsheet import): QUEUED → RUNNING → DONE or FAILED.' })
export class ImportJob {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: 'The record type imported (`PowerItem`).' })
  resource!: string;

  @Field(() => Boolean, { description: 'A dry run checks every line and writes nothing.' })
  dryRun!: boolean;

  @Field(() => String, { nullable: true })
  fileName!: string | null;

  @Field(() => JobStatus)
  status!: string;

  @Field(() => Int, { description: 'Lines after the header (group lines included; empty lines not).' })
  rowsTotal!: number;

  @Field(() => Int)
  rowsDone!: number;

  @Field(() => Int, { description: 'Records created (by a dry run: that would be).' })
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int, { description: 'Lines already stored as the file has them.' })
  unchanged!: number;

  @Field(() => [ImportProblem], { description: 'Problems; a commit with any of them writes nothing.' })
  errors!: RowProblem[];

  @Field(() => [ImportProblem], { description: 'What was done on the file’s behalf (an inferred category, an ignored column).' })
  notices!: RowProblem[];

  @Field(() => LocalizedText, { nullable: true, description: 'Why the job failed, when not for its lines’ problems.' })
  failure!: Label | null;

  @Field(() => String, { description: 'Who started it.' })
  startedBy!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  startedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  finishedAt!: Date | null;
}

function shown(ctx: Context, row: Omit<JobRow, 'file'>): ImportJob {
  const live = row.status === 'RUNNING' ? liveProgress(ctx.db, row.id) : undefined;
  return {
    ...row,
    ...live,
    errors: row.errors as RowProblem[],
    notices: row.notices as RowProblem[],
    failure: row.failure as Label | null,
    startedBy: (row.actor as Actor).name,
  };
}

/** The jobs a caller may see: every one for a county administrator, else their own. */
function visible(actor: Actor): SQL | undefined {
  if (actor.kind !== 'USER' || actor.id === null) throw loginRequired();
  return actor.role === 'ADMIN' && !actor.local ? undefined : eq(jobs.actorId, actor.id);
}

@Resolver(() => ImportJob)
export class ImportJobResolver {
  @Query(() => ImportJob, { description: '导入任务 (An import job) and how far it got; your own, or any for a county administrator.' })
  async importJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ImportJob> {
    const scope = visible(ctx.actor);
    const n = /^\d{1,9}$/.test(id) ? Number(id) : null;
    const row = n === null ? undefined : await readJob(ctx.db, n);
    if (!row || (scope && row.actorId !== ctx.actor.id)) throw notFound({ zh: '导入任务', en: 'Import job' }, id);
    return shown(ctx, row);
  }

  @Query(() => [ImportJob], { description: '导入任务列表 (Import jobs), newest first.' })
  async importJobs(
    @Ctx() ctx: Context,
    @Arg('resource', () => String, { nullable: true }) resource?: string,
    @Arg('page', () => Int, { nullable: true, defaultValue: 0 }) page = 0,
    @Arg('perPage', () => Int, { nullable: true, defaultValue: 25 }) perPage = 25,
  ): Promise<ImportJob[]> {
    if (page < 0 || perPage < 1 || perPage > 100) {
      throw badInput([{ field: 'perPage', rule: 'range', zh: '每页条数应在 1 到 100 之间，页码不小于 0', en: 'perPage is 1 to 100 and page at least 0' }]);
    }
    const where = and(visible(ctx.actor), resource ? eq(jobs.resource, resource) : undefined);
    return (await listJobs(ctx.db, where, perPage, page * perPage)).map((row) => shown(ctx, row));
  }

  @Query(() => Int, { description: 'How many import jobs `importJobs` lists.' })
  async importJobCount(@Ctx() ctx: Context, @Arg('resource', () => String, { nullable: true }) resource?: string): Promise<number> {
    return countJobs(ctx.db, and(visible(ctx.actor), resource ? eq(jobs.resource, resource) : undefined));
  }
}
