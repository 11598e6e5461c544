/**
 * The one owner of the tree: district → community → grid → household →
 * resident, each membership dated. Ancestors, descendants, filters, scope and
 * counts all come from here; no other file joins the tree by hand.
 *
 * Every function answers for one day (`day` is an SQL expression for a date,
 * usually a bound parameter) and returns SQL text, so callers can put it in
 * the statement they are building and keep one statement per level.
 */
export type Level = 'resident' | 'household' | 'grid' | 'community' | 'district';

interface LevelTable {
  /** The table holding the dated membership: the version table. */
  table: string;
  /** Its column naming the member. */
  key: string;
  /** Its column naming the parent, or how to find the parent for undated membership. */
  parent: string;
}

const ORDER: Level[] = ['resident', 'household', 'grid', 'community', 'district'];

const TABLES: Record<Exclude<Level, 'district'>, LevelTable> = {
  resident: { table: 'resident_version', key: 'resident_id', parent: 'household_id' },
  household: { table: 'household_version', key: 'household_id', parent: 'grid_id' },
  grid: { table: 'grid_version', key: 'grid_id', parent: 'community_id' },
  // A community's district does not change: it sits on the community itself.
  community: { table: 'community', key: 'id', parent: 'district_id' },
};

const parentLevel = (level: Level): Level => ORDER[ORDER.indexOf(level) + 1];

/** Whether `ancestor` lies above `level` in the tree. */
export function isAbove(ancestor: Level, level: Level): boolean {
  return ORDER.indexOf(ancestor) > ORDER.indexOf(level);
}

let aliasCounter = 0;

/**
 * SQL for "the member whose `level` version row is `alias` lies under one of
 * `ids` (an SQL array expression) of level `ancestor`, on `day`".
 * For example residents under communities: their household's grid's community.
 */
export function under(level: Exclude<Level, 'district'>, alias: string, ancestor: Level, ids: string, day: string): string {
  const column = `${alias}.${TABLES[level].parent}`;
  const parent = parentLevel(level);
  if (parent === ancestor) return `${column} = ANY(${ids})`;
  if (parent === 'district') throw new Error(`nothing is above the district (${level} under ${ancestor})`);
  const p = `s${aliasCounter++ % 1000}`;
  const { table, key } = TABLES[parent];
  const valid = parent === 'community' ? '' : ` AND ${p}.valid @> ${day}`;
  const members = `SELECT ${p}.${key} FROM ${table} ${p} WHERE ${under(parent as Exclude<Level, 'district'>, p, ancestor, ids, day)}${valid}`;
  // A community's grids are few: as an array computed once, the planner filters an index walk in page order by it
  // instead of joining every row it passes (households of one community: 45 ms instead of 190 ms at full scale).
  // Longer sets (a community's households) stay a semi-join, which hashes them.
  return parent === 'grid' ? `${column} = ANY(ARRAY(${members}))` : `${column} IN (${members})`;
}

/**
 * One statement counting `counted` members under each of `ids` of level
 * `ancestor` on `day`: rows of { key, count }. `extra` adds conditions on the
 * counted level's version row (alias `m`), e.g. the caller's scope.
 */
export function countUnderSql(
  counted: Exclude<Level, 'district'>,
  ancestor: Level,
  ids: string,
  day: string,
  extra: string[] = [],
): string {
  if (!isAbove(ancestor, counted)) throw new Error(`cannot count ${counted} under ${ancestor}`);
  // Walk up from the counted level, joining each membership valid on the day.
  const joins: string[] = [];
  let level: Level = counted;
  let alias = 'm';
  let n = 0;
  while (parentLevel(level) !== ancestor) {
    const parent = parentLevel(level) as Exclude<Level, 'district'>;
    const next = `j${n++}`;
    const { table, key } = TABLES[parent];
    const valid = parent === 'community' ? '' : ` AND ${next}.valid @> ${day}`;
    joins.push(`JOIN ${table} ${next} ON ${next}.${key} = ${alias}.${TABLES[level].parent}${valid}`);
    level = parent;
    alias = next;
  }
  const keyColumn = `${alias}.${TABLES[level as Exclude<Level, 'district'>].parent}`;
  // A version row valid on the day means the member is (its versions tile its life); a community's validity sits on the community.
  return `SELECT ${keyColumn} AS key, COUNT(*)::int AS count FROM ${TABLES[counted].table} m ${joins.join(' ')}
    WHERE m.valid @> ${day} AND ${keyColumn} = ANY(${ids})${extra.map((condition) => ` AND ${condition}`).join('')} GROUP BY 1`;
}

/** The level's membership table and columns, for the few writers that change memberships (moves). */
export function membershipTable(level: Exclude<Level, 'district' | 'community'>): LevelTable {
  return TABLES[level];
}

/**
 * SQL for the id of `level`'s ancestor at `ancestor` level on `day`, for one
 * member id expression: e.g. the community of a resident on a date.
 */
export function ancestorSql(level: Exclude<Level, 'district'>, id: string, ancestor: Level, day: string): string {
  let expression = id;
  let current: Level = level;
  while (current !== ancestor) {
    const { table, key, parent } = TABLES[current as Exclude<Level, 'district'>];
    const valid = current === 'community' ? '' : ` AND t.valid @> ${day}`;
    expression = `(SELECT t.${parent} FROM ${table} t WHERE t.${key} = ${expression}${valid} LIMIT 1)`;
    current = parentLevel(current);
  }
  return expression;
}
