/**
 * The demo county's enforcement staff: about a dozen people per street and township, a few at the
 * guiding departments, their certificates (执法证), postings and transfers. Every name is invented
 * from a surname list and given-name characters; real officials' names from the source documents are never used.
 */
import { guidance, townships } from './organizations';
import { addDays, addYears, between, rng } from './random';

export type StaffCategory = 'ADMINISTRATIVE' | 'INSTITUTIONAL' | 'ENFORCEMENT' | 'AUXILIARY';
export type PostKind = 'ENFORCEMENT' | 'LEGAL_REVIEW' | 'AUXILIARY' | 'LEADERSHIP';
export type CertificateStatus = 'VALID' | 'SUSPENDED' | 'CANCELLED' | 'REVOKED' | 'LOST';

export const ISSUING_AUTHORITY = '河南省人民政府';

export interface CertificateSeed {
  number: string;
  issuedOn: string;
  expiresOn: string | null;
  /** The status it is created with. */
  status: CertificateStatus;
  /**
   * An event of its history recorded once the holder's posting and transfers are in place (年审不合格
   * 暂扣, 吊销, 遗失登报 …), with its day; the event sets the status.
   */
  later?: { kind: 'ANNUAL_REVIEW' | 'REVOKED' | 'LOSS_PUBLISHED'; on: string; passed?: boolean };
  area: string;
  categories: string;
  note: string | null;
}

export interface StaffSeed {
  /** Stable handle used by transfers, training and findings: `涅阳-3`, `城市管理局-1`, `涅阳-招录`. */
  key: string;
  name: string;
  /** Short name of the organization the person is created at (organizations.ts). */
  organization: string;
  category: StaffCategory;
  title: string;
  legalQualification: boolean;
  mobile: string | null;
  /** The posting the person holds from the start; null for a recruit, whose posting comes with the recruitment. */
  posting: { post: PostKind; startedOn: string } | null;
  certificates: CertificateSeed[];
}

export type TransferKind = 'REASSIGNMENT' | 'SECONDMENT' | 'RETURN' | 'RECRUITMENT' | 'DEPARTURE' | 'RETIREMENT';

export interface TransferSeed {
  /** The transfer order; unique per demo transfer, it is the transfer's natural key. */
  documentNumber: string;
  staff: string;
  kind: TransferKind;
  to: string | null;
  post: PostKind | null;
  effectiveDate: string;
  expectedReturnDate: string | null;
  outcome: 'COMPLETED' | 'PENDING' | 'CANCELLED';
  note: string;
}

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱'];
/** Given names are a leading and a trailing character (建华, 晓燕) or a trailing one alone (磊, 婷). */
const LEADING = [...'建志晓文国海春秀俊明振雪佳子梦思雨浩宇嘉永新红丽金玉立伟天一少光德'];
const TRAILING = [...'华强军平东峰辉杰涛斌鹏飞宇博然轩阳娟燕芳霞玲婷静丽琳怡欣萱敏磊勇洋凯超'];

