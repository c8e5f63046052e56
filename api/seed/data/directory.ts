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

/**
 * The four lists every enforcing unit keeps (《镇平县行政执法改革与管理专项整治工作实施方案》 §三(三)2: 各单位制定执法任务、责任、
 * 流程、标准四个清单), for a department that delegates items: its task is guiding the townships it
 * guides, or its staff named to the townships its items reach (执法人员分包到各乡镇(街道)).
 */
export function departmentResponsibilities(guides: boolean) {
  return [
    guides
      ? {
          kind: 'TASK',
          responsibility: '指导分包乡镇（街道）综合行政执法队伍组建，规范行政执法行为',
          accountability: '未按要求开展指导，致使分包乡镇（街道）执法队伍长期不能正常运转的',
          boundaryNote: null,
        }
      : {
          kind: 'TASK',
          responsibility: '将本部门执法人员分包到承接本部门赋权事项的乡镇（街道），明确执法区域分包责任',
          accountability: '分包执法人员未落实到乡镇（街道），致使赋权事项无人对接的',
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
}

/**
 * The four lists of a street's or township's enforcement team (same §三(三)2: 将法定职权逐项分解落实到…不同的执法岗位),
 * the same for each: the powers it received, exercised in its own name and passed on when not its own.
 */
export const townshipResponsibilities = [
  {
    kind: 'TASK',
    responsibility: '以乡镇（街道）名义行使县政府公布的赋权事项目录中的行政处罚、行政检查和行政强制权',
    accountability: '对目录内事项不履行或不正确履行执法职责的',
    boundaryNote: null,
  },
  {
    kind: 'RESPONSIBILITY',
    responsibility: '对辖区内日常巡查发现的违法行为立案查处，并将查处结果反馈原实施部门',
    accountability: '发现违法行为不制止、不查处，造成不良影响的',
    boundaryNote: '赋权事项以外的违法行为，以及需要专业技术支撑的案件，移送县直主管部门处理',
  },
  {
    kind: 'PROCESS',
    responsibility: '立案、调查取证、法制审核、集体讨论、作出决定、送达执行，全过程记录',
    accountability: '重大执法决定未经法制审核即作出的',
    boundaryNote: null,
  },
  {
    kind: 'STANDARD',
    responsibility: '执法人员持证上岗、亮证执法，现场执法使用执法记录仪全过程记录',
    accountability: null,
    boundaryNote: '辅助人员不得从事案件调查取证、作出行政处理决定、审核案件',
  },
] as const;

/** How a guidance assignment says whether the department guides the team or only names staff to it. */
export const GUIDING = '重点执法部门指导：负责指导乡镇综合执法队伍组建、规范行政执法行为，执法力量不足时安排本部门执法力量协助';
export const ASSIGNED = '执法人员分包：对接本部门赋权事项的业务指导和案件线索移送';
