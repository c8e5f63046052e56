import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

// Run before `npm start` and by the browser suites: builds the admin when admin/dist is missing or
// older than what it is built from, so the README's two commands serve an up-to-date back office
// without a build step. Several may run at once (two browser suites in parallel): one builds while
// the others wait, then find the build fresh, so none serves a half-written admin/dist.

const root = path.resolve(__dirname, '../..');
const built = path.join(root, 'admin/dist/index.html');
const lock = path.join(root, 'admin/.build-lock');
/** A lock older than this was left by a build that died. */
const STALE_LOCK_MS = 10 * 60_000;

function newest(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).filter((n) => n !== 'generated').map((n) => newest(path.join(p, n))));
}

const sources = ['schema.graphql', 'admin/src', 'admin/codegen', 'api/crud/title-field.ts', 'admin/index.html', 'admin/graphiql.html', 'admin/vite.config.mts'].map((p) => path.join(root, p));
const stale = () => !existsSync(built) || sources.some((s) => existsSync(s) && newest(s) > statSync(built).mtimeMs);

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function acquire(): void {
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      } catch {
        // Released meanwhile.
      }
      sleep(500);
    }
  }
}

if (stale()) {
  acquire();
  try {
    // Another process may have built it while this one waited.
    if (stale()) {
      console.log('Building the admin (admin/dist)…');
      execSync('npm run --silent admin:build', { cwd: root, stdio: 'inherit' });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
