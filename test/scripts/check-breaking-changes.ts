import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { breakingChanges, undeclared } from '../helpers/breaking-changes';

// `npm run check:breaking` (CI runs it before the tests): schema.graphql as it stands against the
// previous commit's (`SCHEMA_BASE` names another commit to compare with, e.g. the last release).
// Fails on a breaking change that no line added to CHANGELOG.md since then names.

const root = path.resolve(__dirname, '../..');
const base = process.env.SCHEMA_BASE || 'HEAD~1';

/** A file as it was at the base commit; null when the commit or the file is not there. */
function atBase(file: string): string | null {
  try {
    return execFileSync('git', ['show', `${base}:${file}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  } catch {
    return null;
  }
}

const read = (file: string) => (existsSync(path.join(root, file)) ? readFileSync(path.join(root, file), 'utf8') : '');

const schemaBefore = atBase('schema.graphql');
if (schemaBefore === null) {
  console.log(`No schema.graphql at ${base} to compare with: nothing can have broken.`);
  process.exit(0);
}
const schema = { before: schemaBefore, after: read('schema.graphql') };
if (!existsSync(path.join(root, 'CHANGELOG.md'))) {
  console.error('CHANGELOG.md is missing: breaking changes are declared there.');
  process.exit(1);
}
const changelog = { before: atBase('CHANGELOG.md') ?? '', after: read('CHANGELOG.md') };
const all = breakingChanges(schema.before, schema.after);
const missing = undeclared(schema, changelog);
if (missing.length) {
  console.error(`schema.graphql breaks clients of ${base}'s schema; declare each in CHANGELOG.md (a line naming it, under "Breaking"):`);
  for (const c of missing) console.error(`  - \`${c.coordinate}\`: ${c.description}`);
  process.exit(1);
}
console.log(all.length ? `schema.graphql: ${all.length} breaking change(s) since ${base}, each declared in CHANGELOG.md.` : `schema.graphql: no breaking change since ${base}.`);
