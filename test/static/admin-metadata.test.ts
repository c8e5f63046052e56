import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { buildMetadata } from '../../admin/codegen/resource-metadata';
import { parseDescription } from '../../admin/codegen/describe';

// The admin is generated: a type the API serves with react-admin's grammar gets its screens from the
// metadata this code generator writes, with no admin code. Here the schema gains a resource.
const sdl = readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8');

const EXTRA = `
"""执法车辆 (Enforcement vehicle)\n\n执法队伍使用的车辆。\n\nA vehicle of an enforcement team."""
type EnforcementVehicle {
  id: ID!
  version: Int!
  """车牌号 (Plate)\n\n如豫R·12345。\n\nE.g. 豫R·12345."""
  plate: String!
  """所属机构 (Organization)"""
  organizationId: ID!
  organization: Organization!
  """车辆状态 (Status)"""
  status: VehicleStatus!
  """购置日期 (Bought on)"""
  boughtOn: LocalDate
}
"""车辆状态 (Vehicle status)"""
enum VehicleStatus {
  """在用 (In use)"""
  IN_USE
  """报废 (Retired)"""
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
    plate: String!, organizationId: ID!, status: VehicleStatus = IN_USE, boughtOn: LocalDate,
    """开锁密码 (Key code)"""
    keyCode: Password
  ): EnforcementVehicle!
  retireEnforcementVehicle(id: ID!): EnforcementVehicle!
}
`;

it('describes every resource of the committed schema', () => {
  const { resources } = buildMetadata(buildSchema(sdl));
  expect(resources.map((r) => r.name)).toEqual(
    expect.arrayContaining(['Organization', 'Delegation', 'StaffMember', 'Transfer', 'Finding', 'FindingEscalation', 'CaseReport']),
  );
  const transfer = resources.find((r) => r.name === 'Transfer')!;
  expect(transfer.label).toEqual({ zh: '人员调动', en: 'Transfer' });
  expect(transfer.operations).toEqual(['cancelTransfer', 'completeTransfer', 'overdueSecondments']);
  const staff = transfer.fields.find((f) => f.name === 'staffMemberId')!;
  expect(staff).toMatchObject({ kind: 'reference', reference: 'StaffMember', writable: true, required: true });
  expect(transfer.fields.find((f) => f.name === 'status')).toMatchObject({ kind: 'enum', enumName: 'TransferStatus', writable: false });
  expect(transfer.fields.find((f) => f.name === 'returnOverdue')).toMatchObject({ kind: 'boolean', writable: false });
  // Fields keep the table's order, which the forms follow.
  expect(transfer.fields.slice(0, 6).map((f) => f.name)).toEqual(['id', 'version', 'createdAt', 'updatedAt', 'staffMemberId', 'kind']);
});

it('gives a new type served with the grammar a complete screen description', () => {
  const { resources, enums } = buildMetadata(buildSchema(sdl + EXTRA));
  const vehicle = resources.find((r) => r.name === 'EnforcementVehicle');
  expect(vehicle).toEqual({
    name: 'EnforcementVehicle',
    plural: 'EnforcementVehicles',
    label: { zh: '执法车辆', en: 'Enforcement vehicle' },
    description: { zh: '执法队伍使用的车辆。', en: 'A vehicle of an enforcement team.' },
    titleField: 'id',
    searchable: true,
    operations: ['retireEnforcementVehicle'],
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
    ],
  });
  expect(enums.VehicleStatus.values).toEqual([
    { value: 'IN_USE', label: { zh: '在用', en: 'In use' } },
    { value: 'RETIRED', label: { zh: '报废', en: 'Retired' } },
  ]);
});

it('reads labels whose English holds parentheses, and help in one or two languages', () => {
  expect(parseDescription('街道 (Street (subdistrict))')).toEqual({ label: { zh: '街道', en: 'Street (subdistrict)' } });
  expect(parseDescription('名称 (Name)\n\n机构全称。\n\nFull name.')).toEqual({ label: { zh: '名称', en: 'Name' }, help: { zh: '机构全称。', en: 'Full name.' } });
  expect(parseDescription('名称 (Name)\n\nFull name.')).toEqual({ label: { zh: '名称', en: 'Name' }, help: { zh: 'Full name.', en: 'Full name.' } });
  expect(parseDescription(undefined)).toEqual({});
});
