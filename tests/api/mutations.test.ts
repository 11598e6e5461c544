import { makeResidentId, Gender } from '@community-grid/shared';
import { fingerprint } from '../support/fingerprint';
import {
  BAIYANG_OFFICE,
  CHENGUANG_OFFICE,
  CHENXI,
  GridRecord,
  HEWAN_OFFICE,
  HouseholdRecord,
  LIULIN_OFFICE,
  MUSLIM_LANE,
  QINGSHI_OFFICE,
  ResidentRecord,
  sample,
  ServiceWindowRecord,
  StaffRecord,
} from '../support/sample';
import { startTestServer, TestServer } from '../support/test-server';

/** The sample records these tests write to or point at, found by query. */
interface Known {
  district: string;
  /** Offices by English name. */
  office: Record<string, string>;
  muslimLane: string;
  chenxi: string;
  /** Muslim Lane's grids, sorted by code. */
  grids: GridRecord[];
  /** The first household of Muslim Lane's first grid, and its residents. */
  household: HouseholdRecord;
  residents: ResidentRecord[];
  /** A household of Muslim Lane's second grid, and its head. */
  otherHousehold: HouseholdRecord;
  otherResident: ResidentRecord;
  staff: StaffRecord;
  serviceWindow: ServiceWindowRecord;
}

let api: TestServer;
let known: Known;
beforeAll(async () => {
  api = await startTestServer();
  const office: Record<string, string> = {};
  for (const name of [CHENGUANG_OFFICE, HEWAN_OFFICE, LIULIN_OFFICE, QINGSHI_OFFICE, BAIYANG_OFFICE])
    office[name] = await sample.officeId(api, name);
  const muslimLane = await sample.communityId(api, MUSLIM_LANE);
  const grids = await sample.gridsOf(api, muslimLane);
  const household = await sample.firstHouseholdOf(api, grids[0].id);
  const otherHousehold = await sample.firstHouseholdOf(api, grids[1].id);
  known = {
    district: await sample.districtId(api),
    office,
    muslimLane,
    chenxi: await sample.communityId(api, CHENXI),
    grids,
    household,
    residents: await sample.residentsOf(api, household.id),
    otherHousehold,
    otherResident: (await sample.residentsOf(api, otherHousehold.id))[0],
    staff: (await sample.staffOf(api, muslimLane))[0],
    serviceWindow: (await sample.serviceWindowsOf(api, muslimLane))[0],
  };
});
afterAll(() => api.close());

/** A record of each entity type, to update or delete. */
const recordOf = (type: string): string =>
  (
    ({
      District: known.district,
      Office: known.office[CHENGUANG_OFFICE],
      Community: known.muslimLane,
      ServiceWindow: known.serviceWindow.id,
      Grid: known.grids[0].id,
      Household: known.household.id,
      Resident: known.residents[0].id,
      StaffMember: known.staff.id,
    }) as Record<string, string>
  )[type];

/** Ids in ascending order, as the API lists linked records. */
const ascending = (ids: string[]) => [...ids].sort((a, b) => Number(a) - Number(b));

/** Runs a mutation that must fail: returns its error and checks that the database did not change. */
async function refused(query: string, variables: Record<string, unknown>) {
  const before = await fingerprint(api);
  const result = await api.gql(query, variables);
  expect(result.errors).toHaveLength(1);
  expect(await fingerprint(api)).toBe(before);
  const [error] = result.errors!;
  expect(error.extensions.stacktrace).toBeUndefined();
  return error;
}

const create = (type: string) => `mutation ($input: Create${type}Input!) { create${type}(input: $input) { id version } }`;
const update = (type: string) => `mutation ($input: Update${type}Input!) { update${type}(input: $input) { id version } }`;
const remove = (type: string) => `mutation ($id: ID!) { delete${type}(id: $id) { id } }`;

const validResident = (householdId: string, overrides: Record<string, unknown> = {}) => ({
  householdId,
  name: '新居民',
  gender: 'FEMALE',
  birthDate: '1991-03-04',
  relationToHead: 'OTHER',
  idNumber: makeResidentId('630199', '1991-03-04', 901, Gender.FEMALE),
  phone: '10099990001',
  tags: ['LOW_INCOME'],
  ...overrides,
});

