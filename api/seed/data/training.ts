/**
 * Training of the demo county (《镇平县行政执法改革与管理专项整治工作实施方案》 §三(三)1: 大培训、大练兵、大比武; at least 30 class hours of
 * professional law a year). Attendance is spread so that in 2025 some people reach the minimum and
 * some do not.
 */
import { guidance } from './organizations';
import { DEPARTING, RECRUITED_ON, type StaffSeed } from './staff';

export type TrainingKind = 'PROFESSIONAL_LAW' | 'GENERAL_LAW' | 'INDUCTION' | 'CASE_BASED' | 'ROADSHOW' | 'COMPETITION';

export interface SessionSeed {
  title: string;
  kind: TrainingKind;
  /** Short name of the organizing department. */
  organizer: string;
  startsOn: string;
  endsOn: string | null;
  hours: number;
  location: string;
  /** Whether the session ends with an exam (scores and results are recorded). */
  exam: boolean;
  /** Who attends and for how many hours; null when the person is not there. `k` counts the people who may attend. */
  attends: (s: StaffSeed, k: number) => number | null;
}

export interface AttendanceSeed {
  session: string;
  staff: string;
  hoursAttended: number;
  examScore: number | null;
  passed: boolean | null;
  completionCertificate: string | null;
}

const guidedBy = (department: string) => new Set(guidance.find((g) => g.department === department)!.townships);
const URBAN = guidedBy('城市管理局');
const MARKET = guidedBy('市场监管局');

export const sessionSeeds: SessionSeed[] = [
  {
    title: '2025年度城市管理领域专业法律知识培训班',
    kind: 'PROFESSIONAL_LAW',
    organizer: '城市管理局',
    startsOn: '2025-03-17',
    endsOn: '2025-03-19',
    hours: 24,
    location: '中共镇平县委党校',
    exam: true,
    attends: (_, k) => (k % 5 === 4 ? null : k % 7 === 0 ? 16 : 24),
  },
  {
    title: '2025年度市场监管领域专业法律知识培训班',
    kind: 'PROFESSIONAL_LAW',
    organizer: '市场监管局',
    startsOn: '2025-05-13',
    endsOn: '2025-05-15',
    hours: 18,
    location: '镇平县市场监督管理局培训中心',
    exam: false,
    attends: (_, k) => (k % 3 !== 0 ? null : k % 8 === 5 ? 12 : 18),
  },
  {
    title: '2025年度行政执法人员公共法律知识培训暨执法资格考试',
    kind: 'GENERAL_LAW',
    organizer: '司法局',
    startsOn: '2025-06-10',
    endsOn: '2025-06-11',
    hours: 12,
    location: '镇平县司法局三楼会议室',
    exam: true,
    attends: (_, k) => (k % 3 === 1 ? 12 : null),
  },
  {
    title: '2025年新招录综合行政执法人员初任培训',
    kind: 'INDUCTION',
    organizer: '司法局',
    startsOn: '2025-08-18',
    endsOn: '2025-08-22',
    hours: 40,
    location: '中共镇平县委党校',
    exam: true,
    attends: (s) => (s.posting === null || s.posting.startedOn >= '2024-07-01' ? 40 : null),
  },
  {
    title: '2025年度自然资源领域专业法律知识培训班',
    kind: 'PROFESSIONAL_LAW',
    organizer: '自然资源局',
    startsOn: '2025-09-09',
    endsOn: '2025-09-10',
    hours: 12,
    location: '镇平县自然资源局会议室',
    exam: false,
    attends: (_, k) => (k % 4 === 1 ? 12 : null),
  },
  {
    title: '以案代训：违法建设查处典型案卷剖析（2025年第四季度）',
    kind: 'CASE_BASED',
    organizer: '城市管理局',
    startsOn: '2025-11-06',
    endsOn: null,
    hours: 6,
    location: '镇平县城市管理局执法大队',
    exam: false,
    attends: (s) => (URBAN.has(s.organization) || s.organization === '城市管理局' ? 6 : null),
  },
  {
    title: '2026年度综合行政执法专业法律知识培训班',
    kind: 'PROFESSIONAL_LAW',
    organizer: '城市管理局',
    startsOn: '2026-04-14',
    endsOn: '2026-04-16',
    hours: 24,
    location: '中共镇平县委党校',
    exam: true,
    attends: (_, k) => (k % 3 === 2 ? null : k % 9 === 4 ? 18 : 24),
  },
  {
    title: '2026年度行政执法人员公共法律知识培训',
    kind: 'GENERAL_LAW',
    organizer: '司法局',
    startsOn: '2026-06-16',
    endsOn: null,
    hours: 8,
    location: '镇平县司法局三楼会议室',
    exam: true,
    attends: (_, k) => (k % 6 === 1 ? 8 : null),
  },
  {
    title: '2026年市场监管法律法规专业巡讲（乡镇站）',
    kind: 'ROADSHOW',
    organizer: '市场监管局',
    startsOn: '2026-07-08',
    endsOn: null,
    hours: 4,
    location: '枣园镇人民政府会议室',
    exam: false,
    attends: (s) => (MARKET.has(s.organization) ? 4 : null),
  },
  {
    title: '2026年度农业农村领域专业法律知识培训班',
    kind: 'PROFESSIONAL_LAW',
    organizer: '农业农村局',
    startsOn: '2026-08-26',
    endsOn: '2026-08-27',
    hours: 12,
    location: '镇平县农业农村局会议室',
    exam: false,
    attends: (_, k) => (k % 5 === 0 ? 12 : null),
  },
  {
    title: '2026年全县乡镇（街道）综合行政执法大比武',
    kind: 'COMPETITION',
    organizer: '司法局',
    startsOn: '2026-09-24',
    endsOn: '2026-09-25',
    hours: 8,
    location: '镇平县体育馆',
    exam: true,
    attends: (s) => (/-(2|3)$/.test(s.key) && !['城市管理局', '市场监管局', '自然资源局', '司法局'].includes(s.organization) ? 8 : null),
  },
];

/** Whether the person is in the county's service on a day: recruits join in 2025, one person leaves. */
function inService(s: StaffSeed, day: string): boolean {
  if (s.posting === null && day < RECRUITED_ON) return false;
  if (s.key === DEPARTING && day >= '2025-06-30') return false;
  return true;
}

export function attendanceSeeds(staff: StaffSeed[]): AttendanceSeed[] {
  const people = staff.filter((s) => s.category !== 'AUXILIARY');
  const out: AttendanceSeed[] = [];
  for (const session of sessionSeeds) {
    let certificates = 0;
    for (const [k, s] of people.entries()) {
      if (!inService(s, session.startsOn)) continue;
      const hours = session.attends(s, k);
      if (hours === null) continue;
      const score = session.exam ? 52 + ((k * 37 + session.hours) % 48) : null;
      const passed = score === null ? null : score >= 60;
      out.push({
        session: session.title,
        staff: s.key,
        hoursAttended: Math.min(hours, session.hours),
        examScore: score,
        passed,
        completionCertificate:
          session.kind === 'INDUCTION' && passed ? `镇执训〔${session.startsOn.slice(0, 4)}〕${String(++certificates).padStart(3, '0')}号` : null,
      });
    }
  }
  return out;
}
