import { trainingAudiences } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { MENU } from '../menu';
import { trainingAudienceResolvers } from './training-audience.resolver';

export const trainingAudienceResource = defineResource({
  name: 'TrainingAudience',
  ui: { display: ['sessionId', 'organizationId'], group: MENU.training },
  table: trainingAudiences,
  label: { zh: '服务单位', en: 'Organization served' },
  description: {
    zh: '一次培训所服务的单位：专业巡讲到达的街道、乡镇，以案代训所指导案件的街道、乡镇，轮训所培训人员的单位。专业巡讲和以案代训按此计入各街道、乡镇的年度次数。',
    en: 'An organization a training session served: the street or township a roadshow lectured at, whose case a case-based session guided, whose people a rotation trained. Roadshows and case-based sessions count towards each street’s and township’s yearly figures through it.',
  },
  fields: {
    sessionId: { label: { zh: '培训', en: 'Session' } },
    organizationId: { label: { zh: '服务单位', en: 'Organization served' } },
    note: { label: { zh: '备注', en: 'Note' }, help: { zh: '如以案代训所指导的案件名称。', en: 'E.g. the case a case-based session guided.' } },
  },
  search: ['note'],
  // The session's organizer says whom it served: a street cannot add itself to another's roadshow.
  access: { writers: 'HR', owner: { via: 'sessionId', field: 'organizerId' } },
  resolvers: trainingAudienceResolvers,
});
