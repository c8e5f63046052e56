// The kinds of file a record may keep as an attachment, recognised by their content, not by the name
// a client gives them: an .exe renamed .pdf still begins as an executable. Each type names the
// extension offices use, the media type the download is sent as, and the bytes its files begin with
// (for the zip-based formats, also a part only that format has).

export interface FileType {
  extension: string;
  contentType: string;
  /** Does the content look like a file of this type? */
  matches: (bytes: Uint8Array) => boolean;
}

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);
const PDF = (b: Uint8Array) => startsWith(b, 0x25, 0x50, 0x44, 0x46, 0x2d); // %PDF-
const PNG = (b: Uint8Array) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = (b: Uint8Array) => startsWith(b, 0xff, 0xd8, 0xff);
/** The compound file of Word 97–2003, Excel 97–2003 and WPS's own .wps and .et. */
const COMPOUND = (b: Uint8Array) => startsWith(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
/** A zip archive (Office Open XML, OFD) holding a part whose name only that format uses. */
const zipWith = (part: string) => {
  const name = Buffer.from(part);
  return (b: Uint8Array) => startsWith(b, 0x50, 0x4b, 0x03, 0x04) && Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(name);
};

export const FILE_TYPES: Record<string, FileType> = Object.fromEntries(
  (
    [
      ['pdf', 'application/pdf', PDF],
      ['ofd', 'application/ofd', zipWith('OFD.xml')],
      ['jpg', 'image/jpeg', JPEG],
      ['jpeg', 'image/jpeg', JPEG],
      ['png', 'image/png', PNG],
      ['doc', 'application/msword', COMPOUND],
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', zipWith('word/')],
      ['xls', 'application/vnd.ms-excel', COMPOUND],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', zipWith('xl/')],
      ['wps', 'application/vnd.ms-works', COMPOUND],
      ['et', 'application/vnd.ms-excel', COMPOUND],
    ] as const
  ).map(([extension, contentType, matches]) => [extension, { extension, contentType, matches }]),
);

/** What ATTACHMENT_TYPES is unless configured: every type above. */
export const DEFAULT_ATTACHMENT_TYPES = Object.keys(FILE_TYPES).join(',');

export const extensionOf = (fileName: string): string => /\.([^./\\]+)$/.exec(fileName)?.[1].toLowerCase() ?? '';

/**
 * The type of a file, when its name's extension is among the allowed ones and its content is what
 * that extension promises; otherwise undefined.
 */
export function recognize(fileName: string, bytes: Uint8Array, allowed: readonly string[]): FileType | undefined {
  const extension = extensionOf(fileName);
  const type = allowed.includes(extension) ? FILE_TYPES[extension] : undefined;
  return type?.matches(bytes) ? type : undefined;
}
