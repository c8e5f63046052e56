import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codegen } from '@graphql-codegen/core';
import * as introspection from '@graphql-codegen/introspection';
import { getCachedDocumentNodeFromSchema, type CodegenPlugin } from '@graphql-codegen/plugin-helpers';
import { buildSchema } from 'graphql';
import * as resourceMetadata from '../codegen/resource-metadata';

// `npm run admin:codegen`: writes the admin's generated files from schema.graphql with graphql-codegen's
// core (its CLI brings loaders for URLs, git and GitHub that need a newer Node than the one we support).
// The schema is read as written: no sorting, so the tables keep their column order and enums their
// lifecycle order. A file is rewritten only when its content changes.

const root = path.resolve(__dirname, '../..');

const outputs: { filename: string; plugin: string; module: CodegenPlugin; config?: Record<string, unknown> }[] = [
  { filename: 'admin/src/generated/metadata.ts', plugin: 'resource-metadata', module: resourceMetadata },
  // The data provider reads the schema from here instead of introspecting the server at start-up.
  { filename: 'admin/src/generated/introspection.json', plugin: 'introspection', module: introspection, config: { minify: true } },
];

async function main(): Promise<void> {
  const schemaAst = buildSchema(readFileSync(path.join(root, 'schema.graphql'), 'utf8'), { assumeValidSDL: true });
  const schema = getCachedDocumentNodeFromSchema(schemaAst);
  for (const { filename, plugin, module, config } of outputs) {
    const content = await codegen({
      filename,
      schema,
      schemaAst,
      documents: [],
      config: {},
      plugins: [{ [plugin]: config ?? {} }],
      pluginMap: { [plugin]: module },
    });
    const file = path.join(root, filename);
    let current: string | undefined;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === content) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
