import { eq } from 'drizzle-orm';
import { guidanceAssignments, liaisonContacts } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { COUNTY_KINDS, LOCAL_KINDS, organizationKindRule } from '../rules';
import { MENU } from '../menu';

const DEPARTMENT = { zh: '指导部门', en: 'Department' };
const TOWNSHIP = { zh: '分包乡镇（街道）', en: 'Street or township' };

export const guidanceAssignmentResource = defineResource({
  name: 'GuidanceAssignment',
  ui: { display: ['departmentId', 'townshipId'], group: MENU.directory },
  table: guidanceAssignments,
  label: { zh: '分包指导', en: 'Guidance assignment' },
  description: {
    zh: '县直部门与其分包的街道或乡镇（《镇平县行政执法改革与管理专项整治工作实施方案》 §三(二)4）：重点执法部门指导乡镇执法队伍，各行政执法部门将执法人员分包到乡镇（街道）；含指导负责人或分包人员，备注说明属哪一种。',
    en: 'A county department and a street or township it is assigned to (《镇平县行政执法改革与管理专项整治工作实施方案》 §三(二)4): a key department guiding the team, or any enforcing department naming its staff to the township (分包); with the lead contact or named staff, the note saying which.',
  },
  fields: {
    departmentId: { label: DEPARTMENT, help: { zh: '负责指导的县直部门或垂管单位。', en: 'The department or vertical unit that guides.' } },
    townshipId: { label: TOWNSHIP, help: { zh: '接受指导的街道或乡镇。', en: 'The street or township guided.' } },
    leadContactId: {
      label: { zh: '指导负责人', en: 'Lead contact' },
      help: { zh: '指导部门的一名联络员。', en: 'A liaison contact of the guiding department.' },
    },
    since: { label: { zh: '起始日期', en: 'Since' } },
    note: { label: { zh: '备注', en: 'Note' }, help: { zh: '自由填写。', en: 'Free text.' } },
  },
  search: ['note'],
  access: { writers: 'CATALOG_EDITOR', owner: 'townshipId' },
  rules: [
    organizationKindRule('departmentId', DEPARTMENT, COUNTY_KINDS),
    organizationKindRule('townshipId', TOWNSHIP, LOCAL_KINDS),
    async ({ tx, after, errors }) => {
      const id = after.leadContactId as number | null;
      if (id == null || errors.has('leadContactId') || errors.has('departmentId')) return;
      const [contact] = await tx.select().from(liaisonContacts).where(eq(liaisonContacts.id, id));
      if (contact && contact.organizationId !== after.departmentId) {
        errors.add(
          'leadContactId',
          'organization',
          `指导负责人须是指导部门的联络员，“${contact.personName}”不在该部门`,
          `The lead contact must work at the guiding department; ${contact.personName} does not`,
        );
      }
    },
  ],
});

