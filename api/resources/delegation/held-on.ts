import { and, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { delegationCatalogs, delegations } from '../../../drizzle/schema';
import { parseId } from '../../crud/model';

/**
 * Delegations of published or superseded catalog versions a street held on a day; drafts never
 * count. Written once, for `delegationsAsOf` and its count on both paths: the resolver and the
 * compiled read. The catalogs are a subquery of its own (not a query builder of a connection), so
 * the condition needs no database handle.
 */
export function heldOn(args: Record<string, unknown>): SQL {
  const date = String(args.date);
  return and(
    eq(delegations.recipientId, parseId(args.organizationId) ?? -1),
    sql`${delegations.catalogId} in (select ${delegationCatalogs.id} from ${delegationCatalogs} where ${inArray(delegationCatalogs.status, ['PUBLISHED', 'SUPERSEDED'])})`,
    lte(delegations.effectiveFrom, date),
    or(isNull(delegations.effectiveTo), gte(delegations.effectiveTo, date)),
  )!;
}
