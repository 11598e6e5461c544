import 'reflect-metadata';
import { Role } from '@community-grid/shared';
import { getNamedType, GraphQLObjectType, isListType, isNonNullType, isObjectType, GraphQLType } from 'graphql';
import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { createDataSource } from '../../server/src/database/data-source';
import { entities } from '../../server/src/modules';
import { readQuery } from '../../server/src/core/list/list-query-builder';
import { RequestContext } from '../../server/src/core/request-context';
import { Scope } from '../../server/src/core/scope';
import { addDays } from '../../server/src/core/time/validity';
import { buildApiSchema } from '../../server/src/schema/build-schema';
import { graphql } from '../gql';
import { fingerprint } from '../support/fingerprint';
import { MUSLIM_LANE, CHENXI, sample } from '../support/sample';
import { Count, dataOf, startTestServer, TestServer } from '../support/test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

const today = () => api.clock.today();

describe('the district through time', () => {
  it('shows the 7 offices and their old communities before the reform, the 12 communities from 29 September 2014 and today', async () => {
    const tree = (asOf: string) =>
      api.data(
        graphql(`
          query DistrictTreeOn($asOf: LocalDate) {
            districts(asOf: $asOf, options: { take: 1 }) {
              items {
                communityCount
                offices(options: { take: 10 }) {
                  totalItems
                  items {
                    name
                    communities {
                      totalItems
                      items {
                        code
                        name
                        grids {
                          totalItems
                        }
                      }
                    }
                  }
                }
                communities {
                  totalItems
                  items {
                    code
                    name
                    office {
                      name
                    }
                  }
                }
              }
            }
          }
        `),
        { asOf },
      );
    const before = (await tree('2014-09-28')).districts.items[0];
    expect(before.offices.totalItems).toBe(7);
    const oldCommunities = before.offices.items.flatMap((o) => o.communities.items);
    expect(oldCommunities.length).toBe(31);
    expect(before.communities.totalItems).toBe(31);
    expect(before.communityCount).toBe(31);
    expect(oldCommunities.every((c) => c.code.startsWith('L') && c.grids.totalItems > 0)).toBe(true);
    expect(before.communities.items.every((c) => c.office !== null)).toBe(true);
    for (const day of ['2014-09-29', today()]) {
      const after = (await tree(day)).districts.items[0];
      expect(after.offices.totalItems).toBe(0);
      expect(after.communities.totalItems).toBe(12);
      expect(after.communities.items.map((c) => c.name)).toContain('清真巷社区');
      expect(after.communities.items.every((c) => c.code.startsWith('C') && c.office === null)).toBe(true);
    }
  });

  it('looks a unit up outside its validity with its validity, and lists ended units only when asked', async () => {
    const office = await sample.officeId(api, 'Hewan Sub-district Office');
    const { office: read } = await api.data(
      graphql(`
        query OfficeHistory($id: ID!) {
          office(id: $id) {
            name
            validFrom
            validUntil
            validOnAsOf
            history {
              name
              versionFrom
              versionUntil
            }
          }
        }
      `),
      { id: office },
    );
    // Renamed in 2003, withdrawn by the reform: today it is read with its last name and its validity.
    expect(read).toMatchObject({ name: '河湾路街道办事处', validUntil: '2014-09-28', validOnAsOf: false });
    expect(read!.history.map((v) => [v.name, v.versionUntil])).toEqual([
      ['河湾街道办事处', '2002-12-31'],
      ['河湾路街道办事处', '2014-09-28'],
    ]);
    expect((await api.data<Count<'offices'>>('{ offices { totalItems } }')).offices.totalItems).toBe(0);
    expect(
      (await api.data<Count<'offices'>>('{ offices(options: { filter: { includeEnded: true } }) { totalItems } }')).offices.totalItems,
    ).toBe(7);
  });

  it("answers each level for the day asked: a grid's community, code and counts before and after the reform", async () => {
    const grid = await sample.firstGridOf(api, await sample.communityId(api, MUSLIM_LANE));
    const read = (asOf: string) =>
      api.data<{
        grid: {
          code: string;
          community: { code: string; name: string; gridCount: number; residentCount: number };
          householdCount: number;
          households: { totalItems: number; items: Array<{ grid: { code: string } }> };
        };
      }>(
        `query ($id: ID!, $asOf: LocalDate) { grid(id: $id, asOf: $asOf) {
      code community { code name gridCount residentCount } householdCount households(options: { take: 1 }) { totalItems items { grid { code } } } } }`,
        { id: grid.id, asOf },
      );
    const before = (await read('2014-09-28')).grid;
    const after = (await read(today())).grid;
    expect(before.code).toMatch(/^L\d\d-G\d\d$/);
    expect(before.community.code).toMatch(/^L\d\d$/);
    expect(after.code).toBe(grid.code);
    expect(after.community.name).toBe('清真巷社区');
    expect(before.community.gridCount).toBeLessThan(after.community.gridCount);
    // Nested fields inherit the day: the household's grid is read with the grid's code of that day.
    expect(before.households.items[0].grid.code).toBe(before.code);
    expect(after.households.items[0].grid.code).toBe(after.code);
  });
});

