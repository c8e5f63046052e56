import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { printedHints, printedSchema } from '../../api/app';

// Generated files are committed; these say how they fall behind the code. Used by the static suite
// (test/static/generated.test.ts) and by `npm run check:schema`.

const root = path.resolve(__dirname, '../..');
/** The files `npm run schema:emit` writes, each with what the code emits now. */
export function emittedFiles(): { file: string; text: string }[] {
  return [
    { file: path.join(root, 'schema.graphql'), text: printedSchema() },
    { file: path.join(root, 'schema.hints.json'), text: printedHints() },
  ];
}

/** Where a generated file and what the code emits first differ, or null when all agree. */
export function schemaDrift(files = emittedFiles()): string | null {
  for (const { file, text } of files) {
    const committed = readFileSync(file, 'utf8');
    if (committed === text) continue;
    const a = committed.split('\n');
    const b = text.split('\n');
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return (
      `${path.basename(file)} is not what the code emits (run \`npm run schema:emit\` and commit it); ` +
      `first difference at line ${i + 1}:\n  committed: ${a[i] ?? '(end of file)'}\n  emitted:   ${b[i] ?? '(end of file)'}`
    );
  }
  return null;
}

/**
 * What drizzle-kit says when the committed migrations miss a change under drizzle/schema, or null
 * when they cover it. drizzle-kit generate runs on a copy of the migrations, so nothing is written
 * here; it needs no database.
 */
export function migrationDrift(): string | null {
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
    const log = `${run.stdout}${run.stderr}`.trim();
    const added = readdirSync(out).filter((f) => !before.includes(f));
    if (run.status === 0 && added.length === 0 && /No schema changes/.test(log)) return null;
    const why =
      run.status !== 0
        ? `drizzle-kit generate failed (exit ${run.status ?? run.signal})`
        : added.length > 0
          ? `the migrations miss a change under drizzle/schema: drizzle-kit generate would write ${added.join(', ')} (run \`npm run db:generate -- --name <what_it_adds>\` and commit it)`
          : 'drizzle-kit generate did not say "No schema changes"';
    return `${why}:\n${log}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
