import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { onlyError, refusal, fieldErrors, refused } from '../helpers/expect-errors';
import { inFlightTogether } from '../helpers/in-flight';
import { databaseRefusal } from '../../api/database-errors';

// Each rule of the record, refused with BAD_USER_INPUT (or NOT_FOUND / CONFLICT) naming the field
// in Chinese and English, and each refusal leaves every table exactly as it was.
const { server, world } = withWorld();

const delegationArgs = () => ({
  catalogId: world.catalog,
  powerItemId: world.powerItem,
  recipientId: world.township,
  delegatingOrganizationId: world.department,
  mode: 'ENTRUSTED',
  effectiveFrom: '2021-06-01',
});

describe('required fields and lengths', () => {
  it('refuses a missing or blank required field', async () => {
    expect(fieldErrors(await refused(server, 'createOrganization', { name: '   ', kind: 'STREET' }))).toEqual({ name: 'required' });
    expect(fieldErrors(await refused(server, 'updateOrganization', { id: world.street, name: null }))).toEqual({ name: 'required' });
  });

  it('reports every bad field at once', async () => {
    const res = await refused(server, 'createPowerItem', {
      codeScheme: '测试编码',
      code: 'X'.repeat(65),
      name: '',
      category: 'PENALTY',
      domainId: world.domain,
      sourceDepartmentId: world.department,
      settingBasis: '依据',
    });
    expect(fieldErrors(res)).toEqual({ code: 'maxLength', name: 'required' });
    expect(onlyError(res).message).toMatch(/事项编码不能超过 64 个字.*Item code must be at most 64 characters/);
  });

  it('counts characters, not bytes: 100 Chinese characters fit a 100-character name', async () => {
    const name = '街'.repeat(100);
    const created = await ok(server, 'createOrganization', { name, kind: 'STREET' }, 'id name');
    expect(created.name).toBe(name);
    expect(fieldErrors(await refused(server, 'createOrganization', { name: name + '道', kind: 'STREET' }))).toEqual({ name: 'maxLength' });
  });
});

describe('enum values and dates', () => {
  it('refuses an unknown enum value with the argument named', async () => {
    const res = await refused(server, 'createOrganization', { name: '某街道', kind: 'CITY' });
    expect(fieldErrors(res)).toEqual({ kind: 'type' });
  });

  it('refuses an impossible date', async () => {
    const res = await refused(server, 'createDelegationCatalog', {
      title: '目录',
      issuingOrganizationId: world.government,
      effectiveFrom: '2021-02-30',
    });
    expect(fieldErrors(res)).toEqual({ effectiveFrom: 'type' });
  });

  it('refuses effectiveTo before effectiveFrom, on create and on update', async () => {
    expect(fieldErrors(await refused(server, 'createDelegation', { ...delegationArgs(), effectiveTo: '2021-05-31' }))).toEqual({
      effectiveTo: 'range',
    });
    expect(fieldErrors(await refused(server, 'updateDelegation', { id: world.delegation, effectiveTo: '2020-01-01' }))).toEqual({
      effectiveTo: 'range',
    });
    // The same day is a one-day delegation, which is allowed.
    const same = await ok(server, 'updateDelegation', { id: world.delegation, effectiveTo: '2021-06-01' }, 'effectiveTo');
    expect(same.effectiveTo).toBe('2021-06-01');
    await ok(server, 'updateDelegation', { id: world.delegation, effectiveTo: null });
  });

  it('refuses a delegation that starts before its catalog takes effect', async () => {
    expect(fieldErrors(await refused(server, 'createDelegation', { ...delegationArgs(), effectiveFrom: '2021-05-31' }))).toEqual({
      effectiveFrom: 'range',
    });
  });
});

describe('unique codes', () => {
  it('refuses a code already used by another organization, but lets a record keep its own', async () => {
    const [{ code }] = await ok(server, 'allOrganizations', { filter: { ids: [world.street] } }, 'code');
    const res = await refused(server, 'createOrganization', { name: '重复', kind: 'STREET', code: ` ${code} ` });
    expect(fieldErrors(res)).toEqual({ code: 'unique' });
    expect(onlyError(res).extensions!.fieldErrors[0].zh).toContain(code);
    await ok(server, 'updateOrganization', { id: world.street, code, name: '测试街道' });
  });

  it('refuses a power item code twice within one scheme, and allows it in another scheme', async () => {
    const [item] = await ok(server, 'allPowerItems', { filter: { ids: [world.powerItem] } }, 'code codeScheme');
    const base = {
      code: item.code,
      name: '同码事项',
      category: 'INSPECTION',
      domainId: world.domain,
      sourceDepartmentId: world.department,
      settingBasis: '依据',
    };
    expect(fieldErrors(await refused(server, 'createPowerItem', { ...base, codeScheme: item.codeScheme }))).toEqual({ code: 'unique' });
    await ok(server, 'createPowerItem', { ...base, codeScheme: '河南省编码' });
  });

  it('refuses the same power item delegated twice to one street in one catalog', async () => {
    const res = await refused(server, 'createDelegation', { ...delegationArgs(), recipientId: world.street });
    expect(fieldErrors(res)).toEqual({ recipientId: 'unique' });
  });
});

