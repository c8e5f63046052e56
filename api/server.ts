import 'reflect-metadata';
import http from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import { compileResponse } from './crud/compiled-response';
import { runCompiled } from './crud/compiled-statements';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import helmet from 'helmet';
import type { Context } from './context';
import { Loaders } from './crud/loaders';
import type { Database, Db } from './db';
import { formatError } from './format-error';
import { getApp } from './app';
import { config } from './config';
import { authenticate, createIdentities } from './auth/session';
import { passwordChangePlugin, passwordChangeRequired, secondFactorEnrolmentRequired } from './password-change-guard';
import { ANONYMOUS, currentActor, runAs, type Actor } from './auth/actor';
import { createRateLimiter, defaultLimits, overLimit, rateLimit, requestErrors, sendError, validationRules, type Limits } from './limits';
import { GraphQLError } from 'graphql';
import { getTableName, SQL, StringChunk } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { createDrain } from './http-drain';
import { createLoginGuard, type LoginGuard } from './login-guard';
import { queryCostPlugin } from './query-cost';
import { inputGuardPlugin } from './input-guard';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, unavailable } from './database-errors';
import { catalogDiffExport } from './export-catalog-diff';
import { caseRankingExport } from './export-case-ranking';
import { teamStandardsExport } from './export-team-standards';
import { spreadsheetRoutes } from './spreadsheet-routes';
import { publicRoutes } from './public-page';
import { attachmentRoutes } from './attachment-routes';
import { startJobs, type DailyJob, type JobOptions } from './jobs/queue';
import { AUDIT_PURGE_JOB, auditPurgeJob } from './jobs/audit-purge';
import { createMetrics } from './metrics';
import { chainUnchainedEntries } from './crud/audit-chain';
import { sealStoredSecrets } from './auth/sealed-secret';
import { purgeAuditTrail } from './resources/audit-entry/audit-entry.resolver';
import { SYSTEM } from './auth/actor';
import { IMPORT_JOB, importJobHandler } from './spreadsheets/import-job';
import { ParameterCache, withParameters } from './parameters/effective';
import { isParameterWrite } from './parameters/parameter-writes';

export interface ServerOptions {
  database: Database;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** Built admin to serve at `/`; defaults to admin/dist, then the placeholder page. */
  adminDir?: string;
  /** Overrides of the configured protective limits (tests use small ones). */
  limits?: Partial<Limits>;
  /** Background jobs: `{ work: false }` for an instance that only queues them. */
  jobs?: JobOptions;
  /** Reads answered by one compiled statement without graphql-js execution (default on; tests compare with off). */
  compiledReads?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  /**
   * Stops accepting, answers every request in flight, then stops GraphQL. The database stays open:
   * its owner closes it after this resolves.
   */
  stop(graceMs?: number): Promise<void>;
}

/** How long requests in flight may take to finish once a stop begins. */
const STOP_GRACE_MS = Number(process.env.STOP_GRACE_MS ?? 15_000);

/**
 * Security headers on every response. The admin is a built bundle with no inline script, so
 * scripts come from this server only; MUI writes its styles inline. No upgrade to https: county
 * intranets often serve plain http, and an upgrade would break every asset there.
 */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
});

/** A GraphQL answer that failed because the database is away is a 503 with Retry-After, for balancers and clients. */
/** One request's context: the records, batch loaders reading as the request's actor, the sign-in guard. */
export function requestContext(db: Db, actor: Actor = ANONYMOUS, request: { loginGuard?: LoginGuard; address?: string; userAgent?: string } = {}): Context {
  const { records } = getApp();
  return { db, records, loaders: new Loaders(db, records, actor), actor, ...request };
}

const unavailableStatus: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        if (response.body.singleResult.errors?.some((e) => e.extensions?.code === 'UNAVAILABLE')) {
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        }
      },
    };
  },
};

/** The tables whose rows say who signs a request (the same the `identity_changed` triggers watch). */
const IDENTITY_TABLES = new Set(['users', 'api_tokens', 'user_sessions', 'organizations']);

