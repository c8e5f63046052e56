import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { enforcementDomains, organizations, powerItems } from '../drizzle/schema';
import { openDatabase } from '../api/db';
import { startServer } from '../api/server';
import { runAs, SYSTEM } from '../api/auth/actor';
import { getApp } from '../api/app';
import { userResource } from '../api/resources/user/user.resource';
import { startSession } from '../api/auth/session';

// `q` on power items over HTTP, as the admin's search box sends it, on BENCH_ITEMS items (20,000 by
// default) with trigram indexes. Prints the dataset, p50/p95 and the process's peak RSS.
// Run: npx tsx bench/search.ts   (DATABASE_URL=postgres://… measures PostgreSQL instead of PGlite;
// the database should be an empty one: the bench adds its items to it.)
const ITEMS = Number(process.env.BENCH_ITEMS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const TERMS = ['摆摊设点', '排放污水', '第1234', 'SRCH-0815', '城市道路管理条例', '烟花爆竹'];

async function main() {
  const database = await openDatabase({ url: process.env.DATABASE_URL });
  await database.migrate();
  const db = database.db;
  const [org] = await db.insert(organizations).values({ name: '基准县城市管理局', kind: 'DEPARTMENT' }).returning();
  const [domain] = await db.insert(enforcementDomains).values({ code: `BENCH-${Date.now()}`, name: `基准领域${Date.now()}` }).returning();
  const t0 = performance.now();
  await db.execute(sql`
    insert into ${powerItems} (code_scheme, code, name, category, domain_id, source_department_id, setting_basis)
    select 'BENCH-' || ${domain.id}, 'SRCH-' || lpad(n::text, 5, '0'),
           (array['对擅自占用城市道路摆摊设点的处罚','对违法排放污水的处罚','对销售不合格商品的处罚','对违规燃放烟花爆竹的处罚'])[1 + n % 4] || '（第' || n || '项）',
           'PENALTY', ${domain.id}, ${org.id},
           '《城市道路管理条例》第' || (n % 60) || '条；《测试条例》第' || n || '条'
    from generate_series(1, ${ITEMS}) n`);
  await db.execute(sql`vacuum analyze power_items`);
  const loaded = performance.now() - t0;

  const user = await runAs(SYSTEM, () => db.transaction((tx) => getApp().records.of(userResource).create(tx, { username: `bench-${Date.now()}`, role: 'VIEWER' })));
  const { token } = await startSession(db, user.id);
  const server = await startServer({ database, port: 0, host: '127.0.0.1', limits: { perMinute: 1_000_000 } });
  const ask = async (q: string) => {
    const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'query($q: String) { allPowerItems(filter: { q: $q }, perPage: 25) { id code name } _allPowerItemsMeta(filter: { q: $q }) { count } }', variables: { q } }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  for (const q of TERMS) await ask(q); // warm-up
  const samples: number[] = [];
  const byTerm = new Map<string, number[]>(TERMS.map((t) => [t, []]));
  for (let i = 0; i < ROUNDS; i++) {
    const term = TERMS[i % TERMS.length];
    const start = performance.now();
    await ask(term);
    samples.push(performance.now() - start);
    byTerm.get(term)!.push(performance.now() - start);
  }
  const p50 = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)].toFixed(1);
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))].toFixed(1);
  console.log(`database: ${database.driver}; dataset: ${ITEMS} power items (loaded and vacuumed in ${(loaded / 1000).toFixed(1)} s)`);
  console.log(`q (list of 25 + count), ${ROUNDS} requests over HTTP, terms ${TERMS.join(' / ')}`);
  console.log(`p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${samples[samples.length - 1].toFixed(1)} ms`);
  for (const [term, list] of byTerm) {
    const counted = (await db.execute(
      sql`select count(*)::int as n from ${powerItems} where name ilike ${`%${term}%`} or code ilike ${`%${term}%`} or setting_basis ilike ${`%${term}%`}`,
    )) as unknown as { rows: { n: number }[] };
    const n = counted.rows[0].n;
    console.log(`  ${term}: ${n} matches, p50 ${p50(list)} ms`);
  }
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  await server.stop();
  await database.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
