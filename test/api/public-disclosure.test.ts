import { startTestServer, type TestServer } from '../helpers/test-server';
import { call, ok } from '../helpers/operations';
import { withWorld } from '../helpers/fixtures';
import { onlyError, refusal } from '../helpers/expect-errors';
import { today } from '../../api/dates';

// The public disclosure (公示): a street's powers on a day, the catalog editions that gave them and
// its certified officers, read by anyone without an account or token, over GraphQL and as a
// cacheable, rate-limited page.
const { server, world } = withWorld();

const origin = (s: TestServer) => new URL(s.url).origin;
const SELECTION = `organization { code name kind }
  date
  powers { itemCode itemName category domain mode scope delegatingDepartment settingBasis effectiveFrom effectiveTo catalogTitle catalogDocumentNumber }
  catalogs { title documentNumber issuer issuedOn effectiveFrom status }
  officers { name post certificateNumber issuingAuthority area categories validUntil }`;

let code: string;
let catalogNumber: string;
let powerItemCode: string;

beforeAll(async () => {
  code = (await ok(server, 'Organization', { id: world.street }, 'code')).code;
  catalogNumber = (await ok(server, 'DelegationCatalog', { id: world.catalog }, 'documentNumber')).documentNumber;
  powerItemCode = (await ok(server, 'PowerItem', { id: world.powerItem }, 'code')).code;
  await ok(server, 'publishDelegationCatalog', { id: world.catalog });
  // A certified enforcement officer with a mobile number (never published), an auxiliary with a
  // certificate (assists, not published as an officer), and an officer whose certificate is revoked.
  const person = async (name: string, post: string, certificate: Record<string, unknown>) => {
    const id = await world.generalLaw((await ok(server, 'createStaffMember', { name, organizationId: world.street, category: 'ENFORCEMENT', mobile: '13812345678' })).id);
    const cert = (await ok(server, 'createCertificate', { staffMemberId: id, issuingAuthority: '河南省人民政府', issuedOn: '2022-01-01', area: '测试街道', categories: '城市管理', ...certificate })).id;
    await ok(server, 'createPosting', { staffMemberId: id, organizationId: world.street, post, startedOn: '2022-03-01' });
    return cert;
  };
  await person('公示甲', 'ENFORCEMENT', { number: world.unique('豫执公-'), expiresOn: '2099-12-31' });
  await person('公示乙', 'AUXILIARY', { number: world.unique('豫执辅-') });
  const revoked = await person('公示丙', 'ENFORCEMENT', { number: world.unique('豫执吊-') });
  await ok(server, 'createCertificateEvent', { certificateId: revoked, kind: 'REVOKED', occurredOn: '2024-02-01', reason: '违法违纪' });
});

