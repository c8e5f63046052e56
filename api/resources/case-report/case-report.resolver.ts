import { Extensions, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Ratio } from '../../crud/scalars';
import { caseReports } from '../../../drizzle/schema';
import { rowOf, type ResolverKit, type Row } from '../../crud/resource';
import { describe } from '../../crud/model';
import { sixRates, TOTAL_SCORE, totalScore } from './six-rates';

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
}

export function caseReportResolvers({ Crud, types }: ResolverKit) {
  @Resolver(() => types.ObjectType)
  class CaseReportResolver extends Crud {
    // A list of fixed length: the query cost counts it as six rows, not a page.
    @Extensions({ rows: 6 })
    @FieldResolver(() => [RateScore], { description: '六率 (The six rates and their points), in the order of 《镇平县行政执法改革与管理专项整治工作实施方案》附件2.' })
    rates(@Root() report: Row) {
      return sixRates(rowOf(caseReports, report)).map((r) => ({ ...r, label: `${r.label.zh} (${r.label.en})` }));
    }

    @FieldResolver(() => Float, {
      nullable: true,
      description: describe(TOTAL_SCORE.label, TOTAL_SCORE.help),
    })
    totalScore(@Root() report: Row) {
      return totalScore(sixRates(rowOf(caseReports, report)));
    }
  }
  return [CaseReportResolver];
}
