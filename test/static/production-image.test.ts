import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { root } from '../helpers/product-process';
import { SETTINGS } from '../../api/config-check';

// The production image and layout. Where a container runtime answers (`docker info`), the image is
// built and inspected; everywhere, the files are read and held to what the README promises: Node
// LTS, a production install, the admin built in the image, a user without rights, /healthz, node as
// the first process so signals reach the server, and a compose file whose parts all exist.

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Instruction {
  op: string;
  args: string;
}

/** The Dockerfile's instructions, continuation lines joined, comments left out. */
function instructions(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [op, ...rest] = l.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}

const dockerfile = instructions(read('Dockerfile'));
const stages: Instruction[][] = [];
for (const i of dockerfile) {
  if (i.op === 'FROM') stages.push([]);
  stages.at(-1)?.push(i);
}
const runtime = stages.at(-1)!;

it('builds on a Node LTS image in stages, with a production install and the admin built at build time', () => {
  const nodeVersion = /^ARG NODE_VERSION=(\d+)$/m.exec(read('Dockerfile'))?.[1];
  // LTS lines are the even ones.
  expect(Number(nodeVersion) % 2).toBe(0);
  expect(Number(nodeVersion)).toBeGreaterThanOrEqual(20);
  for (const stage of stages) expect(stage[0].args).toMatch(/^node:\$\{NODE_VERSION\}-[a-z]+-slim\b/);
  expect(stages.length).toBeGreaterThanOrEqual(2);
  const runs = (stage: Instruction[]) => stage.filter((i) => i.op === 'RUN').map((i) => i.args);
  expect(runs(stages[0]).some((r) => /npm run admin:build/.test(r))).toBe(true);
  expect(runs(runtime).some((r) => /npm ci --omit=dev/.test(r))).toBe(true);
  expect(runtime.some((i) => i.op === 'COPY' && /--from=build \/app\/admin\/dist /.test(i.args))).toBe(true);
  // What the server reads at run time comes into the image; tsx, which runs it, is a production dependency.
  const pkg = JSON.parse(read('package.json'));
  expect(pkg.dependencies.tsx).toBeDefined();
  const copied = runtime.filter((i) => i.op === 'COPY' && !i.args.startsWith('--from')).flatMap((i) => i.args.replace(/--\S+/g, '').trim().split(/\s+/).slice(0, -1));
  for (const source of copied) expect(existsSync(path.join(root, source))).toBe(true);
  for (const needed of ['api', 'drizzle', 'tsconfig.json', 'package-lock.json']) expect(copied).toContain(needed);
  // The build context leaves out what is built inside or must never go in.
  const ignored = read('.dockerignore').split('\n');
  for (const entry of ['node_modules', 'data', '.env', 'admin/dist']) expect(ignored).toContain(entry);
});

