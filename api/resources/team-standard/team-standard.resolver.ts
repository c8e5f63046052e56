import { Arg, Ctx, Field, FieldResolver, Float, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Label } from '../../../drizzle/schema/columns';
import type { Context } from '../../context';
import type { Queryable } from '../../db';
import { LocalizedText } from '../../crud/display';
import type { ResolverKit } from '../../crud/resource';
import { badInput, forbidden } from '../../errors';
import type { Actor } from '../../auth/actor';
import { optionalId } from '../optional-id';
import { TEAM_STANDARDS } from './standards';
import { teamFacts } from './team-facts';

@ObjectType('TeamStandardRow', {
  description:
    '规范化建设达标情况 (One standard of one street’s or township’s enforcement team): the figure the documents require, the team’s own, and whether it passes.',
})
export class TeamStandardRow {
  @Field(() => ID)
  organizationId!: number;

  @Field(() => Int)
  year!: number;

  @Field(() => String, {
    description: 'SQUAD_LEADER, DEPUTY_SQUAD_LEADERS, LEGAL_STAFF, ENFORCEMENT_CERTIFIED, VACANCY_CAP, TRAINING_DAYS, ROADSHOWS, GUIDED_CASES, BODY_CAMERAS, PATROL_GRIDS or LIAISON.',
  })
  standard!: string;

  @Field(() => LocalizedText, { description: '标准 (The standard’s name).' })
  label!: Label;

  @Field(() => LocalizedText, { description: '要求 (The rule, with the configured figure).' })
  rule!: Label;

  @Field(() => Float, { description: '应达数 (The figure required: a number of people or things, or the vacancy cap as a fraction).' })
  required!: number;

  @Field(() => Float, { nullable: true, description: '实有数 (The team’s figure; null when there is nothing to measure, such as no quota of the year).' })
  actual!: number | null;

  @Field(() => Boolean, { description: '是否达标 (Passed).' })
  passed!: boolean;

  @Field(() => String, { description: '依据 (The document setting the standard, by title).' })
  source!: string;

  @Field(() => String, { description: 'The setting (environment variable) holding the standard’s figure.' })
  setting!: string;
}

/** The sheet's rows: every standard for every street and township (or one), in declaration order. */
export async function teamStandards(db: Queryable, q: { year: number; organizationId?: number }): Promise<TeamStandardRow[]> {
  const facts = await teamFacts(db, q);
  return [...facts].flatMap(([organizationId, f]) =>
    TEAM_STANDARDS.map((s) => ({ organizationId, year: q.year, standard: s.code, label: s.label, rule: s.rule(), source: s.source, setting: s.setting, ...s.measure(f) })),
  );
}

/** A street or township account reads its own team's sheet only; county accounts any. */
function sheetOrganization(actor: Actor, asked: number | undefined): number | undefined {
  if (!actor.local) return asked;
  if (asked !== undefined && asked !== actor.organizationId) {
    throw forbidden('街道、乡镇账号只能查看本单位的达标情况', 'A street or township account sees its own team’s standards only');
  }
  return actor.organizationId ?? undefined;
}

export function teamStandardResolvers({ types, service }: ResolverKit) {
  // Attached to the organization record: its types name the row's street, its model the argument.
  const organization = service.model;
  @Resolver(() => TeamStandardRow)
  class TeamStandardResolver {
    @Query(() => [TeamStandardRow], {
      description:
        '规范化建设达标情况 (The team standard sheet of a year): for each street and township, every standard of the documents with its required and actual figure and a pass or fail. A street or township account sees its own.',
    })
    async teamStandards(
      @Arg('year', () => Int, { description: 'The year, e.g. 2026 (2000 to 2100); a past year is measured on its last day.' }) year: number,
      @Arg('organizationId', () => ID, { nullable: true, description: 'Only this street or township.' }) organizationId: string | null,
      @Ctx() ctx: Context,
    ) {
      if (year < 2000 || year > 2100) throw badInput([{ field: 'year', rule: 'range', zh: '年度应在2000至2100之间', en: 'The year must be between 2000 and 2100' }]);
      const asked = optionalId(organizationId, organization);
      return teamStandards(ctx.db, { year, organizationId: sheetOrganization(ctx.actor, asked) });
    }

    @FieldResolver(() => types.ObjectType, { description: '街道/乡镇 (The street or township).' })
    organization(@Root() row: TeamStandardRow, @Ctx() ctx: Context) {
      return ctx.loaders.of(organization.definition).load(row.organizationId);
    }
  }
  return [TeamStandardResolver];
}
