import { graphql } from '../gql';
import { MUSLIM_LANE, sample } from '../support/sample';
import { type GraphQLResponse, startTestServer, TestServer } from '../support/test-server';

/** communities → grids → households → residents, as the nested query below reads them. */
type Nested = {
  communities: {
    items: Array<{ grids: { items: Array<{ households: { items: Array<{ residents: { items: Array<{ id: string }> } }> } }> } }>;
  };
};

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

const count = async (table: string) => Number((await api.sql(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

describe('the structure graph', () => {
  it('returns the sample district with its offices, communities and lineage', async () => {
    const { districts } = await api.data(
      graphql(`
        query SampleDistrict {
          districts(options: { take: 1 }) {
            totalItems
            items {
              name
              nameEn
              communityCount
              offices(asOf: "2014-09-28") {
                items {
                  name
                  validUntil
                  successorCommunities {
                    name
                  }
                }
              }
              communities {
                items {
                  name
                  nameEn
                  predecessorOffices {
                    name
                  }
                  predecessorCommunities {
                    name
                  }
                }
              }
            }
          }
        }
      `),
    );
    expect(districts.totalItems).toBe(1);
    const [district] = districts.items;
    expect(district.nameEn).toBe('Chengdong (East) District');
    expect(district.offices.items).toHaveLength(7);
    // Withdrawn by the reform: the last day of every office is the day before it.
    expect(district.offices.items.every((o) => o.validUntil === '2014-09-28' && o.successorCommunities.length > 0)).toBe(true);
    expect(district.communities.items).toHaveLength(12);
    expect(district.communityCount).toBe(12);
    expect(district.communities.items.map((c) => c.nameEn)).toContain('Muslim Lane Community');
    expect(district.communities.items.every((c) => c.predecessorOffices.length > 0 && c.predecessorCommunities.length >= 2)).toBe(true);
  });

  it('nests communities → grids → households → residents and back up, with counts that match the database', async () => {
    // The whole district in one query: pages sized to the sample (at most 8 grids a community, about 20 households a
    // grid, a few residents a household) keep it within a report builder's budget (about 140,000 records).
    const reporter = await api.as('reporter');
    const { communities } = await reporter.data(
      graphql(`
        query WholeDistrict {
          communities(options: { take: 20 }) {
            items {
              id
              gridCount
              householdCount
              residentCount
              serviceWindows(options: { take: 5 }) {
                items {
                  kind
                }
              }
              staffMembers {
                totalItems
              }
              grids(options: { take: 10 }) {
                totalItems
                items {
                  communityId
                  householdCount
                  residentCount
                  community {
                    id
                  }
                  households(options: { take: 30 }) {
                    totalItems
                    items {
                      gridId
                      residentCount
                      headResident {
                        relationToHead
                      }
                      residents(options: { take: 10 }) {
                        totalItems
                        items {
                          householdId
                          household {
                            id
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      `),
    );
    expect(communities.items).toHaveLength(12);
    let households = 0;
    let residents = 0;
    for (const community of communities.items) {
      expect(community.grids.items.length).toBeGreaterThanOrEqual(4);
      expect(community.grids.items.length).toBeLessThanOrEqual(8);
      expect(community.gridCount).toBe(community.grids.totalItems);
      expect(community.serviceWindows.items.map((w) => w.kind)).toEqual(expect.arrayContaining(['COMPREHENSIVE', 'INTERMEDIARY']));
      expect(community.staffMembers.totalItems).toBeGreaterThan(0);
      let communityResidents = 0;
      for (const grid of community.grids.items) {
        expect(grid.communityId).toBe(community.id);
        expect(grid.community.id).toBe(community.id);
        expect(grid.householdCount).toBe(grid.households.totalItems);
        expect(grid.households.items).toHaveLength(grid.households.totalItems);
        for (const household of grid.households.items) {
          expect(household.residentCount).toBe(household.residents.totalItems);
          // Heads stay with their households; a household whose head moved out keeps an empty place.
          if (household.headResident) expect(household.headResident.relationToHead).toBe('HEAD');
          for (const resident of household.residents.items) expect(resident.household.id).toBe(resident.householdId);
          communityResidents += household.residents.items.length;
        }
      }
      expect(community.residentCount).toBe(communityResidents);
      households += community.householdCount;
      residents += community.residentCount;
    }
    expect(households).toBe(await count(`household_version WHERE valid @> DATE '${api.clock.today()}'`));
    expect(residents).toBe(await count(`resident_version WHERE valid @> DATE '${api.clock.today()}'`));
    expect(residents).toBeGreaterThan(2000);
  });

  it('answers a nested query with a bounded number of SQL statements, however many rows it returns', async () => {
    const nested = (take: number) =>
      api.gql<Nested>(`{ communities(options: { take: ${take} }) { items {
      grids(options: { take: 10 }) { items { households(options: { take: 30 }) { items { residents(options: { take: 10 }) { items { id } } } } } } } } }`);
    const one = await nested(1);
    const all = await nested(12);
    const rows = (r: GraphQLResponse<Nested>) =>
      r.data!.communities.items.flatMap((c) => c.grids.items.flatMap((g) => g.households.items.flatMap((h) => h.residents.items))).length;
    expect(rows(all)).toBeGreaterThan(rows(one) * 5);
    // At most two statements for the page (rows, and the total when the page is full), then one per level.
    expect(all.extensions!.sqlStatements).toBeLessThanOrEqual(2 + 3);
    expect(one.extensions!.sqlStatements).toBe(all.extensions!.sqlStatements);

    const upward = await api.gql(
      `{ residents(options: { take: 100 }) { items { household { grid { community { district { name } } } } } } }`,
    );
    expect(upward.errors).toBeUndefined();
    expect(upward.extensions!.sqlStatements).toBeLessThanOrEqual(2 + 4);

    const counts = await api.gql(
      `{ communities { items { gridCount householdCount residentCount grids { items { householdCount residentCount } } } } }`,
    );
    expect(counts.extensions!.sqlStatements).toBeLessThanOrEqual(2 + 3 + 1 + 2);
  });

  it('finds one record by id, and says NOT_FOUND for an unknown or malformed id', async () => {
    const first = await sample.firstGridOf(api, await sample.communityId(api, MUSLIM_LANE));
    const { grid } = await api.data<{ grid: { id: string; code: string; community: { nameEn: string } } }>(
      `query ($id: ID!) { grid(id: $id) { id code community { nameEn } } }`,
      { id: first.id },
    );
    expect(grid).toEqual({ id: first.id, code: first.code, community: { nameEn: MUSLIM_LANE } });
    for (const id of ['999999', 'abc', '-1']) {
      const result = await api.gql<{ household: { id: string } | null }>(`query ($id: ID!) { household(id: $id) { id } }`, { id });
      expect(result.data?.household).toBeNull();
      expect(result.errors![0].extensions.code).toBe('NOT_FOUND');
      expect(result.errors![0].message).toBe(`Household ${id} was not found`);
    }
  });
});
