import { eq } from 'drizzle-orm';
import { organizations } from '../../drizzle/schema';
import type { WriteContext } from '../crud/resource';

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
 * recipient is a street or township. Skipped when the reference itself is already in error.
 */
export function organizationKindRule(field: string, label: { zh: string; en: string }, kinds: OrganizationKind[]) {
  return async (ctx: WriteContext): Promise<void> => {
    const id = ctx.after[field] as number | null | undefined;
    if (id == null || ctx.errors.has(field)) return;
    if (ctx.before && ctx.before[field] === id) return;
    const [org] = await ctx.tx
      .select({ kind: organizations.kind, name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, id));
    if (!org || kinds.includes(org.kind)) return;
    ctx.errors.add(
      field,
      'kind',
      `${label.zh}应为${kinds.map((k) => KIND_LABELS[k].zh).join('或')}，“${org.name}”是${KIND_LABELS[org.kind].zh}`,
      `${label.en} must be a ${kinds.map((k) => KIND_LABELS[k].en).join(' or ')}; "${org.name}" is a ${KIND_LABELS[org.kind].en}`,
    );
  };
}

