import { metadata } from '../generated/metadata';
import type { Bilingual, FieldMetadata, ResourceMetadata } from './types';

export type { Bilingual, FieldMetadata, ResourceMetadata } from './types';
export const { enums } = metadata;

/**
 * Where each resource sits in the menu. Only the order and grouping are written here; a resource
 * the API adds later still appears, under "其他 / Other", with its generated screens.
 */
export const MENU_GROUPS: { key: string; label: Bilingual; resources: string[] }[] = [
  {
    key: 'catalog',
    label: { zh: '赋权目录', en: 'Catalogs' },
    resources: ['DelegationCatalog', 'Delegation', 'PowerItem', 'EnforcementDomain', 'ResponsibilityEntry'],
  },
  { key: 'directory', label: { zh: '机构与联络', en: 'Directory' }, resources: ['Organization', 'LiaisonContact', 'GuidanceAssignment'] },
  { key: 'hr', label: { zh: '人员管理', en: 'Staff' }, resources: ['StaffMember', 'StaffingQuota', 'Posting', 'Transfer', 'Certificate'] },
  { key: 'training', label: { zh: '培训考试', en: 'Training' }, resources: ['TrainingSession', 'TrainingAttendance'] },
  { key: 'supervision', label: { zh: '执法监督', en: 'Supervision' }, resources: ['Inspection', 'Finding', 'FindingEscalation', 'CaseReport'] },
  { key: 'accounts', label: { zh: '账号', en: 'Accounts' }, resources: ['User'] },
];

const grouped = MENU_GROUPS.flatMap((g) => g.resources);

/** Every resource, in menu order; unknown ones last. */
export const resources: ResourceMetadata[] = [
  ...grouped.map((n) => metadata.resources.find((r) => r.name === n)).filter((r): r is ResourceMetadata => Boolean(r)),
  ...metadata.resources.filter((r) => !grouped.includes(r.name)),
];

export function resourceMeta(name: string): ResourceMetadata {
  const found = metadata.resources.find((r) => r.name === name);
  if (!found) throw new Error(`No resource ${name} in the generated metadata`);
  return found;
}

export const SYSTEM_FIELDS = ['id', 'version', 'createdAt', 'updatedAt'];

/** Fields shown as list columns by default: the title first, then the record's own fields. */
export function listColumns(resource: ResourceMetadata): FieldMetadata[] {
  const own = resource.fields.filter((f) => !SYSTEM_FIELDS.includes(f.name));
  const title = own.find((f) => f.name === resource.titleField);
  return [...(title ? [title] : []), ...own.filter((f) => f !== title)];
}

/** Fields of a record page: its own fields first, then id and timestamps. */
export function showFields(resource: ResourceMetadata): FieldMetadata[] {
  const own = resource.fields.filter((f) => !SYSTEM_FIELDS.includes(f.name));
  const system = resource.fields.filter((f) => SYSTEM_FIELDS.includes(f.name) && f.name !== 'version');
  return [...own, ...system];
}