describe('writes go through create, update (with version) and delete for every entity', () => {
  it('creates, updates and deletes a record of each entity, bumping the version on update', async () => {
    const steps: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
      ['District', { name: '试验区', nameEn: 'Trial District', code: '639999', city: '试验市' }, { city: 'Trial City' }],
      ['Office', { districtId: known.district, name: '试验办事处', nameEn: 'Trial Office' }, { nameEn: 'Trial Office (renamed)' }],
      [
        'Community',
        {
          districtId: known.district,
          name: '试验社区',
          nameEn: 'Trial Community',
          code: 'T90',
          validFrom: '2020-05-01',
          predecessorOfficeIds: [known.office[HEWAN_OFFICE]],
        },
        { phone: '0971-5550999' },
      ],
      ['ServiceWindow', { communityId: known.muslimLane, kind: 'INTERMEDIARY', name: '试验窗口' }, { openingHours: '09:00-17:00' }],
      ['Grid', { communityId: known.muslimLane, code: 'T01', name: '试验网格' }, { name: '试验网格（改）' }],
      ['Household', { gridId: known.grids[0].id, address: '试验路1号', registrationType: 'FLOATING' }, { registrationType: 'REGISTERED' }],
      ['Resident', validResident(known.household.id), { tags: ['DISABLED', 'VETERAN'] }],
      ['StaffMember', { name: '试验员', homeCommunityId: known.muslimLane }, { active: false }],
    ];
    for (const [type, input, change] of steps) {
      const created = (await api.data<Record<string, { id: string; version: number }>>(create(type), { input }))[`create${type}`];
      expect(created.version).toBe(1);
      const updated = (
        await api.data<Record<string, { id: string; version: number }>>(update(type), { input: { id: created.id, version: 1, ...change } })
      )[`update${type}`];
      expect(updated).toEqual({ id: created.id, version: 2 });
      const deleted = (await api.data<Record<string, { id: string }>>(remove(type), { id: created.id }))[`delete${type}`];
      expect(deleted.id).toBe(created.id);
      const lookup = await api.gql(`query ($id: ID!) { ${type[0].toLowerCase()}${type.slice(1)}(id: $id) { id } }`, { id: created.id });
      expect(lookup.errors![0].extensions.code).toBe('NOT_FOUND');
    }
  });

  it('keeps fields that an update leaves out, and clears optional ones sent as null', async () => {
    const { createStaffMember: staff } = await api.data<{ createStaffMember: { id: string } }>(
      `mutation ($home: ID) { createStaffMember(input: { name: "留存员", phone: "10099990002", homeCommunityId: $home }) { id } }`,
      { home: known.chenxi },
    );
    const { updateStaffMember } = await api.data<{
      updateStaffMember: { name: string; phone: string | null; homeCommunityId: string | null; active: boolean };
    }>(`mutation ($id: ID!) { updateStaffMember(input: { id: $id, version: 1, phone: null }) { name phone homeCommunityId active } }`, {
      id: staff.id,
    });
    expect(updateStaffMember).toEqual({ name: '留存员', phone: null, homeCommunityId: known.chenxi, active: true });
  });

  it('links a community to its predecessor offices and replaces the links on update', async () => {
    const offices = ascending([known.office[CHENGUANG_OFFICE], known.office[HEWAN_OFFICE]]);
    const { createCommunity: c } = await api.data<{ createCommunity: { id: string; predecessorOffices: Array<{ id: string }> } }>(
      `mutation ($district: ID!, $offices: [ID!]) { createCommunity(input: { districtId: $district, name: "沿革社区", nameEn: "Lineage", code: "T91", validFrom: "2020-01-01", predecessorOfficeIds: $offices }) { id predecessorOffices { id } } }`,
      { district: known.district, offices },
    );
    expect(c.predecessorOffices.map((o) => o.id)).toEqual(offices);
    const { updateCommunity } = await api.data<{ updateCommunity: { predecessorOffices: Array<{ id: string }> } }>(
      `mutation ($id: ID!, $offices: [ID!]) { updateCommunity(input: { id: $id, version: 1, predecessorOfficeIds: $offices }) { predecessorOffices { id } } }`,
      { id: c.id, offices: [known.office[LIULIN_OFFICE]] },
    );
    expect(updateCommunity.predecessorOffices).toEqual([{ id: known.office[LIULIN_OFFICE] }]);
  });

  it('keeps the household head consistent as residents join and move', async () => {
    const headOf = (id: string) =>
      api.data<{ household: { headResidentId: string | null } }>(`query ($id: ID!) { household(id: $id) { headResidentId } }`, { id });
    const { createHousehold: home } = await api.data<{ createHousehold: { id: string } }>(
      `mutation ($grid: ID!) { createHousehold(input: { gridId: $grid, address: "新家路8号", registrationType: REGISTERED }) { id } }`,
      { grid: known.grids[1].id },
    );
    const { createResident: head } = await api.data<{ createResident: { id: string } }>(create('Resident'), {
      input: validResident(home.id, { relationToHead: 'HEAD' }),
    });
    expect((await headOf(home.id)).household.headResidentId).toBe(head.id);
    await api.data(update('Resident'), { input: { id: head.id, version: 1, householdId: known.household.id } });
    expect((await headOf(home.id)).household.headResidentId).toBeNull();
  });

  it('lets exactly one of two concurrent updates with the same version win', async () => {
    const grid = (await sample.gridsOf(api, known.muslimLane)).at(-1)!;
    const results = await Promise.all(
      ['甲', '乙'].map((name) => api.gql(update('Grid'), { input: { id: grid.id, version: grid.version, name: `并发网格${name}` } })),
    );
    const codes = results.map((r) => r.errors?.[0].extensions.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const [row] = await api.sql('SELECT version FROM grid WHERE id = $1', [grid.id]);
    expect(row.version).toBe(grid.version + 1);
  });
});

