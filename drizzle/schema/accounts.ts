import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, smallint, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { labelledEnum, recordColumns } from './columns';
import { organizations } from './organizations';

export const userRole = labelledEnum(
  'user_role',
  'UserRole',
  { zh: '角色', en: 'Role' },
  {
    ADMIN: { zh: '系统管理员', en: 'Administrator' },
    CATALOG_EDITOR: { zh: '目录编辑', en: 'Catalog editor' },
    HR: { zh: '人事管理', en: 'HR' },
    SUPERVISOR: { zh: '执法监督', en: 'Supervisor' },
    VIEWER: { zh: '只读用户', en: 'Viewer' },
    // 三员分立: three administrators whose duties do not overlap, beside the county-wide ADMIN.
    SYSTEM_ADMIN: { zh: '系统管理员（三员）', en: 'System administrator' },
    SECURITY_ADMIN: { zh: '安全管理员', en: 'Security administrator' },
    AUDIT_ADMIN: { zh: '审计管理员', en: 'Audit administrator' },
  },
);

export const users = pgTable('users', {
  ...recordColumns(),
  username: varchar({ length: 50 }).notNull().unique(),
  displayName: varchar({ length: 50 }),
  role: userRole().notNull(),
  // Null for county-wide accounts (the first administrator); a street or township limits writes to it.
  organizationId: integer().references(() => organizations.id),
  active: boolean().notNull().default(true),
  // scrypt, salted: `scrypt$N$r$p$salt$hash` (api/auth/password.ts). Never exposed through the API.
  passwordHash: varchar({ length: 300 }),
  lastLoginAt: timestamp({ withTimezone: true, mode: 'date' }),
  // Sessions signed before this moment are refused: set when the password changes.
  sessionsValidFrom: timestamp({ withTimezone: true, mode: 'date' }),
  // When the password was last set under the password policy; its age decides expiry. Null for
  // accounts whose password was set outside it (the demo seed): their count has not started.
  passwordChangedAt: timestamp({ withTimezone: true, mode: 'date' }),
  // Set by an administrator giving (or resetting) someone else's password: the user must choose
  // their own at the next sign-in before doing anything else.
  mustChangePassword: boolean().notNull().default(false),
  // The hashes of the previous passwords (newest first), so a change cannot go back to one of them.
  passwordHistory: jsonb().$type<string[]>().notNull().default([]),
  // The second factor (TOTP, RFC 6238): the shared secret once enrolment is confirmed, the one
  // offered while it is not yet, each sealed (api/auth/sealed-secret.ts), and the last time step
  // accepted (a code is used once).
  totpSecret: varchar({ length: 128 }),
  totpPendingSecret: varchar({ length: 128 }),
  totpEnabledAt: timestamp({ withTimezone: true, mode: 'date' }),
  totpLastStep: integer(),
  // SHA-256 of the recovery codes not used yet; each is shown once at enrolment.
  recoveryCodeHashes: jsonb().$type<string[]>().notNull().default([]),
  // The demo's administrator accounts sign in without a second factor; nothing else sets it.
  secondFactorExempt: boolean().notNull().default(false),
});

export const loginResult = labelledEnum(
  'login_result',
  'LoginResult',
  { zh: '登录结果', en: 'Result' },
  {
    SUCCEEDED: { zh: '成功', en: 'Succeeded' },
    FAILED: { zh: '失败', en: 'Failed' },
  },
);

export const loginReason = labelledEnum(
  'login_reason',
  'LoginReason',
  { zh: '原因', en: 'Reason' },
  {
    SIGNED_IN: { zh: '登录成功', en: 'Signed in' },
    PASSWORD_MUST_CHANGE: { zh: '登录成功，须修改密码', en: 'Signed in; the password must change' },
    WRONG_PASSWORD: { zh: '密码错误', en: 'Wrong password' },
    UNKNOWN_USER: { zh: '用户名不存在', en: 'Unknown username' },
    DISABLED: { zh: '账号已停用', en: 'Account disabled' },
    NO_PASSWORD: { zh: '账号未设置密码', en: 'No password set' },
    ACCOUNT_LOCKED: { zh: '账号已锁定', en: 'Account locked' },
    ADDRESS_LIMITED: { zh: '地址失败次数过多', en: 'Too many failures from the address' },
    WRONG_SECOND_FACTOR: { zh: '动态验证码错误', en: 'Wrong second-factor code' },
    RECOVERY_CODE: { zh: '登录成功，使用了恢复码', en: 'Signed in with a recovery code' },
  },
);

/** Every sign-in attempt, kept by the server (登录日志); never the password that was typed. */
export const loginEvents = pgTable(
  'login_events',
  {
    ...recordColumns(),
    at: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** As typed (trimmed): an attempt on a name that does not exist is logged too. */
    username: varchar({ length: 100 }).notNull(),
    userId: integer().references(() => users.id),
    address: varchar({ length: 100 }),
    userAgent: varchar({ length: 300 }),
    result: loginResult().notNull(),
    reason: loginReason().notNull(),
  },
  (t) => [index().on(t.at), index().on(t.userId)],
);

