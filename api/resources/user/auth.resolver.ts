import { eq, sql } from 'drizzle-orm';
import { Arg, Ctx, Field, GraphQLISODateTime, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { users } from '../../../drizzle/schema';
import type { Context } from '../../context';
import type { GraphQLError } from 'graphql';
import { appError, badInput, conflict, notFound, forbidden, loginRequired } from '../../errors';
import { parseId } from '../../crud/model';
import { refusePrivilegedAccount } from './privileged-accounts';
import { computedEnum, type ResolverKit } from '../../crud/resource';
import type { CrudService } from '../../crud/service';
import { graphqlEnum } from '../../crud/scalars';
import type { Tx } from '../../db';
import type { Actor } from '../../auth/actor';
import { recordLoginEvent, type LoginEventInput } from '../login-event/login-event.resource';
import { PermissionsResolver } from './permissions.resolver';
import { hashPassword, nextHistory, passwordChangeDue, passwordProblem, reusedProblem, reusesPassword, verifyPassword } from '../../auth/password';
import { endAccountSessions, secondFactorRequired, startSession } from '../../auth/session';
import { acceptedStep, challengeAccount, issueChallenge, matchingRecoveryCode, newEnrolment, newRecoveryCodes } from '../../auth/second-factor';
import { seal, unseal } from '../../auth/sealed-secret';
import { config } from '../../config';
import { recordAudit } from '../../crud/audit';

const PasswordChangeReason = graphqlEnum(
  computedEnum('PasswordChangeReason', { zh: '须修改密码的原因', en: 'Why the password must change' }, {
    SET_BY_ADMINISTRATOR: { zh: '由管理员设置（首次登录或重置后）', en: 'Set by an administrator (first sign-in, or after a reset)' },
    EXPIRED: { zh: '密码已过期', en: 'The password has expired' },
  }),
);

/**
 * Sets an account's password under the policy (length, kinds of character, not the username, not
 * one of the last few), inside the caller's transaction. An administrator's choice must be changed
 * by the user at the next sign-in; the user's own starts a new expiry period. Either way the
 * account's sessions signed before it end.
 */
async function setPassword(tx: Tx, service: CrudService, actor: Actor, userId: number, password: string, { byAdministrator }: { byAdministrator: boolean }) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  const problem = passwordProblem(password, user.username);
  if (problem) throw badInput([{ field: byAdministrator ? 'password' : 'newPassword', rule: 'password', ...problem }]);
  const previous = user.passwordHash ? [user.passwordHash, ...user.passwordHistory] : user.passwordHistory;
  if (await reusesPassword(password, previous)) throw badInput([{ field: byAdministrator ? 'password' : 'newPassword', rule: 'history', ...reusedProblem() }]);
  const row = await service.getForUpdate(tx, userId);
  // To the millisecond: sessions signed before this moment end, one signed right after works.
  const now = new Date();
  await endAccountSessions(tx, userId);
  // The write records when the password was set and whether it must change; the hash is never
  // recorded, only that the password changed (the entry after it).
  const written = await service.write(
    tx,
    userId,
    {
      passwordHash: await hashPassword(password),
      passwordHistory: nextHistory(user.passwordHash, user.passwordHistory),
      passwordChangedAt: now,
      mustChangePassword: byAdministrator,
      sessionsValidFrom: now,
    },
    row,
  );
  await recordAudit(tx, actor, 'User', userId, 'update', { password: ['(set)', '(changed)'] });
  return written;
}

const wrongCredentials = () =>
  appError('UNAUTHENTICATED', { zh: '用户名或密码错误', en: 'Wrong username or password' });

const wrongCode = () => appError('UNAUTHENTICATED', { zh: '动态验证码或恢复码错误', en: 'Wrong code' }, { reason: 'WRONG_SECOND_FACTOR' });

const challengeExpired = () =>
  appError('UNAUTHENTICATED', { zh: '登录验证已超时，请重新输入用户名和密码', en: 'The sign-in has timed out: give the username and password again' }, { reason: 'CHALLENGE_EXPIRED' });

