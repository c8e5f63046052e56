import 'reflect-metadata';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { crudResolverOf, models } from './registry';
import {
  CatalogDiffItemResolver,
  CatalogDiffRecipientResolver,
  DelegationCatalogResolver,
} from './resources/delegation-catalog/delegation-catalog.resolver';
import { DelegationResolver } from './resources/delegation/delegation.resolver';
import { StaffMemberResolver } from './resources/staff-member/staff-member.resolver';
import { StaffingQuotaResolver } from './resources/staffing-quota/staffing-quota.resolver';
import { TransferResolver } from './resources/transfer/transfer.resolver';
import { StaffTrainingHoursResolver, TrainingAttendanceResolver } from './resources/training-attendance/training-attendance.resolver';
import { FindingResolver } from './resources/finding/finding.resolver';
import { CaseReportResolver } from './resources/case-report/case-report.resolver';
import { AuditEntryResolver, UserResolver } from './resources/user/auth.resolver';
import { ApiTokenResolver } from './resources/user/api-token.resolver';
import { PermissionsResolver } from './resources/user/permissions.resolver';
import { guardSchema } from './auth/token-guard';

/** Resources with domain operations; every other resource is served by its generated resolver. */
const domainResolvers: Record<string, Function> = {
  DelegationCatalog: DelegationCatalogResolver,
  Delegation: DelegationResolver,
  StaffMember: StaffMemberResolver,
  StaffingQuota: StaffingQuotaResolver,
  Transfer: TransferResolver,
  TrainingAttendance: TrainingAttendanceResolver,
  Finding: FindingResolver,
  CaseReport: CaseReportResolver,
  User: UserResolver,
};

/** Resolvers of types that are not resources (report rows with their own references). */
const otherResolvers: Function[] = [
  StaffTrainingHoursResolver,
  ApiTokenResolver,
  AuditEntryResolver,
  CatalogDiffRecipientResolver,
  CatalogDiffItemResolver,
  PermissionsResolver,
];

let schema: GraphQLSchema | undefined;

export function getSchema(): GraphQLSchema {
  // Who may read what is checked around the fields that need it (api/auth/token-guard.ts).
  schema ??= guardSchema(buildSchemaSync({
    resolvers: [...models.map((m) => domainResolvers[m.name] ?? crudResolverOf(m.name)), ...otherResolvers] as [
      Function,
      ...Function[],
    ],
    // Input rules live in the CRUD layer (one place, bilingual messages), not in class-validator.
    validate: false,
  }));
  return schema;
}

export const SCHEMA_HEADER =
  '# Generated from the API code by `npm run schema:emit`; do not edit. A test fails when it drifts.\n\n';

/**
 * The SDL committed as schema.graphql. Fields keep their declaration order (the table's column
 * order), which the admin's forms follow; the order is deterministic, so the drift test holds.
 */
export function printedSchema(): string {
  return SCHEMA_HEADER + printSchema(getSchema()) + '\n';
}
