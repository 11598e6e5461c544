import { startTestServer, TestServer } from '../support/test-server';

/**
 * API tokens and sessions end for good when what they were issued for
 * changes: the password, the role, the reach an administrator sets, or the
 * account being enabled.
 */
let api: TestServer;
beforeAll(async () => { api = await startTestServer(); });
afterAll(() => api.close());
beforeEach(() => api.sql('DELETE FROM login_throttle'));

const post = (headers: Record<string, string>) => async (query: string, variables?: Record<string, unknown>) => {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }),
  });
  return response.json() as Promise<any>;
};

/** Signs in as `username` and makes an API token through the API, as a user would. */
async function credentials(username: string, password = 'demo') {
  const cookie = await api.login(username, password);
  const session = post({ cookie });
  const made = await session('mutation { createApiToken(input: { name: "script", expiresInDays: 30 }) { token apiToken { id } } }');
  const { token, apiToken } = made.data.createApiToken;
  return { session, bearer: post({ authorization: `Bearer ${token}` }), tokenId: apiToken.id as string };
}

const works = async (call: ReturnType<typeof post>) => !(await call('{ me { username } }')).errors;

async function account(username: string): Promise<{ id: string; version: number }> {
  const [row] = await api.sql('SELECT id::text, version FROM account WHERE username = $1', [username]);
  return row;
}

async function updateAccount(username: string, fields: string) {
  const { id, version } = await account(username);
  return api.data(`mutation { updateAccount(input: { id: "${id}", version: ${version}, ${fields} }) { id } }`);
}

describe('revoked for good', () => {
  it('a password reset ends sessions and revokes tokens', async () => {
    const { session, bearer } = await credentials('official');
    const { id } = await account('official');
    await api.data(`mutation { resetPassword(id: "${id}", password: "another-password-1") { id } }`);
    expect(await works(session)).toBe(false);
    expect(await works(bearer)).toBe(false);
    await api.data(`mutation { resetPassword(id: "${id}", password: "demo-demo-demo") { id } }`);
    expect(await works(bearer)).toBe(false);
    await api.sql(`UPDATE account SET password_hash = (SELECT password_hash FROM account WHERE username = 'coordinator') WHERE username = 'official'`);
  });

  it('a role change, and a change of the reach an administrator sets, revoke; other edits do not', async () => {
    const renamed = await credentials('coordinator');
    await updateAccount('coordinator', 'displayName: "协调员（改名）"');
    expect(await works(renamed.bearer)).toBe(true);
    await updateAccount('coordinator', 'communityIds: ["1"]');
    // The same reach sent again is no change.
    const same = await api.sql(`SELECT community_ids FROM account WHERE username = 'coordinator'`);
    await updateAccount('coordinator', `communityIds: ${JSON.stringify(same[0].community_ids.map(String))}`);
    expect(await works(renamed.bearer)).toBe(true);

    const reach = await credentials('coordinator');
    await updateAccount('coordinator', 'communityIds: ["1", "2"]');
    expect(await works(reach.bearer)).toBe(false);
    expect(await works(reach.session)).toBe(false);

    const role = await credentials('reporter');
    await updateAccount('reporter', 'role: DISTRICT_OFFICIAL');
    expect(await works(role.bearer)).toBe(false);
    await updateAccount('reporter', 'role: REPORT_BUILDER');
    expect(await works(role.bearer)).toBe(false);
  });

  it('disabling revokes; enabling again brings nothing back', async () => {
    const { bearer, session } = await credentials('window');
    await updateAccount('window', 'disabled: true');
    expect(await works(bearer)).toBe(false);
    await updateAccount('window', 'disabled: false');
    expect(await works(bearer)).toBe(false);
    expect(await works(session)).toBe(false);
    const [{ active }] = await api.sql(`SELECT COUNT(*)::int AS active FROM api_token t JOIN account a ON a.id = t.account_id
      WHERE a.username = 'window' AND t.revoked_at IS NULL`);
    expect(active).toBe(0);
  });

  it('an expired token is refused', async () => {
    const { bearer, tokenId } = await credentials('gridmember');
    expect(await works(bearer)).toBe(true);
    await api.sql(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [tokenId]);
    expect((await bearer('{ me { username } }')).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('administrators see and revoke any account\'s tokens', () => {
  it('lists them without secrets, revokes one, and records it in the audit trail', async () => {
    const { bearer, tokenId } = await credentials('gridmember');
    const { id } = await account('gridmember');
    const { accountApiTokens } = await api.data(`{ accountApiTokens(accountId: "${id}") { id accountId name prefix revokedAt } }`);
    expect(accountApiTokens).toContainEqual({ id: tokenId, accountId: id, name: 'script', prefix: expect.stringMatching(/^cg_/), revokedAt: null });
    const { revokeAccountApiToken } = await api.data(`mutation { revokeAccountApiToken(id: "${tokenId}") { revokedAt } }`);
    expect(revokeAccountApiToken.revokedAt).not.toBeNull();
    expect(await works(bearer)).toBe(false);
    const [event] = await api.sql(`SELECT actor_name, operation FROM audit_event WHERE entity_type = 'ApiToken' AND entity_id = $1`, [tokenId]);
    expect(event).toEqual({ actor_name: 'admin', operation: 'UPDATE' });
  });

  it('others may not', async () => {
    const official = await api.as('official');
    const { id } = await account('gridmember');
    expect((await official.gql(`{ accountApiTokens(accountId: "${id}") { id } }`)).errors![0].extensions.code).toBe('FORBIDDEN');
    const [{ id: tokenId }] = await api.sql(`SELECT id::text FROM api_token WHERE account_id = $1 LIMIT 1`, [id]);
    expect((await official.gql(`mutation { revokeApiToken(id: "${tokenId}") { id } }`)).errors![0].extensions.code).toBe('NOT_FOUND');
    expect((await official.gql(`mutation { revokeAccountApiToken(id: "${tokenId}") { id } }`)).errors![0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('logout and the token limit', () => {
  it('logout with a bearer token revokes that token and says so', async () => {
    const { bearer, session } = await credentials('official');
    expect((await bearer('mutation { logout }')).data.logout).toBe(true);
    expect(await works(bearer)).toBe(false);
    // The session that made it is another credential: it stays.
    expect(await works(session)).toBe(true);
  });

  it('an account holds at most 20 active tokens', async () => {
    const cookie = await api.login('coordinator', 'demo');
    const session = post({ cookie });
    const make = () => session('mutation { createApiToken(input: { name: "many" }) { apiToken { id } } }');
    const active = async () => (await session('{ apiTokens { revokedAt expiresAt } }')).data.apiTokens
      .filter((t: any) => !t.revokedAt && new Date(t.expiresAt) > new Date()).length;
    while (await active() < 20) expect((await make()).errors).toBeUndefined();
    const refused = await make();
    expect(refused.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LIMIT_REACHED' });
    const [{ id }] = (await session('{ apiTokens { id revokedAt } }')).data.apiTokens.filter((t: any) => !t.revokedAt);
    await session(`mutation { revokeApiToken(id: "${id}") { id } }`);
    expect((await make()).errors).toBeUndefined();
  });
});
