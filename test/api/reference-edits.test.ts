import { withWorld } from '../helpers/fixtures';
import { ok } from '../helpers/operations';
import { resources } from '../../admin/src/metadata';
import { withReferences } from '../../admin/src/provider/references';
import { schema, typeFields } from '../../admin/src/provider/schema';

// An edit of a reference field must reach the server. The admin's provider is the stock
// ra-data-graphql-simple with the schema of the build, adjusted by admin/src/provider/references.ts;
// here it is that same code, editing every reference field of every resource an edit form shows,
// the way the edit form does: the loaded record with one id changed.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const buildGraphQLProvider = require('ra-data-graphql-simple').default;

const { server, world } = withWorld();
let provider: any;

beforeAll(async () => {
  const stock = await buildGraphQLProvider({
    clientOptions: { uri: server.url, headers: { authorization: `Bearer ${server.adminToken}` } },
    introspection: { schema },
    bulkActionsEnabled: true,
  });
  provider = withReferences(stock, typeFields);
});

/** The new value of a reference, or null to clear it; `refused` names the rule the server answers with. */
type Edit = { to: string | null; refused?: string };
type Case = { record: () => Promise<string>; edits: () => Promise<Record<string, Edit[]>> };

let n = 0;
const unique = (p: string) => `${p}${++n}`;
const create = async (field: string, args: Record<string, unknown>) => (await ok(server, field, args)).id as string;
const person = (organizationId = world.street, category = 'ADMINISTRATIVE') => create('createStaffMember', { name: unique('引用人员'), organizationId, category });
const catalog = () => create('createDelegationCatalog', { title: unique('引用目录'), issuingOrganizationId: world.government, effectiveFrom: '2021-06-01' });
const powerItem = () =>
  create('createPowerItem', {
    codeScheme: '测试', code: unique('REF-'), name: unique('引用事项'), category: 'PENALTY', domainId: world.domain, sourceDepartmentId: world.department, settingBasis: '《条例》',
  });
const contact = (organizationId: string, counterpartId: string) =>
  create('createLiaisonContact', { organizationId, counterpartId, personName: unique('联络员'), role: 'LIAISON', mobile: '13900000000', activeFrom: '2021-01-01' });
const inspection = (inspectedOrganizationId = world.street) =>
  create('createInspection', { title: unique('督导'), kind: 'SUPERVISION', inspectingOrganizationId: world.government, inspectedOrganizationId, inspectedOn: '2025-05-10' });
const session = (hours = 12) => create('createTrainingSession', { title: unique('培训'), kind: 'GENERAL_LAW', organizerId: world.department, startsOn: '2025-04-01', hours });

