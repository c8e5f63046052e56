import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { readLines } from './read-file';

// A workbook of Chinese text is read back character for character however long it is: the sheet
// and its shared strings arrive in chunks of a few kilobytes that may end inside a character.

const names = Array.from({ length: 3000 }, (_, i) => [`${i + 1}`, `对${'违反城市市容和环境卫生管理规定'.slice(0, 1 + (i % 13))}行为的处罚（第${i + 1}项）`, i % 2 ? '全部' : '部分']);

it('reads a long sheet of inline strings without breaking a character', async () => {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (b: Buffer) => parts.push(b));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = book.addWorksheet('赋权事项');
  for (const row of names) sheet.addRow(row).commit();
  sheet.commit();
  await book.commit();
  const lines = await readLines(Buffer.concat(parts), 'xlsx');
  expect(lines.map((l) => l.cells)).toEqual(names);
});

it('reads a long table of shared strings without breaking a character', async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('赋权事项');
  for (const row of names) sheet.addRow(row);
  const lines = await readLines(new Uint8Array(await book.xlsx.writeBuffer()), 'xlsx');
  expect(lines.map((l) => l.cells)).toEqual(names);
});
