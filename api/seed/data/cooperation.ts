/**
 * Case referrals and complaints of the demo county, invented: referrals between streets and
 * departments, to the police (with the copy to the procuratorate) and to the discipline commission,
 * on time, late and overdue;
 * complaints from each channel, some closed as cases or referrals, some still open.
 */

export interface ReferralSeed {
  kind: 'STREET_TO_DEPARTMENT' | 'DEPARTMENT_TO_STREET' | 'TO_POLICE' | 'TO_DISCIPLINE';
  /** Short names of the organizations. */
  from: string;
  to: string;
  matter: string;
  legalBasis: string;
  documentNumber: string;
  sentOn: string;
  /** The receiving unit's steps so far. */
  receivedOn?: string;
  decision?: { on: string; accepted: true; outcome: string } | { on: string; accepted: false; reason: string };
}

const PROCURATORATE = '镇平县人民检察院';
export const procuratorateCopy = (sentOn: string) => ({ procuratorateCopiedTo: PROCURATORATE, procuratorateCopiedOn: sentOn });

export const referralSeeds: ReferralSeed[] = [
  {
    kind: 'STREET_TO_DEPARTMENT',
    from: '涅阳',
    to: '市场监管局',
    matter: '涅阳街道菜市场周边商户销售无标签散装食品，涉及食品安全，已责令停止销售并移送线索材料',
    legalBasis: '《中华人民共和国食品安全法》第一百二十五条',
    documentNumber: '涅阳执移〔2025〕1号',
    sentOn: '2025-03-10',
    receivedOn: '2025-03-11',
    decision: { on: '2025-03-18', accepted: true, outcome: '已立案查处，没收违法食品并处罚款' },
  },
  {
    kind: 'STREET_TO_DEPARTMENT',
    from: '石佛寺',
    to: '自然资源局',
    matter: '石佛寺镇某村村民未经批准占用耕地建房，已责令停止建设',
    legalBasis: '《中华人民共和国土地管理法》第七十八条',
    documentNumber: '石佛寺执移〔2025〕2号',
    sentOn: '2025-05-06',
    receivedOn: '2025-05-12',
    decision: { on: '2025-05-14', accepted: false, reason: '农村村民非法占地建房的处罚已赋权乡镇，由镇综合行政执法大队依法查处' },
  },
  {
    kind: 'DEPARTMENT_TO_STREET',
    from: '城市管理局',
    to: '玉都',
    matter: '玉都街道辖区内户外广告牌设置不规范，存在安全隐患，属街道赋权事项',
    legalBasis: '《城市市容和环境卫生管理条例》第十一条',
    documentNumber: '镇城管移〔2025〕4号',
    sentOn: '2025-06-02',
  },
  {
    kind: 'TO_POLICE',
    from: '雪枫',
    to: '公安局',
    matter: '雪枫街道查处非法倾倒建筑垃圾，倾倒量逾百吨，涉嫌污染环境罪',
    legalBasis: '《中华人民共和国刑法》第三百三十八条',
    documentNumber: '雪枫执移〔2025〕1号',
    sentOn: '2025-07-15',
    receivedOn: '2025-07-16',
  },
  {
    kind: 'DEPARTMENT_TO_STREET',
    from: '住建局',
    to: '涅阳',
    matter: '涅阳街道某小区物业擅自改变公共区域用途，属街道赋权的物业管理事项',
    legalBasis: '《物业管理条例》第六十四条',
    documentNumber: '镇住建移〔2025〕3号',
    sentOn: '2025-09-01',
    receivedOn: '2025-09-02',
    decision: { on: '2025-09-20', accepted: true, outcome: '已责令限期恢复原状' },
  },
  {
    kind: 'TO_POLICE',
    from: '市场监管局',
    to: '公安局',
    matter: '查获假冒注册商标的玉雕制品一批，货值金额逾五万元，涉嫌销售假冒注册商标的商品罪',
    legalBasis: '《中华人民共和国刑法》第二百一十四条',
    documentNumber: '镇市监移〔2025〕6号',
    sentOn: '2025-10-09',
    receivedOn: '2025-10-10',
    decision: { on: '2025-10-13', accepted: true, outcome: '公安机关已刑事立案侦查' },
  },
  {
    kind: 'TO_DISCIPLINE',
    from: '司法局',
    to: '纪委监委',
    matter: '行政执法案卷评查中发现某乡镇执法人员对同一违法建设当事人多次“以罚代管”、擅自减免罚款，涉嫌违纪违法，移送问题线索',
    legalBasis: '《中华人民共和国监察法》第三十四条',
    documentNumber: '镇司移〔2025〕1号',
    sentOn: '2025-11-03',
    receivedOn: '2025-11-04',
    decision: { on: '2025-11-10', accepted: true, outcome: '已受理，列入问题线索处置' },
  },
];

