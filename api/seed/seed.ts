import { and, count, eq } from 'drizzle-orm';
import {
  delegationCatalogs,
  enforcementDomains,
  guidanceAssignments,
  liaisonContacts,
  organizations,
  powerItems,
  responsibilityEntries,
} from '../../drizzle/schema';
import type { Db, Tx } from '../db';
import { getApp } from '../app';
import type { ResourceDefinition } from '../crud/resource';
import { guidanceAssignmentResource } from '../resources/guidance-assignment/guidance-assignment.resource';
import { responsibilityEntryResource } from '../resources/responsibility-entry/responsibility-entry.resource';
import { organizationResource } from '../resources/organization/organization.resource';
import { enforcementDomainResource } from '../resources/enforcement-domain/enforcement-domain.resource';
import { powerItemResource } from '../resources/power-item/power-item.resource';
import { liaisonContactResource } from '../resources/liaison-contact/liaison-contact.resource';
import { delegationResource } from '../resources/delegation/delegation.resource';
import { delegationCatalogResource } from '../resources/delegation-catalog/delegation-catalog.resource';
import { seedSignIns, seedUsers } from './seed-users';
import { runAs, SYSTEM } from '../auth/actor';
import { publishCatalog } from '../resources/delegation-catalog/delegation-catalog.service';
import {
  COUNTY_GOVERNMENT,
  DISCIPLINE_COMMISSION,
  delegationReach,
  departments,
  domains,
  guidance,
  REGION,
  subUnits,
  townships,
  verticalUnits,
} from './data/organizations';
import { powerItemSeeds } from './data/power-items';
import { ASSIGNED, departmentResponsibilities, GUIDING, person, townshipResponsibilities } from './data/directory';
import { seedStaff } from './seed-hr';
import { seedCaseReports, seedSupervision } from './seed-supervision';
import { seedCooperation } from './seed-cooperation';
import { seedAttachments } from './seed-attachments';
import { seedNotices } from './seed-notices';
import { seedTraining } from './seed-training';
import { seedEquipment } from './seed-equipment';

const records = () => getApp().records;

const CODE_SCHEME = '镇平县执法事项编码（示例）';

type Ids = Map<string, number>;

/** Find a record by its natural key, or create it through the CRUD service (same rules as the API). */
async function findOrCreate(
  tx: Tx,
  resource: ResourceDefinition,
  existing: Promise<{ id: number }[]>,
  values: Record<string, unknown>,
): Promise<number> {
  const [row] = await existing;
  if (row) return row.id;
  return (await records().of(resource).create(tx, values)).id;
}

async function seedOrganizations(tx: Tx): Promise<Ids> {
  const ids: Ids = new Map();
  const org = (code: string, name: string, kind: string, parentId: number | null = null, shortName: string | null = null) =>
    findOrCreate(tx, organizationResource, tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.code, code)), {
      code,
      name,
      kind,
      parentId,
      region: REGION,
      shortName,
    });
  await org(COUNTY_GOVERNMENT.code, COUNTY_GOVERNMENT.name, COUNTY_GOVERNMENT.kind).then((id) => ids.set('县政府', id));
  const d = DISCIPLINE_COMMISSION;
  await org(d.code, d.name, d.kind, null, d.short).then((id) => ids.set(d.short, id));
  for (const [i, t] of townships.entries()) {
    const code = `411324-T${String(i + 1).padStart(2, '0')}`;
    ids.set(t.short, await org(code, t.name, t.name.endsWith('街道') ? 'STREET' : 'TOWNSHIP', null, t.short));
  }
  for (const [i, d] of departments.entries()) {
    ids.set(d.short, await org(`411324-D${String(i + 1).padStart(2, '0')}`, d.name, 'DEPARTMENT', null, d.short));
  }
  for (const [i, v] of verticalUnits.entries()) {
    ids.set(v.short, await org(`411324-V${String(i + 1).padStart(2, '0')}`, v.name, 'VERTICAL_UNIT', null, v.short));
  }
  for (const [i, s] of subUnits.entries()) {
    await org(`411324-S${String(i + 1).padStart(2, '0')}`, s.name, 'OTHER', ids.get(s.parent)!);
  }
  return ids;
}

async function seedDomains(tx: Tx): Promise<Ids> {
  const ids: Ids = new Map();
  for (const d of domains) {
    const where = eq(enforcementDomains.code, d.code);
    ids.set(d.code, await findOrCreate(tx, enforcementDomainResource, tx.select({ id: enforcementDomains.id }).from(enforcementDomains).where(where), d));
  }
  return ids;
}

