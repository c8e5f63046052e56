import { doublePrecision, integer, pgTable } from 'drizzle-orm/pg-core';
import { PARAMETERS, type ParameterKey } from '../../api/parameters/registry';
import { labelledEnum, recordColumns } from './columns';
import { users } from './accounts';

// Rule figures changed while the system runs (参数设置): one row per figure that differs from its
// default; no row, the default (the environment variable, or the documents' figure).

export const systemParameterKey = labelledEnum(
  'system_parameter_key',
  'SystemParameterKey',
  { zh: '参数', en: 'Parameter' },
  Object.fromEntries(Object.entries(PARAMETERS).map(([key, p]) => [key, p.label])) as Record<ParameterKey, (typeof PARAMETERS)[ParameterKey]['label']>,
);

export const systemParameters = pgTable('system_parameters', {
  ...recordColumns(),
  key: systemParameterKey().notNull().unique(),
  value: doublePrecision().notNull(),
  /** The account that last set it (the audit trail keeps every change, with old and new value). */
  changedById: integer().references(() => users.id),
});
