import fs from 'node:fs';
import { printApiSchema, SCHEMA_FILE } from '../../server/src/schema/print-schema';
import { startTestServer, TestServer } from '../support/test-server';

describe('health endpoints and internal errors', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(() => api.close());

  it("stops with nothing of its own left connected: the readiness probe's and the auth cache's connections are closed by its stop", async () => {
    const own = () =>
      api.sql<{ name: string; n: number }>(
        `SELECT application_name AS name, COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()
          AND application_name IN ('community-grid auth cache', 'community-grid-probe') GROUP BY 1 ORDER BY 1`,
      );
    const before = await own();
    const second = await startTestServer({ database: api.databaseUrl });
    const ready = await fetch(`${second.url}/readyz`);
    expect(ready.status).toBe(200);
    await ready.text();
    const during = await own();
    expect(during).not.toEqual(before);
    await second.close();
    expect(await own()).toEqual(before);
  });

  it('reports the process up and the database ready', async () => {
    expect(await (await fetch(`${api.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('keeps Apollo CSRF prevention on: a simple cross-site request is refused', async () => {
    const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ districts { totalItems } }')}`);
    expect(response.status).toBe(400);
  });

  it('gives GraphQL syntax and schema mistakes a code, without internals', async () => {
    const syntax = await api.gql('{ communities { ');
    expect(syntax.errors![0].extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
    const unknown = await api.gql('{ communities { items { secret } } }');
    expect(unknown.errors![0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('when the database is gone: readyz says 503, healthz still 200, and errors carry no stack or SQL', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await api.dataSource.destroy();
    expect((await fetch(`${api.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    const result = await api.gql('{ residents(options: { filter: { name: { contains: "x" } } }) { totalItems } }');
    // The caller is known to the server from earlier requests, so the failure is the list's (at its path).
    expect(result.errors![0]).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
      path: ['residents'],
    });
    expect(JSON.stringify(result)).not.toMatch(/SELECT|resident"|stack|at /);
    // The details go to the server's log instead.
    expect(logged).toHaveBeenCalledWith('Unexpected error', expect.stringMatching(/Driver not Connected/));
    logged.mockRestore();
  });
});

describe('in development (NODE_ENV=development)', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ isDevelopment: true });
  });
  afterAll(() => api.close());

  it('errors include the stack trace to help the developer', async () => {
    const result = await api.gql('{ community(id: "999") { id } }');
    expect(result.errors![0].extensions.code).toBe('NOT_FOUND');
    expect(result.errors![0].extensions.stacktrace).toEqual(expect.arrayContaining([expect.stringContaining('NotFoundError')]));
  });
});

describe('the schema snapshot', () => {
  it('shared/schema.graphql is what the server serves (run `npm run schema` after changing the API)', async () => {
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printApiSchema());
  });
});
