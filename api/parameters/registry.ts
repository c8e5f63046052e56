import type { Label } from '../../drizzle/schema/columns';
import type { config } from '../config';

// The rule figures an administrator may change while the system runs (参数设置). Each names the
// environment variable that gives its default (the variable's value, or the documents' figure when
// unset) and the `config` field every rule already reads, so no rule changes how it reads a figure.
// A figure that is not here cannot be stored: the key is a database enum built from this list.

export type ParameterUnit = 'RATIO' | 'COUNT' | 'HOURS' | 'DAYS' | 'MINUTES' | 'SECONDS' | 'CLASS_HOURS' | 'CHARACTERS';

export const PARAMETER_UNITS: Record<ParameterUnit, Label> = {
  RATIO: { zh: '比例（0–1）', en: 'Ratio (0–1)' },
  COUNT: { zh: '个（人、次）', en: 'Count' },
  HOURS: { zh: '小时', en: 'Hours' },
  DAYS: { zh: '天', en: 'Days' },
  MINUTES: { zh: '分钟', en: 'Minutes' },
  SECONDS: { zh: '秒', en: 'Seconds' },
  CLASS_HOURS: { zh: '课时', en: 'Class hours' },
  CHARACTERS: { zh: '个字符', en: 'Characters' },
};

type NumericConfigKey = { [K in keyof typeof config]: (typeof config)[K] extends number ? K : never }[keyof typeof config];

export interface ParameterDefinition {
  label: Label;
  /** The `config` field the rules read. */
  configKey: NumericConfigKey;
  unit: ParameterUnit;
  /** Whole numbers only. */
  integer: boolean;
  /** Bounds, both inclusive: those the environment variable takes, and a sane upper one. */
  min: number;
  max: number;
  /**
   * Who sets it (三员分立): the security administrator the security policy (passwords, lockout,
   * sessions); the system administrator the business figures.
   */
  keeper: 'SYSTEM_ADMIN' | 'SECURITY_ADMIN';
}

const int = (label: Label, configKey: NumericConfigKey, unit: ParameterUnit, min: number, max: number): ParameterDefinition => ({ label, configKey, unit, integer: true, min, max, keeper: 'SYSTEM_ADMIN' });
const num = (label: Label, configKey: NumericConfigKey, unit: ParameterUnit, min: number, max: number): ParameterDefinition => ({ label, configKey, unit, integer: false, min, max, keeper: 'SYSTEM_ADMIN' });
/** A figure of the security policy: the security administrator's. */
const security = (p: ParameterDefinition): ParameterDefinition => ({ ...p, keeper: 'SECURITY_ADMIN' });

