import { inArray } from 'drizzle-orm';
import { organizations } from '../../drizzle/schema';
import { rowIndependent, type WriteContext, type WriteRule } from '../crud/resource';

export type OrganizationKind = (typeof organizations.kind.enumValues)[number];

/** Streets and townships receive powers (the local end of the reform). */
export const LOCAL_KINDS: OrganizationKind[] = ['STREET', 'TOWNSHIP'];
/** County departments and vertical units delegate them (the county end). */
export const COUNTY_KINDS: OrganizationKind[] = ['DEPARTMENT', 'VERTICAL_UNIT'];

const KIND_LABELS: Record<OrganizationKind, { zh: string; en: string }> = {
  STREET: { zh: '街道', en: 'street' },
  TOWNSHIP: { zh: '乡镇', en: 'township' },
  DEPARTMENT: { zh: '县直部门', en: 'county department' },
  VERTICAL_UNIT: { zh: '垂管单位', en: 'vertically managed unit' },
  OTHER: { zh: '其他机构', en: 'other organization' },
};

/**
 * A rule that the organization a field points at is of one of the given kinds, e.g. a delegation's
 * recipient is a street or township. Skipped when the reference itself is already in error. It reads
 * organizations only, so the rows of an import are checked with one statement (never used on
 * organizations themselves, whose own rows would then count).
 */
export function organizationKindRule(field: string, label: { zh: string; en: string }, kinds: OrganizationKind[]): WriteRule {
  const asked = (ctx: WriteContext): number | undefined => {
    const id = ctx.after[field] as number | null | undefined;
    if (id == null || ctx.errors.has(field)) return undefined;
    if (ctx.before && ctx.before[field] === id) return undefined;
    return id;
  };
  const check = (ctx: WriteContext, org: { kind: OrganizationKind; name: string } | undefined): void => {
    if (!org || kinds.includes(org.kind)) return;
    ctx.errors.add(
      field,
      'kind',
      `${label.zh}应为${kinds.map((k) => KIND_LABELS[k].zh).join('或')}，“${org.name}”是${KIND_LABELS[org.kind].zh}`,
      `${label.en} must be a ${kinds.map((k) => KIND_LABELS[k].en).join(' or ')}; "${org.name}" is a ${KIND_LABELS[org.kind].en}`,
    );
  };
  // Read shared until the commit: a change of the organization's kind under way (which holds it) is
  // waited for and judged as written, and one sent later sees this record naming it (and is refused).
  const read = (ctx: WriteContext, ids: number[]) =>
    ctx.tx
      .select({ id: organizations.id, kind: organizations.kind, name: organizations.name })
      .from(organizations)
      .where(inArray(organizations.id, ids))
      .orderBy(organizations.id)
      .for('share');
  return rowIndependent(
    async (ctx) => {
      const id = asked(ctx);
      if (id === undefined) return;
      const [org] = await read(ctx, [id]);
      check(ctx, org);
    },
    async (ctxs) => {
      const ids = [...new Set(ctxs.map(asked).filter((id) => id !== undefined))];
      if (!ids.length) return;
      const found = new Map((await read(ctxs[0], ids)).map((o) => [o.id, o]));
      for (const ctx of ctxs) {
        const id = asked(ctx);
        if (id !== undefined) check(ctx, found.get(id));
      }
    },
  );
}
