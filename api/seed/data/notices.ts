/**
 * Notices of the demo county, invented: a justice bureau announcement to all, a campaign plan with
 * a deadline, and an urban management notice to the three streets only. The HR account of 涅阳
 * has read the first; the rest stay unread, so the header shows a count.
 */
export interface NoticeSeed {
  kind: 'NOTICE' | 'ANNOUNCEMENT' | 'CAMPAIGN_PLAN';
  title: string;
  body: string;
  /** Short name of the publishing county body. */
  publisher: string;
  documentNumber?: string;
  publishedOn: string;
  deadline?: string;
  /** Short names of the recipients; none means every street and township. */
  recipients?: string[];
  /** Demo accounts that have opened it, with when. */
  readBy?: { username: string; at: string }[];
}

export const noticeSeeds: NoticeSeed[] = [
  {
    kind: 'ANNOUNCEMENT',
    title: '关于公布乡镇（街道）综合行政执法事项目录的公告',
    body: '根据县委、县政府关于乡镇（街道）综合行政执法改革的部署，现将各乡镇（街道）承接的赋权事项目录予以公布，自公布之日起施行。各乡镇（街道）应在政务服务场所和门户网站同步公示，接受社会监督。',
    publisher: '司法局',
    documentNumber: '镇司〔2026〕3号',
    publishedOn: '2026-03-02',
    readBy: [{ username: 'hr', at: '2026-03-02T09:12:00+08:00' }],
  },
  {
    kind: 'CAMPAIGN_PLAN',
    title: '行政执法“三项制度”落实情况专项检查工作方案',
    body: '为推进行政执法公示、执法全过程记录、重大执法决定法制审核三项制度落实，县司法局定于第三季度开展专项检查。各乡镇（街道）先行自查自纠，摸清底数，建立台账，列出问题清单，于截止日期前报送自查报告；县司法局随后组织重点督查。',
    publisher: '司法局',
    documentNumber: '镇司〔2026〕11号',
    publishedOn: '2026-07-06',
    deadline: '2026-07-31',
  },
  {
    kind: 'NOTICE',
    title: '关于做好城区占道经营集中整治的通知',
    body: '涅阳、玉都、雪枫街道：请于国庆节前组织开展城区主次干道占道经营集中整治，每周五报送整治进展，县城市管理局将派员联合巡查。',
    publisher: '城市管理局',
    documentNumber: '镇城管〔2026〕27号',
    publishedOn: '2026-09-15',
    deadline: '2026-09-30',
    recipients: ['涅阳', '玉都', '雪枫'],
  },
];
