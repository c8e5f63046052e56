import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { FieldError } from './errors';

const KNOWN_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

// `Variable "$kind" got invalid value "X"; …` — GraphQL's own coercion errors, which name the argument.
const VARIABLE_RE = /^Variable "\$([\w]+)" got invalid value (.*?); (.*)$/s;

/**
 * Shapes every error the client sees. Our own errors pass as they are; GraphQL's refusal of a
 * badly typed variable gets the same per-field shape as our validation; anything unexpected is
 * logged in full and reaches the client only as a generic message (ARCHITECTURE §9).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
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
