import type { Dataset } from './dataset';
import type { ServerName } from './servers';

// The reads (and one write) timed on every server. Each shape says, per server, how its i-th
// request is made (ids, pages, streets and search words rotate with i, so no server answers the
// same row over and over) and how the answer is unwrapped into the same plain JSON: PostGraphile's
// connections lose `nodes`, its `rowId`s are aliased to `id`, and ids become strings everywhere.

export const SHAPE_NAMES = ['list', 'byId', 'filtered', 'search', 'asOf', 'update'] as const;
export type ShapeName = (typeof SHAPE_NAMES)[number];

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export interface Shape {
  name: ShapeName;
  title: string;
  /** What each server is sent (GraphQL documents, raw routes), for the results file. */
  asked: Record<ServerName, string>;
  request(server: ServerName, i: number): HttpRequest;
  /** The answer as plain data, or throws with the server's errors. */
  extract(server: ServerName, json: unknown): unknown;
  /** How the servers' answers differ by design, if they do. */
  note?: string;
}

export interface ShapeOptions {
  dataset: Dataset;
  /** Our delegationsAsOf takes page/perPage; until then it answers every row. */
  asOfPaged: boolean;
}

const PAGE = 100;
const SEARCH_PAGE = 50;
const LIST_PAGES = 20;
const MODES = ['GRANTED', 'ENTRUSTED', 'DEVOLVED', 'STATIONED'];

const OURS_DELEGATION = 'id mode effectiveFrom powerItem { id name domain { id name } } recipient { id name }';
const PG_DELEGATION =
  'id: rowId mode effectiveFrom powerItem: powerItemByPowerItemId { id: rowId name domain: enforcementDomainByDomainId { id: rowId name } } recipient: organizationByRecipientId { id: rowId name }';
const OURS_AS_OF = 'id mode effectiveFrom effectiveTo powerItem { id name }';
const PG_AS_OF = 'id: rowId mode effectiveFrom effectiveTo powerItem: powerItemByPowerItemId { id: rowId name }';

const graphql = (query: string, variables: Record<string, unknown>): HttpRequest => ({
  method: 'POST',
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
});

/** Ids as strings, whatever the server's ID type. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'id' && typeof v === 'number' ? String(v) : normalize(v)]),
    );
  }
  return value;
}

function dataOf(json: unknown): Record<string, unknown> {
  const body = json as { data?: Record<string, unknown>; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`errors: ${JSON.stringify(body.errors ?? body).slice(0, 2000)}`);
  return body.data;
}

/** Takes off PostGraphile's wrappers: a connection's `nodes`, a mutation payload's record. */
function unwrap(server: ServerName, value: unknown, payloadField?: string): unknown {
  if (server !== 'postgraphile' || !value || typeof value !== 'object') return value;
  if (payloadField) return (value as Record<string, unknown>)[payloadField];
  return 'nodes' in value ? (value as { nodes: unknown }).nodes : value;
}

