import { GraphQLError } from 'graphql';
import type { Label } from '../drizzle/schema/columns';

/**
 * The error contract: every refusal carries a stable `extensions.code`, a message
 * in both languages, and, for bad input, one entry per field so a form can show it under the input.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'DEPTH_LIMIT'
  | 'COST_LIMIT'
  | 'ALIAS_LIMIT'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'BAD_REQUEST'
  | 'UNAVAILABLE'
  /** The sync feed cannot continue from the cursor (a restore, a purge): start over from a full read. */
  | 'SYNC_RESTART'
  | 'INTERNAL_SERVER_ERROR';

/** Why a CONFLICT happened, so a client can react (reload, remove references, leave a published record). */
export type ConflictReason = 'STALE_VERSION' | 'REFERENCED' | 'LOCKED' | 'STATE';

export interface FieldError {
  /** Argument name as sent by the client (`name`, `recipientId`, `filter.name_gte`). */
  field: string;
  /** Stable rule name: required, maxLength, enum, unique, range, reference, … */
  rule: string;
  zh: string;
  en: string;
}

function bilingual(label: Label): string {
  return `${label.zh} / ${label.en}`;
}

export function appError(code: ErrorCode, message: Label, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(bilingual(message), {
    extensions: { code, messages: { zh: message.zh, en: message.en }, ...extensions },
  });
}

export function badInput(fieldErrors: FieldError[]): GraphQLError {
  const zh = fieldErrors.map((e) => e.zh).join('；');
  const en = fieldErrors.map((e) => e.en).join('; ');
  return appError('BAD_USER_INPUT', { zh: `输入有误：${zh}`, en: `Invalid input: ${en}` }, { fieldErrors });
}

export function notFound(resource: Label, id: string | number): GraphQLError {
  return appError(
    'NOT_FOUND',
    { zh: `${resource.zh}（编号 ${id}）不存在`, en: `${resource.en} with id ${id} does not exist` },
    { id: String(id) },
  );
}

export function conflict(reason: ConflictReason, message: Label, extra: Record<string, unknown> = {}): GraphQLError {
  return appError('CONFLICT', message, { reason, ...extra });
}

/** Collects field errors and throws them together, so a form learns of every problem at once. */
export class FieldErrors {
  readonly list: FieldError[] = [];
  add(field: string, rule: string, zh: string, en: string): void {
    if (!this.list.some((e) => e.field === field && e.rule === rule)) this.list.push({ field, rule, zh, en });
  }
  has(field?: string): boolean {
    return field === undefined ? this.list.length > 0 : this.list.some((e) => e.field === field);
  }
  throwIfAny(): void {
    if (this.list.length) throw badInput(this.list);
  }
}

export function forbidden(zh: string, en: string) {
  return appError('FORBIDDEN', { zh, en });
}

export const loginRequired = () => appError('UNAUTHENTICATED', { zh: '请先登录', en: 'Sign in first' });

export const tokensReadOnly = () => forbidden('API 令牌只能读取数据', 'API tokens are read-only');
