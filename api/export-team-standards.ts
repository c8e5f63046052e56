import type express from 'express';
import ExcelJS from 'exceljs';
import { graphql } from 'graphql';
import { asDownload } from './spreadsheets/download';
import { getApp } from './app';
import { currentActor, type Actor } from './auth/actor';
import type { Context } from './context';
import { RETRY_AFTER_SECONDS } from './database-errors';
import { appError } from './errors';
import { sendError } from './limits';

// The team standard sheet (规范化建设达标情况) as the county files it: one line per street or
// township and standard, with the required and actual figures, 达标/未达标 and the document. It
// answers the `teamStandards` query through the schema itself, so the same callers may download it
// as may read it (a street account its own team), refused with the same codes.

const QUERY = `query($year: Int!, $org: ID) { teamStandards(year: $year, organizationId: $org) {
  organization { name } standard label { zh en } rule { zh en } required actual passed source } }`;

type Lang = 'zh' | 'en';
interface Row {
  organization: { name: string };
  standard: string;
  label: { zh: string; en: string };
  rule: { zh: string; en: string };
  required: number;
  actual: number | null;
  passed: boolean;
  source: string;
}

const HEADERS: Record<Lang, string[]> = {
  zh: ['序号', '街道/乡镇', '标准', '要求', '应达数', '实有数', '是否达标', '依据'],
  en: ['No.', 'Street / township', 'Standard', 'Rule', 'Required', 'Actual', 'Result', 'Source'],
};
const RESULT: Record<Lang, [string, string]> = { zh: ['达标', '未达标'], en: ['Passed', 'Failed'] };

/** The vacancy cap and rate read as percentages, as the documents write them; counts as they are. */
const figure = (standard: string, n: number | null): string | number => (n === null ? '—' : standard === 'VACANCY_CAP' ? `${Math.round(n * 1000) / 10}%` : n);

async function workbook(rows: Row[], year: number, lang: Lang): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(lang === 'zh' ? '达标情况' : 'Standards');
  sheet.addRow([lang === 'zh' ? `${year}年度街道、乡镇综合行政执法队伍规范化建设达标情况表` : `Enforcement team standards of the streets and townships, ${year}`]);
  sheet.mergeCells(1, 1, 1, HEADERS[lang].length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow(HEADERS[lang]).font = { bold: true };
  rows.forEach((r, i) => {
    const line = sheet.addRow([i + 1, r.organization.name, r.label[lang], r.rule[lang], figure(r.standard, r.required), figure(r.standard, r.actual), RESULT[lang][r.passed ? 0 : 1], r.source]);
    if (!r.passed) line.getCell(7).font = { color: { argb: 'FFC00000' }, bold: true };
  });
  [6, 16, 22, 44, 10, 10, 10, 44].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
    sheet.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, UNAVAILABLE: 503 };

/** `GET /export/team-standards?year=&organizationId=&lang=zh|en`: the sheet as XLSX, after sign-in and the rate limit. */
export function teamStandardsExport(contextFor: (actor: Actor) => Context): express.RequestHandler {
  return async (req, res, next) => {
    const lang: Lang = req.query.lang === 'en' ? 'en' : 'zh';
    const fieldErrors = [
      ...(req.query.lang === undefined || req.query.lang === 'zh' || req.query.lang === 'en' ? [] : [{ field: 'lang', rule: 'enum', zh: 'lang 应为 zh 或 en', en: 'lang must be zh or en' }]),
      ...(typeof req.query.year === 'string' && /^\d{4}$/.test(req.query.year) ? [] : [{ field: 'year', rule: 'required', zh: '须指定年度（year，如 2026）', en: 'year (e.g. 2026) is required' }]),
    ];
    if (fieldErrors.length) {
      sendError(res, 400, appError('BAD_USER_INPUT', { zh: '输入有误：请检查标注的字段', en: 'Invalid input: check the marked fields' }, { fieldErrors }));
      return;
    }
    const year = Number(req.query.year);
    const org = typeof req.query.organizationId === 'string' && req.query.organizationId ? req.query.organizationId : null;
    const result = await graphql({ schema: getApp().schema, source: QUERY, variableValues: { year, org }, contextValue: contextFor(currentActor()!) });
    const error = result.errors?.[0];
    if (error) {
      const code = String(error.extensions?.code ?? '');
      if (!STATUS[code]) return next(error.originalError ?? error);
      if (code === 'UNAVAILABLE') res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      sendError(res, STATUS[code], error);
      return;
    }
    const rows = (result.data as { teamStandards: Row[] }).teamStandards;
    const body = await workbook(rows, year, lang);
    asDownload(res, 'xlsx', `${lang === 'zh' ? '规范化建设达标情况' : 'team-standards'}-${year}.xlsx`, `team-standards-${year}.xlsx`);
    res.send(body);
  };
}
