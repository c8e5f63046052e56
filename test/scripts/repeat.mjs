// Runs chosen suites N times in a row and tells how many runs failed, to catch a test that fails by
// chance before it reaches CI: `npm run test:repeat -- test/api/tokens.test.ts test/api/hr.test.ts 20`.
// Extra jest flags may follow the files (`--selectProjects pglite`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const n = Number(args.at(-1));
if (!Number.isInteger(n) || n < 1 || args.length < 2) {
  console.error('usage: npm run test:repeat -- <test files…> [jest flags] <runs>');
  process.exit(2);
}
const jestArgs = args.slice(0, -1);
const failures = [];
for (let i = 1; i <= n; i++) {
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', 'node_modules/jest/bin/jest.js', '--ci', ...jestArgs],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const summary = /Tests:.*$/m.exec(run.stderr)?.[0] ?? '(no summary)';
  console.log(`run ${i}/${n}: ${run.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s — ${summary}`);
  if (run.status !== 0) {
    failures.push(i);
    // The failing tests' names and first lines, enough to start from.
    console.log(run.stderr.split('\n').filter((l) => /●|Expected|Received|Error/.test(l)).slice(0, 30).join('\n'));
  }
}
console.log(`${n - failures.length} of ${n} runs passed${failures.length ? `; failed: ${failures.join(', ')}` : ''}`);
process.exit(failures.length ? 1 : 0);
