import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { liaisonContacts, organizations, postings, staffingQuotas, staffMembers } from '../../../drizzle/schema';
import type { Queryable } from '../../db';
import { today } from '../../dates';
import { LOCAL_KINDS } from '../rules';
import { holdsValidCertificate } from '../staff-member/staff-conditions';
import { effectiveVacancyRate } from '../staffing-quota/vacancy';
import { trainingDays } from '../training-attendance/training-days';
import { streetTrainingSupport } from '../training-audience/street-training';
import { teamEquipmentAndGrids } from '../equipment-item/team-equipment';
import type { TeamFacts } from './standards';

/** The day a year's sheet is measured on: today for this year and later, the last day of a past year. */
export function sheetDay(year: number): string {
  return [today(), `${year}-12-31`].sort()[0];
}

/** Counts per organization of a grouped query, 0 when absent. */
const byOrg = (rows: { organizationId: number; n: number }[]) => (id: number) => rows.find((r) => r.organizationId === id)?.n ?? 0;

/**
 * Everything the standards count, for every street and township (or one), in a handful of grouped
 * statements. People are counted by their postings open on the day at the organization; the
 * training, equipment and grid figures come from the computations their own queries answer with
 * (trainingDays, streetTrainingSupport, teamEquipmentAndGrids), so the sheet cannot disagree with them.
 */
export async function teamFacts(db: Queryable, q: { year: number; organizationId?: number }): Promise<Map<number, TeamFacts>> {
  const streets = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(inArray(organizations.kind, LOCAL_KINDS), q.organizationId !== undefined ? eq(organizations.id, q.organizationId) : undefined))
    .orderBy(asc(organizations.id));
  const out = new Map<number, TeamFacts>();
  if (!streets.length) return out;
  const ids = streets.map((s) => s.id);
  const day = sheetDay(q.year);
  const open = and(inArray(postings.organizationId, ids), lte(postings.startedOn, day), or(isNull(postings.endedOn), gte(postings.endedOn, day)));
  // Squad leaders and their deputies are told apart by their titles (中队长/队长, 副队长), as the
  // posts do not: the leader holds the leadership post, a deputy any post of the team's work.
  const deputy = sql`${staffMembers.title} like '%副%队长%'`;
  const people = await db
    .select({
      organizationId: postings.organizationId,
      leaders: sql<number>`count(distinct ${postings.staffMemberId}) filter (where ${postings.post} = 'LEADERSHIP' and not (${deputy}))`.mapWith(Number),
      deputies: sql<number>`count(distinct ${postings.staffMemberId}) filter (where ${postings.post} in ('LEADERSHIP', 'ENFORCEMENT', 'LEGAL_REVIEW') and ${deputy})`.mapWith(Number),
      legal: sql<number>`count(distinct ${postings.staffMemberId}) filter (where ${postings.post} = 'LEGAL_REVIEW')`.mapWith(Number),
      enforcement: sql<number>`count(distinct ${postings.staffMemberId}) filter (where ${postings.post} = 'ENFORCEMENT')`.mapWith(Number),
      certified: sql<number>`count(distinct ${postings.staffMemberId}) filter (where ${postings.post} = 'ENFORCEMENT' and ${holdsValidCertificate(postings.staffMemberId, day)})`.mapWith(
        Number,
      ),
    })
    .from(postings)
    .innerJoin(staffMembers, eq(staffMembers.id, postings.staffMemberId))
    .where(open)
    .groupBy(postings.organizationId);
  const quotas = await db
    .select({
      organizationId: staffingQuotas.organizationId,
      n: sql<number>`count(*)`.mapWith(Number),
      capped: sql<number>`count(*) filter (where not ${staffingQuotas.capExempt})`.mapWith(Number),
      highest: sql<number | null>`max(${effectiveVacancyRate()}) filter (where not ${staffingQuotas.capExempt})`,
    })
    .from(staffingQuotas)
    .where(and(inArray(staffingQuotas.organizationId, ids), eq(staffingQuotas.year, q.year)))
    .groupBy(staffingQuotas.organizationId);
  const liaisons = await db
    .select({ organizationId: liaisonContacts.organizationId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(liaisonContacts)
    .where(
      and(
        inArray(liaisonContacts.organizationId, ids),
        eq(liaisonContacts.role, 'LIAISON'),
        lte(liaisonContacts.activeFrom, day),
        or(isNull(liaisonContacts.activeTo), gte(liaisonContacts.activeTo, day)),
      ),
    )
    .groupBy(liaisonContacts.organizationId);
  const days = await trainingDays(db, { year: q.year, organizationId: q.organizationId });
  const homes = days.length
    ? await db.select({ id: staffMembers.id, organizationId: staffMembers.organizationId }).from(staffMembers).where(inArray(staffMembers.id, days.map((d) => d.staffMemberId)))
    : [];
  const home = new Map(homes.map((h) => [h.id, h.organizationId]));
  const support = await streetTrainingSupport(db, { year: q.year, organizationId: q.organizationId });
  const kit = await teamEquipmentAndGrids(db, { organizationId: q.organizationId });
  const liaisonCount = byOrg(liaisons);
  for (const id of ids) {
    const p = people.find((r) => r.organizationId === id);
    const quota = quotas.find((r) => r.organizationId === id);
    const mine = days.filter((d) => home.get(d.staffMemberId) === id);
    const s = support.find((r) => r.organizationId === id);
    const k = kit.find((r) => r.organizationId === id);
    out.set(id, {
      squadLeaders: p?.leaders ?? 0,
      deputySquadLeaders: p?.deputies ?? 0,
      legalStaff: p?.legal ?? 0,
      enforcementPosts: p?.enforcement ?? 0,
      certifiedEnforcementPosts: p?.certified ?? 0,
      quotas: quota?.n ?? 0,
      cappedQuotas: quota?.capped ?? 0,
      highestVacancyRate: quota?.highest == null ? null : Number(quota.highest),
      peopleHeldToTraining: mine.length,
      peopleMeetingTrainingDays: mine.filter((d) => d.meetsMinimum).length,
      roadshows: s?.roadshows ?? 0,
      guidedCases: s?.guidedCases ?? 0,
      bodyCameras: k?.bodyCameras ?? 0,
      grids: k?.grids ?? 0,
      gridsWithPerson: (k?.grids ?? 0) - (k?.gridsWithoutPerson ?? 0),
      liaisons: liaisonCount(id),
    });
  }
  return out;
}