/** Does a raw statement write (its SQL text, outside the values it binds)? */
function writes(query: unknown): boolean {
  const chunks = (query as { queryChunks?: unknown[] } | null)?.queryChunks;
  if (!chunks) return typeof query === 'string' ? /\b(insert|update|delete|merge|truncate)\b/i.test(query) : true;
  return chunks.some((c) => (c instanceof StringChunk ? c.value.some((v) => /\b(insert|update|delete|merge|truncate)\b/i.test(v)) : c instanceof SQL && writes(c)));
}

/**
 * The request's database handle, telling `touched` whenever the request writes a table that says who
 * signs requests, or writes through a raw statement (whose tables it does not know).
 */
function watchingIdentityWrites(db: Db, touched: () => void): Db {
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, key) {
        const value = Reflect.get(t, key, t) as unknown;
        if (typeof value !== 'function') return value;
        if (key === 'insert' || key === 'update' || key === 'delete') {
          return (table: PgTable) => {
            if (IDENTITY_TABLES.has(getTableName(table))) touched();
            return value.call(t, table);
          };
        }
        if (key === 'execute') {
          return (query: unknown) => {
            if (writes(query)) touched();
            return value.call(t, query);
          };
        }
        if (key === 'transaction') return (fn: (tx: object) => unknown, config?: unknown) => value.call(t, (tx: object) => fn(wrap(tx)), config);
        return value.bind(t);
      },
    });
  return wrap(db);
}

/**
 * What the server keeps of one request beside its context, found by the request's database handle
 * (Apollo hands plugins a shallow copy of the context, which keeps the handle).
 */
interface RequestState {
  /** The request wrote accounts, tokens, sessions or organizations. */
  wroteIdentities: boolean;
  /** Its response, where a compiled read's text is written. */
  res: express.Response;
}
const requestStates = new WeakMap<object, RequestState>();

/**
 * This instance's own writes to accounts, tokens and sessions reach its memory of them before the
 * answer leaves: the database's notice of the change may arrive a moment after the client's next
 * request. Other writes (a delegation, a power item) keep what it knows.
 */
function forgetIdentitiesAfterWrites(forget: () => void, forgetParameters: () => void): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue }) {
          if (operation?.operation === 'mutation' && requestStates.get(contextValue.db)?.wroteIdentities) forget();
          // The same for the parameters (参数设置): the next request, here, runs with the new figure.
          if (operation && isParameterWrite(operation)) forgetParameters();
        },
      };
    },
  };
}

/**
 * The compiled fast path (api/crud/compiled-response.ts): a read made only of the grammar's reads is
 * answered by one statement that builds the whole `data` object, and graphql-js does not execute it.
 * It is an Apollo plugin hook that runs after parsing, validation (Apollo keeps validated documents
 * per document text), the input, cost and password-change checks of `didResolveOperation`, and
 * before execution; the answer then goes through `willSendResponse` and Apollo's serialization like
 * any other. Anything it cannot build, or any failure, leaves the request to graphql-js, whose
 * errors are formatted as always.
 */
function compiledReadsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ schema, document, operation, request, contextValue }) {
          // Only the operation Apollo resolved (and the cost limit counted): a name it did not find
          // (an empty one included) is graphql-js's to refuse.
          if (!operation) return null;
          const statement = compileResponse(schema, contextValue.records.models, document, operation.name?.value ?? null, request.variables, contextValue.actor);
          if (!statement) return null;
          let text: string;
          try {
            const row = await runCompiled(contextValue.db, statement);
            // An empty domain list that may be the resolver's NOT_FOUND: graphql-js answers, as without this path.
            if (row.fallback) return null;
            text = row.data;
          } catch {
            return null;
          }
          const res = requestStates.get(contextValue.db)?.res;
          // Apollo writes the answer as `{"data":"<mark>"}`; the response puts PostgreSQL's text in the
          // mark's place, unparsed. Without the response at hand, the parsed text goes as any answer.
          if (!res) return answer(JSON.parse(text));
          const mark = JSON.stringify(`compiled read ${randomUUID()}`);
          const send = res.send;
          res.send = function (this: express.Response, body?: unknown) {
            res.send = send;
            const at = typeof body === 'string' ? body.indexOf(mark) : -1;
            return send.call(this, at < 0 ? body : (body as string).slice(0, at) + text + (body as string).slice(at + mark.length));
          } as typeof res.send;
          return answer(JSON.parse(mark));
        },
      };
    },
  };
}

