/**
 * Training of the demo county (《镇平县行政执法改革与管理专项整治工作实施方案》 §三(三)1: 大培训、大练兵、大比武; at least 30 class hours of
 * professional law a year). Attendance is spread so that in 2025 some people reach the minimum and
 * some do not.
 */
import { guidance, townships } from './organizations';
import { DEPARTING, RECRUITED_ON, type StaffSeed } from './staff';

export type TrainingKind = 'PROFESSIONAL_LAW' | 'GENERAL_LAW' | 'INDUCTION' | 'CASE_BASED' | 'ROADSHOW' | 'COMPETITION' | 'MILITARY_DRILL';

export interface SessionSeed {
  title: string;
  kind: TrainingKind;
  /** Short name of the organizing department. */
  organizer: string;
  startsOn: string;
  endsOn: string | null;
  hours: number;
  /** Days it gives, when not its calendar days. */
  days?: number;
  /** Short names of the streets and townships it served (roadshows, guided cases). */
  serves?: string[];
  location: string;
  /** Whether the session ends with an exam (scores and results are recorded). */
  exam: boolean;
  /** Who attends and for how many hours; null when the person is not there. `k` counts the people who may attend. */
  attends: (s: StaffSeed, k: number) => number | null;
  /** Days attended, when fewer than the session gives. */
  daysAttended?: (s: StaffSeed, k: number) => number | null;
  /**
   * A general-law rotation that qualifies people for their posts (公共法律知识培训结业证): seeded before
   * the postings, attended by candidates before they join, and passed by all who attend.
   */
  qualifying?: boolean;
}

export interface AttendanceSeed {
  session: string;
  staff: string;
  hoursAttended: number;
  daysAttended: number | null;
  examScore: number | null;
  passed: boolean | null;
  completionCertificate: string | null;
}

const guidedBy = (department: string) => new Set(guidance.find((g) => g.department === department)!.townships);
const URBAN = guidedBy('城市管理局');
const MARKET = guidedBy('市场监管局');

/** Where everyone made up the 2025 general-law days (the places meeting the roadshow minimum too). */
const CATCH_UP = new Set(['涅阳', '玉都', '雪枫', '石佛寺']);

/** The recruit who missed the 2025 induction (初任培训) and is listed as overdue a year on. */
export const MISSED_INDUCTION = '曲屯-招录';

/** The day a person takes up their first post: their posting's first day, or the recruitment's. */
const firstDay = (s: StaffSeed) => s.posting?.startedOn ?? RECRUITED_ON;
const IS_DEPARTMENT = (s: StaffSeed) => !townships.some((t) => t.short === s.organization);

/**
 * The general-law rotations (公共法律知识培训) of 《镇平县行政执法改革与管理专项整治工作实施方案》: the
 * townships' staff by the end of April 2021, the county departments' in May (4月底前完成乡镇(街道)人员轮训，
 * 5月开始轮训县直单位执法人员), then one before each later intake. Each person attends the last one
 * before their first post and passes, so every enforcement posting of the demo starts with the
 * completion certificate it needs (将持有行政执法证和公共法律知识培训结业证作为执法的前置条件).
 */
const ROTATIONS: { title: string; startsOn: string; endsOn: string; who: (s: StaffSeed) => boolean }[] = [
  { title: '2021年乡镇（街道）执法人员公共法律知识轮训', startsOn: '2021-04-19', endsOn: '2021-04-22', who: (s) => !IS_DEPARTMENT(s) },
  { title: '2021年县直单位执法人员公共法律知识轮训', startsOn: '2021-05-17', endsOn: '2021-05-20', who: IS_DEPARTMENT },
  { title: '2021年下半年新任执法人员公共法律知识培训', startsOn: '2021-09-06', endsOn: '2021-09-09', who: () => true },
  { title: '2022年上半年新任执法人员公共法律知识培训', startsOn: '2022-02-21', endsOn: '2022-02-24', who: () => true },
  { title: '2022年下半年新任执法人员公共法律知识培训', startsOn: '2022-07-25', endsOn: '2022-07-28', who: () => true },
  { title: '2023年上半年新任执法人员公共法律知识培训', startsOn: '2023-02-06', endsOn: '2023-02-09', who: () => true },
  { title: '2023年下半年新任执法人员公共法律知识培训', startsOn: '2023-08-21', endsOn: '2023-08-24', who: () => true },
  { title: '2024年上半年新任执法人员公共法律知识培训', startsOn: '2024-03-04', endsOn: '2024-03-07', who: () => true },
  { title: '2024年下半年新任执法人员公共法律知识培训', startsOn: '2024-06-17', endsOn: '2024-06-20', who: () => true },
  { title: '2025年新招录执法人员公共法律知识培训', startsOn: '2025-07-21', endsOn: '2025-07-24', who: (s) => s.posting === null },
];

/** The rotation a person attends: the last one for them that ends before their first post. */
function rotationOf(s: StaffSeed): string | undefined {
  return ROTATIONS.filter((r) => r.who(s) && r.endsOn < firstDay(s)).at(-1)?.title;
}

const rotations: SessionSeed[] = ROTATIONS.map((r) => ({
  title: r.title,
  kind: 'GENERAL_LAW',
  organizer: '司法局',
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  hours: 32,
  location: '镇平县司法局三楼会议室',
  exam: true,
  qualifying: true,
  attends: (s) => (rotationOf(s) === r.title ? 32 : null),
}));

const CASES = ['占道经营', '违法建设', '户外广告', '渣土运输', '噪声扰民'];

/**
 * 以案代训 (全程跟踪指导的处罚案件不少于3件): each session is one penalty case a department guided from
 * filing to decision at one street or township. Urban management guides three cases at each of its
 * townships but 杨营 (two); market supervision one at each of its own.
 */
