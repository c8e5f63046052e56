import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

// The product as an operator runs it: `npm start` (or the server entry directly) in its own process,
// talked to over HTTP and stopped with signals.

export const root = path.resolve(__dirname, '../..');

export interface Product {
  child: ChildProcess;
  base: string;
  output: () => string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string | null>;
}

/**
 * Starts the server and resolves once it listens. `npm: true` runs `npm start` itself (its admin
 * build step skipped: the browser suite owns that), so signals go to npm as an operator's would.
 */
export function startProduct(env: Record<string, string>, options: { npm?: boolean } = {}): Promise<Product> {
  const command = options.npm
    ? spawn('npm', ['start', '--ignore-scripts', '--silent'], { cwd: root, env: productEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, ['--import', 'tsx', 'api/index.ts'], { cwd: root, env: productEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | string | null>((resolve) => command.once('exit', (code, signal) => resolve(code ?? signal)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /GraphQL API at http:\/\/localhost:(\d+)\/graphql/.exec(out);
      if (m) resolve({ child: command, base: `http://127.0.0.1:${m[1]}`, output: () => out, exited });
    };
    command.stdout!.on('data', onData);
    command.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

/** A port of our own, the embedded database unless told otherwise, and no signing key (generated in the data directory). */
function productEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', AUTH_SECRET: '', ...env };
}

/** Runs one of the product's command-line scripts to the end (`api/scripts/create-user.ts` …). */
export function runScript(script: string, args: string[], env: Record<string, string>): string {
  return execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: productEnv(env), stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

export async function gql(base: string, query: string, token?: string, variables?: Record<string, unknown>) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data: any; errors?: { extensions?: { code?: string } }[] };
}

export async function login(base: string, username: string, password: string): Promise<string> {
  const res = await gql(base, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', undefined, { u: username, p: password });
  if (res.errors) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}