describe('publicPowers over GraphQL', () => {
  it('answers without a sign-in: the powers in force on the day, the editions and the certified officers only', async () => {
    const anonymous = server.as(null);
    const res = await call(anonymous, 'publicPowers', { organizationCode: code, date: '2023-01-01' }, SELECTION);
    expect(res.errors).toBeUndefined();
    const d = res.data!.publicPowers;
    expect(d.organization).toEqual({ code, name: '测试街道', kind: 'STREET' });
    expect(d.date).toBe('2023-01-01');
    expect(d.powers).toEqual([
      {
        itemCode: powerItemCode,
        itemName: '对擅自占用城市道路摆摊设点的处罚',
        category: 'PENALTY',
        domain: expect.any(String),
        mode: 'ENTRUSTED',
        scope: 'ALL',
        delegatingDepartment: '测试县城市管理局',
        settingBasis: '《城市市容和环境卫生管理条例》第三十六条',
        effectiveFrom: '2021-06-01',
        effectiveTo: null,
        catalogTitle: expect.any(String),
        catalogDocumentNumber: catalogNumber,
      },
    ]);
    expect(d.catalogs).toEqual([
      { title: expect.any(String), documentNumber: catalogNumber, issuer: '测试县人民政府', issuedOn: '2021-05-20', effectiveFrom: '2021-06-01', status: 'PUBLISHED' },
    ]);
    expect(d.officers).toEqual([
      { name: '公示甲', post: 'ENFORCEMENT', certificateNumber: expect.stringMatching(/^豫执公-/), issuingAuthority: '河南省人民政府', area: '测试街道', categories: '城市管理', validUntil: '2099-12-31' },
    ]);
  });

  it('answers as of the day: nothing before the catalog took effect, no officer before their posting', async () => {
    const d = await ok(server.as(null), 'publicPowers', { organizationCode: code, date: '2021-05-31' }, SELECTION);
    expect(d.powers).toEqual([]);
    expect(d.officers).toEqual([]);
    // The edition is listed all the same: it is the record of what was published.
    expect(d.catalogs.map((c: any) => c.documentNumber)).toEqual([catalogNumber]);
    const between = await ok(server.as(null), 'publicPowers', { organizationCode: code, date: '2022-01-15' }, SELECTION);
    expect(between.powers).toHaveLength(1);
    expect(between.officers).toEqual([]);
  });

  it('answers for today when no date is given', async () => {
    const d = await ok(server.as(null), 'publicPowers', { organizationCode: code }, 'date powers { itemCode } officers { name }');
    expect(d).toEqual({ date: today(), powers: [{ itemCode: powerItemCode }], officers: [{ name: '公示甲' }] });
  });

  it('offers no personal field beyond those published: no mobile number, category or notes', async () => {
    const res = await server.as(null).gql(`{ publicPowers(organizationCode: "${code}") { officers { name mobile } } }`);
    expect(onlyError(res).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses an unknown code, and a department’s code, as NOT_FOUND in both languages', async () => {
    for (const unknown of ['NO-SUCH-CODE', (await ok(server, 'Organization', { id: world.department }, 'code')).code]) {
      const error = refusal(await call(server.as(null), 'publicPowers', { organizationCode: unknown }, 'date'), 'NOT_FOUND');
      expect(error.extensions?.messages.zh).toContain(unknown);
      expect(error.extensions?.messages.en).toContain(unknown);
    }
  });

  it('answers an API token whatever its scopes, while the rest of the graph still needs a sign-in', async () => {
    const token = (await ok(server, 'issueApiToken', { name: '政务公开网站', scopes: ['Organization'], expiresAt: new Date(Date.now() + 86400_000).toISOString() }, 'secret')).secret;
    expect((await ok(server.as(token), 'publicPowers', { organizationCode: code }, 'powers { itemCode }')).powers).toHaveLength(1);
    refusal(await call(server.as(null), 'allDelegations', {}, 'id'), 'UNAUTHENTICATED');
    refusal(await call(server.as(null), 'delegationsAsOf', { organizationId: world.street, date: '2023-01-01' }, 'id'), 'UNAUTHENTICATED');
  });

  it('leaves drafts out: a draft edition’s delegations are not public', async () => {
    const draft = (await ok(server, 'createDelegationCatalog', { title: world.unique('草稿目录'), issuingOrganizationId: world.government, effectiveFrom: '2021-01-01' })).id;
    const item = (await ok(server, 'createPowerItem', {
      codeScheme: '测试编码', code: world.unique('02-CG-'), name: '草稿事项', category: 'PENALTY', domainId: world.domain, sourceDepartmentId: world.department, settingBasis: '《测试条例》',
    })).id;
    await ok(server, 'createDelegation', { catalogId: draft, powerItemId: item, recipientId: world.street, delegatingOrganizationId: world.department, mode: 'GRANTED', effectiveFrom: '2021-01-01' });
    const d = await ok(server.as(null), 'publicPowers', { organizationCode: code, date: '2023-01-01' }, SELECTION);
    expect(d.powers.map((p: any) => p.itemName)).toEqual(['对擅自占用城市道路摆摊设点的处罚']);
    expect(d.catalogs.map((c: any) => c.documentNumber)).toEqual([catalogNumber]);
  });
});

describe('the public page /public/<organization code>', () => {
  it('is served without a sign-in, in Chinese, with the powers, editions and officers, and no mobile number', async () => {
    const res = await fetch(`${origin(server)}/public/${encodeURIComponent(code)}?date=2023-01-01`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('测试街道行政执法事项公示');
    expect(html).toContain('对擅自占用城市道路摆摊设点的处罚');
    expect(html).toContain('委托');
    expect(html).toContain('测试县城市管理局');
    expect(html).toContain(catalogNumber);
    expect(html).toContain('公示甲');
    expect(html).not.toContain('公示乙');
    expect(html).not.toContain('公示丙');
    expect(html).not.toContain('13812345678');
  });

  it('serves the same data as JSON at /public/<code>.json', async () => {
    const res = await fetch(`${origin(server)}/public/${encodeURIComponent(code)}.json?date=2023-01-01`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    const gql = await ok(server.as(null), 'publicPowers', { organizationCode: code, date: '2023-01-01' }, SELECTION);
    expect(body.powers.map((p: any) => p.itemCode)).toEqual(gql.powers.map((p: any) => p.itemCode));
    expect(body.officers.map((p: any) => p.certificateNumber)).toEqual(gql.officers.map((p: any) => p.certificateNumber));
  });

  it('is cacheable: Cache-Control and an ETag, 304 for an unchanged page, a new ETag once it changes', async () => {
    const url = `${origin(server)}/public/${encodeURIComponent(code)}?date=2024-01-01`;
    const first = await fetch(url);
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    // As a browser revalidating: fetch() would otherwise add `Cache-Control: no-cache` to a
    // conditional request, which asks the server for a full answer.
    const revalidate = (tag: string) => fetch(url, { headers: { 'if-none-match': tag, 'cache-control': 'max-age=0' } });
    const again = await revalidate(etag!);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // A new officer changes the page: the old copy is no longer fresh.
    const id = (await ok(server, 'createStaffMember', { name: '公示丁', organizationId: world.street, category: 'ENFORCEMENT' })).id;
    await ok(server, 'createCertificate', { staffMemberId: id, number: world.unique('豫执新-'), issuingAuthority: '河南省人民政府', issuedOn: '2023-06-01' });
    await ok(server, 'createPosting', { staffMemberId: id, organizationId: world.street, post: 'LEGAL_REVIEW', startedOn: '2023-07-01' });
    const changed = await revalidate(etag!);
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).toContain('公示丁');
  });

  it('answers an unknown code with 404 and a bad date with 400, in Chinese', async () => {
    const missing = await fetch(`${origin(server)}/public/NO-SUCH-CODE`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('没有机构代码为“NO-SUCH-CODE”的街道或乡镇');
    const missingJson = await fetch(`${origin(server)}/public/NO-SUCH-CODE.json`);
    expect(missingJson.status).toBe(404);
    expect(((await missingJson.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    const badDate = await fetch(`${origin(server)}/public/${encodeURIComponent(code)}?date=2023-02-30`);
    expect(badDate.status).toBe(400);
    expect(await badDate.text()).toContain('日期格式应为 YYYY-MM-DD');
  });

  it('lists the streets and townships at /public with a link to each', async () => {
    const html = await (await fetch(`${origin(server)}/public`)).text();
    expect(html).toContain(`href="/public/${encodeURIComponent(code)}"`);
    expect(html).not.toContain('测试县城市管理局');
  });
});

describe('rate limit', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ limits: { perMinute: 3 } });
  });
  afterAll(() => limited.stop());

  it('counts public requests per address and answers 429 with Retry-After once used up', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${origin(limited)}/public`)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const over = await fetch(`${origin(limited)}/public/ANY`);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await over.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    // Anonymous GraphQL requests from the same address share the budget.
    expect((await limited.as(null).gql('{ publicPowers(organizationCode: "ANY") { date } }')).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });
});
