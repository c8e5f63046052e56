import ExcelJS from 'exceljs';

const CATEGORIES = ['行政处罚', '行政检查', '行政强制'];
const CONDUCT = ['擅自占用城市道路', '违规排放污水', '无证经营', '违法堆放物料', '露天焚烧', '违规设置户外广告', '噪声扰民', '违规运输渣土'];

/**
 * A power-item catalog as a county keeps it in Excel, `rows` lines long, for the import benchmarks:
 * the headings of the official files, every category, the departments and domains named in turn.
 */
export async function catalogXlsx(rows: number, departments: string[], domains: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('执法事项');
  sheet.addRow(['编码规则', '事项编码', '事项名称', '事项类别', '执法领域', '划出部门', '法律依据', '备注']);
  for (let i = 0; i < rows; i++) {
    const category = CATEGORIES[i % CATEGORIES.length];
    const ending = category === '行政处罚' ? '的处罚' : category === '行政检查' ? '情况的检查' : '的查封、扣押';
    sheet.addRow([
      '基准导入编码',
      `BI-${String(i + 1).padStart(5, '0')}`,
      `对${CONDUCT[i % CONDUCT.length]}（第${i + 1}项）${ending}`,
      category,
      domains[i % domains.length],
      departments[i % departments.length],
      `《某某管理条例》第${(i % 90) + 1}条`,
      i % 3 ? null : '限建成区范围内',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const STAFF_CATEGORIES = ['行政编', '事业编', '执法专项编制', '协勤/辅助人员'];

/**
 * A staff roster as an HR office keeps it in Excel, `rows` lines long: name, organization (by the
 * short or full name in turn), staffing category, title and a mobile number written with spaces.
 */
export async function rosterXlsx(rows: number, organizations: { short: string; name: string }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人员花名册');
  sheet.addRow(['姓名', '所在机构', '编制类别', '职务', '手机', '备注']);
  for (let i = 0; i < rows; i++) {
    const org = organizations[i % organizations.length];
    sheet.addRow([
      `${SURNAMES[i % SURNAMES.length]}基准${i + 1}`,
      i % 2 ? org.short : org.name,
      STAFF_CATEGORIES[i % STAFF_CATEGORIES.length],
      i % 5 ? '执法队员' : '综合执法中队长',
      `138 ${String(Math.floor(i / 10_000)).padStart(4, '0')} ${String(i % 10_000).padStart(4, '0')}`,
      i % 7 ? null : '2021年招录',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
