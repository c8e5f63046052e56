import 'reflect-metadata';
import http from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { createContext, type Context } from './context';
import type { Database } from './db';
import { formatError } from './format-error';
import { models } from './registry';
import { getSchema } from './schema';
import { config } from './config';
import { authenticate } from './auth/session';
import { currentActor, runAs } from './auth/actor';
import { createRateLimiter, defaultLimits, overLimit, rateLimit, requestErrors, sendError, validationRules, type Limits } from './limits';
import { GraphQLError } from 'graphql';

export interface ServerOptions {
  database: Database;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** Built admin to serve at `/`; defaults to admin/dist, then the placeholder page. */
  adminDir?: string;
  /** Overrides of the configured protective limits (tests use small ones). */
  limits?: Partial<Limits>;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const ADMIN_DIRS = [path.resolve(__dirname, '../admin/dist'), path.resolve(__dirname, '../admin/public')];

/** One server, one port: GraphQL at /graphql, health at /healthz, the admin at / (ARCHITECTURE §1). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = express();
  // Behind a load balancer, the address the rate limit counts is the client's, not the balancer's.
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);
  // Idle connections stay open longer than a load balancer's (60 s is usual) and than a client may be
  // busy between two requests (the admin's data provider digests the whole schema after introspecting
  // it), so no request is sent on a socket the server has just closed (Node's default is 5 s).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const limits = { ...defaultLimits(), ...options.limits };
  const limiter = await createRateLimiter(options.database, limits.perMinute);
  const apollo = new ApolloServer<Context>({
    schema: getSchema(),
    introspection: true,
    validationRules: validationRules(limits),
    // Stack traces stay in the server log; clients get codes and messages only.
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();

  const { db } = options.database;
  app.get('/healthz', async (_req, res) => {
    try {
      await db.execute('select 1');
      res.json({ status: 'ok', database: options.database.driver });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: limits.bodyBytes }),
    requestErrors(limits),
    // Who is asking, for every resolver and service of this request (authorization, audit).
    async (req: express.Request, res: express.Response, next: express.NextFunction) => {
      let actor;
      try {
        actor = await authenticate(db, req.headers.authorization);
      } catch (e) {
        if (!(e instanceof GraphQLError)) return next(e);
        // A credential that does not verify costs the caller's address a request, like any other.
        if (!(await overLimit(limiter, `IP:${req.ip}`, res))) sendError(res, 401, e);
        return;
      }
      runAs(actor, next);
    },
    rateLimit(limiter),
    expressMiddleware(apollo, { context: async () => createContext(db, models, currentActor()) }),
    requestErrors(limits),
  );
  const adminDir = options.adminDir ?? ADMIN_DIRS.find((d) => existsSync(path.join(d, 'index.html')));
  if (adminDir) {
    app.use(express.static(adminDir));
    // Client-side routes of the admin fall back to its page.
    app.get(/^\/(?!graphql|healthz).*/, (_req, res) => res.sendFile(path.join(adminDir, 'index.html')));
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '0.0.0.0', resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    // Apollo's drain plugin closes the HTTP server and waits for requests in flight.
    stop: () => apollo.stop(),
  };
}
