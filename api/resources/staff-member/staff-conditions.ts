import { sql, type SQL } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { certificates, postings, staffMembers, trainingAttendances, trainingSessions, transfers } from '../../../drizzle/schema';
import { today } from '../../dates';

// SQL conditions about a person that several records share: the certificate gate, the flag HR sees
// and the overdue secondment. Written once so a posting's rule, a staff member's computed fields and
// the dashboard queries cannot disagree.

/** The certificate row is in force on `day`: VALID, issued by then and not yet expired. */
export function certificateInForce(day: string | SQL): SQL {
  return sql`(${certificates.status} = 'VALID' and ${certificates.issuedOn} <= ${day}
    and (${certificates.expiresOn} is null or ${certificates.expiresOn} >= ${day}))`;
}

/** The person holds a certificate in force on `day`. */
export function holdsValidCertificate(staffId: PgColumn | SQL, day: string | SQL): SQL {
  // Nested once: selected from a single table, drizzle would strip table names off top-level columns.
  return sql`${sql`exists (select 1 from ${certificates} where ${certificates.staffMemberId} = ${staffId}
    and ${certificateInForce(day)})`}`;
}

/**
 * The person holds the general-law training completion (公共法律知识培训结业证) by `day`: a passed
 * attendance at a general-law session that ended on or before it (《镇平县行政执法改革与管理专项整治工作
 * 实施方案》: 合格人员发放结业证，准予从事执法活动; 将持有行政执法证和公共法律知识培训结业证作为执法的前置条件).
 */
export function completedGeneralLaw(staffId: PgColumn | SQL, day: string | SQL): SQL {
  return sql`${sql`exists (select 1 from ${trainingAttendances} join ${trainingSessions} on ${trainingSessions.id} = ${trainingAttendances.sessionId}
    where ${trainingAttendances.staffMemberId} = ${staffId} and ${trainingAttendances.passed}
    and ${trainingSessions.kind} = 'GENERAL_LAW' and coalesce(${trainingSessions.endsOn}, ${trainingSessions.startsOn}) <= ${day})`}`;
}

/** The person is on an enforcement post today without a valid certificate: HR must act. */
export function certificateAlert(): SQL {
  const day = today();
  return sql`(exists (select 1 from ${postings} where ${postings.staffMemberId} = ${staffMembers.id}
    and ${postings.post} = 'ENFORCEMENT' and ${postings.startedOn} <= ${day}
    and (${postings.endedOn} is null or ${postings.endedOn} >= ${day}))
    and not ${holdsValidCertificate(staffMembers.id, day)})`;
}

// Aliases of transfers for the subqueries that look at a person's other transfers; in a template an
// alias renders as its bare name, so the FROM clause names the table and the alias itself.
const returns = alias(transfers, 'returns');
const secondments = alias(transfers, 'secondments');

/**
 * A completed secondment whose expected return day has passed with no completed return (归位)
 * since it, while the person is still seconded. `t` is the transfers table or an alias of it.
 */
export function secondmentOverdue(t: typeof transfers | typeof secondments): SQL {
  return sql`(${t.kind} = 'SECONDMENT' and ${t.status} = 'COMPLETED' and ${t.expectedReturnDate} < ${today()}
    and exists (select 1 from ${staffMembers} where ${staffMembers.id} = ${t.staffMemberId} and ${staffMembers.status} = 'SECONDED')
    and not exists (select 1 from ${transfers} as ${returns} where ${returns.staffMemberId} = ${t.staffMemberId}
      and ${returns.kind} = 'RETURN' and ${returns.status} = 'COMPLETED' and ${returns.effectiveDate} >= ${t.effectiveDate}))`;
}

/** The staff member is past the expected return day of a secondment. */
export function overdueReturn(): SQL {
  return sql`exists (select 1 from ${transfers} as ${secondments} where ${secondments.staffMemberId} = ${staffMembers.id}
    and ${secondmentOverdue(secondments)})`;
}
