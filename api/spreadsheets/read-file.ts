import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Cell } from './cells';
import { plainCell } from './cells';

// An uploaded file as lines of cells, numbered as a spreadsheet numbers them (the header is a
// line too), so a problem is reported where the person who typed the file will look for it.

export type FileFormat = 'xlsx' | 'csv';

export interface Line {
  /** 1 for the first line of the file. */
  number: number;
  cells: (Cell | Date)[];
}

export class UnreadableFile extends Error {}

/** The first worksheet of a workbook, read as a stream: the file is never a whole object tree. */
async function xlsxLines(bytes: Uint8Array): Promise<Line[]> {
  const lines: Line[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    // Styles say which numbers are dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        // `values` is 1-based: index 0 is always empty.
        const values = (row.values as unknown[]).slice(1);
        lines.push({ number: row.number, cells: Array.from(values, plainCell) });
      }
      break;
    }
  } catch (e) {
    throw new UnreadableFile((e as Error).message);
  }
  return lines;
}

function csvLines(bytes: Uint8Array): Line[] {
  let records: string[][];
  try {
    records = parse(Buffer.from(bytes), { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    throw new UnreadableFile((e as Error).message);
  }
  return records.map((cells, i) => ({ number: i + 1, cells }));
}

export async function readLines(bytes: Uint8Array, format: FileFormat): Promise<Line[]> {
  return format === 'xlsx' ? xlsxLines(bytes) : csvLines(bytes);
}