describe('who may delegate to whom', () => {
  it('refuses a recipient that is not a street or township', async () => {
    for (const recipientId of [world.department, world.vertical, world.government]) {
      const res = await refused(server, 'createDelegation', { ...delegationArgs(), recipientId });
      expect(fieldErrors(res)).toEqual({ recipientId: 'kind' });
      expect(onlyError(res).extensions!.fieldErrors[0].zh).toMatch(/应为街道或乡镇/);
    }
  });

  it('refuses a delegating organization that is not a department or vertical unit', async () => {
    for (const delegatingOrganizationId of [world.street, world.government]) {
      const res = await refused(server, 'createDelegation', { ...delegationArgs(), delegatingOrganizationId });
      expect(fieldErrors(res)).toEqual({ delegatingOrganizationId: 'kind' });
    }
    // A vertical unit may delegate (a power it holds itself).
    const item = await ok(server, 'createPowerItem', {
      codeScheme: '测试编码', code: world.unique('03-HB-'), name: '对违法排放大气污染物的处罚', category: 'PENALTY', domainId: world.domain, sourceDepartmentId: world.vertical, settingBasis: '《大气污染防治法》',
    });
    const d = await ok(server, 'createDelegation', { ...delegationArgs(), powerItemId: item.id, delegatingOrganizationId: world.vertical });
    await ok(server, 'deleteDelegation', { id: d.id });
  });

  it('refuses to change an existing delegation’s recipient to a department', async () => {
    expect(fieldErrors(await refused(server, 'updateDelegation', { id: world.delegation, recipientId: world.department }))).toEqual({
      recipientId: 'kind',
    });
  });

  it('refuses a reference to a record that does not exist', async () => {
    expect(fieldErrors(await refused(server, 'createDelegation', { ...delegationArgs(), powerItemId: '999999' }))).toEqual({
      powerItemId: 'reference',
    });
  });

  it('refuses penalty kinds on an item that is not a penalty, and a source that is a street', async () => {
    const res = await refused(server, 'createPowerItem', {
      codeScheme: '测试编码',
      code: world.unique('06-'),
      name: '检查事项',
      category: 'INSPECTION',
      domainId: world.domain,
      sourceDepartmentId: world.street,
      settingBasis: '依据',
      penaltyKinds: ['FINE'],
    });
    expect(fieldErrors(res)).toEqual({ penaltyKinds: 'category', sourceDepartmentId: 'kind' });
  });
});

describe('trees', () => {
  it('refuses to make an organization its own ancestor', async () => {
    const parent = await world.org('公安局', 'DEPARTMENT');
    const child = await world.org('派出所', 'OTHER', { parentId: parent });
    const grandchild = await world.org('警务室', 'OTHER', { parentId: child });
    expect(fieldErrors(await refused(server, 'updateOrganization', { id: parent, parentId: grandchild }))).toEqual({ parentId: 'cycle' });
    expect(fieldErrors(await refused(server, 'updateOrganization', { id: parent, parentId: parent }))).toEqual({ parentId: 'cycle' });
  });

  it('refuses the second of two moves made at once that together would close a loop', async () => {
    // Two small trees, x above p and y above q; x moved under q while y is moved under p would make
    // x → q → y → p → x. Each move alone is fine; the later one is judged with the earlier made.
    const x = await world.org(world.unique('甲局'), 'OTHER');
    const y = await world.org(world.unique('乙局'), 'OTHER');
    const p = await world.org(world.unique('甲所'), 'OTHER', { parentId: x });
    const q = await world.org(world.unique('乙所'), 'OTHER', { parentId: y });
    const results = await inFlightTogether(server, [
      () => call(server, 'updateOrganization', { id: x, parentId: q }, 'parentId'),
      () => call(server, 'updateOrganization', { id: y, parentId: p }, 'parentId'),
    ]);
    expect(results[0].errors).toBeUndefined();
    expect(fieldErrors(results[1])).toEqual({ parentId: 'cycle' });
  });
});

describe('deleting what is still referenced', () => {
  it('refuses with CONFLICT and says what refers to the record', async () => {
    const res = await refused(server, 'deleteOrganization', { id: world.street });
    const error = onlyError(res);
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REFERENCED' });
    expect(error.extensions!.references).toContainEqual({ resource: 'Delegation', field: 'recipientId', count: 1 });
    expect(error.message).toMatch(/仍被引用.*赋权事项.*still referenced/);
  });

  it('refuses to delete a domain used by power items', async () => {
    refusal(await refused(server, 'deleteEnforcementDomain', { id: world.domain }), 'CONFLICT');
  });
});

