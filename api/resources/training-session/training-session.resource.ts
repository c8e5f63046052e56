import { eq, max } from 'drizzle-orm';
import { trainingAttendances, trainingSessions } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { MENU } from '../menu';

export const trainingSessionResource = defineResource({
  name: 'TrainingSession',
  ui: { title: 'title', group: MENU.training },
  table: trainingSessions,
  label: { zh: '培训', en: 'Training session' },
  description: {
    zh: '一次培训或考试（大培训、大练兵、大比武）：所讲授的法律知识类别、组织单位、时间及课时数。',
    en: 'A training session or exam (大培训、大练兵、大比武): what kind of law it teaches, who organizes it, when, and how many class hours (课时) it gives.',
  },
  fields: {
    title: { label: { zh: '培训名称', en: 'Title' } },
    kind: {
      label: { zh: '培训类别', en: 'Kind' },
      help: { zh: '专业法律知识课时计入年度最低课时。', en: 'Professional-law hours count towards the yearly minimum.' },
    },
    organizerId: {
      label: { zh: '组织单位', en: 'Organizer' },
      help: {
        zh: '如公共法律知识由司法局组织，专业法律知识由各部门就本部门法律组织。',
        en: 'E.g. the justice bureau for general law, a department for its own laws.',
      },
    },
    startsOn: {
      label: { zh: '开始日期', en: 'Starts on' },
      help: { zh: '培训计入开始日期所在年度。', en: 'The session counts towards the year it starts in.' },
    },
    endsOn: { label: { zh: '结束日期', en: 'Ends on' } },
    hours: { label: { zh: '课时', en: 'Class hours' }, help: { zh: '整个培训的总课时。', en: 'Class hours the whole session gives.' } },
    location: { label: { zh: '地点', en: 'Location' } },
    note: { label: { zh: '备注', en: 'Note' } },
  },
  search: ['title', 'location'],
  access: { writers: 'HR', owner: 'organizerId' },
  ranges: [['startsOn', 'endsOn']],
  rules: [
    async ({ tx, before, after, errors }) => {
      const hours = after.hours as number;
      if (typeof hours === 'number' && (!(hours > 0) || hours > 1000)) {
        errors.add('hours', 'range', '课时应大于 0 且不超过 1000', 'Class hours must be above 0 and at most 1000');
      } else if (before && hours < (before.hours as number)) {
        // Shortening a session may not leave anyone having attended more hours than it gave.
        const [{ most }] = await tx
          .select({ most: max(trainingAttendances.hoursAttended) })
          .from(trainingAttendances)
          .where(eq(trainingAttendances.sessionId, before.id));
        if (most !== null && hours < most) {
          errors.add('hours', 'attended', `已有人员参训 ${most} 课时，课时不能少于此数`, `Someone attended ${most} hours; the session cannot give fewer`);
        }
      }
    },
  ],
});
