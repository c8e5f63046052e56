import { customType, integer, pgEnum, timestamp } from 'drizzle-orm/pg-core';

/** A text in both languages of the product: zh-CN first, English beside it. */
export interface Label {
  zh: string;
  en: string;
}

export interface EnumDefinition {
  /** PostgreSQL type name, e.g. `organization_kind`. */
  pgName: string;
  /** GraphQL enum name, e.g. `OrganizationKind`. */
  graphqlName: string;
  label: Label;
  values: Record<string, Label>;
}

/** Every labelled enum, by PostgreSQL type name; the API and the admin read labels from here. */
export const enumDefinitions = new Map<string, EnumDefinition>();

/**
 * A PostgreSQL enum whose values carry their Chinese and English labels, so the database type,
 * the GraphQL enum and the admin's select options all come from this one declaration.
 */
export function labelledEnum<const V extends Record<string, Label>>(
  pgName: string,
  graphqlName: string,
  label: Label,
  values: V,
) {
  enumDefinitions.set(pgName, { pgName, graphqlName, label, values });
  const keys = Object.keys(values) as Extract<keyof V, string>[];
  return pgEnum(pgName, keys as [Extract<keyof V, string>, ...Extract<keyof V, string>[]]);
}

/** Columns every record has: identity, optimistic-concurrency counter and timestamps. */
export const recordColumns = () => ({
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Raw bytes (an uploaded file): Buffer on pg, Uint8Array on PGlite. */
export const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});