async function seedPowerItems(tx: Tx, orgs: Ids, domainIds: Ids): Promise<Ids> {
  const ids: Ids = new Map();
  for (const item of powerItemSeeds) {
    const where = and(eq(powerItems.codeScheme, CODE_SCHEME), eq(powerItems.code, item.code));
    const id = await findOrCreate(tx, powerItemResource, tx.select({ id: powerItems.id }).from(powerItems).where(where), {
      codeScheme: CODE_SCHEME,
      code: item.code,
      name: item.name,
      category: item.category,
      domainId: domainIds.get(item.domainCode),
      sourceDepartmentId: orgs.get(item.sourceDepartment),
      settingBasis: item.settingBasis,
      implementationBasis: item.implementationBasis,
      penaltyKinds: item.penaltyKinds,
      description: item.description ?? null,
      parentId: item.parentCode ? ids.get(item.parentCode) : null,
    });
    ids.set(item.code, id);
  }
  return ids;
}

interface CatalogPlan {
  title: string;
  documentNumber: string | null;
  issuedOn: string | null;
  effectiveFrom: string;
  mode: 'ENTRUSTED' | 'GRANTED';
  /** Which of a department's delegable items this version holds, by position. */
  pick: (index: number, total: number) => boolean;
  supersedes?: string;
  publish: boolean;
  onlyDepartments?: string[];
}

const CATALOGS: CatalogPlan[] = [
  {
    title: '镇平县乡镇（街道）综合行政执法赋权事项目录（2021年版）',
    documentNumber: '镇政〔2021〕15号',
    issuedOn: '2021-05-20',
    effectiveFrom: '2021-06-01',
    mode: 'ENTRUSTED',
    pick: (i, n) => i < n - 1,
    publish: true,
  },
  {
    title: '镇平县乡镇（街道）综合行政执法赋权事项目录（2023年版）',
    documentNumber: '镇政〔2023〕8号',
    issuedOn: '2023-06-15',
    effectiveFrom: '2023-07-01',
    mode: 'GRANTED',
    // The 2023 adjustment takes back each department's first item and adds its last one.
    pick: (i) => i > 0,
    supersedes: '镇政〔2021〕15号',
    publish: true,
  },
  {
    title: '镇平县乡镇（街道）综合行政执法赋权事项目录（2025年调整征求意见稿）',
    documentNumber: null,
    issuedOn: null,
    effectiveFrom: '2026-01-01',
    mode: 'GRANTED',
    pick: () => true,
    supersedes: '镇政〔2023〕8号',
    publish: false,
    onlyDepartments: ['城市管理局'],
  },
];

async function seedCatalogs(tx: Tx, orgs: Ids, items: Ids): Promise<void> {
  const parents = new Set(powerItemSeeds.map((p) => p.parentCode).filter(Boolean));
  const catalogIds = new Map<string, number>();
  for (const [n, plan] of CATALOGS.entries()) {
    const [existing] = await tx
      .select({ id: delegationCatalogs.id })
      .from(delegationCatalogs)
      .where(eq(delegationCatalogs.title, plan.title));
    if (existing) {
      if (plan.documentNumber) catalogIds.set(plan.documentNumber, existing.id);
      continue;
    }
    const catalog = await records().of(delegationCatalogResource).create(tx, {
      title: plan.title,
      documentNumber: plan.documentNumber,
      issuingOrganizationId: orgs.get('县政府'),
      issuedOn: plan.issuedOn,
      effectiveFrom: plan.effectiveFrom,
      supersedesId: plan.supersedes ? catalogIds.get(plan.supersedes) : null,
      note: n === 2 ? '城市管理领域事项调整，征求意见中' : null,
    });
    if (plan.documentNumber) catalogIds.set(plan.documentNumber, catalog.id);
    let seq = 0;
    const inputs: Record<string, unknown>[] = [];
    // Each department hands down its own items, wherever they reach, whoever guides the township.
    for (const { department, townships: towns } of delegationReach) {
      if (plan.onlyDepartments && !plan.onlyDepartments.includes(department)) continue;
      // Main items with sub-items are delegated through their sub-items.
      const delegable = powerItemSeeds.filter((p) => p.sourceDepartment === department && !parents.has(p.code));
      for (const town of towns) {
        for (const [i, item] of delegable.entries()) {
          if (!plan.pick(i, delegable.length)) continue;
          seq += 1;
          inputs.push({
            catalogId: catalog.id,
            powerItemId: items.get(item.code),
            recipientId: orgs.get(town),
            delegatingOrganizationId: orgs.get(department),
            mode: plan.mode,
            scope: item.category === 'PENALTY' ? 'ALL' : 'PART',
            scopeNote: item.category === 'PENALTY' ? null : '限于本辖区内日常巡查发现的违法行为',
            effectiveFrom: plan.effectiveFrom,
            // The items the 2023 adjustment added to the last township a department's items reach are still
            // awaiting their 赋权确认书: the dashboard shows them per street.
            ...(plan.publish && !(n === 1 && i === delegable.length - 1 && town === towns[towns.length - 1])
              ? { confirmationNumber: `镇赋确〔${plan.effectiveFrom.slice(0, 4)}〕${seq}号`, confirmationSignedOn: plan.issuedOn }
              : { confirmationNumber: null, confirmationSignedOn: null }),
          });
        }
      }
    }
    // Stored together under the same rules as one by one (a catalog of several hundred lines);
    // the demo breaks none of them.
    const refused = (await records().of(delegationResource).createMany(tx, inputs)).find((c) => c.refused);
    if (refused) throw refused.refused;
    if (plan.publish) await publishCatalog(records(), tx, catalog.id);
  }
}

