/**
 * Supervision of the demo county (《镇平县行政执法改革与管理专项整治工作实施方案》 §三(三)4 and 附件2): the justice bureau's inspections of
 * streets and townships, the problems found in the four areas of 《镇平县行政执法改革与管理专项整治工作实施方案》, their rectification and
 * escalation, and each township's yearly enforcement counts behind the six rates.
 */
import { townships } from './organizations';
import { between, rng } from './random';
import type { CaseCounts } from '../../resources/case-report/six-rates';

export type FindingArea = 'TEAM' | 'SYSTEM' | 'CONDUCT' | 'SUPPORT';
export type FindingSeverity = 'MINOR' | 'MAJOR' | 'SERIOUS';
export type FindingStatus = 'OPEN' | 'RECTIFYING' | 'RECTIFIED' | 'VERIFIED';
export type EscalationLevel = 'NOTICE' | 'CIRCULAR' | 'INTERVIEW' | 'FLAGGED' | 'REFERRED';

export interface FindingSeed {
  /** Short name of the organization that must fix it; the inspected one unless given. */
  responsible?: string;
  area: FindingArea;
  severity: FindingSeverity;
  description: string;
  measures: string | null;
  dueDate: string;
  /** Where rectification stands; reached one step at a time. */
  status: FindingStatus;
  /** A verifier sent the rectification back (RECTIFIED → RECTIFYING) with this reason. */
  sentBack?: string;
  escalations?: { level: EscalationLevel; on: string; note: string }[];
}

export interface InspectionSeed {
  title: string;
  kind: 'SUPERVISION' | 'CASE_REVIEW' | 'SPECIAL_RECTIFICATION' | 'RESIDENT' | 'ACCOMPANYING' | 'SELF_INSPECTION';
  /** The inspected organization itself for a self-inspection. */
  inspecting: string;
  inspected: string;
  inspectedOn: string;
  note: string | null;
  /** A case-file review's files and their grades. */
  files?: { filesReviewed: number; filesExcellent: number; filesGood: number; filesPassed: number; filesFailed: number };
  findings: FindingSeed[];
}

