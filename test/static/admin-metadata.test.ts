import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { buildMetadata, readHints } from '../../admin/codegen/resource-metadata';
import type { SchemaHints } from '../../api/schema-hints-format';

// The admin is generated: a type the API serves with react-admin's grammar gets its screens from the
// metadata this code generator writes, with no admin code. Here the schema gains a resource, and
// schema.hints.json what its definition would declare about showing it.
const sdl = readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8');

const EXTRA = `
"""执法车辆 (Enforcement vehicle): prose for people; the codegen reads the hints."""
type EnforcementVehicle {
  id: ID!
  version: Int!
  plate: String!
  organizationId: ID!
  organization: Organization!
  status: VehicleStatus!
  boughtOn: LocalDate
  note: String
}
enum VehicleStatus {
  IN_USE
  RETIRED
}
input EnforcementVehicleFilter { q: String, boughtOn_gte: LocalDate, boughtOn_lte: LocalDate, organizationId: ID }
extend type Query {
  EnforcementVehicle(id: ID!): EnforcementVehicle
  allEnforcementVehicles(page: Int, perPage: Int, sortField: String, sortOrder: String, filter: EnforcementVehicleFilter): [EnforcementVehicle!]!
  _allEnforcementVehiclesMeta(page: Int, perPage: Int, filter: EnforcementVehicleFilter): ListMetadata!
}
extend type Mutation {
  createEnforcementVehicle(
    plate: String!, organizationId: ID!, status: VehicleStatus = IN_USE, boughtOn: LocalDate, note: String,
    keyCode: Password
  ): EnforcementVehicle!
  retireEnforcementVehicle(id: ID!): EnforcementVehicle!
}
`;

const committed = readHints();
const hints: SchemaHints = {
  ...committed,
  records: {
    ...committed.records,
    EnforcementVehicle: {
      label: { zh: '执法车辆', en: 'Enforcement vehicle' },
      description: { zh: '执法队伍使用的车辆。', en: 'A vehicle of an enforcement team.' },
      title: 'plate',
      display: ['plate', 'organizationId'],
      group: 'supervision',
      fields: {
        plate: { label: { zh: '车牌号', en: 'Plate' }, help: { zh: '如豫R·12345。', en: 'E.g. 豫R·12345.' } },
        organizationId: { label: { zh: '所属机构', en: 'Organization' } },
        status: { label: { zh: '车辆状态', en: 'Status' } },
        boughtOn: { label: { zh: '购置日期', en: 'Bought on' } },
        note: { label: { zh: '备注', en: 'Note' }, multiline: true },
        keyCode: { label: { zh: '开锁密码', en: 'Key code' } },
      },
      relations: [],
    },
  },
  enums: { ...committed.enums, VehicleStatus: { label: { zh: '车辆状态', en: 'Vehicle status' }, values: { IN_USE: { zh: '在用', en: 'In use' }, RETIRED: { zh: '报废', en: 'Retired' } } } },
};

it('describes every resource of the committed schema', () => {
  const { resources } = buildMetadata(buildSchema(sdl));
  expect(resources.map((r) => r.name)).toEqual(
    expect.arrayContaining(['Organization', 'Delegation', 'StaffMember', 'Transfer', 'Finding', 'FindingEscalation', 'CaseReport']),
  );
  const transfer = resources.find((r) => r.name === 'Transfer')!;
  expect(transfer.label).toEqual({ zh: '人员调动', en: 'Transfer' });
  expect(transfer.operations).toEqual(['cancelTransfer', 'completeTransfer', 'overdueSecondments', 'overdueTransfers']);
  const staff = transfer.fields.find((f) => f.name === 'staffMemberId')!;
  expect(staff).toMatchObject({ kind: 'reference', reference: 'StaffMember', writable: true, required: true });
  expect(transfer.fields.find((f) => f.name === 'status')).toMatchObject({ kind: 'enum', enumName: 'TransferStatus', writable: false });
  expect(transfer.fields.find((f) => f.name === 'returnOverdue')).toMatchObject({ kind: 'boolean', writable: false });
  expect(transfer).toMatchObject({ creatable: true, editable: true });
  // Records the server alone writes get no create or edit screen to land on.
  for (const name of ['LoginEvent', 'UserSession']) expect(resources.find((r) => r.name === name)).toMatchObject({ creatable: false, editable: false });
  // Fields keep the table's order, which the forms follow.
  expect(transfer.fields.slice(0, 6).map((f) => f.name)).toEqual(['id', 'version', 'createdAt', 'updatedAt', 'staffMemberId', 'kind']);
});

