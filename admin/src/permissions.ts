import { usePermissions, useRecordContext, type RaRecord } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { graphql } from './data-provider';
import { MyRecordPermissionsDocument, type MyPermissionsQuery } from './generated/operations';

// What the signed-in user may do, as the API's `myPermissions` tells it (the same declared rules
// the server enforces). Screens show only the controls that will work; the server still refuses on
// its own. Fetched once after sign-in (auth-provider.ts).

/** As `myPermissions` answers (permissions.graphql). */
export type Permissions = MyPermissionsQuery['myPermissions'];
export type ResourcePermission = Permissions['resources'][number];

const NONE: ResourcePermission = { resource: '', readAll: true, create: false, update: false, delete: false, ownOrganizationOnly: false, ownerPaths: [], sharedOwnership: false, operations: [] };

export function useMyPermissions(): Permissions | undefined {
  const { permissions } = usePermissions<Permissions>();
  return permissions && typeof permissions === 'object' ? permissions : undefined;
}

export function permissionOf(permissions: Permissions | undefined, resource: string | undefined): ResourcePermission {
  return permissions?.resources.find((r) => r.resource === resource) ?? NONE;
}

export function useResourcePermission(resource: string | undefined): ResourcePermission {
  return permissionOf(useMyPermissions(), resource);
}

/**
 * What the user may do with this record. A county account's permission holds for every record; a
 * street or township account's depends on the organizations the record names (directly, or
 * through the records it points at: a posting's person, a transfer's two sides), so the server,
 * which makes the same check on a write, is asked once per record (`myRecordPermissions`).
 */
export function useRecordPermission(resource: string, recordArg?: RaRecord): { update: boolean; delete: boolean; operations: string[] } {
  const contextRecord = useRecordContext();
  const record = recordArg ?? contextRecord;
  const p = permissionOf(useMyPermissions(), resource);
  const perRecord = p.ownOrganizationOnly && record?.id != null;
  const { data } = useQuery({
    queryKey: ['myRecordPermissions', resource, record?.id, record?.version],
    queryFn: () =>
      graphql(MyRecordPermissionsDocument, { resource, ids: [String(record!.id)] }).then((d) => d.myRecordPermissions[0] ?? null),
    enabled: perRecord,
  });
  if (!record) return { update: false, delete: false, operations: [] };
  if (!perRecord) return { update: p.update, delete: p.delete, operations: p.operations };
  return data ?? { update: false, delete: false, operations: [] };
}

/** The filter a street or township account's lists start with: its own organization's records, which it may clear. */
export function useOwnOrganizationFilter(resource: string): Record<string, string> | undefined {
  const permissions = useMyPermissions();
  const p = permissionOf(permissions, resource);
  // The record's own reference to its organization, when it has one and it alone decides.
  const path = p.sharedOwnership ? undefined : p.ownerPaths.find((x) => x.length === 1);
  if (!permissions?.local || !permissions.organizationId || !path) return undefined;
  return { [path[0]]: permissions.organizationId };
}
