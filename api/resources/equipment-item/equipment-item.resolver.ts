import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import type { ResolverKit } from '../../crud/resource';
import { organizationResource } from '../organization/organization.resource';
import { optionalId } from '../optional-id';
import { TeamEquipmentAndGrids, teamEquipmentAndGrids } from './team-equipment';

export function equipmentItemResolvers({ Crud, types, records }: ResolverKit) {
  @Resolver(() => types.ObjectType)
  class EquipmentItemResolver extends Crud {
    @Query(() => [TeamEquipmentAndGrids], {
      description:
        '执法记录仪与网格达标情况 (Per street and township: body cameras in service against the configured minimum, 《镇平县行政执法改革与管理专项整治工作实施方案》: 不低于四台执法记录仪; and whether every patrol grid names its responsible person).',
    })
    async teamEquipmentAndGrids(
      @Arg('organizationId', () => ID, { nullable: true, description: 'Only this street or township.' }) organizationId: string | null,
      @Arg('onlyFailing', () => Boolean, { nullable: true, description: 'Only those short of cameras or with a grid without a person (or no grid).' })
      onlyFailing: boolean | null,
      @Ctx() ctx: Context,
    ) {
      return teamEquipmentAndGrids(ctx.db, {
        organizationId: optionalId(organizationId, records.model(organizationResource)),
        onlyFailing: onlyFailing ?? false,
      });
    }
  }

  @Resolver(() => TeamEquipmentAndGrids)
  class TeamEquipmentAndGridsResolver {
    @FieldResolver(() => records.types(organizationResource).ObjectType, { description: 'The street or township.' })
    organization(@Root() row: TeamEquipmentAndGrids, @Ctx() ctx: Context) {
      return ctx.loaders.of(organizationResource).load(row.organizationId);
    }
  }

  return [EquipmentItemResolver, TeamEquipmentAndGridsResolver];
}
