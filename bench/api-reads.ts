import { performance } from 'node:perf_hooks';
import { eq, inArray } from 'drizzle-orm';
import { delegationCatalogs, delegations, organizations, powerItems, users } from '../drizzle/schema';
import { openDatabase } from '../api/db';
import { seedDemo } from '../api/seed/seed';
import { startServer } from '../api/server';
import { startSession } from '../api/auth/session';

// Reads a third-party client makes most, measured over HTTP against the real server.
// Dataset: the demo county plus BENCH_ITEMS synthetic power items, each delegated to every one of
// the 22 streets and townships in one published catalog (BENCH_ITEMS × 22 delegations).
// Run: npx tsx bench/api-reads.ts   (DATABASE_URL=postgres://… to measure PostgreSQL instead of PGlite)
const ITEMS = Number(process.env.BENCH_ITEMS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(1);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${s[s.length - 1].toFixed(1)} ms`;
}

async function main() {
  let statements = 0;
  const database = await openDatabase({ url: process.env.DATABASE_URL, onQuery: () => statements++ });
  await database.migrate();
  const db = database.db;
  await seedDemo(db);

  const t0 = performance.now();
  const towns = await db.select({ id: organizations.id }).from(organizations).where(
    inArray(organizations.kind, ['STREET', 'TOWNSHIP']),
  );
  const [department] = await db.select().from(organizations).where(eq(organizations.name, '镇平县城市管理局'));
  const [template] = await db.select().from(powerItems).limit(1);
  const [government] = await db.select().from(organizations).where(eq(organizations.code, '411324-G00'));
  const [catalog] = await db
    .insert(delegationCatalogs)
    .values({ title: '基准测试目录', issuingOrganizationId: government.id, effectiveFrom: '2024-01-01', status: 'PUBLISHED', documentNumber: 'BENCH-1', issuedOn: '2023-12-01' })
    .returning();
  for (let start = 0; start < ITEMS; start += 500) {
    const batch = Array.from({ length: Math.min(500, ITEMS - start) }, (_, i) => ({
      ...template,
      id: undefined,
      code: `BENCH-${start + i}`,
      name: `基准事项 ${start + i}`,
      parentId: null,
    }));
    const items = await db.insert(powerItems).values(batch).returning({ id: powerItems.id });
    const rows = items.flatMap((item) =>
      towns.map((t) => ({
        catalogId: catalog.id,
        powerItemId: item.id,
        recipientId: t.id,
        delegatingOrganizationId: department.id,
        mode: 'GRANTED' as const,
        effectiveFrom: '2024-01-01',
      })),
    );
    for (let i = 0; i < rows.length; i += 2000) await db.insert(delegations).values(rows.slice(i, i + 2000));
  }
  console.log(`dataset: ${ITEMS} extra power items, ${ITEMS * towns.length} extra delegations (${(performance.now() - t0).toFixed(0)} ms to load)`);

  // Reads need a caller: the demo administrator, signed in as a client would be. The rate limit is
  // lifted so the rounds measure the reads, not the limiter's refusals.
  const server = await startServer({ database, port: 0, host: '127.0.0.1', limits: { perMinute: 1_000_000 } });
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
  const { token } = await startSession(db, admin.id);
  const post = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  const measure = async (label: string, query: string, variables: Record<string, unknown>) => {
    await post(query, variables); // warm up
    const samples: number[] = [];
    statements = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      await post(query, query.includes('$page') ? { ...variables, page: i % 20 } : variables);
      samples.push(performance.now() - t);
    }
    console.log(`${label}: ${stats(samples)}; ${(statements / ROUNDS).toFixed(1)} SQL statements per request`);
  };

  await measure(
    'allDelegations, 100 rows with recipient, powerItem{domain}, catalog',
    `query($page: Int) { allDelegations(page: $page, perPage: 100, sortField: "effectiveFrom", filter: { mode: GRANTED }) {
      id mode effectiveFrom recipient { id name } powerItem { id name domain { name } } catalog { id status } }
      _allDelegationsMeta(filter: { mode: GRANTED }) { count } }`,
    {},
  );
  await measure('allPowerItems q search, 50 rows', `query($page: Int) { allPowerItems(page: $page, perPage: 50, filter: { q: "事项" }) { id name code } }`, {});
  await measure(
    `delegationsAsOf one street (~${ITEMS} rows)`,
    `query($org: ID!) { delegationsAsOf(organizationId: $org, date: "2024-06-01") { id powerItem { name } } }`,
    { org: String(towns[0].id) },
  );
  const mem = process.memoryUsage();
  console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB (server and embedded database in one process)`);
  await server.stop();
  await database.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
