import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { and, gt, inArray, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify';
import type { Actor } from '../auth/actor';
import { readScope } from '../crud/authorize';
import { filterToWhere, paging } from '../crud/filter-to-where';
import { selectionOf, type FieldModel, type ResourceModel } from '../crud/model';
import type { Records } from '../crud/records';
import type { Row } from '../crud/resource';
import type { Db } from '../db';
import { mask } from '../read-guard';
import { toCell, type Cell } from './cells';
import { nameFields, referenced, sheetColumns, type Lang, type SheetColumn } from './columns';
import { rowXml } from './sheet-rows';

/**
 * Rows read at a time: the export holds one page, never the whole list. A page lives until its last
 * row is written; at 1,000 rows it outlived the young generation's collections, so every page was
 * moved to the old generation, which V8 lets grow to several times the live heap before it collects
 * it: 100,000 rows took about 100 MiB above idle for some 10 MiB of live data. At 250 most of a page
 * dies young, for 400 reads of 100,000 rows instead of 100.
 */
export const EXPORT_PAGE = 250;

export interface ExportRequest {
  model: ResourceModel;
  filter?: Record<string, unknown> | null;
  sortField?: string | null;
  sortOrder?: string | null;
  lang: Lang;
  format: 'xlsx' | 'csv';
  /** An API token without the personal-data scope reads names and numbers masked, here as in GraphQL. */
  maskPersonal: boolean;
  actor: Actor;
}

/** Where the rows go: one call per row, then `end` once. Either format's writer is one of these. */
interface Sink {
  row(cells: Cell[]): Promise<void>;
  end(): Promise<void>;
}

function csvSink(out: Writable): Sink {
  // A byte-order mark, so Excel opens the Chinese text as UTF-8.
  const csv = stringify({ bom: true });
  csv.pipe(out);
  return {
    async row(cells) {
      if (!csv.write(cells)) await once(csv, 'drain');
    },
    async end() {
      const finished = once(out, 'finish');
      csv.end();
      await finished;
    },
  };
}

/**
 * What the zip may hold unwritten before the rows wait for it. Little: a chunk that waits behind
 * 2 MiB of others outlives the young generation's collections, and its 64 KiB are then freed only
 * by a full collection, so the process held tens of MiB of written chunks. A few chunks keep the
 * zip busy as well.
 */
const ZIP_BEHIND_BYTES = 256 * 1024;

/**
 * exceljs hands a sheet's rows to the zip without waiting for it to take them; when compressing
 * is slower than reading (it is), they pile up in memory. The rows wait here while the zip is behind.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  type Pipe = { _writableState?: { length: number }; _readableState?: { length: number } };
  const pipes = (sheet as unknown as { stream?: { pipes?: Pipe[] } }).stream?.pipes ?? [];
  // The zip's entry stream is readable-stream's PassThrough: its buffers, counted as it counts them.
  const behind = (p: Pipe) => (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0);
  while (pipes.some((p) => behind(p) > ZIP_BEHIND_BYTES)) await new Promise((r) => setTimeout(r, 2));
}

function xlsxSink(out: Writable, sheetName: string, columns: SheetColumn[], lang: Lang): Sink {
  // Fast compression: a workbook of text compresses well anyway, and the export is bound by it.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true, zip: { zlib: { level: 1 } } });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.label[lang], key: c.field.key, width: c.field.multiline ? 50 : c.field.kind === 'string' ? 24 : 14 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  // The data rows go to the sheet's stream as text, the XML exceljs would write (see sheet-rows.ts);
  // the header row above, styled, opened the sheet's data through exceljs, and `sheet.commit` closes it.
  const stream = (sheet as unknown as { stream: { write(xml: string): void } }).stream;
  let rows = 0;
  return {
    async row(cells) {
      stream.write(rowXml(++rows + 1, cells));
      if (rows % 200 === 0) await zipCaughtUp(sheet);
      // And while the client is slower than the zip.
      if (out.writableNeedDrain) await once(out, 'drain');
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/**
 * The names references are written as, for one page: each referenced record read once, its first
 * name field that has a value (a code, else its name), or its id when it has no name or the caller
 * may not read it.
 */
async function referenceNames(db: Db, records: Records, req: ExportRequest, columns: SheetColumn[], rows: Row[]): Promise<Map<FieldModel, Map<number, Cell>>> {
  const out = new Map<FieldModel, Map<number, Cell>>();
  for (const { field } of columns) {
    if (field.kind !== 'reference') continue;
    const names = new Map<number, Cell>();
    out.set(field, names);
    const target = referenced(records.models, field);
    const fields = nameFields(target);
    const ids = [...new Set(rows.map((r) => r[field.key]).filter((v): v is number => typeof v === 'number'))];
    const hidden = req.actor.kind === 'TOKEN' && !req.actor.scopes?.includes(target.name);
    if (!ids.length || !fields.length || hidden) continue;
    const idColumn = target.byKey.get('id')!.column;
    const selection = Object.fromEntries([['id', idColumn], ...fields.map((f) => [f.key, f.column])]);
    const found = await db.select(selection).from(target.table).where(inArray(idColumn, ids));
    for (const row of found as Row[]) {
      const named = fields.find((f) => row[f.key] !== null && row[f.key] !== '');
      if (!named) continue;
      const value = String(row[named.key]);
      names.set(row.id, req.maskPersonal && named.personal ? (mask(value) as string) : value);
    }
  }
  return out;
}

function cellsOf(req: ExportRequest, columns: SheetColumn[], names: Map<FieldModel, Map<number, Cell>>, row: Row): Cell[] {
  return columns.map(({ field }) => {
    const value = row[field.key];
    if (field.kind === 'reference') return value === null || value === undefined ? null : (names.get(field)!.get(value as number) ?? Number(value));
    const cell = toCell(field, value, req.lang);
    return req.maskPersonal && field.personal ? (mask(cell) as Cell) : cell;
  });
}

/**
 * Writes every row the filter selects, page by page, to `out`. Ordered by id, pages follow on from
 * the last id read, so each page costs the same however far in; another order pages by offset.
 */
export async function exportRows(db: Db, records: Records, req: ExportRequest, out: Writable): Promise<number> {
  const { model } = req;
  const columns = sheetColumns(model);
  const headers = columns.map((c) => c.label[req.lang]);
  // Bad filters and sorts are refused here, before the first byte of the file.
  const where = and(filterToWhere(model, req.filter), readScope(req.actor, model));
  const { orderBy } = paging(model, { sortField: req.sortField, sortOrder: req.sortOrder, perPage: 1 });
  const sink = req.format === 'csv' ? csvSink(out) : xlsxSink(out, model.label[req.lang], columns, req.lang);
  if (req.format === 'csv') await sink.row(headers);
  const byId = (req.sortField ?? 'id') === 'id' && (req.sortOrder ?? 'ASC').toUpperCase() === 'ASC';
  const idColumn = model.byKey.get('id')!.column;
  let written = 0;
  let lastId = 0;
  for (let page = 0; ; page++) {
    const condition: SQL | undefined = byId ? and(where, gt(idColumn, lastId)) : where;
    const query = db.select(selectionOf(model)).from(model.table).where(condition).orderBy(...orderBy).limit(EXPORT_PAGE);
    const rows = (await (byId ? query : query.offset(page * EXPORT_PAGE))) as Row[];
    if (!rows.length) break;
    const names = await referenceNames(db, records, req, columns, rows);
    for (const row of rows) await sink.row(cellsOf(req, columns, names, row));
    written += rows.length;
    lastId = rows[rows.length - 1].id;
    if (rows.length < EXPORT_PAGE) break;
  }
  await sink.end();
  return written;
}
