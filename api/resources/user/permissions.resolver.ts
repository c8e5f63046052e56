import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { Ctx, Field, ID, Info, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { models } from '../../registry';
import { mayManageApiTokens, writeScope } from '../../auth/access';
import { timeZone } from '../../dates';
import type { ResourceModel } from '../../crud/model';
import { API_TOKEN_OPERATIONS } from './api-token.resolver';
import { graphqlEnum } from '../../crud/scalars';
import { enumDefinitions } from '../../../drizzle/schema';

const UserRole = graphqlEnum(enumDefinitions.get('user_role')!);

// What the signed-in user may do, worked out from the same declared rules the server enforces
// (`access` and `appendOnly` of each resource, through `writeScope`), so a client shows only the
// controls that will work. The server still checks every write on its own.

@ObjectType('ResourcePermission', { description: '权限 (What the signed-in user may do with one resource).' })
class ResourcePermission {
  @Field(() => String, { description: 'The resource (GraphQL type name).' })
  resource!: string;

  @Field(() => Boolean, { description: 'Reads every record (false: only the user’s own, as for accounts).' })
  readAll!: boolean;

  @Field(() => Boolean, { description: 'May create records.' })
  create!: boolean;

  @Field(() => Boolean, { description: 'May change records (false for append-only records).' })
  update!: boolean;

  @Field(() => Boolean, { description: 'May delete records (false for append-only records).' })
  delete!: boolean;

  @Field(() => Boolean, {
    description:
      'Writes (and operations) are limited to records of the user’s own organization (a street or township account); `ownerPath` says where a record names its organization.',
  })
  ownOrganizationOnly!: boolean;

  @Field(() => [String], {
    nullable: true,
    description:
      'How a record names the organization it belongs to: one reference field (`["recipientId"]`), or a reference and the field of the record it points at (`["staffMemberId", "organizationId"]`); null when it belongs to the county.',
  })
  ownerPath!: string[] | null;

  @Field(() => [String], { description: 'Domain operations on a record the user may run (completeTransfer …), within the same limit.' })
  operations!: string[];
}

@ObjectType('Permissions', { description: '当前用户的权限 (What the signed-in user may do), one entry per resource.' })
class Permissions {
  @Field(() => ID, { nullable: true })
  userId!: number | null;

  @Field(() => UserRole, { nullable: true })
  role!: string | null;

  @Field(() => ID, { nullable: true, description: 'The user’s organization; null for county-wide accounts.' })
  organizationId!: number | null;

  @Field(() => Boolean, { description: 'A street or township account: writes stay within its organization.' })
  local!: boolean;

  @Field(() => [ResourcePermission])
  resources!: ResourcePermission[];

  @Field(() => [String], { description: 'Operations beyond the records the user may run (issueApiToken …).' })
  operations!: string[];
}

/** Mutations that act on one record of the resource beside the grammar (completeTransfer, setUserPassword …). */
function recordOperations(model: ResourceModel, info: GraphQLResolveInfo): string[] {
  const grammar = new Set([`create${model.name}`, `update${model.name}`, `delete${model.name}`, `update${model.plural}`, `delete${model.plural}`]);
  return Object.values(info.schema.getMutationType()!.getFields())
    .filter((f) => !grammar.has(f.name) && getNamedType(f.type).name === model.name && f.args.some((a) => a.name === 'id'))
    .map((f) => f.name)
    .sort();
}

function ownerPathOf(model: ResourceModel): string[] | null {
  const owner = model.definition.access?.owner;
  if (!owner) return null;
  return typeof owner === 'string' ? [owner] : [owner.via, owner.field];
}

@Resolver()
export class PermissionsResolver {
  @Query(() => Permissions, {
    description:
      '我的权限 (What the signed-in user may do): per resource, create, update, delete, whether writes are limited to the user’s own organization, and the domain operations; derived from the rules the server enforces.',
  })
  myPermissions(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Permissions {
    const { actor } = ctx;
    const resources = models.map((model): ResourcePermission => {
      const scope = writeScope(actor, model);
      const writes = scope !== 'NONE';
      const changes = writes && !model.definition.appendOnly;
      return {
        resource: model.name,
        readAll: !model.definition.access?.privateTo || writes,
        create: writes,
        update: changes,
        delete: changes,
        ownOrganizationOnly: scope === 'OWN_ORGANIZATION',
        ownerPath: ownerPathOf(model),
        // Domain operations claim their record like an update does (CrudService.claim).
        operations: writes ? recordOperations(model, info) : [],
      };
    });
    return {
      userId: actor.kind === 'USER' ? actor.id : null,
      role: actor.role,
      organizationId: actor.organizationId,
      local: actor.local,
      resources,
      operations: mayManageApiTokens(actor) ? API_TOKEN_OPERATIONS : [],
    };
  }

  @Query(() => String, { description: '时区 (The IANA time zone that decides what "today" is, e.g. Asia/Shanghai).' })
  timeZone(): string {
    return timeZone();
  }
}
