import type { ResourceMetadata } from './types';

/**
 * How a record is named in page titles, confirmations, reference columns and pickers, where its
 * one title field is not enough: a delegation is "which street, which power", a person is named with
 * their organization so two 张伟 can be told apart. Fields in order; a reference shows the main name
 * of the record it points at. Declared as data, here until the admin hints move into the record
 * definitions (ARCHITECTURE §15); a resource not listed is named by its title field.
 */
export const DISPLAY: Record<string, string[]> = {
  StaffMember: ['name', 'organizationId'],
  LiaisonContact: ['personName', 'organizationId'],
  Delegation: ['recipientId', 'powerItemId'],
  GuidanceAssignment: ['departmentId', 'townshipId'],
  StaffingQuota: ['organizationId', 'year', 'category'],
  Posting: ['staffMemberId', 'post', 'startedOn'],
  Transfer: ['staffMemberId', 'kind', 'effectiveDate'],
  Certificate: ['number', 'staffMemberId'],
  TrainingAttendance: ['staffMemberId', 'sessionId'],
  FindingEscalation: ['findingId', 'level', 'escalatedOn'],
  CaseReport: ['organizationId', 'periodStart', 'periodEnd'],
  User: ['username', 'displayName'],
};

export function displayFields(resource: ResourceMetadata): string[] {
  return DISPLAY[resource.name] ?? [resource.titleField];
}
