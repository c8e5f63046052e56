import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { FieldError } from './errors';
import { databaseRefusal, isDatabaseUnavailable, unavailable } from './database-errors';
import { logFailure } from './log';

const KNOWN_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

// `Variable "$kind" got invalid value "X"; …` — GraphQL's own coercion errors, which name the argument.
const VARIABLE_RE = /^Variable "\$([\w]+)" got invalid value (.*?); (.*)$/s;

/**
 * Shapes every error the client sees. Our own errors pass as they are; GraphQL's refusal of a
 * badly typed variable gets the same per-field shape as our validation; anything unexpected is
 * logged in full and reaches the client only as a generic message.
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
  const fromDatabase = databaseRefusal(original) ?? (isDatabaseUnavailable(original) ? unavailable() : undefined);
  if (fromDatabase) return { ...formatted, message: fromDatabase.message, extensions: fromDatabase.extensions };
  if (original instanceof GraphQLError && original.extensions?.code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
  logFailure('graphql', original);
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