export const inspectionSeeds: InspectionSeed[] = [
  {
    title: '2025年上半年乡镇综合行政执法工作督导（涅阳街道）',
    kind: 'SUPERVISION',
    inspecting: '司法局',
    inspected: '涅阳',
    inspectedOn: '2025-04-22',
    note: '县依法治县办督导组，查阅资料、现场检查、个别谈话',
    findings: [
      {
        area: 'TEAM',
        severity: 'MAJOR',
        description: '执法人员未持证上岗：2名未取得执法证的人员以协管员身份参与执法检查并在检查记录上签名',
        measures: '立即调整相关人员岗位，组织参加行政执法资格考试，取得执法证前不得从事执法活动',
        dueDate: '2025-06-30',
        status: 'VERIFIED',
        escalations: [{ level: 'NOTICE', on: '2025-07-03', note: '县司法局发出整改提醒函（镇司督函〔2025〕3号）' }],
      },
      {
        area: 'SYSTEM',
        severity: 'MINOR',
        description: '赋权事项承接台账不完整，部分赋权事项未签订赋权确认书',
        measures: '对照2023年版赋权事项目录逐项补签确认书，建立承接台账并动态更新',
        dueDate: '2025-07-31',
        status: 'VERIFIED',
      },
      {
        area: 'SUPPORT',
        severity: 'MINOR',
        description: '执法记录仪配备不足，现有6台中2台损坏未及时更换',
        measures: '申请专项经费更换损坏设备，建立执法装备管理台账',
        dueDate: '2025-09-30',
        status: 'RECTIFIED',
      },
    ],
  },
  {
    title: '2025年上半年综合行政执法案卷评查（石佛寺镇）',
    kind: 'CASE_REVIEW',
    inspecting: '司法局',
    inspected: '石佛寺',
    inspectedOn: '2025-06-18',
    files: { filesReviewed: 15, filesExcellent: 2, filesGood: 6, filesPassed: 5, filesFailed: 2 },
    note: '随机抽查2024年以来行政处罚案卷12卷',
    findings: [
      {
        area: 'CONDUCT',
        severity: 'MAJOR',
        description: '案卷装订不规范：抽查12卷中5卷证据材料未按顺序编页，卷内目录与实际材料不符',
        measures: '组织案卷规范化培训，对2024年以来案卷全部重新整理装订',
        dueDate: '2025-08-31',
        status: 'VERIFIED',
      },
      {
        area: 'CONDUCT',
        severity: 'SERIOUS',
        description: '3起行政处罚案件未经法制审核即作出处罚决定',
        measures: '严格落实重大执法决定法制审核制度，对涉及案件逐一复核并补充审核意见',
        dueDate: '2025-09-30',
        status: 'RECTIFIED',
        sentBack: '复核记录不完整，仍有1起案件未补充法制审核意见，退回继续整改',
        escalations: [{ level: 'NOTICE', on: '2025-10-15', note: '逾期未完成整改，县司法局发出提醒函（镇司督函〔2025〕11号）' }],
      },
      {
        area: 'TEAM',
        severity: 'MINOR',
        description: '部分执法人员执法时未按规定着装、未主动出示执法证件',
        measures: '开展执法礼仪和规范着装专项教育，纳入月度考核',
        dueDate: '2025-07-31',
        status: 'VERIFIED',
      },
    ],
  },
  {
    title: '2025年执法人员持证上岗专项整治检查（晁陂镇）',
    kind: 'SPECIAL_RECTIFICATION',
    inspecting: '司法局',
    inspected: '晁陂',
    inspectedOn: '2025-07-09',
    note: '全县执法人员持证上岗专项整治',
    findings: [
      {
        area: 'TEAM',
        severity: 'SERIOUS',
        description: '执法人员未持证上岗：1名执法证已过有效期的人员仍在执法岗位独立开展执法检查',
        measures: null,
        dueDate: '2025-08-31',
        status: 'OPEN',
        escalations: [
          { level: 'NOTICE', on: '2025-09-05', note: '县司法局发出整改提醒函（镇司督函〔2025〕8号）' },
          { level: 'CIRCULAR', on: '2025-10-20', note: '在全县综合行政执法工作推进会上通报（镇依法治县办通〔2025〕4号）' },
          { level: 'INTERVIEW', on: '2025-12-10', note: '县依法治县办约谈晁陂镇分管负责同志' },
        ],
      },
      {
        area: 'SYSTEM',
        severity: 'MAJOR',
        description: '执法队伍人员被乡镇其他工作长期占用，实际在岗执法人员不足核定编制的八成',
        measures: '清理借用人员，确需借用的报县委编办备案，保证执法队伍专职专用',
        dueDate: '2025-10-31',
        status: 'RECTIFYING',
        escalations: [{ level: 'NOTICE', on: '2025-11-10', note: '县司法局发出整改提醒函（镇司督函〔2025〕14号）' }],
      },
      {
        area: 'SUPPORT',
        severity: 'MINOR',
        description: '执法车辆未喷涂统一执法标识',
        measures: '按全省统一式样喷涂执法车辆标识',
        dueDate: '2025-12-31',
        status: 'VERIFIED',
      },
    ],
  },
  {
    title: '2025年下半年乡镇综合行政执法工作督导（侯集镇）',
    kind: 'SUPERVISION',
    inspecting: '司法局',
    inspected: '侯集',
    inspectedOn: '2025-10-21',
    note: null,
    findings: [
      {
        area: 'SYSTEM',
        severity: 'MAJOR',
        description: '赋权事项承接不到位：农业农村领域赋权事项2025年以来未办理一起案件，也未开展日常巡查',
        measures: '制定赋权事项承接工作方案，会同县农业农村局开展业务培训和联合执法',
        dueDate: '2025-12-31',
        status: 'RECTIFYING',
        escalations: [
          { level: 'NOTICE', on: '2026-01-08', note: '县司法局发出整改提醒函（镇司督函〔2026〕1号）' },
          { level: 'CIRCULAR', on: '2026-02-26', note: '全县通报（镇依法治县办通〔2026〕2号）' },
          { level: 'FLAGGED', on: '2026-04-15', note: '列入县委依法治县委员会挂牌督办事项' },
        ],
      },
      {
        area: 'CONDUCT',
        severity: 'MINOR',
        description: '执法文书使用不规范，部分送达回证缺少送达人签名和送达日期',
        measures: '统一使用省定执法文书格式，由法制审核员逐件核对送达回证',
        dueDate: '2025-12-15',
        status: 'RECTIFIED',
      },
      {
        area: 'TEAM',
        severity: 'MINOR',
        description: '2025年度专业法律知识培训学时未达30课时的人员较多',
        measures: '制定补训计划，组织参加县城市管理局、县农业农村局专业法律知识培训',
        dueDate: '2026-03-31',
        status: 'RECTIFIED',
      },
    ],
  },
  {
    title: '2025年下半年综合行政执法案卷评查（枣园镇）',
    kind: 'CASE_REVIEW',
    inspecting: '司法局',
    inspected: '枣园',
    inspectedOn: '2025-11-26',
    files: { filesReviewed: 20, filesExcellent: 3, filesGood: 9, filesPassed: 6, filesFailed: 2 },
    note: '会同县市场监管局评查食品安全、产品质量类案卷',
    findings: [
      {
        area: 'CONDUCT',
        severity: 'MAJOR',
        description: '4起食品安全案件询问笔录未载明执法人员执法证号码',
        measures: '对照执法全过程记录制度整改，补正笔录并开展专项培训',
        dueDate: '2026-01-31',
        status: 'VERIFIED',
      },
      {
        area: 'CONDUCT',
        severity: 'SERIOUS',
        description: '以罚代管：向同一商户多次收取“罚没保证金”后不责令改正，违法行为持续存在',
        measures: null,
        dueDate: '2026-02-28',
        status: 'OPEN',
        escalations: [
          { level: 'NOTICE', on: '2026-03-10', note: '县司法局发出整改提醒函（镇司督函〔2026〕5号）' },
          { level: 'INTERVIEW', on: '2026-04-20', note: '县依法治县办约谈枣园镇主要负责同志' },
          { level: 'FLAGGED', on: '2026-06-01', note: '列入县委依法治县委员会挂牌督办事项' },
          { level: 'REFERRED', on: '2026-08-18', note: '涉嫌违规收费问题线索移送县纪委监委' },
        ],
      },
      {
        area: 'SUPPORT',
        severity: 'MINOR',
        description: '执法案卷档案室未配备防潮、防火设施',
        measures: '配备档案柜、除湿机和灭火器，落实专人管理',
        dueDate: '2026-03-31',
        status: 'RECTIFYING',
      },
    ],
  },
  {
    title: '2026年赋权事项承接情况进驻式监督（贾宋镇）',
    kind: 'RESIDENT',
    inspecting: '司法局',
    inspected: '贾宋',
    inspectedOn: '2026-03-10',
    note: '督导组进驻一周',
    findings: [
      {
        area: 'SYSTEM',
        severity: 'MAJOR',
        description: '市场监管领域赋权事项承接不到位，与县市场监管局职责边界不清，存在相互推诿现象',
        measures: '会同县市场监管局细化职责边界清单，建立案件移送和协作配合机制',
        dueDate: '2026-05-31',
        status: 'RECTIFYING',
        escalations: [
          { level: 'NOTICE', on: '2026-06-08', note: '县司法局发出整改提醒函（镇司督函〔2026〕9号）' },
          { level: 'CIRCULAR', on: '2026-07-15', note: '全县通报（镇依法治县办通〔2026〕6号）' },
        ],
      },
      {
        area: 'TEAM',
        severity: 'MINOR',
        description: '执法人员信息未及时录入执法监督平台',
        measures: '指定专人维护执法人员信息，每月核对一次',
        dueDate: '2026-04-30',
        status: 'VERIFIED',
      },
      {
        area: 'SUPPORT',
        severity: 'MAJOR',
        description: '综合行政执法工作经费未纳入乡镇年度财政预算',
        measures: null,
        dueDate: '2026-06-30',
        status: 'OPEN',
        escalations: [{ level: 'NOTICE', on: '2026-07-10', note: '县司法局发出整改提醒函（镇司督函〔2026〕12号）' }],
      },
    ],
  },
  {
    title: '2026年综合行政执法伴随式监督（遮山镇）',
    kind: 'ACCOMPANYING',
    inspecting: '司法局',
    inspected: '遮山',
    inspectedOn: '2026-05-14',
    note: '随队参加道路运输领域联合执法检查',
    findings: [
      {
        area: 'CONDUCT',
        severity: 'MAJOR',
        description: '现场检查未全程使用执法记录仪，执法全过程记录不完整',
        measures: '严格执行执法全过程记录制度，每日检查记录仪使用和数据上传情况',
        dueDate: '2026-07-31',
        status: 'RECTIFIED',
      },
      {
        area: 'TEAM',
        severity: 'SERIOUS',
        description: '执法人员未持证上岗：1名执法证已被吊销的人员仍在执法岗位',
        measures: null,
        dueDate: '2026-06-30',
        status: 'OPEN',
        escalations: [
          { level: 'NOTICE', on: '2026-07-06', note: '县司法局发出整改提醒函（镇司督函〔2026〕10号）' },
          { level: 'CIRCULAR', on: '2026-08-12', note: '全县通报（镇依法治县办通〔2026〕8号）' },
          { level: 'INTERVIEW', on: '2026-09-15', note: '县依法治县办约谈遮山镇分管负责同志' },
        ],
      },
      {
        area: 'CONDUCT',
        severity: 'MINOR',
        description: '行政处罚决定书未在规定时限内公示',
        measures: '落实行政执法公示制度，处罚决定作出之日起7个工作日内公示',
        dueDate: '2026-08-31',
        status: 'RECTIFYING',
      },
    ],
  },
  {
    title: '2026年第三季度乡镇综合行政执法工作督导（石佛寺镇）',
    kind: 'SUPERVISION',
    inspecting: '司法局',
    inspected: '石佛寺',
    inspectedOn: '2026-09-08',
    note: null,
    findings: [
      {
        responsible: '城市管理局',
        area: 'TEAM',
        severity: 'MAJOR',
        description: '借调人员未按期归位：1名执法队员2025年10月被抽调至县城市管理局，预计2026年3月31日归位，至今未归位',
        measures: null,
        dueDate: '2026-10-31',
        status: 'OPEN',
        escalations: [{ level: 'NOTICE', on: '2026-11-05', note: '县司法局向县城市管理局发出提醒函（镇司督函〔2026〕17号）' }],
      },
      {
        area: 'CONDUCT',
        severity: 'MINOR',
        description: '执法公示栏信息未及时更新，仍公示已调出人员',
        measures: null,
        dueDate: '2026-12-31',
        status: 'OPEN',
      },
      {
        area: 'SUPPORT',
        severity: 'MINOR',
        description: '执法装备台账不健全，装备领用无登记',
        measures: '建立执法装备领用登记制度',
        dueDate: '2027-01-31',
        status: 'RECTIFYING',
      },
      {
        area: 'SYSTEM',
        severity: 'MINOR',
        description: '综合行政执法队伍与派出所、市场监管所的联动协作机制未建立',
        measures: null,
        dueDate: '2026-12-31',
        status: 'OPEN',
      },
    ],
  },
  // 自查自纠 (《镇平县行政执法改革与管理专项整治工作实施方案》: 摸清底数，建立台账，列出问题清单): one
  // township lists its problems, another reports none and is listed for targeted inspection.
  {
    title: '2026年行政执法专项整治自查自纠（石佛寺镇）',
    kind: 'SELF_INSPECTION',
    inspecting: '石佛寺',
    inspected: '石佛寺',
    inspectedOn: '2026-04-20',
    note: '对照专项整治内容逐项自查，建立问题台账',
    findings: [
      {
        area: 'CONDUCT',
        severity: 'MINOR',
        description: '自查：部分简易程序处罚决定书未当场交付当事人签收',
        measures: '立行立改，补交付并规范简易程序文书流转',
        dueDate: '2026-05-31',
        status: 'VERIFIED',
      },
      {
        area: 'SUPPORT',
        severity: 'MAJOR',
        description: '自查：执法车辆不足，夜间巡查依靠借用车辆',
        measures: '列出时间表，申请购置执法车辆1辆',
        dueDate: '2026-10-31',
        status: 'RECTIFYING',
      },
    ],
  },
  {
    title: '2026年行政执法专项整治自查自纠（枣园镇）',
    kind: 'SELF_INSPECTION',
    inspecting: '枣园',
    inspected: '枣园',
    inspectedOn: '2026-04-22',
    note: '自查未发现问题（问题零报告）',
    findings: [],
  },
  {
    title: '2026年下半年综合行政执法案卷评查（涅阳街道）',
    kind: 'CASE_REVIEW',
    inspecting: '司法局',
    inspected: '涅阳',
    inspectedOn: '2026-09-16',
    note: '随机抽取行政处罚案卷12卷',
    files: { filesReviewed: 12, filesExcellent: 3, filesGood: 5, filesPassed: 3, filesFailed: 1 },
    findings: [
      {
        area: 'CONDUCT',
        severity: 'MINOR',
        description: '1卷案卷缺少送达回证',
        measures: '补正送达材料，完善案卷归档核对表',
        dueDate: '2026-10-31',
        status: 'RECTIFIED',
      },
    ],
  },
];

