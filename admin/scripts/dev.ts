import { spawn } from 'node:child_process';
import path from 'node:path';
import { createServer } from 'vite';

// `npm run dev`: the API restarting on change (tsx watch) and the admin with hot reload (Vite),
// which passes /graphql through to the API. Open the address Vite prints.

const root = path.resolve(__dirname, '../..');
const api = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'watch', 'api/index.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});

async function main() {
  const vite = await createServer({ configFile: path.join(root, 'admin/vite.config.mts') });
  await vite.listen();
  vite.printUrls();
  const stop = async () => {
    api.kill('SIGTERM');
    await vite.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