describe('concurrent edits', () => {
  it('refuses an update made from a stale version, keeping the newer edit', async () => {
    const org = await world.org('并发街道', 'STREET');
    const first = await ok(server, 'updateOrganization', { id: org, version: 1, name: '甲的修改' }, 'version name');
    expect(first).toEqual({ version: 2, name: '甲的修改' });
    const res = await refused(server, 'updateOrganization', { id: org, version: 1, name: '乙的修改' });
    expect(onlyError(res).extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', currentVersion: 2 });
    expect((await ok(server, 'Organization', { id: org }, 'name version'))).toEqual({ name: '甲的修改', version: 2 });
  });

  it('lets exactly one of two simultaneous updates from the same version win', async () => {
    const org = await world.org('同时街道', 'STREET');
    const results = await Promise.all(
      ['甲', '乙'].map((name) => call(server, 'updateOrganization', { id: org, version: 1, name }, 'name')),
    );
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers.map((r) => r.errors![0].extensions!.code)).toEqual(['CONFLICT']);
    const stored = await ok(server, 'Organization', { id: org }, 'name version');
    expect(stored).toEqual({ name: winners[0].data!.updateOrganization.name, version: 2 });
  });

  it('refuses the second of two records with one code sent at once on the code field, as the rule would', async () => {
    const code = world.unique('RACE');
    const results = await inFlightTogether(
      server,
      ['甲', '乙'].map((name) => () => call(server, 'createEnforcementDomain', { code, name: world.unique(`并发领域${name}`) }, 'id')),
    );
    const losers = results.filter((r) => r.errors);
    expect(losers).toHaveLength(1);
    expect(fieldErrors(losers[0])).toEqual({ code: 'unique' });
    expect(await ok<any[]>(server, 'allEnforcementDomains', { filter: { code } }, 'id')).toHaveLength(1);
  });

  it('judges a street made a department and a delegation to it sent at once one after the other', async () => {
    const street = await world.org(world.unique('并发改类街道'), 'STREET');
    const [changed, delegated] = await inFlightTogether(server, [
      () => call(server, 'updateOrganization', { id: street, kind: 'DEPARTMENT' }, 'kind'),
      () => call(server, 'createDelegation', { ...delegationArgs(), recipientId: street }, 'id'),
    ]);
    // A department first, it receives no delegation (the kind changed under a delegation would be refused in turn).
    expect(changed.errors).toBeUndefined();
    expect(fieldErrors(delegated)).toEqual({ recipientId: 'kind' });
    expect(await ok<any[]>(server, 'allDelegations', { filter: { recipientId: street } }, 'id')).toEqual([]);
  });

  it('names a field for every unique constraint and index of the database, should a racing write meet one', async () => {
    const { rows } = (await server.database.db.execute(
      "select indexname as name from pg_indexes where schemaname = 'public' and indexdef like 'CREATE UNIQUE INDEX%' and indexname not like '%\\_pkey' order by 1",
    )) as unknown as { rows: { name: string }[] };
    expect(rows.length).toBeGreaterThan(10);
    const fieldOf = (name: string) => (databaseRefusal({ code: '23505', constraint: name })!.extensions.fieldErrors as { field: string }[])[0].field;
    // A field as the API names it (`code`, `staffMemberId`), not the constraint's own name or none.
    const unnamed = rows.map((r) => [r.name, fieldOf(r.name)]).filter(([, field]) => !/^[a-z][A-Za-z0-9]*$/.test(field) || field === 'record');
    expect(unnamed).toEqual([]);
  });
});

describe('bulk operations are all or nothing', () => {
  it('changes no record when one of them breaks a rule', async () => {
    const a = await world.org('批量甲', 'STREET');
    // The test street receives a delegation, so it cannot become a department; a must stay a street too.
    const res = await refused(server, 'updateOrganizations', { ids: [a, world.street], data: { kind: 'DEPARTMENT' } });
    expect(fieldErrors(res)).toEqual({ kind: 'inUse' });
    expect(await ok(server, 'Organization', { id: a }, 'kind version')).toEqual({ kind: 'STREET', version: 1 });
  });

  it('deletes no record when one of them is still referenced', async () => {
    const a = await world.org('批量删除甲', 'STREET');
    const res = await refused(server, 'deleteOrganizations', { ids: [a, world.street] });
    refusal(res, 'CONFLICT');
    expect(await ok(server, 'Organization', { id: a }, 'id')).toEqual({ id: a });
  });
});
