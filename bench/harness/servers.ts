import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { onCleanup, trackProcessGroup } from './cleanup';
import { PEERS_DIR, REPO_DIR } from './settings';
import { peerNodeBinary } from './peers';

// The three servers, each its own process in its own process group (so Ctrl-C reaches the bench
// alone, and the bench stops them in order). Same pool size everywhere, production mode, on
// 127.0.0.1, logs kept in memory for the error message if one fails to start.

export const SERVER_NAMES = ['ours', 'postgraphile', 'raw'] as const;
export type ServerName = (typeof SERVER_NAMES)[number];

export const SERVER_LABELS: Record<ServerName, string> = {
  ours: 'ours (Apollo + type-graphql + drizzle)',
  postgraphile: 'PostGraphile v5',
  raw: 'raw pg',
};

export interface RunningServer {
  name: ServerName;
  pid: number;
  port: number;
  base: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  databaseUrl: string;
  poolSize: number;
  authSecret: string;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function command(name: ServerName, port: number, o: StartOptions): { bin: string; args: string[]; env: NodeJS.ProcessEnv } {
  const common = { ...process.env, NODE_ENV: 'production', PORT: String(port) };
  switch (name) {
    case 'ours':
      // Exactly what `npm start` runs (without its admin build step), as one process.
      return {
        bin: process.execPath,
        args: ['--import', 'tsx', 'api/index.ts'],
        env: {
          ...common,
          DATABASE_URL: o.databaseUrl,
          DATABASE_POOL_SIZE: String(o.poolSize),
          SEED: 'none',
          HOST: '127.0.0.1',
          AUTH_SECRET: o.authSecret,
          // The limiter still counts every request (that cost is part of ours); it must not refuse them.
          RATE_LIMIT_PER_MINUTE: '1000000000',
        },
      };
    case 'postgraphile':
      return {
        bin: peerNodeBinary(),
        args: [path.join('bench', 'servers', 'postgraphile-server.mts')],
        env: { ...common, DATABASE_URL: o.databaseUrl, POOL_SIZE: String(o.poolSize), PEERS_DIR },
      };
    case 'raw':
      return {
        bin: process.execPath,
        args: ['--import', 'tsx', path.join('bench', 'servers', 'raw-server.ts')],
        env: { ...common, DATABASE_URL: o.databaseUrl, POOL_SIZE: String(o.poolSize) },
      };
  }
}

/** A request that tells the server is ready to answer (not only listening). */
function probe(name: ServerName, base: string): Promise<Response> {
  switch (name) {
    case 'ours':
      return fetch(`${base}/healthz`);
    case 'postgraphile':
      return fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    case 'raw':
      return fetch(`${base}/byId?id=1`);
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServer(name: ServerName, options: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  const { bin, args, env } = command(name, port, options);
  const child = spawn(bin, args, { cwd: REPO_DIR, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const untrack = trackProcessGroup(child.pid!);
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (log.length > 40) log.splice(0, log.length - 40);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const stop = onCleanup(`stop ${name}`, async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // gone already
      }
      const killer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // gone already
        }
      }, 10_000);
      await exited(child);
      clearTimeout(killer);
    }
    untrack();
  });

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`${name} exited while starting (${child.exitCode ?? child.signalCode}):\n${log.join('\n')}`);
    }
    try {
      const res = await probe(name, base);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} did not answer within 180 s:\n${log.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { name, pid: child.pid!, port, base, stop };
}
