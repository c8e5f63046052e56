// The peer: PostGraphile v5 (amber preset + connection-filter) over the bench database, as one
// Node 22 process (PostGraphile v5 needs Node 22+). Run by the bench with the Node binary of the
// `node` package installed, with PostGraphile, under bench/.peers (never a product dependency):
// its modules are resolved from PEERS_DIR, not from the repository's node_modules.
//
// Env: DATABASE_URL, PORT, POOL_SIZE, PEERS_DIR. Settings match the other two servers: one pool of
// POOL_SIZE connections, no GraphiQL, no explain, NODE_ENV=production.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const peersDir = process.env.PEERS_DIR;
if (!peersDir || !process.env.DATABASE_URL || !process.env.PORT) throw new Error('DATABASE_URL, PORT and PEERS_DIR are required');
const fromPeers = createRequire(path.join(peersDir, 'package.json'));
// Loaded by file URL: the modules live outside this file's directory tree.
const load = (name: string) => import(pathToFileURL(fromPeers.resolve(name)).href);

const { postgraphile } = await load('postgraphile');
const { PostGraphileAmberPreset } = await load('postgraphile/presets/amber');
const { makePgService } = await load('postgraphile/adaptors/pg');
const { grafserv } = await load('postgraphile/grafserv/node');
const { jsonPgSmartTags } = await load('postgraphile/utils');
const { PostGraphileConnectionFilterPreset } = await load('postgraphile-plugin-connection-filter');
const pg = (await load('pg')).default;

const port = Number(process.env.PORT);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });

// delegation_catalogs.supersedes_id is a unique self-reference: without names of our choosing,
// the forward relation and its one-to-one backward twin both inflect to
// `delegationCatalogBySupersedesId` and the schema refuses to build.
const smartTags = jsonPgSmartTags({
  version: 1,
  config: {
    class: {
      delegation_catalogs: {
        constraint: {
          delegation_catalogs_supersedes_id_delegation_catalogs_id_fk: {
            tags: { fieldName: 'supersedes', foreignFieldName: 'supersededBy' },
          },
        },
      },
    },
  },
});

const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  plugins: [smartTags],
  // By default v5 lets clients filter and sort only on indexed columns; mode, effective_to and
  // name have no index of their own, so a county exposing these lists would lift that rule.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { port, host: '127.0.0.1', graphiql: false, watch: false },
  grafast: { explain: false },
  // Relation filters express delegationsAsOf's catalog-status condition.
  schema: { connectionFilterRelations: true },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (e) => {
  console.error(e);
  process.exit(1);
});
await serv.addTo(server);
server.listen(port, '127.0.0.1', () => console.log(`postgraphile listening on ${port}`));

const stop = () => {
  server.close();
  void pgl.release().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