const CASES: Record<string, Case> = {
  Organization: {
    record: () => world.org(unique('引用下级'), 'OTHER'),
    edits: async () => ({ parentId: [{ to: world.government }, { to: world.department }, { to: null }] }),
  },
  PowerItem: {
    record: powerItem,
    edits: async () => ({
      parentId: [{ to: await powerItem() }, { to: null }],
      domainId: [{ to: (await ok(server, 'createEnforcementDomain', { code: unique('RD'), name: unique('领域') })).id }],
      sourceDepartmentId: [{ to: world.vertical }],
    }),
  },
  DelegationCatalog: {
    record: catalog,
    edits: async () => {
      // Earlier than the catalog edited: a new edition takes effect after the one it supersedes.
      const published = await create('createDelegationCatalog', { title: unique('引用目录'), issuingOrganizationId: world.government, effectiveFrom: '2020-01-01' });
      await create('createDelegation', { catalogId: published, powerItemId: world.powerItem, recipientId: world.street, delegatingOrganizationId: world.department, mode: 'GRANTED', effectiveFrom: '2021-06-01' });
      await ok(server, 'updateDelegationCatalog', { id: published, documentNumber: unique('测政'), issuedOn: '2021-05-01' });
      await ok(server, 'publishDelegationCatalog', { id: published });
      return { issuingOrganizationId: [{ to: world.department }], supersedesId: [{ to: published }, { to: null }] };
    },
  },
  Delegation: {
    record: () => create('createDelegation', { catalogId: world.catalog, powerItemId: world.powerItem, recipientId: world.township, delegatingOrganizationId: world.department, mode: 'ENTRUSTED', effectiveFrom: '2021-06-01' }),
    edits: async () => ({
      catalogId: [{ to: await catalog() }],
      powerItemId: [{ to: await powerItem() }],
      recipientId: [{ to: await world.org(unique('引用街道'), 'STREET') }],
      // A unit under the item's source department (原实施部门) may hand it down.
      delegatingOrganizationId: [{ to: await world.org(unique('引用执法大队'), 'DEPARTMENT', { parentId: world.department }) }],
    }),
  },
  ResponsibilityEntry: {
    record: () => create('createResponsibilityEntry', { organizationId: world.department, kind: 'TASK', responsibility: '职责' }),
    edits: async () => ({ organizationId: [{ to: world.vertical }], powerItemId: [{ to: world.powerItem }, { to: null }] }),
  },
  LiaisonContact: {
    record: () => contact(world.street, world.department),
    edits: async () => ({ organizationId: [{ to: world.township }], counterpartId: [{ to: world.vertical }] }),
  },
  GuidanceAssignment: {
    record: async () => create('createGuidanceAssignment', { departmentId: world.department, townshipId: world.street }),
    edits: async () => ({
      leadContactId: [{ to: await contact(world.department, world.street) }, { to: null }],
      departmentId: [{ to: world.vertical }],
      townshipId: [{ to: world.township }],
    }),
  },
  // A person changes organization only through a transfer: the edit arrives and is refused.
  StaffMember: { record: () => person(), edits: async () => ({ organizationId: [{ to: world.township, refused: 'transfer' }] }) },
  StaffingQuota: {
    record: () => create('createStaffingQuota', { organizationId: world.street, category: 'INSTITUTIONAL', year: 2030 + ++n, approvedCount: 3 }),
    edits: async () => ({ organizationId: [{ to: world.township }] }),
  },
  Posting: {
    record: async () => create('createPosting', { staffMemberId: await person(), organizationId: world.street, post: 'LEGAL_REVIEW', startedOn: '2024-01-01' }),
    edits: async () => ({
      staffMemberId: [{ to: await person() }],
      organizationId: [{ to: world.township }],
      quotaOrganizationId: [{ to: world.street }, { to: null }],
    }),
  },
  Transfer: {
    record: async () => create('createTransfer', { staffMemberId: await person(), kind: 'REASSIGNMENT', toOrganizationId: world.township, effectiveDate: '2025-07-01' }),
    edits: async () => ({
      staffMemberId: [{ to: await person() }],
      toOrganizationId: [{ to: await world.org(unique('调入镇'), 'TOWNSHIP') }],
      // The organization a person leaves is where they are: another one is refused, not ignored.
      fromOrganizationId: [{ to: world.department, refused: 'mismatch' }],
    }),
  },
  Certificate: {
    record: async () => create('createCertificate', { staffMemberId: await person(), number: unique('豫执-'), issuingAuthority: '河南省人民政府', issuedOn: '2023-01-01' }),
    edits: async () => ({ staffMemberId: [{ to: await person() }] }),
  },
  TrainingSession: { record: () => session(), edits: async () => ({ organizerId: [{ to: world.street }] }) },
  TrainingAttendance: {
    record: async () => create('createTrainingAttendance', { sessionId: await session(), staffMemberId: await person(), hoursAttended: 4 }),
    edits: async () => ({ sessionId: [{ to: await session(8) }], staffMemberId: [{ to: await person() }] }),
  },
  Inspection: {
    record: () => inspection(),
    edits: async () => ({ inspectingOrganizationId: [{ to: world.department }], inspectedOrganizationId: [{ to: world.township }] }),
  },
  Finding: {
    record: async () => create('createFinding', { inspectionId: await inspection(), responsibleOrganizationId: world.street, area: 'CONDUCT', description: '问题', dueDate: '2099-01-01' }),
    edits: async () => ({ inspectionId: [{ to: await inspection(world.township) }], responsibleOrganizationId: [{ to: world.township }] }),
  },
  CaseReport: {
    record: () => create('createCaseReport', { organizationId: world.street, periodStart: '2024-01-01', periodEnd: '2024-12-31' }),
    edits: async () => ({ organizationId: [{ to: world.township }] }),
  },
  TrainingAudience: {
    record: async () => create('createTrainingAudience', { sessionId: await session(), organizationId: world.street }),
    edits: async () => ({ sessionId: [{ to: await session(6) }], organizationId: [{ to: world.township }] }),
  },
  EquipmentItem: {
    record: () => create('createEquipmentItem', { organizationId: world.street, kind: 'BODY_CAMERA', number: unique('ZB-'), acquiredOn: '2023-05-01' }),
    edits: async () => ({ organizationId: [{ to: world.township }] }),
  },
  PatrolGrid: {
    record: async () => {
      const top = await create('createPatrolGrid', { organizationId: world.street, name: unique('一级网格'), level: 'LEVEL_1' });
      return create('createPatrolGrid', { organizationId: world.street, name: unique('二级网格'), level: 'LEVEL_2', parentId: top });
    },
    edits: async () => ({
      // Its parent stays in the street it leaves: refused, not ignored.
      organizationId: [{ to: world.township, refused: 'organization' }],
      parentId: [{ to: await create('createPatrolGrid', { organizationId: world.street, name: unique('另一一级网格'), level: 'LEVEL_1' }) }],
      staffMemberId: [{ to: await person(world.street, 'ENFORCEMENT') }, { to: null }],
    }),
  },
  CaseReferral: {
    record: () => create('createCaseReferral', { kind: 'STREET_TO_DEPARTMENT', fromOrganizationId: world.street, toOrganizationId: world.department, matter: unique('移送事项'), legalBasis: '《条例》第五条', sentOn: '2025-03-03' }),
    edits: async () => ({
      fromOrganizationId: [{ to: world.township }],
      toOrganizationId: [{ to: await world.org(unique('接收部门'), 'DEPARTMENT') }, { to: world.street, refused: 'kind' }],
    }),
  },
  Complaint: {
    record: () => create('createComplaint', { subject: unique('投诉'), channel: 'HOTLINE_12345', responsibleOrganizationId: world.street, receivedOn: '2025-04-01' }),
    edits: async () => ({
      responsibleOrganizationId: [{ to: world.township }],
      // A referral is named only by a complaint closed as referred.
      caseReferralId: [{ to: await create('createCaseReferral', { kind: 'STREET_TO_DEPARTMENT', fromOrganizationId: world.township, toOrganizationId: world.department, matter: unique('移送事项'), legalBasis: '《条例》第五条', sentOn: '2025-03-03' }), refused: 'disposition' }],
    }),
  },
  Notice: {
    record: () => create('createNotice', { title: unique('通知'), body: '正文', publisherId: world.department, publishedOn: '2025-04-01' }),
    edits: async () => ({ publisherId: [{ to: world.government }, { to: world.street, refused: 'kind' }] }),
  },
  NoticeRecipient: {
    record: async () => create('createNoticeRecipient', { noticeId: await create('createNotice', { title: unique('通知'), body: '正文', publisherId: world.department, publishedOn: '2025-04-01' }), organizationId: world.street }),
    edits: async () => ({
      noticeId: [{ to: await create('createNotice', { title: unique('通知'), body: '正文', publisherId: world.department, publishedOn: '2025-04-01' }) }],
      organizationId: [{ to: world.township }, { to: world.department, refused: 'kind' }],
    }),
  },
  DispatchRequest: {
    record: () => create('createDispatchRequest', { streetId: world.street, matter: unique('吹哨事项'), place: '路口', raisedAt: '2025-03-03T01:00:00Z', dueOn: '2025-03-05' }),
    edits: async () => {
      const second = await world.org(unique('协助乡'), 'TOWNSHIP');
      return {
        streetId: [{ to: world.township }, { to: world.department, refused: 'kind' }],
        // A helper needs the filing with the justice bureau, which the form sends with it: refused alone.
        helperTownshipId: [{ to: second, refused: 'required' }, { to: null }],
        secondHelperTownshipId: [{ to: second, refused: 'required,required' }],
      };
    },
  },
  DispatchAssignment: {
    record: async () =>
      create('createDispatchAssignment', {
        requestId: await create('createDispatchRequest', { streetId: world.street, matter: unique('吹哨事项'), place: '路口', raisedAt: '2025-03-03T01:00:00Z', dueOn: '2025-03-05' }),
        departmentId: world.department,
      }),
    edits: async () => ({
      requestId: [{ to: await create('createDispatchRequest', { streetId: world.street, matter: unique('吹哨事项'), place: '路口', raisedAt: '2025-03-03T01:00:00Z', dueOn: '2025-03-05' }) }],
      departmentId: [{ to: world.vertical }, { to: world.street, refused: 'kind' }],
    }),
  },
  User: {
    record: () => create('createUser', { username: unique('ref.user'), role: 'VIEWER' }),
    edits: async () => ({ organizationId: [{ to: world.street }, { to: world.township }, { to: null }] }),
  },
};

