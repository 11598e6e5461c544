import type { Client, TestServer } from './test-server';

/**
 * Finds records of the sample district by what they are (a community by its
 * name, a grid by its community and code order, a household by its grid, an
 * account by its username), so that no test depends on the ids the sample
 * happens to get. The queries run through the API with the client given:
 * pass the TestServer itself (a district administrator) to see everything.
 */

/** English names of the sample records the tests talk about. */
export const DISTRICT = 'Chengdong (East) District';
export const MUSLIM_LANE = 'Muslim Lane Community';
export const CHENXI = 'Chenxi (Morning Light) Community';
export const HEPAN = 'Hepan (Riverside) Community';
export const QINGHE = 'Qinghe (Green Grain) Community';
export const XINGQIAO = 'Xingqiao (Star Bridge) Community';
export const CHENGUANG_OFFICE = 'Chenguang Sub-district Office';
export const HEWAN_OFFICE = 'Hewan Sub-district Office';
export const LIULIN_OFFICE = 'Liulin Sub-district Office';
export const QINGSHI_OFFICE = 'Qingshi Sub-district Office';
export const BAIYANG_OFFICE = 'Baiyang Sub-district Office';

export interface GridRecord {
  id: string;
  code: string;
  name: string;
  version: number;
  communityId: string;
}
export interface HouseholdRecord {
  id: string;
  address: string;
  version: number;
  gridId: string;
  headResidentId: string | null;
}
export interface ResidentRecord {
  id: string;
  name: string;
  version: number;
  householdId: string;
  relationToHead: string;
}
export interface StaffRecord {
  id: string;
  name: string;
  version: number;
  active: boolean;
  homeCommunityId: string | null;
}
export interface ServiceWindowRecord {
  id: string;
  name: string;
  kind: string;
  version: number;
  communityId: string;
}
export interface AccountRecord {
  id: string;
  username: string;
  role: string;
  version: number;
  communityIds: string[];
  gridIds: string[];
  staffMemberId: string | null;
}

const PAGE = 100;
const hasHan = (text: string) => /\p{Script=Han}/u.test(text);

/** Every item of a list, page by page (a page holds at most 100). */
async function all<T>(
  client: Client,
  list: string,
  options: { filter?: object; sort?: object[] },
  fields: string,
  asOf?: string,
): Promise<T[]> {
  const items: T[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const data = await client.data<Record<string, { totalItems: number; items: T[] }>>(
      `query ($options: ${listOptionsType(list)}${asOf ? ', $asOf: LocalDate' : ''}) { ${list}(options: $options${asOf ? ', asOf: $asOf' : ''}) { totalItems items { ${fields} } } }`,
      { options: { ...options, skip, take: PAGE }, ...(asOf ? { asOf } : {}) },
    );
    items.push(...data[list].items);
    if (items.length >= data[list].totalItems || data[list].items.length === 0) return items;
  }
}

const listOptionsType = (list: string) => {
  const singular: Record<string, string> = {
    districts: 'District',
    offices: 'Office',
    communities: 'Community',
    serviceWindows: 'ServiceWindow',
    grids: 'Grid',
    households: 'Household',
    residents: 'Resident',
    staffMembers: 'StaffMember',
    accounts: 'Account',
  };
  return `${singular[list]}ListOptions`;
};

/** The one item of a list that the filter matches; fails if there is none or more than one. */
async function only<T>(client: Client, list: string, filter: object, fields: string, what: string, asOf?: string): Promise<T> {
  const items = await all<T>(client, list, { filter }, fields, asOf);
  if (items.length !== 1) throw new Error(`Expected one ${what} in the sample, found ${items.length}`);
  return items[0];
}

/** Filters on `name` for a Chinese name, on `nameEn` for an English one. */
const byName = (name: string) => (hasHan(name) ? { name: { eq: name } } : { nameEn: { eq: name } });

const GRID = 'id code name version communityId';
const HOUSEHOLD = 'id address version gridId headResidentId';
const RESIDENT = 'id name version householdId relationToHead';
const STAFF = 'id name version active homeCommunityId';
const WINDOW = 'id name kind version communityId';
const ACCOUNT = 'id username role version communityIds gridIds staffMemberId';

