import 'reflect-metadata';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import type { Records } from './crud/records';
import { guardSchema } from './read-guard';
import { ImportJobResolver } from './spreadsheets/job.resolver';
import { AttachmentResolver, takesAttachments } from './crud/attachments';
import { changeFeedResolver } from './sync/change-feed.resolver';

/**
 * The GraphQL schema of every record: its generated grammar, or the resolvers its definition
 * declares (which extend the grammar with domain operations), with who-may-read checked around the
 * fields that need it (api/read-guard.ts).
 */
export function buildSchema(records: Records): GraphQLSchema {
  const resolvers: Function[] = [];
  for (const model of records.models) {
    const Crud = records.crudResolver(model.definition);
    const own = model.definition.resolvers?.({ Crud, types: records.types(model.definition), service: records.of(model.definition), records }) ?? [];
    if (!own.some((r) => r.prototype instanceof Crud)) resolvers.push(Crud);
    resolvers.push(...own);
  }
  // Spreadsheet imports run as jobs; their state is read here.
  resolvers.push(ImportJobResolver);
  // Deleting a file kept with a record (uploads and downloads are routes beside /graphql).
  if (records.models.some(takesAttachments)) resolvers.push(AttachmentResolver);
  // The change feed for systems that keep a copy (changesSince, syncCursor).
  resolvers.push(changeFeedResolver(records));
  return guardSchema(
    buildSchemaSync({
      resolvers: resolvers as [Function, ...Function[]],
      // Input rules live in the CRUD layer (one place, bilingual messages), not in class-validator.
      validate: false,
    }),
    records,
  );
}

export const SCHEMA_HEADER =
  '# Generated from the API code by `npm run schema:emit`; do not edit. A test fails when it drifts.\n\n';

/**
 * The SDL committed as schema.graphql. Fields keep their declaration order (the table's column
 * order), which the admin's forms follow; the order is deterministic, so the drift test holds.
 */
export function printSchemaFile(schema: GraphQLSchema): string {
  return SCHEMA_HEADER + printSchema(schema) + '\n';
}
