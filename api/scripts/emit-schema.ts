import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { printedSchema } from '../app';

// `npm run schema:emit` writes schema.graphql; with --check it only says whether it is current.
const file = path.resolve(__dirname, '../../schema.graphql');
const sdl = printedSchema();
if (process.argv.includes('--check')) {
  const current = readFileSync(file, 'utf8');
  if (current !== sdl) {
    console.error('schema.graphql is out of date: run `npm run schema:emit` and commit it.');
    process.exit(1);
  }
  console.log('schema.graphql is up to date.');
} else {
  writeFileSync(file, sdl);
  console.log(`Wrote ${file}`);
}