/** By environment variable name, which is also the key stored. Order: the admin's list. */
export const PARAMETERS = {
  VACANCY_RATE_CAP: num({ zh: '空编率上限', en: 'Vacancy rate cap' }, 'vacancyRateCap', 'RATIO', 0, 1),
  PROFESSIONAL_LAW_HOURS_MIN: num({ zh: '专业法律知识培训年度课时下限', en: 'Professional-law training hours a year, at least' }, 'professionalLawHoursMin', 'CLASS_HOURS', 0, 1000),
  GENERAL_LAW_DAYS_MIN: num({ zh: '通用法律知识培训年度天数下限（含军训）', en: 'General-law training days a year, drill included, at least' }, 'generalLawDaysMin', 'DAYS', 0, 365),
  MILITARY_DRILL_DAYS_MIN: num({ zh: '军事训练年度天数下限', en: 'Military drill days a year, at least' }, 'militaryDrillDaysMin', 'DAYS', 0, 365),
  ROADSHOWS_PER_YEAR_MIN: int({ zh: '每年对各街镇巡讲次数下限', en: 'Roadshow lectures per street a year, at least' }, 'roadshowsPerYearMin', 'COUNT', 0, 365),
  GUIDED_CASES_PER_YEAR_MIN: int({ zh: '每年全程跟踪指导处罚案件下限', en: 'Guided penalty cases per street a year, at least' }, 'guidedCasesPerYearMin', 'COUNT', 0, 1000),
  INDUCTION_WITHIN_DAYS: int({ zh: '新招录人员初任培训期限', en: 'Induction training within, after recruitment' }, 'inductionWithinDays', 'DAYS', 1, 3650),
  BODY_CAMERAS_MIN: int({ zh: '执法记录仪在用数量下限', en: 'Body cameras in service, at least' }, 'bodyCamerasMin', 'COUNT', 0, 1000),
  SQUAD_LEADERS: int({ zh: '中队长人数', en: 'Squad leaders' }, 'squadLeaders', 'COUNT', 0, 100),
  DEPUTY_SQUAD_LEADERS: int({ zh: '副队长人数', en: 'Deputy squad leaders' }, 'deputySquadLeaders', 'COUNT', 0, 100),
  LEGAL_STAFF_MIN: int({ zh: '专职法制人员人数下限', en: 'Full-time legal staff, at least' }, 'legalStaffMin', 'COUNT', 0, 100),
  CERTIFIED_SHARE_MIN: num({ zh: '执法岗位持证比例下限', en: 'Share of enforcement posts certified, at least' }, 'certifiedShareMin', 'RATIO', 0, 1),
  PATROL_GRIDS_MIN: int({ zh: '执法网格数量下限', en: 'Patrol grids, at least' }, 'patrolGridsMin', 'COUNT', 0, 1000),
  LIAISONS_MIN: int({ zh: '联络员人数下限', en: 'Liaison officers, at least' }, 'liaisonsMin', 'COUNT', 0, 100),
  FLAGGED_SUPERVISION_DAYS: int({ zh: '严重问题挂牌督办期限', en: 'Flagged supervision of the gravest findings within' }, 'flaggedSupervisionDays', 'DAYS', 0, 3650),
  REFERRAL_RECEIPT_DAYS: int({ zh: '移送案件签收期限', en: 'Referred case signed for within' }, 'referralReceiptDays', 'DAYS', 0, 365),
  REFERRAL_DECISION_DAYS: int({ zh: '移送案件受理决定期限', en: 'Referred case decided within, after receipt' }, 'referralDecisionDays', 'DAYS', 0, 365),
  DISPATCH_ACK_HOURS: int({ zh: '吹哨报到响应时限', en: 'Dispatch call acknowledged within' }, 'dispatchAckHours', 'HOURS', 0, 720),
  DISPATCH_ARRIVAL_HOURS: int({ zh: '吹哨报到到场时限', en: 'Dispatch arrival on the spot within' }, 'dispatchArrivalHours', 'HOURS', 0, 720),
  PASSWORD_MIN_LENGTH: security(int({ zh: '密码最短长度', en: 'Shortest password' }, 'passwordMinLength', 'CHARACTERS', 8, 200)),
  PASSWORD_MIN_CLASSES: security(int({ zh: '密码至少包含的字符种类', en: 'Kinds of character a password mixes, at least' }, 'passwordMinClasses', 'COUNT', 1, 4)),
  PASSWORD_HISTORY: security(int({ zh: '不得重复使用的最近密码个数', en: 'Previous passwords not to reuse' }, 'passwordHistory', 'COUNT', 0, 24)),
  PASSWORD_MAX_AGE_DAYS: security(int({ zh: '密码有效期（0 为不过期）', en: 'Password expires after (0: never)' }, 'passwordMaxAgeDays', 'DAYS', 0, 3650)),
  LOGIN_MAX_FAILURES: security(int({ zh: '登录失败锁定次数', en: 'Failed sign-ins before the account locks' }, 'loginMaxFailures', 'COUNT', 1, 100)),
  LOGIN_LOCK_MINUTES: security(int({ zh: '登录失败锁定时长', en: 'An account locked by failed sign-ins stays locked for' }, 'loginLockMinutes', 'MINUTES', 1, 1440)),
  SESSION_IDLE_MINUTES: security(int({ zh: '空闲超时', en: 'Idle timeout' }, 'sessionIdleMinutes', 'MINUTES', 1, 1440)),
  SESSION_SECONDS: security(int({ zh: '登录有效期（新登录起生效）', en: 'Session lifetime (from the next sign-in)' }, 'sessionSeconds', 'SECONDS', 60, 7 * 86400)),
} satisfies Record<string, ParameterDefinition>;

export type ParameterKey = keyof typeof PARAMETERS;

export const PARAMETER_KEYS = Object.keys(PARAMETERS) as ParameterKey[];
