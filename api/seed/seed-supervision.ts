import { caseReports, findingEscalations, findings, inspections } from '../../drizzle/schema';
import type { Tx } from '../db';
import { today } from '../dates';
import { getApp } from '../app';
import { caseReportResource } from '../resources/case-report/case-report.resource';
import { findingResource } from '../resources/finding/finding.resource';
import { findingEscalationResource } from '../resources/finding-escalation/finding-escalation.resource';
import { inspectionResource } from '../resources/inspection/inspection.resource';
import { sendBackFinding } from '../resources/finding/finding.service';
import { staffSeeds } from './data/staff';
import { caseReportSeeds, inspectionSeeds, type FindingStatus } from './data/supervision';
import { orgId, type Ids } from './seed-hr';

const records = () => getApp().records;

const STEPS: FindingStatus[] = ['OPEN', 'RECTIFYING', 'RECTIFIED', 'VERIFIED'];

/**
 * Inspections (natural key: title), their findings (inspection and description) and escalations
 * (finding, level and date). A new finding is escalated while still open, then moved forward one
 * step at a time as a user would, and sent back where the verifier did not accept it.
 */
export async function seedSupervision(tx: Tx, orgs: Ids): Promise<void> {
  const inspectionIds: Ids = new Map(
    (await tx.select({ id: inspections.id, title: inspections.title }).from(inspections)).map((i) => [i.title, i.id]),
  );
  const findingIds: Ids = new Map(
    (await tx.select({ id: findings.id, i: findings.inspectionId, d: findings.description }).from(findings)).map((f) => [`${f.i}|${f.d}`, f.id]),
  );
  const escalated = new Set(
    (await tx.select({ f: findingEscalations.findingId, l: findingEscalations.level, on: findingEscalations.escalatedOn }).from(findingEscalations)).map(
      (e) => `${e.f}|${e.l}|${e.on}`,
    ),
  );
  // The person answering for a finding is the head of the responsible organization's team.
  const head = (short: string) => staffSeeds.find((s) => s.key === `${short}-0`)?.name ?? null;

  for (const i of inspectionSeeds) {
    let inspectionId = inspectionIds.get(i.title);
    if (inspectionId === undefined) {
      inspectionId = (
        await records().of(inspectionResource).create(tx, {
          title: i.title,
          kind: i.kind,
          inspectingOrganizationId: orgId(orgs, i.inspecting),
          inspectedOrganizationId: orgId(orgs, i.inspected),
          inspectedOn: i.inspectedOn,
          ...i.files,
          note: i.note,
        })
      ).id as number;
    }
    for (const f of i.findings) {
      let findingId = findingIds.get(`${inspectionId}|${f.description}`);
      const isNew = findingId === undefined;
      if (findingId === undefined) {
        const responsible = f.responsible ?? i.inspected;
        findingId = (
          await records().of(findingResource).create(tx, {
            inspectionId,
            responsibleOrganizationId: orgId(orgs, responsible),
            area: f.area,
            severity: f.severity,
            description: f.description,
            measures: f.measures,
            responsiblePerson: head(responsible),
            dueDate: f.dueDate,
          })
        ).id as number;
      }
      for (const e of f.escalations ?? []) {
        // An escalation is never dated ahead of today (a clock set back would otherwise stop the seed).
        if (e.on > today() || escalated.has(`${findingId}|${e.level}|${e.on}`)) continue;
        await records().of(findingEscalationResource).create(tx, { findingId, level: e.level, escalatedOn: e.on, note: e.note });
      }
      if (!isNew) continue;
      for (const status of STEPS.slice(1, STEPS.indexOf(f.status) + 1)) {
        await records().of(findingResource).update(tx, findingId, { status });
      }
      if (f.sentBack) await sendBackFinding(records(), tx, findingId, f.sentBack);
    }
  }
}

/** Each township's enforcement counts for the two demo years (natural key: organization and period). */
export async function seedCaseReports(tx: Tx, orgs: Ids): Promise<void> {
  const existing = new Set(
    (await tx.select({ o: caseReports.organizationId, s: caseReports.periodStart, e: caseReports.periodEnd }).from(caseReports)).map(
      (r) => `${r.o}|${r.s}|${r.e}`,
    ),
  );
  for (const { organization, ...counts } of caseReportSeeds()) {
    const organizationId = orgId(orgs, organization);
    if (existing.has(`${organizationId}|${counts.periodStart}|${counts.periodEnd}`)) continue;
    await records().of(caseReportResource).create(tx, { organizationId, ...counts });
  }
}
