import { count, eq, sql } from 'drizzle-orm';
import { delegations, guidanceAssignments, inspections, organizations, powerItems } from '../../../drizzle/schema';
import { halfYearStart, today } from '../../dates';
import { defineResource, rowIndependent } from '../../crud/resource';
import { COUNTY_KINDS, LOCAL_KINDS, type OrganizationKind } from '../rules';
import { MENU } from '../menu';
import { teamStandardResolvers } from '../team-standard/team-standard.resolver';


export const organizationResource = defineResource({
  name: 'Organization',
  ui: { title: 'name', group: MENU.directory },
  table: organizations,
  label: { zh: '机构', en: 'Organization' },
  description: {
    zh: '参与改革的街道、乡镇、县直部门、垂管单位或其他机构。',
    en: 'A street, township, county department, vertically managed unit or other body taking part in the reform.',
  },
  fields: {
    name: {
      label: { zh: '名称', en: 'Name' },
      help: { zh: '机构规范全称，如镇平县城市管理局。', en: 'Full official name, e.g. 镇平县城市管理局.' },
    },
    kind: {
      label: { zh: '类别', en: 'Kind' },
      help: {
        zh: '街道、乡镇承接执法权限；县直部门、垂管单位下放执法权限。',
        en: 'Streets and townships receive powers; departments and vertical units delegate them.',
      },
    },
    parentId: {
      label: { zh: '上级机构', en: 'Parent organization' },
      help: {
        zh: '本机构隶属的机构，如派出所隶属于公安局；顶层机构留空。',
        en: 'The body this one belongs to, e.g. 派出所 under 公安局; empty for a top-level body.',
      },
    },
    region: {
      label: { zh: '所属县区', en: 'County / district' },
      help: { zh: '所属县（区），如镇平县。', en: 'The county or district, e.g. 镇平县.' },
    },
    code: {
      label: { zh: '机构代码', en: 'Code' },
      help: {
        zh: '唯一代码（统一社会信用代码或本县自编的机构代码）。',
        en: 'Unique code (统一社会信用代码 or the county’s own organization code).',
      },
    },
    shortName: {
      label: { zh: '简称', en: 'Short name' },
      help: {
        zh: '本县文件中使用的简称，如市场监管局；导入表格时可用简称指代本机构。',
        en: 'The name the county’s own notices use, e.g. 市场监管局; spreadsheets may name the organization by it.',
      },
    },
  },
  search: ['name', 'code', 'shortName'],
  spreadsheet: { names: ['code', 'name', 'shortName'] },
  // No owner: an organization's own record (its kind decides what its accounts may do) is county business.
  // The catalog's editors, and the system administrator (三员: accounts, organizations, parameters).
  access: { writers: ['CATALOG_EDITOR', 'SYSTEM_ADMIN'] },
  // The team standard sheet (规范化建设达标情况) of the streets and townships.
  resolvers: teamStandardResolvers,
  treeParent: 'parentId',
  computed: {
    caseReviewDue: {
      label: { zh: '待案卷评查', en: 'Case-file review due' },
      help: {
        zh: '街道、乡镇、县直部门和垂管单位本半年度（1—6月或7—12月）尚无案卷评查记录时为“是”（《镇平县行政执法改革与管理专项整治工作实施方案》：每半年组织开展1次执法案卷评查工作）。',
        en: 'True for a street, township, department or vertical unit with no case-file review yet in the current half-year (January–June or July–December; 《镇平县行政执法改革与管理专项整治工作实施方案》: 每半年组织开展1次执法案卷评查工作).',
      },
      type: 'boolean',
      sql: () => sql`(${organizations.kind} in ('STREET', 'TOWNSHIP', 'DEPARTMENT', 'VERTICAL_UNIT') and not exists (select 1 from ${inspections}
        where ${inspections.inspectedOrganizationId} = ${organizations.id} and ${inspections.kind} = 'CASE_REVIEW'
          and ${inspections.inspectedOn} between ${halfYearStart(today())} and ${today()}))`,
    },
  },
  presets: {
    caseReviewsDue: {
      description: '待案卷评查 (Organizations due a case-file review): no case-file review yet in the current half-year, by name.',
      filter: { caseReviewDue: true },
      sortField: 'name',
    },
  },
  rules: [
    // A kind change may not break the records that chose this organization for its kind. A new
    // organization has nothing pointing at it: the rule reads nothing then, so an import creates
    // organizations in batches.
    rowIndependent(async ({ tx, before, after, errors }) => {
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
    }),
  ],
});
