import { eq } from 'drizzle-orm';
import { delegationCatalogs, delegations } from '../../../drizzle/schema';
import { defineResource, type WriteContext } from '../../crud/resource';
import { conflict } from '../../errors';
import { COUNTY_KINDS, LOCAL_KINDS, organizationKindRule } from '../rules';

const RECIPIENT = { zh: '承接机构', en: 'Recipient' };
const DELEGATING = { zh: '赋权部门', en: 'Delegating organization' };

async function catalogOf(ctx: WriteContext, id: unknown) {
  if (typeof id !== 'number') return undefined;
  const [catalog] = await ctx.tx.select().from(delegationCatalogs).where(eq(delegationCatalogs.id, id));
  return catalog;
}

export const delegationResource = defineResource({
  name: 'Delegation',
  table: delegations,
  label: { zh: '赋权事项', en: 'Delegation' },
  description:
    'One power item delegated by a department to one street or township within a catalog version, with its mode, scope and effective dates.',
  fields: {
    catalogId: {
      label: { zh: '所属目录', en: 'Catalog' },
      help: 'The catalog version this delegation belongs to; editable only while that version is a draft.',
    },
    powerItemId: { label: { zh: '执法事项', en: 'Power item' }, help: 'The power delegated.' },
    recipientId: { label: RECIPIENT, help: 'The street or township that receives the power.' },
    delegatingOrganizationId: {
      label: DELEGATING,
      help: 'The county department or vertical unit that hands the power down.',
    },
    mode: {
      label: { zh: '赋权方式', en: 'Mode' },
      help: 'Decides whose name goes on a penalty decision: the department’s (委托, 派驻) or the street’s own (交由, 下放).',
    },
    scope: { label: { zh: '划转范围', en: 'Scope' }, help: 'All of the power, or part of it (see the scope note).' },
    scopeNote: { label: { zh: '范围说明', en: 'Scope note' }, help: 'What part, and where the boundary lies.' },
    effectiveFrom: {
      label: { zh: '生效日期', en: 'Effective from' },
      help: 'First day the street holds the power; not before the catalog takes effect.',
    },
    effectiveTo: {
      label: { zh: '截止日期', en: 'Effective to' },
      help: 'Last day the delegation applies; empty while open-ended. Set on supersession.',
    },
    confirmationNumber: {
      label: { zh: '赋权确认书编号', en: 'Confirmation number' },
      help: 'Number of the 赋权确认书 in which the department hands over and the street confirms it can take the power on.',
    },
    confirmationSignedOn: { label: { zh: '确认书签订日期', en: 'Confirmation signed on' }, help: 'Day both sides signed it.' },
    note: { label: { zh: '备注', en: 'Note' }, help: 'Free text.' },
  },
  search: ['scopeNote', 'confirmationNumber', 'note'],
  ranges: [['effectiveFrom', 'effectiveTo']],
  guards: [
    // A delegation belongs to its catalog version: once that version is published it is the record.
    async (ctx) => {
      const ids = new Set([ctx.before?.catalogId, ctx.after.catalogId]);
      for (const id of ids) {
        const catalog = await catalogOf(ctx, id);
        if (catalog && catalog.status !== 'DRAFT') {
          throw conflict('LOCKED', {
            zh: `目录“${catalog.title}”已发布或已废止，其中的赋权事项不能增删改`,
            en: `Catalog "${catalog.title}" is ${catalog.status.toLowerCase()}; its delegations cannot be changed`,
          });
        }
      }
    },
  ],
  rules: [
    organizationKindRule('recipientId', RECIPIENT, LOCAL_KINDS),
    organizationKindRule('delegatingOrganizationId', DELEGATING, COUNTY_KINDS),
    async (ctx) => {
      if (ctx.errors.has('catalogId') || ctx.errors.has('effectiveFrom')) return;
      const catalog = await catalogOf(ctx, ctx.after.catalogId);
      if (catalog && (ctx.after.effectiveFrom as string) < catalog.effectiveFrom) {
        ctx.errors.add(
          'effectiveFrom',
          'range',
          `生效日期不能早于目录施行日期 ${catalog.effectiveFrom}`,
          `Effective from cannot be before the catalog's effective date ${catalog.effectiveFrom}`,
        );
      }
    },
  ],
});

