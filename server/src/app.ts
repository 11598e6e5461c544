import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { formatError } from './core/errors';
import { HttpExchange, RequestContext, requestScope } from './core/request-context';
import { authService, SESSION_COOKIE } from './modules/auth/auth.service';
import { Clock, systemClock } from './core/time/clock';

export interface AppOptions {
  dataSource: DataSource;
  schema: GraphQLSchema;
  isDevelopment: boolean;
  /** Report SQL statements per request in `extensions.sqlStatements` (not in production). */
  exposeQueryStats?: boolean;
  /** The built dashboard (admin/dist), served at /. */
  adminDir?: string;
  /** Express's trust proxy setting (e.g. "1" behind one load balancer). */
  trustProxy?: string;
  /** Where "today" comes from (a fixed clock in tests). */
  clock?: Clock;
}

export interface App {
  server: http.Server;
  apollo: ApolloServer<RequestContext>;
}

/** The HTTP server: GraphQL at /graphql, health at /healthz and /readyz. */
export const DEFAULT_ADMIN_DIR = path.resolve(__dirname, '..', '..', 'admin', 'dist');

export async function createApp({
  dataSource, schema, isDevelopment, exposeQueryStats = process.env.NODE_ENV !== 'production', adminDir = DEFAULT_ADMIN_DIR, trustProxy, clock = systemClock,
}: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  if (trustProxy) app.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);
  const server = http.createServer(app);

  const apollo = new ApolloServer<RequestContext>({
    schema,
    includeStacktraceInErrorResponses: isDevelopment,
    formatError: (formatted, error) => formatError(formatted, error, isDevelopment),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // The hosted sandbox needs the internet; the dashboard and any GraphQL client work without it.
      ApolloServerPluginLandingPageDisabled(),
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

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    async (req, res, next) => {
      const context = new RequestContext(dataSource, httpExchange(req, res), clock);
      try {
        const authenticated = await authService.authenticate(dataSource, {
          cookie: context.http!.cookie(SESSION_COOKIE),
          bearer: /^Bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1],
        }, context.today);
        if (authenticated) {
          context.principal = authenticated.principal;
          context.scope = authenticated.scope;
        }
      } catch (error) {
        // Without the database nobody can be identified: answer like any internal error, without details.
        console.error('Unexpected error', error);
        res.status(503).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
        return;
      }
      // Everything the request does, including SQL issued deep in loaders, runs in its context.
      requestScope.run(context, next);
    },
    expressMiddleware(apollo, { context: async () => requestScope.getStore()! }),
  );

  serveDashboard(app, adminDir);

  return { server, apollo };
}

/** Cookies and the client address, as the request context needs them. */
function httpExchange(req: express.Request, res: express.Response): HttpExchange {
  const cookies = Object.fromEntries((req.headers.cookie ?? '').split(';').map((part) => {
    const at = part.indexOf('=');
    return at < 0 ? [part.trim(), ''] : [part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim())];
  }));
  const options = { httpOnly: true, sameSite: 'lax' as const, secure: req.secure, path: '/' };
  return {
    clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    cookie: (name) => cookies[name] || undefined,
    setCookie: (name, value, maxAge) => { res.cookie(name, value, { ...options, maxAge }); },
    clearCookie: (name) => { res.clearCookie(name, options); },
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
