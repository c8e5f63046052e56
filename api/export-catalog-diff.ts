import type express from 'express';
import ExcelJS from 'exceljs';
import { asDownload } from './spreadsheets/download';
import { enumDefinitions } from '../drizzle/schema';
import type { Actor } from './auth/actor';
import type { Context } from './context';
import { appError } from './errors';
import { sendError } from './limits';
import { exportLang, queryForExport, type Lang } from './export-query';

// The comparison table (调整对照表) of two catalog editions as a spreadsheet, the form adjustment
// notices attach: one row per item of a street that is added, taken back or changed. It answers
// the `catalogDiff` query as the requester (export-query.ts).

const ITEM = `change powerItem { code name settingBasis implementationBasis }
  before { mode scope scopeNote effectiveFrom effectiveTo delegatingOrganization { name } }
  after { mode scope scopeNote effectiveFrom effectiveTo delegatingOrganization { name } }
  fields { label { zh en } beforeText { zh en } afterText { zh en } }`;
const QUERY = `query($from: ID!, $to: ID!) { catalogDiff(fromId: $from, toId: $to) {
  from { title documentNumber } to { title documentNumber }
  recipients { recipient { name } added { ${ITEM} } removed { ${ITEM} } changed { ${ITEM} } } } }`;

interface Text {
  zh: string;
  en: string;
}
interface Terms {
  mode: string;
  scope: string;
  scopeNote: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  delegatingOrganization: { name: string } | null;
}
interface Item {
  change: 'ADDED' | 'REMOVED' | 'CHANGED';
  powerItem: { code: string; name: string; settingBasis: string; implementationBasis: string | null };
  before: Terms | null;
  after: Terms | null;
  fields: { label: Text; beforeText: Text; afterText: Text }[];
}
interface Diff {
  from: { title: string; documentNumber: string | null };
  to: { title: string; documentNumber: string | null };
  recipients: { recipient: { name: string }; added: Item[]; removed: Item[]; changed: Item[] }[];
}

const HEADERS: Record<Lang, string[]> = {
  zh: ['序号', '街道/乡镇', '事项编码', '事项名称', '调整类型', '原内容', '调整后内容', '依据'],
  en: ['No.', 'Street / township', 'Item code', 'Item name', 'Change', 'Before', 'After', 'Basis'],
};
const CHANGE: Record<Item['change'], Text> = {
  ADDED: { zh: '新增', en: 'Added' },
  REMOVED: { zh: '取消', en: 'Taken back' },
  CHANGED: { zh: '变更', en: 'Changed' },
};

/** A delegation's terms as one cell: mode, department, scope, dates. */
function termsText(terms: Terms | null, lang: Lang, labels: (e: string, v: string) => string): string {
  if (!terms) return '';
  const scope = labels('DelegationScope', terms.scope) + (terms.scopeNote ? `（${terms.scopeNote}）` : '');
  const until = terms.effectiveTo ?? (lang === 'zh' ? '长期' : 'open-ended');
  return [labels('DelegationMode', terms.mode), terms.delegatingOrganization?.name, scope, `${terms.effectiveFrom} – ${until}`].filter(Boolean).join(lang === 'zh' ? '；' : '; ');
}

function rowsOf(diff: Diff, lang: Lang, labels: (e: string, v: string) => string): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const r of diff.recipients) {
    for (const item of [...r.added, ...r.removed, ...r.changed]) {
      const [before, after] =
        item.change === 'CHANGED'
          ? [item.fields.map((f) => `${f.label[lang]}：${f.beforeText[lang]}`).join('\n'), item.fields.map((f) => `${f.label[lang]}：${f.afterText[lang]}`).join('\n')]
          : [termsText(item.before, lang, labels), termsText(item.after, lang, labels)];
      const basis = [item.powerItem.settingBasis, item.powerItem.implementationBasis].filter(Boolean).join('\n');
      out.push([out.length + 1, r.recipient.name, item.powerItem.code, item.powerItem.name, CHANGE[item.change][lang], before, after, basis]);
    }
  }
  return out;
}

async function workbook(diff: Diff, lang: Lang, labels: (e: string, v: string) => string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(lang === 'zh' ? '调整对照表' : 'Comparison');
  const title = lang === 'zh' ? `${diff.to.title}与${diff.from.title}调整对照表` : `Comparison of ${diff.to.title} with ${diff.from.title}`;
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, HEADERS[lang].length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  const header = sheet.addRow(HEADERS[lang]);
  header.font = { bold: true };
  for (const row of rowsOf(diff, lang, labels)) sheet.addRow(row);
  [6, 14, 22, 40, 10, 40, 40, 40].forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
    sheet.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

function enumLabel(graphqlName: string, value: string, lang: Lang): string {
  for (const d of enumDefinitions.values()) if (d.graphqlName === graphqlName) return d.values[value]?.[lang] ?? value;
  return value;
}

/**
 * `GET /export/catalog-diff?from=&to=&lang=zh|en`: the 调整对照表 of two editions as XLSX. Runs after
 * the server's sign-in and rate limit; `contextFor` builds the request context as /graphql does.
 */
export function catalogDiffExport(contextFor: (actor: Actor) => Context): express.RequestHandler {
  return async (req, res, next) => {
    const lang = exportLang(req, res);
    if (!lang) return;
    const from = typeof req.query.from === 'string' ? req.query.from : '';
    const to = typeof req.query.to === 'string' ? req.query.to : '';
    if (!from || !to) {
      const fieldErrors = [
        ...(from ? [] : [{ field: 'from', rule: 'required', zh: '须指定比较的原版本（from）', en: 'from (the earlier edition) is required' }]),
        ...(to ? [] : [{ field: 'to', rule: 'required', zh: '须指定比较的新版本（to）', en: 'to (the later edition) is required' }]),
      ];
      sendError(res, 400, appError('BAD_USER_INPUT', { zh: '输入有误：须指定两个目录版本', en: 'Invalid input: two editions are required' }, { fieldErrors }));
      return;
    }
    const data = await queryForExport<{ catalogDiff: Diff }>(contextFor, QUERY, { from, to }, res, next);
    if (!data) return;
    const diff = data.catalogDiff;
    const body = await workbook(diff, lang, (e, v) => enumLabel(e, v, lang));
    const name = `${lang === 'zh' ? '调整对照表' : 'catalog-comparison'}-${from}-${to}.xlsx`;
    asDownload(res, 'xlsx', name, `catalog-diff-${from}-${to}.xlsx`);
    res.send(body);
  };
}
