import express, { type NextFunction, type Request, type Response } from 'express';
import busboy from 'busboy';
import { GraphQLError, coerceInputValue, isInputObjectType } from 'graphql';
import { getApp } from './app';
import type { RequestLimiter } from './shared-limiter';
import { currentActor, type Actor } from './auth/actor';
import type { Db } from './db';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, unavailable } from './database-errors';
import { appError, badInput, forbidden, loginRequired, tokensReadOnly, type FieldError } from './errors';
import { writeScope } from './crud/authorize';
import { offersWrite } from './crud/resource';
import { createJob } from './jobs/job-store';
import type { JobQueue } from './jobs/queue';
import { IMPORT_JOB } from './spreadsheets/import-job';
import type { FileFormat } from './spreadsheets/read-file';
import { checkListRead } from './read-guard';
import { exportRows, type ExportRequest } from './spreadsheets/export';
import { asDownload, SPREADSHEET_TYPES } from './spreadsheets/download';
import { rateLimit, sendError } from './limits';
import { logFailure } from './log';

// The spreadsheet endpoints beside /graphql: `GET /export/<Type>` streams a record's list as a
// workbook or CSV file. They answer in the API's error contract (`errors[0].extensions.code`), with
// the HTTP status a download manager understands. `POST /import/<Type>` takes a file and answers
// 202 with the id of the job that imports it.

const STATUS: Record<string, number> = { PAYLOAD_TOO_LARGE: 413, BAD_REQUEST: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404, CONFLICT: 409, UNAVAILABLE: 503 };

/** Answers a route's failure in the API's error contract (the attachment routes answer the same way). */
export function fail(res: Response, error: unknown): void {
  if (res.headersSent) {
    // Half a file is worse than none: the client sees the download break.
    logFailure('download (after the file had started)', error);
    res.destroy();
    return;
  }
  if (isDatabaseUnavailable(error)) {
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    sendError(res, 503, unavailable());
  } else if (error instanceof GraphQLError) {
    sendError(res, STATUS[String(error.extensions.code)] ?? 400, error);
  } else {
    logFailure(`${res.req.method} ${res.req.path}`, error);
    sendError(res, 500, appError('INTERNAL_SERVER_ERROR', { zh: '服务器内部错误', en: 'Internal server error' }));
  }
}

/** A query parameter given once, as text. */
function param(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' ? v : undefined;
}

/**
 * The `filter` parameter: JSON, checked against the record's GraphQL filter type exactly as
 * `allXs(filter:)` would be (unknown keys, wrong types and enum values refused by field).
 */
function parseFilter(typeName: string, text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badInput([{ field: 'filter', rule: 'json', zh: '筛选条件应为 JSON 对象', en: 'filter must be a JSON object' }]);
  }
  const type = getApp().schema.getType(`${typeName}Filter`);
  if (!isInputObjectType(type)) throw new Error(`${typeName}Filter is missing from the schema`);
  const errors: FieldError[] = [];
  const known = type.getFields();
  const coerced = coerceInputValue(value, type, (path, _invalid, error) => {
    // An unknown key is reported at the filter itself; name it.
    const unknown = !path.length && value && typeof value === 'object' ? Object.keys(value).find((k) => !(k in known)) : undefined;
    const field = ['filter', ...path, ...(unknown ? [unknown] : [])].join('.');
    errors.push({ field, rule: 'type', zh: `筛选条件 ${field} 无效：${error.message}`, en: `Filter ${field} is invalid: ${error.message}` });
  });
  if (errors.length) throw badInput(errors);
  return coerced as Record<string, unknown>;
}

function oneOf<T extends string>(req: Request, name: string, allowed: readonly T[], fallback: T): T {
  const v = param(req, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(v)) {
    throw badInput([{ field: name, rule: 'enum', zh: `${name} 应为 ${allowed.join(' 或 ')}`, en: `${name} must be ${allowed.join(' or ')}` }]);
  }
  return v as T;
}

/** The largest file an import takes (a catalog of thousands of items is a few megabytes). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

function formatOf(contentType: string, fileName?: string): FileFormat | undefined {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === SPREADSHEET_TYPES.xlsx || /\.xlsx$/i.test(fileName ?? '')) return 'xlsx';
  if (type === 'text/csv' || /\.csv$/i.test(fileName ?? '')) return 'csv';
  return undefined;
}

const tooLarge = () => appError('PAYLOAD_TOO_LARGE', { zh: `文件不能超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`, en: `A file may be at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB` });
const unsupported = () =>
  appError('BAD_REQUEST', {
    zh: '请上传 .xlsx 或 .csv 文件（请求体为文件本身，或 multipart 的 file 字段）',
    en: 'Send an .xlsx or .csv file (as the body, or as the multipart field "file")',
  });

/** The body as bytes, up to the limit. */
async function readBody(req: Request, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The `file` field of a multipart form, with its name. */
function readMultipart(req: Request): Promise<{ bytes: Buffer; fileName: string; mimeType: string }> {
  return new Promise((resolve, reject) => {
    let form: busboy.Busboy;
    try {
      form = busboy({ headers: req.headers, limits: { files: 1, fileSize: IMPORT_MAX_BYTES } });
    } catch {
      reject(unsupported());
      return;
    }
    let found: Promise<{ bytes: Buffer; fileName: string; mimeType: string }> | undefined;
    form.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        return;
      }
      found = new Promise((done, fail) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('limit', () => fail(tooLarge()));
        stream.on('end', () => done({ bytes: Buffer.concat(chunks), fileName: info.filename ?? '', mimeType: info.mimeType }));
      });
    });
    form.on('error', () => reject(unsupported()));
    form.on('close', () => (found ? found.then(resolve, reject) : reject(unsupported())));
    req.pipe(form);
  });
}