/**
 * Call-and-report dispatch (吹哨报到), invented: a street's call to one or more departments, each
 * answering in its own timed steps (local times, +08:00), some late, some never; one joint
 * enforcement with the two nearest townships filed with the justice bureau; the street's ratings.
 * `raisedMinutesAgo` dates a request relative to the seeding, for one still open within its deadlines.
 */
export interface DispatchSeed {
  street: string;
  matter: string;
  place: string;
  urgency: 'ROUTINE' | 'URGENT';
  raisedAt?: string;
  raisedMinutesAgo?: number;
  /** Days after the day raised. */
  dueInDays: number;
  helpers?: [string, string];
  filedWithJusticeOn?: string;
  calls: { department: string; acknowledgedAt?: string; arrivedAt?: string; closed?: { at: string; result: string }; rating?: number; comment?: string }[];
}

export const dispatchSeeds: DispatchSeed[] = [
  {
    street: '涅阳',
    matter: '夜间渣土车沿建设路抛洒，路面大面积污染，需城管、交通部门到场联合处置',
    place: '涅阳街道建设路与人民路交叉口',
    urgency: 'URGENT',
    raisedAt: '2025-04-08T09:00:00+08:00',
    dueInDays: 2,
    calls: [
      {
        department: '城市管理局',
        acknowledgedAt: '2025-04-08T09:30:00+08:00',
        arrivedAt: '2025-04-08T11:00:00+08:00',
        closed: { at: '2025-04-09T17:00:00+08:00', result: '已清理路面，对运输企业立案查处' },
        rating: 5,
        comment: '响应迅速，处置彻底',
      },
      {
        department: '交通运输局',
        acknowledgedAt: '2025-04-08T12:00:00+08:00',
        arrivedAt: '2025-04-09T14:00:00+08:00',
        closed: { at: '2025-04-10T16:00:00+08:00', result: '已约谈运输企业，责令整改车辆密闭装置' },
        rating: 3,
        comment: '响应和到场均超时',
      },
    ],
  },
  {
    street: '石佛寺',
    matter: '玉雕加工作坊集中区粉尘污染、无照经营问题突出，需市场监管、生态环境部门联合执法',
    place: '石佛寺镇玉雕加工区',
    urgency: 'ROUTINE',
    raisedAt: '2025-06-03T08:30:00+08:00',
    dueInDays: 3,
    helpers: ['遮山', '卢医'],
    filedWithJusticeOn: '2025-06-03',
    calls: [
      {
        department: '市场监管局',
        acknowledgedAt: '2025-06-03T09:00:00+08:00',
        arrivedAt: '2025-06-03T10:30:00+08:00',
        closed: { at: '2025-06-05T16:00:00+08:00', result: '已督促12户办理营业执照，对3户无照经营立案' },
        rating: 4,
      },
      { department: '市生态环境局镇平分局', acknowledgedAt: '2025-06-03T10:00:00+08:00', arrivedAt: '2025-06-03T15:00:00+08:00' },
    ],
  },
  {
    street: '玉都',
    matter: '小区地下车库违规改建为群租房，存在消防安全隐患，需住建部门到场认定',
    place: '玉都街道某小区地下车库',
    urgency: 'URGENT',
    raisedAt: '2025-11-17T10:00:00+08:00',
    dueInDays: 3,
    calls: [{ department: '住建局' }],
  },
  {
    street: '雪枫',
    matter: '沿街商铺违规存放液化气钢瓶，需应急管理部门到场检查',
    place: '雪枫街道中心商业街',
    urgency: 'URGENT',
    raisedMinutesAgo: 30,
    dueInDays: 2,
    calls: [{ department: '应急管理局' }],
  },
];

