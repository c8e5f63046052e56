import { startTestServer } from '../test/helpers/test-server';
import { startServer } from '../api/server';
import { makeWorld } from '../test/helpers/fixtures';
import { ok } from '../test/helpers/operations';
(async () => {
  const t0 = Date.now();
  const log = (m: string) => console.log(((Date.now() - t0) / 1000).toFixed(1), m.slice(0, 300));
  const s = await startTestServer({});
  const plain = await startServer({ database: s.database, port: 0, host: '127.0.0.1', limits: { perMinute: 100_000 }, compiledReads: false });
  const world = await makeWorld(s);
  const { finding } = await world.supervision();
  log('setup');
  await ok(s, 'updateFinding', { id: finding, responsiblePerson: '张三丰', version: 1 }, 'id');
  log('updated finding');
  for (let i = 0; i < 6; i++) await world.org(world.unique('对比街道'), 'STREET', { parentId: world.township, region: '对比县' });
  log('orgs');
  const post = async (url: string, query: string, variables?: any) => {
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${s.adminToken}` }, body: JSON.stringify({ query, variables }) });
    return r.text();
  };
  const q = `{ allDelegations(perPage: 10, sortField: "id") { __typename id recipientId mode effectiveFrom effectiveTo createdAt updatedAt recipient { id name kind parent { id name } } catalog { id status effectiveFrom } powerItem { __typename name penaltyKinds domain { id name } } } }`;
  log('plain ' + (await post(`http://127.0.0.1:${plain.port}/graphql`, q)));
  log('fast ' + (await post(s.url, q)));
  await plain.stop(); await s.stop(); process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
