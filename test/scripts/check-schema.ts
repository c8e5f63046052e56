import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { emittedFiles, migrationDrift, schemaDrift } from '../helpers/drift';

// `npm run check:schema`: fails when a committed generated file has fallen behind the code, the same
// checks as test/static/generated.test.ts without starting jest. What the code emits goes to a
// temporary directory (kept when it differs, to diff against), never over the committed files.

const files = emittedFiles();
const dir = mkdtempSync(path.join(tmpdir(), 'schema-'));
for (const { file, text } of files) writeFileSync(path.join(dir, path.basename(file)), text);
let failed = false;

const schema = schemaDrift(files);
if (schema) {
  failed = true;
  console.error(`${schema}\n  all of it: diff -u <committed file> ${dir}/<same name>`);
} else {
  rmSync(dir, { recursive: true, force: true });
  console.log('schema.graphql and schema.hints.json are what the code emits.');
}

const migrations = migrationDrift();
if (migrations) {
  failed = true;
  console.error(migrations);
} else {
  console.log('The committed migrations cover drizzle/schema.');
}

process.exit(failed ? 1 : 0);
