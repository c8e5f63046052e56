import { staffingQuotas } from '../../../drizzle/schema';
import { defineResource } from '../../crud/resource';
import { config } from '../../config';
import { aboveCap, occupied, overEstablishment, vacancyRate } from './vacancy';
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
    note: { label: { zh: '备注', en: 'Note' } },
  },
  search: ['documentNumber', 'note'],
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
    aboveVacancyCap: {
      label: { zh: '空编率超标', en: 'Above the vacancy cap' },
      help: {
        zh: `空编率超过配置的上限（${capPercent}；《武清区关于进一步深化街镇综合执法改革的指导意见》：空编率不得高于20%）时为“是”。`,
        en: `True when the vacancy rate exceeds the configured cap (${capPercent}, 《武清区关于进一步深化街镇综合执法改革的指导意见》: 空编率不得高于20%).`,
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
      sortField: 'vacancyRate',
      sortOrder: 'DESC',
    },
  },
});
