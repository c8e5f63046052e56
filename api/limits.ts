import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { config } from './config';
import type { Database } from './db';
import { appError, type ErrorCode } from './errors';
import { currentActor } from './auth/actor';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, unavailable } from './database-errors';
import { logFailure } from './log';
import { SharedLimiter, type RequestLimiter } from './shared-limiter';

// Protective limits: what a single request may ask for, and how often a caller may ask.
// Each refusal has its own code, so a client can tell a too-deep query from a busy one.

export interface Limits {
  depth: number;
  cost: number;
  aliases: number;
  bodyBytes: number;
  perMinute: number;
  /** How often an instance adds its request counts to the shared ones (PostgreSQL). */
  shareEveryMs: number;
  loginMaxFailures: number;
  loginMaxFailuresPerAddress: number;
  loginLockMinutes: number;
}

export const defaultLimits = (): Limits => ({
  depth: config.maxQueryDepth,
  cost: config.maxQueryCost,
  aliases: config.maxAliases,
  bodyBytes: config.maxBodyBytes,
  perMinute: config.rateLimitPerMinute,
  shareEveryMs: 1000,
  loginMaxFailures: config.loginMaxFailures,
  loginMaxFailuresPerAddress: config.loginMaxFailuresPerAddress,
  loginLockMinutes: config.loginLockMinutes,
});

function refuseWith(code: ErrorCode, zh: string, en: string) {
  return {
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null, _error: GraphQLError) => ctx?.reportError(appError(code, { zh, en }, { limit: code }))],
  };
}

/** graphql-armor's depth and alias rules, reporting in our error contract (cost: query-cost.ts). */
export function validationRules(limits: Limits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.depth, ...refuseWith('DEPTH_LIMIT', `查询嵌套不能超过 ${limits.depth} 层`, `A query may nest at most ${limits.depth} levels`) }),
    maxAliasesRule({ n: limits.aliases, ...refuseWith('ALIAS_LIMIT', `一次查询最多使用 ${limits.aliases} 个别名`, `A query may use at most ${limits.aliases} aliases`) }),
  ] as ValidationRule[];
}

/** An error answered before GraphQL runs, in the same shape GraphQL answers errors. */
export function sendError(res: Response, status: number, error: GraphQLError) {
  res.status(status).json({ errors: [{ message: error.message, extensions: error.extensions }] });
}

/**
 * Any failure before GraphQL runs (body-parser, authentication, the rate limiter's store) answered
 * in the API's error contract, never as Express's HTML page with a stack trace.
 */
export function requestErrors(limits: Limits) {
  return (err: { type?: string; status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    if ((err instanceof GraphQLError && err.extensions.code === 'UNAVAILABLE') || isDatabaseUnavailable(err)) {
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      sendError(res, 503, unavailable());
    } else if (err?.type === 'entity.too.large') {
      sendError(res, 413, appError('PAYLOAD_TOO_LARGE', { zh: `请求体不能超过 ${limits.bodyBytes} 字节`, en: `A request body may be at most ${limits.bodyBytes} bytes` }));
    } else if (err?.type === 'entity.parse.failed') {
      sendError(res, 400, appError('BAD_REQUEST', { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' }));
    } else if (err?.status && err.status >= 400 && err.status < 500) {
      sendError(res, err.status, appError('BAD_REQUEST', { zh: '请求格式不受支持', en: 'The request is not in a supported form' }));
    } else {
      logFailure('http', err);
      sendError(res, 500, appError('INTERNAL_SERVER_ERROR', { zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' }));
    }
  };
}

/**
 * A limiter per caller (user, token, or address when anonymous). On PostgreSQL the counters live
 * in the database, so every instance behind a load balancer shares them; the embedded database
 * serves one instance, whose memory holds them.
 */
export async function createRateLimiter(database: Database, perMinute: number, shareEveryMs: number): Promise<RequestLimiter & { stop?(): Promise<void> }> {
  const options = { points: perMinute, duration: 60, keyPrefix: 'graphql' };
  const store = await createCounter(database, options);
  // Counting every request in the shared table would write one hot row per caller per request.
  return database.pool ? new SharedLimiter(store, perMinute, options.duration * 1000, shareEveryMs) : store;
}

/** Counters of `points` per `duration` seconds, shared by all instances on PostgreSQL, in memory on PGlite. */
export async function createCounter(database: Database, options: { points: number; duration: number; keyPrefix: string }): Promise<RateLimiterAbstract> {
  if (!database.pool) return new RateLimiterMemory(options);
  return new Promise((resolve, reject) => {
    const limiter: RateLimiterPostgres = new RateLimiterPostgres(
      { ...options, storeClient: database.pool, storeType: 'pool', tableName: 'rate_limits', clearExpiredByTimeout: false },
      (err?: Error) => (err ? reject(err) : resolve(limiter)),
    );
  });
}

/**
 * Counts one request against `key`; when the caller has used its share, answers 429 itself and
 * returns true.
 */
export async function overLimit(limiter: RequestLimiter, key: string, res: Response): Promise<boolean> {
  try {
    await limiter.consume(key);
    return false;
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    const seconds = Math.ceil(e.msBeforeNext / 1000);
    res.setHeader('Retry-After', String(seconds));
    sendError(res, 429, appError('RATE_LIMITED', { zh: `请求过于频繁，请 ${seconds} 秒后再试`, en: `Too many requests; try again in ${seconds} s` }));
    return true;
  }
}

export function rateLimit(limiter: RequestLimiter) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const actor = currentActor();
    const key = actor?.kind === 'USER' || actor?.kind === 'TOKEN' ? `${actor.kind}:${actor.id}` : `IP:${req.ip}`;
    try {
      if (!(await overLimit(limiter, key, res))) next();
    } catch (e) {
      next(e);
    }
  };
}
