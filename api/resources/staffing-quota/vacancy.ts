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

export function occupied(): SQL {
  const day = measuredOn();
  return sql`(select count(distinct ${postings.staffMemberId})::int from ${postings}
    join ${staffMembers} on ${staffMembers.id} = ${postings.staffMemberId}
    where coalesce(${postings.quotaOrganizationId}, ${postings.organizationId}) = ${staffingQuotas.organizationId}
      and ${staffMembers.category} = ${staffingQuotas.category}
      and ${postings.startedOn} <= ${day} and (${postings.endedOn} is null or ${postings.endedOn} >= ${day}))`;
}

/** (approved − occupied) ÷ approved, to four places; null when nothing is approved. Negative means over strength. */
export function vacancyRate(): SQL {
  return sql`(case when ${staffingQuotas.approvedCount} = 0 then null
    else round((${staffingQuotas.approvedCount} - ${occupied()})::numeric / ${staffingQuotas.approvedCount}, 4)::float8 end)`;
}

export function aboveCap(): SQL {
  return sql`coalesce(${vacancyRate()} > ${config.vacancyRateCap}, false)`;
}

/** More people on the quota than approved (超编). */
export function overEstablishment(): SQL {
  return sql`(${occupied()} > ${staffingQuotas.approvedCount})`;
}
