import type { DataSource, EntityManager } from 'typeorm';
import { Gender, makeResidentId, RegistrationType, RelationToHead, ResidentTag, ServiceWindowKind } from '@community-grid/shared';
import { Community, CommunityVersion } from '../modules/community/community.entity';
import { District } from '../modules/district/district.entity';
import { Grid, GridVersion } from '../modules/grid/grid.entity';
import { Household, HouseholdVersion } from '../modules/household/household.entity';
import { Office, OfficeVersion } from '../modules/office/office.entity';
import { Resident, ResidentVersion } from '../modules/resident/resident.entity';
import { systemClock } from '../core/time/clock';
import { addDays, openFrom, toRange } from '../core/time/validity';
import { ServiceWindow } from '../modules/service-window/service-window.entity';
import { StaffMember } from '../modules/staff-member/staff-member.entity';
import { createDemoAccounts } from '../modules/auth/bootstrap';
import { loadSamplePlans } from './sample-reform';
import { loadSampleStaffing } from './sample-staffing';
import { loadSampleService } from './sample-service';
import type { EntityClass } from '../core/entity-class';

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
/** The reform: decided on 10 September 2014; the 12 communities founded on 29 September, running from 1 October. */
export const REFORM_DECIDED = '2014-09-10';
export const REFORM_DATE = '2014-09-29';