export function buildShapes({ dataset, asOfPaged }: ShapeOptions): Shape[] {
  const recipients = dataset.recipientIds;
  const delegationCount = dataset.delegationIds.last - dataset.delegationIds.first + 1;
  const itemCount = dataset.powerItemIds.last - dataset.powerItemIds.first + 1;
  const extract = (name: ShapeName, payloadField?: string) => (server: ServerName, json: unknown) =>
    normalize(unwrap(server, dataOf(json)[name], payloadField));

  const q = {
    list: {
      ours: `query List($page: Int!) { list: allDelegations(page: $page, perPage: ${PAGE}, sortField: "id", sortOrder: "ASC") { ${OURS_DELEGATION} } }`,
      postgraphile: `query List($offset: Int!) { list: allDelegations(first: ${PAGE}, offset: $offset, orderBy: PRIMARY_KEY_ASC) { nodes { ${PG_DELEGATION} } } }`,
    },
    byId: {
      ours: `query ById($id: ID!) { byId: Delegation(id: $id) { ${OURS_DELEGATION} } }`,
      postgraphile: `query ById($id: Int!) { byId: delegationByRowId(rowId: $id) { ${PG_DELEGATION} } }`,
    },
    filtered: {
      ours: `query Filtered($recipient: ID!, $mode: DelegationMode!) { filtered: allDelegations(perPage: ${PAGE}, sortField: "id", sortOrder: "ASC", filter: { recipientId: $recipient, mode: $mode }) { ${OURS_DELEGATION} } }`,
      postgraphile: `query Filtered($recipient: Int!, $mode: DelegationMode!) { filtered: allDelegations(first: ${PAGE}, orderBy: PRIMARY_KEY_ASC, condition: { recipientId: $recipient, mode: $mode }) { nodes { ${PG_DELEGATION} } } }`,
    },
    search: {
      ours: `query Search($q: String!) { search: allPowerItems(perPage: ${SEARCH_PAGE}, sortField: "id", sortOrder: "ASC", filter: { q: $q }) { id name code } }`,
      postgraphile: `query Search($q: String!) { search: allPowerItems(first: ${SEARCH_PAGE}, orderBy: PRIMARY_KEY_ASC, filter: { or: [{ name: { includesInsensitive: $q } }, { code: { includesInsensitive: $q } }, { settingBasis: { includesInsensitive: $q } }] }) { nodes { id: rowId name code } } }`,
    },
    asOf: {
      ours: asOfPaged
        ? `query AsOf($organization: ID!, $date: LocalDate!) { asOf: delegationsAsOf(organizationId: $organization, date: $date, page: 0, perPage: ${PAGE}) { ${OURS_AS_OF} } }`
        : `query AsOf($organization: ID!, $date: LocalDate!) { asOf: delegationsAsOf(organizationId: $organization, date: $date) { ${OURS_AS_OF} } }`,
      postgraphile: `query AsOf($organization: Int!, $date: Date!) { asOf: allDelegations(first: ${PAGE}, orderBy: [POWER_ITEM_ID_ASC, PRIMARY_KEY_ASC], filter: { recipientId: { equalTo: $organization }, effectiveFrom: { lessThanOrEqualTo: $date }, or: [{ effectiveTo: { isNull: true } }, { effectiveTo: { greaterThanOrEqualTo: $date } }], delegationCatalogByCatalogId: { status: { in: [PUBLISHED, SUPERSEDED] } } }) { nodes { ${PG_AS_OF} } } }`,
    },
    update: {
      ours: `mutation Update($id: ID!, $description: String) { update: updatePowerItem(id: $id, description: $description) { id name description } }`,
      postgraphile: `mutation Update($id: Int!, $description: String) { update: updatePowerItemByRowId(input: { rowId: $id, powerItemPatch: { description: $description } }) { powerItem { id: rowId name description } } }`,
    },
  };

  const listPage = (i: number) => i % LIST_PAGES;
  const delegationId = (i: number) => dataset.delegationIds.first + ((i * 7919) % delegationCount);
  const recipient = (i: number) => recipients[i % recipients.length];
  const mode = (i: number) => MODES[Math.floor(i / recipients.length) % MODES.length];
  const term = (i: number) => dataset.searchTerms[i % dataset.searchTerms.length];
  const itemId = (i: number) => dataset.powerItemIds.first + ((i * 104_729) % itemCount);
  const description = (i: number) => `基准修改 ${i}`;

  return [
    {
      name: 'list',
      title: `${PAGE} delegations, each with its power item → domain and its recipient`,
      asked: { ...q.list, raw: 'GET /list?page=' },
      request: (server, i) =>
        server === 'ours'
          ? graphql(q.list.ours, { page: listPage(i) })
          : server === 'postgraphile'
            ? graphql(q.list.postgraphile, { offset: listPage(i) * PAGE })
            : { method: 'GET', path: `/list?page=${listPage(i)}` },
      extract: extract('list'),
    },
    {
      name: 'byId',
      title: 'one delegation by id (ids rotate over the table), same fields',
      asked: { ...q.byId, raw: 'GET /byId?id=' },
      request: (server, i) =>
        server === 'ours'
          ? graphql(q.byId.ours, { id: String(delegationId(i)) })
          : server === 'postgraphile'
            ? graphql(q.byId.postgraphile, { id: delegationId(i) })
            : { method: 'GET', path: `/byId?id=${delegationId(i)}` },
      extract: extract('byId'),
    },
    {
      name: 'filtered',
      title: `delegations of one street in one mode, first ${PAGE} by id, same fields`,
      asked: { ...q.filtered, raw: 'GET /filtered?recipient=&mode=' },
      request: (server, i) =>
        server === 'ours'
          ? graphql(q.filtered.ours, { recipient: String(recipient(i)), mode: mode(i) })
          : server === 'postgraphile'
            ? graphql(q.filtered.postgraphile, { recipient: recipient(i), mode: mode(i) })
            : { method: 'GET', path: `/filtered?recipient=${recipient(i)}&mode=${mode(i)}` },
      extract: extract('filtered'),
    },
    {
      name: 'search',
      title: `\`q\` search on power items (substring of name, code or setting basis, case-insensitive), first ${SEARCH_PAGE} by id`,
      asked: { ...q.search, raw: 'GET /search?q=' },
      request: (server, i) =>
        server === 'raw'
          ? { method: 'GET', path: `/search?q=${encodeURIComponent(term(i))}&perPage=${SEARCH_PAGE}` }
          : graphql(q.search[server], { q: term(i) }),
      extract: extract('search'),
    },
    {
      name: 'asOf',
      title: `delegationsAsOf: what one street held on ${dataset.asOfDate}, ordered by power item`,
      asked: { ...q.asOf, raw: 'GET /asOf?organization=&date=&page=0&perPage=100' },
      request: (server, i) =>
        server === 'raw'
          ? { method: 'GET', path: `/asOf?organization=${recipient(i)}&date=${dataset.asOfDate}&page=0&perPage=${PAGE}` }
          : graphql(q.asOf[server], { organization: server === 'ours' ? String(recipient(i)) : recipient(i), date: dataset.asOfDate }),
      extract: extract('asOf'),
      note: asOfPaged
        ? undefined
        : `ours has no page arguments on delegationsAsOf yet and answers every row for the street (${Math.min(...Object.values(dataset.asOfRows))}–${Math.max(...Object.values(dataset.asOfRows))}); PostGraphile and raw answer the first page of ${PAGE}. The check compares ours' first ${PAGE} rows.`,
    },
    {
      name: 'update',
      title: 'update one power item’s description (ids rotate), answer id, name, description',
      asked: { ...q.update, raw: 'POST /update {id, description}' },
      request: (server, i) =>
        server === 'raw'
          ? { method: 'POST', path: '/update', body: JSON.stringify({ id: itemId(i), description: description(i) }) }
          : graphql(q.update[server], { id: server === 'ours' ? String(itemId(i)) : itemId(i), description: description(i) }),
      extract: extract('update', 'powerItem'),
      note: 'ours also locks the row, validates, bumps the version and writes an audit entry in the same transaction (as every API write does); PostGraphile and raw run one UPDATE (raw bumps version and updated_at too).',
    },
  ];
}

/** The part of an answer the other servers can be compared with: ours' unpaginated asOf is cut to a page. */
export function comparable(shape: Shape, server: ServerName, data: unknown, asOfPaged: boolean): unknown {
  if (shape.name === 'asOf' && server === 'ours' && !asOfPaged && Array.isArray(data)) return data.slice(0, PAGE);
  return data;
}
