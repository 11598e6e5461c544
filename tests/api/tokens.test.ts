import { graphql } from '../gql';
import type { UpdateAccountInput } from '../gql/graphql';
import { Client, startTestServer, TestServer } from '../support/test-server';

/**
 * API tokens and sessions end for good when what they were issued for
 * changes: the password, the role, the reach an administrator sets, or the
 * account being enabled.
 */
let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());
beforeEach(() => api.sql('DELETE FROM login_throttle'));

const CREATE_TOKEN = graphql(`
  mutation TokensCreate($name: String!, $expiresInDays: Int) {
    createApiToken(input: { name: $name, expiresInDays: $expiresInDays }) {
      token
      apiToken {
        id
      }
    }
  }
`);
const ME = graphql(`
  query TokensMe {
    me {
      username
    }
  }
`);
const UPDATE_ACCOUNT = graphql(`
  mutation TokensUpdateAccount($input: UpdateAccountInput!) {
    updateAccount(input: $input) {
      id
    }
  }
`);
const RESET_PASSWORD = graphql(`
  mutation TokensResetPassword($id: ID!, $password: String!) {
    resetPassword(id: $id, password: $password) {
      id
    }
  }
`);
const ACCOUNT_TOKENS = graphql(`
  query TokensOfAccount($accountId: ID!) {
    accountApiTokens(accountId: $accountId) {
      id
      accountId
      name
      prefix
      revokedAt
    }
  }
`);
const REVOKE_ACCOUNT_TOKEN = graphql(`
  mutation TokensRevokeAccountToken($id: ID!) {
    revokeAccountApiToken(id: $id) {
      id
      revokedAt
    }
  }
`);
const REVOKE_TOKEN = graphql(`
  mutation TokensRevoke($id: ID!) {
    revokeApiToken(id: $id) {
      id
    }
  }
`);
const MY_TOKENS = graphql(`
  query TokensMine {
    apiTokens {
      id
      revokedAt
      expiresAt
    }
  }
`);
const LOGOUT = graphql(`
  mutation TokensLogout {
    logout
  }
`);

/** Signs in as `username` and makes an API token through the API, as a user would. */
async function credentials(username: string, password = 'demo') {
  const session = api.withHeaders({ cookie: await api.login(username, password) });
  const { token, apiToken } = (await session.data(CREATE_TOKEN, { name: 'script', expiresInDays: 30 })).createApiToken;
  return { session, bearer: api.withHeaders({ authorization: `Bearer ${token}` }), tokenId: apiToken.id };
}

const works = async (client: Client) => !(await client.gql(ME)).errors;

async function account(username: string): Promise<{ id: string; version: number }> {
  const [row] = await api.sql<{ id: string; version: number }>('SELECT id::text, version FROM account WHERE username = $1', [username]);
  return row;
}

async function updateAccount(username: string, fields: Omit<UpdateAccountInput, 'id' | 'version'>) {
  const { id, version } = await account(username);
  return api.data(UPDATE_ACCOUNT, { input: { id, version, ...fields } });
}