export const sample = {
  /** A district by its name (Chinese or English); the sample's only one by default. */
  districtId: async (client: Client, name = DISTRICT): Promise<string> =>
    (await only<{ id: string }>(client, 'districts', byName(name), 'id', `district "${name}"`)).id,

  /** A sub-district office (withdrawn in 2014) by its name in 2000, when all seven had their first names. */
  officeId: async (client: Client, name: string): Promise<string> =>
    (await only<{ id: string }>(client, 'offices', byName(name), 'id', `office "${name}"`, '2000-01-01')).id,

  /** A community by its name, Chinese (清真巷社区) or English (Muslim Lane Community). */
  communityId: async (client: Client, name: string): Promise<string> =>
    (await only<{ id: string }>(client, 'communities', byName(name), 'id', `community "${name}"`)).id,

  /** The grids of a community, sorted by code. */
  gridsOf: (client: Client, communityId: string): Promise<GridRecord[]> =>
    all<GridRecord>(client, 'grids', { filter: { communityId: { eq: communityId } }, sort: [{ field: 'code', order: 'ASC' }] }, GRID),

  /** The first grid of a community when its grids are sorted by code. */
  firstGridOf: async (client: Client, communityId: string): Promise<GridRecord> => {
    const [grid] = await sample.gridsOf(client, communityId);
    if (!grid) throw new Error(`Community ${communityId} has no grids`);
    return grid;
  },

  /** Grids by id, sorted by code (e.g. the grids an account reaches). */
  grids: (client: Client, ids: string[]): Promise<GridRecord[]> =>
    all<GridRecord>(client, 'grids', { filter: { ids }, sort: [{ field: 'code', order: 'ASC' }] }, GRID),

  /** The households of a grid, in the order they were recorded. */
  householdsOf: (client: Client, gridId: string): Promise<HouseholdRecord[]> =>
    all<HouseholdRecord>(client, 'households', { filter: { gridId: { eq: gridId } } }, HOUSEHOLD),

  /** The first household recorded in a grid. */
  firstHouseholdOf: async (client: Client, gridId: string): Promise<HouseholdRecord> => {
    const [household] = await sample.householdsOf(client, gridId);
    if (!household) throw new Error(`Grid ${gridId} has no households`);
    return household;
  },

  /** The residents of a household, in the order they were recorded (the head first in the sample). */
  residentsOf: (client: Client, householdId: string): Promise<ResidentRecord[]> =>
    all<ResidentRecord>(client, 'residents', { filter: { householdId: { eq: householdId } } }, RESIDENT),

  /** The staff whose home community this is, in the order they were recorded. */
  staffOf: (client: Client, communityId: string): Promise<StaffRecord[]> =>
    all<StaffRecord>(client, 'staffMembers', { filter: { homeCommunityId: { eq: communityId } } }, STAFF),

  /** The service windows of a community. */
  serviceWindowsOf: (client: Client, communityId: string): Promise<ServiceWindowRecord[]> =>
    all<ServiceWindowRecord>(client, 'serviceWindows', { filter: { communityId: { eq: communityId } } }, WINDOW),

  /** An account by its username (needs an administrator's client). */
  account: (client: Client, username: string): Promise<AccountRecord> =>
    only<AccountRecord>(client, 'accounts', { username: { eq: username } }, ACCOUNT, `account "${username}"`),

  /** How many households a community has on the server's today, counted in the database (by hand, independently of the server's structure module). */
  householdCountIn: async (api: TestServer, communityId: string): Promise<number> =>
    (
      await api.sql<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM household_version h JOIN grid_version g ON g.grid_id = h.grid_id AND g.valid @> $2::date
      WHERE h.valid @> $2::date AND g.community_id = $1`,
        [communityId, api.clock.today()],
      )
    )[0].n,

  /** How many residents a community has on the server's today, counted in the database. */
  residentCountIn: async (api: TestServer, communityId: string): Promise<number> =>
    (
      await api.sql<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM resident_version r
      JOIN household_version h ON h.household_id = r.household_id AND h.valid @> $2::date
      JOIN grid_version g ON g.grid_id = h.grid_id AND g.valid @> $2::date
      WHERE r.valid @> $2::date AND g.community_id = $1`,
        [communityId, api.clock.today()],
      )
    )[0].n,
};
