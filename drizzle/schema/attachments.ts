import { index, integer, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';
import { bytes } from './columns';
import { users } from './accounts';

/**
 * Files kept with a record (a catalog's 发文, a delegation's 赋权确认书, a finding's 整改报告): any
 * record whose definition takes attachments, named by its type and id as the audit trail names it.
 * The bytes live in the database, so a backup, a restore and every instance see the same files on
 * PostgreSQL and on the embedded database alike.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The record type (`Finding`) and its id. */
    resource: varchar({ length: 50 }).notNull(),
    recordId: integer().notNull(),
    /** What the file is to the record (`RECTIFICATION_REPORT`), among the kinds its definition declares. */
    kind: varchar({ length: 40 }),
    fileName: varchar({ length: 200 }).notNull(),
    /** Worked out from the checked content, never taken from the client. */
    contentType: varchar({ length: 100 }).notNull(),
    size: integer().notNull(),
    /** SHA-256 of the content, hex: what a downloaded copy can be checked against. */
    sha256: varchar({ length: 64 }).notNull(),
    content: bytes().notNull(),
    uploadedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    // An account deleted later leaves its name on the file.
    uploadedById: integer().references(() => users.id, { onDelete: 'set null' }),
    uploadedByName: varchar({ length: 100 }).notNull(),
  },
  (t) => [index().on(t.resource, t.recordId)],
);
