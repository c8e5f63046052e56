import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { Records } from './crud/records';
import { resourceDefinitions } from './resources';
import { buildSchema, printSchemaFile } from './schema';
import { printHintsFile, schemaHints } from './schema-hints';

/**
 * The composition root: the records and the schema built from the one registration list
 * (api/resources/index.ts). type-graphql keeps its metadata in one global store, so they are built
 * once per process, here, and shared by the server, the schema emitter, the seed and the tests.
 */
export interface App {
  records: Records;
  schema: GraphQLSchema;
}

let app: App | undefined;

export function getApp(): App {
  if (!app) {
    const records = new Records(resourceDefinitions);
    app = { records, schema: buildSchema(records) };
  }
  return app;
}

/** schema.graphql as it should be committed. */
export function printedSchema(): string {
  return printSchemaFile(getApp().schema);
}

/** schema.hints.json as it should be committed: what clients show beside the types. */
export function printedHints(): string {
  return printHintsFile(schemaHints(getApp().records));
}
