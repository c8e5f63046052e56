/** Invented people for the demo directory: real officials' names from the source documents are never used. */
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const GIVEN = ['建国', '晓东', '丽娟', '志强', '海燕', '文博', '春梅', '国华', '雪芳', '振宇', '秀英', '明辉', '俊杰', '佳怡'];

/** The n-th invented person, with a mobile and an office number in Zhenping's area code (0377). */
export function person(n: number) {
  return {
    personName: SURNAMES[n % SURNAMES.length] + GIVEN[(n * 7) % GIVEN.length],
    mobile: `139${String(37_700_000 + n * 131).padStart(8, '0')}`,
    officePhone: `0377-6522${String(1000 + n).slice(-4)}`,
  };
}

/** The four lists every enforcing department keeps (《镇平县行政执法改革与管理专项整治工作实施方案》 §三(三)2), for a guiding department. */
export const departmentResponsibilities = [
  {
    kind: 'TASK',
    responsibility: '指导分包乡镇（街道）综合行政执法队伍组建，规范行政执法行为',
    accountability: '未按要求开展指导，致使分包乡镇（街道）执法队伍长期不能正常运转的',
    boundaryNote: null,
  },
  {
    kind: 'RESPONSIBILITY',
    responsibility: '对已赋权事项开展业务指导和培训，接收乡镇（街道）移送的案件线索并及时处理',
    accountability: '对移送的案件线索推诿拖延，造成严重后果的',
    boundaryNote: '行业监管、审批由本部门负责；乡镇（街道）日常巡查发现的违法行为由乡镇（街道）立案查处，并反馈本部门',
  },
  {
    kind: 'PROCESS',
    responsibility: '乡镇（街道）执法力量不足时，按“谁职责谁发起、谁发起谁牵头”安排本部门执法力量协助',
    accountability: '接到协助请求无正当理由不予配合的',
    boundaryNote: null,
  },
  {
    kind: 'STANDARD',
    responsibility: '每半年对分包乡镇（街道）组织一次执法案卷评查，评查结果纳入考核',
    accountability: null,
    boundaryNote: null,
  },
] as const;