describe('households and residents through time', () => {
  it('a household that moved since the reform answers with its grid of the day, at every level', async () => {
    const [moved] = await api.sql<{
      id: number;
      moved_on: string;
      versions: number;
    }>(`SELECT household_id AS id, to_char(MAX(lower(valid)), 'YYYY-MM-DD') AS moved_on, COUNT(*)::int AS versions
      FROM household_version GROUP BY 1 HAVING COUNT(*) > 1 ORDER BY 1 LIMIT 1`);
    expect(moved.versions).toBe(2);
    const read = async (asOf: string) =>
      (
        await api.data(
          graphql(`
            query HouseholdOn($id: ID!, $asOf: LocalDate) {
              household(id: $id, asOf: $asOf) {
                gridId
                grid {
                  id
                  households(options: { take: 100 }) {
                    items {
                      id
                    }
                  }
                }
                history {
                  gridId
                  versionFrom
                  versionUntil
                }
              }
            }
          `),
          { id: String(moved.id), asOf },
        )
      ).household!;
    const before = await read(addDays(moved.moved_on, -1));
    const after = await read(moved.moved_on);
    expect(before.gridId).not.toBe(after.gridId);
    expect(before.grid.households.items.map((h) => h.id)).toContain(String(moved.id));
    expect(after.grid.households.items.map((h) => h.id)).toContain(String(moved.id));
    expect(after.history.map((v) => v.gridId)).toEqual([before.gridId, after.gridId]);
    expect(after.history[0].versionUntil).toBe(addDays(moved.moved_on, -1));
  });

  it('a resident who moved into another household answers with the household of the day', async () => {
    const [moved] = await api.sql<{
      id: number;
      moved_on: string;
    }>(`SELECT resident_id AS id, to_char(MAX(lower(valid)), 'YYYY-MM-DD') AS moved_on
      FROM resident_version GROUP BY 1 HAVING COUNT(*) > 1 ORDER BY 1 LIMIT 1`);
    const read = async (asOf: string) =>
      (
        await api.data(
          graphql(`
            query ResidentOn($id: ID!, $asOf: LocalDate) {
              resident(id: $id, asOf: $asOf) {
                householdId
                household {
                  residents {
                    items {
                      id
                    }
                  }
                  residentCount
                }
              }
            }
          `),
          { id: String(moved.id), asOf },
        )
      ).resident!;
    const before = await read(addDays(moved.moved_on, -1));
    const after = await read(moved.moved_on);
    expect(before.householdId).not.toBe(after.householdId);
    for (const state of [before, after]) {
      expect(state.household.residents.items.map((r) => r.id)).toContain(String(moved.id));
      expect(state.household.residentCount).toBe(state.household.residents.items.length);
    }
  });
});

