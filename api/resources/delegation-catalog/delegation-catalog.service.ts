import { and, count, eq, gte, isNull, or } from 'drizzle-orm';
import { delegations } from '../../../drizzle/schema';
import type { Tx } from '../../db';
import { dayBefore } from '../../dates';
import { conflict, FieldErrors } from '../../errors';
import { holdAdvisoryLock } from '../../crud/advisory-locks';
import type { Records } from '../../crud/records';
import { delegationResource } from '../delegation/delegation.resource';
import { catalogIntegrity } from '../delegation/delegation-integrity';
import { delegationCatalogResource } from './delegation-catalog.resource';
import type { Row } from '../../crud/resource';

function draft(catalog: Row) {
  if (catalog.status === 'DRAFT') return undefined;
  return conflict('STATE', {
    zh: `只有草稿可以发布，目录（编号 ${catalog.id}）已是${catalog.status === 'PUBLISHED' ? '已发布' : '已废止'}状态`,
    en: `Only a draft can be published; catalog ${catalog.id} is already ${String(catalog.status).toLowerCase()}`,
  });
}

/**
 * DRAFT → PUBLISHED. When the draft supersedes a published version, that version becomes
 * SUPERSEDED and its open delegations end the day before the new one takes effect, so that
 * "what did street X hold on day D" has exactly one answer.
 */
export async function publishCatalog(records: Records, tx: Tx, id: unknown, version?: number | null): Promise<Row> {
  // Publications are made one at a time across the county. A draft's delegations are judged against
  // the catalogs in force (`catalogIntegrity`); two drafts published at once would each see the other
  // as a draft, and both be published with one item in force twice on a day for one street. A later
  // publication waits, then judges with the earlier one published. Publishing is rare.
  await holdAdvisoryLock(tx, 'publishing');
  const catalogs = records.of(delegationCatalogResource);
  const catalog = await catalogs.claim(tx, id, { version, state: draft });
  const errors = new FieldErrors();
  if (!catalog.documentNumber) errors.add('documentNumber', 'required', '发布前须填写文号', 'A document number is required to publish');
  if (!catalog.issuedOn) errors.add('issuedOn', 'required', '发布前须填写印发日期', 'The issue date is required to publish');
  const [{ n }] = await tx.select({ n: count() }).from(delegations).where(eq(delegations.catalogId, catalog.id));
  if (Number(n) === 0) {
    errors.add('delegations', 'required', '目录中没有赋权事项，不能发布', 'A catalog without delegations cannot be published');
  }
  const effectiveFrom = catalog.effectiveFrom as string;
  let previous: Row | undefined;
  if (catalog.supersedesId != null) {
    previous = await catalogs.getForUpdate(tx, catalog.supersedesId);
    if (previous.status !== 'PUBLISHED') {
      errors.add('supersedesId', 'state', '被替代的目录须为已发布状态', 'The superseded catalog must be published');
    } else if ((previous.effectiveFrom as string) >= effectiveFrom) {
      errors.add(
        'effectiveFrom',
        'range',
        `新版本的施行日期须晚于被替代版本的施行日期 ${previous.effectiveFrom}`,
        `The new version must take effect after the version it supersedes (${previous.effectiveFrom})`,
      );
    }
  }
  await catalogIntegrity(tx, { id: catalog.id, supersedesId: (catalog.supersedesId as number | null) ?? null, effectiveFrom }, errors);
  errors.throwIfAny();

  if (previous) {
    await catalogs.write(tx, previous.id, { status: 'SUPERSEDED' });
    const lastDay = dayBefore(effectiveFrom);
    const open = and(
      eq(delegations.catalogId, previous.id),
      or(isNull(delegations.effectiveTo), gte(delegations.effectiveTo, effectiveFrom)),
    );
    // Each closed delegation is written like any change, so its history shows the supersession.
    const closing = await tx.select().from(delegations).where(open).for('update');
    for (const d of closing) await records.of(delegationResource).write(tx, d.id, { effectiveTo: lastDay }, d as unknown as Row);
  }
  return catalogs.write(tx, catalog.id, { status: 'PUBLISHED', publishedAt: new Date() });
}

