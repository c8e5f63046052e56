import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gql, login, runScript, startProduct } from '../helpers/product-process';

// What `npm start` does for a new user: the embedded database in a data directory, migrated and
// seeded on first start, kept across restarts, closed cleanly on SIGTERM and SIGINT.
const dataDir = mkdtempSync(path.join(tmpdir(), 'data-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const COUNT = '{ _allOrganizationsMeta { count } }';

it('seeds on first start, keeps data across a SIGTERM restart, and stops cleanly on SIGINT', async () => {
  const first = await startProduct({ DATA_DIR: dataDir });
  expect(first.output()).toMatch(/Seeded the demo county/);
  expect((await gql(first.base, COUNT)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  const token = await login(first.base, 'admin', 'demo'); // the demo account of the README
  expect((await gql(first.base, COUNT, token)).data._allOrganizationsMeta.count).toBe(60);
  expect(await (await fetch(`${first.base}/healthz`)).json()).toEqual({ status: 'ok', database: 'pglite' });
  expect(await (await fetch(`${first.base}/`)).text()).toMatch(/综合行政执法/);
  const anonymous = await gql(first.base, 'mutation { createOrganization(name: "重启测试街道", kind: STREET) { id } }');
  expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  const created = await gql(first.base, 'mutation { createOrganization(name: "重启测试街道", kind: STREET) { id } }', token);
  expect(created.errors).toBeUndefined();
  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);

  const second = await startProduct({ DATA_DIR: dataDir });
  expect(second.output()).not.toMatch(/Seeded/);
  // The signing key was kept in the data directory: the session survives the restart.
  expect((await gql(second.base, COUNT, token)).data._allOrganizationsMeta.count).toBe(61);
  const found = await gql(second.base, '{ allOrganizations(filter: { name: "重启测试街道" }) { id } }', token);
  expect(found.data.allOrganizations).toEqual([{ id: created.data.createOrganization.id }]);
  second.child.kill('SIGINT');
  expect(await second.exited).toBe(0);
});

it('starts empty with SEED=none, and takes the vacancy cap and the training minimum from configuration', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'empty-'));
  try {
    // No account exists until the documented command creates the first administrator.
    const out = runScript('api/scripts/create-user.ts', ['root', 'ADMIN'], { DATA_DIR: dir, NEW_USER_PASSWORD: 'first-admin-2026' });
    expect(out).toMatch(/Created ADMIN account "root"/);
    const empty = await startProduct({ DATA_DIR: dir, SEED: 'none', VACANCY_RATE_CAP: '0.5', PROFESSIONAL_LAW_HOURS_MIN: '12' });
    const demo = await gql(empty.base, 'mutation { login(username: "admin", password: "demo") { token } }');
    expect(demo.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED'); // no demo accounts without demo data
    const token = await login(empty.base, 'root', 'first-admin-2026');
    expect((await gql(empty.base, COUNT, token)).data._allOrganizationsMeta.count).toBe(0);
    const run = async (query: string) => {
      const res = await gql(empty.base, query, token);
      expect(res.errors).toBeUndefined();
      return res.data;
    };
    const org = (await run('mutation { createOrganization(name: "配置测试镇", kind: TOWNSHIP) { id } }')).createOrganization.id;
    const person = (await run(`mutation { createStaffMember(name: "配置测试员", organizationId: "${org}", category: ADMINISTRATIVE) { id } }`)).createStaffMember.id;
    await run(`mutation { createPosting(staffMemberId: "${person}", organizationId: "${org}", post: LEGAL_REVIEW, startedOn: "2024-01-01") { id } }`);
    const year = new Date().getFullYear();
    // 2 of 3 places vacant (66.7%) is above a 50% cap; 1 of 2 (50%) is not.
    const quota = `{ vacancyRate aboveVacancyCap }`;
    const three = await run(`mutation { createStaffingQuota(organizationId: "${org}", category: ADMINISTRATIVE, year: ${year}, approvedCount: 3) ${quota} }`);
    expect(three.createStaffingQuota).toEqual({ vacancyRate: 0.6667, aboveVacancyCap: true });
    const two = await run(`mutation { createStaffingQuota(organizationId: "${org}", category: ADMINISTRATIVE, year: ${year - 1}, approvedCount: 2) ${quota} }`);
    expect(two.createStaffingQuota).toEqual({ vacancyRate: 0.5, aboveVacancyCap: false });
    const hours = await run(`{ trainingHours(year: ${year}) { requiredProfessionalLawHours meetsProfessionalLawMinimum } }`);
    expect(hours.trainingHours).toEqual([{ requiredProfessionalLawHours: 12, meetsProfessionalLawMinimum: false }]);
    await run('mutation { createSystemParameter(key: PASSWORD_MIN_LENGTH, value: 20) { id } }');
    empty.child.kill('SIGTERM');
    expect(await empty.exited).toBe(0);
    // The command line checks a password by the policy as stored (参数设置), not by the default.
    expect(() => runScript('api/scripts/create-user.ts', ['zhao', 'VIEWER'], { DATA_DIR: dir, NEW_USER_PASSWORD: 'county-admin-2026' })).toThrow(/20/);
    expect(runScript('api/scripts/create-user.ts', ['zhao', 'VIEWER'], { DATA_DIR: dir, NEW_USER_PASSWORD: 'county-administrator-2026' })).toMatch(/Created VIEWER account "zhao"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
