import { startTestServer, type TestServer } from './test-server';
import { ok } from './operations';
import { config } from '../../api/config';

/**
 * The administrators sign in, in the suite or block this is called in, without the second factor
 * their roles require (enrolment is second-factor.test.ts's subject).
 */
export function withoutSecondFactor(): void {
  const required = config.secondFactorRoles;
  beforeAll(() => {
    config.secondFactorRoles = [];
  });
  afterAll(() => {
    config.secondFactorRoles = required;
  });
}

let n = 0;
const unique = (prefix: string) => `${prefix}${++n}-${Math.random().toString(36).slice(2, 7)}`;

/** Small named records for tests that need a world to act in (Redwood's scenario habit). */
export async function makeWorld(server: TestServer) {
  const org = (name: string, kind: string, extra: Record<string, unknown> = {}) =>
    ok<{ id: string }>(server, 'createOrganization', { name, kind, code: unique('ORG-'), region: '测试县', ...extra }).then(
      (r) => r.id,
    );
  const street = await org('测试街道', 'STREET');
  const township = await org('测试镇', 'TOWNSHIP');
  const department = await org('测试县城市管理局', 'DEPARTMENT');
  const vertical = await org('测试生态环境分局', 'VERTICAL_UNIT');
  const government = await org('测试县人民政府', 'OTHER');
  const domain = (await ok(server, 'createEnforcementDomain', { code: unique('D'), name: unique('城市管理') })).id as string;
  const powerItem = (
    await ok(server, 'createPowerItem', {
      codeScheme: '测试编码',
      code: unique('02-CG-'),
      name: '对擅自占用城市道路摆摊设点的处罚',
      category: 'PENALTY',
      domainId: domain,
      sourceDepartmentId: department,
      settingBasis: '《城市市容和环境卫生管理条例》第三十六条',
      penaltyKinds: ['FINE'],
    })
  ).id as string;
  const catalog = (
    await ok(server, 'createDelegationCatalog', {
      title: unique('测试目录'),
      issuingOrganizationId: government,
      effectiveFrom: '2021-06-01',
      documentNumber: unique('测政〔2021〕'),
      issuedOn: '2021-05-20',
    })
  ).id as string;
  const delegation = (
    await ok(server, 'createDelegation', {
      catalogId: catalog,
      powerItemId: powerItem,
      recipientId: street,
      delegatingOrganizationId: department,
      mode: 'ENTRUSTED',
      effectiveFrom: '2021-06-01',
    })
  ).id as string;
  /** A liaison at the street for the department, the department's lead for it, and the guidance between them. */
  const directory = async () => {
    const liaison = (await ok(server, 'createLiaisonContact', {
      organizationId: street, counterpartId: department, personName: '测试联络员', role: 'LIAISON', mobile: '13912345678', activeFrom: '2021-04-25',
    })).id as string;
    const lead = (await ok(server, 'createLiaisonContact', {
      organizationId: department, counterpartId: street, personName: '测试负责人', role: 'GUIDANCE_LEAD', officePhone: '0377-65221234', activeFrom: '2021-04-25',
    })).id as string;
    const guidance = (await ok(server, 'createGuidanceAssignment', { departmentId: department, townshipId: street, leadContactId: lead })).id as string;
    const responsibility = (await ok(server, 'createResponsibilityEntry', {
      organizationId: department, kind: 'TASK', responsibility: '指导分包街道综合执法队伍组建',
    })).id as string;
    return { liaison, lead, guidance, responsibility };
  };
  /**
   * One more delegation of the test catalog, to `recipientId`, with a power item of its own (a catalog
   * holds one delegation per item and street): for lists and relations that need many rows.
   */
  const delegate = async (recipientId: string, extra: Record<string, unknown> = {}) => {
    const item = (await ok(server, 'createPowerItem', {
      codeScheme: '测试编码', code: unique('02-GX-'), name: unique('对违规设置户外广告的处罚'), category: 'PENALTY',
      domainId: domain, sourceDepartmentId: department, settingBasis: '《城市市容和环境卫生管理条例》第十一条', penaltyKinds: ['FINE'],
    })).id as string;
    return (await ok(server, 'createDelegation', {
      catalogId: catalog, powerItemId: item, recipientId, delegatingOrganizationId: department, mode: 'ENTRUSTED', effectiveFrom: '2021-06-01', ...extra,
    })).id as string;
  };
  /** A person at the street (no posting yet). */
  const staffMember = (extra: Record<string, unknown> = {}) =>
    ok<{ id: string }>(server, 'createStaffMember', { name: unique('测试员'), organizationId: street, category: 'ENFORCEMENT', ...extra }).then((r) => r.id);
  /** A training session, an inspection of the street and one open finding. */
  const supervision = async () => {
    const session = (await ok(server, 'createTrainingSession', {
      title: unique('执法业务培训'), kind: 'PROFESSIONAL_LAW', organizerId: department, startsOn: '2025-04-01', hours: 12,
    })).id as string;
    const inspection = (await ok(server, 'createInspection', {
      title: unique('综合执法督导'), kind: 'SUPERVISION', inspectingOrganizationId: government, inspectedOrganizationId: street, inspectedOn: '2025-05-10',
    })).id as string;
    const finding = (await ok(server, 'createFinding', {
      inspectionId: inspection, responsibleOrganizationId: street, area: 'CONDUCT', description: '执法文书填写不规范', dueDate: '2025-06-30',
    })).id as string;
    return { session, inspection, finding };
  };
  /**
   * The general-law training completion (公共法律知识培训结业证) an enforcement post needs on its first
   * day: a passed attendance at a general-law session of early 2020, before any post a suite opens.
   */
  let rotation: Promise<string> | undefined;
  const generalLaw = async (staffMemberId: string, client: TestServer = server) => {
    rotation ??= ok(server, 'createTrainingSession', {
      title: unique('公共法律知识培训'), kind: 'GENERAL_LAW', organizerId: government, startsOn: '2020-01-06', endsOn: '2020-01-09', hours: 32,
    }).then((r) => r.id as string);
    await ok(client, 'createTrainingAttendance', { sessionId: await rotation, staffMemberId, hoursAttended: 32, examScore: 86, passed: true });
    return staffMemberId;
  };
  return { street, township, department, vertical, government, domain, powerItem, catalog, delegation, org, unique, directory, delegate, staffMember, supervision, generalLaw };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/**
 * Stands for an object a `beforeAll` makes, so a suite can name it at the top (`const { server } =
 * withWorld()`) and use it in its tests and hooks; touched before the hook ran, it says so.
 */
function madeLater<T extends object>(name: string, get: () => T | undefined): T {
  const target = (): T => {
    const made = get();
    if (!made) throw new Error(`${name} is made in beforeAll: use it inside a test or a hook`);
    return made;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(target(), key),
    has: (_, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}

/**
 * The setup most API suites share: the real server over a fresh database for the file, the small
 * test county of `makeWorld` in it, and signed-in clients by role; stopped after the file.
 */
export function withWorld(options: Parameters<typeof startTestServer>[0] = {}) {
  let server: TestServer | undefined;
  let world: World | undefined;
  beforeAll(async () => {
    server = await startTestServer(options);
    world = await makeWorld(server);
  });
  afterAll(() => server?.stop());
  return {
    server: madeLater('server', () => server),
    world: madeLater('world', () => world),
    /** The server as a signed-in user of this role, county-wide or of an organization (created on first use). */
    signedIn: async (role: string, organizationId: string | null = null): Promise<TestServer> => server!.as(await server!.tokenFor(role, organizationId)),
  };
}
