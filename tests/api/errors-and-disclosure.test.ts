import { inspect } from 'node:util';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * What an anonymous caller learns from the app's errors and headers: every
 * HTTP error is JSON with a code (never Express's HTML page with a stack and
 * file paths), the schema is not spelled out to strangers, and every response
 * carries the security headers.
 */
const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

async function expectJsonError(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const text = await response.text();
  expect(JSON.parse(text).errors[0].extensions.code).toBe(code);
  // No stack trace, no file path of the server.
  expect(text).not.toMatch(/\bat \w|node_modules|\/work\/|\/app\/|stack/i);
}

describe.each([
  ['production-like', false],
  ['development', true],
])('HTTP errors (%s)', (_mode, isDevelopment) => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ isDevelopment });
  });
  afterAll(() => api.close());

  it('a body over 1 MB: 413 JSON', async () => {
    await expectJsonError(await post(api.url, JSON.stringify({ query: `{ me { id } } #${'x'.repeat(3_000_000)}` })), 413, 'BAD_USER_INPUT');
  });

  it('malformed JSON, and JSON that is not an object: 400 JSON', async () => {
    await expectJsonError(await post(api.url, '{"query": "{ me { id } }"'), 400, 'BAD_USER_INPUT');
    await expectJsonError(await post(api.url, '"x"'), 400, 'BAD_USER_INPUT');
  });

  it('a missing asset and an unknown route: 404 JSON', async () => {
    await expectJsonError(await fetch(`${api.url}/assets/missing-file.js`), 404, 'NOT_FOUND');
    await expectJsonError(await fetch(`${api.url}/anything`, { method: 'POST' }), 404, 'NOT_FOUND');
  });

  it('a subscription: a clear validation error, not an internal one', async () => {
    const result = await api.gql('subscription { communities { totalItems } }');
    expect(result.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors![0].message).toMatch(/Subscriptions are not supported/);
  });
});

describe('disclosure', () => {
  let api: TestServer;
  let production: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
    production = await startTestServer({ isProduction: true });
  });
  afterAll(async () => {
    await api.close();
    await production.close();
  });

  it('no "Did you mean" for anonymous callers, nor for anyone in production', async () => {
    const typo = '{ residentz { totalItems } }';
    expect((await api.anonymous.gql(typo)).errors![0].message).toBe('Cannot query field "residentz" on type "Query".');
    expect((await production.gql(typo)).errors![0].message).not.toMatch(/Did you mean/);
    const enumTypo = '{ residents(options: { sort: [{ field: nam }] }) { totalItems } }';
    expect((await production.gql(enumTypo)).errors![0].message).not.toMatch(/Did you mean/);
    // A signed-in developer outside production still gets the hint.
    expect((await api.gql(typo)).errors![0].message).toMatch(/Did you mean "resident" or "residents"\?/);
  });

  it('introspection only for signed-in callers, in every mode', async () => {
    const introspect = '{ __schema { queryType { name } } }';
    for (const server of [api, production]) {
      const refused = await server.anonymous.gql(introspect);
      expect(refused.data).toBeUndefined();
      expect(refused.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await server.anonymous.gql('{ __type(name: "Resident") { fields { name } } }')).errors![0].extensions.code).toBe(
        'UNAUTHENTICATED',
      );
      expect((await server.data<{ __schema: { queryType: { name: string } } }>(introspect)).__schema.queryType.name).toBe('Query');
    }
    // __typename is not introspection.
    expect((await api.anonymous.gql('mutation { login(username: "x", password: "y") { __typename } }')).errors![0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('security headers on every response: the dashboard, the API, errors', async () => {
    const responses = [
      await fetch(`${api.url}/`),
      await fetch(`${api.url}/healthz`),
      await post(api.url, '{"query":"{ me { id } }"}'),
      await post(api.url, '{bad'),
      await fetch(`${api.url}/assets/missing.js`),
    ];
    for (const response of responses) {
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('API answers are never kept by a cache: no-store on answers and errors, signed in or not', async () => {
    const answers = [
      await post(api.url, '{"query":"{ __typename }"}'),
      await post(api.url, '{"query":"{ me { id } }"}'),
      await post(api.url, '{bad'),
      await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: await api.login('official', 'demo') },
        body: JSON.stringify({ query: '{ residents(options: { take: 1 }) { items { name } } }' }),
      }),
    ];
    for (const answer of answers) {
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('etag')).toBeNull();
    }
  });

  it("failed statements are logged without their parameters or the values in PostgreSQL's message", async () => {
    // Sabotage this test's own database so that an insert fails in a way no service expects.
    await api.sql('ALTER TABLE staff_member RENAME COLUMN phone TO phone_moved');
    const lines: string[] = [];
    // Recorded as the console would print them (util.inspect shows an error's properties, such as a query's parameters).
    const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      lines.push(args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' '));
    });
    try {
      const result = await api.gql('mutation { createStaffMember(input: { name: "秘密的名字", phone: "10099887766" }) { id } }');
      expect(result.errors![0]).toEqual({
        message: 'Internal server error',
        path: ['createStaffMember'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    } finally {
      spy.mockRestore();
      await api.sql('ALTER TABLE staff_member RENAME COLUMN phone_moved TO phone');
    }
    const log = lines.join('\n');
    expect(log).toMatch(/SQLSTATE 42703/);
    expect(log).not.toMatch(/秘密的名字|10099887766/);
  });

  it('session cookies are Secure behind TLS (TRUST_PROXY and X-Forwarded-Proto: https), and not over plain HTTP', async () => {
    const proxied = await startTestServer({ trustProxy: '1' });
    try {
      const login = (headers: Record<string, string>) =>
        post(proxied.url, JSON.stringify({ query: 'mutation { login(username: "official", password: "demo") { id } }' }), headers);
      const overTls = (await login({ 'x-forwarded-proto': 'https' })).headers.getSetCookie();
      expect(overTls.length).toBeGreaterThan(0);
      for (const cookie of overTls) expect(cookie).toMatch(/; Secure/);
      for (const cookie of (await login({})).headers.getSetCookie()) expect(cookie).not.toMatch(/; Secure/);
    } finally {
      await proxied.close();
    }
  });
});
