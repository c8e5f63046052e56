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

/** Text of a stream of UTF-8 chunks, a character cut by a chunk's end completed by the next chunk. */
async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): unknown;
  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown;
}

/**
 * exceljs's streaming reader decodes each decompressed chunk (16 KiB) of a sheet or of its shared
 * strings on its own, so a Chinese character that a chunk's end cuts in two is read as "��". Its
 * parser passes text through untouched: the worksheet's chunks and the shared strings' entry are
 * decoded here first, across chunk ends.
 */
class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): unknown {
    return (ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals)._parseWorksheet.call(this, utf8(iterator), sheetNo);
  }

  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown {
    entry.setEncoding('utf8');
    return (ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals)._parseSharedStrings.call(this, entry);
  }
}

/** The first worksheet of a workbook, read as a stream: the file is never a whole object tree. */
async function xlsxLines(bytes: Uint8Array): Promise<Line[]> {
  const lines: Line[] = [];
  const reader = new Utf8WorkbookReader(Readable.from([Buffer.from(bytes)]), {
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
