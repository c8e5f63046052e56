// The server in this process runs as `npm start` runs it: production mode, the same heap settings.
import '../api/production-mode';
import './harness/signing-key';
import os from 'node:os';
import { catalogXlsx } from './harness/catalog-workbook';
import { createBenchDatabase, describeServer } from './harness/bench-database';
import { runWithCleanup } from './harness/cleanup';
import { loadDataset } from './harness/dataset';
import { settings } from './harness/settings';
import { openDatabase } from '../api/db';
import { startServer } from '../api/server';
import { getApp } from '../api/app';
import { runAs, SYSTEM } from '../api/auth/actor';
import { userResource } from '../api/resources/user/user.resource';
import { startSession } from '../api/auth/session';
import { departments, domains } from '../api/seed/data/organizations';

// `npx tsx bench/import-export.ts`: the spreadsheet endpoints on the generated county (see
// harness/dataset.ts), on this machine's PostgreSQL: an import of 10,000 power items from an
// .xlsx file (committed, so every line goes through the record's rules and audit), then the export
// of every delegation (100,000 at full scale) as .xlsx and as .csv. The server runs in this process,
// so its resident memory is read here, sampled every 20 ms; "above idle" is measured from the
// process at rest with the server started, the county loaded and the file built.

const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);

const mib = (bytes: number) => bytes / 1024 / 1024;

interface BenchJob {
  status: string;
  rowsTotal: number;
  created: number;
  updated: number;
  unchanged: number;
  errors?: { row: number; code: string; en: string }[];
  failure?: { en: string } | null;
}

/**
 * Peak resident memory while `run` runs, sampled every 20 ms, with what the process's figures said
 * at that peak: the JavaScript heap in use and the memory outside it (Buffers, zlib), which say
 * where a peak comes from.
 */
async function measured<T>(run: () => Promise<T>): Promise<{ result: T; seconds: number; peakMiB: number; atPeak: string }> {
  let peak = process.memoryUsage();
  const sample = () => {
    const now = process.memoryUsage();
    if (now.rss > peak.rss) peak = now;
  };
  const timer = setInterval(sample, 20);
  const t = performance.now();
  try {
    const result = await run();
    sample();
    const atPeak = `heap used ${mib(peak.heapUsed).toFixed(0)} MiB of ${mib(peak.heapTotal).toFixed(0)}, external ${mib(peak.external).toFixed(0)} MiB`;
    return { result, seconds: (performance.now() - t) / 1000, peakMiB: mib(peak.rss), atPeak };
  } finally {
    clearInterval(timer);
  }
}


async function main() {
  console.log(`Spreadsheet import and export on ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);
  console.log(`  PostgreSQL ${(await describeServer(settings.adminUrl)).version}`);
  const bench = await createBenchDatabase(settings.adminUrl);
  const database = await openDatabase({ url: bench.url });
  await database.migrate();
  const dataset = await loadDataset(bench.url, settings.scale);
  console.log(`  dataset: ${JSON.stringify(dataset.size)} (loaded in ${dataset.loadSeconds.toFixed(1)} s)`);

  const server = await startServer({ database, port: 0, host: '127.0.0.1', limits: { perMinute: 1_000_000 } });
  try {
    const admin = await runAs(SYSTEM, () => database.db.transaction((tx) => getApp().records.of(userResource).create(tx, { username: 'bench-admin', role: 'ADMIN' })));
    const { token } = await startSession(database.db, admin.id);
    const origin = `http://127.0.0.1:${server.port}`;
    const headers = { authorization: `Bearer ${token}` };

    const file = await catalogXlsx(
      IMPORT_ROWS,
      departments.map((d) => d.name),
      domains.map((d) => d.name),
    );
    global.gc?.();
    await new Promise((r) => setTimeout(r, 500));
    const idle = mib(process.memoryUsage.rss());
    console.log(`  idle RSS (server up, county loaded, ${(file.length / 1024).toFixed(0)} KiB file built): ${idle.toFixed(0)} MiB`);

    // BENCH_IMPORT_ROWS=0 skips the import, so an export is measured from the idle process alone.
    const imported = await measured(async () => {
      if (!IMPORT_ROWS) return undefined;
      const res = await fetch(`${origin}/import/PowerItem?dryRun=false`, {
        method: 'POST',
        body: file,
        headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      });
      if (res.status !== 202) throw new Error(`import refused: ${res.status} ${await res.text()}`);
      const { jobId } = (await res.json()) as { jobId: string };
      for (;;) {
        const answer = await fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ query: `{ importJob(id: "${jobId}") { status rowsTotal created updated unchanged errors { row code en } failure { en } } }` }),
        });
        const job = ((await answer.json()) as { data: { importJob: BenchJob } }).data.importJob;
        if (job.status === 'DONE' || job.status === 'FAILED') return job;
        await new Promise((r) => setTimeout(r, 200));
      }
    });
    const job = imported.result;
    if (job && job.status !== 'DONE') throw new Error(`import ${job.status}: ${JSON.stringify(job.errors?.slice(0, 5) ?? job.failure)}`);

    const exports: Record<string, { seconds: number; peakMiB: number; atPeak: string; bytes: number; rows: number }> = {};
    // One format per run (`BENCH_EXPORT_FORMATS=csv`) measures it alone: RSS seldom shrinks after a peak.
    for (const format of (process.env.BENCH_EXPORT_FORMATS ?? 'xlsx,csv').split(',') as ('xlsx' | 'csv')[]) {
      const run = await measured(async () => {
        const res = await fetch(`${origin}/export/Delegation?format=${format}`, { headers });
        if (!res.ok || !res.body) throw new Error(`export refused: ${res.status}`);
        let bytes = 0;
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
        return bytes;
      });
      exports[format] = { seconds: run.seconds, peakMiB: run.peakMiB, atPeak: run.atPeak, bytes: run.result, rows: dataset.size.delegations };
    }

    console.log('');
    if (job) {
      console.log(
        `  import of ${job.rowsTotal} power items (.xlsx, committed): ${imported.seconds.toFixed(1)} s, ${job.created} created; peak RSS ${imported.peakMiB.toFixed(0)} MiB (${(imported.peakMiB - idle).toFixed(0)} MiB above idle; ${imported.atPeak})`,
      );
    }
    for (const [format, e] of Object.entries(exports)) {
      console.log(
        `  export of ${e.rows} delegations (.${format}): ${e.seconds.toFixed(1)} s, ${(e.bytes / 1024 / 1024).toFixed(1)} MiB; peak RSS ${e.peakMiB.toFixed(0)} MiB (${(e.peakMiB - idle).toFixed(0)} MiB above idle; ${e.atPeak})`,
      );
    }
    console.log(`  load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min)`);
  } finally {
    await server.stop(1000);
    await database.close();
    await bench.drop();
  }
}

runWithCleanup(main);
