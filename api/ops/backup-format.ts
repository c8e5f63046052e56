import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { MigrationPoint } from './migrations';

// One backup format for both databases: gzip'd JSON lines, readable with `zcat | head`.
//
//   {"kind":"header", format, formatVersion, migration, createdAt, source, tables}
//   {"kind":"table", name, key, nextId}         then each row, in key order, as {"r":{…}}
//   {"kind":"tableEnd", name, rows, sha256}     sha256 of the table's row texts, one a line
//   …
//   {"kind":"end", rows: {table: n}, sha256}    sha256 of every line before this one
//
// A row is PostgreSQL's own JSON of it (to_jsonb, timestamps in UTC), copied as text and never
// parsed here, so numbers, times and JSON columns come back exactly as they were. A file without its
// end line was cut short; gzip's checksum catches damaged bytes, ours a file put together wrongly.

export const BACKUP_FORMAT = 'township-enforcement-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  kind: 'header';
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The migration the rows were written at: a restore builds the schema up to it. */
  migration: MigrationPoint;
  createdAt: string;
  source: 'pglite' | 'postgresql';
  tables: string[];
}

export interface TableStart {
  kind: 'table';
  name: string;
  key: string;
  /** What the table's identity would hand out next, so deleted records' ids are never reused (their audit trail names them). */
  nextId: number | null;
}

export interface TableEnd {
  kind: 'tableEnd';
  name: string;
  rows: number;
  sha256: string;
}

export interface BackupEnd {
  kind: 'end';
  rows: Record<string, number>;
  sha256: string;
}

export type BackupLine = BackupHeader | TableStart | TableEnd | BackupEnd | { kind: 'row'; json: string };

const ROW_PREFIX = '{"r":';

export class BackupError extends Error {
  constructor(zh: string, en: string) {
    super(`${zh}\n${en}`);
    this.name = 'BackupError';
  }
}

/** Sha256 of a table's rows as the backup and the restored database both compute it. */
export function rowsHash(): { add(json: string): void; digest(): string } {
  const hash = createHash('sha256');
  return { add: (json) => hash.update(json).update('\n'), digest: () => hash.digest('hex') };
}

/** Writes the lines of a backup through gzip to a stream, honouring its back-pressure. */
export class BackupWriter {
  private readonly gzip = createGzip();
  private readonly whole: Hash = createHash('sha256');
  private readonly done: Promise<void>;

  constructor(private readonly out: Writable) {
    this.gzip.pipe(out);
    this.done = new Promise((resolve, reject) => {
      out.once('finish', resolve);
      out.once('close', resolve);
      out.once('error', reject);
      this.gzip.once('error', reject);
    });
    // Awaited by end(); after abort() nobody waits for it.
    this.done.catch(() => {});
  }

  async line(text: string): Promise<void> {
    this.whole.update(text).update('\n');
    if (!this.gzip.write(`${text}\n`)) await once(this.gzip, 'drain');
  }

  row(json: string): Promise<void> {
    return this.line(`${ROW_PREFIX}${json}}`);
  }

  async end(rows: Record<string, number>): Promise<void> {
    const end: BackupEnd = { kind: 'end', rows, sha256: this.whole.digest('hex') };
    this.gzip.end(`${JSON.stringify(end)}\n`);
    await this.done;
  }

  /** Gives up: the file is left without its end line, which every reader refuses. */
  abort(error: Error): void {
    this.gzip.unpipe(this.out);
    this.gzip.destroy(error);
    this.out.destroy();
  }
}

export function writeBackupFile(file: string): BackupWriter {
  // The file holds password and token hashes: readable by its owner only.
  return new BackupWriter(createWriteStream(file, { mode: 0o600 }));
}

