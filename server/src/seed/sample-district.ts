import type { DataSource, EntityManager } from 'typeorm';
import { Gender, makeResidentId, RegistrationType, RelationToHead, ResidentTag, ServiceWindowKind } from '@community-grid/shared';
import { Community } from '../modules/community/community.entity';
import { District } from '../modules/district/district.entity';
import { Grid } from '../modules/grid/grid.entity';
import { Household } from '../modules/household/household.entity';
import { Office } from '../modules/office/office.entity';
import { Resident } from '../modules/resident/resident.entity';
import { ServiceWindow } from '../modules/service-window/service-window.entity';
import { StaffMember } from '../modules/staff-member/staff-member.entity';
import { createDemoAccounts } from '../modules/auth/bootstrap';

/**
 * The sample Chengdong (East) District: 7 withdrawn sub-district offices and
 * the 12 communities founded in their place. Muslim Lane is the one community
 * named in the news report; every other name, person, ID number and phone
 * number is invented and generated from a fixed seed, so each load is the same.
 *
 * Invented on purpose so no real person is described: ID numbers use region
 * code 630199, which no county holds, and phone numbers start with 100, which
 * no mobile network uses.
 */

export const SAMPLE_REGION_CODE = '630199';
export const REFORM_DATE = '2014-09-29';

const OFFICES: Array<[string, string]> = [
  ['晨光街道办事处', 'Chenguang Sub-district Office'],
  ['河湾街道办事处', 'Hewan Sub-district Office'],
  ['柳林街道办事处', 'Liulin Sub-district Office'],
  ['青石街道办事处', 'Qingshi Sub-district Office'],
  ['白杨街道办事处', 'Baiyang Sub-district Office'],
  ['鹿鸣街道办事处', 'Luming Sub-district Office'],
  ['云溪街道办事处', 'Yunxi Sub-district Office'],
];

/** Name, English rendering, street, grid count and the offices (by index) whose territory it took. */
const COMMUNITIES: Array<{ name: string; nameEn: string; street: string; grids: number; offices: number[] }> = [
  { name: '清真巷社区', nameEn: 'Muslim Lane Community', street: '清真巷', grids: 8, offices: [0] },
  { name: '晨曦社区', nameEn: 'Chenxi (Morning Light) Community', street: '晨曦路', grids: 6, offices: [0] },
  { name: '河畔社区', nameEn: 'Hepan (Riverside) Community', street: '河畔街', grids: 7, offices: [1] },
  { name: '柳荫社区', nameEn: 'Liuyin (Willow Shade) Community', street: '柳荫巷', grids: 5, offices: [1, 2] },
  { name: '青禾社区', nameEn: 'Qinghe (Green Grain) Community', street: '青禾路', grids: 6, offices: [2] },
  { name: '白杨林社区', nameEn: 'Baiyanglin (Poplar Grove) Community', street: '白杨林街', grids: 4, offices: [3] },
  { name: '鹿苑社区', nameEn: 'Luyuan (Deer Garden) Community', street: '鹿苑路', grids: 6, offices: [3, 4] },
  { name: '云杉社区', nameEn: 'Yunshan (Spruce) Community', street: '云杉巷', grids: 5, offices: [4] },
  { name: '石榴园社区', nameEn: 'Shiliuyuan (Pomegranate Garden) Community', street: '石榴园路', grids: 7, offices: [5] },
  { name: '丁香社区', nameEn: 'Dingxiang (Lilac) Community', street: '丁香街', grids: 4, offices: [5] },
  { name: '槐花社区', nameEn: 'Huaihua (Locust Blossom) Community', street: '槐花路', grids: 6, offices: [6] },
  { name: '星桥社区', nameEn: 'Xingqiao (Star Bridge) Community', street: '星桥街', grids: 5, offices: [6] },
];

const SURNAMES = '马韩冶喇王李张刘陈杨赵黄周吴徐孙朱胡郭何高林罗郑梁谢宋唐许邓冯曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢';
const GIVEN = '晓明华丽军芳建国秀英志强静桂兰红霞玉梅海燕文杰春生德福佳怡子涵宇轩欣然浩然思雨雅琴振东立新永安清河若溪云舒晨阳';
const SPECIALIST_COUNT = 10;

export interface SampleSize {
  householdsPerGrid: number;
  /** Multiplies every community's grid count (the benchmark's scale generator uses it). */
  gridFactor: number;
}

export const SAMPLE_SIZE: SampleSize = { householdsPerGrid: 20, gridFactor: 1 };

export interface SampleSummary {
  communities: number;
  grids: number;
  households: number;
  residents: number;
  staffMembers: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so every load of the sample is the same. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: ArrayLike<T>) => items[Math.floor(next() * items.length)],
  };
}

type Rng = ReturnType<typeof random>;

const personName = (rng: Rng, surname = rng.pick(SURNAMES)) =>
  surname + rng.pick(GIVEN) + (rng.chance(0.7) ? rng.pick(GIVEN) : '');

