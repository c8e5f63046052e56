import { eq, inArray, sql } from 'drizzle-orm';
import { delegationCatalogs, delegations } from '../../../drizzle/schema';
import { defineResource, independentGuard, rowIndependent, type WriteContext } from '../../crud/resource';
import { conflict } from '../../errors';
import { COUNTY_KINDS, LOCAL_KINDS, organizationKindRule } from '../rules';
import { delegationResolvers } from './delegation.resolver';
import { heldOn } from './held-on';
import { confirmationRule, delegableCategoryRule, inForceOnceRule, sourceDepartmentRule } from './delegation-integrity';
import { MENU } from '../menu';

const RECIPIENT = { zh: '承接机构', en: 'Recipient' };
const DELEGATING = { zh: '赋权部门', en: 'Delegating organization' };

type Catalog = typeof delegationCatalogs.$inferSelect;

// A write of a delegation reads its catalog shared until it commits: publishing a catalog holds it
// exclusively, so a publication waits for the writes of its delegations under way (and judges them
// written), and a write that comes during a publication waits for it and finds the catalog
// published. Unheld, a delegation could be changed or deleted in a catalog published meanwhile,
// after the publication's checks (its last one deleted, a published catalog with none).

async function catalogOf(ctx: WriteContext, id: unknown) {
  if (typeof id !== 'number') return undefined;
  const [catalog] = await ctx.tx.select().from(delegationCatalogs).where(eq(delegationCatalogs.id, id)).for('share');
  return catalog;
}

/** The catalogs new delegations name, in one statement (an id no catalog can have is simply absent), held in id order. */
async function catalogsOf(ctxs: WriteContext[]): Promise<Map<number, Catalog>> {
  const ids = [...new Set(ctxs.map((ctx) => ctx.after.catalogId).filter((id): id is number => Number.isInteger(id) && (id as number) > 0 && (id as number) <= 2147483647))];
  if (!ids.length) return new Map();
  const rows = await ctxs[0].tx.select().from(delegationCatalogs).where(inArray(delegationCatalogs.id, ids)).orderBy(delegationCatalogs.id).for('share');
  return new Map(rows.map((c) => [c.id, c]));
}

function refuseLocked(catalog: Catalog | undefined) {
  if (!catalog || catalog.status === 'DRAFT') return undefined;
  return conflict('LOCKED', {
    zh: `目录“${catalog.title}”已发布或已废止，其中的赋权事项不能增删改`,
    en: `Catalog "${catalog.title}" is ${catalog.status.toLowerCase()}; its delegations cannot be changed`,
  });
}

function checkCatalogDate(ctx: WriteContext, catalog: Catalog | undefined): void {
  if (catalog && (ctx.after.effectiveFrom as string) < catalog.effectiveFrom) {
    ctx.errors.add(
      'effectiveFrom',
      'range',
      `生效日期不能早于目录施行日期 ${catalog.effectiveFrom}`,
      `Effective from cannot be before the catalog's effective date ${catalog.effectiveFrom}`,
    );
  }
}

const catalogDateAsked = (ctx: WriteContext) => !ctx.errors.has('catalogId') && !ctx.errors.has('effectiveFrom');

