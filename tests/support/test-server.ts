import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { TypedDocumentString } from '../gql/graphql';
import type { DataSource } from 'typeorm';
import { createApp } from '../../server/src/app';
import { createDataSource } from '../../server/src/database/data-source';
import { databaseName, dropDatabase, ensureDatabase, withDatabase } from '../../server/src/database/databases';
import { buildApiSchema } from '../../server/src/schema/build-schema';
import { authService } from '../../server/src/modules/auth/auth.service';
import { FixedClock } from '../../server/src/core/time/clock';
import { TEST_TODAY } from './global-setup';

export interface GraphQLResponse<T = unknown> {
  data?: T;
  errors?: Array<{
    message: string;
    path?: string[];
    extensions: { code: string; fields?: Record<string, string>; reason?: string; [key: string]: unknown };
  }>;
  extensions?: { sqlStatements?: number };
}

/** The answer to counting lists (`{ residents { totalItems } }`): `Count<'residents'>`. */
export type Count<List extends string> = Record<List, { totalItems: number }>;

/**
 * An operation written with `graphql(...)` (tests/gql, `npm run codegen`, as strings): its result and variables
 * types travel with it. (The dashboard's are parsed documents: send those as `print(document)`.)
 */
export type Operation<TResult, TVariables> = TypedDocumentString<TResult, TVariables>;

export interface Client {
  /**
   * POSTs a GraphQL operation as a client would. A generated operation's answer is typed; a plain string's is
   * `unknown` unless the test names the shape it selected (`api.data<{ me: { id: string } }>('{ me { id } }')`).
   */
  gql<T = unknown>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  gql<TResult, TVariables>(query: Operation<TResult, TVariables>, variables?: TVariables): Promise<GraphQLResponse<TResult>>;
  /** Like gql, but fails the test on any error and returns data. */
  data<T = unknown>(query: string, variables?: Record<string, unknown>): Promise<T>;
  data<TResult, TVariables>(query: Operation<TResult, TVariables>, variables?: TVariables): Promise<TResult>;
}

/** The data of an answer that must have succeeded: fails the test with the errors otherwise. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors || response.data === undefined || response.data === null) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/** A Client over a function that POSTs an operation's text (with the credentials the caller chose). */
export function clientOf(post: (query: string, variables?: unknown) => Promise<GraphQLResponse>): Client {
  const gql = (query: string | Operation<unknown, unknown>, variables?: unknown) => post(query.toString(), variables);
  return {
    gql,
    data: async (query: string | Operation<unknown, unknown>, variables?: unknown) => dataOf(await gql(query, variables)),
  } as Client;
}

export interface TestServer extends Client {
  url: string;
  /** This server's own database (a copy of the template), for a second server or a direct connection. */
  databaseUrl: string;
  dataSource: DataSource;
  /** A client signed in as this account (through an API token made for the test). */
  as(username: string): Promise<Client>;
  /** A new API token of this account, for requests the test sends itself. */
  tokenFor(username: string): Promise<string>;
  /** A client without credentials. */
  anonymous: Client;
  /** A client sending these headers (a session cookie, a bearer token) and nothing else. */
  withHeaders(headers: Record<string, string>): Client;
  /** Signs in through the login mutation; returns the session cookie ("cg_session=…"). */
  login(username: string, password: string): Promise<string>;
  /** Today for the server under test; `clock.set(day)` moves it (across midnight, say). */
  clock: FixedClock;
  /** The server's memory of credentials (AuthCache): tests wait on it to hear a change notified by the database. */
  authCache: import('../../server/src/modules/auth/auth-cache').AuthCache;
  /** Runs SQL directly, to check what the API did or did not change: rows of the columns `T` names (values unknown unless it says). */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

let counter = 0;

/**
 * The real HTTP server on a free port, over a database of this test file's
 * own, copied from the template with the sample district.
 */
export interface TestServerOptions {
  isDevelopment?: boolean;
  isProduction?: boolean;
  database?: string;
  poolSize?: number;
  acquireTimeoutMs?: number;
  statementTimeoutMs?: number;
  reportStatementTimeoutMs?: number;
  /** The most rows a top-level list's totalItems counts (the server's default when unset). */
  listCountCap?: number;
  idleInTransactionTimeoutMs?: number;
  trustProxy?: string;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const template = process.env.TEST_TEMPLATE_DATABASE!;
  const url = options.database ?? withDatabase(process.env.TEST_DATABASE_SERVER!, `cg_test_${process.pid}_${Date.now()}_${counter++}`);
  if (!options.database) await ensureDatabase(url, databaseName(template));
  const dataSource = createDataSource({
    url,
    poolSize: options.poolSize ?? 4,
    acquireTimeoutMs: options.acquireTimeoutMs,
    statementTimeoutMs: options.statementTimeoutMs,
    idleInTransactionTimeoutMs: options.idleInTransactionTimeoutMs,
  });
  await dataSource.initialize();
  const clock = new FixedClock(TEST_TODAY);
  const app = await createApp({
    dataSource,
    schema: await buildApiSchema(),
    isDevelopment: options.isDevelopment ?? false,
    isProduction: options.isProduction ?? false,
    exposeQueryStats: true,
    trustProxy: options.trustProxy,
    reportStatementTimeoutMs: options.reportStatementTimeoutMs,
    listCountCap: options.listCountCap,
    clock,
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const client = (headers: Record<string, string>): Client =>
    clientOf(async (query, variables) => {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse;
    });
  const tokenFor = async (username: string) => {
    const [account]: Array<{ id: number }> = await dataSource.query('SELECT id FROM account WHERE username = $1', [username]);
    return (await authService.issueToken(dataSource.manager, account.id, 'test', 1)).token;
  };
  const as = async (username: string) => client({ authorization: `Bearer ${await tokenFor(username)}` });
  const admin = await as('admin');

  return {
    url: base,
    databaseUrl: url,
    dataSource,
    ...admin,
    as,
    tokenFor,
    anonymous: client({}),
    withHeaders: client,
    clock,
    authCache: app.authCache,
    async login(username, password) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { id } }',
          variables: { u: username, p: password },
        }),
      });
      const body = (await response.json()) as GraphQLResponse;
      if (body.errors) throw new Error(`login failed: ${JSON.stringify(body.errors)}`);
      return response.headers.get('set-cookie')!.split(';')[0];
    },
    sql: (text, params) => dataSource.query(text, params),
    async close() {
      await app.stop();
      if (dataSource.isInitialized) await dataSource.destroy();
      if (!options.database) await dropDatabase(url);
    },
  };
}
