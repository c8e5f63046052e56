import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { printedHints, printedSchema } from '../../api/app';

const root = path.resolve(__dirname, '../..');

// Generated files are committed; these fail when the code has moved on without them.
it('schema.graphql is what the code emits (run `npm run schema:emit`)', () => {
  expect(readFileSync(path.join(root, 'schema.graphql'), 'utf8')).toBe(printedSchema());
});

it('schema.hints.json is what the code emits (run `npm run schema:emit`)', () => {
  expect(readFileSync(path.join(root, 'schema.hints.json'), 'utf8')).toBe(printedHints());
});


it('the committed migrations cover the drizzle schema (run `npm run db:generate`)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
  try {
    const out = path.join(dir, 'migrations');
    cpSync(path.join(root, 'drizzle/migrations'), out, { recursive: true });
    const config = path.join(dir, 'drizzle.config.js');
    writeFileSync(
      config,
      `module.exports = ${JSON.stringify({ dialect: 'postgresql', schema: './drizzle/schema/index.ts', out: path.relative(root, out), casing: 'snake_case' })};`,
    );
    const before = readdirSync(out).sort();
    const run = spawnSync(path.join(root, 'node_modules/.bin/drizzle-kit'), ['generate', `--config=${config}`], {
      cwd: root,
      encoding: 'utf8',
    });
    const log = run.stdout + run.stderr;
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(before);
    expect(log).toMatch(/No schema changes/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('every resource pluralizes to a different word, as react-admin needs', () => {
  const sdl = printedSchema();
  for (const [, plural] of sdl.matchAll(/^  _all(\w+)Meta\(/gm)) {
    expect(sdl).toMatch(new RegExp(`^  all${plural}\\(`, 'm'));
    expect(sdl).toMatch(new RegExp(`^  delete${plural}\\(`, 'm'));
  }
});