export const sessionEnd = labelledEnum(
  'session_end',
  'SessionEnd',
  { zh: '结束方式', en: 'Ended by' },
  {
    SIGNED_OUT: { zh: '本人退出', en: 'Signed out' },
    FORCED: { zh: '强制退出', en: 'Forced sign-out' },
    IDLE: { zh: '空闲超时', en: 'Idle timeout' },
    PASSWORD_CHANGED: { zh: '密码已修改', en: 'Password changed' },
    REPLACED: { zh: '同一账号再次登录', en: 'A newer sign-in of the account' },
  },
);

/** A signed-in session (在线用户): what the token names, so it can be ended before it expires. */
export const userSessions = pgTable(
  'user_sessions',
  {
    ...recordColumns(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    startedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** The last request seen, to a minute or so: the idle timeout counts from it. */
    lastSeenAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
    address: varchar({ length: 100 }),
    userAgent: varchar({ length: 300 }),
    endedAt: timestamp({ withTimezone: true, mode: 'date' }),
    endedBy: sessionEnd(),
    /** Who forced the sign-out. */
    endedById: integer().references(() => users.id),
  },
  (t) => [index().on(t.userId), index().on(t.lastSeenAt)],
);

/** Who changed what: written in the same transaction as every change made through the API. */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actorKind: varchar({ length: 10 }).notNull(),
    actorId: integer(),
    actorName: varchar({ length: 100 }).notNull(),
    operation: varchar({ length: 20 }).notNull(),
    resource: varchar({ length: 50 }).notNull(),
    recordId: integer().notNull(),
    changes: jsonb().notNull(),
    /** What the change was made through, when not a form: an import job (`import:12`). */
    via: varchar({ length: 50 }),
    // The grammar's system columns, so the trail is a record like the others (it is never updated).
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /**
     * Tamper evidence: the hash of this entry's content and of the previous entry's hash, by the
     * algorithm named (`sm3` or `sha256`). Null only between an upgrade and the first start, which
     * chains the entries written before (api/crud/audit-chain.ts).
     */
    hashAlgorithm: varchar({ length: 10 }),
    previousHash: varchar({ length: 64 }),
    hash: varchar({ length: 64 }),
    /**
     * The writing transaction's id (`pg_current_xact_id()`): the chain's writer passes the one its
     * lock of the chain's head read in the same transaction, the default gives it to any other
     * insert. The change feed (api/sync/) reads entries in transaction order, only of transactions
     * that have ended.
     */
    txId: bigint({ mode: 'number' }).notNull().default(sql`(pg_current_xact_id()::text)::bigint`),
    /**
     * What the hash covers: 1, the content (entries chained before the transaction id was covered);
     * 2, the content and the transaction id, so the change feed's order is tamper-evident too.
     */
    hashVersion: smallint().notNull().default(1),
  },
  (t) => [index().on(t.resource, t.recordId), index().on(t.at), index().on(t.actorId), index().on(t.operation), index().on(t.txId, t.id)],
);

/**
 * The head of the audit chain: one row, locked by every transaction that appends an entry, so the
 * entries are chained one after the other whatever the number of writers. A purge records its
 * anchor here: the last purged entry, whose hash the first remaining entry continues.
 */
export const auditChain = pgTable('audit_chain', {
  id: integer().primaryKey(),
  lastEntryId: integer(),
  lastHash: varchar({ length: 64 }),
  anchorEntryId: integer(),
  anchorHash: varchar({ length: 64 }),
});

/**
 * The generation of the sync feed's cursors (api/ops/sync-generation.ts): one row, written when the feed
 * is first read, replaced by a restore (transaction ids of another cluster, or of the same one
 * later, say nothing about those in the backup), and raised by a purge of the audit trail, which
 * records the last position it deleted. A cursor of another generation, or before that position,
 * is answered SYNC_RESTART.
 */
export const syncGeneration = pgTable('sync_generation', {
  id: integer().primaryKey(),
  generation: uuid().notNull().default(sql`gen_random_uuid()`),
  startedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  /** The position (transaction id, entry id) of the latest audit entry a purge deleted; null before any purge. */
  purgedTxId: bigint({ mode: 'number' }),
  purgedEntryId: integer(),
  /**
   * Entries up to this id came with a restore, written by another database whose transaction ids
   * are not this one's: the feed of this generation does not serve them (its clients start from a
   * full read). 0: none.
   */
  startEntryId: integer().notNull().default(0),
});

/** Read-only access for another government system; the secret is shown once and kept only hashed. */
export const apiTokens = pgTable('api_tokens', {
  ...recordColumns(),
  name: varchar({ length: 100 }).notNull(),
  secretHash: varchar({ length: 64 }).notNull(),
  /** Resource (GraphQL type) names the token may read. */
  scopes: jsonb().$type<string[]>().notNull(),
  personalData: boolean().notNull().default(false),
  expiresAt: timestamp({ withTimezone: true, mode: 'date' }).notNull(),
  revokedAt: timestamp({ withTimezone: true, mode: 'date' }),
  createdById: integer().references(() => users.id),
});
