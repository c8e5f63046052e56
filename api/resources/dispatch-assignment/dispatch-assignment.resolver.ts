import { Arg, Ctx, Field, FieldResolver, Float, GraphQLISODateTime, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { badInput } from '../../errors';
import type { ResolverKit } from '../../crud/resource';
import { Ratio } from '../../crud/scalars';
import { organizationResource } from '../organization/organization.resource';
import { optionalId } from '../optional-id';
import {
  acknowledgeDispatchAssignment,
  arriveDispatchAssignment,
  closeDispatchAssignment,
  rateDispatchAssignment,
} from './dispatch-assignment.service';
import { departmentAssessment, streetAssessment } from './assessment';
import { deadlineBoard } from './deadline-board';

const versionArg = { nullable: true, description: 'The version you last read (optional).' } as const;
const atArg = (what: string) => ({ nullable: true, description: `${what}; now when absent. Not in the future, not before the previous step.` });
const rate = (n: number, of: number) => (of === 0 ? null : n / of);

@ObjectType('DepartmentDispatchAssessment', {
  description: '部门报到考核 (How one department answered the streets’ calls of a year: 双向考核, the departments’ side).',
})
class DepartmentDispatchAssessment {
  @Field(() => ID)
  organizationId!: number;

  @Field(() => Int, { description: '被吹哨次数 (Calls received).' })
  received!: number;

  @Field(() => Int, { description: '按时响应 (Acknowledged within DISPATCH_ACK_HOURS).' })
  acknowledgedOnTime!: number;

  @Field(() => Ratio, { nullable: true, description: '按时响应率 (Acknowledged on time ÷ calls received); null without calls.' })
  acknowledgedOnTimeRate!: number | null;

  @Field(() => Int, { description: '按时报到 (Arrived within DISPATCH_ARRIVAL_HOURS).' })
  arrivedOnTime!: number;

  @Field(() => Ratio, { nullable: true, description: '按时报到率 (Arrived on time ÷ calls received); null without calls.' })
  arrivedOnTimeRate!: number | null;

  @Field(() => Int, { description: '已办结 (Closed).' })
  closed!: number;

  @Field(() => Ratio, { nullable: true, description: '办结率 (Closed ÷ calls received); null without calls.' })
  closedRate!: number | null;

  @Field(() => Int, { description: '已评价 (Rated by the street).' })
  rated!: number;

  @Field(() => Float, { nullable: true, description: '平均评价 (Average rating, 1 to 5, of the rated ones); null when none was rated.' })
  averageRating!: number | null;
}

@ObjectType('StreetDispatchAssessment', { description: '街道吹哨考核 (How one street used the call in a year and rated the answers: 双向考核, the streets’ side).' })
class StreetDispatchAssessment {
  @Field(() => ID)
  organizationId!: number;

  @Field(() => Int, { description: '吹哨次数 (Requests raised).' })
  raised!: number;

  @Field(() => Int, { description: '吹哨部门次数 (Departments called, over all its requests).' })
  calls!: number;

  @Field(() => Int, { description: '已评价 (Ratings given).' })
  rated!: number;

  @Field(() => Float, { nullable: true, description: '平均给分 (Average rating given); null when none was given.' })
  averageRatingGiven!: number | null;
}

@ObjectType('DispatchAssessment', { description: '吹哨报到双向考核 (The two-way assessment of a year).' })
class DispatchAssessment {
  @Field(() => Int)
  year!: number;

  @Field(() => [DepartmentDispatchAssessment], { description: '部门 (The departments called in the year).' })
  departments!: DepartmentDispatchAssessment[];

  @Field(() => [StreetDispatchAssessment], { description: '街道 (The streets that raised requests in the year).' })
  streets!: StreetDispatchAssessment[];
}

@ObjectType('DeadlineBoardEntry', {
  description: '待办时限 (An open case referral or dispatch assignment, with the deadline of the step it owes).',
})
class DeadlineBoardEntry {
  @Field(() => String, { description: 'CaseReferral or DispatchAssignment: the record to open.' })
  resource!: string;

  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: '事项 (The matter).' })
  matter!: string;

  @Field(() => ID, { description: 'The sending unit or the street that called.' })
  fromOrganizationId!: number;

  @Field(() => ID, { description: 'The receiving unit or the department called.' })
  toOrganizationId!: number;

  @Field(() => String, { description: 'Its status: ReferralStatus (SENT, RECEIVED) or DispatchStatus (CALLED, ACKNOWLEDGED, ARRIVED).' })
  status!: string;

  @Field(() => GraphQLISODateTime, { description: '时限 (The deadline of the step owed: receipt or decision; acknowledgement, arrival or closing).' })
  deadline!: Date;

  @Field(() => Boolean, { description: '已逾期 (The deadline has passed).' })
  overdue!: boolean;
}

const yearArg = { description: 'The year the requests were raised, e.g. 2025 (2000 to 2100).' };