export interface ComplaintSeed {
  ticketNumber: string;
  subject: string;
  content: string;
  channel: 'HOTLINE_12345' | 'HOTLINE_12319' | 'LETTER' | 'VISIT' | 'ONLINE';
  responsible: string;
  receivedOn: string;
  acceptedOn?: string;
  closed?: { on: string; result: string; disposition: 'HANDLED' | 'CASE_FILED' | 'REFERRED'; caseNumber?: string; referral?: string };
}

export const complaintSeeds: ComplaintSeed[] = [
  {
    ticketNumber: '12345-2025-030801',
    subject: '菜市场周边销售散装食品无标签',
    content: '菜市场东门多家摊贩销售散装熟食，无任何标签，担心食品安全。',
    channel: 'HOTLINE_12345',
    responsible: '涅阳',
    receivedOn: '2025-03-08',
    acceptedOn: '2025-03-08',
    closed: { on: '2025-03-10', result: '现场核实属实，涉及食品安全，已移送县市场监管局', disposition: 'REFERRED', referral: '涅阳执移〔2025〕1号' },
  },
  {
    ticketNumber: '12319-2025-071201',
    subject: '夜间有车辆向沟渠倾倒建筑垃圾',
    content: '连续多晚有渣土车向村外沟渠倾倒建筑垃圾，气味刺鼻。',
    channel: 'HOTLINE_12319',
    responsible: '雪枫',
    receivedOn: '2025-07-12',
    acceptedOn: '2025-07-12',
    closed: { on: '2025-07-15', result: '查明倾倒量巨大，涉嫌犯罪，已移送公安机关并抄送检察院', disposition: 'REFERRED', referral: '雪枫执移〔2025〕1号' },
  },
  {
    ticketNumber: 'XF-2025-0421',
    subject: '沿街商铺占道经营',
    content: '建设路沿街商铺长期将货物摆放在人行道上，行人通行困难。',
    channel: 'VISIT',
    responsible: '玉都',
    receivedOn: '2025-04-21',
    acceptedOn: '2025-04-22',
    closed: { on: '2025-04-25', result: '已责令商户清理占道物品，现场恢复通行', disposition: 'HANDLED' },
  },
  {
    ticketNumber: 'WS-2025-0903',
    subject: '工地夜间施工噪声扰民',
    content: '某在建工地晚上十一点后仍在施工，噪声很大。',
    channel: 'ONLINE',
    responsible: '涅阳',
    receivedOn: '2025-09-03',
    acceptedOn: '2025-09-03',
    closed: { on: '2025-09-12', result: '经查无夜间施工许可，已立案查处', disposition: 'CASE_FILED', caseNumber: '涅阳执罚〔2025〕37号' },
  },
  {
    ticketNumber: 'LX-2026-0112',
    subject: '村内违法占地建房',
    content: '来信反映某村村民在承包耕地上建房，已建至二层。',
    channel: 'LETTER',
    responsible: '石佛寺',
    receivedOn: '2026-01-12',
    acceptedOn: '2026-01-14',
  },
  {
    ticketNumber: '12345-2026-031502',
    subject: '广告牌松动存在安全隐患',
    content: '人民路某店铺门头广告牌一角松动，大风天摇晃。',
    channel: 'HOTLINE_12345',
    responsible: '玉都',
    receivedOn: '2026-03-15',
    acceptedOn: '2026-03-15',
    closed: { on: '2026-03-16', result: '已督促店主加固广告牌', disposition: 'HANDLED' },
  },
  {
    ticketNumber: '12345-2026-052003',
    subject: '餐馆油烟直排',
    content: '小区底商餐馆油烟未经净化直接排放，熏到楼上住户。',
    channel: 'HOTLINE_12345',
    responsible: '雪枫',
    receivedOn: '2026-05-20',
  },
  {
    ticketNumber: 'WS-2026-0808',
    subject: '销售假冒玉雕制品',
    content: '网上举报某商户销售假冒知名品牌注册商标的玉雕摆件。',
    channel: 'ONLINE',
    responsible: '石佛寺',
    receivedOn: '2026-08-08',
    acceptedOn: '2026-08-09',
    closed: { on: '2026-08-20', result: '经查属实，已立案查处', disposition: 'CASE_FILED', caseNumber: '石佛寺执罚〔2026〕12号' },
  },
];
