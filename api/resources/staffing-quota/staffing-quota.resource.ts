import { staffingQuotas } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { config } from '../../config';
import { aboveCap, effectiveVacancyRate, misused, occupied, occupiedByEnforcementPosts, overEstablishment, vacancyRate } from './vacancy';
import { MENU } from '../menu';

const capPercent = `${Math.round(config.vacancyRateCap * 100)}%`;

export const staffingQuotaResource = defineResource({
  name: 'StaffingQuota',
  ui: { display: ['organizationId', 'year', 'category'], group: MENU.hr },
  table: staffingQuotas,
  label: { zh: '编制', en: 'Staffing quota' },
  description: {
    zh: '某机构某一编制类别在某一年度的核定编制数。实有人数和空编率根据岗位任职计算。',
    en: 'The number of places (核定编制数) approved for an organization in one staffing category and year. Occupied places and the vacancy rate (空编率) are computed from postings.',
  },
  fields: {
    organizationId: { label: { zh: '机构', en: 'Organization' } },
    category: { label: { zh: '编制类别', en: 'Staffing category' } },
    year: { label: { zh: '年度', en: 'Year' }, min: 2000, max: 2100 },
    approvedCount: {
      label: { zh: '核定数', en: 'Approved places' },
      min: 0,
      help: { zh: '编办核定的编制数。', en: 'Places approved by the staffing office (编办).' },
    },
    documentNumber: {
      label: { zh: '核定文号', en: 'Document number' },
      help: { zh: '编办核定编制的文号，如镇编〔2021〕5号。', en: 'The staffing office’s approval, e.g. 镇编〔2021〕5号.' },
    },
    capExempt: {
      label: { zh: '不受空编率限制', en: 'Exempt from the vacancy cap' },
      help: {
        zh: '执法任务重、现有编制紧张的街镇，经批准可不受空编率限制（《武清区关于进一步深化街镇综合执法改革的指导意见》）；须填写理由和批准文号。',
        en: 'A street with heavy enforcement work and tight establishment may be exempted from the vacancy cap (《武清区关于进一步深化街镇综合执法改革的指导意见》); give the reason and the approving document.',
      },
    },
    capExemptReason: { label: { zh: '不受限制理由', en: 'Reason for the exemption' }, ui: { multiline: true } },
    capExemptDocument: {
      label: { zh: '批准文号', en: 'Approving document' },
      help: { zh: '批准不受空编率限制的文件文号，如镇编〔2026〕3号。', en: 'The document approving the exemption, e.g. 镇编〔2026〕3号.' },
    },
    note: { label: { zh: '备注', en: 'Note' } },
  },
  search: ['documentNumber', 'note'],
  rules: [
    async ({ after, errors }) => {
      if (!after.capExempt) {
        for (const key of ['capExemptReason', 'capExemptDocument'] as const) {
          if (after[key]) errors.add(key, 'exempt', '未设为不受空编率限制时不填此项', 'Only an exempted quota has this');
        }
        return;
      }
      if (!String(after.capExemptReason ?? '').trim()) {
        errors.add('capExemptReason', 'required', '不受空编率限制须填写理由', 'An exemption from the vacancy cap needs its reason');
      }
      if (!String(after.capExemptDocument ?? '').trim()) {
        errors.add('capExemptDocument', 'required', '不受空编率限制须填写批准文号', 'An exemption from the vacancy cap needs its approving document');
      }
    },
  ],
  access: { writers: 'HR', owner: 'organizationId' },
  computed: {
    occupied: {
      label: { zh: '实有人数', en: 'Occupied' },
      help: {
        zh: '统计日（当年为今天，以往年度为该年12月31日）按任职占用本机构此类编制的人数；借调人员计入原单位。',
        en: 'People of this category whose posting counts against this organization on the measuring day (today, or 31 December of a past year); seconded people count at home.',
      },
      type: 'int',
      beside: 'approvedCount',
      sql: occupied,
    },
    vacancyRate: {
      label: { zh: '空编率', en: 'Vacancy rate' },
      help: {
        zh: '（核定数 − 实有人数）÷ 核定数，以小数表示（0.25 即 25%）；超编时为负数；核定数为 0 时为空。',
        en: '(approved − occupied) ÷ approved, as a fraction (0.25 = 25%); negative when over strength; null when nothing is approved.',
      },
      type: 'ratio',
      nullable: true,
      beside: 'approvedCount',
      sql: vacancyRate,
    },
    overEstablishment: {
      label: { zh: '超编', en: 'Over establishment' },
      help: {
        zh: '实有人数超过核定数时为“是”（空编率为负）。',
        en: 'True when more people occupy places than were approved (a negative vacancy rate).',
      },
      type: 'boolean',
      beside: 'approvedCount',
      sql: overEstablishment,
    },
    occupiedByEnforcementPosts: {
      label: { zh: '在执法岗人数', en: 'On enforcement posts' },
      help: {
        zh: '实有人数中，在本机构执法岗、法制审核岗或中队长岗任职的人数。',
        en: 'Occupants working at this organization on an enforcement, legal-review or squad-leader post.',
      },
      type: 'int',
      beside: 'approvedCount',
      sql: occupiedByEnforcementPosts,
    },
    misused: {
      label: { zh: '挤占挪用', en: 'Misused' },
      help: {
        zh: '执法专项编制的实有人数中，在辅助岗任职或借调到其他单位工作的人数（《镇平县行政执法改革与管理专项整治工作实施方案》：挤占挪用执法编制人员）；其他编制类别为 0。',
        en: 'Occupants of the dedicated enforcement establishment on an auxiliary post or seconded to work elsewhere (挤占挪用执法编制人员, 《镇平县行政执法改革与管理专项整治工作实施方案》); 0 for other categories.',
      },
      type: 'int',
      beside: 'approvedCount',
      sql: misused,
    },
    effectiveVacancyRate: {
      label: { zh: '实际空编率', en: 'Effective vacancy rate' },
      help: {
        zh: '执法专项编制：（核定数 − 在执法岗人数）÷ 核定数，挤占挪用的不算在编；其他类别同空编率。空编率上限按此计算。',
        en: 'For the enforcement establishment, (approved − on enforcement posts) ÷ approved: misused places do not count as filled; for other categories the vacancy rate. The cap is checked against it.',
      },
      type: 'ratio',
      nullable: true,
      beside: 'approvedCount',
      sql: effectiveVacancyRate,
    },
    aboveVacancyCap: {
      label: { zh: '空编率超标', en: 'Above the vacancy cap' },
      help: {
        zh: `实际空编率超过配置的上限（${capPercent}；《武清区关于进一步深化街镇综合执法改革的指导意见》：空编率不得高于20%）且未批准不受限制时为“是”。`,
        en: `True when the effective vacancy rate exceeds the configured cap (${capPercent}, 《武清区关于进一步深化街镇综合执法改革的指导意见》: 空编率不得高于20%) and the quota is not exempted.`,
      },
      type: 'boolean',
      sql: aboveCap,
    },
  },
  presets: {
    quotasAboveVacancyCap: {
      description:
        '空编率超标 (Quotas above the vacancy cap): the organizations and categories whose vacancy rate exceeds the configured cap in a year, highest rate first.',
      filter: { aboveVacancyCap: true },
      args: { year: { type: 'int', description: 'The staffing year, e.g. 2026.' } },
      sortField: 'effectiveVacancyRate',
      sortOrder: 'DESC',
    },
  },
});
