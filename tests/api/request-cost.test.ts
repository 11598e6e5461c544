import pg from 'pg';
import { DEMO_PASSWORD } from '../../server/src/modules/auth/bootstrap';
import { TEST_TODAY } from '../support/global-setup';
import { MUSLIM_LANE, sample } from '../support/sample';
import { present } from '../support/present';
import { Client, clientOf, Count, dataOf, GraphQLResponse, startTestServer, TestServer } from '../support/test-server';

/**
 * What a request costs in SQL statements: one per level selected, the
 * caller's lookup included (none once the server knows the credential), and a
 * COUNT only when totalItems is selected. The benchmark (npm run bench) runs
 * the same queries at full scale and reports the same counts.
 */
let api: TestServer;
let second: TestServer;
beforeAll(async () => {
  api = await startTestServer();
  // A second server on the same database, as behind a load balancer.
  second = await startTestServer({ database: api.databaseUrl });
});
afterAll(async () => {
  await second.close();
  await api.close();
});

/** What a query costs and answers: `T` is the shape it selects. */
const statements = async <T = unknown>(client: Client, query: string) => {
  const answer = await client.gql<T>(query);
  expect(answer.errors).toBeUndefined();
  return { statements: answer.extensions?.sqlStatements, data: dataOf(answer) };
};

/** A list's ids as the API pages them (3 at a time, on through nextCursor, up to 12), its count, and what its first page costs. */
async function pagedIds(client: Client, list: 'residents' | 'households', day: string | null, filter: string) {
  type Page = { totalItems: number; totalItemsIsExact: boolean; nextCursor: string | null; items: Array<{ id: string }> };
  const ask = (after: string | null) =>
    statements<Record<string, Page>>(
      client,
      `{ ${list}(${day ? `asOf: "${day}", ` : ''}options: { take: 3, ${after ? `after: "${after}", ` : ''}filter: { ${filter} } }) { totalItems totalItemsIsExact nextCursor items { id } } }`,
    );
  const first = await ask(null);
  const page = first.data[list];
  const ids = page.items.map((item) => item.id);
  for (let cursor = page.nextCursor; cursor && ids.length < 12;) {
    const next = (await ask(cursor)).data[list];
    ids.push(...next.items.map((item) => item.id));
    cursor = next.nextCursor;
  }
  return { totalItems: page.totalItems, exact: page.totalItemsIsExact, ids, statements: first.statements };
}

/**
 * The list's first pages as the caller gets them (`pagedIds`) against the ids a plain scan gives: the same first 12
 * in order, and an exact count of them all. `label` names the case in a failure. The answer, for its statements.
 */
async function expectPagesAsScan(
  client: Client,
  list: 'residents' | 'households',
  day: string | null,
  filter: string,
  label: object,
  expected: string[],
) {
  const answer = await pagedIds(client, list, day, filter);
  expect({ ...label, totalItems: answer.totalItems, exact: answer.exact, ids: answer.ids }).toEqual({
    ...label,
    totalItems: expected.length,
    exact: true,
    ids: expected.slice(0, 12),
  });
  return answer;
}

/** A page of residents with its count, as the searches below select it. */
interface ResidentPage<Item = { id: string }> {
  residents: { totalItems: number; totalItemsIsExact: boolean; items: Item[] };
}

/** A client of `server` sending these credentials itself (the test server's own clients use API tokens). */
const withHeaders = (server: TestServer, headers: Record<string, string>): Client =>
  clientOf(async (query, variables) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  });
const bearer = (server: TestServer, token: string) => withHeaders(server, { authorization: `Bearer ${token}` });
const withCookie = (server: TestServer, cookie: string) => withHeaders(server, { cookie });