export function dispatchAssignmentResolvers({ Crud, types, records }: ResolverKit) {
  @Resolver(() => types.ObjectType)
  class DispatchAssignmentResolver extends Crud {
    @Mutation(() => types.ObjectType, { description: '响应 (Acknowledge a call): the called department, CALLED → ACKNOWLEDGED, timed.' })
    async acknowledgeDispatchAssignment(
      @Arg('id', () => ID) id: string,
      @Arg('at', () => GraphQLISODateTime, atArg('When it was acknowledged')) at: Date | null,
      @Arg('version', () => Int, versionArg) version: number | null,
      @Ctx() ctx: Context,
    ) {
      return ctx.db.transaction((tx) => acknowledgeDispatchAssignment(records, tx, id, at, version));
    }

    @Mutation(() => types.ObjectType, { description: '报到 (Arrive on the spot): the called department, ACKNOWLEDGED → ARRIVED, timed.' })
    async arriveDispatchAssignment(
      @Arg('id', () => ID) id: string,
      @Arg('at', () => GraphQLISODateTime, atArg('When its people arrived')) at: Date | null,
      @Arg('version', () => Int, versionArg) version: number | null,
      @Ctx() ctx: Context,
    ) {
      return ctx.db.transaction((tx) => arriveDispatchAssignment(records, tx, id, at, version));
    }

    @Mutation(() => types.ObjectType, { description: '办结 (Close with the result): the called department, ARRIVED → CLOSED, timed.' })
    async closeDispatchAssignment(
      @Arg('id', () => ID) id: string,
      @Arg('result', () => String, { description: 'What was done.' }) result: string,
      @Arg('at', () => GraphQLISODateTime, atArg('When it was closed')) at: Date | null,
      @Arg('version', () => Int, versionArg) version: number | null,
      @Ctx() ctx: Context,
    ) {
      return ctx.db.transaction((tx) => closeDispatchAssignment(records, tx, id, result, at, version));
    }

    @Mutation(() => types.ObjectType, { description: '评价 (Rate the closed work): the street that raised the request, 1 to 5, once.' })
    async rateDispatchAssignment(
      @Arg('id', () => ID) id: string,
      @Arg('rating', () => Int, { description: '1 to 5, 5 the best.' }) rating: number,
      @Arg('comment', () => String, { nullable: true, description: 'The street’s comment.' }) comment: string | null,
      @Arg('version', () => Int, versionArg) version: number | null,
      @Ctx() ctx: Context,
    ) {
      return ctx.db.transaction((tx) => rateDispatchAssignment(records, tx, id, rating, comment, version));
    }

    @Query(() => DispatchAssessment, { description: '吹哨报到双向考核 (The two-way assessment of the requests raised in a year: each department called, each street that called).' })
    async dispatchAssessment(@Arg('year', () => Int, yearArg) year: number, @Ctx() ctx: Context): Promise<DispatchAssessment> {
      if (year < 2000 || year > 2100) throw badInput([{ field: 'year', rule: 'range', zh: '年度应在2000至2100之间', en: 'The year must be between 2000 and 2100' }]);
      const departments = (await departmentAssessment(ctx.db, year)).map((d) => ({
        ...d,
        acknowledgedOnTimeRate: rate(d.acknowledgedOnTime, d.received),
        arrivedOnTimeRate: rate(d.arrivedOnTime, d.received),
        closedRate: rate(d.closed, d.received),
      }));
      return { year, departments, streets: await streetAssessment(ctx.db, year) };
    }

    @Query(() => [DeadlineBoardEntry], {
      description: '待办时限看板 (Open case referrals and dispatch assignments by the deadline of the step they owe, earliest first: the overdue lead).',
    })
    async deadlineBoard(
      @Arg('organizationId', () => ID, { nullable: true, description: 'Only those this unit sends or receives, calls or is called on.' }) organizationId: string | null,
      @Ctx() ctx: Context,
    ): Promise<DeadlineBoardEntry[]> {
      const now = Date.now();
      // A malformed id is an unknown organization, not a database error.
      const entries = await deadlineBoard(ctx.db, optionalId(organizationId, records.model(organizationResource)) ?? null);
      return entries.map((e) => ({ ...e, overdue: e.deadline.getTime() < now }));
    }
  }

  const organizationType = () => records.types(organizationResource).ObjectType;

  @Resolver(() => DepartmentDispatchAssessment)
  class DepartmentAssessmentResolver {
    @FieldResolver(organizationType, { description: '被吹哨部门 (The department).' })
    organization(@Root() row: DepartmentDispatchAssessment, @Ctx() ctx: Context) {
      return ctx.loaders.of(organizationResource).load(row.organizationId);
    }
  }

  @Resolver(() => StreetDispatchAssessment)
  class StreetAssessmentResolver {
    @FieldResolver(organizationType, { description: '吹哨街道 (The street).' })
    organization(@Root() row: StreetDispatchAssessment, @Ctx() ctx: Context) {
      return ctx.loaders.of(organizationResource).load(row.organizationId);
    }
  }

  @Resolver(() => DeadlineBoardEntry)
  class DeadlineBoardEntryResolver {
    @FieldResolver(organizationType, { description: '移送单位或吹哨街道 (The sending unit or calling street).' })
    fromOrganization(@Root() row: DeadlineBoardEntry, @Ctx() ctx: Context) {
      return ctx.loaders.of(organizationResource).load(row.fromOrganizationId);
    }

    @FieldResolver(organizationType, { description: '接收单位或被吹哨部门 (The receiving unit or called department).' })
    toOrganization(@Root() row: DeadlineBoardEntry, @Ctx() ctx: Context) {
      return ctx.loaders.of(organizationResource).load(row.toOrganizationId);
    }
  }
  return [DispatchAssignmentResolver, DepartmentAssessmentResolver, StreetAssessmentResolver, DeadlineBoardEntryResolver];
}