describe('revoked for good', () => {
  it('a password reset ends sessions and revokes tokens', async () => {
    const { session, bearer } = await credentials('official');
    const { id } = await account('official');
    await api.data(RESET_PASSWORD, { id, password: 'another-password-1' });
    expect(await works(session)).toBe(false);
    expect(await works(bearer)).toBe(false);
    await api.data(RESET_PASSWORD, { id, password: 'demo-demo-demo' });
    expect(await works(bearer)).toBe(false);
    await api.sql(
      `UPDATE account SET password_hash = (SELECT password_hash FROM account WHERE username = 'coordinator') WHERE username = 'official'`,
    );
  });

  it('a role change, and a change of the reach an administrator sets, revoke; other edits do not', async () => {
    const renamed = await credentials('coordinator');
    await updateAccount('coordinator', { displayName: '协调员（改名）' });
    expect(await works(renamed.bearer)).toBe(true);
    await updateAccount('coordinator', { communityIds: ['1'] });
    // The same reach sent again is no change.
    const same = await api.sql<{ community_ids: number[] }>(`SELECT community_ids FROM account WHERE username = 'coordinator'`);
    await updateAccount('coordinator', { communityIds: same[0].community_ids.map(String) });
    expect(await works(renamed.bearer)).toBe(true);

    const reach = await credentials('coordinator');
    await updateAccount('coordinator', { communityIds: ['1', '2'] });
    expect(await works(reach.bearer)).toBe(false);
    expect(await works(reach.session)).toBe(false);

    const role = await credentials('reporter');
    await updateAccount('reporter', { role: 'DISTRICT_OFFICIAL' });
    expect(await works(role.bearer)).toBe(false);
    await updateAccount('reporter', { role: 'REPORT_BUILDER' });
    expect(await works(role.bearer)).toBe(false);
  });

  it('disabling revokes; enabling again brings nothing back', async () => {
    const { bearer, session } = await credentials('window');
    await updateAccount('window', { disabled: true });
    expect(await works(bearer)).toBe(false);
    await updateAccount('window', { disabled: false });
    expect(await works(bearer)).toBe(false);
    expect(await works(session)).toBe(false);
    const [{ active }] = await api.sql(`SELECT COUNT(*)::int AS active FROM api_token t JOIN account a ON a.id = t.account_id
      WHERE a.username = 'window' AND t.revoked_at IS NULL`);
    expect(active).toBe(0);
  });

  it('an expired token is refused', async () => {
    const { bearer, tokenId } = await credentials('gridmember');
    expect(await works(bearer)).toBe(true);
    // The server forgets the token when the database's notification arrives, a few milliseconds after the commit.
    const { id } = await account('gridmember');
    const heard = api.authCache.heard(id);
    await api.sql(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [tokenId]);
    await api.authCache.hear(id, heard);
    expect((await bearer.gql(ME)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe("administrators see and revoke any account's tokens", () => {
  it('lists them without secrets, revokes one, and records it in the audit trail', async () => {
    const { bearer, tokenId } = await credentials('gridmember');
    const { id } = await account('gridmember');
    const { accountApiTokens } = await api.data(ACCOUNT_TOKENS, { accountId: id });
    expect(accountApiTokens).toContainEqual({
      id: tokenId,
      accountId: id,
      name: 'script',
      prefix: expect.stringMatching(/^cg_/),
      revokedAt: null,
    });
    const { revokeAccountApiToken } = await api.data(REVOKE_ACCOUNT_TOKEN, { id: tokenId });
    expect(revokeAccountApiToken.revokedAt).not.toBeNull();
    expect(await works(bearer)).toBe(false);
    const [event] = await api.sql(`SELECT actor_name, operation FROM audit_event WHERE entity_type = 'ApiToken' AND entity_id = $1`, [
      tokenId,
    ]);
    expect(event).toEqual({ actor_name: 'admin', operation: 'UPDATE' });
  });

  it('others may not', async () => {
    const official = await api.as('official');
    const { id } = await account('gridmember');
    expect((await official.gql(ACCOUNT_TOKENS, { accountId: id })).errors![0].extensions.code).toBe('FORBIDDEN');
    const [{ id: tokenId }] = await api.sql<{ id: string }>(`SELECT id::text FROM api_token WHERE account_id = $1 LIMIT 1`, [id]);
    expect((await official.gql(REVOKE_TOKEN, { id: tokenId })).errors![0].extensions.code).toBe('NOT_FOUND');
    expect((await official.gql(REVOKE_ACCOUNT_TOKEN, { id: tokenId })).errors![0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('logout and the token limit', () => {
  it('logout with a bearer token revokes that token and says so', async () => {
    const { bearer, session } = await credentials('official');
    expect((await bearer.data(LOGOUT)).logout).toBe(true);
    expect(await works(bearer)).toBe(false);
    // The session that made it is another credential: it stays.
    expect(await works(session)).toBe(true);
  });

  it('an account holds at most 20 active tokens', async () => {
    const session = api.withHeaders({ cookie: await api.login('coordinator', 'demo') });
    const make = () => session.gql(CREATE_TOKEN, { name: 'many' });
    const mine = async () => (await session.data(MY_TOKENS)).apiTokens;
    const active = async () => (await mine()).filter((t) => !t.revokedAt && new Date(t.expiresAt) > new Date()).length;
    while ((await active()) < 20) expect((await make()).errors).toBeUndefined();
    const refused = await make();
    expect(refused.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LIMIT_REACHED' });
    const [{ id }] = (await mine()).filter((t) => !t.revokedAt);
    await session.data(REVOKE_TOKEN, { id });
    expect((await make()).errors).toBeUndefined();
  });
});