describe('moves, with effect today or in the future, and their dry run', () => {
  const move = (gridId: string, communityId: string, effectiveOn: string, dryRun = false) =>
    api.gql(
      graphql(`
        mutation ChangeGridFrom($input: ChangeGridInput!, $dryRun: Boolean!) {
          changeGrid(input: $input, dryRun: $dryRun) {
            dryRun
            correlationId
            changeCount
            changes {
              operation
              entityType
              entityId
              changes
            }
            record {
              communityId
              code
            }
          }
        }
      `),
      { input: { id: gridId, communityId, effectiveOn }, dryRun },
    );

  const communityOf = (id: string) =>
    api.data<{ grid: { communityId: string } }>(`query ($id: ID!) { grid(id: $id) { communityId } }`, { id });
  const where = async (gridId: string, asOf: string) =>
    (
      await api.data(
        graphql(`
          query GridOn($id: ID!, $asOf: LocalDate) {
            grid(id: $id, asOf: $asOf) {
              communityId
              community {
                grids {
                  items {
                    id
                  }
                }
                gridCount
                householdCount
              }
            }
          }
        `),
        { id: gridId, asOf },
      )
    ).grid!;

  it('moves a grid between communities from today: lists, nested fields, counts and scope answer for the day', async () => {
    const muslimLane = await sample.communityId(api, MUSLIM_LANE);
    const chenxi = await sample.communityId(api, CHENXI);
    const grid = (await sample.gridsOf(api, muslimLane)).at(-1)!;
    const households = (await sample.householdsOf(api, grid.id)).length;
    expect(households).toBeGreaterThan(0);
    const yesterday = addDays(today(), -1);
    const countsBefore = (
      await api.data<{ community: { gridCount: number; householdCount: number } }>(
        `query ($id: ID!) { community(id: $id) { gridCount householdCount } }`,
        { id: chenxi },
      )
    ).community;

    const result = await move(grid.id, chenxi, today());
    expect(result.errors).toBeUndefined();
    expect(result.data?.changeGrid).toMatchObject({ dryRun: false, record: { communityId: chenxi } });

    expect((await where(grid.id, yesterday)).communityId).toBe(muslimLane);
    const now = await where(grid.id, today());
    expect(now.communityId).toBe(chenxi);
    expect(now.community.grids.items.map((g) => g.id)).toContain(grid.id);
    expect(now.community).toMatchObject({
      gridCount: countsBefore.gridCount + 1,
      householdCount: countsBefore.householdCount + households,
    });
    const listed = async (communityId: string, asOf: string) =>
      (
        await api.data(
          graphql(`
            query GridsOfCommunityOn($c: ID, $asOf: LocalDate) {
              grids(asOf: $asOf, options: { filter: { communityId: { eq: $c } }, take: 100 }) {
                items {
                  id
                }
              }
            }
          `),
          { c: communityId, asOf },
        )
      ).grids.items.map((g) => g.id);
    expect(await listed(muslimLane, yesterday)).toContain(grid.id);
    expect(await listed(muslimLane, today())).not.toContain(grid.id);
    expect(await listed(chenxi, today())).toContain(grid.id);

    // Scope follows the structure on the day read: Muslim Lane's coordinator saw its households yesterday, not today.
    const coordinator = await api.as('coordinator');
    const theirs = async (asOf: string) =>
      (
        await coordinator.data<Count<'households'>>(
          `query ($g: ID, $asOf: LocalDate) {
      households(asOf: $asOf, options: { filter: { gridId: { eq: $g } } }) { totalItems } }`,
          { g: grid.id, asOf },
        )
      ).households.totalItems;
    expect(await theirs(yesterday)).toBe(households);
    expect(await theirs(today())).toBe(0);
    // Reading the past is allowed; revealing personal data or writing needs the record in reach today.
    const { households: past } = await coordinator.data<{
      households: { items: Array<{ id: string; version: number; residents: { items: Array<{ id: string }> } }> };
    }>(
      `query ($g: ID, $asOf: LocalDate) {
      households(asOf: $asOf, options: { filter: { gridId: { eq: $g } }, take: 1 }) { items { id version residents { items { id } } } } }`,
      { g: grid.id, asOf: yesterday },
    );
    const [household] = past.items;
    const reveal = await coordinator.gql(`mutation ($id: ID!) { revealResidentPersonalData(id: $id) { idNumber } }`, {
      id: household.residents.items[0].id,
    });
    expect(reveal.errors![0].extensions.code).toBe('NOT_FOUND');
    const correction = await coordinator.gql(
      `mutation ($id: ID!, $v: Int!, $asOf: LocalDate) { updateHousehold(input: { id: $id, version: $v, asOf: $asOf, address: "改" }) { id } }`,
      { id: household.id, v: household.version, asOf: yesterday },
    );
    expect(correction.errors![0].extensions.code).toBe('NOT_FOUND');
  });

  it('a move dated tomorrow changes nothing today and everything once the clock passes midnight', async () => {
    const muslimLane = await sample.communityId(api, MUSLIM_LANE);
    const chenxi = await sample.communityId(api, CHENXI);
    const grid = (await sample.gridsOf(api, muslimLane))[0];
    const startedOn = today();
    const tomorrow = addDays(startedOn, 1);
    const before = await where(grid.id, startedOn);
    expect((await move(grid.id, chenxi, tomorrow)).errors).toBeUndefined();
    expect(await where(grid.id, startedOn)).toEqual(before);
    expect((await communityOf(grid.id)).grid.communityId).toBe(muslimLane);
    try {
      api.clock.set(tomorrow);
      // No write happened in between: "today" is computed from the validity.
      expect((await communityOf(grid.id)).grid.communityId).toBe(chenxi);
      const coordinator = await api.as('coordinator');
      expect(
        (
          await coordinator.data<Count<'households'>>(
            `query ($g: ID) { households(options: { filter: { gridId: { eq: $g } } }) { totalItems } }`,
            {
              g: grid.id,
            },
          )
        ).households.totalItems,
      ).toBe(0);
    } finally {
      api.clock.set(startedOn);
    }
  });

  it('a dry run changes nothing and reports exactly what the real move then does', async () => {
    const hepan = await sample.communityId(api, 'Hepan (Riverside) Community');
    const qinghe = await sample.communityId(api, 'Qinghe (Green Grain) Community');
    const grid = (await sample.gridsOf(api, hepan))[1];
    const before = await fingerprint(api);
    const dry = dataOf(await move(grid.id, qinghe, today(), true)).changeGrid;
    expect(await fingerprint(api)).toBe(before);
    expect(dry.dryRun).toBe(true);
    expect(dry.changeCount).toBeGreaterThan(0);
    const real = dataOf(await move(grid.id, qinghe, today())).changeGrid;
    expect(await fingerprint(api)).not.toBe(before);
    const comparable = (r: { record: unknown; changes: unknown }) => ({ record: r.record, changes: r.changes });
    expect(comparable(real)).toEqual(comparable(dry));
    expect(real.correlationId).not.toBe(dry.correlationId);
    // Every audit row of the command carries its correlation id.
    const rows = await api.sql('SELECT COUNT(*)::int AS n FROM audit_event WHERE correlation_id = $1', [real.correlationId]);
    expect(rows[0].n).toBe(real.changeCount);
  });
});

