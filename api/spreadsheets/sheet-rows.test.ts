import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './cells';
import { columnLetters, rowXml } from './sheet-rows';

// The export writes its data rows itself: they must read exactly as exceljs's streaming writer
// writes them, text that needs escaping, characters XML cannot hold, numbers and booleans included.

const rows: Cell[][] = [
  [1, '市场 & <监管> "局"\'', null, true, false, 0, -1.5, 1e21, 'a\tb\nc\rd\x01e\x0bf\x7fg', ''],
  [null, null, null, null, null, null, null, null, null, null],
  [12345678901, '限建成区范围内；第二', 12.375, null, 'x', 0.1 + 0.2, -0, 'last', null, 'end'],
  ...Array.from({ length: 30 }, (_, i) => Array.from({ length: 10 }, (_, j): Cell => (j % 3 ? `第${i}行${j}` : i * j))),
];

/** The `<sheetData>` of a workbook whose data rows `write` writes, the zip storing it uncompressed. */
async function sheetData(write: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (b: Buffer) => parts.push(b));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true, zip: { store: true } });
  const sheet = book.addWorksheet('委托');
  sheet.columns = Array.from({ length: 10 }, (_, i) => ({ header: `列${i}`, key: `k${i}`, width: 14 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  write(sheet);
  sheet.commit();
  await book.commit();
  const text = Buffer.concat(parts).toString('utf8');
  return text.slice(text.indexOf('<sheetData>'), text.indexOf('</sheetData>'));
}

it('writes the rows exceljs writes, byte for byte', async () => {
  const theirs = await sheetData((sheet) => {
    for (const r of rows) sheet.addRow(r).commit();
  });
  const ours = await sheetData((sheet) => {
    const stream = (sheet as unknown as { stream: { write(xml: string): void } }).stream;
    rows.forEach((r, i) => stream.write(rowXml(i + 2, r)));
  });
  expect(ours).toContain('&lt;监管&gt;');
  expect(ours).toBe(theirs);
});

it('names columns as spreadsheets do', () => {
  expect([1, 26, 27, 52, 53, 702, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
});
