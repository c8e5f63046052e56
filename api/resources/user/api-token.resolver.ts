import { desc, eq, sql } from 'drizzle-orm';
import { Arg, Ctx, Field, GraphQLISODateTime, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { apiTokens } from '../../../drizzle/schema';
import type { Context } from '../../context';
import { badInput, conflict, notFound, type FieldError, forbidden, loginRequired } from '../../errors';
import { parseId } from '../../crud/model';
import { mayManageApiTokens } from '../../crud/authorize';
import { recordAudit } from '../../crud/audit';
import { formatToken, newSecret } from '../../auth/api-tokens';

@ObjectType('ApiToken', {
  description: 'API 令牌 (A read-only token for another government system): which records it may read, until when.',
})
class ApiToken {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: '名称 (Name): the system that uses it.' })
  name!: string;

  @Field(() => [String], { description: '可读资源 (Resources it may read), by GraphQL type name.' })
  scopes!: string[];

  @Field(() => Boolean, { description: '个人信息 (May read names and phone numbers unmasked).' })
  personalData!: boolean;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Set by revokeApiToken; the token stops working at once.' })
  revokedAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

@ObjectType('IssuedApiToken', { description: 'A new token: the secret is shown this once and cannot be read again.' })
class IssuedApiToken {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <secret>`.' })
  secret!: string;

  @Field(() => ApiToken)
  apiToken!: ApiToken;
}

/** The operations on tokens, all under `mayManageApiTokens` (reported by `myPermissions`). */
export const API_TOKEN_OPERATIONS = ['apiTokens', 'issueApiToken', 'revokeApiToken'];

/** Tokens are issued, listed and revoked by county administrators only. */
function assertAdmin(ctx: Context): void {
  if (ctx.actor.kind !== 'USER') throw loginRequired();
  if (!mayManageApiTokens(ctx.actor)) {
    throw forbidden('只有全县系统管理员可以管理 API 令牌', 'Only county administrators manage API tokens');
  }
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => [ApiToken], { description: 'API 令牌 (All API tokens), newest first; administrators only.' })
  async apiTokens(@Ctx() ctx: Context) {
    assertAdmin(ctx);
    return ctx.db.select().from(apiTokens).orderBy(desc(apiTokens.id));
  }

  @Mutation(() => IssuedApiToken, { description: '签发 API 令牌 (Issue a read-only token); administrators only.' })
  async issueApiToken(
    @Arg('name', () => String) name: string,
    @Arg('scopes', () => [String], { description: 'Resource names, e.g. ["Delegation", "LiaisonContact"].' }) scopes: string[],
    @Arg('expiresAt', () => GraphQLISODateTime) expiresAt: Date,
    @Arg('personalData', () => Boolean, { nullable: true, description: 'Unmasked names and phone numbers (default false).' })
    personalData: boolean | null,
    @Ctx() ctx: Context,
  ) {
    assertAdmin(ctx);
    const errors: FieldError[] = [];
    const title = name.trim();
    if (!title || [...title].length > 100) errors.push({ field: 'name', rule: 'required', zh: '请填写名称（不超过 100 字）', en: 'Give a name of at most 100 characters' });
    const unknown = scopes.filter((s) => !ctx.records.named(s));
    if (!scopes.length || unknown.length) {
      errors.push({ field: 'scopes', rule: 'scope', zh: `可读资源无效：${unknown.join('、') || '为空'}`, en: `Invalid scopes: ${unknown.join(', ') || 'none given'}` });
    }
    if (!(expiresAt.getTime() > Date.now())) errors.push({ field: 'expiresAt', rule: 'future', zh: '有效期应晚于现在', en: 'The expiry must be in the future' });
    if (errors.length) throw badInput(errors);
    const { secret, hash } = newSecret();
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(apiTokens)
        .values({ name: title, secretHash: hash, scopes: [...new Set(scopes)], personalData: personalData ?? false, expiresAt, createdById: ctx.actor.id })
        .returning();
      await recordAudit(tx, ctx.actor, 'ApiToken', row.id, 'create', {
        name: [null, row.name],
        scopes: [null, row.scopes],
        personalData: [null, row.personalData],
        expiresAt: [null, row.expiresAt.toISOString()],
      });
      return { secret: formatToken(row.id, secret), apiToken: row };
    });
  }

  @Mutation(() => ApiToken, { description: '吊销 API 令牌 (Revoke a token); it is refused from the next request on.' })
  async revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    assertAdmin(ctx);
    const n = parseId(id);
    const [row] = n === null ? [] : await ctx.db.select().from(apiTokens).where(eq(apiTokens.id, n));
    if (!row) throw notFound({ zh: 'API 令牌', en: 'API token' }, id);
    if (row.revokedAt) throw conflict('STATE', { zh: '该令牌已吊销', en: 'The token is already revoked' });
    return ctx.db.transaction(async (tx) => {
      const [revoked] = await tx
        .update(apiTokens)
        .set({ revokedAt: new Date(), version: sql`${apiTokens.version} + 1`, updatedAt: new Date() })
        .where(eq(apiTokens.id, row.id))
        .returning();
      await recordAudit(tx, ctx.actor, 'ApiToken', row.id, 'update', { revokedAt: [null, revoked.revokedAt!.toISOString()] });
      return revoked;
    });
  }
}
