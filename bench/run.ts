import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openDatabase } from '../api/db';
import { createBenchDatabase, describeServer } from './harness/bench-database';
import { checkSameData, countStatements, send, type Headers } from './harness/check';
import { runWithCleanup } from './harness/cleanup';
import { loadDataset } from './harness/dataset';
import { ensurePeers } from './harness/peers';
import { measureRun } from './harness/measure';
import { runLoad } from './harness/load';
import { peakRssMiB } from './harness/proc-stats';
import { printTable, ratios, summarize, writeResults, type Measurements, type Summary } from './harness/report';
import { SERVER_LABELS, SERVER_NAMES, startServer, type RunningServer, type ServerName } from './harness/servers';
import { settings, REPO_DIR } from './harness/settings';
import { buildShapes, SHAPE_NAMES, type ShapeName } from './harness/shapes';
import { startSqlCounter, type SqlCounter } from './harness/sql-counter';

// `npm run bench`: our API side by side with PostGraphile v5 and a raw-pg server on one generated
// county, on this machine's PostgreSQL. See bench/README.md for what each figure means.

const USERNAME = 'bench-reader';

function versionOf(pkg: string): string | undefined {
  try {
    return JSON.parse(readFileSync(path.join(REPO_DIR, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

async function startAll(databaseUrlFor: (name: ServerName) => string, authSecret: string): Promise<Record<ServerName, RunningServer>> {
  const out = {} as Record<ServerName, RunningServer>;
  // One at a time: three Node processes compiling at once on two cores only slow each other down.
  for (const name of SERVER_NAMES) {
    const t = performance.now();
    out[name] = await startServer(name, { databaseUrl: databaseUrlFor(name), poolSize: settings.poolSize, authSecret });
    console.log(`  ${SERVER_LABELS[name]} up on :${out[name].port} (pid ${out[name].pid}, ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  return out;
}

async function stopAll(servers: Record<ServerName, RunningServer>): Promise<void> {
  for (const s of Object.values(servers)) await s.stop();
}

async function signIn(ours: RunningServer, password: string): Promise<string> {
  const json = (await send(
    ours,
    {
      method: 'POST',
      path: '/graphql',
      body: JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: USERNAME, p: password } }),
    },
    { 'content-type': 'application/json' },
  )) as { data?: { login?: { token?: string } }; errors?: unknown };
  const token = json.data?.login?.token;
  if (!token) throw new Error(`sign-in failed: ${JSON.stringify(json.errors)}`);
  return token;
}

/** Whether our delegationsAsOf takes page/perPage yet; the bench asks for a page once it does. */
async function asOfIsPaged(ours: RunningServer, headers: Record<string, string>): Promise<boolean> {
  const json = (await send(
    ours,
    { method: 'POST', path: '/graphql', body: JSON.stringify({ query: '{ __type(name: "Query") { fields { name args { name } } } }' }) },
    headers,
  )) as { data: { __type: { fields: { name: string; args: { name: string }[] }[] } } };
  const field = json.data.__type.fields.find((f) => f.name === 'delegationsAsOf');
  const args = new Set(field?.args.map((a) => a.name));
  return args.has('page') && args.has('perPage');
}

runWithCleanup(async () => {
  const unknown = settings.shapes?.filter((s) => !(SHAPE_NAMES as readonly string[]).includes(s));
  if (unknown?.length) throw new Error(`BENCH_SHAPES: no shape ${unknown.join(', ')}; the shapes are ${SHAPE_NAMES.join(', ')}`);
  const startedAt = new Date();
  const loadAverageStart = os.loadavg();
  const t0 = performance.now();
  const perRun = settings.seconds + settings.warmupSeconds;
  const shapeCount = settings.shapes?.length ?? SHAPE_NAMES.length;
  console.log(
    `bench: ${settings.rounds} rounds × ${shapeCount} shapes × 3 servers × (${settings.warmupSeconds} s warm-up + ${settings.seconds} s measured), ${settings.connections} connections; ` +
      `then one connection per shape and server (1 s + ${settings.latencySeconds} s); ` +
      `timed part ≈ ${Math.round((settings.rounds * shapeCount * 3 * perRun + shapeCount * 3 * (1 + settings.latencySeconds)) / 60)} min. Load average now ${loadAverageStart.map((x) => x.toFixed(2)).join(' ')}.`,
  );

  const peers = ensurePeers();
  const postgres = await describeServer(settings.adminUrl);
  console.log(
    `PostgreSQL ${postgres.version}; pg_stat_statements ${postgres.pgStatStatements ? 'loaded' : 'not loaded (shared_preload_libraries is empty): statements are counted by a protocol proxy'}.`,
  );

  const db = await createBenchDatabase(settings.adminUrl);
  console.log(`database ${db.name}: migrations…`);
  const product = await openDatabase({ url: db.url });
  await product.migrate();
  await product.close();
  const dataset = await loadDataset(db.url, settings.scale);
  console.log(`dataset loaded in ${dataset.loadSeconds.toFixed(1)} s: ${Object.entries(dataset.size).map(([k, v]) => `${v} ${k}`).join(', ')}`);

  // The reading account, made with the product's own command.
  const password = `${randomBytes(18).toString('base64url')}-Bench`;
  execFileSync(process.execPath, ['--import', 'tsx', 'api/scripts/create-user.ts', USERNAME, 'ADMIN'], {
    cwd: REPO_DIR,
    env: { ...process.env, DATABASE_URL: db.url, NEW_USER_PASSWORD: password },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const authSecret = randomBytes(48).toString('base64url');

  // Pass 1, untimed: same data everywhere, and statements per request, through the counters.
  console.log('check pass (servers behind statement counters):');
  const target = new URL(db.url);
  const counters = {} as Record<ServerName, SqlCounter>;
  for (const name of SERVER_NAMES) counters[name] = await startSqlCounter({ host: target.hostname, port: Number(target.port || 5432) });
  const viaCounter = (name: ServerName) => {
    const u = new URL(db.url);
    u.hostname = '127.0.0.1';
    u.port = String(counters[name].port);
    return u.toString();
  };
  let servers = await startAll(viaCounter, authSecret);
  const token = await signIn(servers.ours, password);
  const json = { 'content-type': 'application/json' };
  const headers: Headers = { ours: { ...json, authorization: `Bearer ${token}` }, postgraphile: json, raw: json };
  const asOfPaged = await asOfIsPaged(servers.ours, headers.ours);
  const shapes = buildShapes({ dataset, asOfPaged }).filter((s) => !settings.shapes || settings.shapes.includes(s.name));
  const rowsAnswered = await checkSameData(shapes, Object.values(servers), headers, asOfPaged);
  console.log(`  same data on all servers for ${shapes.map((s) => s.name).join(', ')}`);
  const measurements: Measurements = {};
  for (const shape of shapes) {
    for (const name of SERVER_NAMES) {
      const statements = await countStatements(shape, servers[name], counters[name], headers[name], settings.countRequests, 100);
      ((measurements[shape.name] ??= {})[name] = { runs: [], statements });
    }
    console.log(`  statements per request, ${shape.name}: ${SERVER_NAMES.map((n) => `${n} ${measurements[shape.name]![n]!.statements!.perRequest.toFixed(2)}`).join(', ')}`);
  }
  await stopAll(servers);
  for (const c of Object.values(counters)) await c.close();

  // Pass 2, timed: servers connected straight to PostgreSQL.
  console.log('timed pass (servers connected directly):');
  servers = await startAll(() => db.url, authSecret);
  const monitor = new Client({ connectionString: db.url });
  await monitor.connect();
  const waitsMonitor = new Client({ connectionString: db.url });
  await waitsMonitor.connect();
  const loadAverageByRound: number[][] = [];
  const oneConnection: Partial<Record<ShapeName, Partial<Record<ServerName, { requestsPerSecond: number; p50Ms: number; p99Ms: number; failed: number }>>>> = {};
  const nextIndex: Record<string, number> = {};
  try {
    for (let round = 1; round <= settings.rounds; round++) {
      loadAverageByRound.push(os.loadavg().map((x) => Number(x.toFixed(2))));
      for (const shape of shapes) {
        for (const name of SERVER_NAMES) {
          const server = servers[name];
          const key = `${shape.name}/${name}`;
          nextIndex[key] ??= 1000;
          const run = await measureRun({
            server,
            monitor,
            waitsMonitor,
            database: db.name,
            round,
            connections: settings.connections,
            seconds: settings.seconds,
            warmupSeconds: settings.warmupSeconds,
            headers: headers[name],
            build: (i) => shape.request(name, i),
            next: () => nextIndex[key]++,
          });
          const { drainMs, ...figures } = run;
          measurements[shape.name]![name]!.runs.push(figures);
          const result = run.load;
          const fails = result.non2xx + result.errors;
          console.log(
            `  [${round}/${settings.rounds}] ${shape.name.padEnd(8)} ${name.padEnd(12)} ${result.requestsPerSecond.toFixed(1).padStart(8)} req/s  p50 ${result.latencyMs.p50} ms  p99 ${result.latencyMs.p99} ms  ` +
              `CPU ${(run.cpuMs / run.served).toFixed(2)} ms/req${fails ? `  FAILED ${fails}` : ''}${drainMs > 2000 ? `  (backlog drained in ${(drainMs / 1000).toFixed(0)} s)` : ''}`,
          );
        }
      }
    }
    // Latency without queueing: one connection, one request at a time, so a figure is how long
    // an answer takes, not how long it waits behind 15 others on two shared cores.
    console.log('one connection (latency without queueing):');
    for (const shape of shapes) {
      for (const name of SERVER_NAMES) {
        const key = `${shape.name}/${name}`;
        const load = (seconds: number) =>
          runLoad({ base: servers[name].base, connections: 1, seconds, headers: headers[name], build: (i) => shape.request(name, i), next: () => nextIndex[key]++ });
        await load(1);
        const result = await load(settings.latencySeconds);
        const fails = result.non2xx + result.errors;
        (oneConnection[shape.name] ??= {})[name] = {
          requestsPerSecond: Number(result.requestsPerSecond.toFixed(1)),
          p50Ms: result.latencyMs.p50,
          p99Ms: result.latencyMs.p99,
          failed: fails,
        };
        console.log(
          `  ${shape.name.padEnd(8)} ${name.padEnd(12)} ${result.requestsPerSecond.toFixed(1).padStart(8)} req/s  p50 ${result.latencyMs.p50} ms  p99 ${result.latencyMs.p99} ms${fails ? `  FAILED ${fails}` : ''}`,
        );
      }
    }
  } finally {
    await monitor.end();
    await waitsMonitor.end();
  }
  const peakRss = Object.fromEntries(SERVER_NAMES.map((n) => [n, peakRssMiB(servers[n].pid) ?? null])) as Record<ServerName, number | null>;
  await stopAll(servers);
  await db.drop();

  // Figures.
  const summaries: Partial<Record<ShapeName, Partial<Record<ServerName, Summary>>>> = {};
  for (const shape of shapes) {
    for (const name of SERVER_NAMES) (summaries[shape.name] ??= {})[name] = summarize(measurements[shape.name]![name]!);
  }
  const table = printTable(shapes, measurements, summaries, peakRss);
  const loadAverageEnd = os.loadavg();
  const durationSeconds = Math.round((performance.now() - t0) / 1000);
  console.log(
    `dataset: ${Object.entries(dataset.size).map(([k, v]) => `${v} ${k}`).join(', ')}\n` +
      `load average (1/5/15 min): start ${loadAverageStart.map((x) => x.toFixed(2)).join(' ')}, end ${loadAverageEnd.map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} cores; ${durationSeconds} s in all`,
  );

  if (settings.resultsDir) {
    const results = {
      date: startedAt.toISOString(),
      label: process.env.BENCH_LABEL ?? null,
      commit: (() => {
        try {
          return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_DIR, encoding: 'utf8' }).trim();
        } catch {
          return null;
        }
      })(),
      durationSeconds,
      settings: {
        seconds: settings.seconds,
        warmupSeconds: settings.warmupSeconds,
        rounds: settings.rounds,
        connections: settings.connections,
        poolSize: settings.poolSize,
        countRequests: settings.countRequests,
        scale: settings.scale,
        loadGenerator: `autocannon ${versionOf('autocannon')}, closed loop, in the bench process`,
      },
      machine: {
        cpu: os.cpus()[0]?.model,
        cores: os.cpus().length,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        kernel: os.release(),
        loadAverage: {
          start: loadAverageStart.map((x) => Number(x.toFixed(2))),
          end: loadAverageEnd.map((x) => Number(x.toFixed(2))),
          atEachRoundStart: loadAverageByRound,
          note: 'os.loadavg() 1/5/15 min. The machine is shared: other test suites may run at the same time, so absolute figures are noisy; compare ratios from the same run.',
        },
        postgres: postgres,
        node: { ours: process.version, raw: process.version, postgraphile: peers.node },
        versions: {
          postgraphile: peers.postgraphile,
          'postgraphile-plugin-connection-filter': peers.connectionFilter,
          '@apollo/server': versionOf('@apollo/server'),
          'type-graphql': versionOf('type-graphql'),
          'drizzle-orm': versionOf('drizzle-orm'),
          graphql: versionOf('graphql'),
          pg: versionOf('pg'),
        },
      },
      dataset: {
        ...dataset.size,
        asOfDate: dataset.asOfDate,
        asOfRowsPerStreet: { min: Math.min(...Object.values(dataset.asOfRows)), max: Math.max(...Object.values(dataset.asOfRows)) },
        searchTerms: dataset.searchTerms,
        loadSeconds: Number(dataset.loadSeconds.toFixed(1)),
      },
      ratios: Object.fromEntries(shapes.map((s) => [s.name, ratios(measurements[s.name] ?? {})])),
      oneConnection: {
        method: `After the rounds, each shape on each server with one connection: 1 s unmeasured, then ${settings.latencySeconds} s measured (autocannon, closed loop).`,
        ...oneConnection,
      },
      statementsPerRequest: {
        method:
          'Counted in an untimed pass: each server connects through a proxy that reads the PostgreSQL frontend protocol and counts simple Query and extended Execute messages (prepared statements included, BEGIN/COMMIT included); ' +
          `${settings.countRequests} sequential requests per shape after 2 unmeasured ones. Exact for what the server sends; pg_stat_statements is not loaded on this PostgreSQL.`,
        ...Object.fromEntries(shapes.map((s) => [s.name, Object.fromEntries(SERVER_NAMES.map((n) => [n, summaries[s.name]![n]!.statementsPerRequest]))])),
      },
      shapes: Object.fromEntries(
        shapes.map((s) => [s.name, { title: s.title, note: s.note ?? null, rowsAnswered: rowsAnswered[s.name] ?? null, asked: s.asked }]),
      ),
      servers: Object.fromEntries(
        SERVER_NAMES.map((n) => [
          n,
          {
            label: SERVER_LABELS[n],
            peakRssMiB: peakRss[n] === null ? null : Number(peakRss[n]!.toFixed(1)),
            shapes: Object.fromEntries(
              shapes.map((s) => [
                s.name,
                {
                  ...summaries[s.name]![n]!,
                  statementTexts: measurements[s.name]![n]!.statements?.texts.slice(0, 12) ?? [],
                  runs: measurements[s.name]![n]!.runs.map((r) => ({ round: r.round, ...r.load, served: r.served, cpuMs: r.cpuMs, dbCpuMs: r.dbCpuMs, dbWaits: r.dbWaits })),
                },
              ]),
            ),
          },
        ]),
      ),
      table,
    };
    const file = writeResults(settings.resultsDir, startedAt, process.env.BENCH_LABEL, results);
    console.log(`results: ${path.relative(process.cwd(), file)}`);
  }
});