function guidedCases(): SessionSeed[] {
  const out: SessionSeed[] = [];
  const guide = (department: string, shorts: string[], perTownship: (short: string) => number) => {
    for (const [i, short] of shorts.entries()) {
      const t = townships.find((x) => x.short === short)!;
      for (let n = 0; n < perTownship(short); n++) {
        out.push({
          title: `以案代训：${t.name}${CASES[(i + n) % CASES.length]}案全程跟踪指导（2025-${n + 1}）`,
          kind: 'CASE_BASED',
          organizer: department,
          startsOn: `2025-${String(3 + n * 3).padStart(2, '0')}-${String(5 + i * 3).padStart(2, '0')}`,
          endsOn: null,
          hours: 4,
          serves: [short],
          location: `${t.name}综合行政执法中队`,
          exam: false,
          attends: () => null,
        });
      }
    }
  };
  guide('城市管理局', [...URBAN], (short) => (short === '杨营' ? 2 : 3));
  guide('市场监管局', [...MARKET], () => 1);
  return out;
}

export const sessionSeeds: SessionSeed[] = [
  ...rotations,
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
  // The general-law rotation above gives two days; the drill after it the other two (每人培训时间不少于4天，
  // 其中军事训练不少于2天). Those who missed the rotation, and a few who left the drill after a day, fall short.
  {
    title: '2025年度行政执法人员军事训练',
    kind: 'MILITARY_DRILL',
    organizer: '司法局',
    startsOn: '2025-06-12',
    endsOn: '2025-06-13',
    hours: 16,
    days: 2,
    location: '镇平县人民武装部训练基地',
    exam: false,
    attends: (_, k) => (k % 3 === 1 ? (k % 9 === 7 ? 8 : 16) : null),
    daysAttended: (_, k) => (k % 9 === 7 ? 1 : null),
  },
  // Roadshows (专业巡讲, 每年对各街镇巡讲不少于2次): the urban-management touring team reaches every
  // township it guides twice a year, and the others once.
  {
    title: '2025年城市管理法律法规专业巡讲（上半年）',
    kind: 'ROADSHOW',
    organizer: '城市管理局',
    startsOn: '2025-04-15',
    endsOn: null,
    hours: 4,
    serves: townships.map((t) => t.short),
    location: '各乡镇（街道）会议室',
    exam: false,
    // Who listened is not recorded: a roadshow counts for the places it served.
    attends: () => null,
  },
  {
    title: '2025年城市管理法律法规专业巡讲（下半年）',
    kind: 'ROADSHOW',
    organizer: '城市管理局',
    startsOn: '2025-10-14',
    endsOn: null,
    hours: 4,
    serves: [...URBAN],
    location: '各街道会议室',
    exam: false,
    attends: () => null,
  },
  ...guidedCases(),
  // The city streets and 石佛寺 made up the rotation and the drill in September for everyone who
  // had missed either (补训), recruits included, so their whole teams meet the four days; no exam.
  {
    title: '2025年度公共法律知识补训（城区街道、石佛寺镇）',
    kind: 'GENERAL_LAW',
    organizer: '司法局',
    startsOn: '2025-09-15',
    endsOn: '2025-09-16',
    hours: 16,
    location: '镇平县司法局三楼会议室',
    exam: false,
    attends: (s, k) => (CATCH_UP.has(s.organization) && k % 3 !== 1 && s.posting !== null ? 16 : null),
  },
  {
    title: '2025年度军事训练补训（城区街道、石佛寺镇）',
    kind: 'MILITARY_DRILL',
    organizer: '司法局',
    startsOn: '2025-09-17',
    endsOn: '2025-09-18',
    hours: 16,
    days: 2,
    location: '镇平县人民武装部训练基地',
    exam: false,
    attends: (s, k) => (CATCH_UP.has(s.organization) && (k % 3 !== 1 || k % 9 === 7 || s.posting === null) ? 16 : null),
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
    // One of the 2025 recruits was on sick leave that week and has had no induction since.
    attends: (s) => (s.key === MISSED_INDUCTION ? null : s.posting === null || s.posting.startedOn >= '2024-07-01' ? 40 : null),
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
    serves: ['涅阳'],
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
    serves: [...MARKET],
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
  // Completion certificates of the general-law rotations are numbered through the year (结业证号).
  const completions = new Map<string, number>();
  const completion = (year: string) => {
    completions.set(year, (completions.get(year) ?? 0) + 1);
    return `镇司结〔${year}〕${String(completions.get(year)).padStart(3, '0')}号`;
  };
  for (const session of sessionSeeds) {
    let certificates = 0;
    for (const [k, s] of people.entries()) {
      // Candidates take the qualifying rotation before they join.
      if (!session.qualifying && !inService(s, session.startsOn)) continue;
      const hours = session.attends(s, k);
      if (hours === null) continue;
      const score = session.qualifying ? 70 + ((k * 13) % 28) : session.exam ? 52 + ((k * 37 + session.hours) % 48) : null;
      const passed = score === null ? null : score >= 60;
      out.push({
        session: session.title,
        staff: s.key,
        hoursAttended: Math.min(hours, session.hours),
        daysAttended: session.daysAttended?.(s, k) ?? null,
        examScore: score,
        passed,
        completionCertificate:
          session.kind === 'INDUCTION' && passed
            ? `镇执训〔${session.startsOn.slice(0, 4)}〕${String(++certificates).padStart(3, '0')}号`
            : session.qualifying
              ? completion(session.startsOn.slice(0, 4))
              : null,
      });
    }
  }
  return out;
}