export const CASE_REPORT_PERIODS = [
  { start: '2024-01-01', end: '2024-12-31' },
  { start: '2025-01-01', end: '2025-12-31' },
  { start: '2026-01-01', end: '2026-12-31' },
];

/** A case report of the demo: the counts of the six rates, for one township and period. */
export interface CaseReportSeed extends CaseCounts {
  organization: string;
  periodStart: string;
  periodEnd: string;
  note: string;
}

/** Each township's yearly counts, plausible and within the rules (no part above its whole). */
export function caseReportSeeds(): CaseReportSeed[] {
  const out: CaseReportSeed[] = [];
  for (const [ti, t] of townships.entries()) {
    for (const [p, period] of CASE_REPORT_PERIODS.entries()) {
      const r = rng(41132400 + ti * 10 + p);
      const street = t.name.endsWith('街道');
      const casesDue = between(r, street ? 90 : 30, street ? 180 : 110);
      const casesFiled = casesDue - between(r, 0, Math.floor(casesDue * 0.15));
      const casesClosed = casesFiled - between(r, 0, Math.floor(casesFiled * 0.12));
      const decisionsExecuted = casesClosed - between(r, 0, Math.floor(casesClosed * 0.1));
      const penalties = casesFiled - between(r, Math.floor(casesFiled * 0.05), Math.floor(casesFiled * 0.25));
      // 案件总数 also counts summary-procedure cases, which are not filed.
      const totalCases = casesFiled + between(r, 0, Math.floor(casesFiled * 0.6));
      const lawsuits = between(r, 0, 3);
      // A few suits are still before the court: no final judgment yet, so 胜诉率 does not apply.
      const judgments = lawsuits === 0 || (ti + p) % 5 === 2 ? 0 : lawsuits - between(r, 0, 1);
      const judgmentsWon = judgments - (judgments > 0 && r() < 0.3 ? 1 : 0);
      out.push({
        organization: t.short,
        periodStart: period.start,
        periodEnd: period.end,
        // In the latest year every third township left its target to the two previous years' average.
        casesDue: p === 2 && ti % 3 === 0 ? null : casesDue,
        casesFiled,
        casesClosed,
        casesOverdue: r() < 0.6 ? between(r, 0, 3) : 0,
        leaderAssignmentsUnfulfilled: (ti * 3 + p) % 11 === 4 ? 1 : 0,
        decisionsExecuted,
        courtRefusals: r() < 0.15 ? 1 : 0,
        penalties,
        unpenalized: r() < 0.2 ? between(r, 1, 2) : 0,
        lawsuits,
        totalCases,
        judgments,
        judgmentsWon,
        // A suit against the county government over a matter the township handled, now and then.
        countyLawsuits: (ti + p) % 6 === 1 ? 1 : 0,
        countyJudgments: (ti + p) % 6 === 1 && p < 2 ? 1 : 0,
        countyJudgmentsWon: (ti + p) % 12 === 1 && p < 2 ? 1 : 0,
        note: `${period.start.slice(0, 4)}年度执法统计（县司法局汇总）`,
      });
    }
  }
  return out;
}
