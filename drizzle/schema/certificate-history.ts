import { boolean, date, index, integer, pgTable, varchar } from 'drizzle-orm/pg-core';
import { labelledEnum, recordColumns } from './columns';
import { certificates, transfers } from './hr';
import { trainingAttendances } from './training';

// A certificate's history (发证、年审、暂扣、恢复、注销、吊销、遗失登报): dated rows, appended only; the
// latest sets the certificate's status.

export const certificateEventKind = labelledEnum(
  'certificate_event_kind',
  'CertificateEventKind',
  { zh: '证件事项', en: 'Certificate event' },
  {
    ISSUED: { zh: '发证', en: 'Issued' },
    ANNUAL_REVIEW: { zh: '年审', en: 'Annual review' },
    SUSPENDED: { zh: '暂扣', en: 'Suspended' },
    RESTORED: { zh: '恢复', en: 'Restored' },
    CANCELLED: { zh: '注销', en: 'Cancelled' },
    REVOKED: { zh: '吊销', en: 'Revoked' },
    LOSS_PUBLISHED: { zh: '遗失登报', en: 'Loss published' },
  },
);

export const certificateEvents = pgTable(
  'certificate_events',
  {
    ...recordColumns(),
    certificateId: integer()
      .notNull()
      .references(() => certificates.id),
    kind: certificateEventKind().notNull(),
    occurredOn: date({ mode: 'string' }).notNull(),
    // An annual review's result; empty for every other event.
    passed: boolean(),
    reason: varchar({ length: 500 }),
    documentNumber: varchar({ length: 100 }),
    // The transfer (调出, 退休) or the failed or passed general-law exam that caused the event.
    transferId: integer().references(() => transfers.id),
    trainingAttendanceId: integer().references(() => trainingAttendances.id),
  },
  (t) => [index().on(t.certificateId)],
);