/** The lines of a backup, parsed, with the whole-file checksum checked at the end line. */
export async function* readBackup(file: string): AsyncGenerator<BackupLine> {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  const whole = createHash('sha256');
  let first = true;
  let ended = false;
  try {
    for await (const text of lines) {
      if (ended) throw new BackupError('备份文件在结束行之后还有内容。', 'The backup file goes on after its end line.');
      if (text.startsWith(ROW_PREFIX)) {
        whole.update(text).update('\n');
        yield { kind: 'row', json: text.slice(ROW_PREFIX.length, -1) };
        continue;
      }
      let line: BackupLine;
      try {
        line = JSON.parse(text) as BackupLine;
      } catch {
        throw new BackupError('备份文件有一行不是 JSON。', 'A line of the backup file is not JSON.');
      }
      if (first) {
        const header = line as BackupHeader;
        if (header.kind !== 'header' || header.format !== BACKUP_FORMAT) {
          throw new BackupError('这不是本系统的备份文件。', 'This is not a backup file of this system.');
        }
        if (header.formatVersion > BACKUP_FORMAT_VERSION) {
          throw new BackupError(`备份格式版本 ${header.formatVersion} 比本版本新。`, `Backup format ${header.formatVersion} is newer than this release reads.`);
        }
        first = false;
      }
      if (line.kind === 'end') {
        ended = true;
        if (line.sha256 !== whole.digest('hex')) {
          throw new BackupError('备份文件的校验和不符：文件已损坏。', 'The backup file does not match its checksum: it is damaged.');
        }
      } else {
        whole.update(text).update('\n');
      }
      yield line;
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new BackupError(`找不到备份文件 ${file}。`, `No backup file at ${file}.`);
    throw new BackupError(`备份文件无法读取（${e.message}）：已损坏或不是 gzip。`, `The backup file cannot be read (${e.message}): damaged, or not gzip.`);
  }
  if (first) throw new BackupError('备份文件是空的。', 'The backup file is empty.');
  if (!ended) throw new BackupError('备份文件不完整（没有结束行）：备份中途停止了，或文件被截断。', 'The backup file is incomplete (no end line): the backup stopped midway, or the file was cut short.');
}

export interface BackupSummary {
  header: BackupHeader;
  rows: Record<string, number>;
}

/** Reads a whole backup and checks it (order of lines, each table's count and checksum, the file's checksum) without restoring. */
export async function verifyBackup(file: string): Promise<BackupSummary> {
  let header: BackupHeader | undefined;
  let table: TableStart | undefined;
  let hash = rowsHash();
  let count = 0;
  const rows: Record<string, number> = {};
  const bad = (zh: string, en: string) => new BackupError(`备份文件结构有误：${zh}`, `The backup file is malformed: ${en}`);
  for await (const line of readBackup(file)) {
    switch (line.kind) {
      case 'header':
        header = line;
        break;
      case 'table':
        if (table) throw bad(`表 ${table.name} 没有结束。`, `table ${table.name} has no end.`);
        table = line;
        hash = rowsHash();
        count = 0;
        break;
      case 'row':
        if (!table) throw bad('数据行不属于任何表。', 'a row outside any table.');
        hash.add(line.json);
        count++;
        break;
      case 'tableEnd':
        if (!table || table.name !== line.name) throw bad(`表 ${line.name} 的结束行位置不对。`, `misplaced end of table ${line.name}.`);
        if (line.rows !== count || line.sha256 !== hash.digest()) {
          throw new BackupError(`备份中表 ${line.name} 的行数或校验和不符。`, `Table ${line.name} in the backup does not match its row count or checksum.`);
        }
        rows[line.name] = count;
        table = undefined;
        break;
      case 'end':
        if (!header) throw bad('没有文件头。', 'no header.');
        if (JSON.stringify(line.rows) !== JSON.stringify(rows) || header.tables.join() !== Object.keys(rows).join()) {
          throw new BackupError('备份的表或行数与文件头、结束行不符。', 'The tables or row counts of the backup do not match its header and end line.');
        }
        break;
    }
  }
  return { header: header!, rows };
}
