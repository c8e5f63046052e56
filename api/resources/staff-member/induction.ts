import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { staffMembers, trainingAttendances, trainingSessions, transfers } from '../../../drizzle/schema';
import { config } from '../../config';
import { today } from '../../dates';

// 《武清区关于进一步深化街镇综合执法改革的指导意见》: 新招录的执法人员…要纳入全区统一组织的初任培训.
// A recruit is someone a completed recruitment (招录) brought in; the induction is due within the
// configured days of its effective date, and one attended later does not make it on time.
const recruitments = alias(transfers, 'recruitments');

/** An enforcement recruit (not auxiliary, not departed) whose induction period has passed without an induction session. */
export function inductionOverdue(): SQL {
  const days = config.inductionWithinDays;
  return sql`(${staffMembers.category} <> 'AUXILIARY' and ${staffMembers.status} <> 'LEFT'
    and exists (select 1 from ${transfers} as ${recruitments} where ${recruitments.staffMemberId} = ${staffMembers.id}
      and ${recruitments.kind} = 'RECRUITMENT' and ${recruitments.status} = 'COMPLETED'
      and ${recruitments.effectiveDate} + ${days}::int < ${today()}::date
      and not exists (select 1 from ${trainingAttendances} join ${trainingSessions} on ${trainingSessions.id} = ${trainingAttendances.sessionId}
        where ${trainingAttendances.staffMemberId} = ${staffMembers.id} and ${trainingSessions.kind} = 'INDUCTION'
        and ${trainingSessions.startsOn} >= ${recruitments.effectiveDate}
        and ${trainingSessions.startsOn} <= ${recruitments.effectiveDate} + ${days}::int)))`;
}
