import buildGraphQLProvider from 'ra-data-graphql-simple';
import { HttpLink } from '@apollo/client';
import { HttpError, type DataProvider } from 'react-admin';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { currentLocale } from './i18n/i18n-provider';
import { withReferences } from './provider/references';
import { schema, typeFields } from './provider/schema';

interface ServerError {
  message: string;
  extensions?: {
    code?: string;
    reason?: string;
    messages?: { zh: string; en: string };
    fieldErrors?: { field: string; rule: string; zh: string; en: string }[];
    /** A sign-in's second step is due: what to send back with the code. */
    challenge?: string;
  };
}

/** The signed-in user's token, read at each request (set by auth-provider.ts). */
export function authHeaders(): Record<string, string> {
  const token = localStorage.getItem('township.token');
  return token ? { authorization: `Bearer ${token}` } : {};
}

export const authFetch: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...authHeaders() } });

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

interface ApolloLike {
  graphQLErrors?: ServerError[];
  networkError?: { result?: { errors?: ServerError[] } };
}

/**
 * The first GraphQL error behind a failure, if any: ra-data-graphql wraps Apollo's error as the
 * body of an HttpError; a raw response has it at the top.
 */
function serverErrorOf(error: unknown): ServerError | undefined {
  const e = error as ApolloLike & { body?: ApolloLike };
  for (const source of [e, e?.body]) {
    const found = source?.graphQLErrors?.[0] ?? source?.networkError?.result?.errors?.[0];
    if (found) return found;
  }
  return undefined;
}

/**
 * Turns the API's error contract into what react-admin understands: BAD_USER_INPUT becomes
 * `body.errors` keyed by field, which a form shows under each input; CONFLICT keeps its reason so
 * an edit page can offer to reload. Messages come in the user's language.
 */
export function toHttpError(error: unknown): unknown {
  const server = serverErrorOf(error);
  if (!server) return error;
  const lang = currentLocale();
  const ext = server.extensions ?? {};
  const message = ext.messages?.[lang] ?? server.message;
  const body: Record<string, unknown> = { code: ext.code, reason: ext.reason };
  if (ext.challenge) body.challenge = ext.challenge;
  if (ext.fieldErrors?.length) {
    body.errors = {
      ...Object.fromEntries(ext.fieldErrors.map((f) => [f.field, f[lang]])),
      root: { serverError: message },
    };
  }
  return new HttpError(message, STATUS[ext.code ?? ''] ?? 500, body);
}

/**
 * The API answers a variable it cannot read (a value of the wrong type) with HTTP 400 and the same
 * error contract, field errors and all; Apollo makes that a network error, whose body
 * ra-data-graphql drops, and the form would show only "status code 400". Read as the GraphQL
 * errors it carries, it reaches the form like any refusal: under its field.
 */
const readableErrorsFetch: typeof fetch = async (input, init) => {
  const res = await authFetch(input, init);
  if (res.status !== 400 || !res.headers.get('content-type')?.includes('json')) return res;
  const text = await res.text();
  let body: { errors?: unknown[]; data?: unknown } | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const carriesErrors = Array.isArray(body?.errors) && body.errors.length > 0 && body.data == null;
  return new Response(text, { status: carriesErrors ? 200 : res.status, statusText: res.statusText, headers: res.headers });
};

export async function buildDataProvider(uri = '/graphql'): Promise<DataProvider> {
  const stock: DataProvider = await buildGraphQLProvider({
    clientOptions: { link: new HttpLink({ uri, fetch: readableErrorsFetch }) },
    introspection: { schema },
    bulkActionsEnabled: true,
  });
  const provider = withReferences(stock, typeFields);
  return new Proxy(provider, {
    get(target, name) {
      const method = (target as unknown as Record<string | symbol, unknown>)[name];
      if (typeof method !== 'function') return method;
      return (...args: unknown[]) =>
        Promise.resolve((method as (...a: unknown[]) => Promise<unknown>).apply(target, args)).catch((e) => {
          throw toHttpError(e);
        });
    },
  });
}

const printed = new WeakMap<object, string>();

/**
 * A query the generic screens build from the generated metadata (a record's reverse relations):
 * its fields come from schema.graphql through the codegen, not from a hand-written string.
 */
export async function graphqlFromMetadata<TData>(query: string, variables: Record<string, unknown>): Promise<TData> {
  return post<TData>(query, variables);
}

/** Sends a query as the signed-in user; errors come back as react-admin's, fields and all. */
async function post<TData>(query: string, variables: unknown): Promise<TData> {
  const res = await authFetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const json = (await res.json()) as { data?: TData; errors?: ServerError[] };
  if (json.errors?.length) throw toHttpError({ graphQLErrors: json.errors });
  return json.data as TData;
}

/**
 * A domain query or mutation beside the grammar (dashboard figures, completeTransfer …): one of the
 * typed documents generated from the `.graphql` files beside the screens (generated/operations.ts),
 * so its variables and its answer are typed from schema.graphql.
 */
export function graphql<TData>(document: TypedDocumentNode<TData, Record<string, never>>): Promise<TData>;
export function graphql<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Promise<TData>;
export async function graphql<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables?: TVariables): Promise<TData> {
  let query = printed.get(document);
  if (query === undefined) printed.set(document, (query = print(document)));
  return post<TData>(query, variables ?? {});
}

/** The API's largest page (`perPage` 1 to 1000). */
const LARGEST_PAGE = 1000;

/**
 * Every row of a paged list, page after page, for the screens that show a whole set at once (a
 * county catalog holds 22 streets × a few hundred items, more than one page): a page shorter than
 * asked is the last. `rows` picks the list out of each answer.
 */
export async function graphqlAllPages<TData, TVariables extends { page?: number | null; perPage?: number | null }, TRow>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: Omit<TVariables, 'page' | 'perPage'>,
  rows: (data: TData) => readonly TRow[],
): Promise<TRow[]> {
  const all: TRow[] = [];
  for (let page = 0; ; page++) {
    const batch = rows(await graphql(document, { ...variables, page, perPage: LARGEST_PAGE } as TVariables));
    all.push(...batch);
    if (batch.length < LARGEST_PAGE) return all;
  }
}
