import { eq, max } from 'drizzle-orm';
import { trainingAttendances, trainingSessions } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';

export const trainingSessionResource = defineResource({
  name: 'TrainingSession',
  table: trainingSessions,
  label: { zh: '培训', en: 'Training session' },
  description:
    'A training session or exam (大培训、大练兵、大比武): what kind of law it teaches, who organizes it, when, and how many class hours (课时) it gives.',
  fields: {
    title: { label: { zh: '培训名称', en: 'Title' } },
    kind: { label: { zh: '培训类别', en: 'Kind' }, help: 'Professional-law hours count towards the yearly minimum.' },
    organizerId: { label: { zh: '组织单位', en: 'Organizer' }, help: 'E.g. the justice bureau for general law, a department for its own laws.' },
    startsOn: { label: { zh: '开始日期', en: 'Starts on' }, help: 'The session counts towards the year it starts in.' },
    endsOn: { label: { zh: '结束日期', en: 'Ends on' } },
    hours: { label: { zh: '课时', en: 'Class hours' }, help: 'Class hours the whole session gives.' },
    location: { label: { zh: '地点', en: 'Location' } },
    note: { label: { zh: '备注', en: 'Note' } },
  },
  search: ['title', 'location'],
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
