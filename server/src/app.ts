import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { formatError } from './core/errors';
import { RequestContext, requestScope } from './core/request-context';

export interface AppOptions {
  dataSource: DataSource;
  schema: GraphQLSchema;
  isDevelopment: boolean;
  /** Report SQL statements per request in `extensions.sqlStatements` (not in production). */
  exposeQueryStats?: boolean;
}

export interface App {
  server: http.Server;
  apollo: ApolloServer<RequestContext>;
}

/** The HTTP server: GraphQL at /graphql, health at /healthz and /readyz. */
export async function createApp({ dataSource, schema, isDevelopment, exposeQueryStats = process.env.NODE_ENV !== 'production' }: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
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
    (_req, _res, next) => {
      // Everything the request does, including SQL issued deep in loaders, runs in its context.
      requestScope.run(new RequestContext(dataSource), next);
    },
    expressMiddleware(apollo, { context: async () => requestScope.getStore()! }),
  );

  app.get('/', (_req, res) => {
    res.type('html').send(`<!doctype html><meta charset="utf-8"><title>Community Grid</title>
<h1>Community Grid</h1><p>The API is at <a href="/graphql">/graphql</a> (POST GraphQL with <code>content-type: application/json</code>).
Health: <a href="/healthz">/healthz</a>, <a href="/readyz">/readyz</a>.</p>`);
  });

  return { server, apollo };
}
