import { inArray } from 'drizzle-orm';
import { liaisonContacts, organizations } from '../../../drizzle/schema';
import { defineResource, rowIndependent, type WriteContext } from '../../crud/resource';
import { phoneRule } from '../phone';
import { COUNTY_KINDS, LOCAL_KINDS, type OrganizationKind } from '../rules';
import { MENU } from '../menu';

/** The two organizations an entry links, when neither reference is already in error. */
function pairAsked({ after, errors }: WriteContext): number[] | undefined {
  if (errors.has('organizationId') || errors.has('counterpartId')) return undefined;
  return [after.organizationId, after.counterpartId] as number[];
}

function checkPair(ctx: WriteContext, kinds: Map<number, OrganizationKind>): void {
  const [own, other] = (pairAsked(ctx) ?? []).map((id) => kinds.get(id));
  const local = (k?: OrganizationKind) => k !== undefined && LOCAL_KINDS.includes(k);
  const county = (k?: OrganizationKind) => k !== undefined && COUNTY_KINDS.includes(k);
  const paired = (local(own) && county(other)) || (county(own) && local(other));
  if (!paired) {
    ctx.errors.add(
      'counterpartId',
      'kind',
      '所在机构与定向联系机构须一方为街道或乡镇、另一方为县直部门或垂管单位',
      'One of organization and counterpart must be a street or township, the other a department or vertical unit',
    );
  }
}

export const liaisonContactResource = defineResource({
  name: 'LiaisonContact',
  ui: { title: 'personName', display: ['personName', 'organizationId'], group: MENU.directory },
  table: liaisonContacts,
  label: { zh: '联络员', en: 'Liaison contact' },
  description: {
    zh: '联络员/通讯名录中的一名人员：街道中负责对接某县直部门的人员，或部门中负责对接某街道的人员。',
    en: 'A person in the liaison directory (联络员/通讯名录): who at a street answers for a county department, or at a department for a street.',
  },
  fields: {
    organizationId: { label: { zh: '所在机构', en: 'Organization' }, help: { zh: '此人所在的机构。', en: 'Where the person works.' } },
    counterpartId: {
      label: { zh: '定向联系机构', en: 'Counterpart' },
      help: {
        zh: '此人定向联系的机构：街道联络员联系部门，部门联络员联系街道。',
        en: 'The organization the person is the contact for: a department for a street’s liaison, a street for a department’s.',
      },
    },
    personName: { label: { zh: '姓名', en: 'Name' }, personal: true },
    role: { label: { zh: '角色', en: 'Role' } },
    title: { label: { zh: '职务', en: 'Title' }, help: { zh: '职务，如综合执法中队长。', en: 'Position, e.g. 综合执法中队长.' } },
    officePhone: {
      label: { zh: '办公电话', en: 'Office phone' },
      help: { zh: '带区号的固定电话，如 0377-65221234。', en: 'Landline with area code, e.g. 0377-65221234.' },
    },
    mobile: { label: { zh: '手机', en: 'Mobile' }, personal: true, help: { zh: '11位手机号码。', en: '11-digit mobile number.' } },
    activeFrom: { label: { zh: '任职起始', en: 'Active from' } },
    activeTo: { label: { zh: '任职截止', en: 'Active to' }, help: { zh: '仍在任的留空。', en: 'Empty while the person is the contact.' } },
  },
  search: ['personName', 'title', 'mobile', 'officePhone'],
  access: { writers: 'CATALOG_EDITOR', owner: 'organizationId' },
  ranges: [['activeFrom', 'activeTo']],
  rules: [
    phoneRule('mobile', { zh: '手机', en: 'Mobile' }, ['mobile']),
    phoneRule('officePhone', { zh: '办公电话', en: 'Office phone' }, ['landline', 'mobile']),
    rowIndependent(async ({ after, errors }) => {
      if (!after.mobile && !after.officePhone) {
        errors.add('mobile', 'required', '手机和办公电话至少填写一项', 'Give a mobile or an office phone');
      }
    }),
    // A directory entry links the two ends of the reform: one side local, the other county-level.
    // It reads organizations only, so the entries of an import are checked with one statement.
    rowIndependent(
      async (ctx) => {
        const ids = pairAsked(ctx);
        if (!ids) return;
        const rows = await ctx.tx.select({ id: organizations.id, kind: organizations.kind }).from(organizations).where(inArray(organizations.id, ids));
        checkPair(ctx, new Map(rows.map((r) => [r.id, r.kind])));
      },
      async (ctxs) => {
        const ids = [...new Set(ctxs.flatMap((ctx) => pairAsked(ctx) ?? []).filter((id) => id != null))];
        if (!ids.length) return;
        const rows = await ctxs[0].tx.select({ id: organizations.id, kind: organizations.kind }).from(organizations).where(inArray(organizations.id, ids));
        const kinds = new Map(rows.map((r) => [r.id, r.kind]));
        for (const ctx of ctxs) if (pairAsked(ctx)) checkPair(ctx, kinds);
      },
    ),
  ],
});