/** Who may act on other accounts' sign-in security (unlock, see a lock, disable a second factor): 三员's security administrator, and the county-wide administrator. */
const securityAdministrator = (actor: Actor) => actor.kind === 'USER' && (actor.role === 'ADMIN' || (actor.role === 'SECURITY_ADMIN' && !actor.local));

/**
 * A new session of a signed-in account, in the sign-in's transaction: its last sign-in recorded,
 * and under SINGLE_SESSION (禁止并发登录) its older sessions ended.
 */
async function openSession(tx: Tx, userId: number, ctx: Context) {
  await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
  const session = await startSession(tx, userId, ctx);
  if (config.singleSession) await endAccountSessions(tx, userId, 'REPLACED', session.sessionId);
  return session;
}

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

    @Field(() => PasswordChangeReason, {
      nullable: true,
      description:
        '须修改密码 (The password must change first): until changeMyPassword, only it, me, myPermissions and logout are served. Null when not.',
    })
    passwordChange!: string | null;

    @Field(() => GraphQLISODateTime)
    expiresAt!: Date;

    @Field(() => User)
    user!: object;

    @Field(() => Boolean, {
      description:
        '须绑定动态验证码 (An administrator must enrol a second factor first): until confirmSecondFactorEnrolment, only enrolling, me, myPermissions and logout are served.',
    })
    secondFactorEnrolment!: boolean;
  }

  @ObjectType('SecondFactorEnrolment', { description: '动态验证码绑定 (A second factor being enrolled): scan the QR code, then confirm with a code.' })
  class SecondFactorEnrolment {
    @Field(() => String, { description: 'The otpauth:// URI authenticator apps read.' })
    uri!: string;

    @Field(() => String, { description: 'The URI as a QR code: an SVG image as a data URL.' })
    qrCode!: string;

    @Field(() => String, { description: 'The secret in base32, to type in when the code cannot be scanned.' })
    secret!: string;
  }

  @ObjectType('RecoveryCodes', { description: '恢复码 (Recovery codes): shown once; each signs in once in place of a code.' })
  class RecoveryCodes {
    @Field(() => [String])
    codes!: string[];
  }

  const enrolmentDue = (user: { role: string; totpEnabledAt: Date | null; secondFactorExempt: boolean }) =>
    secondFactorRequired(user.role) && !user.totpEnabledAt && !user.secondFactorExempt;

  @Resolver(() => User)
  class UserResolver extends Crud {
    @Mutation(() => Session, {
      description:
        '登录 (Sign in) with a username and password; the token lasts SESSION_SECONDS, or until SESSION_IDLE_MINUTES without a request. Every attempt is logged (LoginEvent).',
    })
    async login(@Arg('username', () => String) username: string, @Arg('password', () => String) password: string, @Ctx() ctx: Context) {
      const address = ctx.address ?? 'unknown';
      const typed = username.trim();
      const [user] = typed ? await ctx.db.select().from(users).where(eq(users.username, typed)) : [];
      const log = (result: 'SUCCEEDED' | 'FAILED', reason: LoginEventInput['reason']) =>
        recordLoginEvent(ctx.db, { username: typed, userId: user?.id ?? null, address: ctx.address ?? null, userAgent: ctx.userAgent ?? null, result, reason });
      try {
        await ctx.loginGuard?.check(username, address);
      } catch (e) {
        const reason = (e as GraphQLError).extensions?.reason;
        if (reason === 'ACCOUNT_LOCKED' || reason === 'ADDRESS_LIMITED') await log('FAILED', reason);
        throw e;
      }
      const ok = await verifyPassword(password, user?.passwordHash);
      if (!user || !ok || !user.active) {
        await ctx.loginGuard?.failed(username, address);
        await log('FAILED', !user ? 'UNKNOWN_USER' : !user.passwordHash ? 'NO_PASSWORD' : !ok ? 'WRONG_PASSWORD' : 'DISABLED');
        throw wrongCredentials();
      }
      // The password may have changed (or the account been disabled) while it was being checked:
      // the session starts only on the hash still stored, read under a share lock so that a change
      // in progress is waited for rather than slipped past (a session signed just after the change's
      // cut-off would otherwise outlive it).
      // With a second factor, the password opens no session: the client is given a short-lived
      // challenge to send with the code (loginSecondFactor), and the failures still count.
      if (user.totpEnabledAt && user.totpSecret) {
        const { challenge, expiresAt } = await issueChallenge(user.id, user.passwordHash!);
        throw appError(
          'UNAUTHENTICATED',
          { zh: '请输入身份验证器上的动态验证码', en: 'Give the code the authenticator app shows' },
          { reason: 'SECOND_FACTOR_REQUIRED', challenge, challengeExpiresAt: expiresAt.toISOString() },
        );
      }
      const session = await ctx.db.transaction(async (tx) => {
        const [current] = await tx.select({ passwordHash: users.passwordHash, active: users.active }).from(users).where(eq(users.id, user.id)).for('share');
        if (!current?.active || current.passwordHash !== user.passwordHash) return null;
        return openSession(tx, user.id, ctx);
      });
      if (!session) {
        await ctx.loginGuard?.failed(username, address);
        await log('FAILED', 'WRONG_PASSWORD');
        throw wrongCredentials();
      }
      await ctx.loginGuard?.succeeded(username);
      const passwordChange = passwordChangeDue(user);
      await log('SUCCEEDED', passwordChange ? 'PASSWORD_MUST_CHANGE' : 'SIGNED_IN');
      return { ...session, user, passwordChange, secondFactorEnrolment: enrolmentDue(user) };
    }

    @Mutation(() => Session, {
      description:
        '登录第二步 (Sign in, second step): the challenge `login` answered with (`extensions.challenge`, reason SECOND_FACTOR_REQUIRED, valid 5 minutes) and the authenticator’s current code, or one unused recovery code. A wrong code counts as a failed sign-in towards the lockout.',
    })
    async loginSecondFactor(@Arg('challenge', () => String) challenge: string, @Arg('code', () => String) code: string, @Ctx() ctx: Context) {
      const address = ctx.address ?? 'unknown';
      const userId = await challengeAccount(challenge, async (id) => (await ctx.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, id)))[0]?.h);
      if (userId === null) throw challengeExpired();
      const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
      const log = (result: 'SUCCEEDED' | 'FAILED', reason: LoginEventInput['reason']) =>
        recordLoginEvent(ctx.db, { username: user.username, userId: user.id, address: ctx.address ?? null, userAgent: ctx.userAgent ?? null, result, reason });
      try {
        await ctx.loginGuard?.check(user.username, address);
      } catch (e) {
        const reason = (e as GraphQLError).extensions?.reason;
        if (reason === 'ACCOUNT_LOCKED' || reason === 'ADDRESS_LIMITED') await log('FAILED', reason);
        throw e;
      }
      // The code is checked and spent under the account's row lock: two requests with one code
      // cannot both sign in.
      const outcome = await ctx.db.transaction(async (tx) => {
        const [row] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
        if (!row?.active || !row.totpSecret || !row.totpEnabledAt) return null;
        const secret = unseal(row.totpSecret, row.id);
        const step = secret === null ? null : acceptedStep(secret, code, row.totpLastStep);
        if (step !== null) {
          await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, userId));
          return { session: await openSession(tx, userId, ctx), recovery: false };
        }
        const used = matchingRecoveryCode(code, row.recoveryCodeHashes);
        if (!used) return null;
        await tx.update(users).set({ recoveryCodeHashes: row.recoveryCodeHashes.filter((h) => h !== used) }).where(eq(users.id, userId));
        return { session: await openSession(tx, userId, ctx), recovery: true };
      });
      if (!outcome) {
        await ctx.loginGuard?.failed(user.username, address);
        await log('FAILED', 'WRONG_SECOND_FACTOR');
        throw wrongCode();
      }
      await ctx.loginGuard?.succeeded(user.username);
      const passwordChange = passwordChangeDue(user);
      await log('SUCCEEDED', passwordChange ? 'PASSWORD_MUST_CHANGE' : outcome.recovery ? 'RECOVERY_CODE' : 'SIGNED_IN');
      return { ...outcome.session, user, passwordChange, secondFactorEnrolment: false };
    }

    @Mutation(() => SecondFactorEnrolment, {
      description:
        '绑定动态验证码 (Enrol a second factor), step one: a new secret for the signed-in account, as an otpauth:// URI and its QR code. Nothing changes until confirmSecondFactorEnrolment; asking again replaces the secret offered.',
    })
    async startSecondFactorEnrolment(@Ctx() ctx: Context) {
      if (ctx.actor.kind !== 'USER' || ctx.actor.id === null) throw loginRequired();
      const userId = ctx.actor.id;
      const [user] = await ctx.db.select({ username: users.username, totpEnabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
      if (user.totpEnabledAt) throw conflict('STATE', { zh: '已绑定动态验证码；如需更换，请安全管理员先停用', en: 'A second factor is already enrolled; to replace it, the security administrator disables it first' });
      const enrolment = await newEnrolment(user.username);
      await ctx.db.update(users).set({ totpPendingSecret: seal(enrolment.secret, userId) }).where(eq(users.id, userId));
      return enrolment;
    }

    @Mutation(() => RecoveryCodes, {
      description:
        '确认绑定 (Confirm the enrolment) with a code the authenticator app shows: the second factor is on from the next sign-in, and the answer carries the recovery codes, shown this once.',
    })
    async confirmSecondFactorEnrolment(@Arg('code', () => String) code: string, @Ctx() ctx: Context) {
      if (ctx.actor.kind !== 'USER' || ctx.actor.id === null) throw loginRequired();
      const userId = ctx.actor.id;
      return ctx.db.transaction(async (tx) => {
        const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
        if (user.totpEnabledAt) throw conflict('STATE', { zh: '已绑定动态验证码', en: 'A second factor is already enrolled' });
        if (!user.totpPendingSecret) throw conflict('STATE', { zh: '请先开始绑定，扫描二维码', en: 'Start the enrolment and scan the QR code first' });
        const pending = unseal(user.totpPendingSecret, user.id);
        const step = pending === null ? null : acceptedStep(pending, code, null);
        if (step === null) throw badInput([{ field: 'code', rule: 'secondFactor', zh: '动态验证码不正确，请输入身份验证器当前显示的 6 位数字', en: 'Wrong code: give the 6 digits the authenticator app shows now' }]);
        const { codes, hashes } = newRecoveryCodes();
        await tx
          .update(users)
          .set({ totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step, recoveryCodeHashes: hashes })
          .where(eq(users.id, userId));
        await recordAudit(tx, ctx.actor, 'User', userId, 'update', { secondFactor: [false, true] });
        return { codes };
      });
    }

    @Mutation(() => User, {
      description:
        '停用动态验证码 (Disable an account’s second factor, its phone lost): the security administrator (or the county-wide administrator); audited. The account signs in with its password alone, or, if its role requires one, enrols again.',
    })
    async disableSecondFactor(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      if (ctx.actor.kind !== 'USER') throw loginRequired();
      if (!securityAdministrator(ctx.actor)) throw forbidden('只有安全管理员可以停用动态验证码', 'Only the security administrator disables second factors');
      return ctx.db.transaction(async (tx) => {
        const user = await service.getForUpdate(tx, id);
        await service.authorize(tx, [user]);
        const [row] = await tx.select({ totpEnabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, user.id));
        if (!row.totpEnabledAt) throw conflict('STATE', { zh: '该账号未绑定动态验证码', en: 'The account has no second factor' });
        await tx
          .update(users)
          .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: [], version: sql`${users.version} + 1`, updatedAt: new Date() })
          .where(eq(users.id, user.id));
        await recordAudit(tx, ctx.actor, 'User', user.id, 'update', { secondFactor: [true, false] });
        return service.get(tx, user.id);
      });
    }

    @Query(() => User, { nullable: true, description: '当前用户 (The signed-in user), or null.' })
    async me(@Ctx() ctx: Context) {
      return ctx.actor.kind === 'USER' && ctx.actor.id !== null ? service.get(ctx.db, ctx.actor.id) : null;
    }

    @Mutation(() => User, {
      description:
        '设置密码 (Set a password): administrators for the accounts they manage (the user must change it at the next sign-in), every user for themselves (changeMyPassword also asks for the current one). Under the password policy either way.',
    })
    async setUserPassword(@Arg('id', () => ID) id: string, @Arg('password', () => String) password: string, @Ctx() ctx: Context) {
      if (ctx.actor.kind !== 'USER') throw loginRequired();
      const userId = parseId(id);
      // Another's password: the county-wide administrator, or the system administrator who keeps the accounts.
      if (ctx.actor.role !== 'ADMIN' && ctx.actor.role !== 'SYSTEM_ADMIN' && ctx.actor.id !== userId) {
        throw forbidden('只能修改自己的密码', 'You can only change your own password');
      }
      return ctx.db.transaction(async (tx) => {
        const user = await service.getForUpdate(tx, id);
        const byAdministrator = ctx.actor.id !== user.id;
        if (byAdministrator) {
          refusePrivilegedAccount(ctx.actor.role, ctx.actor.id, user);
          await service.authorize(tx, [user]);
        }
        return setPassword(tx, service, ctx.actor, user.id, password, { byAdministrator });
      });
    }

    @Mutation(() => Session, {
      description:
        '修改本人密码 (Change one’s own password), giving the current one: under the password policy; ends the account’s other sessions and answers with a new one for this client.',
    })
    async changeMyPassword(
      @Arg('currentPassword', () => String) currentPassword: string,
      @Arg('newPassword', () => String) newPassword: string,
      @Ctx() ctx: Context,
    ) {
      if (ctx.actor.kind !== 'USER' || ctx.actor.id === null) throw loginRequired();
      const userId = ctx.actor.id;
      const user = await ctx.db.transaction(async (tx) => {
        const [row] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
        if (!(await verifyPassword(currentPassword, row?.passwordHash))) {
          throw badInput([{ field: 'currentPassword', rule: 'password', zh: '当前密码不正确', en: 'The current password is wrong' }]);
        }
        return setPassword(tx, service, ctx.actor, userId, newPassword, { byAdministrator: false });
      });
      // The change ended every session signed before it, this one too: the client goes on with a new one.
      const [row] = await ctx.db.select().from(users).where(eq(users.id, userId));
      return { ...(await startSession(ctx.db, userId, ctx)), user, passwordChange: null, secondFactorEnrolment: enrolmentDue(row) };
    }

    @Mutation(() => User, {
      description: '解除锁定 (Unlock an account) that failed sign-ins locked, before the lock runs out; administrators only.',
    })
    async unlockUser(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      if (ctx.actor.kind !== 'USER') throw loginRequired();
      if (!securityAdministrator(ctx.actor)) throw forbidden('只有安全管理员或全县系统管理员可以解除账号锁定', 'Only the security administrator or a county administrator unlocks accounts');
      return ctx.db.transaction(async (tx) => {
        const user = await service.getForUpdate(tx, id);
        await service.authorize(tx, [user]);
        if (!(await ctx.loginGuard?.locked(user.username as string))) {
          throw conflict('STATE', { zh: '该账号未被锁定', en: 'The account is not locked' });
        }
        await recordAudit(tx, ctx.actor, 'User', user.id, 'update', { locked: [true, false] });
        await ctx.loginGuard?.unlock(user.username as string);
        return user;
      });
    }

    @Query(() => Boolean, { description: '账号是否锁定 (Is the account locked by failed sign-ins now?); administrators only.' })
    async userLocked(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      if (ctx.actor.kind !== 'USER') throw loginRequired();
      if (!securityAdministrator(ctx.actor)) throw forbidden('只有安全管理员或全县系统管理员可以查看账号锁定', 'Only the security administrator or a county administrator sees whether accounts are locked');
      const user = await service.get(ctx.db, id);
      if (!user) throw notFound({ zh: '用户', en: 'User' }, id);
      return (await ctx.loginGuard?.locked(user.username as string)) ?? false;
    }
  }

  return [UserResolver, PermissionsResolver];
}
