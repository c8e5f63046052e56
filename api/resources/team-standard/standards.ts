import type { Label } from '../../../drizzle/schema/columns';
import { config } from '../../config';

// The team standard sheet (规范化建设达标情况): what the documents ask of every street's and
// township's enforcement team, each standard declared once here with its rule, the setting that
// holds its figure (the documents' figure by default, so a county changes it in configuration) and
// the document that sets it, cited by title. `measure` turns the facts gathered for one team
// (team-facts.ts) into its required and actual figures and whether it passes.

export const ZHENPING = '《镇平县行政执法改革与管理专项整治工作实施方案》';
export const WUCHANG = '《武昌区街道综合行政执法规范化建设实施意见》';
export const WUQING = '《武清区关于进一步深化街镇综合执法改革的指导意见》';

/** What is counted of one team on the sheet's day (see team-facts.ts). */
export interface TeamFacts {
  squadLeaders: number;
  deputySquadLeaders: number;
  legalStaff: number;
  enforcementPosts: number;
  certifiedEnforcementPosts: number;
  /** Quotas of the year that the cap applies to (not exempted), and their highest effective vacancy rate. */
  cappedQuotas: number;
  highestVacancyRate: number | null;
  /** Quotas of the year, exempted or not. */
  quotas: number;
  peopleHeldToTraining: number;
  peopleMeetingTrainingDays: number;
  roadshows: number;
  guidedCases: number;
  bodyCameras: number;
  grids: number;
  gridsWithPerson: number;
  liaisons: number;
}

export interface Measure {
  required: number;
  /** Null when there is nothing to measure (no quota of the year). */
  actual: number | null;
  passed: boolean;
}

export interface TeamStandard {
  code: string;
  label: Label;
  /** The rule in words, with the configured figure. */
  rule: () => Label;
  /** The environment variable holding the figure. */
  setting: string;
  figure: () => number;
  /** The document that sets it, by title. */
  source: string;
  measure: (f: TeamFacts) => Measure;
}

const atLeast = (actual: number, required: number): Measure => ({ required, actual, passed: actual >= required });
/** Everyone counted must meet it: required is how many are counted. */
const all = (actual: number, counted: number, share = 1): Measure => {
  const required = Math.ceil(counted * share);
  return { required, actual, passed: actual >= required };
};

