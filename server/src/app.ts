import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import helmet from 'helmet';
import type { DataSource } from 'typeorm';
import { ErrorCode, Role } from '@community-grid/shared';
import { asLoadError, formatError, logUnexpected, ServiceUnavailableError } from './core/errors';
import { jsonErrors, notFound, sendError } from './core/http-errors';
import { MAX_COUNT } from './core/list/list-options';
import { queryLimits } from './core/query-limits';
import { NoSubscriptions, requestGuards } from './core/request-guards';
import { HttpExchange, RequestContext, requestScope } from './core/request-context';
import { oneTransactionPerRequest } from './core/transactional';
import { DatabaseProbe } from './database/probe';
import { RequestConnection } from './database/request-connection';
import { authService, SESSION_COOKIE } from './modules/auth/auth.service';
import { AuthCache } from './modules/auth/auth-cache';
import { Clock, systemClock } from './core/time/clock';

export interface AppOptions {
  dataSource: DataSource;
  schema: GraphQLSchema;
  isDevelopment: boolean;
  /** NODE_ENV=production: no schema hints in error messages, no `sqlStatements`. */
  isProduction?: boolean;
  /** Report SQL statements per request in `extensions.sqlStatements` (not in production). */
  exposeQueryStats?: boolean;
  /** The built dashboard (admin/dist), served at /. */
  adminDir?: string;
  /** Express's trust proxy setting (e.g. "1" behind one load balancer). */
  trustProxy?: string;
  /** Where "today" comes from (a fixed clock in tests). */
  clock?: Clock;
  /** statement_timeout for report builders' requests, who read the whole district (the pool's own applies to everyone else). */
  reportStatementTimeoutMs?: number;
  /** The most rows a top-level list's `totalItems` counts (MAX_COUNT by default). */
  listCountCap?: number;
}

export interface App {
  server: http.Server;
  apollo: ApolloServer<RequestContext>;
  /** Who each credential belongs to, kept briefly (see AuthCache). */
  authCache: AuthCache;
  /** Stops serving (in-flight requests finish) and closes the connections the server opened for itself. */
  stop(): Promise<void>;
}

/** The HTTP server: GraphQL at /graphql, health at /healthz and /readyz. */
export const DEFAULT_ADMIN_DIR = path.resolve(__dirname, '..', '..', 'admin', 'dist');

