import { startTestServer, type TestServer } from '../helpers/test-server';
import { ok } from '../helpers/operations';

// Background jobs: on PostgreSQL a pg-boss queue in the database, on PGlite the same interface in
// process; either way a job queued by an instance that stops before running it is run later by
// another, and several instances share the work.
let owner: TestServer;

beforeAll(async () => {
  // The owner of the database runs no jobs: only the instances the tests start do.
  owner = await startTestServer({ jobs: { work: false } });
  await ok(owner, 'createEnforcementDomain', { code: 'URBAN', name: '城市管理' });
});
afterAll(() => owner?.stop());

const csv = (codes: string[]) => `名称,领域代码\n${codes.map((c) => `领域${c},${c}`).join('\n')}\n`;

async function queue(server: TestServer, codes: string[]): Promise<string> {
  const res = await fetch(`${server.url.replace(/\/graphql$/, '')}/import/EnforcementDomain?dryRun=false`, {
    method: 'POST',
    body: csv(codes),
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${server.adminToken}` },
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { jobId: string }).jobId;
}

const status = async (id: string) => ok(owner, 'importJob', { id }, 'status rowsTotal rowsDone created errors { code }');

async function settled(id: string) {
  for (let i = 0; i < 300; i++) {
    const job = await status(id);
    if (job.status === 'DONE' || job.status === 'FAILED') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

it('runs a job queued by an instance that stopped before running it', async () => {
  const queuing = await startTestServer({ sharing: owner, jobs: { work: false } });
  const id = await queue(queuing, ['R1', 'R2']);
  await queuing.stop();
  // No instance works yet: the job waits, in the database.
  await new Promise((r) => setTimeout(r, 1500));
  expect(await status(id)).toMatchObject({ status: 'QUEUED', rowsDone: 0 });
  const worker = await startTestServer({ sharing: owner });
  try {
    expect(await settled(id)).toEqual({ status: 'DONE', rowsTotal: 2, rowsDone: 2, created: 2, errors: [] });
    const { count } = await ok(owner, '_allEnforcementDomainsMeta', { filter: { q: '领域R' } }, 'count');
    expect(count).toBe(2);
  } finally {
    await worker.stop();
  }
});

it('shares the jobs of several instances, each run once', async () => {
  const a = await startTestServer({ sharing: owner });
  const b = await startTestServer({ sharing: owner });
  try {
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => queue(i % 2 ? a : b, [`S${i}a`, `S${i}b`, `S${i}c`])));
    for (const id of ids) expect(await settled(id)).toMatchObject({ status: 'DONE', created: 3, errors: [] });
    const { count } = await ok(owner, '_allEnforcementDomainsMeta', { filter: { q: '领域S' } }, 'count');
    expect(count).toBe(18);
    const listed = await ok(owner, 'importJobs', { resource: 'EnforcementDomain', perPage: 100 }, 'id status');
    expect(listed.map((j: { id: string }) => j.id)).toEqual(expect.arrayContaining(ids));
    expect(await ok(owner, 'importJobCount', { resource: 'EnforcementDomain' })).toBe(7);
  } finally {
    await a.stop();
    await b.stop();
  }
});
