import type { ResourceDefinition } from '../crud/resource';
import { delegationCatalogResource } from './delegation-catalog/delegation-catalog.resource';
import { delegationResource } from './delegation/delegation.resource';
import { guidanceAssignmentResource } from './guidance-assignment/guidance-assignment.resource';
import { liaisonContactResource } from './liaison-contact/liaison-contact.resource';
import { responsibilityEntryResource } from './responsibility-entry/responsibility-entry.resource';
import { enforcementDomainResource } from './enforcement-domain/enforcement-domain.resource';
import { organizationResource } from './organization/organization.resource';
import { powerItemResource } from './power-item/power-item.resource';
import { staffMemberResource } from './staff-member/staff-member.resource';
import { staffingQuotaResource } from './staffing-quota/staffing-quota.resource';
import { postingResource } from './posting/posting.resource';
import { transferResource } from './transfer/transfer.resource';
import { certificateResource } from './certificate/certificate.resource';
import { certificateEventResource } from './certificate-event/certificate-event.resource';
import { trainingSessionResource } from './training-session/training-session.resource';
import { trainingAttendanceResource } from './training-attendance/training-attendance.resource';
import { trainingAudienceResource } from './training-audience/training-audience.resource';
import { equipmentItemResource } from './equipment-item/equipment-item.resource';
import { patrolGridResource } from './patrol-grid/patrol-grid.resource';
import { inspectionResource } from './inspection/inspection.resource';
import { findingResource } from './finding/finding.resource';
import { findingEscalationResource } from './finding-escalation/finding-escalation.resource';
import { caseReportResource } from './case-report/case-report.resource';
import { caseReferralResource } from './case-referral/case-referral.resource';
import { complaintResource } from './complaint/complaint.resource';
import { noticeResource } from './notice/notice.resource';
import { noticeRecipientResource } from './notice-recipient/notice-recipient.resource';
import { noticeReceiptResource } from './notice-receipt/notice-receipt.resource';
import { dispatchRequestResource } from './dispatch-request/dispatch-request.resource';
import { dispatchAssignmentResource } from './dispatch-assignment/dispatch-assignment.resource';
import { userResource } from './user/user.resource';
import { loginEventResource } from './login-event/login-event.resource';
import { userSessionResource } from './user-session/user-session.resource';
import { apiTokenResource } from './api-token/api-token.resource';
import { auditEntryResource } from './audit-entry/audit-entry.resource';
import { systemParameterResource } from './system-parameter/system-parameter.resource';

/** Every resource of the API. Adding one here gives it the whole grammar and an admin screen. */
export const resourceDefinitions: ResourceDefinition[] = [
  organizationResource,
  enforcementDomainResource,
  powerItemResource,
  delegationCatalogResource,
  delegationResource,
  responsibilityEntryResource,
  liaisonContactResource,
  guidanceAssignmentResource,
  staffMemberResource,
  staffingQuotaResource,
  postingResource,
  transferResource,
  certificateResource,
  certificateEventResource,
  trainingSessionResource,
  trainingAttendanceResource,
  trainingAudienceResource,
  equipmentItemResource,
  patrolGridResource,
  inspectionResource,
  findingResource,
  findingEscalationResource,
  caseReportResource,
  caseReferralResource,
  complaintResource,
  noticeResource,
  noticeRecipientResource,
  noticeReceiptResource,
  dispatchRequestResource,
  dispatchAssignmentResource,
  userResource,
  loginEventResource,
  userSessionResource,
  apiTokenResource,
  auditEntryResource,
  systemParameterResource,
];
