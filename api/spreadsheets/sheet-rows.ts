import type { Cell } from './cells';

// A sheet's data rows written as the XML exceljs's streaming writer writes them (inline strings,
// no shared strings, no cell styles), without its Row and Cell objects. exceljs builds several
// objects per cell (the cell, its value, its model, a style looked up by its XML). Once a workbook
// has been built in memory in the process (the bench builds its import file so; the catalog diff
// and the rankings build theirs), V8 has seen those objects live long and allocates them straight
// in the old generation, where they and every value they point at stay until a full collection:
// an export of 100,000 rows then rose over 200 MiB above idle for about 10 MiB of live data, and
// took twice as long. A row written here is one string.

/** The column letters of a 1-based column number: A … Z, AA … */
export function columnLetters(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

const ESCAPES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text as XML character data, as exceljs encodes it: the five entities, and the control characters XML cannot hold dropped. */
export function xmlText(text: string): string {
  return text.replace(/["&'<>]|[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, (c) => ESCAPES[c] ?? '');
}

/** One `<row>` of a worksheet's `<sheetData>`, numbered `number` (1 for the first line); nothing for a row of empty cells, as exceljs. */
export function rowXml(number: number, cells: readonly Cell[]): string {
  if (cells.every((c) => c === null)) return '';
  let xml = `<row r="${number}" spans="1:${cells.length}" x14ac:dyDescent="0.25">`;
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i];
    if (value === null) continue;
    const at = `${columnLetters(i + 1)}${number}`;
    if (typeof value === 'string') xml += `<c r="${at}" t="str"><v>${xmlText(value)}</v></c>`;
    else if (typeof value === 'boolean') xml += `<c r="${at}" t="b"><v>${value ? 1 : 0}</v></c>`;
    else xml += `<c r="${at}"><v>${value}</v></c>`;
  }
  return `${xml}</row>`;
}
