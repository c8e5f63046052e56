// The server in this process runs as `npm start` runs it: production mode, the same heap settings.
import '../api/production-mode';
import './harness/signing-key';
import os from 'node:os';
import { catalogXlsx, rosterXlsx } from './harness/catalog-workbook';
import { enforcementDomains, organizations } from '../drizzle/schema';
import { createBenchDatabase, describeServer } from './harness/bench-database';
import { runWithCleanup } from './harness/cleanup';
import { settings } from './harness/settings';
import { openDatabase } from '../api/db';
import { startServer } from '../api/server';
import { getApp } from '../api/app';
import { runAs, SYSTEM } from '../api/auth/actor';
import { userResource } from '../api/resources/user/user.resource';
import { startSession } from '../api/auth/session';
import { departments, domains, townships } from '../api/seed/data/organizations';
import { Client } from 'pg';
import { backendCpu, backendCpuDelta } from './harness/proc-stats';

// `node --expose-gc --import tsx bench/import.ts [pglite|postgres] [PowerItem|StaffMember]`: a
// committed import of BENCH_IMPORT_ROWS (10,000) lines from an .xlsx file, over HTTP, the server in
// this process, into a county with only its departments, streets and townships (short names
// included) and domains: power items (a catalog) or staff (a roster naming each person's street or
// township by its short or full name). Prints lines per second, this process's resident memory
// above idle (sampled every 50 ms; idle is after the server started and the file was built, a
// collection forced when --expose-gc allows), and how long a request waited while the import ran:
// a small read sent every 100 ms (on the embedded database the import's transaction holds the only
// connection, so a read waits for the import to let go of it).
// It counts the SQL statements sent and this process's CPU time, which a busy machine changes less
// than the wall time. `postgres` creates a database of its own on BENCH_DATABASE_URL's server and drops it after.

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);


interface Job {
  status: string;
  rowsTotal: number;
  created: number;
  errors?: { row: number; code: string; en: string }[];
  failure?: { en: string } | null;
}

