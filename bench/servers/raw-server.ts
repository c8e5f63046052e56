import http from 'node:http';
import { Pool } from 'pg';

// The physical limit the ratios are measured against: Node's http module and one pg pool, no
// framework, each shape answered by ONE hand-written SQL statement that builds the response JSON
// inside PostgreSQL; Node passes the text through. Same JSON (field names, nesting, ids as strings)
// as the GraphQL servers give once their connection wrappers are taken off (see harness/shapes.ts).
//
// Env: DATABASE_URL, PORT, POOL_SIZE. Routes: GET /list?page=, /byId?id=, /filtered?recipient=&mode=,
// /search?q=, /asOf?organization=&date=&page=&perPage=, POST /update {id, description}.

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
pool.on('error', (e) => console.warn(`[raw] idle connection ended: ${e.message}`));

const PAGE = 100;

/** The JSON of one delegation as the list shapes select it. */
const delegationJson = `json_build_object(
  'id', d.id::text, 'mode', d.mode, 'effectiveFrom', d.effective_from,
  'powerItem', json_build_object('id', p.id::text, 'name', p.name, 'domain', json_build_object('id', e.id::text, 'name', e.name)),
  'recipient', json_build_object('id', o.id::text, 'name', o.name))`;
const delegationJoins = `join power_items p on p.id = d.power_item_id
  join enforcement_domains e on e.id = p.domain_id
  join organizations o on o.id = d.recipient_id`;
const listOf = (inner: string) =>
  `select coalesce(json_agg(${delegationJson} order by d.id), '[]')::text as body from (${inner}) d ${delegationJoins}`;

const SQL = {
  list: listOf('select id, mode, effective_from, power_item_id, recipient_id from delegations order by id limit $1 offset $2'),
  byId: `select ${delegationJson}::text as body from delegations d ${delegationJoins} where d.id = $1`,
  filtered: listOf(
    'select id, mode, effective_from, power_item_id, recipient_id from delegations where recipient_id = $1 and mode = $2 order by id limit $3',
  ),
  search: `select coalesce(json_agg(json_build_object('id', t.id::text, 'name', t.name, 'code', t.code) order by t.id), '[]')::text as body
    from (select id, name, code from power_items where name ilike $1 or code ilike $1 or setting_basis ilike $1 order by id limit $2) t`,
  asOf: `select coalesce(json_agg(json_build_object(
      'id', d.id::text, 'mode', d.mode, 'effectiveFrom', d.effective_from, 'effectiveTo', d.effective_to,
      'powerItem', json_build_object('id', p.id::text, 'name', p.name)) order by d.power_item_id, d.id), '[]')::text as body
    from (select d.id, d.mode, d.effective_from, d.effective_to, d.power_item_id from delegations d
          join delegation_catalogs c on c.id = d.catalog_id
          where d.recipient_id = $1 and c.status in ('PUBLISHED', 'SUPERSEDED')
            and d.effective_from <= $2 and (d.effective_to is null or d.effective_to >= $2)
          order by d.power_item_id, d.id limit $3 offset $4) d
    join power_items p on p.id = d.power_item_id`,
  update: `update power_items set description = $2, version = version + 1, updated_at = now() where id = $1
    returning json_build_object('id', id::text, 'name', name, 'description', description)::text as body`,
};

/** `%` and `_` typed by a user match literally, as in the API's `q`. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

async function answer(route: string, q: URLSearchParams, body: Record<string, unknown>): Promise<[string, string] | undefined> {
  const int = (name: string, fallback?: number) => {
    const v = q.get(name);
    const n = v === null ? fallback : Number(v);
    if (n === undefined || !Number.isInteger(n) || n < 0) throw new Error(`bad ${name}`);
    return n;
  };
  const one = async (text: string, values: unknown[]) => ((await pool.query(text, values)).rows[0]?.body as string | undefined) ?? 'null';
  switch (route) {
    case '/list':
      return ['list', await one(SQL.list, [PAGE, int('page', 0) * PAGE])];
    case '/byId':
      return ['byId', await one(SQL.byId, [int('id')])];
    case '/filtered':
      return ['filtered', await one(SQL.filtered, [int('recipient'), q.get('mode'), PAGE])];
    case '/search':
      return ['search', await one(SQL.search, [likePattern(q.get('q') ?? ''), int('perPage', 50)])];
    case '/asOf': {
      const perPage = int('perPage', PAGE);
      return ['asOf', await one(SQL.asOf, [int('organization'), q.get('date'), perPage, int('page', 0) * perPage])];
    }
    case '/update':
      return ['update', await one(SQL.update, [Number(body.id), String(body.description)])];
    default:
      return undefined;
  }
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://raw');
    let body: Record<string, unknown> = {};
    try {
      if (chunks.length) body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    answer(url.pathname, url.searchParams, body).then(
      (result) => {
        if (!result) {
          res.writeHead(404).end();
          return;
        }
        const payload = `{"data":{"${result[0]}":${result[1]}}}`;
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
        res.end(payload);
      },
      (error: Error) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: error.message }] }));
      },
    );
  });
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`raw listening on ${process.env.PORT}`));
const stop = () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
