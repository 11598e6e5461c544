import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createApp } from '../../server/src/app';
import { createDataSource } from '../../server/src/database/data-source';
import { databaseName, dropDatabase, ensureDatabase, withDatabase } from '../../server/src/database/databases';
import { buildApiSchema } from '../../server/src/schema/build-schema';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions: { code: string; fields?: Record<string, string>; reason?: string; [key: string]: unknown } }>;
  extensions?: { sqlStatements?: number };
}

export interface TestServer {
  url: string;
  dataSource: DataSource;
  /** POSTs a GraphQL operation as a client would. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test on any error and returns data. */
  data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Runs SQL directly, to check what the API did or did not change. */
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

let counter = 0;

/**
 * The real HTTP server on a free port, over a database of this test file's
 * own, copied from the template with the sample district.
 */
export async function startTestServer(options: { isDevelopment?: boolean } = {}): Promise<TestServer> {
  const template = process.env.TEST_TEMPLATE_DATABASE!;
  const url = withDatabase(process.env.TEST_DATABASE_SERVER!, `cg_test_${process.pid}_${Date.now()}_${counter++}`);
  await ensureDatabase(url, databaseName(template));
  const dataSource = createDataSource({ url, poolSize: 4 });
  await dataSource.initialize();
  const app = await createApp({ dataSource, schema: await buildApiSchema(), isDevelopment: options.isDevelopment ?? false, exposeQueryStats: true });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const gql = async (query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  };

  return {
    url: base,
    dataSource,
    gql,
    async data(query, variables) {
      const result = await gql(query, variables);
      if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data;
    },
    sql: (text, params) => dataSource.query(text, params),
    async close() {
      await app.apollo.stop();
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropDatabase(url);
    },
  };
}
