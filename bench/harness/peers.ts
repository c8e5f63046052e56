import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PEER_VERSIONS, PEERS_DIR } from './settings';

// PostGraphile and the Node 22 it needs are bench tooling, never the product's: they are installed
// from the npm registry into bench/.peers (git-ignored), at pinned versions, the first time the
// bench runs (about a minute and 500 MB), and reused afterwards.

export function peerNodeBinary(): string {
  return path.join(PEERS_DIR, 'node_modules', 'node', 'bin', 'node');
}

function installedVersion(pkg: string): string | undefined {
  try {
    return JSON.parse(readFileSync(path.join(PEERS_DIR, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function nodeVersion(): string | undefined {
  if (!existsSync(peerNodeBinary())) return undefined;
  const r = spawnSync(peerNodeBinary(), ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export function ensurePeers(): { node: string; postgraphile: string; connectionFilter: string } {
  const wanted = Object.entries(PEER_VERSIONS);
  const ready = wanted.every(([pkg, v]) => installedVersion(pkg) === v) && nodeVersion() === `v${PEER_VERSIONS.node}`;
  if (!ready) {
    console.log(`Installing the peers into ${path.relative(process.cwd(), PEERS_DIR)} (${wanted.map(([p, v]) => `${p}@${v}`).join(', ')})…`);
    mkdirSync(PEERS_DIR, { recursive: true });
    writeFileSync(
      path.join(PEERS_DIR, 'package.json'),
      JSON.stringify({ name: 'bench-peers', private: true, description: 'Bench tooling only; not part of the product.', dependencies: PEER_VERSIONS }, null, 2),
    );
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PEERS_DIR, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`npm install in ${PEERS_DIR} failed (${r.status ?? r.signal})`);
  }
  const node = nodeVersion();
  if (node !== `v${PEER_VERSIONS.node}`) throw new Error(`${peerNodeBinary()} is ${node ?? 'missing'}, expected v${PEER_VERSIONS.node}`);
  return { node, postgraphile: installedVersion('postgraphile')!, connectionFilter: installedVersion('postgraphile-plugin-connection-filter')! };
}
