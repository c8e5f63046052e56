import { caseReports } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { caseReportResolvers } from './case-report.resolver';
import { MENU } from '../menu';
import { TOTAL_SCORE } from './six-rates';
import { filingTarget, filingTargetDefaulted } from './filing-target';

const count = (zh: string, en: string, help: { zh: string; en: string }) => ({ label: { zh, en }, help, min: 0 });

/** Pairs [part, whole] of counts where the part cannot exceed the whole. */
const PARTS: [string, string][] = [
  ['casesClosed', 'casesFiled'],
  ['decisionsExecuted', 'casesClosed'],
  ['penalties', 'casesFiled'],
  ['lawsuits', 'totalCases'],
  ['judgmentsWon', 'judgments'],
  ['countyJudgmentsWon', 'countyJudgments'],
  ['countyLawsuits', 'totalCases'],
];

export const caseReportResource = defineResource({
  name: 'CaseReport',
  ui: { display: ['organizationId', 'periodStart', 'periodEnd'], group: MENU.supervision },
  table: caseReports,
  label: { zh: '执法统计', en: 'Case report' },
  description: {
    zh: '执法单位在统计期内的各项执法数据，据此按《镇平县行政执法改革与管理专项整治工作实施方案》附件2计算“六率”及其得分。',
    en: 'An organization’s enforcement counts for a period, from which the six rates (六率) and their points are computed per 《镇平县行政执法改革与管理专项整治工作实施方案》 附件2.',
  },
  fields: {
    organizationId: { label: { zh: '执法单位', en: 'Organization' } },
    periodStart: { label: { zh: '统计起始', en: 'Period start' } },
    periodEnd: { label: { zh: '统计截止', en: 'Period end' } },
    casesDue: count('应立案数', 'Cases due', {
      zh: '应当立案的案件数（核定任务）。不填写时，参考本单位近两年立案数量平均值核定。',
      en: 'Cases that should have been filed (the target 核定任务). Left empty, the average of the unit’s filed cases over the two previous years is used.',
    }),
    casesFiled: count('立案数', 'Cases filed', { zh: '统计期内立案的案件数。', en: 'Cases filed in the period.' }),
    casesClosed: count('办结数', 'Cases closed', { zh: '已立案件中办结的案件数。', en: 'Filed cases closed.' }),
    casesOverdue: count('超期数', 'Cases overdue', {
      zh: '超期办结或超过办理时限仍未办结的案件数；每件扣2分。',
      en: 'Cases closed late or still open past their time limit; −2 points each.',
    }),
    leaderAssignmentsUnfulfilled: count('县领导交办未落实数', 'Leader assignments unfulfilled', {
      zh: '县领导交办但未落实到位的案件数；每件扣5分。',
      en: 'Cases assigned by county leaders and not properly handled; −5 points each.',
    }),
    decisionsExecuted: count('执行数', 'Decisions executed', {
      zh: '已办结案件中决定已执行的案件数。',
      en: 'Closed cases whose decision was carried out.',
    }),
    courtRefusals: count('不予执行数', 'Court refusals', {
      zh: '法院裁定不予执行的决定数；每件扣3分。',
      en: 'Decisions the court ruled not to enforce; −3 points each.',
    }),
    penalties: count('处罚数', 'Penalties', { zh: '已立案件中作出行政处罚的案件数。', en: 'Filed cases that ended in a penalty.' }),
    unpenalized: count('应罚未罚数', 'Unpenalized', {
      zh: '经查应予处罚而未处罚的案件数；每件扣3分。',
      en: 'Cases found that should have been penalized and were not; −3 points each.',
    }),
    lawsuits: count('被起诉数', 'Lawsuits', {
      zh: '被提起行政诉讼且法院已受理的案件数（法院立案数）。',
      en: 'Cases the court accepted a suit against (法院立案数).',
    }),
    totalCases: count('案件总数', 'Total cases', {
      zh: '年度内全部执法案件数（年度内执法案件数量）。',
      en: 'All enforcement cases of the year (年度内执法案件数量).',
    }),
    judgments: count('生效判决数', 'Final judgments', { zh: '已有生效判决的诉讼案件数。', en: 'Suits with a final judgment.' }),
    judgmentsWon: count('胜诉数', 'Judgments won', {
      zh: '生效判决中本单位胜诉的案件数。',
      en: 'Final judgments in the organization’s favour.',
    }),
    countyLawsuits: count('县政府被诉数', 'County government lawsuits', {
      zh: '以县政府为被告、由本单位承办的行政诉讼中法院已立案的数量；计入本单位被起诉数（县政府诉讼案件计入承办单位）。',
      en: 'Suits the court accepted against the county government over matters this unit handled; counted as the unit’s own lawsuits (县政府诉讼案件计入承办单位).',
    }),
    countyJudgments: count('县政府生效判决数', 'County government judgments', {
      zh: '上述县政府诉讼案件中已有生效判决的数量；计入本单位生效判决数。',
      en: 'Of those suits, the ones with a final judgment; counted with the unit’s judgments.',
    }),
    countyJudgmentsWon: count('县政府胜诉数', 'County government judgments won', {
      zh: '上述生效判决中县政府胜诉的数量；计入本单位胜诉数。',
      en: 'Of those judgments, the ones the county government won; counted with the unit’s wins.',
    }),
    note: { label: { zh: '备注', en: 'Note' } },
  },
  computed: {
    filingTarget: {
      label: { zh: '核定应立案数', en: 'Filing target' },
      help: {
        zh: '立案率的分母：填写了应立案数的取填写数，未填写的参考本单位近两年立案数量平均值（前两个年度各年立案数之和的平均值，四舍五入）；均无时为空。',
        en: 'What the filing rate divides by: the cases due as entered, or else the average of the unit’s filed cases over the two previous years (per year, rounded); empty when neither exists.',
      },
      type: 'int',
      nullable: true,
      beside: 'casesDue',
      sql: filingTarget,
    },
    filingTargetDefaulted: {
      label: { zh: '按近两年平均核定', en: 'Target from the two previous years' },
      help: {
        zh: '未填写应立案数，核定应立案数取本单位近两年立案数量平均值时为“是”。',
        en: 'True when the cases due were not entered and the target is the average of the two previous years.',
      },
      type: 'boolean',
      beside: 'casesDue',
      sql: filingTargetDefaulted,
    },
  },
  search: ['note'],
  access: { writers: 'SUPERVISOR', owner: 'organizationId' },
  ranges: [['periodStart', 'periodEnd']],
  rules: [
    async ({ after, errors }) => {
      const model = caseReportResource.fields;
      for (const [part, whole] of PARTS) {
        const p = after[part] as number;
        const w = after[whole] as number;
        if (errors.has(part) || errors.has(whole) || typeof p !== 'number' || typeof w !== 'number' || p <= w) continue;
        const pl = model[part].label;
        const wl = model[whole].label;
        errors.add(part, 'exceeds', `${pl.zh}（${p}）不能大于${wl.zh}（${w}）`, `${pl.en} (${p}) cannot exceed ${wl.en} (${w})`);
      }
    },
  ],
  resolvers: caseReportResolvers,
  resolvedFields: { totalScore: TOTAL_SCORE },
});
