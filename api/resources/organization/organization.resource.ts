import { count, eq } from 'drizzle-orm';
import { delegations, guidanceAssignments, organizations, powerItems } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { COUNTY_KINDS, LOCAL_KINDS, type OrganizationKind } from '../rules';


export const organizationResource = defineResource({
  name: 'Organization',
  table: organizations,
  label: { zh: '机构', en: 'Organization' },
  description:
    'A street, township, county department, vertically managed unit or other body taking part in the reform.',
  fields: {
    name: { label: { zh: '名称', en: 'Name' }, help: 'Full official name, e.g. 镇平县城市管理局.' },
    kind: {
      label: { zh: '类别', en: 'Kind' },
      help: 'Streets and townships receive powers; departments and vertical units delegate them.',
    },
    parentId: {
      label: { zh: '上级机构', en: 'Parent organization' },
      help: 'The body this one belongs to, e.g. 派出所 under 公安局; empty for a top-level body.',
    },
    region: { label: { zh: '所属县区', en: 'County / district' }, help: 'The county or district, e.g. 镇平县.' },
    code: {
      label: { zh: '机构代码', en: 'Code' },
      help: 'Unique code (统一社会信用代码 or the county’s own organization code).',
    },
  },
  search: ['name', 'code'],
  treeParent: 'parentId',
  rules: [
    // A kind change may not break the records that chose this organization for its kind.
    async ({ tx, before, after, errors }) => {
      if (!before || before.kind === after.kind || errors.has('kind')) return;
      const kind = after.kind as OrganizationKind;
      const uses = [
        { column: delegations.recipientId, table: delegations, allowed: LOCAL_KINDS, zh: '赋权事项的承接机构', en: 'recipient of delegations' },
        { column: delegations.delegatingOrganizationId, table: delegations, allowed: COUNTY_KINDS, zh: '赋权事项的赋权部门', en: 'delegating organization of delegations' },
        { column: guidanceAssignments.departmentId, table: guidanceAssignments, allowed: COUNTY_KINDS, zh: '分包指导的指导部门', en: 'guiding department of guidance assignments' },
        { column: guidanceAssignments.townshipId, table: guidanceAssignments, allowed: LOCAL_KINDS, zh: '分包指导的分包乡镇', en: 'guided township of guidance assignments' },
        { column: powerItems.sourceDepartmentId, table: powerItems, allowed: COUNTY_KINDS, zh: '执法事项的原实施部门', en: 'source department of power items' },
      ];
      for (const use of uses) {
        if (use.allowed.includes(kind)) continue;
        const [{ n }] = await tx.select({ n: count() }).from(use.table).where(eq(use.column, before.id));
        if (Number(n) > 0) {
          errors.add('kind', 'inUse', `该机构仍是 ${n} 条${use.zh}，类别不能改为此值`, `This organization is still the ${use.en} (${n}); its kind cannot change to ${kind}`);
        }
      }
    },
  ],
});
