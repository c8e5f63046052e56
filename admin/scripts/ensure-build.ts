import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// Run before `npm start`: builds the admin when admin/dist is missing or older than what it is
// built from, so the README's two commands serve an up-to-date back office without a build step.

const root = path.resolve(__dirname, '../..');
const built = path.join(root, 'admin/dist/index.html');

function newest(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).filter((n) => n !== 'generated').map((n) => newest(path.join(p, n))));
}

const sources = ['schema.graphql', 'admin/src', 'admin/codegen', 'api/crud/title-field.ts', 'admin/index.html', 'admin/vite.config.mts'].map((p) => path.join(root, p));
const stale = !existsSync(built) || sources.some((s) => existsSync(s) && newest(s) > statSync(built).mtimeMs);
if (stale) {
  console.log('Building the admin (admin/dist)…');
  execSync('npm run --silent admin:build', { cwd: root, stdio: 'inherit' });
}
