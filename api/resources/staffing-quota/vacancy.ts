import { sql, type SQL } from 'drizzle-orm';
import { postings, staffingQuotas, staffMembers } from '../../../drizzle/schema';
import { config } from '../../config';
import { today } from '../../dates';

// Vacancy is counted from postings, not typed in: a quota's occupied places are the people of its
// category whose posting on the day counts against its organization. A seconded person keeps their
// place at home (the posting's quota organization), as the establishment does not move with them.

/** The day a quota is measured on: today for this year and later, the last day of a past year. */
function measuredOn(): SQL {
  return sql`least(${today()}::date, make_date(${staffingQuotas.year}, 12, 31))`;
}

/** People of the quota's category whose posting on the day counts against its organization, and meets `also`. */
function countOnQuota(also?: SQL): SQL {
  const day = measuredOn();
  return sql`(select count(distinct ${postings.staffMemberId})::int from ${postings}
    join ${staffMembers} on ${staffMembers.id} = ${postings.staffMemberId}
    where coalesce(${postings.quotaOrganizationId}, ${postings.organizationId}) = ${staffingQuotas.organizationId}
      and ${staffMembers.category} = ${staffingQuotas.category}
      and ${postings.startedOn} <= ${day} and (${postings.endedOn} is null or ${postings.endedOn} >= ${day})
      ${also ? sql`and ${also}` : sql``})`;
}

export function occupied(): SQL {
  return countOnQuota();
}

/** The posts of an enforcement team's work: enforcing, legal review and leading the squad. */
export const ENFORCEMENT_POSTS = ['ENFORCEMENT', 'LEGAL_REVIEW', 'LEADERSHIP'] as const;

/** Occupants working at the quota's own organization on an enforcement team's post. */
export function occupiedByEnforcementPosts(): SQL {
  return countOnQuota(
    sql`${postings.organizationId} = ${staffingQuotas.organizationId} and ${postings.post} in (${sql.join(
      ENFORCEMENT_POSTS.map((p) => sql`${p}`),
      sql`, `,
    )})`,
  );
}

/**
 * Places of the dedicated enforcement establishment used for something else (挤占挪用执法编制人员,
 * 《镇平县行政执法改革与管理专项整治工作实施方案》; 专编专用，不得随意挪作他用, 《武清区…指导意见》): its
 * occupants on an auxiliary post, or seconded to work elsewhere. Zero for the other categories.
 */
export function misused(): SQL {
  return sql`(case when ${staffingQuotas.category} = 'ENFORCEMENT' then ${occupied()} - ${occupiedByEnforcementPosts()} else 0 end)`;
}

/**
 * The vacancy rate counting only the places doing enforcement work: for the enforcement
 * establishment, (approved − occupied by enforcement posts) ÷ approved, so places misused do not
 * hide a vacancy; for the other categories, the vacancy rate itself.
 */
export function effectiveVacancyRate(): SQL {
  return sql`(case when ${staffingQuotas.approvedCount} = 0 then null
    else round((${staffingQuotas.approvedCount} - (${occupied()} - ${misused()}))::numeric / ${staffingQuotas.approvedCount}, 4)::float8 end)`;
}

/** (approved − occupied) ÷ approved, to four places; null when nothing is approved. Negative means over strength. */
export function vacancyRate(): SQL {
  return sql`(case when ${staffingQuotas.approvedCount} = 0 then null
    else round((${staffingQuotas.approvedCount} - ${occupied()})::numeric / ${staffingQuotas.approvedCount}, 4)::float8 end)`;
}

/** The effective vacancy rate exceeds the cap, unless the quota is exempted from it. */
export function aboveCap(): SQL {
  return sql`(not ${staffingQuotas.capExempt} and coalesce(${effectiveVacancyRate()} > ${config.vacancyRateCap}, false))`;
}

/** More people on the quota than approved (超编). */
export function overEstablishment(): SQL {
  return sql`(${occupied()} > ${staffingQuotas.approvedCount})`;
}
