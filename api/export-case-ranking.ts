import type express from 'express';
import ExcelJS from 'exceljs';
import { asDownload } from './spreadsheets/download';
import type { Actor } from './auth/actor';
import type { Context } from './context';
import { appError } from './errors';
import { sendError } from './limits';
import { exportLang, queryForExport, type Lang } from './export-query';

// The six-rate ranking of a year (《镇平县行政执法改革与管理专项整治工作实施方案》附件2) as the table a
// supervisor files: one row per unit, best first, each rate's points and deductions, the total and
// the filing target used. It answers the `caseRanking` query as the requester (export-query.ts).

const QUERY = `query($year: Int!) { caseRanking(year: $year) {
  rank reports filingTarget filingTargetDefaulted deductions totalScore organization { name }
  rates { key label points deduction } } }`;

interface Ranked {
  rank: number | null;
  reports: number;
  filingTarget: number | null;
  filingTargetDefaulted: boolean;
  deductions: number;
  totalScore: number | null;
  organization: { name: string } | null;
  rates: { key: string; label: string; points: number | null; deduction: number }[];
}

const WORDS = {
  zh: { sheet: '六率考核排名', title: (y: number) => `${y}年度行政执法六率考核排名`, rank: '名次', unit: '执法单位', reports: '报表数', points: '得分', deduction: '扣分', deductions: '扣分合计', total: '总分', target: '核定应立案数', defaulted: '（按近两年平均）', none: '—' },
  en: { sheet: 'Six-rate ranking', title: (y: number) => `Six-rate ranking ${y}`, rank: 'Rank', unit: 'Unit', reports: 'Reports', points: 'points', deduction: 'deduction', deductions: 'Deductions', total: 'Total', target: 'Filing target', defaulted: ' (two-year average)', none: '—' },
};

/** The API writes labels as `中文 (English)`; the part of the file's language. */
const inLang = (label: string, lang: Lang) => /^(.*) \((.*)\)$/s.exec(label)?.[lang === 'zh' ? 1 : 2] ?? label;
const orNone = (n: number | null, lang: Lang) => (n === null ? WORDS[lang].none : n);

async function workbook(rows: Ranked[], year: number, lang: Lang): Promise<Buffer> {
  const w = WORDS[lang];
  const rates = rows[0]?.rates ?? [];
  const headers = [
    w.rank,
    w.unit,
    w.reports,
    ...rates.flatMap((r) => [`${inLang(r.label, lang)}${lang === 'zh' ? '' : ' '}${w.points}`, `${inLang(r.label, lang)}${lang === 'zh' ? '' : ' '}${w.deduction}`]),
    w.deductions,
    w.total,
    w.target,
  ];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(w.sheet);
  sheet.addRow([w.title(year)]);
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) {
    sheet.addRow([
      orNone(row.rank, lang),
      row.organization?.name ?? '',
      row.reports,
      ...row.rates.flatMap((r) => [orNone(r.points, lang), r.deduction ? -r.deduction : 0]),
      row.deductions ? -row.deductions : 0,
      orNone(row.totalScore, lang),
      row.filingTarget === null ? w.none : `${row.filingTarget}${row.filingTargetDefaulted ? w.defaulted : ''}`,
    ]);
  }
  headers.forEach((_, i) => {
    sheet.getColumn(i + 1).width = i === 1 ? 28 : 12;
  });
  sheet.views = [{ state: 'frozen', ySplit: 2, xSplit: 2 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** `GET /export/case-ranking?year=&lang=zh|en`: the year's six-rate ranking as XLSX, after sign-in and the rate limit. */
export function caseRankingExport(contextFor: (actor: Actor) => Context): express.RequestHandler {
  return async (req, res, next) => {
    const lang = exportLang(req, res);
    if (!lang) return;
    const year = typeof req.query.year === 'string' && /^\d{4}$/.test(req.query.year) ? Number(req.query.year) : NaN;
    if (Number.isNaN(year)) {
      const message = { zh: '须指定年度（year），如 2025', en: 'year is required, e.g. 2025' };
      sendError(res, 400, appError('BAD_USER_INPUT', { zh: `输入有误：${message.zh}`, en: `Invalid input: ${message.en}` }, { fieldErrors: [{ field: 'year', rule: 'required', ...message }] }));
      return;
    }
    const data = await queryForExport<{ caseRanking: Ranked[] }>(contextFor, QUERY, { year }, res, next);
    if (!data) return;
    const body = await workbook(data.caseRanking, year, lang);
    asDownload(res, 'xlsx', `${WORDS[lang].sheet}-${year}.xlsx`, `case-ranking-${year}.xlsx`);
    res.send(body);
  };
}
