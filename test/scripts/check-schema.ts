import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { printedSchema } from '../../api/schema';
import { migrationDrift, SCHEMA_FILE, schemaDrift } from '../helpers/drift';

// `npm run check:schema`: fails when a committed generated file has fallen behind the code, the same
// checks as test/static/generated.test.ts without starting jest. The emitted schema goes to a
// temporary file (kept when it differs, to diff against), never over schema.graphql.

const emitted = printedSchema();
const dir = mkdtempSync(path.join(tmpdir(), 'schema-'));
const file = path.join(dir, 'schema.graphql');
writeFileSync(file, emitted);
let failed = false;

const schema = schemaDrift(emitted);
if (schema) {
  failed = true;
  console.error(`${schema}\n  all of it: diff -u ${path.relative(process.cwd(), SCHEMA_FILE)} ${file}`);
} else {
  rmSync(dir, { recursive: true, force: true });
  console.log('schema.graphql is what the code emits.');
}

const migrations = migrationDrift();
if (migrations) {
  failed = true;
  console.error(migrations);
} else {
  console.log('The committed migrations cover drizzle/schema.');
}

process.exit(failed ? 1 : 0);