it('runs as a user without rights, checks /healthz, and starts node itself so SIGTERM reaches the server', () => {
  const ops = runtime.map((i) => i.op);
  const user = runtime.filter((i) => i.op === 'USER').at(-1);
  expect(user?.args).toBe('node');
  expect(ops.lastIndexOf('USER')).toBeLessThan(ops.lastIndexOf('CMD'));
  const health = runtime.find((i) => i.op === 'HEALTHCHECK')!;
  expect(health.args).toMatch(/CMD \[/);
  expect(health.args).toMatch(/\/healthz/);
  const cmd = JSON.parse(runtime.find((i) => i.op === 'CMD')!.args) as string[];
  // Exec form (a JSON array), node first: no shell or npm between the signal and the server.
  expect(cmd).toEqual(['node', '--import', 'tsx', 'api/index.ts']);
  expect(runtime.some((i) => i.op === 'ENTRYPOINT')).toBe(false);
  // The server behind the health check answers /healthz (and is what package.json starts).
  expect(read('api/server.ts')).toMatch(/app\.get\('\/healthz'/);
  expect(JSON.parse(read('package.json')).scripts.start).toContain('api/index.ts');
});

it('lays out PostgreSQL, two API instances and a proxy in compose.yaml, every part of it present', () => {
  const compose = parse(read('compose.yaml'), { merge: true }) as {
    services: Record<string, { image?: string; build?: string; environment?: Record<string, string>; depends_on?: Record<string, unknown>; volumes?: string[]; networks?: unknown }>;
  };
  const services = compose.services;
  expect(Object.keys(services).sort()).toEqual(['api1', 'api2', 'postgres', 'proxy']);
  expect(services.postgres.image).toMatch(/^postgres:\d+/);
  for (const name of ['api1', 'api2']) {
    const api = services[name];
    expect(api.build).toBe('.');
    expect(existsSync(path.join(root, api.build!, 'Dockerfile'))).toBe(true);
    expect(api.environment!.DATABASE_URL).toMatch(/^postgres:\/\/township:\$\{POSTGRES_PASSWORD[^}]*\}@postgres:5432\/township$/);
    // Both instances sign sessions with the same key, given, never generated per instance.
    expect(api.environment!.AUTH_SECRET).toMatch(/^\$\{AUTH_SECRET:\?/);
    expect(api.environment!.TRUST_PROXY).toBe('172.28.0.10');
  }
  // Only the first instance migrates an empty database; the second starts once it is healthy.
  expect(Object.keys(services.api2.depends_on!)).toEqual(['api1']);
  for (const service of Object.values(services)) {
    for (const dependency of Object.keys(service.depends_on ?? {})) expect(Object.keys(services)).toContain(dependency);
  }
  const proxy = services.proxy;
  expect(proxy.image).toMatch(/^nginx:/);
  expect((proxy.networks as Record<string, { ipv4_address: string }>).internal.ipv4_address).toBe('172.28.0.10');
  const mounted = proxy.volumes!.map((v) => v.split(':')[0]);
  for (const file of mounted) expect(existsSync(path.join(root, file))).toBe(true);
  const nginx = read(mounted.find((f) => f.endsWith('.conf'))!.replace(/^\.\//, ''));
  expect(nginx).toMatch(/server api1:4000/);
  expect(nginx).toMatch(/server api2:4000/);
  expect(nginx).toMatch(/proxy_pass http:\/\/township_api;/);
  // Every setting compose gives the API is one the server knows (it refuses unknown ones at start).
  for (const name of Object.keys(services.api1.environment!)) expect(SETTINGS.map((s) => s.name)).toContain(name);
});

// The image itself, where a container runtime answers (on a machine without one, the checks above
// are the whole of it).
const docker = spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;
if (docker) it('builds the image, which runs as node with its health check', () => {
  execFileSync('docker', ['build', '-t', 'township-enforcement:test', '.'], { cwd: root, stdio: 'inherit', timeout: 1_500_000 });
  const config = JSON.parse(execFileSync('docker', ['image', 'inspect', 'township-enforcement:test', '--format', '{{json .Config}}']).toString());
  expect(config.User).toBe('node');
  expect(config.Healthcheck.Test.join(' ')).toMatch(/\/healthz/);
  expect(config.Cmd).toEqual(['node', '--import', 'tsx', 'api/index.ts']);
}, 1_800_000);

it('names in the README\'s production layout only settings the server reads (or the compose file\'s own)', () => {
  const readme = read('README.md');
  const start = readme.indexOf('### Production layout');
  const section = readme.slice(start, readme.indexOf('\n## ', start));
  // Upper-case names in code spans, alone or as NAME=value (`DATABASE_URL=postgres://…`).
  const named = new Set([...section.matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?:=[^`]*)?`/g)].map((m) => m[1]));
  expect(named.size).toBeGreaterThan(10);
  const compose = read('compose.yaml');
  const known = (name: string) => SETTINGS.some((s) => s.name === name) || new RegExp(`\\$\\{${name}[:}?-]`).test(compose);
  expect([...named].filter((name) => !known(name))).toEqual([]);
  // The section covers what several instances need.
  for (const name of ['DATABASE_URL', 'AUTH_SECRET', 'TRUST_PROXY', 'METRICS_TOKEN', 'DATABASE_POOL_SIZE']) expect(named).toContain(name);
});
