import { boolean, index, integer, jsonb, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';
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
});

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
  },
  (t) => [index().on(t.resource, t.recordId), index().on(t.at)],
);

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
