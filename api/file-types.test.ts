import { DEFAULT_ATTACHMENT_TYPES, recognize } from './file-types';

const allowed = DEFAULT_ATTACHMENT_TYPES.split(',');
const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
const zip = (part: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(part)]);

describe('recognising an attachment by its content', () => {
  it('takes a file whose content is what its name promises, whatever the case of the extension', () => {
    expect(recognize('整改报告.pdf', pdf, allowed)?.contentType).toBe('application/pdf');
    expect(recognize('整改报告.PDF', pdf, allowed)?.contentType).toBe('application/pdf');
    expect(recognize('发文.ofd', zip('Doc_0/Document.xml OFD.xml'), allowed)?.contentType).toBe('application/ofd');
    expect(recognize('赋权确认书.docx', zip('word/document.xml'), allowed)?.extension).toBe('docx');
  });

  it('refuses an executable renamed .pdf, a zip that is not the format its name says, and no extension', () => {
    expect(recognize('整改报告.pdf', exe, allowed)).toBeUndefined();
    expect(recognize('赋权确认书.docx', zip('xl/workbook.xml'), allowed)).toBeUndefined();
    expect(recognize('整改报告', pdf, allowed)).toBeUndefined();
    expect(recognize('setup.exe', exe, [...allowed, 'exe'])).toBeUndefined();
  });

  it('refuses a type the configuration leaves out', () => {
    expect(recognize('整改报告.pdf', pdf, ['png'])).toBeUndefined();
  });
});
