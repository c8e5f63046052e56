import { eq } from 'drizzle-orm';
import { trainingAttendances, trainingSessions } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { trainingAttendanceResolvers } from './training-attendance.resolver';
import { applyGeneralLawExam } from '../certificate-event/exam-result';
import { MENU } from '../menu';
import { sessionDays } from '../training-session/training-days';

export const trainingAttendanceResource = defineResource({
  name: 'TrainingAttendance',
  ui: { display: ['staffMemberId', 'sessionId'], group: MENU.training },
  table: trainingAttendances,
  label: { zh: '参训记录', en: 'Training attendance' },
  description: {
    zh: '一名人员参加一次培训的记录：参训课时、考试成绩及是否合格、结业证。参训课时按培训类别计入年度最低课时。',
    en: 'One person’s attendance at a training session: hours attended, exam score and result, completion certificate (结业证). Hours count towards the yearly minimum by the session’s kind.',
  },
  fields: {
    sessionId: { label: { zh: '培训', en: 'Session' } },
    staffMemberId: { label: { zh: '参训人员', en: 'Staff member' } },
    hoursAttended: {
      label: { zh: '参训课时', en: 'Hours attended' },
      help: { zh: '不超过该培训的课时。', en: 'At most the session’s class hours.' },
    },
    daysAttended: {
      label: { zh: '参训天数', en: 'Days attended' },
      help: {
        zh: '不超过该培训的天数；留空为参加了全部天数。',
        en: 'At most the session’s days; empty when the person attended every day.',
      },
    },
    examScore: {
      label: { zh: '考试成绩', en: 'Exam score' },
      min: 0,
      max: 100,
      help: { zh: '0 到 100；未组织考试的留空。', en: '0 to 100; empty when there was no exam.' },
    },
    passed: { label: { zh: '考试合格', en: 'Passed' }, help: { zh: '未组织考试的留空。', en: 'Empty when there was no exam.' } },
    completionCertificate: { label: { zh: '结业证编号', en: 'Completion certificate' } },
  },
  search: ['completionCertificate'],
  access: { writers: 'HR', owner: { via: 'staffMemberId', field: 'organizationId' } },
  rules: [
    async ({ tx, after, errors }) => {
      const hours = after.hoursAttended as number;
      if (typeof hours === 'number' && !(hours > 0)) {
        errors.add('hoursAttended', 'range', '参训课时应大于 0', 'Hours attended must be above 0');
      } else if (typeof hours === 'number' && !errors.has('sessionId')) {
        // Read shared until the commit, as below: a change of the session's hours or days under way
        // (which holds it) is waited for and judged as written, and one sent later sees this attendance.
        const [session] = await tx
          .select({ hours: trainingSessions.hours })
          .from(trainingSessions)
          .where(eq(trainingSessions.id, after.sessionId as number))
          .for('share');
        if (session && hours > session.hours) {
          errors.add(
            'hoursAttended',
            'range',
            `参训课时不能超过该培训的 ${session.hours} 课时`,
            `Hours attended cannot exceed the session’s ${session.hours} class hours`,
          );
        }
      }
    },
    async ({ tx, after, errors }) => {
      const days = after.daysAttended as number | null;
      if (typeof days !== 'number' || errors.has('sessionId')) return;
      const [session] = await tx
        .select({ days: trainingSessions.days, startsOn: trainingSessions.startsOn, endsOn: trainingSessions.endsOn })
        .from(trainingSessions)
        .where(eq(trainingSessions.id, after.sessionId as number))
        .for('share');
      if (!session) return;
      const most = sessionDays(session.days, session.startsOn, session.endsOn);
      if (!(days > 0) || days > most) {
        errors.add('daysAttended', 'range', `参训天数应大于 0 且不超过该培训的 ${most} 天`, `Days attended must be above 0 and at most the session’s ${most} days`);
      }
    },
  ],
  // A general-law exam's result suspends or restores the person's certificates.
  effects: [applyGeneralLawExam],
  resolvers: trainingAttendanceResolvers,
});
