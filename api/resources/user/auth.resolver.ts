import { and, asc, eq } from 'drizzle-orm';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, GraphQLISODateTime, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { auditEntries, users } from '../../../drizzle/schema';
import type { Context } from '../../context';
import { appError, badInput, notFound, forbidden, loginRequired } from '../../errors';
import { parseId } from '../../crud/model';
import type { ResolverKit } from '../../crud/resource';
import { ApiTokenResolver } from './api-token.resolver';
import { PermissionsResolver } from './permissions.resolver';
import { hashPassword, passwordProblem, verifyPassword } from '../../auth/password';
import { signSession } from '../../auth/session';
import { readScope } from '../../crud/authorize';
import { recordAudit } from '../../crud/audit';
import { auditFieldChanges } from '../../crud/audit-fields';
import { FieldChange } from '../../crud/display';
import { localDateTime } from '../../dates';

@ObjectType('AuditEntry', { description: '修改记录 (One change made through the API): who, when, what, field by field.' })
export class AuditEntry {
  @Field(() => ID)
  id!: number;

  @Field(() => GraphQLISODateTime)
  at!: Date;

  @Field(() => String, { description: 'USER (a signed-in account).' })
  actorKind!: string;

  @Field(() => ID, { nullable: true })
  actorId!: number | null;

  @Field(() => String, { description: 'The username at the time.' })
  actorName!: string;

  @Field(() => String, { description: 'create, update or delete.' })
  operation!: string;

  @Field(() => String)
  resource!: string;

  @Field(() => ID)
  recordId!: number;

  @Field(() => GraphQLJSONObject, { description: '{ field: [before, after] } for every field that changed.' })
  changes!: object;

  @Field(() => String, { nullable: true, description: '经由 (Made through): an import job (`import:12`), or empty for a change made in a form.' })
  via!: string | null;
}

@Resolver(() => AuditEntry)
export class AuditEntryResolver {
  @FieldResolver(() => String, { description: 'When, as the clock of the configured zone (TZ) reads: YYYY-MM-DD HH:mm:ss.' })
  atLocal(@Root() entry: AuditEntry) {
    return localDateTime(entry.at);
  }

  @FieldResolver(() => [FieldChange], {
    description: 'The same changes labelled and readable: enum values by their labels, references by the names of the records, times in the configured zone.',
  })
  fieldChanges(@Root() entry: AuditEntry, @Ctx() ctx: Context) {
    return auditFieldChanges(entry.resource, entry.changes as Record<string, [unknown, unknown]>, ctx);
  }
}

const wrongCredentials = () =>
  appError('UNAUTHENTICATED', { zh: '用户名或密码错误', en: 'Wrong username or password' });

/**
 * Accounts: signing in, the signed-in user, passwords, a record's history, API tokens and what the
 * user may do. The session's type names the generated User type, so it is built here too.
 */
export function userResolvers({ Crud, types, service }: ResolverKit) {
  const User = types.ObjectType;

  @ObjectType('Session', { description: '登录凭证 (A signed-in session): send the token as `Authorization: Bearer <token>`.' })
  class Session {
    @Field(() => String)
    token!: string;

    @Field(() => GraphQLISODateTime)
    expiresAt!: Date;

    @Field(() => User)
    user!: object;
  }

  @Resolver(() => User)
  class UserResolver extends Crud {
    @Mutation(() => Session, { description: '登录 (Sign in) with a username and password; the token lasts SESSION_SECONDS.' })
    async login(@Arg('username', () => String) username: string, @Arg('password', () => String) password: string, @Ctx() ctx: Context) {
      const address = ctx.address ?? 'unknown';
      await ctx.loginGuard?.check(username, address);
      const [user] = await ctx.db.select().from(users).where(eq(users.username, username.trim()));
      const ok = await verifyPassword(password, user?.passwordHash);
      if (!user || !ok || !user.active) {
        await ctx.loginGuard?.failed(username, address);
        throw wrongCredentials();
      }
      await ctx.loginGuard?.succeeded(username);
      await ctx.db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
      return { ...(await signSession(user.id)), user };
    }

    @Query(() => User, { nullable: true, description: '当前用户 (The signed-in user), or null.' })
    async me(@Ctx() ctx: Context) {
      return ctx.actor.kind === 'USER' && ctx.actor.id !== null ? service.get(ctx.db, ctx.actor.id) : null;
    }

    @Mutation(() => User, { description: '设置密码 (Set a password): administrators for anyone, every user for themselves.' })
    async setUserPassword(@Arg('id', () => ID) id: string, @Arg('password', () => String) password: string, @Ctx() ctx: Context) {
      if (ctx.actor.kind !== 'USER') throw loginRequired();
      const userId = parseId(id);
      if (ctx.actor.role !== 'ADMIN' && ctx.actor.id !== userId) {
        throw forbidden('只能修改自己的密码', 'You can only change your own password');
      }
      const problem = passwordProblem(password);
      if (problem) throw badInput([{ field: 'password', rule: 'password', ...problem }]);
      return ctx.db.transaction(async (tx) => {
        const user = await service.getForUpdate(tx, id);
        if (ctx.actor.role === 'ADMIN' && ctx.actor.id !== user.id) await service.authorize(tx, [user]);
        // The hash is never recorded, only that the password changed.
        await recordAudit(tx, ctx.actor, 'User', user.id, 'update', { password: ['(set)', '(changed)'] });
        // To the millisecond: sessions signed before this moment end, one signed right after works.
        const validFrom = new Date();
        return service.write(tx, user.id, { passwordHash: await hashPassword(password), sessionsValidFrom: validFrom }, user);
      });
    }

    @Query(() => [AuditEntry], { description: '修改记录 (A record’s history), oldest first. Signed-in users only.' })
    async auditTrail(@Arg('resource', () => String) resource: string, @Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      if (ctx.actor.kind !== 'USER') throw loginRequired();
      if (resource === 'ApiToken' && (ctx.actor.role !== 'ADMIN' || ctx.actor.local)) {
        throw forbidden('只有全县系统管理员可以查看 API 令牌的记录', 'Only county administrators see API tokens’ history');
      }
      const model = ctx.records.named(resource)?.model;
      if (!model && resource !== 'ApiToken') throw notFound({ zh: '资源', en: 'Resource' }, resource);
      const recordId = parseId(id);
      if (recordId === null) throw notFound({ zh: '记录', en: 'Record' }, id);
      // The history of a record one may not read (another user's account) is not one's to read either.
      if (model && readScope(ctx.actor, model) && !(await ctx.records.named(resource)!.service.get(ctx.db, recordId))) return [];
      return ctx.db
        .select()
        .from(auditEntries)
        .where(and(eq(auditEntries.resource, resource), eq(auditEntries.recordId, recordId)))
        .orderBy(asc(auditEntries.id));
    }
  }

  return [UserResolver, AuditEntryResolver, ApiTokenResolver, PermissionsResolver];
}
