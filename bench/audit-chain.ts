import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { organizations } from '../drizzle/schema';
import { openDatabase } from '../api/db';
import { appendAuditEntries, AUDIT_HASH, verifyAuditChain } from '../api/crud/audit-chain';
import { createBenchDatabase } from './harness/bench-database';
import { runWithCleanup } from './harness/cleanup';

// What the audit chain's head lock costs on PostgreSQL. Writers append entries in transactions that
// hold the head row locked for HOLD_MS after appending (a write with more to do before it commits);
// readers meanwhile read records and the audit trail. Prints the reads' latency with the writers
// idle and busy (the lock must not serialize them), the writers' throughput alone and side by side,
// and how long verifying the whole chain takes.
// Run: npx tsx bench/audit-chain.ts   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 20_000);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 4);
const READERS = Number(process.env.BENCH_READERS ?? 4);
const HOLD_MS = Number(process.env.BENCH_HOLD_MS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

const entry = (i: number) => ({ actorKind: 'USER', actorId: 1, actorName: 'bench', operation: 'update', resource: 'Organization', recordId: i, changes: { name: [`旧${i}`, `新${i}`] }, via: null });
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] : NaN);
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  const bench = await createBenchDatabase(ADMIN_URL);
  const database = await openDatabase({ url: bench.url });
  await database.migrate();
  const db = database.db;
  await db.execute(sql`insert into ${organizations} (name, kind) select '基准街道' || n, 'STREET' from generate_series(1, 200) n`);
  for (let i = 0; i < ENTRIES; i += 1000) {
    await db.transaction((tx) => appendAuditEntries(tx, Array.from({ length: Math.min(1000, ENTRIES - i) }, (_, k) => entry(i + k))));
  }
  await db.execute(sql`vacuum analyze`);

  const until = () => performance.now() + SECONDS * 1000;
  async function readers(): Promise<number[]> {
    const end = until();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: READERS }, async (_, r) => {
        while (performance.now() < end) {
          const t = performance.now();
          await db.execute(sql`select id, name from organizations order by id limit 50`);
          await db.execute(sql`select id, actor_name, operation from audit_entries where resource = 'Organization' and record_id = ${r} order by id`);
          times.push(performance.now() - t);
        }
      }),
    );
    return times;
  }
  async function writers(n: number): Promise<number> {
    const end = until();
    let written = 0;
    await Promise.all(
      Array.from({ length: n }, async () => {
        while (performance.now() < end) {
          await db.transaction(async (tx) => {
            await appendAuditEntries(tx, [entry(written)]);
            await tx.execute(sql`select pg_sleep(${HOLD_MS / 1000})`);
          });
          written++;
        }
      }),
    );
    return written / SECONDS;
  }

  const idle = await readers();
  const [busy, perSecond] = await Promise.all([readers(), writers(WRITERS)]);
  const alone = await writers(1);
  const t = performance.now();
  const report = await verifyAuditChain(db);
  const verifyMs = performance.now() - t;

  console.log(`Dataset: ${ENTRIES} audit entries (${AUDIT_HASH}), 200 organizations; PostgreSQL ${bench.name}; pool 10`);
  console.log(`Readers: ${READERS} loops (a list of records and one record's history), ${SECONDS} s each run`);
  console.log(`  writers idle:  ${idle.length} reads, p50 ${ms(pct(idle, 0.5))}, p95 ${ms(pct(idle, 0.95))}`);
  console.log(`  ${WRITERS} writers busy: ${busy.length} reads, p50 ${ms(pct(busy, 0.5))}, p95 ${ms(pct(busy, 0.95))}`);
  console.log(`Writers (each transaction holds the head ${HOLD_MS} ms after appending): 1 alone ${alone.toFixed(1)}/s; ${WRITERS} side by side ${perSecond.toFixed(1)}/s in all (serialized by the head, as meant)`);
  console.log(`verifyAuditChain over ${report.checked} entries: ${ms(verifyMs)}, ok ${report.ok}`);
  await database.close();
  await bench.drop();
}

runWithCleanup(main);
