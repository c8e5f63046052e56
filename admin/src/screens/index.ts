import type { ComponentType } from 'react';
import { CatalogShow } from './CatalogShow';
import { FindingShow, FindingsBoard } from './FindingsBoard';
import { TransferShow } from './TransferShow';
import { UserShow } from './UserShow';
import { UserSessionShow } from './UserSessionShow';
import { OrganizationShow } from './OrganizationShow';
import { CaseReferralShow } from './CaseReferralShow';
import { NoticeShow } from './NoticeShow';
import { DispatchAssignmentShow } from './DispatchAssignmentShow';
import { ApiTokenList, ApiTokenShow } from './ApiTokens';

/**
 * Hand-written screens that replace a generated one, by resource: only where the work needs more
 * than a form. Every other screen is generated from the schema.
 */
export const screens: Record<string, { list?: ComponentType; show?: ComponentType }> = {
  Transfer: { show: TransferShow },
  DelegationCatalog: { show: CatalogShow },
  Finding: { list: FindingsBoard, show: FindingShow },
  User: { show: UserShow },
  UserSession: { show: UserSessionShow },
  Organization: { show: OrganizationShow },
  CaseReferral: { show: CaseReferralShow },
  Notice: { show: NoticeShow },
  DispatchAssignment: { show: DispatchAssignmentShow },
  ApiToken: { list: ApiTokenList, show: ApiTokenShow },
};
