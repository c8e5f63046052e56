import DataLoader from 'dataloader';
import { and, eq, inArray, lte, notExists, sql } from 'drizzle-orm';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { noticeReceipts, noticeRecipients, notices } from '../../../drizzle/schema';
import type { Actor } from '../../auth/actor';
import type { Context } from '../../context';
import { describe } from '../../crud/model';
import type { ResolverKit, Row } from '../../crud/resource';
import { today } from '../../dates';
import type { Queryable } from '../../db';
import { loginRequired, notFound } from '../../errors';

const READ_BY_ME = { label: { zh: '本人已读', en: 'Read by me' } };
const ADDRESSED_TO_ME = {
  label: { zh: '发给本单位', en: 'Addressed to me' },
  help: { zh: '发给全部单位的，或本账号所在单位在接收单位之列的。', en: 'Sent to all, or to the account’s own organization among the recipients.' },
};

/**
 * Whom a notice is for: one with no recipients goes to every street and township; one with
 * recipients to those. A county-level account (no organization, or a county body's) sees every
 * notice as its own business.
 */
function addressedTo(actor: Actor) {
  if (actor.kind !== 'USER' || !actor.local) return sql`true`;
  const listed = sql`exists (select 1 from ${noticeRecipients} where ${noticeRecipients.noticeId} = ${notices.id})`;
  const mine = sql`exists (select 1 from ${noticeRecipients} where ${noticeRecipients.noticeId} = ${notices.id} and ${noticeRecipients.organizationId} = ${actor.organizationId})`;
  return sql`(not ${listed} or ${mine})`;
}

/** Per request: which of the asked notices the caller has read, and which are addressed to them, in one statement each. */
const perRequest = new WeakMap<Context, { read: DataLoader<number, boolean>; addressed: DataLoader<number, boolean> }>();
function loadersOf(ctx: Context) {
  let found = perRequest.get(ctx);
  if (!found) {
    const userId = ctx.actor.kind === 'USER' ? ctx.actor.id : null;
    found = {
      read: new DataLoader(async (ids: readonly number[]) => {
        if (userId === null) return ids.map(() => false);
        const rows = await ctx.db
          .select({ id: noticeReceipts.noticeId })
          .from(noticeReceipts)
          .where(and(eq(noticeReceipts.userId, userId), inArray(noticeReceipts.noticeId, [...ids])));
        const read = new Set(rows.map((r) => r.id));
        return ids.map((id) => read.has(id));
      }),
      addressed: new DataLoader(async (ids: readonly number[]) => {
        const rows = await ctx.db
          .select({ id: notices.id })
          .from(notices)
          .where(and(inArray(notices.id, [...ids]), addressedTo(ctx.actor)));
        const addressed = new Set(rows.map((r) => r.id));
        return ids.map((id) => addressed.has(id));
      }),
    };
    perRequest.set(ctx, found);
  }
  return found;
}

/** The notices addressed to the caller, published by today, that the caller has not opened. */
export async function unreadNoticeCount(db: Queryable, actor: Actor): Promise<number> {
  if (actor.kind !== 'USER' || actor.id === null) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(notices)
    .where(
      and(
        lte(notices.publishedOn, today()),
        addressedTo(actor),
        notExists(
          db
            .select({ one: sql`1` })
            .from(noticeReceipts)
            .where(and(eq(noticeReceipts.noticeId, notices.id), eq(noticeReceipts.userId, actor.id))),
        ),
      ),
    );
  return Number(row?.n ?? 0);
}

/**
 * Reading notices: whether the caller has read one and whether it is addressed to them, the
 * unread count the admin's header shows, and the receipt opening one leaves.
 */
export function noticeResolvers({ Crud, types, service }: ResolverKit) {
  @Resolver(() => types.ObjectType)
  class NoticeResolver extends Crud {
    @FieldResolver(() => Boolean, { description: describe(READ_BY_ME.label) })
    readByMe(@Root() notice: Row, @Ctx() ctx: Context) {
      return loadersOf(ctx).read.load(notice.id);
    }

    @FieldResolver(() => Boolean, { description: describe(ADDRESSED_TO_ME.label, ADDRESSED_TO_ME.help) })
    addressedToMe(@Root() notice: Row, @Ctx() ctx: Context) {
      return loadersOf(ctx).addressed.load(notice.id);
    }

    @Query(() => Int, { description: '本人未读通知数 (How many notices addressed to me, published by today, I have not opened).' })
    myUnreadNoticeCount(@Ctx() ctx: Context) {
      if (ctx.actor.kind !== 'USER') throw loginRequired();
      return unreadNoticeCount(ctx.db, ctx.actor);
    }

    // Not a write of the notice (anyone who reads it may run it), so it answers a Boolean rather than
    // the notice: `myPermissions` lists as a record's operations only mutations answering the record.
    @Mutation(() => Boolean, {
      description: '标记已读 (Mark a notice read): the caller’s read receipt, kept once; opening a notice in the admin does it. True when this call left it; false when it was there already, or the notice is not addressed to the caller or not yet published.',
    })
    async markNoticeRead(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
      if (ctx.actor.kind !== 'USER' || ctx.actor.id === null) throw loginRequired();
      const notice = await service.get(ctx.db, id);
      if (!notice) throw notFound(service.model.label, id);
      // A receipt says one has read what was sent to one: none for a notice addressed elsewhere or
      // not yet published (the count never asked for it).
      const [due] = await ctx.db
        .select({ id: notices.id })
        .from(notices)
        .where(and(eq(notices.id, notice.id), lte(notices.publishedOn, today()), addressedTo(ctx.actor)));
      if (!due) return false;
      const left = await ctx.db.insert(noticeReceipts).values({ noticeId: notice.id, userId: ctx.actor.id }).onConflictDoNothing().returning({ id: noticeReceipts.id });
      return left.length > 0;
    }
  }
  return [NoticeResolver];
}