describe('finding the caller', () => {
  it('costs one statement for a token the server has not seen, and none once it has', async () => {
    const client = bearer(api, await api.tokenFor('official'));
    expect((await statements(client, '{ __typename }')).statements).toBe(1);
    expect((await statements(client, '{ __typename }')).statements).toBe(0);
    // `me` is one level: the account's row, read afresh.
    expect((await statements(client, '{ me { username } }')).statements).toBe(1);
  });

  it('costs two for a session of an account with a reach of its own (its reach is read too), and none once known', async () => {
    const client = withCookie(api, await api.login('coordinator', DEMO_PASSWORD));
    expect((await statements(client, '{ __typename }')).statements).toBe(2);
    expect(await statements(client, '{ me { username } }')).toEqual({ statements: 1, data: { me: { username: 'coordinator' } } });
  });

  it('a revoked token, a logout, a password reset, a role change and a disabled account reach every server at once', async () => {
    // Known to the second server before anything changes.
    const token = await api.tokenFor('official');
    const atSecond = bearer(second, token);
    await statements(atSecond, '{ __typename }');
    expect((await statements(atSecond, '{ __typename }')).statements).toBe(0);
    // Logged out at the first server: the second refuses the token once it hears the database's notification
    // (delivered a few milliseconds after the commit; until then it may still answer from memory).
    const official = (await sample.account(api, 'official')).id;
    let heard = second.authCache.heard(official);
    expect((await bearer(api, token).gql('mutation { logout }')).data).toEqual({ logout: true });
    await second.authCache.hear(official, heard);
    expect((await atSecond.gql('{ me { username } }')).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    // A token revoked by an administrator.
    const other = await api.tokenFor('official');
    await statements(bearer(second, other), '{ __typename }');
    heard = second.authCache.heard(official);
    const [{ id: tokenId }] = await api.sql(
      `SELECT id FROM api_token WHERE revoked_at IS NULL AND account_id = (SELECT id FROM account WHERE username = 'official') ORDER BY id DESC LIMIT 1`,
    );
    expect(
      (await api.gql('mutation ($id: ID!) { revokeAccountApiToken(id: $id) { id } }', { id: String(tokenId) })).errors,
    ).toBeUndefined();
    await second.authCache.hear(official, heard);
    expect((await bearer(second, other).gql('{ me { username } }')).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    // A session whose password is reset at the other server.
    const cookie = await api.login('window', DEMO_PASSWORD);
    const sessionAtSecond = withCookie(second, cookie);
    await statements(sessionAtSecond, '{ me { username } }');
    const window = await sample.account(api, 'window');
    heard = second.authCache.heard(window.id);
    expect(
      (await api.gql('mutation ($id: ID!) { resetPassword(id: $id, password: "a-new-password-1") { id } }', { id: window.id })).errors,
    ).toBeUndefined();
    await second.authCache.hear(window.id, heard);
    expect((await sessionAtSecond.gql('{ me { username } }')).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    // A role change: the account's credentials end, everywhere.
    const reporterToken = await api.tokenFor('reporter');
    await statements(bearer(second, reporterToken), '{ me { role } }');
    const reporter = await sample.account(api, 'reporter');
    heard = second.authCache.heard(reporter.id);
    const changed = await api.gql('mutation ($input: UpdateAccountInput!) { updateAccount(input: $input) { role } }', {
      input: { id: reporter.id, version: reporter.version, role: 'DISTRICT_OFFICIAL' },
    });
    expect(changed.errors).toBeUndefined();
    await second.authCache.hear(reporter.id, heard);
    expect((await bearer(second, reporterToken).gql('{ me { role } }')).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    // Written straight into the database (no server involved): the trigger tells both servers.
    const griddy = await api.tokenFor('gridmember');
    await statements(bearer(api, griddy), '{ __typename }');
    await statements(bearer(second, griddy), '{ __typename }');
    const gridmember = (await sample.account(api, 'gridmember')).id;
    const heardFirst = api.authCache.heard(gridmember);
    heard = second.authCache.heard(gridmember);
    await api.sql(`UPDATE account SET disabled = true WHERE username = 'gridmember'`);
    await api.authCache.hear(gridmember, heardFirst);
    await second.authCache.hear(gridmember, heard);
    expect((await bearer(api, griddy).gql('{ me { username } }')).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await bearer(second, griddy).gql('{ me { username } }')).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    await api.sql(`UPDATE account SET disabled = false WHERE username = 'gridmember'`);
  });

  it('a reach that changes with the day is read again when the day changes', async () => {
    const client = bearer(api, await api.tokenFor('gridmember'));
    expect((await statements(client, '{ __typename }')).statements).toBe(2);
    expect((await statements(client, '{ __typename }')).statements).toBe(0);
    const today = api.clock.today();
    try {
      api.clock.set('2031-01-01');
      expect((await statements(client, '{ __typename }')).statements).toBeGreaterThanOrEqual(1);
    } finally {
      api.clock.set(today);
    }
  });
});

describe('statements per request for the benchmark queries (caller known)', () => {
  let community: string;
  let grid: string;
  beforeAll(async () => {
    community = await sample.communityId(api, MUSLIM_LANE);
    grid = (await sample.firstGridOf(api, community)).id;
    await api.gql('{ __typename }');
  });

  const households = (filter: string, total: boolean) =>
    `{ households(options: { take: 25, filter: { ${filter} } }) { ${total ? 'totalItems ' : ''}items { id address grid { code name } residents { items { id name } } } } }`;

  it("a page of a community's households with grid and residents: one per level, and the COUNT only with totalItems", async () => {
    const withTotal = await statements<{ households: { items: unknown[] } }>(api, households(`communityId: { eq: "${community}" }`, true));
    expect(withTotal.data.households.items).toHaveLength(25);
    expect(withTotal.statements).toBe(3 + 1);
    expect((await statements(api, households(`communityId: { eq: "${community}" }`, false))).statements).toBe(3);
    expect((await statements(api, households(`gridId: { eq: "${grid}" }`, false))).statements).toBe(3);
  });

  it("communities with their counts, the tree and a grid's households with residents", async () => {
    expect((await statements(api, '{ communities { items { id name gridCount householdCount residentCount } } }')).statements).toBe(4);
    expect(
      (await statements(api, '{ communities { totalItems items { id name grids { items { id code householdCount } } } } }')).statements,
    ).toBe(3);
    expect(
      (
        await statements(
          api,
          `{ grid(id: "${grid}") { code households(options: { take: 100 }) { items { id address residents { items { id name tags } } } } } }`,
        )
      ).statements,
    ).toBe(3);
  });

  it('a one-character name search, with and without totalItems', async () => {
    const withTotal = await statements<ResidentPage>(
      api,
      '{ residents(options: { take: 5, filter: { search: "晓" } }) { totalItems items { id name } } }',
    );
    expect(withTotal.data.residents.items).toHaveLength(5);
    expect(withTotal.data.residents.totalItems).toBeGreaterThan(5);
    expect(withTotal.statements).toBe(2);
    expect((await statements(api, '{ residents(options: { take: 5, filter: { search: "晓" } }) { items { id name } } }')).statements).toBe(
      1,
    );
  });
});

describe('totalItems of a broad match', () => {
  // A server counting at most 5 rows per list, on the same database: the sample's broad matches are small.
  let capped: TestServer;
  beforeAll(async () => {
    capped = await startTestServer({ database: api.databaseUrl, listCountCap: 5 });
    await capped.gql('{ __typename }');
  });
  afterAll(() => capped.close());

  const search = '{ residents(options: { take: 2, filter: { search: "晓" } }) { totalItems totalItemsIsExact items { id } } }';

  it('counts up to the cap in the same one COUNT, and says when it stopped there', async () => {
    const exact = await statements<ResidentPage>(api, search);
    expect(exact.data.residents.totalItems).toBeGreaterThan(5);
    expect(exact.data.residents.totalItemsIsExact).toBe(true);
    expect(exact.statements).toBe(2);
    const broad = await statements<ResidentPage>(capped, search);
    expect(broad.statements).toBe(2);
    expect(broad.data.residents).toEqual({ totalItems: 5, totalItemsIsExact: false, items: exact.data.residents.items });
    // totalItemsIsExact alone costs the same COUNT; without either, none.
    expect((await statements(capped, search.replace('totalItems totalItemsIsExact ', 'totalItemsIsExact '))).statements).toBe(2);
    expect((await statements(capped, search.replace('totalItems totalItemsIsExact ', ''))).statements).toBe(1);
  });

  it('is exact up to the cap itself, and for a page that is not full', async () => {
    const { data } = await statements<ResidentPage>(api, '{ residents(options: { take: 6, sort: [{ field: name }] }) { items { id } } }');
    const ids = (n: number) => JSON.stringify(data.residents.items.slice(0, n).map((r) => r.id));
    const count = (n: number, take: number) =>
      statements<ResidentPage>(
        capped,
        `{ residents(options: { take: ${take}, filter: { ids: ${ids(n)} } }) { totalItems totalItemsIsExact } }`,
      );
    expect((await count(5, 1)).data.residents).toEqual({ totalItems: 5, totalItemsIsExact: true });
    expect((await count(6, 1)).data.residents).toEqual({ totalItems: 5, totalItemsIsExact: false });
    expect(await count(6, 10)).toEqual({ statements: 1, data: { residents: { totalItems: 6, totalItemsIsExact: true } } });
  });

  it('nested lists count exactly, per parent', async () => {
    const community = await sample.communityId(api, MUSLIM_LANE);
    const grid = (await sample.firstGridOf(api, community)).id;
    const nested = `{ grid(id: "${grid}") { householdCount households(options: { take: 1 }) { totalItems totalItemsIsExact } } }`;
    const { data } = await statements<{ grid: { householdCount: number; households: { totalItems: number; totalItemsIsExact: boolean } } }>(
      capped,
      nested,
    );
    expect(data.grid.householdCount).toBeGreaterThan(5);
    expect(data.grid.households).toEqual({ totalItems: data.grid.householdCount, totalItemsIsExact: true });
  });
});

describe('name search, by one or two characters, alone and within a community', () => {
  /** The residents whose name holds the text, by a plain scan: ids in order. */
  const reference = async (text: string, community: string | null) =>
    (
      await api.sql<{ id: string }>(
        `SELECT r.id::text AS id FROM resident r JOIN resident_version v ON v.resident_id = r.id AND v.valid @> $1::date
          JOIN household_version h ON h.household_id = v.household_id AND h.valid @> $1::date
          JOIN grid_version g ON g.grid_id = h.grid_id AND g.valid @> $1::date
        WHERE r.valid @> $1::date AND strpos(lower(r.name), lower($2)) > 0 AND ($3::int IS NULL OR g.community_id = $3::int) ORDER BY r.id`,
        [TEST_TODAY, text, community],
      )
    ).map((row) => row.id);

  it('finds what a scan finds, in order, with its count: a page and a COUNT', async () => {
    const community = await sample.communityId(api, MUSLIM_LANE);
    const [someone] = await reference('晓', community);
    const { data } = await statements<{ resident: { name: string } }>(api, `{ resident(id: "${someone}") { name } }`);
    const name = data.resident.name;
    const twice = name.slice(-2);
    const texts = ['晓', '马', twice, [...twice].reverse().join(''), name];
    for (const text of texts) {
      for (const within of [null, community]) {
        const expected = await reference(text, within);
        const filter = `search: ${JSON.stringify(text)}${within ? `, communityId: { eq: "${within}" }` : ''}`;
        const found = await statements<ResidentPage>(
          api,
          `{ residents(options: { take: 3, filter: { ${filter} } }) { totalItems totalItemsIsExact items { id } } }`,
        );
        expect({ text, within, ...found.data.residents }).toEqual({
          text,
          within,
          totalItems: expected.length,
          totalItemsIsExact: true,
          items: expected.slice(0, 3).map((id: string) => ({ id })),
        });
        expect(found.statements).toBe(expected.length > 0 && expected.length < 3 ? 1 : expected.length === 0 ? 1 : 2);
      }
    }
  });

  it('a coordinator finds only the residents of their reach, and counts them', async () => {
    const coordinator = await api.as('coordinator');
    const { residents } = await coordinator.data<ResidentPage<{ id: string; household: { grid: { communityId: string } } }>>(
      '{ residents(options: { take: 100, filter: { search: "晓" } }) { totalItems totalItemsIsExact items { id household { grid { communityId } } } } }',
    );
    const communities = [...new Set(residents.items.map((r) => r.household.grid.communityId))];
    const expected = (await Promise.all(communities.map((c) => reference('晓', c)))).flat().sort((a, b) => Number(a) - Number(b));
    expect(expected.length).toBeLessThan((await reference('晓', null)).length);
    expect(residents).toMatchObject({ totalItems: expected.length, totalItemsIsExact: true });
    expect(residents.items.map((r) => r.id)).toEqual(expected.slice(0, 100));
  });
});

describe("the window's searches within a community or grid, read from the kept placements", () => {
  interface Search {
    text?: string;
    last4?: string;
    community?: string;
    grid?: string;
  }
  /** The residents a search matches on a day, by a plain scan through the versions: ids in order. */
  const scan = async (day: string, { text, last4, community, grid }: Search) =>
    (
      await api.sql(
        `SELECT r.id::text AS id FROM resident r JOIN resident_version v ON v.resident_id = r.id AND v.valid @> $1::date
          JOIN household_version h ON h.household_id = v.household_id AND h.valid @> $1::date
          JOIN grid_version g ON g.grid_id = h.grid_id AND g.valid @> $1::date
        WHERE r.valid @> $1::date AND ($2::text IS NULL OR strpos(lower(r.name), lower($2)) > 0)
          AND ($3::text IS NULL OR right(r.id_number, 4) = $3) AND ($4::int IS NULL OR g.community_id = $4::int)
          AND ($5::int IS NULL OR h.grid_id = $5::int) ORDER BY r.id`,
        [day, text ?? null, last4 ?? null, community ?? null, grid ?? null],
      )
    ).map((row) => String(row.id));
  const filterOf = ({ text, last4, community, grid }: Search) =>
    [
      text !== undefined ? `search: ${JSON.stringify(text)}` : '',
      last4 !== undefined ? `idNumber: { last4: ${JSON.stringify(last4)} }` : '',
      community ? `communityId: { eq: "${community}" }` : '',
      grid ? `gridId: { eq: "${grid}" }` : '',
    ]
      .filter(Boolean)
      .join(', ');
  const found = (client: Client, day: string | null, search: Search) => pagedIds(client, 'residents', day, filterOf(search));
  /** Compares with the scan; `costs` also checks the statements (not right after a write or a new day, when the server reads the caller afresh). */
  const expectAsScan = async (client: Client, day: string, search: Search, asked: string | null = day, costs = true) => {
    const expected = await scan(day, search);
    const answer = await expectPagesAsScan(client, 'residents', asked, filterOf(search), { search, day }, expected);
    // A page and, when the page is full, a COUNT: one statement each, however many residents the community has.
    const lookup = search.last4 !== undefined ? 1 : 0;
    if (costs) expect(answer.statements).toBe((expected.length >= 3 ? 2 : 1) + lookup);
    return expected.length;
  };

  let community: string;
  let grid: string;
  let last4: string;
  let someone: { id: string; name: string };
  beforeAll(async () => {
    community = await sample.communityId(api, MUSLIM_LANE);
    grid = (await sample.firstGridOf(api, community)).id;
    [{ last4 }] = await api.sql(
      `SELECT right(r.id_number, 4) AS last4 FROM resident r JOIN resident_place p ON p.resident_id = r.id AND p.valid @> $2::date
      WHERE p.community_id = $1 GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 1`,
      [community, api.clock.today()],
    );
    // The last one found: far from the first household of the first grid, which the kept counts' test below moves.
    const id = (await scan(api.clock.today(), { text: '马', community })).at(-1);
    someone = (await api.data<{ resident: { id: string; name: string } }>(`{ resident(id: "${id}") { id name } }`)).resident;
  });

  const searches = (): Search[] => [
    { text: '马', community },
    { text: '马', grid },
    { text: someone.name.slice(-2), community },
    { text: someone.name, community },
    { text: '马', community, grid },
    { last4, community },
    { last4, grid },
    { last4: '0000', community },
    { community },
    { grid },
  ];

  it('find what a scan finds, in order, with its count, today and on past days', async () => {
    let matched = 0;
    for (const search of searches()) matched += await expectAsScan(api, api.clock.today(), search, null);
    expect(matched).toBeGreaterThan(100);
    for (const day of ['2018-06-01', '2014-09-28']) {
      for (const search of searches()) await expectAsScan(api, day, search);
    }
  });

  it("a coordinator finds only the residents of their reach, in their community or another's", async () => {
    const coordinator = await api.as('coordinator');
    const communities = await api.data<{ communities: { items: Array<{ id: string }> } }>('{ communities { items { id } } }');
    const reached = await coordinator.data<{ residents: { items: Array<{ household: { grid: { communityId: string } } }> } }>(
      '{ residents(options: { take: 1 }) { items { household { grid { communityId } } } } }',
    );
    const own = reached.residents.items[0].household.grid.communityId;
    const other = communities.communities.items.map((c) => c.id).find((id) => id !== own);
    const today = api.clock.today();
    await expectAsScan(coordinator, today, { text: '马', community: own }, null);
    await expectAsScan(coordinator, today, { last4, community: own }, null);
    const outside = await found(coordinator, null, { text: '马', community: other });
    expect(outside).toMatchObject({ totalItems: 0, ids: [] });
    expect((await scan(today, { text: '马', community: other })).length).toBeGreaterThan(0);
  });

  it("shows nobody outside the reach even if a kept place said so: the page is read through the list's own filter and reach", async () => {
    const coordinator = await api.as('coordinator');
    const reached = await coordinator.data<{
      residents: { items: Array<{ household: { gridId: string; grid: { communityId: string } } }> };
    }>('{ residents(options: { take: 1 }) { items { household { gridId grid { communityId } } } } }');
    const { gridId, grid } = reached.residents.items[0].household;
    const [stranger] = await api.sql<{ resident_id: number; name: string }>(
      `SELECT resident_id, name FROM resident_place WHERE community_id <> $1 AND valid @> $2::date ORDER BY resident_id LIMIT 1`,
      [grid.communityId, api.clock.today()],
    );
    // A kept place out of step with the records: the stranger placed in the coordinator's grid too.
    await api.sql(
      `INSERT INTO resident_place (resident_id, household_id, grid_id, community_id, valid, name, id_last4, phone_last4)
        SELECT resident_id, household_id, $2, $3, valid, name, id_last4, phone_last4 FROM resident_place
        WHERE resident_id = $1 AND valid @> $4::date`,
      [stranger.resident_id, gridId, grid.communityId, api.clock.today()],
    );
    try {
      for (const search of [{ text: stranger.name, community: grid.communityId }, { community: grid.communityId }, { grid: gridId }]) {
        expect((await found(coordinator, null, search)).ids).not.toContain(String(stranger.resident_id));
      }
    } finally {
      await api.sql('SELECT cg_place_residents(ARRAY[$1::int])', [stranger.resident_id]);
    }
  });

  it('follow a move dated tomorrow at midnight without a write, and a new name at once', async () => {
    const today = api.clock.today();
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    // The household of a resident found by name moves to another community's grid from tomorrow.
    const { resident } = await api.data<{ resident: { householdId: string } }>(`{ resident(id: "${someone.id}") { householdId } }`);
    const communities = await api.data<{ communities: { items: Array<{ id: string }> } }>('{ communities { items { id } } }');
    const other = present(
      communities.communities.items.map((c) => c.id).find((id) => id !== community),
      'another community',
    );
    const to = await sample.firstGridOf(api, other);
    const moved = await api.gql('mutation ($input: ChangeHouseholdInput!) { changeHousehold(input: $input) { __typename } }', {
      input: { id: resident.householdId, effectiveOn: tomorrow, gridId: to.id },
    });
    expect(moved.errors).toBeUndefined();
    const name = { text: someone.name };
    const checks = async () => {
      for (const day of [today, tomorrow]) {
        for (const where of [{ community }, { community: other }, { grid: to.id }])
          await expectAsScan(api, day, { ...name, ...where }, day, false);
      }
    };
    expect(await scan(today, { ...name, community })).toContain(someone.id);
    expect(await scan(tomorrow, { ...name, community: other })).toContain(someone.id);
    await checks();
    try {
      // At midnight the default day is tomorrow: the same kept rows answer, nothing written in between.
      api.clock.set(tomorrow);
      await expectAsScan(api, tomorrow, { ...name, community: other }, null, false);
      await expectAsScan(api, tomorrow, { ...name, community }, null, false);
      await checks();
    } finally {
      api.clock.set(today);
    }
    // A new name is found at once, in the community the resident lives in today.
    const { resident: current } = await api.data<{ resident: { version: number } }>(`{ resident(id: "${someone.id}") { version } }`);
    const renamed = await api.gql('mutation ($input: UpdateResidentInput!) { updateResident(input: $input) { id } }', {
      input: { id: someone.id, version: current.version, name: `${someone.name}滢` },
    });
    expect(renamed.errors).toBeUndefined();
    await expectAsScan(api, today, { text: '滢', community }, null, false);
    expect(await scan(today, { text: '滢', community })).toContain(someone.id);
    // The move taken back by hand (the tests after this one find the household where it was): the version from
    // tomorrow deleted, the one before it open again. The residents are back in the community tomorrow too.
    await api.sql(`DELETE FROM household_version WHERE household_id = $1 AND lower(valid) = $2::date`, [resident.householdId, tomorrow]);
    await api.sql(
      `UPDATE household_version SET valid = daterange(lower(valid), NULL) WHERE household_id = $1 AND upper(valid) = $2::date`,
      [resident.householdId, tomorrow],
    );
    await expectAsScan(api, tomorrow, { ...name, community }, tomorrow, false);
    expect(await scan(tomorrow, { ...name, community })).toContain(someone.id);
  });

  it('are kept exact: the kept rows equal placing everyone afresh, after the writes above and a statement moving a whole grid', async () => {
    const kept = () =>
      api.sql(
        `SELECT resident_id, household_id, grid_id, community_id, valid::text AS valid, name, id_last4, phone_last4 FROM resident_place
        ORDER BY resident_id, lower(valid) NULLS FIRST, household_id`,
      );
    // A grid goes to another community from 2020 on: its version ends (one statement), a new one begins (another).
    const [version] = await api.sql(
      `SELECT id, community_id, code, name, upper(valid)::text AS until FROM grid_version WHERE grid_id = $1 AND valid @> '2020-01-01'::date`,
      [grid],
    );
    const [other] = await api.sql(`SELECT id FROM community WHERE id <> $1 ORDER BY id LIMIT 1`, [version.community_id]);
    await api.sql(`UPDATE grid_version SET valid = daterange(lower(valid), '2020-01-01') WHERE id = $1`, [version.id]);
    await api.sql(
      `INSERT INTO grid_version (grid_id, community_id, code, name, valid) VALUES ($1, $2, $3, $4, daterange('2020-01-01', $5::date))`,
      [grid, other.id, version.code, version.name, version.until],
    );
    const after = await kept();
    await expectAsScan(api, '2021-01-01', { text: '马', community: String(other.id) }, '2021-01-01', false);
    await expectAsScan(api, '2019-12-31', { text: '马', community: String(version.community_id) }, '2019-12-31', false);
    await api.sql('SELECT cg_place_residents(NULL)');
    expect(await kept()).toEqual(after);
    // The grid back as it was: the new version deleted, the old one's days restored.
    await api.sql(`DELETE FROM grid_version WHERE grid_id = $1 AND lower(valid) = '2020-01-01'`, [grid]);
    await api.sql(`UPDATE grid_version SET valid = daterange(lower(valid), $2::date) WHERE id = $1`, [version.id, version.until]);
    const restored = await kept();
    await api.sql('SELECT cg_place_residents(NULL)');
    expect(await kept()).toEqual(restored);
    await expectAsScan(api, '2021-01-01', { text: '马', community: String(version.community_id) }, '2021-01-01', false);
    // One place per resident and day.
    const [{ overlaps }] = await api.sql(`SELECT COUNT(*)::int AS overlaps FROM resident_place a JOIN resident_place b
      ON a.resident_id = b.resident_id AND a.ctid < b.ctid AND a.valid && b.valid`);
    expect(overlaps).toBe(0);
  });

  it('are kept exact by two writers at once: a rename waits for an uncommitted move of its household, then places the resident with both', async () => {
    const [mover, renamer] = [new pg.Client({ connectionString: api.databaseUrl }), new pg.Client({ connectionString: api.databaseUrl })];
    await Promise.all([mover.connect(), renamer.connect()]);
    try {
      const [who] = await api.sql<{ id: number; name: string; household_id: number; grid_id: number; version_id: number }>(
        `SELECT r.id, r.name, h.household_id, h.grid_id, h.id AS version_id FROM resident r
          JOIN resident_version rv ON rv.resident_id = r.id AND upper_inf(rv.valid)
          JOIN household_version h ON h.household_id = rv.household_id AND upper_inf(h.valid) ORDER BY r.id DESC LIMIT 1`,
      );
      const [to] = await api.sql<{ grid_id: number }>(
        'SELECT grid_id FROM grid_version WHERE grid_id <> $1 AND upper_inf(valid) ORDER BY grid_id LIMIT 1',
        [who.grid_id],
      );
      await mover.query('BEGIN');
      await mover.query('UPDATE household_version SET grid_id = $2 WHERE id = $1', [who.version_id, to.grid_id]);
      await renamer.query('BEGIN');
      const renaming = renamer.query(`UPDATE resident SET name = name || '澜' WHERE id = $1`, [who.id]);
      // The rename's placing waits for the move's locks (before, it went ahead and missed the rows the move wrote).
      const pid = (renamer as pg.Client & { processID: number }).processID;
      for (let waited = 0; ; waited += 50) {
        const [row] = await api.sql<{ wait: string | null }>('SELECT wait_event_type AS wait FROM pg_stat_activity WHERE pid = $1', [pid]);
        if (row?.wait === 'Lock') break;
        if (waited > 10_000) throw new Error('the rename did not wait for the move');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await mover.query('COMMIT');
      await renaming;
      await renamer.query('COMMIT');
      const places = await api.sql<{ grid_id: number; name: string }>(
        'SELECT grid_id, name FROM resident_place WHERE resident_id = $1 AND upper_inf(valid)',
        [who.id],
      );
      expect(places).toEqual([{ grid_id: to.grid_id, name: `${who.name}澜` }]);
      const kept = await api.sql('SELECT * FROM resident_place ORDER BY resident_id, lower(valid) NULLS FIRST, household_id');
      await api.sql('SELECT cg_place_residents(NULL)');
      expect(await api.sql('SELECT * FROM resident_place ORDER BY resident_id, lower(valid) NULLS FIRST, household_id')).toEqual(kept);
      // Put back as it was.
      await api.sql('UPDATE household_version SET grid_id = $2 WHERE id = $1', [who.version_id, who.grid_id]);
      await api.sql('UPDATE resident SET name = $2 WHERE id = $1', [who.id, who.name]);
    } finally {
      await Promise.all([mover.end(), renamer.end()]);
    }
  });
});

describe('households of a community or grid, read from the kept placement', () => {
  interface Where {
    community?: string;
    grid?: string;
  }
  interface HouseholdPage {
    households: { totalItems: number; totalItemsIsExact: boolean; nextCursor: string | null; items: Array<{ id: string }> };
  }
  /** The households in a community or grid on a day, by a plain scan through the versions: ids in order. */
  const scan = async (day: string, { community, grid }: Where) =>
    (
      await api.sql(
        `SELECT e.id::text AS id FROM household e JOIN household_version h ON h.household_id = e.id AND h.valid @> $1::date
          JOIN grid_version g ON g.grid_id = h.grid_id AND g.valid @> $1::date
        WHERE e.valid @> $1::date AND ($2::int IS NULL OR g.community_id = $2::int) AND ($3::int IS NULL OR h.grid_id = $3::int) ORDER BY e.id`,
        [day, community ?? null, grid ?? null],
      )
    ).map((row) => String(row.id));
  const filterOf = ({ community, grid }: Where) =>
    [community ? `communityId: { eq: "${community}" }` : '', grid ? `gridId: { eq: "${grid}" }` : ''].filter(Boolean).join(', ');
  const found = (client: Client, day: string | null, where: Where) => pagedIds(client, 'households', day, filterOf(where));
  /** Compares with the scan; `costs` also checks the statements (a page and, when it is full, a COUNT). */
  const expectAsScan = async (client: Client, day: string, where: Where, asked: string | null = day, costs = true) => {
    const expected = await scan(day, where);
    const answer = await expectPagesAsScan(client, 'households', asked, filterOf(where), { where, day }, expected);
    if (costs) expect(answer.statements).toBe(expected.length >= 3 ? 2 : 1);
    return expected.length;
  };
  const kept = () =>
    api.sql(
      `SELECT household_id, grid_id, community_id, valid::text AS valid FROM household_place
      ORDER BY household_id, lower(valid) NULLS FIRST, grid_id`,
    );
  const expectKeptExact = async () => {
    const before = await kept();
    await api.sql('SELECT cg_place_households(NULL)');
    expect(await kept()).toEqual(before);
    // One place per household and day.
    const [{ overlaps }] = await api.sql(`SELECT COUNT(*)::int AS overlaps FROM household_place a JOIN household_place b
      ON a.household_id = b.household_id AND a.ctid < b.ctid AND a.valid && b.valid`);
    expect(overlaps).toBe(0);
  };

  let community: string;
  let grid: string;
  beforeAll(async () => {
    community = await sample.communityId(api, MUSLIM_LANE);
    grid = (await sample.firstGridOf(api, community)).id;
  });

  it('find what a scan finds, in order, with its count, today and on past days', async () => {
    let matched = 0;
    for (const where of [{ community }, { grid }, { community, grid }]) matched += await expectAsScan(api, api.clock.today(), where, null);
    expect(matched).toBeGreaterThan(12);
    for (const day of ['2018-06-01', '2014-09-28']) {
      for (const where of [{ community }, { grid }]) await expectAsScan(api, day, where);
    }
  });

  it('take the usual path for what the placement cannot answer: an address search, another filter, a sort', async () => {
    const today = api.clock.today();
    const expected = await scan(today, { community });
    const [{ address }] = await api.sql<{ address: string }>('SELECT address FROM household WHERE id = $1', [expected[0]]);
    const page = async (extra: string) =>
      (
        await statements<HouseholdPage>(
          api,
          `{ households(options: { take: 3, filter: { communityId: { eq: "${community}" }${extra} } }) { totalItems items { id } } }`,
        )
      ).data.households;
    // The first household's kept places removed: the placement no longer names it, the usual path still finds it.
    await api.sql('DELETE FROM household_place WHERE household_id = $1', [expected[0]]);
    try {
      expect((await page('')).items.map((h) => h.id)).not.toContain(expected[0]);
      for (const extra of [`, search: ${JSON.stringify(address)}`, `, address: { contains: ${JSON.stringify(address)} }`]) {
        expect((await page(extra)).items.map((h) => h.id)).toContain(expected[0]);
      }
      const sorted = await statements<HouseholdPage>(
        api,
        `{ households(options: { take: 3, sort: [{ field: gridId, order: DESC }], filter: { communityId: { eq: "${community}" } } }) { totalItems items { id } } }`,
      );
      expect(sorted.data.households.totalItems).toBe(expected.length);
    } finally {
      await api.sql('SELECT cg_place_households(ARRAY[$1::int])', [expected[0]]);
    }
    await expectAsScan(api, today, { community }, null);
  });

  it('a coordinator finds only the households of their reach', async () => {
    const coordinator = await api.as('coordinator');
    const communities = await api.data<{ communities: { items: Array<{ id: string }> } }>('{ communities { items { id } } }');
    const reached = await coordinator.data<{ households: { items: Array<{ gridId: string; grid: { communityId: string } }> } }>(
      '{ households(options: { take: 1 }) { items { gridId grid { communityId } } } }',
    );
    const { gridId, grid: own } = reached.households.items[0];
    const today = api.clock.today();
    await expectAsScan(coordinator, today, { community: own.communityId }, null);
    await expectAsScan(coordinator, today, { grid: gridId }, null);
    const other = present(
      communities.communities.items.map((c) => c.id).find((id) => id !== own.communityId),
      'another community',
    );
    expect(await found(coordinator, null, { community: other })).toMatchObject({ totalItems: 0, ids: [] });
    expect((await scan(today, { community: other })).length).toBeGreaterThan(0);
  });

  it('follow a move dated tomorrow at midnight without a write, and are kept exact through it and a grid changing community', async () => {
    const today = api.clock.today();
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    // The last household of the community (far from the first grid) moves to another community's grid from tomorrow.
    const household = present((await scan(today, { community })).at(-1), 'a household');
    const communities = await api.data<{ communities: { items: Array<{ id: string }> } }>('{ communities { items { id } } }');
    const other = present(
      communities.communities.items.map((c) => c.id).find((id) => id !== community),
      'another community',
    );
    const to = await sample.firstGridOf(api, other);
    const moved = await api.gql('mutation ($input: ChangeHouseholdInput!) { changeHousehold(input: $input) { __typename } }', {
      input: { id: household, effectiveOn: tomorrow, gridId: to.id },
    });
    expect(moved.errors).toBeUndefined();
    expect(await scan(today, { community })).toContain(household);
    expect(await scan(tomorrow, { community: other })).toContain(household);
    const checks = async () => {
      for (const day of [today, tomorrow]) {
        for (const where of [{ community }, { community: other }, { grid: to.id }]) await expectAsScan(api, day, where, day, false);
      }
    };
    await checks();
    try {
      // At midnight the default day is tomorrow: the same kept rows answer, nothing written in between.
      api.clock.set(tomorrow);
      await expectAsScan(api, tomorrow, { community: other }, null, false);
      await expectAsScan(api, tomorrow, { community }, null, false);
      await checks();
    } finally {
      api.clock.set(today);
    }
    await expectKeptExact();
    // The move taken back by hand: the version from tomorrow deleted, the one before it open again.
    await api.sql(`DELETE FROM household_version WHERE household_id = $1 AND lower(valid) = $2::date`, [household, tomorrow]);
    await api.sql(
      `UPDATE household_version SET valid = daterange(lower(valid), NULL) WHERE household_id = $1 AND upper(valid) = $2::date`,
      [household, tomorrow],
    );
    await expectAsScan(api, tomorrow, { community }, tomorrow, false);
    expect(await scan(tomorrow, { community })).toContain(household);
    await expectKeptExact();
    // A grid goes to another community from 2020 on: its version ends (one statement), a new one begins (another).
    const [version] = await api.sql(
      `SELECT id, community_id, code, name, upper(valid)::text AS until FROM grid_version WHERE grid_id = $1 AND valid @> '2020-01-01'::date`,
      [grid],
    );
    await api.sql(`UPDATE grid_version SET valid = daterange(lower(valid), '2020-01-01') WHERE id = $1`, [version.id]);
    await api.sql(
      `INSERT INTO grid_version (grid_id, community_id, code, name, valid) VALUES ($1, $2, $3, $4, daterange('2020-01-01', $5::date))`,
      [grid, other, version.code, version.name, version.until],
    );
    await expectAsScan(api, '2021-01-01', { community: other }, '2021-01-01', false);
    await expectAsScan(api, '2019-12-31', { community: String(version.community_id) }, '2019-12-31', false);
    await expectAsScan(api, '2021-01-01', { grid }, '2021-01-01', false);
    await expectKeptExact();
    // The grid back as it was: the new version deleted, the old one's days restored.
    await api.sql(`DELETE FROM grid_version WHERE grid_id = $1 AND lower(valid) = '2020-01-01'`, [grid]);
    await api.sql(`UPDATE grid_version SET valid = daterange(lower(valid), $2::date) WHERE id = $1`, [version.id, version.until]);
    await expectAsScan(api, '2021-01-01', { community: String(version.community_id) }, '2021-01-01', false);
    await expectKeptExact();
  });

  it('are kept exact by two writers at once: a grid changing community waits for an uncommitted move of a household into it', async () => {
    const [mover, changer] = [new pg.Client({ connectionString: api.databaseUrl }), new pg.Client({ connectionString: api.databaseUrl })];
    await Promise.all([mover.connect(), changer.connect()]);
    try {
      // The last household of the first grid of the community moves into the community's second grid.
      const [from, into] = (await sample.gridsOf(api, community)).map((grid) => Number(grid.id));
      const [household] = await api.sql<{ id: number; household_id: number }>(
        'SELECT id, household_id FROM household_version WHERE grid_id = $1 AND upper_inf(valid) ORDER BY household_id DESC LIMIT 1',
        [from],
      );
      const [grid] = await api.sql<{ id: number; community_id: number }>(
        'SELECT id, community_id FROM grid_version WHERE grid_id = $1 AND upper_inf(valid)',
        [into],
      );
      const [other] = await api.sql<{ id: number }>('SELECT id FROM community WHERE id <> $1 ORDER BY id LIMIT 1', [grid.community_id]);
      await mover.query('BEGIN');
      await mover.query('UPDATE household_version SET grid_id = $2 WHERE id = $1', [household.id, into]);
      // The grid's new community, on another connection: placing its households waits for the move's locks.
      await changer.query('BEGIN');
      const changing = changer.query('UPDATE grid_version SET community_id = $2 WHERE id = $1', [grid.id, other.id]);
      const pid = (changer as pg.Client & { processID: number }).processID;
      for (let waited = 0; ; waited += 50) {
        const [row] = await api.sql<{ wait: string | null }>('SELECT wait_event_type AS wait FROM pg_stat_activity WHERE pid = $1', [pid]);
        if (row?.wait === 'Lock') break;
        if (waited > 10_000) throw new Error('the change of community did not wait for the move');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await mover.query('COMMIT');
      await changing;
      await changer.query('COMMIT');
      // The moved household is placed in the grid, under its new community: the second writer saw the first's move.
      expect(
        await api.sql('SELECT grid_id, community_id FROM household_place WHERE household_id = $1 AND upper_inf(valid)', [
          household.household_id,
        ]),
      ).toEqual([{ grid_id: into, community_id: other.id }]);
      await expectKeptExact();
      // Put back as it was.
      await api.sql('UPDATE grid_version SET community_id = $2 WHERE id = $1', [grid.id, grid.community_id]);
      await api.sql('UPDATE household_version SET grid_id = $2 WHERE id = $1', [household.id, from]);
      await expectKeptExact();
    } finally {
      await Promise.all([mover.end(), changer.end()]);
    }
  });
});

describe("the home page's affair counts", () => {
  const COUNTS = '{ affairCounts { open overdue dueSoon resolvedThisWeek toClassify } }';
  const RUNNING = '[CLASSIFIED, ASSIGNED, IN_PROGRESS, RETURNED]';
  const OPEN = '[ACCEPTED, CLASSIFIED, ASSIGNED, IN_PROGRESS, RETURNED, SUSPENDED]';

  it('equal the worklists they stand for and a count of every affair, for the district and a coordinator: the calendar and one statement', async () => {
    // A Tuesday: the week so far runs from Monday the 15th; a working day after it is Wednesday the 17th.
    api.clock.set('2026-06-16');
    try {
      const coordinator = await api.as('coordinator');
      // Callers known on the day (their reach is read once per day).
      await api.gql('{ __typename }');
      await coordinator.gql('{ __typename }');
      const figures: Array<Record<string, number>> = [];
      for (const client of [api, coordinator]) {
        const listed = async (filter: string) =>
          (await client.data<Count<'affairs'>>(`{ affairs(options: { take: 1, filter: { ${filter} } }) { totalItems } }`)).affairs
            .totalItems;
        const { statements: cost, data } = await statements<{ affairCounts: Record<string, number> }>(client, COUNTS);
        expect(cost).toBe(2);
        expect(data.affairCounts).toEqual({
          open: await listed(`status: { in: ${OPEN} }`),
          overdue: await listed(`status: { in: ${RUNNING} }, dueOn: { lt: "2026-06-16" }`),
          dueSoon: await listed(`status: { in: ${RUNNING} }, dueOn: { gte: "2026-06-16", lte: "2026-06-17" }`),
          resolvedThisWeek: await listed('resolvedOn: { gte: "2026-06-15", lte: "2026-06-16" }'),
          toClassify: await listed('status: { in: [ACCEPTED, RETURNED] }'),
        });
        figures.push(data.affairCounts);
      }
      const [everything] = await api.sql(
        `SELECT COUNT(*) FILTER (WHERE status IN ('ACCEPTED', 'CLASSIFIED', 'ASSIGNED', 'IN_PROGRESS', 'RETURNED', 'SUSPENDED'))::int AS open,
          COUNT(*) FILTER (WHERE status IN ('CLASSIFIED', 'ASSIGNED', 'IN_PROGRESS', 'RETURNED') AND due_on < '2026-06-16')::int AS overdue,
          COUNT(*) FILTER (WHERE status IN ('CLASSIFIED', 'ASSIGNED', 'IN_PROGRESS', 'RETURNED') AND due_on BETWEEN '2026-06-16' AND '2026-06-17')::int AS "dueSoon",
          COUNT(*) FILTER (WHERE resolved_on BETWEEN '2026-06-15' AND '2026-06-16')::int AS "resolvedThisWeek",
          COUNT(*) FILTER (WHERE status IN ('ACCEPTED', 'RETURNED'))::int AS "toClassify" FROM affair`,
      );
      expect(figures[0]).toEqual(everything);
      expect(figures[1].open).toBeLessThan(figures[0].open);
    } finally {
      api.clock.set(TEST_TODAY);
    }
  });
});

describe('visit coverage', () => {
  /** Coverage as its definition reads, one household at a time: its last visit up to the day, and whether a resident of it has a special tag. */
  const byHousehold = async (day: string) =>
    api.sql<Coverage>(
      `WITH hh AS (
        SELECT hv.household_id, hv.grid_id,
          (SELECT MAX(vi.visited_on) FROM visit vi WHERE vi.household_id = hv.household_id AND vi.visited_on <= $1::date) AS last_visit,
          EXISTS (SELECT 1 FROM resident_version rv WHERE rv.household_id = hv.household_id AND rv.valid @> $1::date
            AND rv.tags && ARRAY['ELDERLY_ALONE', 'DISABLED', 'LEFT_BEHIND_CHILD']) AS special
        FROM household_version hv WHERE hv.valid @> $1::date)
      SELECT g.grid_id::text AS "gridId", g.community_id::text AS "communityId", COUNT(hh.household_id)::int AS households,
        (COUNT(hh.household_id) FILTER (WHERE hh.last_visit > $1::date - 90))::int AS visited,
        (COUNT(hh.household_id) FILTER (WHERE hh.last_visit IS NULL))::int AS "neverVisited",
        (COUNT(hh.household_id) FILTER (WHERE hh.special AND (hh.last_visit IS NULL OR hh.last_visit <= $1::date - 30)))::int AS "specialDue"
      FROM grid_version g LEFT JOIN hh ON hh.grid_id = g.grid_id WHERE g.valid @> $1::date GROUP BY g.grid_id, g.community_id ORDER BY g.grid_id`,
      [day],
    );
  interface Coverage {
    gridId: string;
    communityId: string;
    households: number;
    visited: number;
    neverVisited: number;
    specialDue: number;
  }
  const COVERAGE = (asOf: string, community = '') =>
    `{ visitCoverage(asOf: "${asOf}"${community}) { gridId communityId households visited neverVisited specialDue } }`;

  it('is what counting household by household gives, today and on a past day, set-based in two statements', async () => {
    await api.gql('{ __typename }');
    for (const day of [TEST_TODAY, '2026-03-01', '2025-12-31']) {
      const { statements: cost, data } = await statements<{ visitCoverage: Coverage[] }>(api, COVERAGE(day));
      expect(cost).toBe(2);
      const expected = await byHousehold(day);
      expect(expected.some((grid) => grid.visited > 0)).toBe(true);
      expect(data.visitCoverage).toEqual(expected);
    }
    const community = await sample.communityId(api, MUSLIM_LANE);
    const { data } = await statements<{ visitCoverage: Coverage[] }>(api, COVERAGE(TEST_TODAY, `, communityId: "${community}"`));
    expect(data.visitCoverage).toEqual((await byHousehold(TEST_TODAY)).filter((grid) => grid.communityId === community));
  });
});

describe('counts kept per grid', () => {
  /** What counting the members themselves gives, per community and per grid, on a day. */
  const counted = async (day: string) => {
    const byGrid = await api.sql<{ grid: number; community: number; households: number; residents: number }>(
      `SELECT g.grid_id AS grid, g.community_id AS community,
        (SELECT COUNT(*) FROM household_version h WHERE h.grid_id = g.grid_id AND h.valid @> $1::date)::int AS households,
        (SELECT COUNT(*) FROM resident_version r JOIN household_version h ON h.household_id = r.household_id AND h.valid @> $1::date
          WHERE h.grid_id = g.grid_id AND r.valid @> $1::date)::int AS residents
      FROM grid_version g WHERE g.valid @> $1::date ORDER BY g.grid_id`,
      [day],
    );
    const communities = new Map<string, { householdCount: number; residentCount: number }>();
    for (const row of byGrid) {
      const sum = communities.get(String(row.community)) ?? { householdCount: 0, residentCount: 0 };
      sum.householdCount += row.households;
      sum.residentCount += row.residents;
      communities.set(String(row.community), sum);
    }
    return {
      grids: byGrid.map((row) => ({ id: String(row.grid), householdCount: row.households, residentCount: row.residents })),
      communities,
    };
  };
  const reported = async (day: string) => {
    const data = await api.data<{
      communities: {
        items: Array<{
          id: string;
          householdCount: number;
          residentCount: number;
          grids: { items: Array<{ id: string; householdCount: number; residentCount: number }> };
        }>;
      };
    }>(
      `query ($day: LocalDate) { communities(asOf: $day) { items { id householdCount residentCount grids { items { id householdCount residentCount } } } } }`,
      { day },
    );
    return data.communities.items;
  };
  const expectAgree = async (day: string) => {
    const truth = await counted(day);
    const answer = await reported(day);
    expect(answer.length).toBeGreaterThan(0);
    for (const community of answer) {
      expect({ id: community.id, householdCount: community.householdCount, residentCount: community.residentCount }).toEqual({
        id: community.id,
        ...(truth.communities.get(community.id) ?? { householdCount: 0, residentCount: 0 }),
      });
    }
    expect(answer.flatMap((c) => c.grids.items).sort((a, b) => Number(a.id) - Number(b.id))).toEqual(truth.grids);
  };

  it('agree with counting the members, today and on past days, and follow a move dated tomorrow at midnight without a write', async () => {
    const today = api.clock.today();
    await expectAgree(today);
    await expectAgree('2018-06-01');
    await expectAgree('2014-09-28');
    // A household moves to another community's grid from tomorrow: today's counts stay, tomorrow's follow.
    const muslimLane = await sample.communityId(api, MUSLIM_LANE);
    const from = await sample.firstGridOf(api, muslimLane);
    const household = await sample.firstHouseholdOf(api, from.id);
    const communities = await api.data<{ communities: { items: Array<{ id: string }> } }>('{ communities { items { id } } }');
    const other = present(
      communities.communities.items.map((c) => c.id).find((id) => id !== muslimLane),
      'a community besides Muslim Lane',
    );
    const to = await sample.firstGridOf(api, other);
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const moved = await api.gql('mutation ($input: ChangeHouseholdInput!) { changeHousehold(input: $input) { __typename } }', {
      input: { id: household.id, effectiveOn: tomorrow, gridId: to.id },
    });
    expect(moved.errors).toBeUndefined();
    await expectAgree(today);
    await expectAgree(tomorrow);
    try {
      api.clock.set(tomorrow);
      await expectAgree(tomorrow);
      await expectAgree(today);
    } finally {
      api.clock.set(today);
    }
  });
  it('stay exact through statements that change many memberships at once, and equal a recount from scratch', async () => {
    const kept = async () => ({
      members: await api.sql(
        'SELECT grid_id, valid::text AS valid, households, residents FROM grid_member_count ORDER BY grid_id, lower(valid) NULLS FIRST',
      ),
      tags: await api.sql(
        'SELECT grid_id, tag, valid::text AS valid, residents FROM grid_tag_count ORDER BY grid_id, tag, lower(valid) NULLS FIRST',
      ),
    });
    const day = '2020-03-01';
    // The two grids with the most households on the day.
    const [from, to] = (
      await api.sql(
        `SELECT grid_id FROM household_version WHERE valid @> $1::date
      GROUP BY grid_id ORDER BY COUNT(*) DESC, grid_id LIMIT 2`,
        [day],
      )
    ).map((g) => g.grid_id);
    const before = await kept();
    // One statement ends every household of a grid on the day, the next moves them all to another grid from then on.
    // (TypeORM answers an UPDATE … RETURNING with [rows, count].)
    const [ended] = await api.sql<Array<{ household_id: number; registration_type: string }>>(
      `UPDATE household_version SET valid = daterange(lower(valid), $2::date)
      WHERE grid_id = $1 AND valid @> $2::date AND lower(valid) < $2::date RETURNING household_id, registration_type`,
      [from, day],
    );
    expect(ended.length).toBeGreaterThan(1);
    await api.sql(
      `INSERT INTO household_version (household_id, grid_id, registration_type, valid)
      SELECT household_id, $1, registration_type, daterange($2::date, NULL) FROM unnest($3::int[], $4::registration_type[]) AS m(household_id, registration_type)`,
      [to, day, ended.map((h) => h.household_id), ended.map((h) => h.registration_type)],
    );
    // One statement ends the memberships of every resident of the receiving grid a year later; another changes a column counts do not read.
    const [left] = await api.sql<Array<{ id: number }>>(
      `UPDATE resident_version r SET valid = daterange(lower(r.valid), '2021-03-01') FROM household_version h
      WHERE h.household_id = r.household_id AND h.grid_id = $1 AND h.valid @> '2021-03-01'::date AND r.valid @> '2021-03-01'::date
        AND lower(r.valid) < '2021-03-01' RETURNING r.id`,
      [to],
    );
    expect(left.length).toBeGreaterThan(1);
    await api.sql('UPDATE resident_version SET tags = tags WHERE id = ANY($1)', [left.map((r) => r.id)]);
    // One statement tags every resident of the first grid as a veteran.
    const [tagged] = await api.sql(
      `UPDATE resident_version r SET tags = array_append(r.tags, 'VETERAN') FROM household_version h
      WHERE h.household_id = r.household_id AND h.grid_id = $1 AND NOT 'VETERAN' = ANY (r.tags) RETURNING r.id`,
      [from],
    );
    expect(tagged.length).toBeGreaterThan(1);
    const after = await kept();
    expect(after.members).not.toEqual(before.members);
    expect(after.tags).not.toEqual(before.tags);
    await expectAgree(day);
    await expectAgree('2021-03-01');
    await expectAgree('2021-02-28');
    await api.sql('SELECT cg_rebuild_member_counts()');
    expect(await kept()).toEqual(after);
  });

  it("count residents by tag from the kept counts, as the members say, for the whole reach and for a coordinator's", async () => {
    const day = api.clock.today();
    const truth = async (tag: string) =>
      new Map(
        (
          await api.sql<{ community: number; n: number }>(
            `SELECT g.community_id AS community, COUNT(*)::int AS n FROM resident_version r
        JOIN household_version h ON h.household_id = r.household_id AND h.valid @> $1::date
        JOIN grid_version g ON g.grid_id = h.grid_id AND g.valid @> $1::date
      WHERE r.valid @> $1::date AND $2 = ANY (r.tags) GROUP BY 1`,
            [day, tag],
          )
        ).map((row) => [String(row.community), row.n]),
      );
    interface TaggedCounts {
      districts: { items: Array<{ residentCount: number }> };
      communities: { items: Array<{ id: string; residentCount: number; grids: { items: Array<{ residentCount: number }> } }> };
    }
    const query = `query ($tag: ResidentTag) { districts { items { residentCount(tag: $tag) } }
      communities { items { id residentCount(tag: $tag) grids { items { residentCount(tag: $tag) } } } } }`;
    const coordinator = withCookie(api, await api.login('coordinator', DEMO_PASSWORD));
    const muslimLane = await sample.communityId(api, MUSLIM_LANE);
    for (const tag of ['ELDERLY_ALONE', 'DISABLED', 'VETERAN']) {
      const expected = await truth(tag);
      const answer = await api.gql<TaggedCounts>(query, { tag });
      const { communities, districts } = dataOf(answer);
      for (const community of communities.items) {
        expect(community.residentCount).toBe(expected.get(community.id) ?? 0);
        expect(community.grids.items.reduce((sum, grid) => sum + grid.residentCount, 0)).toBe(community.residentCount);
      }
      expect(districts.items[0].residentCount).toBe([...expected.values()].reduce((a, b) => a + b, 0));
      expect([...expected.values()].some((n) => n > 0)).toBe(true);
      // Tagged counts cost what untagged ones do: one statement per level.
      const untagged = await api.gql(query.replace(/\(\$tag: ResidentTag\) /, '').replace(/\(tag: \$tag\)/g, ''));
      expect(untagged.errors).toBeUndefined();
      expect(answer.extensions!.sqlStatements).toBe(untagged.extensions!.sqlStatements);
      // A coordinator of Muslim Lane counts its own members: the same figure for Muslim Lane, none elsewhere.
      const scoped = dataOf(await coordinator.gql<TaggedCounts>(query, { tag }));
      for (const community of scoped.communities.items) {
        expect(community.residentCount).toBe(community.id === muslimLane ? (expected.get(community.id) ?? 0) : 0);
      }
    }
  });
});
