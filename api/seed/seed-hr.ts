import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { certificates, postings, staffingQuotas, staffMembers, transfers } from '../../drizzle/schema';
import type { Tx } from '../db';
import { today } from '../dates';
import { getApp } from '../app';
import { certificateResource } from '../resources/certificate/certificate.resource';
import { certificateEventResource } from '../resources/certificate-event/certificate-event.resource';
import { postingResource } from '../resources/posting/posting.resource';
import { staffMemberResource } from '../resources/staff-member/staff-member.resource';
import { staffingQuotaResource } from '../resources/staffing-quota/staffing-quota.resource';
import { transferResource } from '../resources/transfer/transfer.resource';
import { cancelTransfer, completeTransfer } from '../resources/transfer/transfer.service';
import { townships } from './data/organizations';
import {
  approvedCount,
  ISSUING_AUTHORITY,
  staffSeeds,
  transferSeeds,
  UNDERSTAFFED,
  CAP_EXEMPT,
  type CertificateSeed,
  type StaffCategory,
} from './data/staff';

const records = () => getApp().records;

export type Ids = Map<string, number>;

/** The id of an organization by its short name; a typo in the demo data fails loudly. */
export function orgId(orgs: Ids, short: string): number {
  const id = orgs.get(short);
  if (id === undefined) throw new Error(`Demo data names an unknown organization: ${short}`);
  return id;
}

/**
 * Staff, their certificates, then (after `beforePostings`) their postings and transfers, then the staffing quotas. Returns the staff ids
 * by their handle in data/staff.ts. Existing records are recognised by their natural keys (a person
 * by name at any organization they work or worked at, a certificate by number, a transfer by its
 * document number), and only transfers and certificates created now are carried forward.
 */
export async function seedStaff(tx: Tx, orgs: Ids, beforePostings: (staff: Ids) => Promise<void> = async () => {}): Promise<Ids> {
  const known = new Map<string, number>();
  for (const s of await tx.select({ id: staffMembers.id, name: staffMembers.name, org: staffMembers.organizationId }).from(staffMembers)) {
    known.set(`${s.name}@${s.org}`, s.id);
  }
  const postingRows = await tx
    .select({ id: staffMembers.id, name: staffMembers.name, org: postings.organizationId })
    .from(postings)
    .innerJoin(staffMembers, eq(staffMembers.id, postings.staffMemberId));
  for (const p of postingRows) known.set(`${p.name}@${p.org}`, p.id);
  const posted = new Set(postingRows.map((p) => p.id));
  const numbers = new Set((await tx.select({ number: certificates.number }).from(certificates)).map((c) => c.number));

  const ids: Ids = new Map();
  const later: [number, NonNullable<CertificateSeed['later']>, string | null][] = [];
  for (const s of staffSeeds) {
    const organizationId = orgId(orgs, s.organization);
    let id = known.get(`${s.name}@${organizationId}`);
    if (id === undefined) {
      id = (
        await records().of(staffMemberResource).create(tx, {
          name: s.name,
          organizationId,
          category: s.category,
          title: s.title,
          legalQualification: s.legalQualification,
          mobile: s.mobile,
        })
      ).id as number;
    }
    ids.set(s.key, id);
    for (const c of s.certificates) {
      if (numbers.has(c.number)) continue;
      const row = await records().of(certificateResource).create(tx, {
        staffMemberId: id,
        number: c.number,
        issuingAuthority: ISSUING_AUTHORITY,
        issuedOn: c.issuedOn,
        expiresOn: c.expiresOn,
        status: c.status,
        area: c.area,
        categories: c.categories,
        note: c.note,
      });
      if (c.later) later.push([row.id as number, c.later, c.note]);
    }
  }
  // The general-law completion an enforcement post needs on its first day comes before the posts.
  await beforePostings(ids);
  for (const s of staffSeeds) {
    const id = ids.get(s.key)!;
    if (s.posting && !posted.has(id)) {
      await records().of(postingResource).create(tx, { staffMemberId: id, organizationId: orgId(orgs, s.organization), post: s.posting.post, startedOn: s.posting.startedOn });
    }
  }

  await seedTransfers(tx, orgs, ids);
  // Suspended, revoked or lost only now, so the postings above were opened on a valid one.
  for (const [certificateId, event, note] of later) {
    await records().of(certificateEventResource).create(tx, {
      certificateId,
      kind: event.kind,
      occurredOn: event.on,
      passed: event.passed ?? null,
      reason: event.kind === 'REVOKED' ? note : null,
    });
  }
  await seedQuotas(tx, orgs);
  return ids;
}