describe('what the database refuses', () => {
  it('refuses two memberships of one household on the same day, and a duplicate code on the same day, with a coded error', async () => {
    const grid = await sample.firstGridOf(api, await sample.communityId(api, MUSLIM_LANE));
    const household = await sample.firstHouseholdOf(api, grid.id);
    await expect(
      api.sql(
        `INSERT INTO household_version (household_id, grid_id, registration_type, valid) VALUES ($1, $2, 'REGISTERED', daterange($3::date, NULL))`,
        [household.id, grid.id, today()],
      ),
    ).rejects.toMatchObject({ driverError: { code: '23P01' } });

    // A code that another grid takes from next month: creating a grid with it from today would overlap then.
    const other = (await sample.gridsOf(api, await sample.communityId(api, CHENXI)))[0];
    const nextMonth = addDays(today(), 30);
    const change = await api.gql(`mutation ($input: ChangeGridInput!) { changeGrid(input: $input) { changeCount } }`, {
      input: { id: other.id, effectiveOn: nextMonth, code: 'Z99-G01' },
    });
    expect(change.errors).toBeUndefined();
    const before = await fingerprint(api);
    const created = await api.gql(
      `mutation ($c: ID!) { createGrid(input: { communityId: $c, code: "Z99-G01", name: "重号网格" }) { id } }`,
      { c: other.communityId },
    );
    expect(created.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OVERLAP' });
    expect(created.errors![0].message).toBe('Another grid has that code on one of these days');
    expect(await fingerprint(api)).toBe(before);

    // A change dated before a later one is refused too, naming the day in the way.
    const early = await api.gql(`mutation ($input: ChangeGridInput!) { changeGrid(input: $input) { changeCount } }`, {
      input: { id: other.id, effectiveOn: today(), name: '早改' },
    });
    expect(early.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LATER_CHANGE' });
    expect(await fingerprint(api)).toBe(before);
  });
});

describe('the schema walks', () => {
  const STRUCTURE = ['District', 'Office', 'Community', 'Grid', 'Household', 'Resident'];

  it('every structure read takes asOf: root lookups and lists, nested fields and counts', async () => {
    const schema = await buildApiSchema();
    const missing: string[] = [];
    const structural = (type: GraphQLType) => {
      const named = getNamedType(type);
      return STRUCTURE.includes(named.name) || STRUCTURE.some((s) => named.name === `${s}List`) || named.name === 'Int';
    };
    for (const [name, field] of Object.entries(schema.getQueryType()!.getFields())) {
      const named = getNamedType(field.type).name;
      if ((STRUCTURE.includes(named) || STRUCTURE.some((s) => named === `${s}List`)) && !field.args.some((a) => a.name === 'asOf'))
        missing.push(`Query.${name}`);
    }
    for (const typeName of STRUCTURE) {
      const type = schema.getType(typeName) as GraphQLObjectType;
      for (const [name, field] of Object.entries(type.getFields())) {
        if (name === 'history' || name === 'version' || !structural(field.type)) continue;
        if (
          isObjectType(getNamedType(field.type)) ||
          isListType(isNonNullType(field.type) ? field.type.ofType : field.type) ||
          getNamedType(field.type).name.endsWith('List') ||
          name.endsWith('Count')
        ) {
          if (!field.args.some((a) => a.name === 'asOf')) missing.push(`${typeName}.${name}`);
        }
      }
    }
    // Lineage lists name the units at the hand-over; they are not read for a day.
    expect(missing.filter((m) => !/(predecessor|successor)/.test(m))).toEqual([]);
  });

  it("every mutation runs in its request's transaction without opting in, and refuses to run outside one", async () => {
    const schema = await buildApiSchema();
    const mutations = Object.entries(schema.getMutationType()!.getFields());
    const info = (name: string) =>
      ({ parentType: schema.getMutationType(), fieldName: name, operation: { operation: 'mutation' } }) as never;
    // Signed in with every permission, so the field gets past its authorization to its resolver.
    const signedIn = { principal: { account: { role: Role.DISTRICT_ADMIN } }, can: () => true };

    // Every root mutation field goes through the request's transaction...
    const opened: string[] = [];
    const sentinel = new Error('stop');
    for (const [name, field] of mutations) {
      const context = {
        ...signedIn,
        inRequestTransaction: async () => {
          opened.push(name);
          throw sentinel;
        },
      };
      await expect(Promise.resolve().then(() => field.resolve!({}, {}, context, info(name)))).rejects.toBe(sentinel);
    }
    expect(opened.length).toBeGreaterThan(30);
    expect(opened).toEqual(mutations.map(([name]) => name));

    // ...which refuses to run one when the request has none open (its resolver, here a database that throws, is never reached).
    const database = new Proxy(
      {},
      {
        get: () => {
          throw new Error('the resolver ran');
        },
      },
    );
    for (const [name, field] of mutations) {
      const context = Object.assign(new RequestContext({ manager: database } as never), signedIn);
      await expect(Promise.resolve().then(() => field.resolve!({}, {}, context, info(name)))).rejects.toThrow(
        "A mutation ran outside its request's transaction",
      );
    }
  });
});

describe('scope declared per entity', () => {
  @Entity({ name: 'undeclared_probe' })
  class UndeclaredProbe {
    @PrimaryGeneratedColumn() id!: number;
    @Column() label!: string;
  }

  it('an entity without a declaration is readable by nobody but the system', async () => {
    const dataSource: DataSource = createDataSource({ url: api.databaseUrl, poolSize: 1 });
    (dataSource.options as { entities: unknown[] }).entities = [...entities, UndeclaredProbe];
    await dataSource.initialize();
    try {
      await dataSource.query('CREATE TABLE undeclared_probe (id serial PRIMARY KEY, label text NOT NULL)');
      await dataSource.query(`INSERT INTO undeclared_probe (label) VALUES ('a'), ('b')`);
      const read = (scope: Scope) => readQuery({ em: dataSource.manager, scope }, UndeclaredProbe, { asOf: today() }).getCount();
      expect(await read(Scope.SYSTEM)).toBe(2);
      expect(await read(Scope.DISTRICT)).toBe(0);
      expect(await read(Scope.of({ communityIds: [1], gridIds: null }))).toBe(0);
      expect(await read(Scope.of({ communityIds: [1], gridIds: [1] }))).toBe(0);
    } finally {
      await dataSource.query('DROP TABLE IF EXISTS undeclared_probe');
      await dataSource.destroy();
    }
  });
});