const used = new Set<string>();
/** An invented name not used before in this county: a surname and one or two given-name characters. */
export function inventName(r: () => number): string {
  for (;;) {
    const surname = SURNAMES[between(r, 0, SURNAMES.length - 1)];
    const leading = r() < 0.75 ? LEADING[between(r, 0, LEADING.length - 1)] : '';
    const trailing = TRAILING[between(r, 0, TRAILING.length - 1)];
    const name = surname + leading + trailing;
    if (leading !== trailing && !used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

const MOBILE_PREFIXES = ['135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '166', '177', '182', '187', '188', '199'];
/** A mainland mobile number (11 digits, 13–19), invented. */
export function inventMobile(r: () => number): string {
  return MOBILE_PREFIXES[between(r, 0, MOBILE_PREFIXES.length - 1)] + String(between(r, 0, 99_999_999)).padStart(8, '0');
}

/** The domain a township mostly enforces in, after the department that guides it (《镇平县行政执法改革与管理专项整治工作实施方案》 §三(二)4). */
const DOMAIN_OF_DEPARTMENT: Record<string, string> = {
  城市管理局: '城市管理',
  市生态环境局镇平分局: '生态环境',
  交通运输局: '交通运输',
  农业农村局: '农业农村',
  文广旅局: '文化旅游',
  应急管理局: '应急管理',
  市场监管局: '市场监管',
  自然资源局: '自然资源',
};
function categoriesFor(org: string): string {
  const g = guidance.find((x) => x.department === org || x.townships.includes(org));
  const domain = g ? DOMAIN_OF_DEPARTMENT[g.department] : '城市管理';
  return `乡镇综合行政执法（${domain}等赋权事项）`;
}

/** When postings began: the reform took effect on 2021-06-01, later hires joined over the next three years. */
const START_DATES = ['2021-06-01', '2021-09-15', '2022-03-01', '2022-08-10', '2023-02-20', '2023-09-01', '2024-03-11', '2024-07-01'];

let certificateSeq = 0;
const certificateNumber = () => `豫执字411324${String(++certificateSeq).padStart(4, '0')}`;

function certificate(org: string, area: string, issuedOn: string, extra: Partial<CertificateSeed> = {}): CertificateSeed {
  return {
    number: certificateNumber(),
    issuedOn,
    expiresOn: addYears(issuedOn, 8),
    status: 'VALID',
    area,
    categories: categoriesFor(org),
    note: null,
    ...extra,
  };
}

// Certificate histories that are not a plain valid certificate, by person.
/** Renewed in 2021: the old certificate was cancelled when the new one was issued (换发). */
const RENEWED = new Set(townships.filter((_, i) => i % 4 === 0).map((t) => `${t.short}-2`));
/** Legal reviewers whose only certificate ran out in 2025 and was not renewed (not on an enforcement post). */
const EXPIRED_REVIEWERS = new Set(['安字营-1', '贾宋-1', '张林-1']);
/** Still on an enforcement post after the certificate ran out on 2025-06-30 (found by the 2025 持证上岗 inspection). */
const EXPIRED_ON_POST = '晁陂-6';
/** Lost in 2023 and replaced (补发). */
const LOST = new Set(['郭庄-5', '马庄-7']);
/** On an enforcement post when the certificate was suspended (暂扣) or revoked (吊销). */
const SUSPENDED = new Set(['柳泉铺-4', '枣园-8']);
const REVOKED = '遮山-5';
/** Leaves the county; the departure cancels the certificate. */
export const DEPARTING = '彭营-5';
/** Retires in 2026; the retirement cancels the certificate. */
const RETIRING = '遮山-6';
/** Still pending months after the reassignment should have taken effect (转隶不到位). */
const NOT_ARRIVED = '玉都-6';
/** On the dedicated enforcement establishment but working in the office (挤占挪用执法编制). */
const MISUSED = '涅阳-6';
/**
 * The team standards (《镇平县…实施方案》: 正股级中队长1名、副队长2名; 《武昌区…实施意见》: 固定2名以上专职法制人员)
 * met in some places and not others: two teams whose leader's place is vacant and a deputy presides,
 * a second deputy in two townships out of three, a second legal reviewer in one out of three.
 */
const LEADER_VACANT = new Set(['老庄', '张林']);
const secondDeputy = (ti: number) => ti % 3 !== 0;
const secondLegalReviewer = (ti: number) => ti % 3 === 1;

function townshipStaff(): StaffSeed[] {
  const out: StaffSeed[] = [];
  for (const [ti, t] of townships.entries()) {
    const r = rng(4113240 + ti);
    const n = 10 + ((ti * 3) % 5);
    const auxiliaries = n >= 13 ? 3 : 2;
    const area = `镇平县${t.name}`;
    for (let j = 0; j < n; j++) {
      const key = `${t.short}-${j}`;
      const auxiliary = j >= n - auxiliaries;
      let category: StaffCategory;
      let post: PostKind;
      let title: string;
      if (auxiliary) {
        [category, post, title] = ['AUXILIARY', 'AUXILIARY', '执法协管员'];
      } else if (j === 0) {
        [category, post, title] = ['ADMINISTRATIVE', 'LEADERSHIP', LEADER_VACANT.has(t.short) ? '综合行政执法队副队长（主持工作）' : '综合行政执法队队长'];
      } else if (j === 1) {
        [category, post, title] = [ti % 2 ? 'INSTITUTIONAL' : 'ADMINISTRATIVE', 'LEGAL_REVIEW', '法制审核员'];
      } else {
        category = j % 4 === 3 ? 'INSTITUTIONAL' : j % 5 === 4 ? 'ADMINISTRATIVE' : 'ENFORCEMENT';
        post = 'ENFORCEMENT';
        title = j === 2 || (j === 3 && secondDeputy(ti)) ? '综合行政执法队副队长' : '执法队员';
        if (key === MISUSED) [post, title] = ['AUXILIARY', '党政办公室文员'];
        if (j === n - auxiliaries - 1 && secondLegalReviewer(ti)) [post, title] = ['LEGAL_REVIEW', '法制审核员'];
      }
      const startedOn = j <= 2 ? START_DATES[0] : START_DATES[(ti + j) % START_DATES.length];
      const certificates: CertificateSeed[] = [];
      if (!auxiliary) {
        const issuedOn = addDays(startedOn, -between(r, 20, 90));
        if (RENEWED.has(key)) {
          const old = addDays('2015-04-01', between(r, 0, 200));
          certificates.push(
            certificate(t.short, area, old, { expiresOn: '2020-12-31', status: 'CANCELLED', note: '2021年换发新证，旧证注销' }),
            certificate(t.short, area, issuedOn, { note: '换发' }),
          );
        } else if (EXPIRED_REVIEWERS.has(key)) {
          const old = addDays('2017-06-01', between(r, 0, 200));
          certificates.push(certificate(t.short, area, old, { expiresOn: '2025-06-30', note: '有效期届满，未申请换发' }));
        } else if (key === EXPIRED_ON_POST) {
          certificates.push(certificate(t.short, area, '2017-07-01', { expiresOn: '2025-06-30', note: '有效期届满，换证申请审核中' }));
        } else if (LOST.has(key)) {
          certificates.push(
            certificate(t.short, area, issuedOn, { later: { kind: 'LOSS_PUBLISHED', on: '2023-09-26' }, note: '2023年执法检查中遗失，已登报声明作废' }),
            certificate(t.short, area, addDays('2023-10-09', between(r, 0, 60)), { note: '遗失补发' }),
          );
        } else if (SUSPENDED.has(key)) {
          certificates.push(certificate(t.short, area, issuedOn, { later: { kind: 'ANNUAL_REVIEW', on: '2026-03-20', passed: false }, note: '2026年度执法资格年审考试不合格，暂扣执法证' }));
        } else if (key === REVOKED) {
          certificates.push(certificate(t.short, area, issuedOn, { later: { kind: 'REVOKED', on: '2025-11-12' }, note: '违规执法被投诉查实，依法吊销执法证' }));
        } else if (key === DEPARTING) {
          // Cancelled by the departure itself.
          certificates.push(certificate(t.short, area, issuedOn, { note: '调出本县，证件随调出注销' }));
        } else {
          certificates.push(certificate(t.short, area, issuedOn));
        }
      }
      out.push({
        key,
        name: inventName(r),
        organization: t.short,
        category,
        title,
        legalQualification: j === 1 || (!auxiliary && j > 1 && (ti * 7 + j) % 11 === 0),
        mobile: j % 3 === 2 ? null : inventMobile(r),
        posting: { post, startedOn },
        certificates,
      });
    }
  }
  return out;
}

/** A few people at the departments that guide the townships and supervise them. */
const DEPARTMENT_STAFF: { org: string; category: StaffCategory; post: PostKind; title: string; legal?: boolean }[] = [
  { org: '城市管理局', category: 'ADMINISTRATIVE', post: 'LEADERSHIP', title: '城市管理综合执法大队大队长' },
  { org: '城市管理局', category: 'ENFORCEMENT', post: 'ENFORCEMENT', title: '执法中队长' },
  { org: '城市管理局', category: 'ENFORCEMENT', post: 'ENFORCEMENT', title: '执法队员' },
  { org: '市场监管局', category: 'ADMINISTRATIVE', post: 'ENFORCEMENT', title: '综合执法大队副大队长' },
  { org: '市场监管局', category: 'ENFORCEMENT', post: 'ENFORCEMENT', title: '执法队员' },
  { org: '自然资源局', category: 'ENFORCEMENT', post: 'ENFORCEMENT', title: '执法监察大队队员' },
  { org: '自然资源局', category: 'INSTITUTIONAL', post: 'ENFORCEMENT', title: '执法监察大队队员' },
  { org: '司法局', category: 'ADMINISTRATIVE', post: 'LEADERSHIP', title: '行政执法协调监督科科长', legal: true },
  { org: '司法局', category: 'ADMINISTRATIVE', post: 'LEGAL_REVIEW', title: '行政执法监督员', legal: true },
  { org: '司法局', category: 'INSTITUTIONAL', post: 'LEGAL_REVIEW', title: '行政执法监督员', legal: true },
];

function departmentStaff(): StaffSeed[] {
  const r = rng(4113249);
  const seen = new Map<string, number>();
  return DEPARTMENT_STAFF.map((d, i) => {
    const n = seen.get(d.org) ?? 0;
    seen.set(d.org, n + 1);
    const startedOn = START_DATES[i % 3];
    return {
      key: `${d.org}-${n}`,
      name: inventName(r),
      organization: d.org,
      category: d.category,
      title: d.title,
      legalQualification: d.legal ?? false,
      mobile: inventMobile(r),
      posting: { post: d.post, startedOn },
      certificates: [certificate(d.org, '镇平县', addDays(startedOn, -between(r, 20, 90)))],
    };
  });
}

/** The 2025 recruits (招录): they join through a recruitment transfer, which opens their posting. */
export const RECRUITED_ON = '2025-08-01';
const RECRUITS = ['涅阳', '杨营', '曲屯'];

function recruits(): StaffSeed[] {
  const r = rng(4113250);
  return RECRUITS.map((short) => {
    const t = townships.find((x) => x.short === short)!;
    return {
      key: `${short}-招录`,
      name: inventName(r),
      organization: short,
      category: 'ENFORCEMENT' as const,
      title: '执法队员',
      legalQualification: short === '涅阳',
      mobile: inventMobile(r),
      posting: null,
      certificates: [certificate(short, `镇平县${t.name}`, addDays(RECRUITED_ON, -between(r, 10, 20)), { note: '新招录人员首次申领' })],
    };
  });
}

export const staffSeeds: StaffSeed[] = [...townshipStaff(), ...departmentStaff(), ...recruits()];

/**
 * The transfers of the demo, in the order they are carried out. Dates relative to `today` keep one
 * secondment not yet due however late the demo is seeded.
 */
export function transferSeeds(today: string): TransferSeed[] {
  const t = (s: Omit<TransferSeed, 'post' | 'expectedReturnDate'> & Partial<TransferSeed>): TransferSeed => ({
    post: null,
    expectedReturnDate: null,
    ...s,
  });
  return [
    t({ documentNumber: '镇人社〔2025〕11号', staff: '涅阳-5', kind: 'REASSIGNMENT', to: '玉都', effectiveDate: '2025-03-01', outcome: 'COMPLETED', note: '充实玉都街道综合行政执法队力量' }),
    t({ documentNumber: '镇人社〔2025〕19号', staff: '高丘-4', kind: 'REASSIGNMENT', to: '王岗', effectiveDate: '2025-07-01', outcome: 'COMPLETED', note: '按“编随事走、人随编走”原则调整' }),
    t({ documentNumber: '镇人社〔2026〕4号', staff: '贾宋-4', kind: 'REASSIGNMENT', to: '马庄', effectiveDate: '2026-02-01', outcome: 'COMPLETED', note: '乡镇间执法力量调剂' }),
    t({
      documentNumber: '镇司〔2025〕6号',
      staff: '侯集-3',
      kind: 'SECONDMENT',
      to: '司法局',
      effectiveDate: '2025-04-01',
      expectedReturnDate: '2025-09-30',
      outcome: 'COMPLETED',
      note: '抽调参加全县行政执法案卷评查',
    }),
    t({ documentNumber: '镇司〔2025〕19号', staff: '侯集-3', kind: 'RETURN', to: null, effectiveDate: '2025-09-29', outcome: 'COMPLETED', note: '案卷评查结束，按期归位' }),
    t({
      documentNumber: '镇城管〔2025〕27号',
      staff: '石佛寺-3',
      kind: 'SECONDMENT',
      to: '城市管理局',
      effectiveDate: '2025-10-08',
      expectedReturnDate: '2026-03-31',
      outcome: 'COMPLETED',
      note: '抽调参与县城市容秩序专项整治',
    }),
    t({
      documentNumber: '镇应急〔2026〕9号',
      staff: '卢医-4',
      kind: 'SECONDMENT',
      to: '应急管理局',
      effectiveDate: addDays(today, -45),
      expectedReturnDate: addDays(today, 120),
      outcome: 'COMPLETED',
      note: '抽调参加安全生产隐患大排查',
    }),
    t({
      documentNumber: '镇环〔2026〕4号',
      staff: '二龙-3',
      kind: 'SECONDMENT',
      to: '市生态环境局镇平分局',
      effectiveDate: '2026-05-06',
      expectedReturnDate: '2026-08-31',
      outcome: 'CANCELLED',
      note: '因汛期防汛工作需要，取消抽调',
    }),
    t({ documentNumber: '镇人社〔2025〕23号', staff: DEPARTING, kind: 'DEPARTURE', to: null, effectiveDate: '2025-06-30', outcome: 'COMPLETED', note: '调往县外工作' }),
    ...RECRUITS.map((short, i) =>
      t({
        documentNumber: `镇人社〔2025〕${30 + i}号`,
        staff: `${short}-招录`,
        kind: 'RECRUITMENT',
        to: short,
        post: 'ENFORCEMENT',
        effectiveDate: RECRUITED_ON,
        outcome: 'COMPLETED',
        note: '2025年度综合行政执法人员公开招录',
      }),
    ),
    t({ documentNumber: '镇人社〔2026〕17号', staff: RETIRING, kind: 'RETIREMENT', to: null, effectiveDate: '2026-07-31', outcome: 'COMPLETED', note: '到龄退休' }),
    t({ documentNumber: '镇人社〔2026〕29号', staff: NOT_ARRIVED, kind: 'REASSIGNMENT', to: '涅阳', effectiveDate: '2026-09-01', outcome: 'PENDING', note: '转隶文件已下达，人员尚未到位' }),
    t({ documentNumber: '镇人社〔2026〕38号', staff: '雪枫-4', kind: 'REASSIGNMENT', to: '涅阳', effectiveDate: '2026-12-15', outcome: 'PENDING', note: '拟调整至涅阳街道，待办理' }),
  ];
}

/**
 * Quotas whose vacancy goes above the 20% cap, by year: township short name and category. The rest
 * are approved close to the people actually in post.
 */
export const UNDERSTAFFED: Record<number, [string, StaffCategory][]> = {
  2025: [['雪枫', 'ENFORCEMENT'], ['高丘', 'ENFORCEMENT'], ['柳泉铺', 'ENFORCEMENT'], ['王岗', 'INSTITUTIONAL']],
  2026: [['雪枫', 'ENFORCEMENT'], ['高丘', 'ENFORCEMENT'], ['柳泉铺', 'ENFORCEMENT'], ['王岗', 'ENFORCEMENT'], ['石佛寺', 'ADMINISTRATIVE']],
};

/** Understaffed quotas approved to stay above the vacancy cap (任务较重的街镇可不受空编率限制). */
export const CAP_EXEMPT: Record<number, { short: string; category: StaffCategory; reason: string; document: string }[]> = {
  2026: [{ short: '王岗', category: 'ENFORCEMENT', reason: '辖区工业园区扩区，执法任务重，年内分两批招录补充', document: '镇编〔2026〕7号' }],
};

/** Approved places for a quota, given the people in post on its measuring day. */
export function approvedCount(year: number, short: string, category: StaffCategory, occupied: number, index: number): number {
  if (UNDERSTAFFED[year]?.some(([s, c]) => s === short && c === category)) return occupied + Math.ceil(occupied * 0.5) + 1;
  // Some are over strength (more people than places), some have a place or two free.
  if (index % 9 === 4 && occupied >= 3) return occupied - 1;
  return occupied + (occupied >= 5 && index % 3 === 0 ? 1 : 0);
}