it('gives a new type served with the grammar a complete screen description', () => {
  const { resources, enums } = buildMetadata(buildSchema(sdl + EXTRA), hints);
  const vehicle = resources.find((r) => r.name === 'EnforcementVehicle');
  expect(vehicle).toEqual({
    name: 'EnforcementVehicle',
    plural: 'EnforcementVehicles',
    relations: [],
    label: { zh: '执法车辆', en: 'Enforcement vehicle' },
    description: { zh: '执法队伍使用的车辆。', en: 'A vehicle of an enforcement team.' },
    group: { key: 'supervision', label: { zh: '执法监督', en: 'Supervision' } },
    titleField: 'plate',
    display: ['plate', 'organizationId'],
    searchable: true,
    operations: ['retireEnforcementVehicle'],
    // It has createX and no updateX: a new-record screen and no edit screen.
    creatable: true,
    editable: false,
    // An argument of create that is not a field: a secret, entered but never shown.
    createOnly: [{ name: 'keyCode', kind: 'password', label: { zh: '开锁密码', en: 'Key code' }, writable: true, required: false, nullable: true, filters: [] }],
    fields: [
      { name: 'id', kind: 'id', label: { zh: 'id', en: 'id' }, writable: false, required: false, nullable: false, filters: [] },
      { name: 'version', kind: 'int', label: { zh: 'version', en: 'version' }, writable: false, required: false, nullable: false, filters: [] },
      {
        name: 'plate', kind: 'string', label: { zh: '车牌号', en: 'Plate' }, help: { zh: '如豫R·12345。', en: 'E.g. 豫R·12345.' },
        writable: true, required: true, nullable: false, filters: [],
      },
      {
        name: 'organizationId', kind: 'reference', reference: 'Organization', objectField: 'organization', label: { zh: '所属机构', en: 'Organization' },
        writable: true, required: true, nullable: false, filters: [],
      },
      // A create argument's default is what a new record's form starts with.
      { name: 'status', kind: 'enum', enumName: 'VehicleStatus', label: { zh: '车辆状态', en: 'Status' }, writable: true, required: false, nullable: false, default: 'IN_USE', filters: [] },
      { name: 'boughtOn', kind: 'date', label: { zh: '购置日期', en: 'Bought on' }, writable: true, required: false, nullable: true, filters: ['_lte', '_gte'] },
      { name: 'note', kind: 'string', label: { zh: '备注', en: 'Note' }, multiline: true, writable: true, required: false, nullable: true, filters: [] },
    ],
  });
  expect(enums.VehicleStatus.values).toEqual([
    { value: 'IN_USE', label: { zh: '在用', en: 'In use' } },
    { value: 'RETIRED', label: { zh: '报废', en: 'Retired' } },
  ]);
});

it('refuses a resource its definition says nothing about (hints not emitted)', () => {
  expect(() => buildMetadata(buildSchema(sdl + EXTRA), committed)).toThrow(/EnforcementVehicle has no hints in schema.hints.json/);
});

it('gives each record the reverse relations the schema serves, less those its definition keeps off the page', () => {
  const { resources } = buildMetadata(buildSchema(sdl));
  const organization = resources.find((r) => r.name === 'Organization')!;
  expect(organization.relations).toEqual(
    expect.arrayContaining([
      { field: 'delegationsAsRecipient', resource: 'Delegation', via: 'recipientId', label: { zh: '赋权事项（承接机构）', en: 'Delegation (Recipient)' } },
      { field: 'staffMembers', resource: 'StaffMember', via: 'organizationId', label: { zh: '执法人员', en: 'Staff member' } },
    ]),
  );
  // Accounts are switched off on the organization's page (User.organizationId, ui.related: false).
  expect(organization.relations.map((r) => r.resource)).not.toContain('User');
  expect(resources.find((r) => r.name === 'StaffMember')!.relations.map((r) => r.field)).toEqual(['postings', 'transfers', 'certificates', 'trainingAttendances', 'patrolGrids']);
  // A hint naming a relation the schema does not serve is refused.
  const stale = { ...committed, records: { ...committed.records, CaseReport: { ...committed.records.CaseReport, relations: [{ field: 'ghosts', resource: 'User', via: 'organizationId', label: { zh: '幽灵', en: 'Ghost' } }] } } };
  expect(() => buildMetadata(buildSchema(sdl), stale)).toThrow(/CaseReport.ghosts is in schema.hints.json but not in the schema/);
});

it('lists resources in menu order: groups as declared, records within a group as registered', () => {
  const { resources, groups } = buildMetadata(buildSchema(sdl));
  expect(groups.map((g) => g.key)).toEqual(['catalog', 'directory', 'hr', 'training', 'equipment', 'supervision', 'notices', 'accounts', 'system']);
  const ranks = resources.map((r) => groups.findIndex((g) => g.key === r.group.key));
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  expect(resources.find((r) => r.name === 'Delegation')?.display).toEqual(['recipientId', 'powerItemId']);
  expect(resources.find((r) => r.name === 'User')?.titleField).toBe('username');
  // A long text is entered in several lines, whatever its name.
  const powerItem = resources.find((r) => r.name === 'PowerItem')!;
  expect(powerItem.fields.find((f) => f.name === 'settingBasis')?.multiline).toBe(true);
  expect(powerItem.fields.find((f) => f.name === 'name')?.multiline).toBeUndefined();
});
