import { Arg, Ctx, Extensions, Field, FieldResolver, Float, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { badInput } from '../../errors';
import { Ratio } from '../../crud/scalars';
import { caseReports } from '../../../drizzle/schema';
import { rowOf, type ResolverKit, type Row } from '../../crud/resource';
import { describe } from '../../crud/model';
import { sixRates, TOTAL_SCORE, totalScore, type CaseCounts, type RateScore as Score } from './six-rates';
import { caseRanking, type RankedUnit } from './ranking';
import { organizationResource } from '../organization/organization.resource';

const bilingual = (l: { zh: string; en: string } | null) => (l ? `${l.zh} (${l.en})` : null);
const forClients = (scores: Score[]) => scores.map((r) => ({ ...r, label: bilingual(r.label)!, note: bilingual(r.note) }));

@ObjectType('RateScore', { description: '考核率及得分 (One of the six rates of 《镇平县行政执法改革与管理专项整治工作实施方案》附件2, with its points).' })
export class RateScore {
  @Field(() => String, { description: 'filing, closing, execution, penalty, lawsuit or winning.' })
  key!: string;

  @Field(() => String, { description: '名称 (Name), 中文 (English).' })
  label!: string;

  @Field(() => Int)
  numerator!: number;

  @Field(() => Int)
  denominator!: number;

  @Field(() => Ratio, { nullable: true, description: 'numerator ÷ denominator; null when the denominator is 0 (not applicable).' })
  rate!: number | null;

  @Field(() => Int, { description: 'Points the rate is worth (20 or 16).' })
  weight!: number;

  @Field(() => Float, { description: 'Points taken off for counted failures.' })
  deduction!: number;

  @Field(() => Float, { nullable: true, description: 'Points earned, 0 to weight; null when not applicable.' })
  points!: number | null;

  @Field(() => String, {
    nullable: true,
    description: '说明 (How a figure was arrived at when it was not entered: the filing target from the two previous years), 中文 (English).',
  })
  note!: string | null;
}

@ObjectType('CaseRankingRow', {
  description: '六率考核排名 (One unit’s place in the year’s six-rate ranking): its reports of the year added up and scored as one.',
})
export class CaseRankingRow {
  @Field(() => ID)
  organizationId!: number;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { nullable: true, description: '名次 (Place), 1 for the best; equal scores share a place; null without a score.' })
  rank!: number | null;

  @Field(() => Int, { description: '统计报表数 (Reports of the year added up).' })
  reports!: number;

  @Field(() => Int, { nullable: true, description: '核定应立案数 (The filing target used).' })
  filingTarget!: number | null;

  @Field(() => Boolean, { description: '按近两年平均核定 (The target is the average of the two previous years).' })
  filingTargetDefaulted!: boolean;

  @Field(() => [RateScore], { description: '六率 (The six rates, their points and deductions).' })
  rates!: RateScore[];

  @Field(() => Float, { description: '扣分合计 (All deductions, applicable rates or not).' })
  deductions!: number;

  @Field(() => Float, { nullable: true, description: describe(TOTAL_SCORE.label, TOTAL_SCORE.help) })
  totalScore!: number | null;
}

function rankingRow(u: RankedUnit): CaseRankingRow {
  return {
    organizationId: u.organizationId,
    year: u.year,
    rank: u.rank,
    reports: u.reports,
    filingTarget: u.counts.filingTarget ?? null,
    filingTargetDefaulted: u.counts.casesDue === null && u.counts.filingTarget != null,
    rates: forClients(u.rates) as RateScore[],
    deductions: u.rates.reduce((n, r) => n + r.deduction, 0),
    totalScore: u.totalScore,
  };
}

/** A report's counts with the target its computed field worked out (the entered one, or the two-year average). */
const countsOf = (report: Row): CaseCounts => ({ ...rowOf(caseReports, report), filingTarget: report.filingTarget as number | null | undefined });

export function caseReportResolvers({ Crud, types, records }: ResolverKit) {
  @Resolver(() => types.ObjectType)
  class CaseReportResolver extends Crud {
    // A list of fixed length: the query cost counts it as six rows, not a page.
    @Extensions({ rows: 6 })
    @FieldResolver(() => [RateScore], { description: '六率 (The six rates and their points), in the order of 《镇平县行政执法改革与管理专项整治工作实施方案》附件2.' })
    rates(@Root() report: Row) {
      return forClients(sixRates(countsOf(report)));
    }

    @FieldResolver(() => Float, {
      nullable: true,
      description: describe(TOTAL_SCORE.label, TOTAL_SCORE.help),
    })
    totalScore(@Root() report: Row) {
      return totalScore(sixRates(countsOf(report)));
    }

    @Query(() => [CaseRankingRow], {
      description:
        '六率考核排名 (The six-rate ranking of a year): every unit with a case report whose period starts in the year, its reports added up, best total first.',
    })
    async caseRanking(@Arg('year', () => Int, { description: 'The year, e.g. 2025 (2000 to 2100).' }) year: number, @Ctx() ctx: Context) {
      if (year < 2000 || year > 2100) throw badInput([{ field: 'year', rule: 'range', zh: '年度应在2000至2100之间', en: 'The year must be between 2000 and 2100' }]);
      return (await caseRanking(ctx.db, year)).map(rankingRow);
    }
  }

  @Resolver(() => CaseRankingRow)
  class CaseRankingRowResolver {
    @FieldResolver(() => records.types(organizationResource).ObjectType, { description: '执法单位 (The unit).' })
    organization(@Root() row: CaseRankingRow, @Ctx() ctx: Context) {
      return ctx.loaders.of(organizationResource).load(row.organizationId);
    }
  }
  return [CaseReportResolver, CaseRankingRowResolver];
}
