import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { conflict, forbidden, loginRequired, notFound } from '../../errors';
import type { ResolverKit } from '../../crud/resource';
import { roleScope } from '../../crud/authorize';
import { recordAudit } from '../../crud/audit';
import { endSession } from '../../auth/session';

/**
 * Ending sessions: one's own (signing out) and, for administrators, anyone's (强制下线). The end is
 * a row's `endedAt`; every server checks it at the session's next request (a trigger tells them
 * to forget what they keep in memory).
 */
export function userSessionResolvers({ Crud, types, service }: ResolverKit) {
  @Resolver(() => types.ObjectType)
  class UserSessionResolver extends Crud {
    @Mutation(() => types.ObjectType, {
      description: '强制下线 (End a session): administrators any account’s, every user their own. It is refused from its next request on, on every server.',
    })
    async endUserSession(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      if (ctx.actor.kind !== 'USER') throw loginRequired();
      // Another's session is unknown to one who may not read it (service.get applies the same limit).
      const session = await service.get(ctx.db, id);
      if (!session) throw notFound({ zh: '会话', en: 'Session' }, id);
      const own = session.userId === ctx.actor.id;
      // Those who write sessions (the security administrator), not those who only read them (the auditor).
      if (!own && roleScope(ctx.actor, service.model) !== 'ALL') {
        throw forbidden('只有全县管理员或安全管理员可以强制他人下线', 'Only county administrators and the security administrator end other accounts’ sessions');
      }
      if (session.endedAt) throw conflict('STATE', { zh: '该会话已结束', en: 'The session has already ended' });
      return ctx.db.transaction(async (tx) => {
        if (!(await endSession(tx, session.id, own ? 'SIGNED_OUT' : 'FORCED', own ? null : ctx.actor.id))) {
          throw conflict('STATE', { zh: '该会话已结束', en: 'The session has already ended' });
        }
        await recordAudit(tx, ctx.actor, 'UserSession', session.id, 'update', { endedBy: [null, own ? 'SIGNED_OUT' : 'FORCED'] });
        return service.get(tx, session.id);
      });
    }

    @Mutation(() => Boolean, { description: '退出登录 (Sign out): ends the session the request is signed with.' })
    async logout(@Ctx() ctx: Context) {
      if (ctx.actor.kind !== 'USER' || !ctx.actor.sessionId) throw loginRequired();
      return endSession(ctx.db, ctx.actor.sessionId, 'SIGNED_OUT');
    }
  }
  return [UserSessionResolver];
}
