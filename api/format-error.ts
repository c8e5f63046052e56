import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { badInput, conflict, type FieldError } from './errors';

const KNOWN_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

// `Variable "$kind" got invalid value "X"; …` — GraphQL's own coercion errors, which name the argument.
const VARIABLE_RE = /^Variable "\$([\w]+)" got invalid value (.*?); (.*)$/s;

/** The PostgreSQL error behind a driver error (drizzle wraps it as `cause`). */
function pgCode(error: unknown): { code?: string; constraint?: string } {
  for (let e = error as { code?: unknown; cause?: unknown; constraint?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return { code: e.code, constraint: e.constraint as string | undefined };
  }
  return {};
}

/**
 * The database is the last line of defence: the rules check uniqueness and references first,
 * but two transactions racing past those checks meet the constraints instead. That is the
 * client's conflict, not a server fault, so it gets the same codes as the rules.
 */
function databaseRefusal(error: unknown): GraphQLError | undefined {
  const { code, constraint } = pgCode(error);
  if (code === '23505') {
    return badInput([{ field: constraint ?? 'record', rule: 'unique', zh: '与已有记录重复', en: 'Duplicates an existing record' }]);
  }
  if (code === '23503') {
    return conflict('REFERENCED', { zh: '记录仍被引用或所引用的记录不存在', en: 'The record is still referenced, or refers to a record that no longer exists' });
  }
  if (code === '40001' || code === '40P01') {
    return conflict('STALE_VERSION', { zh: '与他人的修改同时发生，请重试', en: 'Collided with a simultaneous change; please retry' });
  }
  return undefined;
}

/**
 * Shapes every error the client sees. Our own errors pass as they are; GraphQL's refusal of a
 * badly typed variable gets the same per-field shape as our validation; anything unexpected is
 * logged in full and reaches the client only as a generic message (ARCHITECTURE §9).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // A protective limit refuses during validation, where Apollo labels every error
  // GRAPHQL_VALIDATION_FAILED; the limit's own code is kept beside it and restored here.
  const limit = formatted.extensions?.limit as string | undefined;
  if (limit) {
    const { limit: _limit, ...extensions } = formatted.extensions!;
    return { ...formatted, extensions: { ...extensions, code: limit } };
  }
  const code = formatted.extensions?.code as string | undefined;
  if (code === 'BAD_USER_INPUT' && !formatted.extensions?.fieldErrors) {
    const m = VARIABLE_RE.exec(formatted.message);
    if (m) {
      const fieldError: FieldError = {
        field: m[1],
        rule: 'type',
        zh: `参数 ${m[1]} 的值 ${m[2]} 不符合要求`,
        en: `${m[1]} got invalid value ${m[2]}: ${m[3]}`,
      };
      return {
        ...formatted,
        message: `输入有误：${fieldError.zh} / Invalid input: ${fieldError.en}`,
        extensions: { ...formatted.extensions, messages: { zh: fieldError.zh, en: fieldError.en }, fieldErrors: [fieldError] },
      };
    }
  }
  if (code && KNOWN_CODES.has(code)) return formatted;
  const original = unwrapResolverError(error);
  const fromDatabase = databaseRefusal(original);
  if (fromDatabase) return { ...formatted, message: fromDatabase.message, extensions: fromDatabase.extensions };
  if (original instanceof GraphQLError && original.extensions?.code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
  console.error('[graphql] internal error', original);
  return {
    message: '服务器内部错误，请稍后再试 / Internal server error; please try again later',
    path: formatted.path,
    locations: formatted.locations,
    extensions: {
      code: 'INTERNAL_SERVER_ERROR',
      messages: { zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' },
    },
  };
}
