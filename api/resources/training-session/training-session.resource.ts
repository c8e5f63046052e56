import { eq, max } from 'drizzle-orm';
import { trainingAttendances, trainingSessions } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { MENU } from '../menu';
import { calendarDays, sessionDays } from './training-days';

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
      help: {
        zh: '专业法律知识课时计入年度最低课时；公共法律知识与军事训练天数计入最低培训天数；专业巡讲与以案代训计入所服务街道、乡镇的年度次数（一次以案代训为全程跟踪指导一件处罚案件）。',
        en: 'Professional-law hours count towards the yearly minimum hours; general-law and drill days towards the minimum days; roadshows and case-based sessions towards the yearly counts of the streets and townships they served (one case-based session guides one penalty case).',
      },
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
    days: {
      label: { zh: '培训天数', en: 'Days' },
      help: {
        zh: '整个培训的天数，可为半天（0.5）；不超过开始至结束日期的天数。留空按开始至结束日期的天数计。公共法律知识和军事训练的天数计入每人年度最低培训天数。',
        en: 'Days of training the session gives, halves allowed; at most its calendar days. Empty counts its calendar days. General-law and military-drill days count towards each person’s yearly minimum.',
      },
    },
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
    async ({ after, errors }) => {
      const days = after.days as number | null;
      if (typeof days !== 'number' || errors.has('endsOn')) return;
      const span = calendarDays(after.startsOn as string, (after.endsOn as string | null) ?? (after.startsOn as string));
      if (!(days > 0) || days > span) {
        errors.add('days', 'range', `培训天数应大于 0 且不超过开始至结束日期的 ${span} 天`, `Days must be above 0 and at most the ${span} calendar days from start to end`);
      }
    },
    // Giving fewer days may not leave anyone having attended more days than the session gives.
    async ({ tx, before, after, errors }) => {
      if (!before || errors.has('days') || errors.has('endsOn')) return;
      const days = sessionDays(after.days as number | null, after.startsOn as string, after.endsOn as string | null);
      const [{ most }] = await tx
        .select({ most: max(trainingAttendances.daysAttended) })
        .from(trainingAttendances)
        .where(eq(trainingAttendances.sessionId, before.id));
      if (most !== null && days < most) {
        errors.add('days', 'attended', `已有人员参训 ${most} 天，培训天数不能少于此数`, `Someone attended ${most} days; the session cannot give fewer`);
      }
    },
  ],
});
