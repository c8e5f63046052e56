import { sql, type SQL } from 'drizzle-orm';
import { postings, staffingQuotas, staffMembers, transfers } from '../../../drizzle/schema';
import { occupied } from '../staffing-quota/vacancy';

// Who does which part of a transfer. The documents put moves of people between organizations with
// the county: staff follow their posts and establishment (《镇平县行政执法改革与管理专项整治工作实施方案》：
// “编随事走、人随编走”，严格落实机构整合和人员划转), the county staffing office reallocates places
// between streets (《武清区关于进一步深化街镇综合执法改革的指导意见》：区编办…调配至执法编制紧张的街镇;
// 区人力社保局要会同各街镇做好…招录), and it was the city's organization and staffing offices that
// ordered seconded officers back (惠州市镇街综合行政执法规范化情况报道：限期“归位”).
// So: either organization a move concerns drafts it (the street that loses the person as well as the
// one that gains them), edits or cancels it while pending; completing a move BETWEEN two
// organizations is the county HR office's decision. A street completes what stays its own: a
// recruitment into it, and a departure out of the county.

/** The one sentence a street or township account reads whenever a transfer is not its to change. */
export const TRANSFER_RULE = {
  zh: '街道、乡镇账号可以起草、修改、取消调出或调入本单位的人员调动；在两个单位之间调动人员，由县级人事部门办结',
  en: 'A street or township account drafts, edits and cancels transfers out of or into its own organization; a move between two organizations is completed by the county HR office',
};

/** Does completing the move take the person from one organization to another? (`to` as it will be completed.) */
export function crossesOrganizations(from: number | null, to: number | null): boolean {
  return from !== null && to !== null && from !== to;
}

/** Where the person's establishment is now: the open posting's quota organization, else its organization. */
const home = () => sql`(select coalesce(${postings.quotaOrganizationId}, ${postings.organizationId}) from ${postings}
  where ${postings.staffMemberId} = ${transfers.staffMemberId} and ${postings.endedOn} is null)`;

/** SQL twin of `crossesOrganizations`: a return without a destination goes home. */
export function betweenOrganizations(): SQL {
  const to = sql`coalesce(${transfers.toOrganizationId}, case when ${transfers.kind} = 'RETURN' then ${home()} end)`;
  return sql`coalesce(${transfers.fromOrganizationId} is not null and ${to} <> ${transfers.fromOrganizationId}, false)`;
}

/**
 * Free places at the destination for a pending move that takes a place there (a reassignment or a
 * recruitment; a secondment keeps the place at home): the destination quota of the person's
 * category in the year the move takes effect, approved minus occupied. Null when no quota exists.
 */
export function placesLeft(): SQL {
  return sql`(case when ${transfers.status} = 'PENDING' and ${transfers.kind} in ('REASSIGNMENT', 'RECRUITMENT') then
    (select ${staffingQuotas.approvedCount} - ${occupied()} from ${staffingQuotas}
      where ${staffingQuotas.organizationId} = ${transfers.toOrganizationId}
        and ${staffingQuotas.year} = extract(year from ${transfers.effectiveDate})::int
        and ${staffingQuotas.category} = (select ${staffMembers.category} from ${staffMembers} where ${staffMembers.id} = ${transfers.staffMemberId}))
    end)`;
}

/** Completing the move would put the destination over its approved places (超编). */
export function exceedsEstablishment(): SQL {
  return sql`coalesce(${placesLeft()} < 1, false)`;
}
