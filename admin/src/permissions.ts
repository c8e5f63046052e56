import { useGetOne, usePermissions, useRecordContext, type RaRecord } from 'react-admin';
import { resourceMeta } from './metadata';

// What the signed-in user may do, as the API's `myPermissions` tells it (the same declared rules
// the server enforces). Screens show only the controls that will work; the server still refuses on
// its own. Fetched once after sign-in (auth-provider.ts).

export interface ResourcePermission {
  resource: string;
  readAll: boolean;
  create: boolean;
  update: boolean;
  delete: boolean;
  ownOrganizationOnly: boolean;
  ownerPath: string[] | null;
  operations: string[];
}

export interface Permissions {
  userId: string | null;
  role: string | null;
  organizationId: string | null;
  local: boolean;
  resources: ResourcePermission[];
  operations: string[];
}

export const PERMISSIONS_QUERY =
  '{ myPermissions { userId role organizationId local operations resources { resource readAll create update delete ownOrganizationOnly ownerPath operations } } timeZone }';

const NONE: ResourcePermission = { resource: '', readAll: true, create: false, update: false, delete: false, ownOrganizationOnly: false, ownerPath: null, operations: [] };

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
 * What the user may do with this record: a street or township account only with its own
 * organization's records, found where the record names its organization (`ownerPath`), directly or
 * on the record it points at (a certificate's person).
 */
export function useRecordPermission(resource: string, recordArg?: RaRecord): { update: boolean; delete: boolean; operations: string[] } {
  const contextRecord = useRecordContext();
  const record = recordArg ?? contextRecord;
  const permissions = useMyPermissions();
  const p = permissionOf(permissions, resource);
  const path = p.ownerPath ?? [];
  const via = path.length === 2 ? resourceMeta(resource).fields.find((f) => f.name === path[0])?.reference : undefined;
  const viaId = via && record ? record[path[0]] : undefined;
  const { data: target } = useGetOne(via ?? resource, { id: viaId }, { enabled: Boolean(p.ownOrganizationOnly && via && viaId != null) });
  if (!record) return { update: false, delete: false, operations: [] };
  let own = true;
  if (p.ownOrganizationOnly) {
    const owner = path.length === 2 ? target?.[path[1]] : record[path[0]];
    own = owner != null && String(owner) === String(permissions?.organizationId);
  }
  return { update: p.update && own, delete: p.delete && own, operations: own ? p.operations : [] };
}

/** The filter a street or township account's lists start with: its own organization's records, which it may clear. */
export function useOwnOrganizationFilter(resource: string): Record<string, string> | undefined {
  const permissions = useMyPermissions();
  const path = permissionOf(permissions, resource).ownerPath;
  if (!permissions?.local || !permissions.organizationId || path?.length !== 1) return undefined;
  return { [path[0]]: permissions.organizationId };
}
