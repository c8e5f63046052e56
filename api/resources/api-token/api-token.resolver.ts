import { Arg, Ctx, Field, GraphQLISODateTime, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { forbidden, loginRequired } from '../../errors';
import type { ResolverKit } from '../../crud/resource';
import { readsAll } from '../../crud/authorize';
import { MAX_PER_PAGE } from '../../crud/list-metadata';
import { issueApiToken, revokeApiToken } from './api-token.operations';
import type { apiTokens } from '../../../drizzle/schema';

/** The operations on tokens beside the record's reads, reported by `myPermissions` to those who may run them. */
export const API_TOKEN_OPERATIONS = ['apiTokens', 'issueApiToken', 'revokeApiToken'];
/** Those of them open to readers of tokens who do not write them. */
export const API_TOKEN_READS = ['apiTokens'];

/**
 * Issuing and revoking tokens, the record's domain operations (its generated writes are switched
 * off), and `apiTokens`, the newest first. Who may run them is the definition's `access`.
 */
export function apiTokenResolvers({ Crud, types, service }: ResolverKit<typeof apiTokens>) {
  const ApiToken = types.ObjectType;

  @ObjectType('IssuedApiToken', { description: 'A new token: the secret is shown this once and cannot be read again.' })
  class IssuedApiToken {
    @Field(() => String, { description: 'Send as `Authorization: Bearer <secret>`.' })
    secret!: string;

    @Field(() => ApiToken)
    apiToken!: object;
  }

  @Resolver(() => ApiToken)
  class ApiTokenResolver extends Crud {
    @Query(() => [ApiToken], { description: 'API 令牌 (All API tokens), newest first; for those who read tokens (their writers and readers).' })
    async apiTokens(@Ctx() ctx: Context) {
      // The grammar's reads show others no token; this list says so. Who reads is the definition's
      // `access` (writers and readers), the same check as the grammar's reads.
      if (ctx.actor.kind !== 'USER') throw loginRequired();
      if (!readsAll(ctx.actor, service.model)) {
        throw forbidden('只有全县系统管理员、安全管理员和审计管理员可以查看 API 令牌', 'Only county, security and audit administrators read API tokens');
      }
      return service.list(ctx.db, { sortField: 'id', sortOrder: 'DESC', perPage: MAX_PER_PAGE });
    }

    @Mutation(() => IssuedApiToken, { description: '签发 API 令牌 (Issue a read-only token); county administrators only.' })
    async issueApiToken(
      @Arg('name', () => String) name: string,
      @Arg('scopes', () => [String], { description: 'Resource names, e.g. ["Delegation", "LiaisonContact"].' }) scopes: string[],
      @Arg('expiresAt', () => GraphQLISODateTime) expiresAt: Date,
      @Arg('personalData', () => Boolean, { nullable: true, description: 'Unmasked names and phone numbers (default false).' })
      personalData: boolean | null,
      @Ctx() ctx: Context,
    ) {
      return ctx.db.transaction((tx) => issueApiToken(service, tx, { name, scopes, expiresAt, personalData }));
    }

    @Mutation(() => ApiToken, { description: '吊销 API 令牌 (Revoke a token); it is refused from the next request on.' })
    async revokeApiToken(
      @Arg('id', () => ID) id: string,
      @Arg('version', () => Int, { nullable: true, description: 'The version you last read; when it is no longer current the revocation is refused with CONFLICT.' })
      version: number | null,
      @Ctx() ctx: Context,
    ) {
      return ctx.db.transaction((tx) => revokeApiToken(service, tx, id, version));
    }
  }
  return [ApiTokenResolver];
}