/** Append-only records are never edited, so they have no edit form. */
const APPEND_ONLY = ['FindingEscalation', 'CertificateEvent'];

it('covers every resource whose edit form shows a reference', () => {
  const shown = resources.filter((r) => !APPEND_ONLY.includes(r.name) && r.fields.some((f) => f.kind === 'reference' && f.writable));
  expect(shown.map((r) => r.name).sort()).toEqual(Object.keys(CASES).sort());
});

describe.each(Object.keys(CASES))('%s', (name) => {
  it('saves each changed or cleared reference, as the edit form sends it', async () => {
    const resource = resources.find((r) => r.name === name)!;
    const id = await CASES[name].record();
    const edits = await CASES[name].edits();
    // Every reference the form shows is edited.
    expect(Object.keys(edits).sort()).toEqual(resource.fields.filter((f) => f.kind === 'reference' && f.writable).map((f) => f.name).sort());
    const outcomes: { field: string; to: string | null; got: string; want: string }[] = [];
    for (const [field, steps] of Object.entries(edits)) {
      for (const { to, refused } of steps) {
        // The record as the edit form has it: the flat id and the loaded object it points at.
        const { data: loaded } = await provider.getOne(name, { id });
        const before = loaded[field] ?? null;
        const result = await provider.update(name, { id, data: { ...loaded, [field]: to }, previousData: loaded }).then(
          () => 'saved',
          (e: any) => `refused ${(e.graphQLErrors?.[0] ?? e.body?.graphQLErrors?.[0])?.extensions?.fieldErrors?.map((f: any) => f.rule).join(',')}`,
        );
        const stored = (await ok(server, name, { id }, field))[field] ?? null;
        outcomes.push({
          field,
          to,
          got: result === 'saved' ? `saved, now ${stored}` : `${result}, still ${stored}`,
          want: refused ? `refused ${refused}, still ${before}` : `saved, now ${to}`,
        });
      }
    }
    expect(outcomes.filter((o) => o.got !== o.want)).toEqual([]);
  });
});