/** The township whose liaison stood down without a successor. */
const LIAISON_STOOD_DOWN = '侯集';

/**
 * The liaison directory and guidance assignments of 《镇平县行政执法改革与管理专项整治工作实施方案》: each township's liaison for its
 * guiding department; each department's staff named to each township its items reach (执法人员分包到
 * 各乡镇(街道)), the guiding department's lead among them; and the four lists of every department that
 * delegates and of every street and township.
 */
async function seedDirectory(tx: Tx, orgs: Ids): Promise<void> {
  // One township's liaison stood down in September 2025 and no one has been named since (要明确1名联络员).
  let n = 0;
  const contact = async (organizationId: number, counterpartId: number, role: string, title: string, activeTo: string | null = null) => {
    const p = person(n++);
    const where = and(
      eq(liaisonContacts.organizationId, organizationId),
      eq(liaisonContacts.counterpartId, counterpartId),
      eq(liaisonContacts.role, role as 'LIAISON'),
    );
    return findOrCreate(tx, liaisonContactResource, tx.select({ id: liaisonContacts.id }).from(liaisonContacts).where(where), {
      organizationId,
      counterpartId,
      role,
      title,
      ...p,
      activeFrom: '2021-04-25',
      activeTo,
    });
  };
  // The four lists, stored together at the end (a few hundred lines without rules of their own).
  const entries: Record<string, unknown>[] = [];
  const lists = (organizationId: number, kept: readonly { responsibility: string }[]) => {
    for (const entry of kept) entries.push({ organizationId, ...entry });
  };
  const guides = (department: string, town: string) => guidance.some((g) => g.department === department && g.townships.includes(town));
  for (const { department, townships: towns } of delegationReach) {
    const departmentId = orgs.get(department)!;
    for (const town of towns) {
      const townshipId = orgs.get(town)!;
      const guiding = guides(department, town);
      if (guiding) await contact(townshipId, departmentId, 'LIAISON', '综合行政执法中队长', town === LIAISON_STOOD_DOWN ? '2025-09-30' : null);
      const lead = await contact(departmentId, townshipId, 'GUIDANCE_LEAD', guiding ? '执法大队副大队长' : '分包执法人员');
      const where = and(eq(guidanceAssignments.departmentId, departmentId), eq(guidanceAssignments.townshipId, townshipId));
      await findOrCreate(tx, guidanceAssignmentResource, tx.select({ id: guidanceAssignments.id }).from(guidanceAssignments).where(where), {
        departmentId,
        townshipId,
        leadContactId: lead,
        since: '2021-04-13',
        note: guiding ? GUIDING : ASSIGNED,
      });
    }
    lists(departmentId, departmentResponsibilities(guidance.some((g) => g.department === department)));
  }
  for (const t of townships) lists(orgs.get(t.short)!, townshipResponsibilities);
  const existing = new Set(
    (await tx.select({ organizationId: responsibilityEntries.organizationId, responsibility: responsibilityEntries.responsibility }).from(responsibilityEntries)).map(
      (e) => `${e.organizationId} ${e.responsibility}`,
    ),
  );
  const missing = entries.filter((e) => !existing.has(`${e.organizationId} ${e.responsibility}`));
  const refused = (await records().of(responsibilityEntryResource).createMany(tx, missing)).find((c) => c.refused);
  if (refused) throw refused.refused;
}

/** Seeds the demo county; running it again adds nothing that is already there. */
export async function seedDemo(db: Db): Promise<void> {
  await runAs(SYSTEM, () => db.transaction(async (tx) => {
    const orgs = await seedOrganizations(tx);
    const domainIds = await seedDomains(tx);
    const items = await seedPowerItems(tx, orgs, domainIds);
    await seedCatalogs(tx, orgs, items);
    await seedDirectory(tx, orgs);
    const staff = await seedStaff(tx, orgs, (ids) => seedTraining(tx, orgs, ids, (s) => s.qualifying === true));
    await seedTraining(tx, orgs, staff);
    await seedEquipment(tx, orgs, staff);
    await seedSupervision(tx, orgs);
    await seedCaseReports(tx, orgs);
    await seedCooperation(tx, orgs);
    await seedAttachments(tx);
    await seedUsers(tx, orgs);
    await seedNotices(tx, orgs);
    await seedSignIns(tx);
  }));
}

/** Seeds only a database that has no organization yet; returns whether it did. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(organizations);
  if (Number(n) > 0) return false;
  await seedDemo(db);
  return true;
}