function answer(data: unknown): GraphQLResponse {
  return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: data as Record<string, unknown> } } };
}

const ADMIN_DIRS = [path.resolve(__dirname, '../admin/dist'), path.resolve(__dirname, '../admin/public')];

/** One server, one port: GraphQL at /graphql, health at /healthz, the public disclosure at /public, the admin at /. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  // Behind a load balancer, the address the rate limit counts is the client's, not the balancer's.
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);
  const drain = createDrain(httpServer);
  app.use(drain.track, securityHeaders);
  // Idle connections stay open longer than a load balancer's (60 s is usual) and than a client may be
  // busy between two requests (the admin's data provider digests the whole schema after introspecting
  // it), so no request is sent on a socket the server has just closed (Node's default is 5 s).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const limits = { ...defaultLimits(), ...options.limits };
  const limiter = await createRateLimiter(options.database, limits.perMinute, limits.shareEveryMs);
  // The lockout threshold and duration are parameters (参数设置) unless the caller fixed the
  // threshold (tests' small limits).
  const loginGuard = await createLoginGuard(
    options.database,
    limits,
    options.limits?.loginMaxFailures === undefined ? { maxFailures: () => config.loginMaxFailures, lockMinutes: () => config.loginLockMinutes } : undefined,
  );
  // Audit entries written before the chain existed (an upgrade) are chained at the first start.
  const chained = await chainUnchainedEntries(options.database.db);
  if (chained) console.log(`Chained ${chained} audit entries written before tamper evidence.`);
  // Second-factor secrets stored before they were sealed (an upgrade) are sealed at the first start.
  const sealed = await sealStoredSecrets(options.database.db);
  if (sealed) console.log(`Sealed the second-factor secrets of ${sealed} accounts.`);
  // The scheduled purge of the audit trail: a daily job, run once a day however many instances serve.
  const purgeAfter = config.auditPurgeAfterDays;
  const daily: Record<string, DailyJob> =
    purgeAfter === undefined
      ? {}
      : { [AUDIT_PURGE_JOB]: auditPurgeJob(() => purgeAuditTrail(options.database.db, SYSTEM, Math.max(purgeAfter, config.auditRetentionDays))) };
  // Who signs requests, kept between them; emptied on every change to accounts and tokens.
  const identities = createIdentities(false);
  const identityChanges = options.database.listen?.('identity_changed', {
    notified: () => identities.clear(),
    up: () => identities.connected(),
    down: () => identities.disconnected(),
  });
  // The rule figures an administrator changed (参数设置), kept between requests like the identities;
  // another instance's change reaches this one as a notice (a trigger on the table).
  const parameters = new ParameterCache(options.database.db, false);
  const parameterChanges = options.database.listen?.('parameters_changed', {
    notified: () => parameters.clear(),
    up: () => parameters.connected(),
    down: () => parameters.disconnected(),
  });
  const metrics = createMetrics(options.database);
  const apollo = new ApolloServer<Context>({
    schema: getApp().schema,
    introspection: true,
    validationRules: validationRules(limits),
    // Stack traces stay in the server log; clients get codes and messages only.
    includeStacktraceInErrorResponses: false,
    formatError,
    // One owner of the stop signals: api/index.ts. Apollo's own handler would call stop() a second time.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      // Its page loads an explorer from a CDN, which county networks cannot reach.
      ApolloServerPluginLandingPageDisabled(),
      inputGuardPlugin(),
      queryCostPlugin(limits.cost),
      passwordChangePlugin(),
      unavailableStatus,
      forgetIdentitiesAfterWrites(
        () => identities.clear(),
        () => parameters.clear(),
      ),
      metrics.plugin,
      ...(options.compiledReads === false ? [] : [compiledReadsPlugin()]),
    ],
  });
  await apollo.start();

  const { db } = options.database;
  app.get('/healthz', async (_req, res) => {
    if (drain.stopping) {
      res.status(503).json({ status: 'stopping' });
      return;
    }
    try {
      await db.execute('select 1');
      res.json({ status: 'ok', database: options.database.driver });
    } catch {
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      res.status(503).json({ status: 'unavailable', database: options.database.driver });
    }
  });
  app.get('/metrics', metrics.route);
  // Who is asking, for every resolver and service of this request (authorization, audit).
  // Every signed request runs with the parameters in force when it arrives (参数设置).
  const signIn = async (req: express.Request, res: express.Response, next: express.NextFunction) =>
    withParameters(await parameters.safe(), () => identify(req, res, next));
  const identify = async (req: express.Request, res: express.Response, next: express.NextFunction) => {
    let actor;
    try {
      actor = await authenticate(db, req.headers.authorization, identities);
    } catch (e) {
      if (isDatabaseUnavailable(e)) return next(unavailable());
      if (!(e instanceof GraphQLError)) return next(e);
      // A credential that does not verify costs the caller's address a request, like any other.
      if (!(await overLimit(limiter, `IP:${req.ip}`, res))) sendError(res, 401, e);
      return;
    }
    // Files (exports, imports) wait until a password that must change has changed.
    if (actor.passwordChange && req.baseUrl !== '/graphql') return sendError(res, 403, passwordChangeRequired(actor.passwordChange));
    if (actor.secondFactorEnrolment && req.baseUrl !== '/graphql') return sendError(res, 403, secondFactorEnrolmentRequired());
    runAs(actor, next);
  };
  app.use(
    '/graphql',
    express.json({ limit: limits.bodyBytes }),
    requestErrors(limits),
    signIn,
    rateLimit(limiter),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const ctx: Context = requestContext(db, currentActor(), { loginGuard, address: req.ip, userAgent: req.get('user-agent') });
        const state: RequestState = { wroteIdentities: false, res };
        ctx.db = watchingIdentityWrites(db, () => (state.wroteIdentities = true));
        requestStates.set(ctx.db, state);
        return ctx;
      },
    }),
    requestErrors(limits),
  );
  // Files beside the graph (a file of its own each).
  app.get('/export/catalog-diff', signIn, rateLimit(limiter), catalogDiffExport((actor) => requestContext(db, actor)), requestErrors(limits));
  app.get('/export/case-ranking', signIn, rateLimit(limiter), caseRankingExport((actor) => requestContext(db, actor)), requestErrors(limits));
  app.get('/export/team-standards', signIn, rateLimit(limiter), teamStandardsExport((actor) => requestContext(db, actor)), requestErrors(limits));
  const importJob = importJobHandler(db, getApp().records);
  // A job runs with the parameters in force when it starts, like a request.
  const jobs = await startJobs(
    options.database,
    { [IMPORT_JOB]: async (id, progress) => withParameters(await parameters.safe(), () => importJob(id, progress)) },
    options.jobs,
    daily,
  );
  app.use(spreadsheetRoutes(db, limiter, jobs, signIn), requestErrors(limits));
  // The public disclosure (公示): no sign-in, counted per address.
  app.use(publicRoutes(db, limiter), requestErrors(limits));
  app.use(attachmentRoutes(db, limiter, signIn), requestErrors(limits));
  const adminDir = options.adminDir ?? ADMIN_DIRS.find((d) => existsSync(path.join(d, 'index.html')));
  if (adminDir) {
    // The API explorer (GraphiQL), built with the admin and served from here: no CDN.
    app.get('/graphiql', (_req, res) => res.sendFile(path.join(adminDir, 'graphiql.html')));
    app.use(express.static(adminDir));
    // Client-side routes of the admin fall back to its page.
    app.get(/^\/(?!graphql|healthz|metrics|export\/|import\/|attachments\/).*/, (_req, res) => res.sendFile(path.join(adminDir, 'index.html')));
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '0.0.0.0', resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    async stop(graceMs = STOP_GRACE_MS) {
      await drain.stop(graceMs);
      await limiter.stop?.();
      await identityChanges?.close();
      await parameterChanges?.close();
      await apollo.stop();
      await jobs.stop(graceMs);
    },
  };
}
