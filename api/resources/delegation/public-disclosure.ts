import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  certificates,
  delegationCatalogs,
  delegations,
  enforcementDomains,
  organizations,
  postings,
  powerItems,
  staffMembers,
} from '../../../drizzle/schema';
import type { Queryable } from '../../db';

// What the public may see of a street or township (公示), without an account: 《镇平县行政执法改革与管理
// 专项整治工作实施方案》 asks each unit to 向社会公开行政执法岗责体系 and to enforce 亮证执法, and
// 《武昌区街道综合行政执法规范化建设实施意见》 asks for the 三项制度 (执法公示 among them). So: the
// powers a street holds on a day (item, mode, delegating department, legal basis, since when), the
// catalog editions that gave them (title and document number), and the people who hold an
// enforcement post there with a certificate in force, by what an officer shows when enforcing:
// name, post, certificate number, issuing authority, area, categories and validity. Nothing else of
// a person: no mobile number, no establishment category, no notes, no transfers or training. Drafts
// never show; auxiliary staff (who may not enforce in their own name) are not listed as officers.

/** Kinds of organization that receive powers, and so have a public page. */
const LOCAL_KINDS = ['STREET', 'TOWNSHIP'] as const;
/** Catalog editions the public sees: published, and those a later edition superseded. */
const PUBLIC_STATUSES = ['PUBLISHED', 'SUPERSEDED'] as const;
/** Posts that enforce in the street's name; 辅助岗 only assists and is not published as an officer. */
const OFFICER_POSTS = ['ENFORCEMENT', 'LEGAL_REVIEW', 'LEADERSHIP'] as const;

export interface PublicOrganization {
  code: string;
  name: string;
  kind: string;
  region: string | null;
}

export interface PublicPower {
  itemCode: string;
  itemName: string;
  category: string;
  domain: string;
  mode: string;
  scope: string;
  scopeNote: string | null;
  delegatingDepartment: string;
  settingBasis: string;
  implementationBasis: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  catalogTitle: string;
  catalogDocumentNumber: string | null;
}

export interface PublicCatalogEdition {
  title: string;
  documentNumber: string | null;
  issuer: string;
  issuedOn: string | null;
  effectiveFrom: string;
  status: string;
}

export interface PublicOfficer {
  name: string;
  post: string;
  certificateNumber: string;
  issuingAuthority: string;
  area: string | null;
  categories: string | null;
  validUntil: string | null;
}

export interface PublicDisclosure {
  organization: PublicOrganization;
  date: string;
  powers: PublicPower[];
  catalogs: PublicCatalogEdition[];
  officers: PublicOfficer[];
}

/** The street or township with this code, or null when there is none (other kinds have no public page). */
export async function publicOrganization(db: Queryable, code: string): Promise<(PublicOrganization & { id: number }) | null> {
  const [row] = await db
    .select({ id: organizations.id, code: organizations.code, name: organizations.name, kind: organizations.kind, region: organizations.region })
    .from(organizations)
    .where(and(eq(organizations.code, code), inArray(organizations.kind, [...LOCAL_KINDS])));
  return row ? { ...row, code: row.code ?? code } : null;
}

/** Every street and township with a code, for the index of public pages. */
export async function publicOrganizations(db: Queryable): Promise<PublicOrganization[]> {
  const rows = await db
    .select({ code: organizations.code, name: organizations.name, kind: organizations.kind, region: organizations.region })
    .from(organizations)
    .where(inArray(organizations.kind, [...LOCAL_KINDS]))
    .orderBy(asc(organizations.code));
  return rows.flatMap((r) => (r.code === null ? [] : [{ ...r, code: r.code }]));
}

/** What the public sees of one street or township on a day; null when the code names none. */
export async function publicDisclosure(db: Queryable, code: string, date: string): Promise<PublicDisclosure | null> {
  const found = await publicOrganization(db, code);
  if (!found) return null;
  const { id, ...organization } = found;
  const delegating = alias(organizations, 'delegating');
  const issuer = alias(organizations, 'issuer');
  const inForce = and(
    eq(delegations.recipientId, id),
    inArray(delegationCatalogs.status, [...PUBLIC_STATUSES]),
    lte(delegations.effectiveFrom, date),
    or(isNull(delegations.effectiveTo), gte(delegations.effectiveTo, date)),
  );
  const powers = await db
    .select({
      itemCode: powerItems.code,
      itemName: powerItems.name,
      category: powerItems.category,
      domain: enforcementDomains.name,
      mode: delegations.mode,
      scope: delegations.scope,
      scopeNote: delegations.scopeNote,
      delegatingDepartment: delegating.name,
      settingBasis: powerItems.settingBasis,
      implementationBasis: powerItems.implementationBasis,
      effectiveFrom: delegations.effectiveFrom,
      effectiveTo: delegations.effectiveTo,
      catalogTitle: delegationCatalogs.title,
      catalogDocumentNumber: delegationCatalogs.documentNumber,
    })
    .from(delegations)
    .innerJoin(delegationCatalogs, eq(delegationCatalogs.id, delegations.catalogId))
    .innerJoin(powerItems, eq(powerItems.id, delegations.powerItemId))
    .innerJoin(enforcementDomains, eq(enforcementDomains.id, powerItems.domainId))
    .innerJoin(delegating, eq(delegating.id, delegations.delegatingOrganizationId))
    .where(inForce)
    .orderBy(asc(enforcementDomains.code), asc(powerItems.code), asc(delegations.id));

  // Every public edition that ever gave this street a power, oldest first: the page's 依据 section.
  const gave = db.selectDistinct({ id: delegations.catalogId }).from(delegations).where(eq(delegations.recipientId, id));
  const catalogs = await db
    .select({
      title: delegationCatalogs.title,
      documentNumber: delegationCatalogs.documentNumber,
      issuer: issuer.name,
      issuedOn: delegationCatalogs.issuedOn,
      effectiveFrom: delegationCatalogs.effectiveFrom,
      status: delegationCatalogs.status,
    })
    .from(delegationCatalogs)
    .innerJoin(issuer, eq(issuer.id, delegationCatalogs.issuingOrganizationId))
    .where(and(inArray(delegationCatalogs.status, [...PUBLIC_STATUSES]), inArray(delegationCatalogs.id, gave)))
    .orderBy(asc(delegationCatalogs.effectiveFrom), asc(delegationCatalogs.id));

  // People posted here that day (a departure or a move ends the posting) to a post that enforces,
  // each certificate in force that day once.
  const officers = await db
    .select({
      name: staffMembers.name,
      post: postings.post,
      certificateNumber: certificates.number,
      issuingAuthority: certificates.issuingAuthority,
      area: certificates.area,
      categories: certificates.categories,
      validUntil: certificates.expiresOn,
    })
    .from(postings)
    .innerJoin(staffMembers, eq(staffMembers.id, postings.staffMemberId))
    .innerJoin(certificates, eq(certificates.staffMemberId, postings.staffMemberId))
    .where(
      and(
        eq(postings.organizationId, id),
        inArray(postings.post, [...OFFICER_POSTS]),
        lte(postings.startedOn, date),
        or(isNull(postings.endedOn), gte(postings.endedOn, date)),
        // The certificate's status is as it stands now: the record keeps no history of suspensions.
        eq(certificates.status, 'VALID'),
        lte(certificates.issuedOn, date),
        or(isNull(certificates.expiresOn), gte(certificates.expiresOn, date)),
      ),
    )
    .orderBy(asc(postings.post), asc(certificates.number));

  return { organization, date, powers, catalogs, officers };
}
