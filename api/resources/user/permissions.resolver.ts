import { getNamedType, type GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, ID, Info, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import type { OwnerPath } from '../../crud/resource';
import { authorizeWrite, mayRun, ownerRule, readsAll, readsEvery, roleScope, writeScope } from '../../crud/authorize';
import type { Actor } from '../../auth/actor';
import { notFound } from '../../errors';
import { MAX_PER_PAGE } from '../../crud/list-metadata';
import type { Tx } from '../../db';
import { timeZone } from '../../dates';
import type { ResourceModel } from '../../crud/model';
import { API_TOKEN_OPERATIONS, API_TOKEN_READS } from '../api-token/api-token.resolver';
import { apiTokenResource } from '../api-token/api-token.resource';
import { offersWrite } from '../../crud/resource';
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

  @Field(() => [[String]], {
    description:
      'Where a record names the organization it belongs to: each path one reference field (`["recipientId"]`), or a reference and the field of the record it points at (`["staffMemberId", "organizationId"]`); empty when it belongs to the county. Every path that is set must be the user’s organization, unless `sharedOwnership`. `myRecordPermissions` answers for given records.',
  })
  ownerPaths!: string[][];

  @Field(() => Boolean, { description: 'A record belongs to each organization its paths name (a transfer: the one it leaves and the one it goes to), not only to all of them together.' })
  sharedOwnership!: boolean;

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

/** Issuing a token is no record's operation yet: offered to whoever writes tokens; the list to whoever reads them. */
function tokenOperations(actor: Actor, model: ResourceModel): string[] {
  if (writeScope(actor, model) === 'ALL') return API_TOKEN_OPERATIONS;
  return actor.kind === 'USER' && readsAll(actor, model) ? API_TOKEN_READS : [];
}

/** Mutations that act on one record of the resource beside the grammar (completeTransfer, setUserPassword …). */
function recordOperations(model: ResourceModel, info: GraphQLResolveInfo): string[] {
  const grammar = new Set([`create${model.name}`, `update${model.name}`, `delete${model.name}`, `update${model.plural}`, `delete${model.plural}`]);
  return Object.values(info.schema.getMutationType()!.getFields())
    .filter((f) => !grammar.has(f.name) && getNamedType(f.type).name === model.name && f.args.some((a) => a.name === 'id'))
    .map((f) => f.name)
    .sort();
}

@ObjectType('RecordPermission', { description: '权限 (What the signed-in user may do with one record).' })
class RecordPermission {
  @Field(() => ID)
  id!: string;

  @Field(() => Boolean)
  update!: boolean;

  @Field(() => Boolean)
  delete!: boolean;

  @Field(() => [String], { description: 'Domain operations on this record the user may run.' })
  operations!: string[];
}

function ownerPathsOf(model: ResourceModel): string[][] {
  const chain = (p: OwnerPath): string[] => (typeof p === 'string' ? [p] : [p.via, ...chain(p.field)]);
  return ownerRule(model).paths.map(chain);
}

@Resolver()
export class PermissionsResolver {
  @Query(() => Permissions, {
    description:
      '我的权限 (What the signed-in user may do): per resource, create, update, delete, whether writes are limited to the user’s own organization, and the domain operations; derived from the rules the server enforces.',
  })
  myPermissions(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Permissions {
    const { actor } = ctx;
    const resources = ctx.records.models.map((model): ResourcePermission => {
      const scope = writeScope(actor, model);
      const writes = scope !== 'NONE';
      const changes = writes && !model.definition.appendOnly;
      return {
        resource: model.name,
        readAll: readsEvery(actor, model),
        create: writes && offersWrite(model.definition, 'create') && mayRun(actor, model, 'create'),
        update: changes && offersWrite(model.definition, 'update') && mayRun(actor, model, 'update'),
        delete: changes && offersWrite(model.definition, 'delete') && mayRun(actor, model, 'delete'),
        ownOrganizationOnly: scope === 'OWN_ORGANIZATION',
        ownerPaths: ownerPathsOf(model),
        sharedOwnership: ownerRule(model).any,
        // Domain operations claim their record like an update does (CrudService.claim); those on a
        // record the server keeps (ending a session) are its writers' by role.
        operations: roleScope(actor, model) !== 'NONE' ? recordOperations(model, info).filter((op) => mayRun(actor, model, op)) : [],
      };
    });
    return {
      userId: actor.kind === 'USER' ? actor.id : null,
      role: actor.role,
      organizationId: actor.organizationId,
      local: actor.local,
      resources,
      operations: tokenOperations(actor, ctx.records.of(apiTokenResource).model),
    };
  }

  @Query(() => [RecordPermission], {
    description:
      '我对这些记录的权限 (What the signed-in user may do with these records): asked by street and township accounts, whose writes depend on each record’s organization. The same check the server makes on a write; records that do not exist are left out.',
  })
  async myRecordPermissions(
    @Arg('resource', () => String) resource: string,
    @Arg('ids', () => [ID]) ids: string[],
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RecordPermission[]> {
    const named = ctx.records.named(resource);
    if (!named) throw notFound({ zh: '资源', en: 'Resource' }, resource);
    const { model, service } = named;
    const { actor } = ctx;
    const operations = recordOperations(model, info).filter((op) => mayRun(ctx.actor, model, op));
    const out: RecordPermission[] = [];
    for (const id of ids.slice(0, MAX_PER_PAGE)) {
      const row = await service.get(ctx.db, id);
      if (!row) continue;
      let may = writeScope(actor, model) !== 'NONE';
      const serverKept = !!model.definition.writtenByServer;
      if (may && actor.kind === 'USER') {
        // The very check a write makes; it only reads.
        may = await authorizeWrite(ctx.db as unknown as Tx, actor, model, ctx.records.models, [row]).then(
          () => true,
          (e: GraphQLError) => {
            if (e.extensions?.code !== 'FORBIDDEN') throw e;
            return false;
          },
        );
      }
      const changes = may && !model.definition.appendOnly;
      const runs = may || (serverKept && roleScope(actor, model) === 'ALL');
      out.push({
        id: String(row.id),
        update: changes && offersWrite(model.definition, 'update') && mayRun(actor, model, 'update'),
        delete: changes && offersWrite(model.definition, 'delete') && mayRun(actor, model, 'delete'),
        operations: runs ? operations : [],
      });
    }
    return out;
  }

  @Query(() => String, { description: '时区 (The IANA time zone that decides what "today" is, e.g. Asia/Shanghai).' })
  timeZone(): string {
    return timeZone();
  }
}
