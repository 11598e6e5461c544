import { QueryCounterLogger } from '../../server/src/database/query-counter';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Lists select the columns of the fields asked for (and the keys every read needs), not every column:
 * a boundary, an ID number or a phone is read only when the query asks for it. Asked for everything, a
 * list answers as the lookup of each record by id (which reads every column) does.
 */
let api: TestServer;
let statements: string[] = [];
beforeAll(async () => {
  api = await startTestServer();
  jest.spyOn(QueryCounterLogger.prototype, 'logQuery').mockImplementation(function (this: QueryCounterLogger, query: string) {
    statements.push(query);
  });
});
afterAll(async () => {
  jest.restoreAllMocks();
  await api.close();
});

/** The statements a query ran that read `table` as the list's record (alias "e"). */
const reading = async (table: string, query: string, variables?: Record<string, unknown>) => {
  statements = [];
  const answer = await api.gql(query, variables);
  expect(answer.errors).toBeUndefined();
  const read = statements.filter((sql) => sql.includes(`FROM "${table}" "e"`));
  expect(read.length).toBeGreaterThan(0);
  return { data: answer.data, sql: read.join('\n') };
};

const GRID_FIELDS =
  'id code name boundary communityId version createdAt updatedAt asOf validFrom validUntil versionFrom versionUntil validOnAsOf';
const HOUSEHOLD_FIELDS =
  'id address headResidentId gridId registrationType version createdAt updatedAt asOf validFrom validUntil versionFrom';
const RESIDENT_FIELDS =
  'id name gender birthDate ageBand { bornFrom bornUntil minAge maxAge } idNumber phone householdId relationToHead tags version createdAt updatedAt asOf validFrom validUntil versionFrom versionUntil validOnAsOf';

describe('a list statement', () => {
  it("selects a grid's boundary only when the query asks for it", async () => {
    const without = await reading('grid', '{ grids(options: { take: 5 }) { items { id code } } }');
    expect(without.sql).not.toContain('"boundary"');
    expect(without.sql).not.toContain('"name"');
    expect(without.sql).toContain('"code"');
    const asked = await reading('grid', '{ grids(options: { take: 5 }) { items { id boundary } } }');
    expect(asked.sql).toContain('"boundary"');
  });

  it("selects residents' ID numbers, phones and tags only when asked, in the list and in a household's page", async () => {
    const list = await reading('resident', '{ residents(options: { take: 5 }) { items { id name } } }');
    for (const column of ['"id_number"', '"phone"', '"tags"', '"birth_date"']) expect(list.sql).not.toContain(column);
    const nested = await reading('resident', '{ households(options: { take: 3 }) { items { id residents { items { id name } } } } }');
    for (const column of ['"id_number"', '"phone"', '"tags"']) expect(nested.sql).not.toContain(column);
    // The household statement read only its keys: no address, no head.
    const households = statements.filter((sql) => sql.includes('FROM "household" "e"')).join('\n');
    expect(households).not.toContain('"address"');
    expect(households).not.toContain('"head_resident_id"');
    // Masked fields read their column: an ID number asked for is selected (and masked in the answer).
    const masked = await reading('resident', '{ residents(options: { take: 5 }) { items { id idNumber ageBand { minAge } } } }');
    expect(masked.sql).toContain('"id_number"');
    expect(masked.sql).toContain('"birth_date"');
    expect(masked.sql).not.toContain('"phone"');
  });

  it("selects a parent's columns as asked: a household's grid without its boundary, a resident's household without its address", async () => {
    const grids = await reading('grid', '{ households(options: { take: 3 }) { items { id grid { id code } } } }');
    expect(grids.sql).not.toContain('"boundary"');
    expect(grids.sql).toContain('"code"');
    const households = await reading('household', '{ residents(options: { take: 3 }) { items { id household { id gridId } } } }');
    expect(households.sql).not.toContain('"address"');
    expect(households.sql).toContain('"grid_id"');
    // A parent as of another day: the record's key is read again for that day, then the parent.
    const past = await reading('grid', '{ households(options: { take: 3 }) { items { id grid(asOf: "2026-06-01") { id boundary } } } }');
    expect(past.sql).toContain('"boundary"');
  });

  it('answers as before when every field is asked, at the root and nested', async () => {
    const { data } = await reading(
      'grid',
      `{ grids(options: { take: 3, sort: [{ field: code, order: DESC }] }) { items { ${GRID_FIELDS}
        households(options: { take: 4 }) { items { ${HOUSEHOLD_FIELDS} grid { ${GRID_FIELDS} }
          residents { items { ${RESIDENT_FIELDS} household { ${HOUSEHOLD_FIELDS} } } } } } } } }`,
    );
    const grids = (
      data as {
        grids: {
          items: Array<
            Record<string, unknown> & { households: { items: Array<Record<string, unknown> & { residents: { items: unknown[] } }> } }
          >;
        };
      }
    ).grids.items;
    expect(grids).toHaveLength(3);
    let residents = 0;
    for (const { households, ...grid } of grids) {
      // A lookup by id reads every column of the record.
      expect((await api.data<{ grid: unknown }>(`query ($id: ID!) { grid(id: $id) { ${GRID_FIELDS} } }`, { id: grid.id })).grid).toEqual(
        grid,
      );
      for (const { residents: page, grid: parent, ...household } of households.items) {
        const lookup = await api.data<{ household: unknown }>(`query ($id: ID!) { household(id: $id) { ${HOUSEHOLD_FIELDS} } }`, {
          id: household.id,
        });
        expect(lookup.household).toEqual(household);
        expect(parent).toEqual(grid);
        for (const { household: home, ...resident } of page.items as Array<{ id: string; household: unknown }>) {
          residents++;
          expect(
            (await api.data<{ resident: unknown }>(`query ($id: ID!) { resident(id: $id) { ${RESIDENT_FIELDS} } }`, { id: resident.id }))
              .resident,
          ).toEqual(resident);
          expect(home).toEqual(household);
        }
      }
    }
    expect(residents).toBeGreaterThan(0);
  });

  it('selects every column for a field whose resolver does not say what it reads', async () => {
    // A staff member's home community has a resolver without @Reads: asked for, the list reads every column, as before.
    const some = await reading('staff_member', '{ staffMembers(options: { take: 2 }) { items { id } } }');
    expect(some.sql).not.toMatch(/"e"\."name"/);
    const all = await reading('staff_member', '{ staffMembers(options: { take: 2 }) { items { id homeCommunity { id } } } }');
    expect(all.sql).toMatch(/"e"\."name"/);
  });
});
