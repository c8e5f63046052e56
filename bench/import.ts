import './harness/signing-key';
import os from 'node:os';
import ExcelJS from 'exceljs';
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
import { departments, domains } from '../api/seed/data/organizations';

// `npx tsx bench/import.ts [pglite|postgres]`: a committed import of BENCH_IMPORT_ROWS (10,000)
// power items from an .xlsx file into a county with only its departments and domains, over HTTP,
// the server in this process. Prints lines per second, and how long a request waited while the
// import ran: a small read sent every 100 ms (on the embedded database the import's transaction
// holds the only connection, so a read waits for the import to let go of it).
// It counts the SQL statements sent and this process's CPU time, which a busy machine changes less
// than the wall time. `postgres` creates a database of its own on BENCH_DATABASE_URL's server and drops it after.

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const CATEGORIES = ['行政处罚', '行政检查', '行政强制'];
const CONDUCT = ['擅自占用城市道路', '违规排放污水', '无证经营', '违法堆放物料', '露天焚烧', '违规设置户外广告', '噪声扰民', '违规运输渣土'];

async function catalogXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('执法事项');
  sheet.addRow(['编码规则', '事项编码', '事项名称', '事项类别', '执法领域', '划出部门', '法律依据', '备注']);
  for (let i = 0; i < ROWS; i++) {
    const category = CATEGORIES[i % CATEGORIES.length];
    const ending = category === '行政处罚' ? '的处罚' : category === '行政检查' ? '情况的检查' : '的查封、扣押';
    sheet.addRow([
      '基准导入编码',
      `BI-${String(i + 1).padStart(5, '0')}`,
      `对${CONDUCT[i % CONDUCT.length]}（第${i + 1}项）${ending}`,
      category,
      domains[i % domains.length].name,
      departments[i % departments.length].name,
      `《某某管理条例》第${(i % 90) + 1}条`,
      i % 3 ? null : '限建成区范围内',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface Job {
  status: string;
  rowsTotal: number;
  created: number;
  errors?: { row: number; code: string; en: string }[];
  failure?: { en: string } | null;
}

async function main() {
  const engine = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
  console.log(`Spreadsheet import on ${engine}, ${os.cpus().length} cores, Node ${process.version}, load ${os.loadavg()[0].toFixed(1)}`);
  let url: string | undefined;
  let drop = async () => {};
  if (engine === 'postgres') {
    console.log(`  PostgreSQL ${(await describeServer(settings.adminUrl)).version}`);
    const bench = await createBenchDatabase(settings.adminUrl);
    url = bench.url;
    drop = bench.drop;
  }
  let statements = 0;
  const database = await openDatabase({ url, onQuery: () => statements++ });
  await database.migrate();
  await database.db.insert(organizations).values(departments.map((d) => ({ name: d.name, kind: 'DEPARTMENT' as const })));
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
    const file = await catalogXlsx();
    console.log(`  dataset: ${departments.length} departments, ${domains.length} domains; file of ${ROWS} lines, ${(file.length / 1024).toFixed(0)} KiB`);

    const statementsBefore = statements;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const res = await fetch(`${origin}/import/PowerItem?dryRun=false`, {
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
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    if (job.status !== 'DONE') throw new Error(`import ${job.status}: ${JSON.stringify(job.errors?.slice(0, 5) ?? job.failure)}`);
    waits.sort((a, b) => a - b);
    const at = (p: number) => waits[Math.min(waits.length - 1, Math.floor(p * waits.length))].toFixed(0);
    console.log(`  import of ${job.rowsTotal} lines (.xlsx, committed): ${seconds.toFixed(1)} s, ${(job.rowsTotal / seconds).toFixed(0)} lines/s, ${job.created} created`);
    // Under a shared machine's load the wall time varies; the statements and this process's CPU (all
    // of the database's too, on PGlite) per line vary much less.
    console.log(`  ${((statements - statementsBefore) / job.rowsTotal).toFixed(2)} statements per line (the reads sent meanwhile included); CPU of this process ${cpuSeconds.toFixed(1)} s, ${((cpuSeconds * 1000) / job.rowsTotal).toFixed(2)} ms per line`);
    console.log(`  the upload answered 202 after ${accepted.toFixed(1)} s`);
    console.log(`  a read during the import (${waits.length} sent): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
  } finally {
    await server.stop(1000);
    await database.close();
    await drop();
  }
}

runWithCleanup(main);
