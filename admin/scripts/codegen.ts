import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codegen } from '@graphql-codegen/core';
import * as introspection from '@graphql-codegen/introspection';
import * as typedDocumentNode from '@graphql-codegen/typed-document-node';
import * as typescriptOperations from '@graphql-codegen/typescript-operations';
import { getCachedDocumentNodeFromSchema, type CodegenPlugin, type Types } from '@graphql-codegen/plugin-helpers';
import { buildSchema, parse, Source } from 'graphql';
import * as resourceMetadata from '../codegen/resource-metadata';

// `npm run admin:codegen`: writes the admin's generated files from schema.graphql with graphql-codegen's
// core (its CLI brings loaders for URLs, git and GitHub that need a newer Node than the one we support).
// The schema is read as written: no sorting, so the tables keep their column order and enums their
// lifecycle order. A file is rewritten only when its content changes.
//
// The queries and mutations the hand-written screens send live in `.graphql` files beside them; each
// becomes a typed document in generated/operations.ts (its result and variables typed from the
// schema), so a field renamed in the API fails here (the document no longer validates) or in
// `tsc -p admin` (the screen reads a field the result type no longer has).

const root = path.resolve(__dirname, '../..');

type Output = { filename: string; plugins: { name: string; module: CodegenPlugin; config?: Record<string, unknown> }[]; documents?: boolean };

/** How the API's own scalars arrive in a response and are sent as variables. */
const SCALARS = {
  ID: 'string',
  LocalDate: 'string',
  DateTimeISO: 'string',
  Ratio: 'number',
  Password: 'string',
  JSON: 'unknown',
  JSONObject: 'Record<string, unknown>',
};

const outputs: Output[] = [
  { filename: 'admin/src/generated/metadata.ts', plugins: [{ name: 'resource-metadata', module: resourceMetadata }] },
  // The data provider reads the schema from here instead of introspecting the server at start-up.
  { filename: 'admin/src/generated/introspection.json', plugins: [{ name: 'introspection', module: introspection, config: { minify: true } }] },
  {
    filename: 'admin/src/generated/operations.ts',
    documents: true,
    plugins: [
      { name: 'typescript-operations', module: typescriptOperations, config: { scalars: SCALARS, strictScalars: true, enumType: 'string-literal', avoidOptionals: false } },
      { name: 'typed-document-node', module: typedDocumentNode },
    ],
  },
];

/** The screens' operation documents: every `.graphql` file under admin/src, in a stable order. */
function operationDocuments(): Types.DocumentFile[] {
  const dir = path.join(root, 'admin/src');
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.graphql')).sort();
  return files.map((f) => {
    const location = path.join('admin/src', f);
    // The file's name travels with the document, so a validation error names it.
    return { location, document: parse(new Source(readFileSync(path.join(root, location), 'utf8'), location)) };
  });
}

async function main(): Promise<void> {
  const schemaAst = buildSchema(readFileSync(path.join(root, 'schema.graphql'), 'utf8'), { assumeValidSDL: true });
  const schema = getCachedDocumentNodeFromSchema(schemaAst);
  const documents = operationDocuments();
  for (const { filename, plugins, documents: withDocuments } of outputs) {
    const content = await codegen({
      filename,
      schema,
      schemaAst,
      documents: withDocuments ? documents : [],
      config: {},
      plugins: plugins.map((p) => ({ [p.name]: p.config ?? {} })),
      pluginMap: Object.fromEntries(plugins.map((p) => [p.name, p.module])),
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