export async function createApp({
  dataSource,
  schema,
  isDevelopment,
  isProduction = process.env.NODE_ENV === 'production',
  exposeQueryStats = !isProduction,
  adminDir = DEFAULT_ADMIN_DIR,
  trustProxy,
  reportStatementTimeoutMs,
  listCountCap = MAX_COUNT,
  clock = systemClock,
}: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  // res.send's ETag hashes every answer; the API's answers are no-store (static files keep their own ETags).
  app.set('etag', false);
  if (trustProxy) app.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);
  app.use(securityHeaders());
  const server = http.createServer(app);

  const apollo = new ApolloServer<RequestContext>({
    schema,
    includeStacktraceInErrorResponses: isDevelopment,
    formatError: (formatted, error) => formatError(formatted, error, isDevelopment),
    // Introspection is allowed in every mode, but only to signed-in callers (requestGuards).
    introspection: true,
    validationRules: [NoSubscriptions],
    // Bounds what parsing and validation may cost before the limits below are measured (a 1 MB body holds ~300,000 tokens).
    parseOptions: { maxTokens: 50_000 },
    plugins: [
      requestGuards({ isProduction }),
      queryLimits(schema),
      oneTransactionPerRequest((error) =>
        formatError({ message: error instanceof Error ? error.message : String(error) }, error, isDevelopment),
      ),
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // The hosted sandbox needs the internet; the dashboard and any GraphQL client work without it.
      ApolloServerPluginLandingPageDisabled(),
      // Answers are never cached (the route says no-store itself). Apollo's cache-control plugin would
      // wrap every field's resolver to read hints nobody gives: a third of the CPU of a large page.
      ApolloServerPluginCacheControlDisabled(),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              if (exposeQueryStats && response.body.kind === 'single') {
                response.body.singleResult.extensions = {
                  ...response.body.singleResult.extensions,
                  sqlStatements: contextValue.stats.sqlStatements,
                };
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  // Readiness asks on a connection of its own, so it answers while the pool is saturated.
  const probe = new DatabaseProbe((dataSource.options as { url: string }).url);
  // Who each credential belongs to, kept briefly and dropped when the database notifies a change.
  const authCache = new AuthCache((dataSource.options as { url: string }).url);
  await authCache
    .start()
    .catch((error) => console.warn(`Credentials will be looked up on every request: ${error instanceof Error ? error.message : error}`));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (dataSource.isInitialized && (await probe.ready())) {
      res.json({ status: 'ready' });
    } else {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  const graphql = expressMiddleware(apollo, { context: async () => requestScope.getStore()! });
  // Answers hold personal data and depend on who asks: no cache keeps them, refusals of a bad body included.
  const noStore: express.RequestHandler = (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
  app.use('/graphql', noStore, express.json({ limit: '1mb' }), async (req, res, next) => {
    const connection = new RequestConnection(dataSource, (pid) => probe.cancel(pid));
    // 'close' before the response is complete: the client went away.
    res.once('close', () => {
      if (!res.writableFinished) connection.abort();
    });
    try {
      const context = new RequestContext(dataSource, httpExchange(req, res), clock);
      context.em = connection.runner.manager;
      context.authCache = authCache;
      context.countCap = listCountCap;
      // Everything the request does, from finding its caller to SQL issued deep in loaders, runs in its context (and is counted).
      await requestScope.run(context, async () => {
        try {
          const authenticated = await authService.authenticate(
            context.em,
            {
              cookie: context.http!.cookie(SESSION_COOKIE),
              bearer: /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1],
            },
            context.today,
            authCache,
          );
          if (authenticated) {
            context.principal = authenticated.principal;
            context.scope = authenticated.scope;
            if (authenticated.principal.account.role === Role.REPORT_BUILDER && reportStatementTimeoutMs) {
              await connection.setStatementTimeout(reportStatementTimeoutMs);
            }
          }
        } catch (error) {
          // Without the database nobody can be identified: busy gets its code, anything else none of its details.
          const load = asLoadError(error);
          if (load instanceof ServiceUnavailableError) {
            res.setHeader('Retry-After', String(load.detail.retryAfterSeconds));
            sendError(res, 503, load.code, load.message, load.detail);
          } else {
            logUnexpected(error);
            sendError(res, 503, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
          }
          return;
        }
        await graphql(req, res, next);
      });
    } finally {
      await connection.release();
    }
  });

  serveDashboard(app, adminDir);
  app.use(notFound);
  app.use(jsonErrors);

  return {
    server,
    apollo,
    authCache,
    // Awaited, not left to the server's close event: nothing the server opened outlives its stop.
    stop: async () => {
      await apollo.stop();
      await Promise.all([probe.close(), authCache.close()]);
    },
  };
}

/**
 * helmet's headers on every response. The dashboard loads only its own
 * scripts; MUI writes <style> elements at run time, hence 'unsafe-inline' for
 * styles only. Nobody may frame it (clickjacking).
 */
function securityHeaders(): express.RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        'base-uri': ["'self'"],
        // Served over plain HTTP on a local network too: upgrading would break it there.
        'upgrade-insecure-requests': null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/** Cookies and the client address, as the request context needs them. */
function httpExchange(req: express.Request, res: express.Response): HttpExchange {
  const cookies = Object.fromEntries(
    (req.headers.cookie ?? '').split(';').map((part) => {
      const at = part.indexOf('=');
      return at < 0 ? [part.trim(), ''] : [part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim())];
    }),
  );
  const options = { httpOnly: true, sameSite: 'lax' as const, secure: req.secure, path: '/' };
  return {
    clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    cookie: (name) => cookies[name] || undefined,
    setCookie: (name, value, maxAge) => {
      res.cookie(name, value, { ...options, maxAge });
    },
    clearCookie: (name) => {
      res.clearCookie(name, options);
    },
  };
}

/**
 * The dashboard at /: hashed assets cached for a year, every other GET that
 * is not the API answered with index.html so the app's own routes work on reload.
 */
function serveDashboard(app: express.Express, adminDir: string): void {
  const index = path.join(adminDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', (_req, res) => {
      res.type('html').send(`<!doctype html><meta charset="utf-8"><title>Community Grid</title>
<h1>Community Grid</h1><p>The dashboard is not built (run <code>npm start</code>). The API is at <a href="/graphql">/graphql</a>.</p>`);
    });
    return;
  }
  app.use('/assets', express.static(path.join(adminDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  app.use(express.static(adminDir, { index: false, maxAge: '1h' }));
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/graphql')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