async function main() {
  const engine = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
  const type = process.argv[3] === 'StaffMember' ? 'StaffMember' : 'PowerItem';
  const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  console.log(`Spreadsheet import of ${type} on ${engine}, ${os.cpus().length} cores, Node ${process.version}, load average ${load()} (1 / 5 / 15 min)`);
  let url: string | undefined;
  let drop = async () => {};
  /** The CPU of the PostgreSQL backends serving the bench database (PostgreSQL runs on this machine). */
  let databaseCpu: (() => Promise<Map<number, number>>) | undefined;
  let watcher: Client | undefined;
  if (engine === 'postgres') {
    console.log(`  PostgreSQL ${(await describeServer(settings.adminUrl)).version}`);
    const bench = await createBenchDatabase(settings.adminUrl);
    url = bench.url;
    watcher = new Client({ connectionString: settings.adminUrl });
    await watcher.connect();
    databaseCpu = () => backendCpu(watcher!, bench.name);
    drop = async () => {
      await watcher?.end();
      await bench.drop();
    };
  }
  let statements = 0;
  const database = await openDatabase({ url, onQuery: () => statements++ });
  await database.migrate();
  await database.db.insert(organizations).values(departments.map((d) => ({ name: d.name, kind: 'DEPARTMENT' as const })));
  await database.db.insert(organizations).values(townships.map((t) => ({ name: t.name, shortName: t.short, kind: t.name.endsWith('街道') ? ('STREET' as const) : ('TOWNSHIP' as const) })));
  await database.db.insert(enforcementDomains).values(domains.map((d) => ({ code: d.code, name: d.name })));
  const server = await startServer({ database, port: 0, host: '127.0.0.1', limits: { perMinute: 1_000_000 } });
  try {
    const admin = await runAs(SYSTEM, () => database.db.transaction((tx) => getApp().records.of(userResource).create(tx, { username: 'bench-admin', role: 'ADMIN' })));
    const { token } = await startSession(database.db, admin.id as number);
    const origin = `http://127.0.0.1:${server.port}`;
    const headers = { authorization: `Bearer ${token}` };
    const graphql = async (query: string) => {
      const res = await fetch(`${origin}/graphql`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      return ((await res.json()) as { data: Record<string, unknown> }).data;
    };
    const file = type === 'StaffMember' ? await rosterXlsx(ROWS, townships) : await catalogXlsx(ROWS, departments.map((d) => d.name), domains.map((d) => d.name));
    console.log(`  dataset: ${departments.length} departments, ${townships.length} streets and townships, ${domains.length} domains; file of ${ROWS} lines, ${(file.length / 1024).toFixed(0)} KiB`);
    (globalThis as { gc?: () => void }).gc?.();
    const idle = process.memoryUsage().rss;
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);

    const databaseCpuBefore = await databaseCpu?.();
    const statementsBefore = statements;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const res = await fetch(`${origin}/import/${type}?dryRun=false`, {
      method: 'POST',
      body: file,
      headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    if (res.status !== 202) throw new Error(`import refused: ${res.status} ${await res.text()}`);
    const { jobId } = (await res.json()) as { jobId: string };
    const accepted = (performance.now() - started) / 1000;
    // A read while the import runs, timed: the job's own status and a page of domains.
    const waits: number[] = [];
    let job: Job;
    for (;;) {
      const t = performance.now();
      const data = await graphql(`{ importJob(id: "${jobId}") { status rowsTotal created errors { row code en } failure { en } } allEnforcementDomains(perPage: 5) { id } }`);
      waits.push(performance.now() - t);
      job = data.importJob as Job;
      if (job.status === 'DONE' || job.status === 'FAILED') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const databaseSeconds = databaseCpuBefore && databaseCpu ? backendCpuDelta(databaseCpuBefore, await databaseCpu()) / 1000 : undefined;
    if (job.status !== 'DONE') throw new Error(`import ${job.status}: ${JSON.stringify(job.errors?.slice(0, 5) ?? job.failure)}`);
    waits.sort((a, b) => a - b);
    const at = (p: number) => waits[Math.min(waits.length - 1, Math.floor(p * waits.length))].toFixed(0);
    console.log(`  import of ${job.rowsTotal} lines (.xlsx, committed): ${seconds.toFixed(1)} s, ${(job.rowsTotal / seconds).toFixed(0)} lines/s, ${job.created} created`);
    // Under a shared machine's load the wall time varies; the statements and this process's CPU (all
    // of the database's too, on PGlite) per line vary much less.
    console.log(`  ${((statements - statementsBefore) / job.rowsTotal).toFixed(2)} statements per line (the reads sent meanwhile included); CPU of this process ${cpuSeconds.toFixed(1)} s, ${((cpuSeconds * 1000) / job.rowsTotal).toFixed(2)} ms per line`);
    if (databaseSeconds !== undefined) {
      console.log(
        `  CPU of the PostgreSQL backends ${databaseSeconds.toFixed(1)} s; both together ${(cpuSeconds + databaseSeconds).toFixed(1)} s, a lower bound of the wall time on two idle cores ${(Math.max(cpuSeconds, databaseSeconds, (cpuSeconds + databaseSeconds) / 2)).toFixed(1)} s`,
      );
    }
    console.log(`  resident memory: idle ${(idle / 2 ** 20).toFixed(0)} MB, peak during the import ${(peak / 2 ** 20).toFixed(0)} MB, ${((peak - idle) / 2 ** 20).toFixed(0)} MB above idle${(globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for a settled idle figure)'}`);
    console.log(`  the upload answered 202 after ${accepted.toFixed(1)} s; load average at the end ${load()}`);
    console.log(`  a read during the import (${waits.length} sent): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
  } finally {
    await server.stop(1000);
    await database.close();
    await drop();
  }
}

runWithCleanup(main);
