import express, { type NextFunction, type Request, type Response } from 'express';
import { GraphQLError, coerceInputValue, isInputObjectType } from 'graphql';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { getApp } from './app';
import { authenticate } from './auth/session';
import { runAs, type Actor } from './auth/actor';
import type { Db } from './db';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, unavailable } from './database-errors';
import { appError, badInput, type FieldError } from './errors';
import { checkListRead } from './read-guard';
import { exportRows, type ExportRequest } from './spreadsheets/export';
import { rateLimit, sendError } from './limits';
import { logFailure } from './log';

// The spreadsheet endpoints beside /graphql: `GET /export/<Type>` streams a record's list as a
// workbook or CSV file. They answer in the API's error contract (`errors[0].extensions.code`), with
// the HTTP status a download manager understands.

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404, CONFLICT: 409, UNAVAILABLE: 503 };

function fail(res: Response, error: unknown): void {
  if (res.headersSent) {
    // Half a file is worse than none: the client sees the download break.
    logFailure('export (after the file had started)', error);
    res.destroy();
    return;
  }
  if (isDatabaseUnavailable(error)) {
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    sendError(res, 503, unavailable());
  } else if (error instanceof GraphQLError) {
    sendError(res, STATUS[String(error.extensions.code)] ?? 400, error);
  } else {
    logFailure('spreadsheets', error);
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

/** `filename*` so a Chinese file name survives every browser. */
function attachment(res: Response, name: string): void {
  res.setHeader('Content-Disposition', `attachment; filename="export"; filename*=UTF-8''${encodeURIComponent(name)}`);
}

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export function spreadsheetRoutes(db: Db, limiter: RateLimiterAbstract): express.Router {
  const router = express.Router();

  // Who is asking, as for /graphql; then the same rate limit.
  const signIn = async (req: Request, res: Response, next: NextFunction) => {
    // A path that names no record is someone else's (GET /export/catalog-diff).
    if (!getApp().records.named(req.params.type as string)) return next('router');
    try {
      const actor = await authenticate(db, req.headers.authorization);
      res.locals.actor = actor;
      runAs(actor, next);
    } catch (e) {
      fail(res, e);
    }
  };

  router.get('/export/:type', signIn, rateLimit(limiter), async (req: Request, res: Response) => {
    const actor = res.locals.actor as Actor;
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
      res.setHeader('Content-Type', CONTENT_TYPES[format]);
      res.setHeader('Cache-Control', 'no-store');
      attachment(res, `${model.label[lang]}.${format}`);
      await exportRows(db, records, request, res);
    } catch (e) {
      fail(res, e);
    }
  });

  return router;
}