export const TEAM_STANDARDS: TeamStandard[] = [
  {
    code: 'SQUAD_LEADER',
    label: { zh: '中队长', en: 'Squad leader' },
    rule: () => ({ zh: `明确中队长${config.squadLeaders}名`, en: `${config.squadLeaders} squad leader named` }),
    setting: 'SQUAD_LEADERS',
    figure: () => config.squadLeaders,
    source: ZHENPING,
    // Exactly: two people each called the leader is no more a leader than none.
    measure: (f) => ({ required: config.squadLeaders, actual: f.squadLeaders, passed: f.squadLeaders === config.squadLeaders }),
  },
  {
    code: 'DEPUTY_SQUAD_LEADERS',
    label: { zh: '副队长', en: 'Deputy squad leaders' },
    rule: () => ({ zh: `明确副队长${config.deputySquadLeaders}名`, en: `${config.deputySquadLeaders} deputy squad leaders named` }),
    setting: 'DEPUTY_SQUAD_LEADERS',
    figure: () => config.deputySquadLeaders,
    source: ZHENPING,
    measure: (f) => atLeast(f.deputySquadLeaders, config.deputySquadLeaders),
  },
  {
    code: 'LEGAL_STAFF',
    label: { zh: '专职法制人员', en: 'Full-time legal staff' },
    rule: () => ({ zh: `固定${config.legalStaffMin}名以上专职法制人员（法制审核岗）`, en: `At least ${config.legalStaffMin} full-time legal staff (legal-review posts)` }),
    setting: 'LEGAL_STAFF_MIN',
    figure: () => config.legalStaffMin,
    source: WUCHANG,
    measure: (f) => atLeast(f.legalStaff, config.legalStaffMin),
  },
  {
    code: 'ENFORCEMENT_CERTIFIED',
    label: { zh: '执法岗持证', en: 'Enforcement posts certified' },
    rule: () => ({
      zh: `执法岗人员持有效执法证（不低于${Math.round(config.certifiedShareMin * 100)}%）`,
      en: `Enforcement posts held with a certificate in force (at least ${Math.round(config.certifiedShareMin * 100)}%)`,
    }),
    setting: 'CERTIFIED_SHARE_MIN',
    figure: () => config.certifiedShareMin,
    source: ZHENPING,
    measure: (f) => all(f.certifiedEnforcementPosts, f.enforcementPosts, config.certifiedShareMin),
  },
  {
    code: 'VACANCY_CAP',
    label: { zh: '空编率', en: 'Vacancy rate' },
    rule: () => ({
      zh: `空编率不得高于${Math.round(config.vacancyRateCap * 100)}%（批准不受限制的除外）`,
      en: `Vacancy rate at most ${Math.round(config.vacancyRateCap * 100)}% (exempted quotas aside)`,
    }),
    setting: 'VACANCY_RATE_CAP',
    figure: () => config.vacancyRateCap,
    source: WUQING,
    // No quota of the year at all cannot show the cap is kept; exempted quotas only keep it.
    measure: (f) => ({
      required: config.vacancyRateCap,
      actual: f.highestVacancyRate,
      passed: f.quotas > 0 && (f.cappedQuotas === 0 || (f.highestVacancyRate ?? 0) <= config.vacancyRateCap),
    }),
  },
  {
    code: 'TRAINING_DAYS',
    label: { zh: '公共法律知识培训天数', en: 'General-law training days' },
    rule: () => ({
      zh: `每人培训时间不少于${config.generalLawDaysMin}天，其中军事训练不少于${config.militaryDrillDaysMin}天（人数）`,
      en: `Each person at least ${config.generalLawDaysMin} days, of which ${config.militaryDrillDaysMin} of military drill (people)`,
    }),
    setting: 'GENERAL_LAW_DAYS_MIN',
    figure: () => config.generalLawDaysMin,
    source: ZHENPING,
    measure: (f) => all(f.peopleMeetingTrainingDays, f.peopleHeldToTraining),
  },
  {
    code: 'ROADSHOWS',
    label: { zh: '专业巡讲', en: 'Roadshow lectures' },
    rule: () => ({ zh: `每年巡讲不少于${config.roadshowsPerYearMin}次`, en: `At least ${config.roadshowsPerYearMin} roadshow lectures a year` }),
    setting: 'ROADSHOWS_PER_YEAR_MIN',
    figure: () => config.roadshowsPerYearMin,
    source: WUQING,
    measure: (f) => atLeast(f.roadshows, config.roadshowsPerYearMin),
  },
  {
    code: 'GUIDED_CASES',
    label: { zh: '全程跟踪指导的处罚案件', en: 'Penalty cases guided throughout' },
    rule: () => ({ zh: `全程跟踪指导的处罚案件不少于${config.guidedCasesPerYearMin}件`, en: `At least ${config.guidedCasesPerYearMin} penalty cases guided a year` }),
    setting: 'GUIDED_CASES_PER_YEAR_MIN',
    figure: () => config.guidedCasesPerYearMin,
    source: WUQING,
    measure: (f) => atLeast(f.guidedCases, config.guidedCasesPerYearMin),
  },
  {
    code: 'BODY_CAMERAS',
    label: { zh: '执法记录仪', en: 'Body cameras' },
    rule: () => ({ zh: `在用执法记录仪不低于${config.bodyCamerasMin}台`, en: `At least ${config.bodyCamerasMin} body cameras in service` }),
    setting: 'BODY_CAMERAS_MIN',
    figure: () => config.bodyCamerasMin,
    source: ZHENPING,
    measure: (f) => atLeast(f.bodyCameras, config.bodyCamerasMin),
  },
  {
    code: 'PATROL_GRIDS',
    label: { zh: '巡查网格责任人', en: 'Patrol grids with a named person' },
    rule: () => ({
      zh: `划分执法巡查网格（不少于${config.patrolGridsMin}个），每个网格明确责任人`,
      en: `Patrol grids drawn (at least ${config.patrolGridsMin}), each naming its responsible person`,
    }),
    setting: 'PATROL_GRIDS_MIN',
    figure: () => config.patrolGridsMin,
    source: ZHENPING,
    measure: (f) => {
      const required = Math.max(f.grids, config.patrolGridsMin);
      return { required, actual: f.gridsWithPerson, passed: f.gridsWithPerson >= required };
    },
  },
  {
    code: 'LIAISON',
    label: { zh: '联络员', en: 'Liaison officer' },
    rule: () => ({ zh: `明确${config.liaisonsMin}名联络员对接县直行政执法部门`, en: `${config.liaisonsMin} liaison officer named to the county departments` }),
    setting: 'LIAISONS_MIN',
    figure: () => config.liaisonsMin,
    source: ZHENPING,
    measure: (f) => atLeast(f.liaisons, config.liaisonsMin),
  },
];