/** May this caller import into the record at all? Each row is still authorized as it is written. */
function assertMayImport(actor: Actor, model: { label: { zh: string; en: string } } & Parameters<typeof writeScope>[1]): void {
  if (actor.kind === 'TOKEN') throw tokensReadOnly();
  if (actor.kind !== 'USER') throw loginRequired();
  // A record written only through its domain operations (an API token) is not imported either.
  if (writeScope(actor, model) === 'NONE' || !offersWrite(model.definition, 'create')) {
    throw forbidden(`您的账号不能修改${model.label.zh}，因此不能导入`, `Your account may not change ${model.label.en} records, so it cannot import them`);
  }
}

/** `signIn` is the server's: who is asking, exactly as for /graphql. */
export function spreadsheetRoutes(db: Db, limiter: RequestLimiter, queue: JobQueue, signIn: express.RequestHandler): express.Router {
  const router = express.Router();

  // A path that names no record is someone else's (GET /export/catalog-diff).
  const known = (req: Request, _res: Response, next: NextFunction) => next(getApp().records.named(req.params.type as string) ? undefined : 'router');

  router.get('/export/:type', known, signIn, rateLimit(limiter), async (req: Request, res: Response) => {
    const actor = currentActor()!;
    try {
      const { records } = getApp();
      const { model } = records.named(req.params.type as string)!;
      const format = oneOf(req, 'format', ['xlsx', 'csv'] as const, 'xlsx');
      const lang = oneOf(req, 'lang', ['zh', 'en'] as const, 'zh');
      const filter = parseFilter(model.name, param(req, 'filter'));
      const sortField = param(req, 'sortField');
      const sortOrder = param(req, 'sortOrder');
      const { maskPersonal } = checkListRead(records, actor, model.name, { filter, sortField });
      const request: ExportRequest = { model, filter, sortField, sortOrder, lang, format, maskPersonal, actor };
      // Checked before the first byte, so a bad sort is an error answer, not a broken file.
      res.status(200);
      res.setHeader('Cache-Control', 'no-store');
      asDownload(res, format, `${model.label[lang]}.${format}`);
      await exportRows(db, records, request, res);
    } catch (e) {
      fail(res, e);
    }
  });

  router.post('/import/:type', known, signIn, rateLimit(limiter), async (req: Request, res: Response) => {
    const actor = currentActor()!;
    try {
      const { model } = getApp().records.named(req.params.type as string)!;
      assertMayImport(actor, model);
      const dryRun = oneOf(req, 'dryRun', ['true', 'false'] as const, 'true') === 'true';
      // Any other parameter naming a field gives it a value for every line that leaves it empty.
      const parameters = Object.fromEntries(
        Object.entries(req.query).filter(([k, v]) => k !== 'dryRun' && typeof v === 'string' && model.byKey.get(k)?.writable),
      ) as Record<string, string>;
      const contentType = req.headers['content-type'] ?? '';
      let file: { bytes: Buffer; fileName?: string; format?: FileFormat };
      if (contentType.startsWith('multipart/form-data')) {
        const part = await readMultipart(req);
        file = { ...part, format: formatOf(part.mimeType, part.fileName) };
      } else {
        file = { format: formatOf(contentType), bytes: await readBody(req, IMPORT_MAX_BYTES) };
      }
      if (!file.format) throw unsupported();
      if (!file.bytes.length) throw badInput([{ field: 'file', rule: 'required', zh: '文件为空', en: 'The file is empty' }]);
      const job = await createJob(db, {
        kind: IMPORT_JOB,
        resource: model.name,
        dryRun,
        fileName: file.fileName?.slice(0, 200) ?? null,
        format: file.format,
        file: file.bytes,
        parameters,
        actorId: actor.id,
        actor: { kind: actor.kind, id: actor.id, name: actor.name, role: actor.role, organizationId: actor.organizationId, local: actor.local },
      });
      await queue.enqueue(IMPORT_JOB, job.id);
      res.status(202).json({ jobId: String(job.id) });
    } catch (e) {
      fail(res, e);
    }
  });

  return router;
}
