import { timingSafeEqual } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { sql } from 'drizzle-orm';
import { config } from './config';
import type { Context } from './context';
import type { Database } from './db';

// `/metrics` in Prometheus's text format: GraphQL requests and their latency by operation, errors
// by code, sign-in failures by reason, the database pool and the import queue. Not public: without
// METRICS_TOKEN the route does not exist (404); with it, a scraper sends `Authorization: Bearer
// <METRICS_TOKEN>`. A static secret rather than an account's session, which expires and would
// give the scraper an identity in the audit trail.

/** The operation a request is counted under: its first root field (a finite set: the schema's), or what went wrong before. */
function operationOf(operation: OperationDefinitionNode | undefined): string {
  const first = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  return first && first.kind === Kind.FIELD ? first.name.value : '(unparsed)';
}

/** The operations that sign in: the password, then the second factor's code. */
const SIGN_IN_STEPS = new Set(['login', 'loginSecondFactor']);

export interface Metrics {
  plugin: ApolloServerPlugin<Context>;
  route: express.RequestHandler;
}

export function createMetrics(database: Database): Metrics {
  const registers = [new Registry()];
  const [registry] = registers;
  const requests = new Counter({ name: 'graphql_requests_total', help: 'GraphQL requests answered, by operation (the first root field).', labelNames: ['operation'], registers });
  const latency = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from a GraphQL request received to its answer, by operation.',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const errors = new Counter({ name: 'graphql_errors_total', help: 'Errors in GraphQL answers, by extensions.code.', labelNames: ['code'], registers });
  const signInFailures = new Counter({ name: 'sign_in_failures_total', help: 'Refused sign-ins (login, loginSecondFactor), by reason: ACCOUNT_LOCKED, ADDRESS_LIMITED, WRONG_SECOND_FACTOR, or the error code (UNAUTHENTICATED: a wrong username or password, not told apart). A password accepted with the second factor still to come is not counted.', labelNames: ['reason'], registers });
  new Gauge({
    name: 'database_pool_connections',
    help: 'Connections of the database pool: total, idle, and requests waiting for one (PGlite: one connection).',
    labelNames: ['state'],
    registers,
    collect() {
      const pool = database.pool;
      this.set({ state: 'total' }, pool ? pool.totalCount : 1);
      this.set({ state: 'idle' }, pool ? pool.idleCount : 0);
      this.set({ state: 'waiting' }, pool ? pool.waitingCount : 0);
    },
  });
  new Gauge({
    name: 'job_queue_depth',
    help: 'Background jobs (imports) not finished, by status.',
    labelNames: ['status'],
    registers,
    async collect() {
      const { rows } = (await database.db.execute(sql`select status::text as status, count(*)::int as n from jobs where status in ('QUEUED', 'RUNNING') group by status`)) as unknown as {
        rows: { status: string; n: number }[];
      };
      this.set({ status: 'QUEUED' }, rows.find((r) => r.status === 'QUEUED')?.n ?? 0);
      this.set({ status: 'RUNNING' }, rows.find((r) => r.status === 'RUNNING')?.n ?? 0);
    },
  });

  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      const start = performance.now();
      return {
        async willSendResponse({ operation, response }) {
          const name = operationOf(operation ?? undefined);
          requests.inc({ operation: name });
          latency.observe({ operation: name }, (performance.now() - start) / 1000);
          const found = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          for (const e of found) errors.inc({ code: String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
          // Both steps of a sign-in count; a password accepted with the code still to come is not a failure.
          const reason = String(found[0]?.extensions?.reason ?? found[0]?.extensions?.code ?? 'UNKNOWN');
          if (SIGN_IN_STEPS.has(name) && found.length && reason !== 'SECOND_FACTOR_REQUIRED') signInFailures.inc({ reason });
        },
      };
    },
  };

  const route: express.RequestHandler = async (req, res) => {
    const secret = config.metricsToken;
    if (!secret) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    const given = Buffer.from(/^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '');
    const expected = Buffer.from(secret);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.status(401).set('www-authenticate', 'Bearer').type('text/plain').send('Unauthorized');
      return;
    }
    res.type(registry.contentType).send(await registry.metrics());
  };
  return { plugin, route };
}
