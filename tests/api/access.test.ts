import { createHash } from 'node:crypto';
import { Count, startTestServer, TestServer } from '../support/test-server';
import { ADMIN_PASSWORD } from '../support/global-setup';
import { CHENXI, MUSLIM_LANE, sample } from '../support/sample';

let api: TestServer & { databaseUrl: string };
/** Muslim Lane, where the demo coordinator, grid member and window staff work, and Chenxi, outside their reach. */
let muslimLane: string;
let chenxi: string;
beforeAll(async () => {
  api = await startTestServer();
  muslimLane = await sample.communityId(api, MUSLIM_LANE);
  chenxi = await sample.communityId(api, CHENXI);
});
afterAll(() => api.close());

/**
 * An answer as these tests read it: the data asked for, or the errors a test expects (reading
 * errors that are not there fails the test, as it should).
 */
interface Answer<T> {
  data: T;
  errors: Array<{ message: string; extensions: { code: string; reason?: string } }>;
}
const withCookie =
  (cookie: string) =>
  async <T = unknown>(query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    return response.json() as Promise<Answer<T>>;
  };
const loginRaw = (username: string, password: string) =>
  fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { username role } }',
      variables: { u: username, p: password },
    }),
  });

describe('authentication', () => {
  // Every sign-in here comes from 127.0.0.1: start each test with the address's slate clean.
  beforeEach(() => api.sql('DELETE FROM login_throttle'));
  it('refuses every operation but login without credentials', async () => {
    const result = await api.anonymous.gql('{ districts { totalItems } }');
    expect(result.data).toBeNull();
    expect(result.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await api.anonymous.gql('{ me { username } }')).errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('signs in with a session cookie (httpOnly, SameSite=Lax), and signs out for good', async () => {
    const response = await loginRaw('coordinator', 'demo');
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^cg_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const body = await response.json();
    expect(body.data.login).toEqual({ username: 'coordinator', role: 'COMMUNITY_COORDINATOR' });
    const cookie = setCookie.split(';')[0];
    // The secret travels only in the cookie; the database keeps its hash.
    expect(JSON.stringify(body)).not.toContain(cookie.split('=')[1]);
    const [stored] = await api.sql('SELECT token_hash FROM session ORDER BY created_at DESC LIMIT 1');
    expect(stored.token_hash).toBe(createHash('sha256').update(cookie.split('=')[1]).digest('hex'));

    const as = withCookie(cookie);
    expect((await as<{ me: { permissions: string[] } }>('{ me { username permissions } }')).data.me.permissions).toContain(
      'WRITE_HOUSEHOLDS',
    );
    expect((await as<{ logout: boolean }>('mutation { logout }')).data.logout).toBe(true);
    expect((await as('{ me { username } }')).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers a wrong password and an unknown username alike', async () => {
    const wrong = await (await loginRaw('official', 'not-the-password')).json();
    const unknown = await (await loginRaw('nobody-here', 'not-the-password')).json();
    expect(wrong.errors[0].message).toBe('Wrong username or password');
    expect(unknown.errors[0]).toEqual(wrong.errors[0]);
  });

  it('slows down repeated failures: after 20 wrong passwords even the right one must wait', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 20; i++) codes.push((await (await loginRaw('window', `guess-${i}`)).json()).errors[0].extensions.reason);
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('BAD_CREDENTIALS'));
    expect(codes.slice(-1)).toEqual(['TOO_MANY_ATTEMPTS']);
    const right = await (await loginRaw('window', 'demo')).json();
    expect(right.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOO_MANY_ATTEMPTS' });
    expect(right.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    // The lock is kept in PostgreSQL, where every server instance sees it.
    const [lock] = await api.sql(`SELECT failures FROM login_throttle WHERE key = 'user:window'`);
    expect(lock.failures).toBeGreaterThanOrEqual(6);
  });

  it('issues API tokens shown once and stored hashed, usable as Bearer, revocable; tokens cannot make tokens', async () => {
    const cookie = await api.login('reporter', 'demo');
    const { data } = await withCookie(cookie)<{
      createApiToken: { token: string; apiToken: { id: string; name: string; prefix: string; expiresAt: string } };
    }>('mutation { createApiToken(input: { name: "nightly report", expiresInDays: 30 }) { token apiToken { id name prefix expiresAt } } }');
    const { token, apiToken } = data.createApiToken;
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    expect((await api.sql('SELECT COUNT(*)::int AS n FROM api_token WHERE token_hash = $1', [token]))[0].n).toBe(0);

    const bearer = <T = unknown>(query: string) =>
      fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      }).then((r) => r.json() as Promise<Answer<T>>);
    expect((await bearer<{ communities: { totalItems: number } }>('{ communities { totalItems } }')).data.communities.totalItems).toBe(12);
    // A report builder's script reads, never writes.
    expect((await bearer('mutation { createStaffMember(input: { name: "x" }) { id } }')).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await bearer('mutation { createApiToken(input: { name: "more" }) { token } }')).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await bearer<{ apiTokens: Array<{ name: string }> }>('{ apiTokens { name lastUsedAt } }')).data.apiTokens[0].name).toBe(
      'nightly report',
    );

    await withCookie(cookie)(`mutation { revokeApiToken(id: "${apiToken.id}") { revokedAt } }`);
    expect((await bearer('{ communities { totalItems } }')).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('never exposes password hashes or secrets in the schema', async () => {
    const { __schema } = await api.data<{ __schema: { types: Array<{ name: string; fields: Array<{ name: string }> | null }> } }>(
      '{ __schema { types { name fields { name } } } }',
    );
    const fields = __schema.types.flatMap((t) => (t.fields ?? []).map((f) => `${t.name}.${f.name}`));
    expect(fields.filter((f: string) => /hash|password|secret/i.test(f))).toEqual(['Mutation.resetPassword']);
    expect(fields).toContain('CreatedApiToken.token');
  });
});

describe('accounts (district administrators)', () => {
  beforeEach(() => api.sql('DELETE FROM login_throttle'));
  it('creates accounts with a reach that fits the role, and refuses bad input', async () => {
    const bad = await api.gql(
      `mutation { createAccount(input: { username: "c2", password: "short", displayName: "C2", role: COMMUNITY_COORDINATOR }) { id } }`,
    );
    expect(bad.errors![0].extensions.fields).toMatchObject({ password: 'must be at least 10 characters' });
    const noReach = await api.gql(
      `mutation { createAccount(input: { username: "c2", password: "long-enough-1", displayName: "C2", role: COMMUNITY_COORDINATOR }) { id } }`,
    );
    expect(noReach.errors![0].extensions.fields).toEqual({
      communityIds: 'a coordinator needs at least one community, or a staff record holding a post',
    });
    // With a staff record instead, the reach comes from that person's posts (access follows assignments).
    const [holder] = await api.sql<{ staff_member_id: number }>(
      `SELECT staff_member_id FROM post_holder WHERE community_id = $1 AND valid @> $2::date LIMIT 1`,
      [chenxi, api.clock.today()],
    );
    const { createAccount: linked } = await api.data<{ createAccount: { id: string; communityIds: string[] } }>(
      `mutation ($s: ID) { createAccount(input: { username: "c3", password: "long-enough-1", displayName: "C3", role: COMMUNITY_COORDINATOR, staffMemberId: $s }) { id communityIds } }`,
      { s: String(holder.staff_member_id) },
    );
    expect(linked.communityIds).toEqual([]);
    const { createAccount } = await api.data<{ createAccount: { id: string; username: string; communityIds: string[] } }>(
      `mutation ($communityIds: [ID!]) { createAccount(input: { username: "C2", password: "long-enough-1", displayName: "C2", role: COMMUNITY_COORDINATOR, communityIds: $communityIds }) { id username communityIds } }`,
      { communityIds: [chenxi] },
    );
    expect(createAccount).toMatchObject({ username: 'c2', communityIds: [chenxi] });
    const dup = await api.gql(
      `mutation { createAccount(input: { username: "c2", password: "long-enough-1", displayName: "C2", role: REPORT_BUILDER }) { id } }`,
    );
    expect(dup.errors![0].extensions.code).toBe('CONFLICT');
  });

  it('disabling an account or resetting its password ends its sessions', async () => {
    const cookie = await api.login('official', 'demo');
    const [{ id }] = await api.sql(`SELECT id FROM account WHERE username = 'official'`);
    await api.data(`mutation { resetPassword(id: "${id}", password: "a-new-password") { id } }`);
    expect((await withCookie(cookie)('{ me { username } }')).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const again = await api.login('official', 'a-new-password');
    const [{ version }] = await api.sql('SELECT version FROM account WHERE id = $1', [id]);
    await api.data(`mutation { updateAccount(input: { id: "${id}", version: ${version}, disabled: true }) { disabled } }`);
    expect((await withCookie(again)('{ me { username } }')).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await (await loginRaw('official', 'a-new-password')).json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses bad input to account and token mutations with a coded error, changing nothing', async () => {
    const digest = async () =>
      (
        await api.sql(`SELECT
      (SELECT md5(COALESCE(string_agg(a::text, '|' ORDER BY a.id), '')) FROM account a) AS accounts,
      (SELECT md5(COALESCE(string_agg(t::text, '|' ORDER BY t.id), '')) FROM api_token t) AS tokens,
      (SELECT COUNT(*) FROM audit_event) AS audit`)
      )[0];
    const { id: adminId } = await sample.account(api, 'admin');
    const [staff] = await sample.staffOf(api, muslimLane);
    const cases: Array<[string, string, string]> = [
      [
        'createAccount: short password',
        'mutation { createAccount(input: { username: "x1", password: "short", displayName: "X", role: REPORT_BUILDER }) { id } }',
        'BAD_USER_INPUT',
      ],
      [
        'createAccount: window staff in two communities',
        `mutation { createAccount(input: { username: "x1", password: "long-enough-1", displayName: "X", role: WINDOW_STAFF, communityIds: ["${muslimLane}", "${chenxi}"] }) { id } }`,
        'BAD_USER_INPUT',
      ],
      [
        'createAccount: unknown grid',
        `mutation { createAccount(input: { username: "x1", password: "long-enough-1", displayName: "X", role: GRID_MEMBER, gridIds: ["9999"], staffMemberId: "${staff.id}" }) { id } }`,
        'BAD_USER_INPUT',
      ],
      [
        'updateAccount: stale version',
        `mutation { updateAccount(input: { id: "${adminId}", version: 99, displayName: "X" }) { id } }`,
        'CONFLICT',
      ],
      ['deleteAccount: yourself', `mutation { deleteAccount(id: "${adminId}") { id } }`, 'CONFLICT'],
      ['resetPassword: too short', `mutation { resetPassword(id: "${adminId}", password: "short") { id } }`, 'BAD_USER_INPUT'],
      ['resetPassword: unknown account', 'mutation { resetPassword(id: "9999", password: "long-enough-1") { id } }', 'NOT_FOUND'],
      ['createApiToken: 0 days', 'mutation { createApiToken(input: { name: "x", expiresInDays: 0 }) { token } }', 'BAD_USER_INPUT'],
      ['revokeApiToken: not mine', 'mutation { revokeApiToken(id: "9999") { id } }', 'NOT_FOUND'],
      ['revealResidentPersonalData: unknown resident', 'mutation { revealResidentPersonalData(id: "999999") { idNumber } }', 'NOT_FOUND'],
    ];
    const before = await digest();
    for (const [name, mutation, code] of cases) {
      const result = await api.gql(mutation);
      expect([name, result.errors?.[0]?.extensions.code]).toEqual([name, code]);
    }
    expect(await digest()).toEqual(before);
    const self = await api.gql(`mutation { deleteAccount(id: "${adminId}") { id } }`);
    expect(self.errors![0].extensions.reason).toBe('OWN_ACCOUNT');
  });

  it('the first administrator signs in with ADMIN_PASSWORD', async () => {
    const cookie = await api.login('admin', ADMIN_PASSWORD);
    expect((await withCookie(cookie)<{ me: { role: string } }>('{ me { role } }')).data.me.role).toBe('DISTRICT_ADMIN');
  });
});

describe('personal data', () => {
  interface PersonalData {
    idNumber: string;
    phone: string;
  }

  it('masks ID numbers and phones for everyone; revealing one is explicit and audited', async () => {
    const coordinator = await api.as('coordinator');
    const [row] = await api.sql<{ id: number; id_number: string; phone: string }>(
      `SELECT r.id, r.id_number, r.phone FROM resident r
      JOIN resident_version rv ON rv.resident_id = r.id AND upper_inf(rv.valid)
      JOIN household_version h ON h.household_id = rv.household_id AND upper_inf(h.valid)
      JOIN grid_version g ON g.grid_id = h.grid_id AND upper_inf(g.valid) WHERE g.community_id = $1 AND r.phone IS NOT NULL ORDER BY r.id LIMIT 1`,
      [muslimLane],
    );
    const { resident } = await coordinator.data<{ resident: PersonalData }>(`{ resident(id: "${row.id}") { idNumber phone } }`);
    expect(resident.idNumber).toBe(`${row.id_number.slice(0, 4)}**********${row.id_number.slice(-4)}`);
    expect(resident.phone).toBe(`${row.phone.slice(0, 3)}****${row.phone.slice(-4)}`);

    const { revealResidentPersonalData } = await coordinator.data<{ revealResidentPersonalData: PersonalData }>(
      `mutation { revealResidentPersonalData(id: "${row.id}") { idNumber phone } }`,
    );
    expect(revealResidentPersonalData).toEqual({ idNumber: row.id_number, phone: row.phone });
    const [event] = await api.sql(
      `SELECT operation, a.username FROM audit_event e JOIN account a ON a.id = e.actor_id
      WHERE e.entity_type = 'Resident' AND e.entity_id = $1 ORDER BY e.id DESC LIMIT 1`,
      [row.id],
    );
    expect(event).toEqual({ operation: 'REVEAL', username: 'coordinator' });
  });

  it('a report builder never sees a full ID number, not even by filtering or searching on it', async () => {
    const reporter = await api.as('reporter');
    const household = await sample.firstHouseholdOf(api, (await sample.firstGridOf(api, muslimLane)).id);
    const [resident] = await sample.residentsOf(api, household.id);
    expect(
      (await reporter.gql(`mutation { revealResidentPersonalData(id: "${resident.id}") { idNumber } }`)).errors![0].extensions.code,
    ).toBe('FORBIDDEN');
    const [row] = await api.sql<{ id_number: string }>('SELECT id_number FROM resident WHERE id = $1', [resident.id]);
    expect(
      (await reporter.gql(`{ residents(options: { filter: { idNumber: { eq: "${row.id_number}" } } }) { totalItems } }`)).errors![0]
        .extensions.code,
    ).toBe('FORBIDDEN');
    const search = await reporter.data<Count<'residents'>>(
      `{ residents(options: { filter: { search: "${row.id_number.slice(6, 14)}" } }) { totalItems } }`,
    );
    expect(search.residents.totalItems).toBe(0);
    const all = JSON.stringify(await reporter.data('{ residents(options: { take: 100 }) { items { idNumber phone } } }'));
    expect(all).not.toMatch(/\d{17}[\dX]/);
    // Not even the 4 trailing characters: with the age band they would narrow the number to a few dozen.
    expect(
      (await reporter.data<{ resident: { idNumber: string } }>(`{ resident(id: "${resident.id}") { idNumber } }`)).resident.idNumber,
    ).toBe(`${row.id_number.slice(0, 4)}${'*'.repeat(14)}`);
  });
});

describe('scope: people are visible only inside the reach', () => {
  /** A resident of Chenxi, outside the Muslim Lane accounts' reach, with their household and grid. */
  const outside = async () => {
    const grid = await sample.firstGridOf(api, chenxi);
    const household = await sample.firstHouseholdOf(api, grid.id);
    const [resident] = await sample.residentsOf(api, household.id);
    return { resident: resident.id, household: household.id, grid: grid.id };
  };
  /** A household of Muslim Lane and one of its residents, inside the reach. */
  const inside = async () => {
    const household = await sample.firstHouseholdOf(api, (await sample.firstGridOf(api, muslimLane)).id);
    const [resident] = await sample.residentsOf(api, household.id);
    return { household, resident };
  };

  it('a coordinator of Muslim Lane lists, counts and reads only Muslim Lane people', async () => {
    const coordinator = await api.as('coordinator');
    expect((await coordinator.data<Count<'residents'>>('{ residents { totalItems } }')).residents.totalItems).toBe(
      await sample.residentCountIn(api, muslimLane),
    );
    const { communities } = await coordinator.data<{
      communities: {
        items: Array<{
          id: string;
          residentCount: number;
          householdCount: number;
          grids: { items: Array<{ households: { totalItems: number } }> };
        }>;
      };
    }>('{ communities { items { id residentCount householdCount grids { items { households { totalItems } } } } } }');
    const others = communities.items.filter((c) => c.id !== muslimLane);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((c) => c.residentCount === 0 && c.householdCount === 0)).toBe(true);
    expect(others.every((c) => c.grids.items.length > 0 && c.grids.items.every((g) => g.households.totalItems === 0))).toBe(true);
    const other = await outside();
    expect((await coordinator.gql(`{ resident(id: "${other.resident}") { id } }`)).errors![0].extensions.code).toBe('NOT_FOUND');
    expect(
      (await coordinator.data<Count<'households'>>(`{ households(options: { filter: { ids: ["${other.household}"] } }) { totalItems } }`))
        .households.totalItems,
    ).toBe(0);
    expect(
      (
        await coordinator.data<Count<'residents'>>(
          `{ residents(options: { filter: { communityId: { eq: "${chenxi}" } } }) { totalItems } }`,
        )
      ).residents.totalItems,
    ).toBe(0);
  });

  it('a coordinator cannot change anything outside, nor move a household out of reach', async () => {
    const coordinator = await api.as('coordinator');
    const other = await outside();
    const update = await coordinator.gql(
      `mutation { updateHousehold(input: { id: "${other.household}", version: 1, address: "x" }) { id } }`,
    );
    expect(update.errors![0].extensions.code).toBe('NOT_FOUND');
    const { household } = await inside();
    const move = await coordinator.gql(
      `mutation { updateHousehold(input: { id: "${household.id}", version: ${household.version}, gridId: "${other.grid}" }) { id } }`,
    );
    expect(move.errors![0].extensions.fields).toEqual({ gridId: `Grid ${other.grid} does not exist` });
    const grid = await sample.firstGridOf(api, muslimLane);
    const structure = await coordinator.gql(
      `mutation { updateGrid(input: { id: "${grid.id}", version: ${grid.version}, name: "x" }) { id } }`,
    );
    expect(structure.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('a grid member reaches the households of their two grids; window staff write residents but not households', async () => {
    const member = await api.as('gridmember');
    const { gridIds } = await sample.account(api, 'gridmember');
    expect(gridIds).toHaveLength(2);
    const [{ n }] = await api.sql<{ n: number }>(
      'SELECT COUNT(*)::int AS n FROM household_version WHERE grid_id = ANY($1::int[]) AND valid @> $2::date',
      [gridIds, api.clock.today()],
    );
    expect(n).toBeGreaterThan(0);
    expect((await member.data<Count<'households'>>('{ households { totalItems } }')).households.totalItems).toBe(n);
    const window = await api.as('window');
    expect((await window.data<Count<'residents'>>('{ residents { totalItems } }')).residents.totalItems).toBe(
      await sample.residentCountIn(api, muslimLane),
    );
    const { household, resident } = await inside();
    expect(
      (
        await window.gql(
          `mutation { updateHousehold(input: { id: "${household.id}", version: ${household.version}, address: "x" }) { id } }`,
        )
      ).errors![0].extensions.code,
    ).toBe('FORBIDDEN');
    expect(
      (await window.gql(`mutation { updateResident(input: { id: "${resident.id}", version: 99 }) { id } }`)).errors![0].extensions.reason,
    ).toBe('STALE_VERSION');
  });
});

describe('several server instances behave as one', () => {
  beforeEach(() => api.sql('DELETE FROM login_throttle'));
  it('signs in on one instance and is known, then signed out, on the other', async () => {
    const second = await startTestServer({ database: api.databaseUrl });
    try {
      const cookie = await api.login('gridmember', 'demo');
      const onSecond = async <T = unknown>(query: string) =>
        (
          await fetch(`${second.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ query }),
          })
        ).json() as Promise<Answer<T>>;
      expect((await onSecond<{ me: { username: string } }>('{ me { username } }')).data.me.username).toBe('gridmember');
      await onSecond('mutation { logout }');
      expect((await withCookie(cookie)('{ me { username } }')).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    } finally {
      await second.close();
    }
  });
});
