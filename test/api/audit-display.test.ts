import { ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { localDateTime } from '../../api/dates';

// A record's history reads as people speak: enum values by their labels, references by the names of
// the records, times on the clock of the configured zone, and entries that are not columns (a
// password change, a token's settings) labelled in both languages.
const { server, world, signedIn } = withWorld();

const ENTRY = 'at atLocal operation changes fieldChanges { field label { zh en } before after beforeText { zh en } afterText { zh en } }';
const trail = (resource: string, id: string) => ok<any[]>(server, 'auditTrail', { resource, id }, ENTRY);
const byField = (entry: any) => Object.fromEntries(entry.fieldChanges.map((c: any) => [c.field, c]));

it('labels enum values and shows times in the configured zone', async () => {
  const editor = await signedIn('CATALOG_EDITOR');
  await ok(editor, 'publishDelegationCatalog', { id: world.catalog });
  const last = (await trail('DelegationCatalog', world.catalog)).at(-1);
  const changes = byField(last);
  expect(changes.status).toEqual({
    field: 'status',
    label: { zh: '状态', en: 'Status' },
    before: 'DRAFT',
    after: 'PUBLISHED',
    beforeText: { zh: '草稿', en: 'Draft' },
    afterText: { zh: '已发布', en: 'Published' },
  });
  // The stored instant is UTC; people read it on the clock of the zone (Asia/Shanghai by default).
  expect(changes.publishedAt.after).toMatch(/Z$/);
  expect(changes.publishedAt.afterText.zh).toBe(localDateTime(changes.publishedAt.after));
  expect(changes.publishedAt.afterText.zh).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  expect(last.atLocal).toBe(localDateTime(last.at));
  if (!process.env.TZ) {
    // 8 hours ahead of UTC, whatever the machine's own zone.
    const utc = new Date(last.at);
    const shanghai = new Date(utc.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
    expect(last.atLocal).toBe(shanghai);
  }
});

it('names referenced records instead of their ids, and lists enum values by their labels', async () => {
  const other = (await ok(server, 'createDelegationCatalog', { title: '历史测试目录（2024年版）', issuingOrganizationId: world.government, effectiveFrom: '2021-06-01' })).id;
  const draft = (await ok(server, 'createDelegationCatalog', { title: '历史测试目录（2025年版）', issuingOrganizationId: world.government, effectiveFrom: '2021-06-01' })).id;
  // An item of its own: the street holds the world's item already, and holds an item once a day.
  const item = (await ok(server, 'createPowerItem', {
    codeScheme: '测试编码', code: world.unique('HIS-'), name: '对违规设置摊点的处罚', category: 'PENALTY', domainId: world.domain, sourceDepartmentId: world.department, settingBasis: '《测试条例》',
  })).id;
  const delegation = (await ok(server, 'createDelegation', {
    catalogId: other, powerItemId: item, recipientId: world.township, delegatingOrganizationId: world.department, mode: 'GRANTED', effectiveFrom: '2021-06-01',
  })).id;
  await ok(server, 'updateDelegation', { id: delegation, catalogId: draft, recipientId: world.street });
  const changes = byField((await trail('Delegation', delegation)).at(-1));
  expect(changes.catalogId).toMatchObject({
    label: { zh: '所属目录', en: 'Catalog' },
    before: Number(other),
    beforeText: { zh: '历史测试目录（2024年版）', en: '历史测试目录（2024年版）' },
    afterText: { zh: '历史测试目录（2025年版）' },
  });
  expect(changes.recipientId).toMatchObject({ beforeText: { zh: '测试镇' }, afterText: { zh: '测试街道' } });

  await ok(server, 'updatePowerItem', { id: world.powerItem, penaltyKinds: ['WARNING', 'FINE'] });
  const kinds = byField((await trail('PowerItem', world.powerItem)).at(-1)).penaltyKinds;
  expect(kinds.afterText).toEqual({ zh: '警告、通报批评、罚款', en: 'Warning, public criticism, Fine' });

  // A record deleted since is still named by what it was.
  await ok(server, 'deleteDelegation', { id: delegation });
  await ok(server, 'deleteDelegationCatalog', { id: other });
  const created = byField((await trail('Delegation', delegation))[0]);
  expect(created.catalogId.afterText).toEqual({ zh: '赋权事项目录（编号 ' + other + '）', en: `Delegation catalog #${other}` });
});

it('says in both languages that a password changed, and never shows it', async () => {
  const user = (await ok(server, 'createUser', { username: 'history.hr', role: 'HR', organizationId: world.street })).id;
  await ok(server, 'setUserPassword', { id: user, password: 'history-pass-7' });
  const entry = (await trail('User', user)).at(-1);
  expect(entry.changes).toEqual({ password: ['(set)', '(changed)'] });
  expect(byField(entry).password).toMatchObject({ label: { zh: '密码', en: 'Password' }, afterText: { zh: '已更改（不显示）', en: 'changed (not shown)' } });
  expect(JSON.stringify(entry)).not.toContain('history-pass-7');
});

it('labels an API token’s settings', async () => {
  const issued = await ok(server, 'issueApiToken', { name: '历史测试平台', scopes: ['Delegation', 'Organization'], expiresAt: '2099-01-01T00:00:00Z' }, 'apiToken { id }');
  const changes = byField((await trail('ApiToken', issued.apiToken.id))[0]);
  expect(changes.scopes.afterText).toEqual({ zh: '赋权事项、机构', en: 'Delegation, Organization' });
  expect(changes.expiresAt.afterText.zh).toBe(localDateTime('2099-01-01T00:00:00Z'));
  expect(changes.personalData).toMatchObject({ label: { zh: '可读个人信息', en: 'Personal data' }, afterText: { zh: '否', en: 'No' } });
});
