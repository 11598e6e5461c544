import pg from 'pg';
import { TEST_TODAY } from '../support/global-setup';
import { sample } from '../support/sample';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Moves between two grids at once, in both directions. Each move is several statements whose triggers lock the
 * grids they touch (kept counts and placements); unless a move first takes every grid it will touch, two opposite
 * moves each hold one grid and wait for the other, and PostgreSQL refuses one of them as a deadlock
 * (SERVICE_UNAVAILABLE): about half of these bursts were refused before the WriteGridLocks migration. The last
 * tests hold a lock on another connection, as a concurrent writer would, to show the order in which a move takes them.
 */
let api: TestServer;
let grids: [string, string];
beforeAll(async () => {
  api = await startTestServer({ poolSize: 8 });
  const { communities } = await api.data<{ communities: { items: Array<{ id: string }> } }>('{ communities { items { id } } }');
  const [one, two] = await sample.gridsOf(api, communities.items[0].id);
  grids = [one.id, two.id];
});
afterAll(() => api.close());

const dayAfter = (n: number) => new Date(Date.parse(`${TEST_TODAY}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const codeOf = (answer: { errors?: Array<{ extensions?: { code?: unknown } }> }) =>
  answer.errors ? String(answer.errors[0].extensions?.code) : 'OK';

/** Rows of one column, as strings. */
const ids = async (sql: string, params: unknown[]) => ((await api.sql(sql, params)) as Array<{ id: number }>).map((row) => String(row.id));

/**
 * Rounds of moves at once, one round a day: `first` go to one target and `second` to the other, swapping each round
 * (odd days: first to targets[1]). The codes answered, OK for a move that went through.
 */
async function crossing(
  days: number[],
  [first, second]: [string[], string[]],
  targets: string[],
  move: (id: string, to: string, day: string) => Promise<{ errors?: Array<{ extensions?: { code?: unknown } }> }>,
): Promise<string[]> {
  const codes: string[] = [];
  for (const round of days) {
    const [there, back] = round % 2 ? [targets[1], targets[0]] : targets;
    const answers = await Promise.all([
      ...first.map((id) => move(id, there, dayAfter(round))),
      ...second.map((id) => move(id, back, dayAfter(round))),
    ]);
    codes.push(...answers.map(codeOf));
  }
  return codes;
}

describe('moves between two grids at once, in opposite directions', () => {
  it('households: every move goes through, and each household ends where its last move put it', async () => {
    const inGrid = (grid: string) =>
      ids('SELECT household_id AS id FROM household_version WHERE grid_id = $1 AND valid @> $2::date ORDER BY household_id LIMIT 3', [
        grid,
        TEST_TODAY,
      ]);
    const [first, second] = [await inGrid(grids[0]), await inGrid(grids[1])];
    const move = (id: string, gridId: string, day: string) =>
      api.gql('mutation ($input: ChangeHouseholdInput!) { changeHousehold(input: $input) { __typename } }', {
        input: { id, effectiveOn: day, gridId },
      });
    const codes = await crossing([1, 2, 3, 4, 5, 6], [first, second], grids, move);
    expect(codes.filter((code) => code !== 'OK')).toEqual([]);
    // Six rounds: each household is back in its own grid from the sixth day, and was in the other on the fifth.
    for (const [day, expected] of [
      [dayAfter(5), [grids[1], grids[0]]],
      [dayAfter(6), grids],
    ] as const) {
      expect(
        await ids('SELECT DISTINCT grid_id AS id FROM household_version WHERE household_id = ANY($1) AND valid @> $2::date', [first, day]),
      ).toEqual([expected[0]]);
      expect(
        await ids('SELECT DISTINCT grid_id AS id FROM household_place WHERE household_id = ANY($1) AND valid @> $2::date', [second, day]),
      ).toEqual([expected[1]]);
    }
  });

  it('residents: every move to a household of the other grid goes through', async () => {
    // Residents who head no household, with a household of each grid to move to.
    const residentsOf = (grid: string) =>
      ids(
        `SELECT rv.resident_id AS id FROM resident_version rv JOIN household_version hv ON hv.household_id = rv.household_id AND hv.valid @> $2::date
          WHERE hv.grid_id = $1 AND rv.valid @> $2::date AND rv.resident_id NOT IN (SELECT head_resident_id FROM household WHERE head_resident_id IS NOT NULL)
          ORDER BY rv.resident_id DESC LIMIT 3`,
        [grid, dayAfter(6)],
      );
    const householdOf = async (grid: string) =>
      (
        await ids(
          'SELECT household_id AS id FROM household_version WHERE grid_id = $1 AND valid @> $2::date ORDER BY household_id DESC LIMIT 1',
          [grid, dayAfter(6)],
        )
      )[0];
    const [first, second] = [await residentsOf(grids[0]), await residentsOf(grids[1])];
    const homes = [await householdOf(grids[0]), await householdOf(grids[1])];
    const move = (id: string, householdId: string, day: string) =>
      api.gql('mutation ($input: ChangeResidentInput!) { changeResident(input: $input) { __typename } }', {
        input: { id, effectiveOn: day, householdId },
      });
    const codes = await crossing([7, 8, 9, 10], [first, second], homes, move);
    expect(codes.filter((code) => code !== 'OK')).toEqual([]);
    expect(
      await ids('SELECT DISTINCT grid_id AS id FROM resident_place WHERE resident_id = ANY($1) AND valid @> $2::date', [
        first,
        dayAfter(9),
      ]),
    ).toEqual([grids[1]]);
    expect(
      await ids('SELECT DISTINCT grid_id AS id FROM resident_place WHERE resident_id = ANY($1) AND valid @> $2::date', [
        first,
        dayAfter(10),
      ]),
    ).toEqual([grids[0]]);
  });

  it('a correction racing a move of the same household: one waits for the other, none is refused as a deadlock', async () => {
    const [id] = await ids(
      'SELECT household_id AS id FROM household_version WHERE grid_id = $1 AND valid @> $2::date ORDER BY household_id DESC LIMIT 1',
      [grids[0], dayAfter(20)],
    );
    const codes: string[] = [];
    for (let round = 21; round <= 26; round++) {
      const { household } = await api.data<{ household: { version: number } }>(`{ household(id: "${id}") { version } }`);
      const answers = await Promise.all([
        api.gql('mutation ($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { __typename } }', {
          input: { id, version: household.version, address: `Corrected address ${round}` },
        }),
        api.gql('mutation ($input: ChangeHouseholdInput!) { changeHousehold(input: $input) { __typename } }', {
          input: { id, effectiveOn: dayAfter(round), gridId: grids[round % 2] },
        }),
      ]);
      codes.push(...answers.map(codeOf));
    }
    // The move always goes through; the correction too, unless the move bumped the version it read first (CONFLICT).
    expect(codes.filter((code) => code !== 'OK' && code !== 'CONFLICT')).toEqual([]);
    expect(codes.filter((_, i) => i % 2 === 1)).toEqual(Array(6).fill('OK'));
  });

  it("a household's move first takes every grid its residents' re-placing will lock, also of households they left", async () => {
    // Grids a < b < c < d of another community. A resident of household A (in b) moves to household B (in a); later A
    // moves to c. Re-placing that resident locks every grid of every household they were ever in: c too.
    const { communities } = await api.data<{ communities: { items: Array<{ id: string }> } }>('{ communities { items { id } } }');
    const [a, b, c, d] = (await sample.gridsOf(api, communities.items[2].id)).map((grid) => grid.id).sort((x, y) => Number(x) - Number(y));
    const [resident, left] = await api
      .sql(
        `SELECT rv.resident_id, rv.household_id FROM resident_version rv JOIN household_version hv ON hv.household_id = rv.household_id AND hv.valid @> $2::date
        WHERE hv.grid_id = $1 AND rv.valid @> $2::date AND rv.resident_id NOT IN (SELECT head_resident_id FROM household WHERE head_resident_id IS NOT NULL)
        ORDER BY rv.resident_id LIMIT 1`,
        [b, TEST_TODAY],
      )
      .then((rows) => Object.values((rows as Array<Record<string, number>>)[0]).map(String));
    const [joined] = await ids(
      'SELECT household_id AS id FROM household_version WHERE grid_id = $1 AND valid @> $2::date ORDER BY household_id LIMIT 1',
      [a, TEST_TODAY],
    );
    const history = await api.gql(
      `mutation ($r: ChangeResidentInput!, $h: ChangeHouseholdInput!) {
        changeResident(input: $r) { __typename } changeHousehold(input: $h) { __typename } }`,
      { r: { id: resident, effectiveOn: dayAfter(50), householdId: joined }, h: { id: left, effectiveOn: dayAfter(51), gridId: c } },
    );
    expect(history.errors).toBeUndefined();

    // Another writer holds c, as a move out of c would. B's move to d must wait for c before it takes d:
    // had it taken d first, the other writer's next lock (d) would close a circle, and PostgreSQL refuse one of them.
    const other = new pg.Client({ connectionString: api.databaseUrl });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock(20260, $1)', [c]);
      const moving = api.gql('mutation ($input: ChangeHouseholdInput!) { changeHousehold(input: $input) { __typename } }', {
        input: { id: joined, effectiveOn: dayAfter(52), gridId: d },
      });
      // The move is waiting for c…
      for (let waiting = false; !waiting;) {
        const [row] = await api.sql(
          'SELECT COUNT(*)::int AS n FROM pg_locks WHERE locktype = $1 AND classid = 20260 AND objid = $2 AND NOT granted',
          ['advisory', c],
        );
        waiting = (row as { n: number }).n > 0;
      }
      // …and holds none of the grids the other writer takes next.
      await other.query('SELECT pg_advisory_xact_lock(20260, $1)', [d]);
      await other.query('COMMIT');
      expect(codeOf(await moving)).toBe('OK');
    } finally {
      await other.end();
    }
  });
});