describe('bad input gets a clear, coded error and changes nothing', () => {
  const fieldError = async (query: string, variables: Record<string, unknown>, field: string, message: string | RegExp) => {
    const error = await refused(query, variables);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.fields![field]).toMatch(message);
  };

  // Variables are built from the records found in beforeAll; ids like 999 or 12345 point at nothing on purpose.
  test.each<[string, string, (k: Known) => Record<string, unknown>, string, string | RegExp]>([
    [
      'createDistrict: empty name',
      create('District'),
      () => ({ input: { name: '  ', nameEn: 'X', code: '630999', city: 'X' } }),
      'name',
      'must not be empty',
    ],
    [
      'createOffice: unknown district',
      create('Office'),
      () => ({ input: { districtId: '999', name: '某办', nameEn: 'X' } }),
      'districtId',
      'District 999 does not exist',
    ],
    [
      'createCommunity: unknown predecessor office',
      create('Community'),
      (k) => ({
        input: {
          districtId: k.district,
          name: '某社区',
          nameEn: 'X',
          code: 'T92',
          validFrom: '2020-01-01',
          predecessorOfficeIds: [k.office[CHENGUANG_OFFICE], '998'],
        },
      }),
      'predecessorOfficeIds',
      'Office 998 does not exist',
    ],
    [
      'createCommunity: code taken on the day',
      create('Community'),
      (k) => ({ input: { districtId: k.district, name: '某社区', nameEn: 'X', code: 'C01', validFrom: '2020-01-01' } }),
      'code',
      'is used by another community on 2020-01-01',
    ],
    [
      'createCommunity: name taken on the day',
      create('Community'),
      (k) => ({ input: { districtId: k.district, name: '清真巷社区', nameEn: 'X', code: 'T93', validFrom: '2020-01-01' } }),
      'name',
      'is used by another community on 2020-01-01',
    ],
    [
      'createCommunity: bad phone',
      create('Community'),
      (k) => ({ input: { districtId: k.district, name: '某社区', nameEn: 'X', code: 'T94', validFrom: '2020-01-01', phone: '12345' } }),
      'phone',
      'must be a mobile number',
    ],
    [
      'createServiceWindow: name taken in the community',
      create('ServiceWindow'),
      (k) => ({ input: { communityId: k.muslimLane, kind: 'COMPREHENSIVE', name: k.serviceWindow.name } }),
      'name',
      'already used',
    ],
    [
      'createGrid: code taken on the day',
      create('Grid'),
      (k) => ({ input: { communityId: k.muslimLane, code: k.grids[0].code, name: '重复网格' } }),
      'code',
      'is used by another grid on',
    ],
    [
      'createGrid: unknown community',
      create('Grid'),
      () => ({ input: { communityId: '12345', code: 'Z1', name: '某网格' } }),
      'communityId',
      'Community 12345 does not exist',
    ],
    [
      'createGrid: malformed community id',
      create('Grid'),
      () => ({ input: { communityId: 'abc', code: 'Z1', name: '某网格' } }),
      'communityId',
      '"abc" is not a valid id',
    ],
    [
      'createGrid: open boundary ring',
      create('Grid'),
      (k) => ({
        input: {
          communityId: k.muslimLane,
          code: 'Z1',
          name: '某网格',
          boundary: {
            type: 'Polygon',
            coordinates: [
              [
                [101.7, 36.6],
                [101.8, 36.6],
                [101.8, 36.7],
                [101.7, 36.71],
              ],
            ],
          },
        },
      }),
      'boundary',
      'closed rings',
    ],
    [
      'createGrid: boundary that is not a polygon',
      create('Grid'),
      (k) => ({
        input: { communityId: k.muslimLane, code: 'Z1', name: '某网格', boundary: { type: 'Point', coordinates: [101.7, 36.6] } },
      }),
      'boundary',
      'Polygon or MultiPolygon',
    ],
    [
      'createHousehold: head before any resident',
      create('Household'),
      (k) => ({ input: { gridId: k.grids[0].id, address: '某路1号', registrationType: 'REGISTERED', headResidentId: k.residents[0].id } }),
      'headResidentId',
      'must be a resident of this household',
    ],
    [
      'createResident: wrong check character',
      create('Resident'),
      (k) => ({ input: validResident(k.household.id, { idNumber: '630199199103049012' }) }),
      'idNumber',
      'wrong check character',
    ],
    [
      'createResident: impossible birth date in the ID',
      create('Resident'),
      (k) => ({ input: validResident(k.household.id, { idNumber: '630199199102300000' }) }),
      'idNumber',
      'impossible birth date',
    ],
    [
      'createResident: ID of another birth date',
      create('Resident'),
      (k) => ({ input: validResident(k.household.id, { birthDate: '1991-03-05' }) }),
      'idNumber',
      'encodes birth date 1991-03-04, not 1991-03-05',
    ],
    [
      'createResident: ID of another gender',
      create('Resident'),
      (k) => ({ input: validResident(k.household.id, { gender: 'MALE' }) }),
      'idNumber',
      'encodes gender FEMALE, not MALE',
    ],
    [
      'createResident: empty name',
      create('Resident'),
      (k) => ({ input: validResident(k.household.id, { name: '' }) }),
      'name',
      'must not be empty',
    ],
    [
      'createResident: unknown household',
      create('Resident'),
      () => ({ input: validResident('77777') }),
      'householdId',
      'Household 77777 does not exist',
    ],
    [
      'createResident: bad phone',
      create('Resident'),
      (k) => ({ input: validResident(k.household.id, { phone: '555-0100' }) }),
      'phone',
      'must be a mobile number',
    ],
    [
      'createResident: future birth date',
      create('Resident'),
      (k) => ({
        input: validResident(k.household.id, {
          birthDate: '2999-01-01',
          idNumber: makeResidentId('630199', '2999-01-01', 5, Gender.FEMALE),
        }),
      }),
      'birthDate',
      'must not be in the future',
    ],
    [
      'createStaffMember: unknown home community',
      create('StaffMember'),
      () => ({ input: { name: '某员', homeCommunityId: '4040' } }),
      'homeCommunityId',
      'Community 4040 does not exist',
    ],
    [
      'updateDistrict: required field sent as null',
      update('District'),
      (k) => ({ input: { id: k.district, version: 1, name: null } }),
      'name',
      'is required',
    ],
    [
      'updateOffice: name too long',
      update('Office'),
      (k) => ({ input: { id: k.office[CHENGUANG_OFFICE], version: 1, name: '长'.repeat(101) } }),
      'name',
      'at most 100 characters',
    ],
    [
      'updateCommunity: name of another community on the day',
      update('Community'),
      (k) => ({ input: { id: k.chenxi, version: 1, name: '清真巷社区' } }),
      'name',
      'is used by another community on',
    ],
    [
      'updateServiceWindow: unknown community',
      update('ServiceWindow'),
      (k) => ({ input: { id: k.serviceWindow.id, version: k.serviceWindow.version, communityId: '999' } }),
      'communityId',
      'Community 999 does not exist',
    ],
    [
      'updateGrid: code of a sibling grid',
      update('Grid'),
      (k) => ({ input: { id: k.grids[0].id, version: k.grids[0].version, code: k.grids[1].code } }),
      'code',
      'is used by another grid on',
    ],
    [
      'updateHousehold: head from another household',
      update('Household'),
      (k) => ({ input: { id: k.household.id, version: k.household.version, headResidentId: k.otherResident.id } }),
      'headResidentId',
      'must be a resident of this household',
    ],
    [
      'updateStaffMember: bad phone',
      update('StaffMember'),
      (k) => ({ input: { id: k.staff.id, version: k.staff.version, phone: '1' } }),
      'phone',
      'must be a mobile number',
    ],
  ])('%s', async (_name, query, variables, field, message) => {
    await fieldError(query, variables(known), field, message);
  });

  it('updateResident: the ID number of another resident', async () => {
    const [other] = await api.sql(
      `SELECT id_number AS "idNumber", to_char(birth_date, 'YYYY-MM-DD') AS "birthDate", gender::text FROM resident WHERE id = $1`,
      [known.otherResident.id],
    );
    await fieldError(
      update('Resident'),
      { input: { id: known.residents[0].id, version: known.residents[0].version, ...other } },
      'idNumber',
      'belongs to another resident',
    );
  });

  test.each(['District', 'Office', 'Community', 'ServiceWindow', 'Grid', 'Household', 'Resident', 'StaffMember'])(
    'update%s with a stale version is a CONFLICT',
    async (type) => {
      const error = await refused(update(type), { input: { id: recordOf(type), version: 99 } });
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
      expect(error.message).toMatch(/was changed by someone else/);
    },
  );

  test.each(['District', 'Office', 'Community', 'ServiceWindow', 'Grid', 'Household', 'Resident', 'StaffMember'])(
    'update and delete of an unknown %s are NOT_FOUND',
    async (type) => {
      expect((await refused(update(type), { input: { id: '424242', version: 1 } })).extensions.code).toBe('NOT_FOUND');
      expect((await refused(remove(type), { id: '424242' })).extensions.code).toBe('NOT_FOUND');
    },
  );

  test.each<[string, () => Promise<RegExp>]>([
    [
      'District',
      async () =>
        new RegExp(
          `has ${(await api.data<{ offices: { totalItems: number } }>(`query ($d: ID) { offices(asOf: "2014-09-28", options: { filter: { districtId: { eq: $d } } }) { totalItems } }`, { d: known.district })).offices.totalItems} offices in its history; end it instead of deleting it`,
        ),
    ],
    ['Office', async () => /has \d+ successor communities in its history/],
    ['Community', async () => /has \d+ grid memberships in its history/],
    ['Grid', async () => /has \d+ household memberships in its history/],
    ['Household', async () => /has \d+ resident memberships in its history/],
  ])('delete%s while it has dependants is refused', async (type, message) => {
    const error = await refused(remove(type), { id: recordOf(type) });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'HAS_DEPENDANTS' });
    expect(error.message).toMatch(await message());
  });

  it('refuses values of the wrong type before any resolver runs', async () => {
    const error = await refused(create('ServiceWindow'), { input: { communityId: known.muslimLane, kind: 'DRIVE_THROUGH', name: 'X' } });
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    const date = await refused(create('Community'), {
      input: { districtId: known.district, name: 'X', nameEn: 'X', code: 'T95', validFrom: '2020-02-30' },
    });
    expect(date.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('the audit trail', () => {
  const events = (type: string, id: string) =>
    api.data<{
      auditEvents: {
        totalItems: number;
        items: Array<{
          operation: string;
          entityType: string;
          entityId: number;
          actorName: string;
          changes: Record<string, unknown>;
          occurredAt: string;
        }>;
      };
    }>(
      `query ($id: Float!, $type: String!) {
    auditEvents(options: { filter: { entityType: { eq: $type }, entityId: { eq: $id } }, sort: [{ field: occurredAt, order: ASC }] }) {
      totalItems items { operation entityType entityId actorName changes occurredAt } } }`,
      { type, id: Number(id) },
    );

  it('records every write, in its transaction, with the fields before and after', async () => {
    const [first, second] = ascending([known.office[QINGSHI_OFFICE], known.office[BAIYANG_OFFICE]]);
    const { createCommunity: c } = await api.data<{ createCommunity: { id: string; predecessorOffices: Array<{ id: string }> } }>(
      `mutation ($district: ID!, $offices: [ID!]) { createCommunity(input: { districtId: $district, name: "审计社区", nameEn: "Audit", code: "T96", validFrom: "2021-01-01", predecessorOfficeIds: $offices }) { id } }`,
      { district: known.district, offices: [first] },
    );
    await api.data(
      `mutation ($id: ID!, $offices: [ID!]) { updateCommunity(input: { id: $id, version: 1, phone: "0971-5550123", predecessorOfficeIds: $offices }) { id } }`,
      { id: c.id, offices: [first, second] },
    );
    await api.data(`mutation ($id: ID!) { deleteCommunity(id: $id) { id } }`, { id: c.id });

    const { auditEvents } = await events('Community', c.id);
    expect(auditEvents.items.map((e) => e.operation)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
    const [created, updated, deleted] = auditEvents.items;
    expect(created.changes).toMatchObject({
      name: { before: null, after: '审计社区' },
      predecessorOfficeIds: { before: null, after: [Number(first)] },
    });
    expect(created.changes.version).toBeUndefined();
    expect(updated.changes).toEqual({
      phone: { before: '', after: '0971-5550123' },
      predecessorOfficeIds: { before: [Number(first)], after: [Number(first), Number(second)] },
    });
    expect(deleted.changes).toMatchObject({ name: { before: '审计社区', after: null } });
    expect(created).toMatchObject({ entityType: 'Community', entityId: Number(c.id), actorName: 'admin' });
  });

  it('lists events newest first and filters them', async () => {
    const staff = (await sample.staffOf(api, known.chenxi)).find((s) => s.active)!;
    await api.data(
      `mutation ($id: ID!, $version: Int!) { updateStaffMember(input: { id: $id, version: $version, active: false }) { id } }`,
      { id: staff.id, version: staff.version },
    );
    const { auditEvents } = await api.data<{
      auditEvents: { totalItems: number; items: Array<{ entityType: string; entityId: number; changes: Record<string, unknown> }> };
    }>(`{ auditEvents(options: { take: 1 }) { totalItems items { entityType entityId changes } } }`);
    expect(auditEvents.items[0]).toEqual({
      entityType: 'StaffMember',
      entityId: Number(staff.id),
      changes: { active: { before: true, after: false } },
    });
    const { auditEvents: deletes } = await api.data<{ auditEvents: { items: Array<{ operation: string }> } }>(
      `{ auditEvents(options: { filter: { operation: { eq: DELETE } } }) { items { operation } } }`,
    );
    expect(deletes.items.length).toBeGreaterThan(0);
    expect(deletes.items.every((e) => e.operation === 'DELETE')).toBe(true);
  });
});