async function seedTransfers(tx: Tx, orgs: Ids, staff: Ids): Promise<void> {
  const done = new Set((await tx.select({ n: transfers.documentNumber }).from(transfers)).map((t) => t.n));
  for (const t of transferSeeds(today())) {
    if (done.has(t.documentNumber)) continue;
    const row = await records().of(transferResource).create(tx, {
      staffMemberId: staff.get(t.staff),
      kind: t.kind,
      toOrganizationId: t.to ? orgId(orgs, t.to) : null,
      post: t.post,
      effectiveDate: t.effectiveDate,
      expectedReturnDate: t.expectedReturnDate,
      documentNumber: t.documentNumber,
      note: t.note,
    });
    if (t.outcome === 'COMPLETED') await completeTransfer(records(), tx, row.id);
    if (t.outcome === 'CANCELLED') await cancelTransfer(records(), tx, row.id);
  }
}

const QUOTA_CATEGORIES: StaffCategory[] = ['ADMINISTRATIVE', 'INSTITUTIONAL', 'ENFORCEMENT'];
const QUOTA_YEARS = [2025, 2026];

/**
 * Each township's approved places per establishment category (auxiliary staff hold no 编制), set
 * close to the people in post on the quota's measuring day except for the understaffed ones.
 */
async function seedQuotas(tx: Tx, orgs: Ids): Promise<void> {
  const existing = new Set(
    (await tx.select({ o: staffingQuotas.organizationId, c: staffingQuotas.category, y: staffingQuotas.year }).from(staffingQuotas)).map(
      (q) => `${q.o}|${q.c}|${q.y}`,
    ),
  );
  for (const year of QUOTA_YEARS) {
    const day = [today(), `${year}-12-31`].sort()[0];
    const home = sql<number>`coalesce(${postings.quotaOrganizationId}, ${postings.organizationId})`;
    const rows = await tx
      .select({ org: home.mapWith(Number), category: staffMembers.category, n: sql<number>`count(distinct ${postings.staffMemberId})`.mapWith(Number) })
      .from(postings)
      .innerJoin(staffMembers, eq(staffMembers.id, postings.staffMemberId))
      .where(and(lte(postings.startedOn, day), or(isNull(postings.endedOn), gte(postings.endedOn, day))))
      .groupBy(home, staffMembers.category);
    const occupied = new Map(rows.map((r) => [`${r.org}|${r.category}`, r.n]));
    let index = 0;
    for (const t of townships) {
      const organizationId = orgId(orgs, t.short);
      for (const category of QUOTA_CATEGORIES) {
        index += 1;
        if (existing.has(`${organizationId}|${category}|${year}`)) continue;
        const understaffed = UNDERSTAFFED[year]?.some(([s, c]) => s === t.short && c === category);
        const exempt = CAP_EXEMPT[year]?.find((e) => e.short === t.short && e.category === category);
        await records().of(staffingQuotaResource).create(tx, {
          organizationId,
          category,
          year,
          approvedCount: approvedCount(year, t.short, category, occupied.get(`${organizationId}|${category}`) ?? 0, index),
          documentNumber: year === 2025 ? '镇编〔2025〕3号' : '镇编〔2026〕2号',
          note: understaffed ? '空编较多，待年度招录补充' : null,
          ...(exempt ? { capExempt: true, capExemptReason: exempt.reason, capExemptDocument: exempt.document } : {}),
        });
      }
    }
  }
}