/** The 7 sub-district offices (invented founding days), withdrawn by the reform. */
const OFFICES: Array<{ name: string; nameEn: string; from: string; renamed?: { on: string; name: string; nameEn: string } }> = [
  { name: '晨光街道办事处', nameEn: 'Chenguang Sub-district Office', from: '1984-03-01' },
  {
    name: '河湾街道办事处',
    nameEn: 'Hewan Sub-district Office',
    from: '1986-07-01',
    renamed: { on: '2003-01-01', name: '河湾路街道办事处', nameEn: 'Hewan Road Sub-district Office' },
  },
  { name: '柳林街道办事处', nameEn: 'Liulin Sub-district Office', from: '1984-03-01' },
  { name: '青石街道办事处', nameEn: 'Qingshi Sub-district Office', from: '1990-05-15' },
  { name: '白杨街道办事处', nameEn: 'Baiyang Sub-district Office', from: '1992-10-01' },
  { name: '鹿鸣街道办事处', nameEn: 'Luming Sub-district Office', from: '1995-01-01' },
  { name: '云溪街道办事处', nameEn: 'Yunxi Sub-district Office', from: '1998-04-01' },
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

/**
 * The old communities under the offices before the reform (invented), with
 * English renderings. Each new community took the territory of two or three of them.
 */
const OLD_COMMUNITY_NAMES: Array<[string, string]> = [
  ['东关大街居委会', "Dongguan Avenue Residents' Committee"],
  ['礼拜寺巷居委会', "Libaisi Lane Residents' Committee"],
  ['晨光里居委会', "Chenguangli Residents' Committee"],
  ['朝阳坡居委会', "Chaoyangpo Residents' Committee"],
  ['曙光巷居委会', "Shuguang Lane Residents' Committee"],
  ['早市街居委会', "Zaoshi Street Residents' Committee"],
  ['河湾北居委会', "Hewan North Residents' Committee"],
  ['渡口街居委会', "Dukou Street Residents' Committee"],
  ['芦苇滩居委会', "Luweitan Residents' Committee"],
  ['柳岸居委会', "Liu'an Residents' Committee"],
  ['小桥头居委会', "Xiaoqiaotou Residents' Committee"],
  ['柳林东居委会', "Liulin East Residents' Committee"],
  ['麦场坡居委会', "Maichangpo Residents' Committee"],
  ['禾苗巷居委会', "Hemiao Lane Residents' Committee"],
  ['谷仓街居委会', "Gucang Street Residents' Committee"],
  ['青石板居委会', "Qingshiban Residents' Committee"],
  ['石磨巷居委会', "Shimo Lane Residents' Committee"],
  ['杨树湾居委会', "Yangshuwan Residents' Committee"],
  ['鹿角巷居委会', "Lujiao Lane Residents' Committee"],
  ['白杨北居委会', "Baiyang North Residents' Committee"],
  ['松针坡居委会', "Songzhenpo Residents' Committee"],
  ['杉林巷居委会', "Shanlin Lane Residents' Committee"],
  ['鹿鸣坡居委会', "Lumingpo Residents' Committee"],
  ['榴花巷居委会', "Liuhua Lane Residents' Committee"],
  ['果园街居委会', "Guoyuan Street Residents' Committee"],
  ['紫丁巷居委会', "Ziding Lane Residents' Committee"],
  ['香樟里居委会', "Xiangzhangli Residents' Committee"],
  ['云溪东居委会', "Yunxi East Residents' Committee"],
  ['槐树坪居委会', "Huaishuping Residents' Committee"],
  ['星光巷居委会', "Xingguang Lane Residents' Committee"],
  ['桥南街居委会', "Qiaonan Street Residents' Committee"],
];

const SURNAMES = '马韩冶喇王李张刘陈杨赵黄周吴徐孙朱胡郭何高林罗郑梁谢宋唐许邓冯曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢';
const GIVEN = '晓明华丽军芳建国秀英志强静桂兰红霞玉梅海燕文杰春生德福佳怡子涵宇轩欣然浩然思雨雅琴振东立新永安清河若溪云舒晨阳';
const SPECIALIST_COUNT = 10;

export interface SampleSize {
  householdsPerGrid: number;
  /** Multiplies every community's grid count (the benchmark's scale generator uses it). */
  gridFactor: number;
  /** Affairs per household over the last year (default 2). */
  affairsPerHousehold?: number;
}

export const SAMPLE_SIZE: SampleSize = { householdsPerGrid: 20, gridFactor: 1 };

export interface SampleSummary {
  offices: number;
  communities: number;
  oldCommunities: number;
  grids: number;
  households: number;
  residents: number;
  staffMembers: number;
  affairs: number;
  visits: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so every load of the sample is the same. */
export function random(seed: number) {
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

const personName = (rng: Rng, surname = rng.pick(SURNAMES)) => surname + rng.pick(GIVEN) + (rng.chance(0.7) ? rng.pick(GIVEN) : '');

function birthDate(rng: Rng, minAge: number, maxAge: number, today: string): string {
  const year = Number(today.slice(0, 4)) - rng.int(minAge, maxAge);
  const born = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  // Nobody in the sample is born after today.
  return born > today ? addDays(today, -rng.int(1, 300)) : born;
}

/** A day between `from` and `to` (inclusive), both YYYY-MM-DD. */
function dayBetween(rng: Rng, from: string, to: string): string {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, rng.int(0, Math.max(0, span)));
}

/** Squares laid out west to east across the district, around 101.78 E, 36.62 N. */
function gridBoundary(communityIndex: number, gridIndex: number) {
  const size = 0.004;
  const west = 101.74 + (communityIndex % 4) * 0.035 + (gridIndex % 4) * size;
  const south = 36.59 + Math.floor(communityIndex / 4) * 0.025 + Math.floor(gridIndex / 4) * size;
  const ring = [
    [west, south],
    [west + size, south],
    [west + size, south + size],
    [west, south + size],
    [west, south],
  ].map(([x, y]) => [Number(x.toFixed(5)), Number(y.toFixed(5))]);
  return { type: 'Polygon', coordinates: [ring] };
}

/** Reports rows loaded so far (the benchmark draws a progress bar from it). */
export type LoadProgress = (table: string, rows: number) => void;

let reportProgress: LoadProgress | undefined;

/**
 * Inserts rows set-based: each chunk travels as one JSON parameter expanded by
 * json_populate_recordset into the table's own row type (PostgreSQL converts
 * every value, ranges and arrays included), so a chunk of 20,000 rows is one
 * statement whatever its width. Returns the new ids in the order of `rows`.
 */
async function insertChunked(em: EntityManager, entity: EntityClass, rows: object[], chunk = 20_000): Promise<number[]> {
  if (!rows.length) return [];
  const metadata = em.connection.getMetadata(entity);
  const columns = Object.keys(rows[0]).map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.tableName} has no column for "${property}"`);
    return { property, name: column.databaseName };
  });
  const list = columns.map((c) => `"${c.name}"`).join(', ');
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows
      .slice(start, start + chunk)
      .map((row) => Object.fromEntries(columns.map((c) => [c.name, (row as Record<string, unknown>)[c.property] ?? null])));
    const inserted: Array<{ id: number }> = await em.query(
      `WITH input AS (SELECT * FROM json_populate_recordset(NULL::"${metadata.tableName}", $1) WITH ORDINALITY AS r),
        added AS (INSERT INTO "${metadata.tableName}" (${list}) SELECT ${list} FROM input ORDER BY ordinality RETURNING id)
       SELECT id FROM added ORDER BY id`,
      [JSON.stringify(slice)],
    );
    ids.push(...inserted.map((row) => Number(row.id)));
    reportProgress?.(metadata.tableName, slice.length);
  }
  return ids;
}

const code2 = (n: number) => String(n).padStart(2, '0');

export interface ReformLayout {
  /** The 12 communities founded by the reform, and the offices (by index) whose territory each took. */
  communities: Array<{ code: string; name: string; nameEn: string; address: string; phone: string; offices: number[] }>;
  /** The old communities, under an office (by index), each going to one new community (by index). */
  old: Array<{ code: string; name: string; nameEn: string; office: number; newIndex: number }>;
  /** Each grid: its old community and code, and its new community, number, code and name. */
  grids: Array<{ oldIndex: number; oldCode: string; oldName: string; newIndex: number; number: number; newCode: string; newName: string }>;
}

/**
 * The reform as the sample defines it: which old communities and offices each
 * new community took, and how each grid was renumbered. The loader records it
 * as history; the same layout written as a reorganization plan replays it.
 */
export function reformLayout(size: SampleSize = SAMPLE_SIZE): ReformLayout {
  const old: ReformLayout['old'] = [];
  COMMUNITIES.forEach((c, ci) => {
    const parts = c.grids >= 6 ? 3 : 2;
    for (let p = 0; p < parts; p++) {
      const i = old.length;
      old.push({
        code: `L${code2(i + 1)}`,
        name: OLD_COMMUNITY_NAMES[i][0],
        nameEn: OLD_COMMUNITY_NAMES[i][1],
        office: c.offices[p % c.offices.length],
        newIndex: ci,
      });
    }
  });
  const grids: ReformLayout['grids'] = [];
  const oldGridNumber = new Map<number, number>();
  COMMUNITIES.forEach((c, ci) => {
    const parts = old.map((o, oi) => ({ o, oi })).filter(({ o }) => o.newIndex === ci);
    for (let g = 0; g < c.grids * size.gridFactor; g++) {
      const { oi } = parts[g % parts.length];
      const n = (oldGridNumber.get(oi) ?? 0) + 1;
      oldGridNumber.set(oi, n);
      grids.push({
        oldIndex: oi,
        oldCode: `L${code2(oi + 1)}-G${code2(n)}`,
        oldName: `${OLD_COMMUNITY_NAMES[oi][0].replace('居委会', '')}第${n}网格`,
        newIndex: ci,
        number: g + 1,
        newCode: `C${code2(ci + 1)}-G${code2(g + 1)}`,
        newName: `${c.name.replace('社区', '')}第${g + 1}网格`,
      });
    }
  });
  const communities = COMMUNITIES.map((c, i) => ({
    code: `C${code2(i + 1)}`,
    name: c.name,
    nameEn: c.nameEn,
    address: `${c.street}${10 + i * 7}号`,
    phone: `0971-55501${code2(i)}`,
    offices: c.offices,
  }));
  return { communities, old, grids };
}

/**
 * Loads the sample district into an empty database, in one transaction, with
 * its history: the 7 offices and their 31 old communities until the reform;
 * on 29 September 2014 each old community's grids (renumbered) and households
 * move to the new community that took its territory; a few households and
 * residents have moved since. Nothing is dated after `today`.
 */
export async function loadSampleDistrict(
  em: EntityManager,
  size: SampleSize = SAMPLE_SIZE,
  today = systemClock.today(),
  onProgress?: LoadProgress,
): Promise<SampleSummary> {
  reportProgress = onProgress;
  try {
    // Counted once, set-based, after the load instead of row by row (the triggers keep them exact from then on).
    await countingTriggers(em, 'DISABLE');
    const summary = await loadSample(em, size, today);
    await countingTriggers(em, 'ENABLE');
    await em.query('SELECT cg_rebuild_member_counts()');
    await em.query('SELECT cg_place_residents(NULL)');
    await em.query('SELECT cg_place_households(NULL)');
    return summary;
  } finally {
    reportProgress = undefined;
  }
}

async function loadSample(em: EntityManager, size: SampleSize, today: string): Promise<SampleSummary> {
  const rng = random(20140929);
  const reformEnd = addDays(REFORM_DATE, -1);
  const layout = reformLayout(size);
  const [districtId] = await insertChunked(em, District, [
    { name: '城东区', nameEn: 'Chengdong (East) District', code: '630102', city: '西宁市 Xining' },
  ]);

  const officeIds = await insertChunked(
    em,
    Office,
    OFFICES.map((o) => ({ districtId, valid: toRange(o.from, reformEnd) })),
  );
  await insertChunked(
    em,
    OfficeVersion,
    OFFICES.flatMap((o, i) =>
      o.renamed
        ? [
            { officeId: officeIds[i], name: o.name, nameEn: o.nameEn, valid: toRange(o.from, addDays(o.renamed.on, -1)) },
            { officeId: officeIds[i], name: o.renamed.name, nameEn: o.renamed.nameEn, valid: toRange(o.renamed.on, reformEnd) },
          ]
        : [{ officeId: officeIds[i], name: o.name, nameEn: o.nameEn, valid: toRange(o.from, reformEnd) }],
    ),
  );

  // The new communities first, so they keep ids 1 to 12.
  const communityIds = await insertChunked(
    em,
    Community,
    layout.communities.map((c) => ({
      districtId,
      valid: openFrom(REFORM_DATE),
      address: c.address,
      phone: c.phone,
    })),
  );
  await insertChunked(
    em,
    CommunityVersion,
    layout.communities.map((c, i) => ({
      communityId: communityIds[i],
      code: c.code,
      name: c.name,
      nameEn: c.nameEn,
      officeId: null,
      valid: openFrom(REFORM_DATE),
    })),
  );
  await em.query('INSERT INTO community_predecessor_office (community_id, office_id) SELECT * FROM unnest($1::int[], $2::int[])', [
    COMMUNITIES.flatMap((c, i) => c.offices.map(() => communityIds[i])),
    COMMUNITIES.flatMap((c) => c.offices.map((o) => officeIds[o])),
  ]);

  // The old communities: two or three for each new one, under the offices whose territory it took.
  const old = layout.old.map((o) => ({ ...o, from: dayBetween(rng, addDays(OFFICES[o.office].from, 365), '2008-12-31') }));
  const oldIds = await insertChunked(
    em,
    Community,
    old.map((o, i) => ({
      districtId,
      valid: toRange(o.from, reformEnd),
      address: `${OLD_COMMUNITY_NAMES[i][0].replace('居委会', '')}1号`,
      phone: '',
    })),
  );
  await insertChunked(
    em,
    CommunityVersion,
    old.map((o, i) => ({
      communityId: oldIds[i],
      code: o.code,
      name: o.name,
      nameEn: o.nameEn,
      officeId: officeIds[o.office],
      valid: toRange(o.from, reformEnd),
    })),
  );
  await em.query('INSERT INTO community_predecessor_community (community_id, predecessor_id) SELECT * FROM unnest($1::int[], $2::int[])', [
    old.map((o) => communityIds[o.newIndex]),
    oldIds,
  ]);

  await insertChunked(
    em,
    ServiceWindow,
    communityIds.flatMap((communityId) => [
      { communityId, kind: ServiceWindowKind.COMPREHENSIVE, name: '综合服务窗口 1', openingHours: '周一至周五 08:30-12:00, 14:30-18:00' },
      { communityId, kind: ServiceWindowKind.COMPREHENSIVE, name: '综合服务窗口 2', openingHours: '周一至周五 08:30-12:00, 14:30-18:00' },
      { communityId, kind: ServiceWindowKind.INTERMEDIARY, name: '代办服务窗口', openingHours: '周一至周六 09:00-12:00, 14:30-17:30' },
    ]),
  );

  // Grids: each lay in an old community until the reform, then in the new one, renumbered.
  const grids = layout.grids.map((g) => ({ ...g, from: old[g.oldIndex].from }));
  const gridIds = await insertChunked(
    em,
    Grid,
    grids.map((g) => ({ valid: openFrom(g.from) })),
  );
  await insertChunked(
    em,
    GridVersion,
    grids.flatMap((g, gi) => {
      const boundary = gridBoundary(g.newIndex, g.number - 1);
      return [
        {
          gridId: gridIds[gi],
          communityId: oldIds[g.oldIndex],
          code: g.oldCode,
          name: g.oldName,
          boundary,
          valid: toRange(g.from, reformEnd),
        },
        {
          gridId: gridIds[gi],
          communityId: communityIds[g.newIndex],
          code: g.newCode,
          name: g.newName,
          boundary,
          valid: openFrom(REFORM_DATE),
        },
      ];
    }),
  );

  // Households: most from before the reform, some in buildings finished since.
  const households: Array<{ gridIndex: number; from: string; registrationType: RegistrationType; address: string }> = [];
  grids.forEach((g, gi) => {
    const street = COMMUNITIES[g.newIndex].street;
    for (let h = 0; h < size.householdsPerGrid; h++) {
      households.push({
        gridIndex: gi,
        from: rng.chance(0.85) ? dayBetween(rng, g.from, addDays(REFORM_DATE, -30)) : dayBetween(rng, '2014-10-01', addDays(today, -30)),
        registrationType: rng.chance(0.82) ? RegistrationType.REGISTERED : RegistrationType.FLOATING,
        // 12 flats a building: 6 floors, 2 per floor.
        address: `${street}${(gi % 40) + 1}号院${Math.floor(h / 12) + 1}号楼${(h % 6) + 1}0${(Math.floor(h / 6) % 2) + 1}室`,
      });
    }
  });
  const householdIds = await insertChunked(
    em,
    Household,
    households.map((h) => ({ address: h.address, valid: openFrom(h.from) })),
  );
  await insertChunked(
    em,
    HouseholdVersion,
    households.map((h, i) => ({
      householdId: householdIds[i],
      gridId: gridIds[h.gridIndex],
      registrationType: h.registrationType,
      valid: openFrom(h.from),
    })),
  );

  // Sequence numbers count per birth date, so ID numbers stay unique at any scale.
  const sequences = new Map<string, number>();
  const nextSequence = (born: string) => {
    const n = (sequences.get(born) ?? 0) + 1;
    sequences.set(born, n);
    return n * 2; // makeResidentId moves it to the next odd number for men
  };
  let phone = 0;
  const residents: Array<{ householdIndex: number; relationToHead: RelationToHead; tags: ResidentTag[]; row: Record<string, unknown> }> =
    [];
  const addResident = (
    householdIndex: number,
    relationToHead: RelationToHead,
    gender: Gender,
    born: string,
    surname?: string,
    tags: ResidentTag[] = [],
  ) => {
    const age = Number(today.slice(0, 4)) - Number(born.slice(0, 4));
    const from = born > households[householdIndex].from ? born : households[householdIndex].from;
    residents.push({
      householdIndex,
      relationToHead,
      tags: [
        ...tags,
        ...(rng.chance(0.03) ? [ResidentTag.DISABLED] : []),
        ...(age >= 18 && rng.chance(0.05) ? [ResidentTag.LOW_INCOME] : []),
        ...(gender === Gender.MALE && age >= 45 && rng.chance(0.06) ? [ResidentTag.VETERAN] : []),
      ],
      row: {
        gender,
        birthDate: born,
        name: personName(rng, surname),
        valid: openFrom(from),
        idNumber: makeResidentId(SAMPLE_REGION_CODE, born, nextSequence(born), gender),
        phone: age >= 16 && rng.chance(0.85) ? `100${String(++phone).padStart(8, '0')}` : null,
      },
    });
  };
  households.forEach((_, householdIndex) => {
    const surname = rng.pick(SURNAMES);
    const headGender = rng.chance(0.6) ? Gender.MALE : Gender.FEMALE;
    const shape = rng.next();
    if (shape < 0.12) {
      // An elderly resident living alone: the people grid members visit first.
      addResident(householdIndex, RelationToHead.HEAD, headGender, birthDate(rng, 70, 92, today), surname, [ResidentTag.ELDERLY_ALONE]);
      return;
    }
    if (shape < 0.18) {
      // Grandparents raising a grandchild whose parents work elsewhere.
      addResident(householdIndex, RelationToHead.HEAD, headGender, birthDate(rng, 58, 75, today), surname);
      addResident(
        householdIndex,
        RelationToHead.SPOUSE,
        headGender === Gender.MALE ? Gender.FEMALE : Gender.MALE,
        birthDate(rng, 56, 75, today),
      );
      addResident(
        householdIndex,
        RelationToHead.GRANDCHILD,
        rng.chance(0.5) ? Gender.MALE : Gender.FEMALE,
        birthDate(rng, 4, 15, today),
        surname,
        [ResidentTag.LEFT_BEHIND_CHILD],
      );
      return;
    }
    addResident(householdIndex, RelationToHead.HEAD, headGender, birthDate(rng, 26, 68, today), surname);
    if (rng.chance(0.75))
      addResident(
        householdIndex,
        RelationToHead.SPOUSE,
        headGender === Gender.MALE ? Gender.FEMALE : Gender.MALE,
        birthDate(rng, 25, 68, today),
      );
    for (let c = rng.int(0, 2); c > 0; c--)
      addResident(
        householdIndex,
        RelationToHead.CHILD,
        rng.chance(0.5) ? Gender.MALE : Gender.FEMALE,
        birthDate(rng, 0, 24, today),
        surname,
      );
    if (rng.chance(0.2))
      addResident(
        householdIndex,
        RelationToHead.PARENT,
        rng.chance(0.5) ? Gender.MALE : Gender.FEMALE,
        birthDate(rng, 66, 90, today),
        surname,
      );
  });
  const residentIds = await insertChunked(
    em,
    Resident,
    residents.map((r) => r.row),
    1000,
  );
  await insertChunked(
    em,
    ResidentVersion,
    residents.map((r, i) => ({
      residentId: residentIds[i],
      householdId: householdIds[r.householdIndex],
      relationToHead: r.relationToHead,
      tags: r.tags,
      valid: r.row.valid,
    })),
  );
  await em.query(`UPDATE household h SET head_resident_id = v.resident_id FROM resident_version v
    WHERE v.household_id = h.id AND v.relation_to_head = 'HEAD'`);

  // Since the reform: a few households moved to a neighbouring grid, and a few grown children into households of their own.
  const moveDay = (n: number) => addDays('2019-03-01', n * 97);
  for (let n = 0; n < 6; n++) {
    const h = 7 + n * 53;
    const target = (households[h].gridIndex + 1) % grids.length;
    const day = moveDay(n);
    if (day > today || households[h].from >= day) continue;
    await em.query(`UPDATE household_version SET valid = daterange(lower(valid), $2::date) WHERE household_id = $1`, [
      householdIds[h],
      day,
    ]);
    await em.query(
      `INSERT INTO household_version (household_id, grid_id, registration_type, valid) VALUES ($1, $2, $3, daterange($4::date, NULL))`,
      [householdIds[h], gridIds[target], households[h].registrationType, day],
    );
  }
  const children = residents
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.relationToHead === RelationToHead.CHILD && String(r.row.birthDate) < '2003-01-01');
  for (let n = 0; n < Math.min(6, children.length); n++) {
    const { r, i } = children[(n * 7) % children.length];
    const into = (r.householdIndex + 11) % households.length;
    const day = addDays('2021-05-01', n * 41);
    if (day > today || String(r.row.valid).slice(1, 11) >= day || households[into].from >= day) continue;
    await em.query(`UPDATE resident_version SET valid = daterange(lower(valid), $2::date) WHERE resident_id = $1`, [residentIds[i], day]);
    await em.query(
      `INSERT INTO resident_version (resident_id, household_id, relation_to_head, tags, valid) VALUES ($1, $2, 'OTHER', $3, daterange($4::date, NULL))`,
      [residentIds[i], householdIds[into], r.tags, day],
    );
  }

  const staffRows: Partial<StaffMember>[] = [];
  COMMUNITIES.forEach((c, ci) => {
    // Two grid members a grid, the specialists and four window staff for the A/B posts.
    const count = c.grids * size.gridFactor * 2 + SPECIALIST_COUNT + 4;
    for (let s = 0; s < count; s++) {
      staffRows.push({
        name: personName(rng),
        phone: `100${String(++phone).padStart(8, '0')}`,
        homeCommunityId: communityIds[ci],
        active: s % 25 !== 24,
      });
    }
  });
  await insertChunked(em, StaffMember, staffRows);
  await loadSampleStaffing(em, communityIds, today);
  const service = await loadSampleService(em, today, size.affairsPerHousehold ?? 2);
  await createDemoAccounts(em, communityIds[0]);
  await loadSamplePlans(em, today);
  // Fresh statistics: without them the planner guesses badly at the version tables' date ranges.
  await em.query('ANALYZE');

  return {
    offices: officeIds.length,
    communities: communityIds.length,
    oldCommunities: oldIds.length,
    grids: gridIds.length,
    households: householdIds.length,
    residents: residents.length,
    staffMembers: staffRows.length,
    affairs: service.affairs,
    visits: service.visits,
  };
}

/** Switches the triggers keeping grid_member_count and resident_place for a bulk load or clear (inside its transaction). */
async function countingTriggers(em: EntityManager, mode: 'ENABLE' | 'DISABLE'): Promise<void> {
  for (const table of ['household_version', 'resident_version']) {
    for (const event of ['insert', 'update', 'delete']) await em.query(`ALTER TABLE ${table} ${mode} TRIGGER ${table}_counted_${event}`);
  }
  for (const table of ['household_version', 'resident_version', 'grid_version']) {
    for (const event of ['insert', 'update', 'delete']) await em.query(`ALTER TABLE ${table} ${mode} TRIGGER ${table}_placed_${event}`);
  }
  for (const table of ['household_version', 'grid_version']) {
    for (const event of ['insert', 'update', 'delete']) await em.query(`ALTER TABLE ${table} ${mode} TRIGGER ${table}_housed_${event}`);
  }
  await em.query(`ALTER TABLE resident ${mode} TRIGGER resident_placed_update`);
}

/** Loads the sample once: concurrent starts on one database wait on a lock and then find it loaded. */
export async function loadSampleIfEmpty(dataSource: DataSource): Promise<SampleSummary | null> {
  return dataSource.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock(20140929)');
    if ((await em.count(District)) > 0) return null;
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
  const tables = [
    'affair_event',
    'affair',
    'visit',
    'grid_lineage',
    'reorganization_step',
    'reorganization_plan',
    'absence',
    'grid_assignment',
    'post_holder',
    'post_rotation',
    'post',
    'template_adoption',
    'audit_event',
    'community_predecessor_office',
    'community_predecessor_community',
    'resident_version',
    'resident',
    'household_version',
    'household',
    'grid_version',
    'grid',
    'service_window',
    'staff_member',
    'community_version',
    'community',
    'office_version',
    'office',
    'district',
  ];
  await countingTriggers(em, 'DISABLE');
  for (const table of tables) await em.query(`DELETE FROM ${table}`);
  await em.query('DELETE FROM grid_member_count');
  await em.query('DELETE FROM resident_place');
  await countingTriggers(em, 'ENABLE');
  // Ids start again at 1, so the reloaded sample is the same as a first load.
  for (const table of tables.filter((t) => !t.startsWith('community_predecessor'))) {
    await em.query(`ALTER TABLE ${table} ALTER COLUMN id RESTART`);
  }
}
