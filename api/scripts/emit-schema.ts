import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { printedHints, printedSchema } from '../app';

// `npm run schema:emit` writes schema.graphql and, beside it, schema.hints.json (labels, help and
// display hints for clients); with --check it only says whether both are current.
const root = path.resolve(__dirname, '../..');
const files = [
  { file: path.join(root, 'schema.graphql'), text: printedSchema() },
  { file: path.join(root, 'schema.hints.json'), text: printedHints() },
];
if (process.argv.includes('--check')) {
  const stale = files.filter(({ file, text }) => readFileSync(file, 'utf8') !== text);
  for (const { file } of stale) console.error(`${path.basename(file)} is out of date: run \`npm run schema:emit\` and commit it.`);
  if (stale.length) process.exit(1);
  console.log('schema.graphql and schema.hints.json are up to date.');
} else {
  for (const { file, text } of files) {
    writeFileSync(file, text);
    console.log(`Wrote ${file}`);
  }
}