export const delegationResource = defineResource({
  name: 'Delegation',
  ui: { display: ['recipientId', 'powerItemId'], group: MENU.catalog },
  table: delegations,
  label: { zh: '赋权事项', en: 'Delegation' },
  description: {
    zh: '某一目录版本中，由一个部门向一个街道或乡镇赋予的一项执法事项，含赋权方式、划转范围和起止日期。',
    en: 'One power item delegated by a department to one street or township within a catalog version, with its mode, scope and effective dates.',
  },
  fields: {
    catalogId: {
      label: { zh: '所属目录', en: 'Catalog' },
      help: {
        zh: '本赋权事项所属的目录版本；仅在该版本为草稿时可以修改。',
        en: 'The catalog version this delegation belongs to; editable only while that version is a draft.',
      },
    },
    powerItemId: { label: { zh: '执法事项', en: 'Power item' }, help: { zh: '所赋予的执法事项。', en: 'The power delegated.' } },
    recipientId: { label: RECIPIENT, help: { zh: '承接该事项的街道或乡镇。', en: 'The street or township that receives the power.' } },
    delegatingOrganizationId: {
      label: DELEGATING,
      help: { zh: '下放该事项的县直部门或垂管单位。', en: 'The county department or vertical unit that hands the power down.' },
    },
    mode: {
      label: { zh: '赋权方式', en: 'Mode' },
      help: {
        zh: '决定处罚决定书以谁的名义作出：以部门名义（委托、派驻），或以街道自己的名义（交由、下放）。',
        en: 'Decides whose name goes on a penalty decision: the department’s (委托, 派驻) or the street’s own (交由, 下放).',
      },
    },
    scope: {
      label: { zh: '划转范围', en: 'Scope' },
      help: { zh: '划转全部权限或部分权限（见范围说明）。', en: 'All of the power, or part of it (see the scope note).' },
    },
    scopeNote: {
      label: { zh: '范围说明', en: 'Scope note' },
      help: { zh: '划转哪一部分，边界在哪里。', en: 'What part, and where the boundary lies.' },
    },
    effectiveFrom: {
      label: { zh: '生效日期', en: 'Effective from' },
      help: {
        zh: '街道开始行使该事项的第一天；不得早于目录施行日期。',
        en: 'First day the street holds the power; not before the catalog takes effect.',
      },
    },
    effectiveTo: {
      label: { zh: '截止日期', en: 'Effective to' },
      help: {
        zh: '赋权适用的最后一天；未定截止日期的留空。目录被替代时自动填写。',
        en: 'Last day the delegation applies; empty while open-ended. Set on supersession.',
      },
    },
    confirmationNumber: {
      label: { zh: '赋权确认书编号', en: 'Confirmation number' },
      help: {
        zh: '赋权确认书的编号：部门在确认书中移交事项，街道确认能够承接。',
        en: 'Number of the 赋权确认书 in which the department hands over and the street confirms it can take the power on.',
      },
    },
    confirmationSignedOn: {
      label: { zh: '确认书签订日期', en: 'Confirmation signed on' },
      help: {
        zh: '双方签订确认书的日期；填写后该赋权事项即为已确认（须同时填写编号）。',
        en: 'Day both sides signed it; once set, the delegation counts as confirmed (the number is then required).',
      },
    },
    note: { label: { zh: '备注', en: 'Note' }, help: { zh: '自由填写。', en: 'Free text.' } },
  },
  search: ['scopeNote', 'confirmationNumber', 'note'],
  attachments: {
    kinds: {
      CONFIRMATION: { zh: '赋权确认书', en: 'Delegation confirmation' },
      OTHER: { zh: '其他材料', en: 'Other material' },
    },
  },
  computed: {
    // Derived from the signing date rather than stored beside it: one fact kept once, so "signed"
    // and "signed on" can never disagree, and filtering on it (`confirmed: false`) needs no upkeep.
    confirmed: {
      label: { zh: '确认书已签订', en: 'Confirmed' },
      help: {
        zh: '赋权确认书已签订（已填写签订日期）。未签订的赋权事项在目录页和首页按街道、乡镇列出。',
        en: 'The 赋权确认书 has been signed (its signing date is set). Delegations not yet confirmed are listed per street on the catalog page and the dashboard.',
      },
      type: 'boolean',
      beside: 'confirmationSignedOn',
      sql: () => sql`(${delegations.confirmationSignedOn} is not null)`,
    },
  },
  access: { writers: 'CATALOG_EDITOR', owner: 'recipientId' },
  lists: {
    // What a street held on a day, by power item; an unknown street is NOT_FOUND (the resolver's `known`).
    delegationsAsOf: { arguments: ['organizationId', 'date'], where: heldOn, sortField: 'powerItemId', count: '_delegationsAsOfMeta', emptyIsResolvers: true },
  },
  ranges: [['effectiveFrom', 'effectiveTo']],
  guards: [
    // A delegation belongs to its catalog version: once that version is published it is the record.
    // It reads catalogs only, so the delegations of an import are checked with one statement.
    independentGuard(
      async (ctx) => {
        const ids = new Set([ctx.before?.catalogId, ctx.after.catalogId]);
        for (const id of ids) {
          const refused = refuseLocked(await catalogOf(ctx, id));
          if (refused) throw refused;
        }
      },
      async (ctxs, refuse) => {
        const catalogs = await catalogsOf(ctxs);
        for (const ctx of ctxs) {
          const refused = refuseLocked(catalogs.get(ctx.after.catalogId as number));
          if (refused) refuse(ctx, refused);
        }
      },
    ),
  ],
  rules: [
    organizationKindRule('recipientId', RECIPIENT, LOCAL_KINDS),
    organizationKindRule('delegatingOrganizationId', DELEGATING, COUNTY_KINDS),
    sourceDepartmentRule,
    delegableCategoryRule,
    confirmationRule,
    rowIndependent(
      async (ctx) => {
        if (catalogDateAsked(ctx)) checkCatalogDate(ctx, await catalogOf(ctx, ctx.after.catalogId));
      },
      async (ctxs) => {
        const asking = ctxs.filter(catalogDateAsked);
        if (!asking.length) return;
        const catalogs = await catalogsOf(asking);
        for (const ctx of asking) checkCatalogDate(ctx, catalogs.get(ctx.after.catalogId as number));
      },
    ),
    inForceOnceRule,
  ],
  resolvers: delegationResolvers,
});

