import type express from 'express';
import { graphql } from 'graphql';
import { getApp } from './app';
import { currentActor, type Actor } from './auth/actor';
import type { Context } from './context';
import { RETRY_AFTER_SECONDS } from './database-errors';
import { appError } from './errors';
import { sendError } from './limits';

// What the server's file exports share: each answers a query through the schema itself, as the
// requester, so whoever may not read the query (anonymous callers, tokens without its scopes) may
// not download the file either, with the same codes; and each takes `lang=zh|en`.

export type Lang = 'zh' | 'en';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400, UNAVAILABLE: 503 };

/** The `lang` parameter (zh by default); undefined after answering 400 when it is neither zh nor en. */
export function exportLang(req: express.Request, res: express.Response): Lang | undefined {
  if (req.query.lang !== undefined && req.query.lang !== 'zh' && req.query.lang !== 'en') {
    sendError(res, 400, appError('BAD_USER_INPUT', { zh: 'lang 应为 zh 或 en', en: 'lang must be zh or en' }, { fieldErrors: [{ field: 'lang', rule: 'enum', zh: 'lang 应为 zh 或 en', en: 'lang must be zh or en' }] }));
    return undefined;
  }
  return req.query.lang === 'en' ? 'en' : 'zh';
}

/**
 * Runs `source` as the signed-in requester. Its data, or undefined once a refusal was answered with
 * the query's own code (an unexpected error goes to `next`).
 */
export async function queryForExport<T>(
  contextFor: (actor: Actor) => Context,
  source: string,
  variableValues: Record<string, unknown>,
  res: express.Response,
  next: express.NextFunction,
): Promise<T | undefined> {
  const result = await graphql({ schema: getApp().schema, source, variableValues, contextValue: contextFor(currentActor()!) });
  const error = result.errors?.[0];
  if (!error) return result.data as T;
  const code = String(error.extensions?.code ?? '');
  if (!STATUS[code]) {
    next(error.originalError ?? error);
    return undefined;
  }
  if (code === 'UNAVAILABLE') res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  sendError(res, STATUS[code], error);
  return undefined;
}
