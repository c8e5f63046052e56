import { caseReports } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';

const count = (zh: string, en: string, help: string) => ({ label: { zh, en }, help });

/** Pairs [part, whole] of counts where the part cannot exceed the whole. */
const PARTS: [string, string][] = [
  ['casesClosed', 'casesFiled'],
  ['decisionsExecuted', 'casesClosed'],
  ['penalties', 'casesFiled'],
  ['lawsuits', 'totalCases'],
  ['judgmentsWon', 'judgments'],
];

export const caseReportResource = defineResource({
  name: 'CaseReport',
  table: caseReports,
  label: { zh: '执法统计', en: 'Case report' },
  description:
    'An organization’s enforcement counts for a period, from which the six rates (六率) and their points are computed per seed 004 附件2.',
  fields: {
    organizationId: { label: { zh: '执法单位', en: 'Organization' } },
    periodStart: { label: { zh: '统计起始', en: 'Period start' } },
    periodEnd: { label: { zh: '统计截止', en: 'Period end' } },
    casesDue: count('应立案数', 'Cases due', 'Cases that should have been filed (the target 核定任务).'),
    casesFiled: count('立案数', 'Cases filed', 'Cases filed in the period.'),
    casesClosed: count('办结数', 'Cases closed', 'Filed cases closed.'),
    casesOverdue: count('超期数', 'Cases overdue', 'Cases closed late or still open past their time limit; −2 points each.'),
    leaderAssignmentsUnfulfilled: count('县领导交办未落实数', 'Leader assignments unfulfilled', 'Cases assigned by county leaders and not properly handled; −5 points each.'),
    decisionsExecuted: count('执行数', 'Decisions executed', 'Closed cases whose decision was carried out.'),
    courtRefusals: count('不予执行数', 'Court refusals', 'Decisions the court ruled not to enforce; −3 points each.'),
    penalties: count('处罚数', 'Penalties', 'Filed cases that ended in a penalty.'),
    unpenalized: count('应罚未罚数', 'Unpenalized', 'Cases found that should have been penalized and were not; −3 points each.'),
    lawsuits: count('被起诉数', 'Lawsuits', 'Cases the court accepted a suit against (法院立案数).'),
    totalCases: count('案件总数', 'Total cases', 'All enforcement cases of the year (年度内执法案件数量).'),
    judgments: count('生效判决数', 'Final judgments', 'Suits with a final judgment.'),
    judgmentsWon: count('胜诉数', 'Judgments won', 'Final judgments in the organization’s favour.'),
    note: { label: { zh: '备注', en: 'Note' } },
  },
  search: ['note'],
  ranges: [['periodStart', 'periodEnd']],
  rules: [
    async ({ after, errors }) => {
      const model = caseReportResource.fields;
      for (const [key, meta] of Object.entries(model)) {
        const v = after[key];
        if (typeof v === 'number' && v < 0) errors.add(key, 'min', `${meta.label.zh}不能为负数`, `${meta.label.en} cannot be negative`);
      }
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
});
