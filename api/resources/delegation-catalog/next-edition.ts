import { and, asc, eq, gte, isNull, or } from 'drizzle-orm';
import type { GraphQLError } from 'graphql';
import { delegationCatalogs, delegations, organizations, powerItems } from '../../../drizzle/schema';
import type { Tx } from '../../db';
import { FieldErrors } from '../../errors';
import type { Records } from '../../crud/records';
import type { Row } from '../../crud/resource';
import { delegationResource } from '../delegation/delegation.resource';
import { delegationCatalogResource, takesEffectAfter } from './delegation-catalog.resource';

// 动态调整: the next edition of a catalog starts as a copy of the one in force, which editors then
// change (add, take back, adjust) and publish; publishing ends the old edition as any publication
// of a superseding draft does (publishCatalog).

/** The terms a delegation carries into the next edition; its catalog and start follow the edition. */
const CARRIED = [
  'powerItemId',
  'recipientId',
  'delegatingOrganizationId',
  'mode',
  'scope',
  'scopeNote',
  'effectiveTo',
  'confirmationNumber',
  'confirmationSignedOn',
  'note',
] as const;

/**
 * A DRAFT superseding the PUBLISHED catalog `catalogId`, holding a copy of each of its delegations
 * still in force on `effectiveFrom`, in one transaction, audited as the caller's creations. Copies
 * start with the new edition (or later, when the original did) and keep their end, their 赋权确认书
 * and their note: the hand-over they record stands until an editor changes it.
 * Refused with field errors when the catalog is not published, the date is not after the catalog's
 * own, or a draft superseding it exists already (one next edition at a time).
 */
export async function draftNextEdition(records: Records, tx: Tx, catalogId: string, title: string, effectiveFrom: string): Promise<Row> {
  const catalogs = records.of(delegationCatalogResource);
  // Locked: two editors drafting the next edition at once queue here, and the second is told of the first.
  const source = await catalogs.getForUpdate(tx, catalogId);
  // The same rule as creating a catalog: the draft is one.
  await catalogs.authorize(tx, [source]);

  const errors = new FieldErrors();
  if (source.status !== 'PUBLISHED') {
    errors.add(
      'catalogId',
      'state',
      `只能为已发布的目录起草下一版，“${source.title}”的状态是${source.status === 'DRAFT' ? '草稿' : '已废止'}`,
      `Only a published catalog has a next edition; "${source.title}" is ${String(source.status).toLowerCase()}`,
    );
  }
  const [existing] = await tx
    .select({ id: delegationCatalogs.id, title: delegationCatalogs.title })
    .from(delegationCatalogs)
    .where(eq(delegationCatalogs.supersedesId, source.id));
  if (existing) {
    errors.add(
      'catalogId',
      'draftExists',
      `已有替代该目录的草稿“${existing.title}”（编号 ${existing.id}），请在其中修改`,
      `A draft superseding this catalog exists already ("${existing.title}", id ${existing.id}); edit that one`,
    );
  }
  takesEffectAfter(source as Row & { title: string; effectiveFrom: string }, effectiveFrom, errors);
  errors.throwIfAny();

  const draft = await catalogs.create(tx, {
    title,
    effectiveFrom,
    issuingOrganizationId: source.issuingOrganizationId,
    supersedesId: source.id,
  });

  const carried = await tx
    .select({ delegation: delegations, item: powerItems.name, street: organizations.name })
    .from(delegations)
    .innerJoin(powerItems, eq(powerItems.id, delegations.powerItemId))
    .innerJoin(organizations, eq(organizations.id, delegations.recipientId))
    .where(and(eq(delegations.catalogId, source.id), or(isNull(delegations.effectiveTo), gte(delegations.effectiveTo, effectiveFrom))))
    .orderBy(asc(delegations.id));
  const service = records.of(delegationResource);
  for (const { delegation, item, street } of carried) {
    const values: Record<string, unknown> = Object.fromEntries(CARRIED.map((k) => [k, delegation[k]]));
    values.catalogId = draft.id;
    values.effectiveFrom = delegation.effectiveFrom > effectiveFrom ? delegation.effectiveFrom : effectiveFrom;
    try {
      await service.create(tx, values);
    } catch (e) {
      // A delegation the rules of today refuse (kept from before a rule existed) stops the copy, named.
      const refusal = (e as GraphQLError).extensions;
      if (refusal?.code !== 'BAD_USER_INPUT') throw e;
      const messages = refusal.messages as { zh: string; en: string };
      const copyErrors = new FieldErrors();
      copyErrors.add(
        'catalogId',
        'copy',
        `${street}“${item}”不能带入下一版：${messages.zh}`,
        `${street} "${item}" cannot be carried into the next edition: ${messages.en}`,
      );
      copyErrors.throwIfAny();
    }
  }
  return draft;
}
