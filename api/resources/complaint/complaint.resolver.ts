import { and, asc, count, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { complaints, organizations } from '../../../drizzle/schema';
import type { Context } from '../../context';
import type { ResolverKit } from '../../crud/resource';
import { organizationResource } from '../organization/organization.resource';

@ObjectType('ComplaintCount', { description: '投诉举报办理情况 (Complaints of one responsible unit received in a year, by where they stand).' })
class ComplaintCount {
  @Field(() => ID)
  organizationId!: number;

  @Field(() => Int, { description: '收到 (Received in the year).' })
  received!: number;

  @Field(() => Int, { description: '已受理 (Accepted).' })
  accepted!: number;

  @Field(() => Int, { description: '已办结 (Closed).' })
  closed!: number;

  @Field(() => Int, { description: '未办结 (Not closed yet).' })
  open!: number;

  @Field(() => Int, { description: '立案查处 (Became a case).' })
  casesFiled!: number;

  @Field(() => Int, { description: '移送办理 (Became a referral).' })
  referred!: number;
}

export function complaintResolvers({ records }: ResolverKit) {
  @Resolver(() => ComplaintCount)
  class ComplaintCountResolver {
    @FieldResolver(() => records.types(organizationResource).ObjectType, { description: 'The responsible unit.' })
    organization(@Root() row: ComplaintCount, @Ctx() ctx: Context) {
      return ctx.loaders.of(organizationResource).load(row.organizationId);
    }

    @Query(() => [ComplaintCount], {
      description: '各单位投诉举报统计 (Complaints per responsible unit for the year they were received in), most received first.',
    })
    async complaintCounts(@Arg('year', () => Int, { description: 'The year received.' }) year: number, @Ctx() ctx: Context): Promise<ComplaintCount[]> {
      const n = count();
      const of = (condition: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${condition})`;
      const rows = await ctx.db
        .select({
          organizationId: complaints.responsibleOrganizationId,
          received: n,
          accepted: of(sql`${complaints.acceptedOn} is not null`),
          closed: of(sql`${complaints.closedOn} is not null`),
          casesFiled: of(sql`${complaints.disposition} = 'CASE_FILED'`),
          referred: of(sql`${complaints.disposition} = 'REFERRED'`),
        })
        .from(complaints)
        .innerJoin(organizations, eq(organizations.id, complaints.responsibleOrganizationId))
        .where(and(gte(complaints.receivedOn, `${year}-01-01`), lte(complaints.receivedOn, `${year}-12-31`)))
        .groupBy(complaints.responsibleOrganizationId, organizations.code)
        .orderBy(desc(n), asc(organizations.code));
      return rows.map((r) => ({
        organizationId: r.organizationId,
        received: Number(r.received),
        accepted: Number(r.accepted),
        closed: Number(r.closed),
        open: Number(r.received) - Number(r.closed),
        casesFiled: Number(r.casesFiled),
        referred: Number(r.referred),
      }));
    }
  }
  return [ComplaintCountResolver];
}