function birthDate(rng: Rng, minAge: number, maxAge: number, today: Date): string {
  const year = today.getUTCFullYear() - rng.int(minAge, maxAge);
  return `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

/** Squares laid out west to east across the district, around 101.78 E, 36.62 N. */
function gridBoundary(communityIndex: number, gridIndex: number) {
  const size = 0.004;
  const west = 101.74 + (communityIndex % 4) * 0.035 + (gridIndex % 4) * size;
  const south = 36.59 + Math.floor(communityIndex / 4) * 0.025 + Math.floor(gridIndex / 4) * size;
  const ring = [[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]
    .map(([x, y]) => [Number(x.toFixed(5)), Number(y.toFixed(5))]);
  return { type: 'Polygon', coordinates: [ring] };
}

async function insertChunked<T>(em: EntityManager, entity: new () => T, rows: Partial<T>[], chunk = 2000): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += chunk) {
    const result = await em.createQueryBuilder().insert().into(entity).values(rows.slice(start, start + chunk) as never)
      .returning(['id']).updateEntity(false).execute();
    ids.push(...result.raw.map((row: { id: number }) => row.id));
  }
  return ids;
}

/** Loads the sample district into an empty database, in one transaction. */
export async function loadSampleDistrict(em: EntityManager, size: SampleSize = SAMPLE_SIZE, today = new Date()): Promise<SampleSummary> {
  const rng = random(20140929);
  const [districtId] = await insertChunked(em, District, [{ name: '城东区', nameEn: 'Chengdong (East) District', code: '630102', city: '西宁市 Xining' }]);
  const officeIds = await insertChunked(em, Office, OFFICES.map(([name, nameEn]) => ({ districtId, name, nameEn, withdrawnOn: REFORM_DATE })));

  const communityIds = await insertChunked(em, Community, COMMUNITIES.map((c, i) => ({
    districtId, name: c.name, nameEn: c.nameEn, establishedOn: REFORM_DATE,
    address: `${c.street}${10 + i * 7}号`, phone: `0971-55501${String(i).padStart(2, '0')}`,
  })));
  await em.query(
    'INSERT INTO community_predecessor_office (community_id, office_id) SELECT * FROM unnest($1::int[], $2::int[])',
    [COMMUNITIES.flatMap((c, i) => c.offices.map(() => communityIds[i])), COMMUNITIES.flatMap((c) => c.offices.map((o) => officeIds[o]))]);

  await insertChunked(em, ServiceWindow, communityIds.flatMap((communityId) => [
    { communityId, kind: ServiceWindowKind.COMPREHENSIVE, name: '综合服务窗口 1', openingHours: '周一至周五 08:30-12:00, 14:30-18:00' },
    { communityId, kind: ServiceWindowKind.COMPREHENSIVE, name: '综合服务窗口 2', openingHours: '周一至周五 08:30-12:00, 14:30-18:00' },
    { communityId, kind: ServiceWindowKind.INTERMEDIARY, name: '代办服务窗口', openingHours: '周一至周六 09:00-12:00, 14:30-17:30' },
  ]));

  const gridRows: Partial<Grid>[] = [];
  COMMUNITIES.forEach((c, ci) => {
    for (let g = 0; g < c.grids * size.gridFactor; g++) {
      gridRows.push({
        communityId: communityIds[ci], code: `G${String(g + 1).padStart(2, '0')}`,
        name: `${c.name.replace('社区', '')}第${g + 1}网格`, boundary: gridBoundary(ci, g),
      });
    }
  });
  const gridIds = await insertChunked(em, Grid, gridRows);

  const householdRows: Partial<Household>[] = [];
  gridIds.forEach((gridId, gi) => {
    const street = COMMUNITIES.find((_, ci) => communityIds[ci] === gridRows[gi].communityId)!.street;
    for (let h = 0; h < size.householdsPerGrid; h++) {
      householdRows.push({
        gridId,
        // 12 flats a building: 6 floors, 2 per floor.
        address: `${street}${(gi % 40) + 1}号院${Math.floor(h / 12) + 1}号楼${(h % 6) + 1}0${(Math.floor(h / 6) % 2) + 1}室`,
        registrationType: rng.chance(0.82) ? RegistrationType.REGISTERED : RegistrationType.FLOATING,
      });
    }
  });
  const householdIds = await insertChunked(em, Household, householdRows);

  // Sequence numbers count per birth date, so ID numbers stay unique at any scale.
  const sequences = new Map<string, number>();
  const nextSequence = (born: string) => {
    const n = (sequences.get(born) ?? 0) + 1;
    sequences.set(born, n);
    return n * 2; // makeResidentId moves it to the next odd number for men
  };
  let phone = 0;
  const residentRows: Partial<Resident>[] = [];
  const addResident = (householdId: number, relationToHead: RelationToHead, gender: Gender, born: string, surname?: string, tags: ResidentTag[] = []) => {
    const age = today.getUTCFullYear() - Number(born.slice(0, 4));
    residentRows.push({
      householdId, relationToHead, gender, birthDate: born, name: personName(rng, surname),
      idNumber: makeResidentId(SAMPLE_REGION_CODE, born, nextSequence(born), gender),
      phone: age >= 16 && rng.chance(0.85) ? `100${String(++phone).padStart(8, '0')}` : null,
      tags: [
        ...tags,
        ...(rng.chance(0.03) ? [ResidentTag.DISABLED] : []),
        ...(age >= 18 && rng.chance(0.05) ? [ResidentTag.LOW_INCOME] : []),
        ...(gender === Gender.MALE && age >= 45 && rng.chance(0.06) ? [ResidentTag.VETERAN] : []),
      ],
    });
  };
  for (const householdId of householdIds) {
    const surname = rng.pick(SURNAMES);
    const headGender = rng.chance(0.6) ? Gender.MALE : Gender.FEMALE;
    const shape = rng.next();
    if (shape < 0.12) {
      // An elderly resident living alone: the people grid members visit first.
      addResident(householdId, RelationToHead.HEAD, headGender, birthDate(rng, 70, 92, today), surname, [ResidentTag.ELDERLY_ALONE]);
      continue;
    }
    if (shape < 0.18) {
      // Grandparents raising a grandchild whose parents work elsewhere.
      addResident(householdId, RelationToHead.HEAD, headGender, birthDate(rng, 58, 75, today), surname);
      addResident(householdId, RelationToHead.SPOUSE, headGender === Gender.MALE ? Gender.FEMALE : Gender.MALE, birthDate(rng, 56, 75, today));
      addResident(householdId, RelationToHead.GRANDCHILD, rng.chance(0.5) ? Gender.MALE : Gender.FEMALE, birthDate(rng, 4, 15, today), surname, [ResidentTag.LEFT_BEHIND_CHILD]);
      continue;
    }
    addResident(householdId, RelationToHead.HEAD, headGender, birthDate(rng, 26, 68, today), surname);
    if (rng.chance(0.75)) addResident(householdId, RelationToHead.SPOUSE, headGender === Gender.MALE ? Gender.FEMALE : Gender.MALE, birthDate(rng, 25, 68, today));
    for (let c = rng.int(0, 2); c > 0; c--) addResident(householdId, RelationToHead.CHILD, rng.chance(0.5) ? Gender.MALE : Gender.FEMALE, birthDate(rng, 0, 24, today), surname);
    if (rng.chance(0.2)) addResident(householdId, RelationToHead.PARENT, rng.chance(0.5) ? Gender.MALE : Gender.FEMALE, birthDate(rng, 66, 90, today), surname);
  }
  await insertChunked(em, Resident, residentRows);
  await em.query(`UPDATE household h SET head_resident_id = r.id FROM resident r
    WHERE r.household_id = h.id AND r.relation_to_head = 'HEAD'`);

  const staffRows: Partial<StaffMember>[] = [];
  COMMUNITIES.forEach((c, ci) => {
    // Two grid members a grid, the specialists and four window staff for the A/B posts.
    const count = c.grids * size.gridFactor * 2 + SPECIALIST_COUNT + 4;
    for (let s = 0; s < count; s++) {
      staffRows.push({ name: personName(rng), phone: `100${String(++phone).padStart(8, '0')}`, homeCommunityId: communityIds[ci], active: s % 25 !== 24 });
    }
  });
  await insertChunked(em, StaffMember, staffRows);
  await createDemoAccounts(em, communityIds[0]);

  return {
    communities: communityIds.length, grids: gridIds.length, households: householdIds.length,
    residents: residentRows.length, staffMembers: staffRows.length,
  };
}

/** Loads the sample once: concurrent starts on one database wait on a lock and then find it loaded. */
export async function loadSampleIfEmpty(dataSource: DataSource): Promise<SampleSummary | null> {
  return dataSource.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock(20140929)');
    if (await em.count(District) > 0) return null;
    return loadSampleDistrict(em);
  });
}

/**
 * Empties the structure for `npm run seed -- --reset`. Administrators' accounts
 * stay (a TRUNCATE … CASCADE would take them along through their staff link);
 * the demo accounts and the audit trail of the old sample go.
 */
export async function clearStructure(em: EntityManager): Promise<void> {
  await em.query(`DELETE FROM account WHERE role <> 'DISTRICT_ADMIN'`);
  await em.query('UPDATE account SET staff_member_id = NULL');
  await em.query('UPDATE household SET head_resident_id = NULL');
  const tables = ['audit_event', 'community_predecessor_office', 'resident', 'household', 'grid', 'service_window', 'staff_member', 'community', 'office', 'district'];
  for (const table of tables) await em.query(`DELETE FROM ${table}`);
  // Ids start again at 1, so the reloaded sample is the same as a first load.
  for (const table of tables.filter((t) => t !== 'community_predecessor_office')) {
    await em.query(`ALTER TABLE ${table} ALTER COLUMN id RESTART`);
  }
}
