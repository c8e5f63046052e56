import type { ErrorCode } from '../../api/errors';
import { call } from './operations';
import { dbFingerprint, type GqlResponse, type TestServer } from './test-server';

// What the suites expect of a refusal, in one place: one error with a stable `extensions.code`, its
// message in Chinese and in English, one entry per bad field (each in both languages) for bad input,
// no internals, and nothing written.

type GqlError = NonNullable<GqlResponse['errors']>[number];

/** A message as the API words it for people: Chinese, and English beside it. */
export function expectBilingual(messages: unknown): void {
  expect(messages).toEqual({ zh: expect.stringMatching(/[\u4e00-\u9fff]/), en: expect.stringMatching(/[A-Za-z]/) });
}

/** The single error of a response, failing the test when there is none or several. */
export function onlyError(res: GqlResponse): GqlError {
  if (!res.errors || res.errors.length !== 1) {
    throw new Error(`Expected exactly one error, got ${JSON.stringify(res.errors ?? res.data)}`);
  }
  // Internals (stack traces, SQL) never reach a client.
  expect(res.errors[0].extensions?.stacktrace).toBeUndefined();
  expect(res.errors[0].message).not.toMatch(/select |insert |update "|delete from/i);
  return res.errors[0];
}

/** The single error of a response, with this code and its message in both languages. */
export function refusal(res: GqlResponse, code: ErrorCode): GqlError {
  const error = onlyError(res);
  expect(error.extensions?.code).toBe(code);
  expectBilingual(error.extensions?.messages);
  return error;
}

/** The fields named in a BAD_USER_INPUT error, with their rules; each field's message in both languages. */
export function fieldErrors(res: GqlResponse): Record<string, string> {
  const error = onlyError(res);
  if (error.extensions?.code !== 'BAD_USER_INPUT') {
    throw new Error(`Expected BAD_USER_INPUT, got ${error.extensions?.code}: ${error.message}`);
  }
  const out: Record<string, string> = {};
  for (const e of error.extensions.fieldErrors as { field: string; rule: string; zh: string; en: string }[]) {
    expectBilingual({ zh: e.zh, en: e.en });
    out[e.field] = e.rule;
  }
  return out;
}

/** The `extensions.code` of a response's first error, if any. */
export const errorCode = (res: GqlResponse): string | undefined => res.errors?.[0]?.extensions?.code;

/** Runs `act` and shows it wrote nothing: every row of every table as it was. Returns what `act` returned. */
export async function nothingWritten<T>(server: TestServer, act: () => Promise<T>): Promise<T> {
  const before = await dbFingerprint(server);
  const out = await act();
  expect(await dbFingerprint(server)).toEqual(before);
  return out;
}

/**
 * Calls a root field that must be refused, and shows the refusal wrote nothing: no answer, and
 * every table as it was. Returns the response for the caller to check the error.
 */
export async function refused(server: TestServer, field: string, args: Record<string, unknown>): Promise<GqlResponse<Record<string, any>>> {
  return nothingWritten(server, async () => {
    const res = await call(server, field, args);
    expect(res.data?.[field] ?? null).toBeNull();
    return res;
  });
}
