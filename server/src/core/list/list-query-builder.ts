import { createHash } from 'node:crypto';
import type { ClassType } from 'type-graphql';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { applyVersion, datedSpec, DatedEntity, isPeriod, versionFields } from '../dated';
import { BadUserInputError } from '../errors';
import type { EntityClass } from '../entity-class';
import type { Scope } from '../scope';
import { ListOptions, ListResult, MAX_COUNT, MAX_TAKE } from './list-options';
import { SortOrder } from './operators';

export interface ListQueryConfig<T> {
  /** Columns (property names) that the free-text `search` matches. */
  searchColumns: Array<keyof T & string>;
  /**
   * Id filters on records further up the structure, e.g. residents by
   * communityId: each gives the SQL condition for an id-array parameter and
   * the day read (both SQL expressions); the structure module writes them.
   */
  ancestorFilters?: Record<string, (ids: string, day: string) => string>;
  /**
   * Search columns indexed by their characters (cg_chars, a GIN index): a search of one or two
   * characters, which trigrams cannot serve, finds its rows through that index.
   */
  characterIndexed?: Array<keyof T & string>;
  /** Sort keys sorted by an SQL expression of their own instead of their column (e.g. birth dates by age band). */
  sortExpressions?: Record<string, string>;
  /** A kept table placing each record under its ancestors over time, which answers some lists on its own (see `Placement`). */
  placement?: Placement;
}

/**
 * A kept table with a row per record and stretch of days under the same ancestors (resident_place, household_place),
 * with copies of the columns some filters read, if any. A list in id order whose filters are all among these (an ancestor,
 * at least, and the text search or a last 4) reads its page from the table's index on ancestor and record, in
 * page order, and counts from it alone: one row per record on any day, so nothing else is joined to count.
 */
export interface Placement {
  table: string;
  /** Its column naming the record. */
  key: string;
  /** Ancestor filters it answers: filter key → its column. */
  ancestors: Record<string, string>;
  /** Its copy of the (one) search column, if it keeps one (a search is otherwise not answered here). */
  search?: string;
  /** Filters by the last 4 characters it answers: filter key → its column holding them. */
  last4?: Record<string, string>;
  /** Its columns for a caller's reach (a member of the tree). */
  reach: { grid: string; community: string };
}

/** The day a read answers for, and whether records not valid on it are wanted too. */
export interface ReadDate {
  asOf: string;
  /** Also records whose validity does not cover `asOf` (shown with their nearest version). */
  includeEnded?: boolean;
  /**
   * The properties the caller reads of each record (see `listFields`): the statement selects their columns and
   * the keys every record carries (id, validity, the version's id, validity and key), not the others.
   * Undefined selects every column.
   */
  fields?: readonly string[];
}

/** Who reads: the database handle and the caller's scope. */
export interface Reader {
  em: EntityManager;
  scope: Scope;
  /** The most rows a top-level list's `totalItems` counts (MAX_COUNT when unset). */
  countCap?: number;
}

const ID_PROPERTY = /(^id|Id)$/;
/** The SQL expression for the day read, bound once per statement. */
export const DAY = 'CAST(:asOf AS date)';

/**
 * The one read query behind every list, lookup, nested field and reference
 * check: the entity (alias `e`), its version valid on the day (alias `v`,
 * for dated entities), and the caller's scope on that day.
 */
export function readQuery<T extends ObjectLiteral>(reader: Reader, entity: ClassType<T>, read: ReadDate): SelectQueryBuilder<T> {
  const qb = reader.em.createQueryBuilder(entity, 'e').setParameter('asOf', read.asOf);
  const spec = datedSpec(entity);
  const wanted = read.fields && selectedColumns(reader.em, entity, read.fields);
  if (wanted) qb.select(wanted.record.map((property) => `e.${property}`));
  if (spec) {
    const day = read.includeEnded ? 'cg_clamp(CAST(:asOf AS date), e.valid)' : DAY;
    qb.innerJoin(spec.version, 'v', `v.${spec.key} = e.id AND v.valid @> ${day}`).addSelect(
      wanted ? wanted.version.map((property) => `v.${property}`) : ['v'],
    );
    if (!read.includeEnded) qb.andWhere(`e.valid @> ${DAY}`);
  }
  const period = isPeriod(entity);
  if (period && !read.includeEnded) qb.andWhere(`e.valid @> ${DAY}`);
  // A period row is its own membership row: scope reads its columns on the day.
  return reader.scope.apply(qb, 'e', spec ? 'v' : period ? 'e' : null, DAY);
}

/**
 * The columns (as properties) of the record and of its version that a read of `fields` selects: those of the
 * fields, and the keys every record carries whatever is asked (primary keys, validity, the version's key).
 */
function selectedColumns(em: EntityManager, entity: ClassType<ObjectLiteral>, fields: readonly string[]) {
  const pick = (metadata: EntityMetadata, always: (column: ColumnMetadata) => boolean) =>
    metadata.columns.filter((column) => always(column) || fields.includes(column.propertyName)).map((column) => column.propertyName);
  const spec = datedSpec(entity);
  const keys = (column: ColumnMetadata) => column.isPrimary || column.propertyName === 'valid';
  return {
    record: pick(em.getRepository(entity).metadata, keys),
    version: spec ? pick(em.getRepository(spec.version).metadata, (column) => keys(column) || column.propertyName === spec.key) : [],
  };
}

/** Rows of a read query as entities, each dated record showing its version. */
export async function hydrate<T extends ObjectLiteral>(
  em: EntityManager,
  entity: ClassType<T>,
  raws: ObjectLiteral[],
  asOf: string,
): Promise<T[]> {
  const metadata = em.getRepository(entity).metadata;
  const spec = datedSpec(entity);
  const driver = em.connection.driver;
  // Which raw column feeds which property, worked out once per query rather than once per row and column.
  // Only the columns the statement selected (a read of some fields leaves the others undefined).
  const reader = (columns: ColumnMetadata[], alias: string) => {
    const keys = columns
      .filter((column) => raws.length === 0 || `${alias}_${column.databaseName}` in raws[0])
      .map((column) => [column.propertyName, `${alias}_${column.databaseName}`, column] as const);
    return (raw: ObjectLiteral, into: ObjectLiteral) => {
      for (const [property, key, column] of keys) into[property] = driver.prepareHydratedValue(raw[key], column);
      return into;
    };
  };
  const readRecord = reader(metadata.columns, 'e');
  const versionColumns = spec ? em.getRepository(spec.version).metadata.columns : [];
  const fields = spec ? versionFields(em, spec) : [];
  const guard = unselectedGuard(
    entity,
    [
      ...metadata.columns.map((column) => ['e', column] as const),
      ...versionColumns.filter((column) => fields.includes(column.propertyName)).map((column) => ['v', column] as const),
    ],
    raws[0],
  );
  if (!spec) {
    return raws.map((raw) => {
      const record = readRecord(raw, metadata.create() as T);
      record.asOf = asOf;
      return guard(record) as T;
    });
  }
  const readVersion = reader(versionColumns, 'v');
  return raws.map((raw) => {
    const record = readRecord(raw, metadata.create() as T);
    applyVersion(em, spec, record as unknown as DatedEntity, readVersion(raw, {}), asOf, fields);
    return guard(record) as T;
  });
}

/**
 * Under the tests, a property whose column a statement did not select throws when read, instead of being
 * undefined: a field resolver that reads it without declaring it (@Reads) fails its test rather than
 * answering null. Elsewhere the property is just left unset. Not enumerable, so copies and comparisons skip it.
 */
function unselectedGuard(
  entity: ClassType<ObjectLiteral>,
  columns: ReadonlyArray<readonly [alias: string, column: ColumnMetadata]>,
  raw: ObjectLiteral | undefined,
): (record: ObjectLiteral) => ObjectLiteral {
  if (process.env.NODE_ENV !== 'test' || !raw) return (record) => record;
  const unselected = columns
    .filter(
      ([alias, column]) => !(`${alias}_${column.databaseName}` in raw) && column.propertyName !== 'id' && column.propertyName !== 'valid',
    )
    .map(([, column]) => column.propertyName);
  if (unselected.length === 0) return (record) => record;
  const descriptors: PropertyDescriptorMap = Object.fromEntries(
    unselected.map((property) => [
      property,
      {
        configurable: true,
        enumerable: false,
        get() {
          throw new Error(
            `${entity.name}.${property} was read but its column was not selected: declare it with @Reads on the field that reads it`,
          );
        },
        set(value: unknown) {
          Object.defineProperty(this, property, { value, writable: true, enumerable: true, configurable: true });
        },
      },
    ]),
  );
  return (record) => Object.defineProperties(record, descriptors);
}

/**
 * The one list-query builder behind every `<entities>(options)` query:
 * filters by equality, membership, case-insensitive text, ranges, null checks
 * and tag sets; sorts with id as the tie-breaker; pages with skip/take; and
 * counts all matching rows.
 */
export async function findList<T extends ObjectLiteral>(
  reader: Reader,
  entity: ClassType<T>,
  options: ListOptions | undefined,
  config: ListQueryConfig<T>,
  read: ReadDate,
): Promise<ListResult<T>> {
  const placed = placedFilter(reader, entity, options, config, read);
  // With a placement, it only names the page's candidates: the list's own filter and the caller's reach still decide
  // (all but the name search, whose copy the placement keeps and whose own test reads every holder of a character).
  const matching = listQuery(reader, entity, placed ? withoutSearch(options) : options, config, read);
  const qb = matching.clone();
  const keys = sortKeys(qb, options, config);
  keys.forEach((key, i) => qb.addOrderBy(key.expression, key.order, key.nulls).addSelect(`CAST(${key.expression} AS text)`, `cursor_${i}`));
  const after = options?.after !== undefined ? afterCursor(keys, options.after) : null;
  if (after) qb.andWhere(...after);
  const skip = options?.skip ?? 0;
  const take = Math.min(options?.take ?? MAX_TAKE, MAX_TAKE);
  qb.offset(skip).limit(take);
  if (placed) qb.andWhere(`e.id IN (${placedPage(placed, after?.[0] ?? null, skip + take)})`, placed.parameters);
  const raws = await qb.getRawMany();
  const items = await hydrate(reader.em, entity, raws, read.asOf);
  const nextCursor = raws.length === take ? cursorOf(keys, raws[raws.length - 1]) : null;
  const cap = reader.countCap ?? MAX_COUNT;
  const count = () => (placed ? placedCount(reader, placed, read, cap) : countOf(reader, entity, matching, options, config, read, cap));
  const counted = withLazyTotal(items, count, nextCursor, cap);
  // After a cursor the rows before it are unknown: the total is counted.
  if (options?.after !== undefined) return counted;
  // A page that is not full, and not past the end, says how many rows there are: no count needed.
  if (raws.length > 0 && raws.length < take) return { items, totalItems: skip + raws.length, totalItemsIsExact: true, nextCursor };
  if (skip === 0 && raws.length === 0) return { items, totalItems: 0, totalItemsIsExact: true, nextCursor };
  return counted;
}

/**
 * A cursor names a row by its sort values and id, and the sort it was taken
 * under: base64url of JSON `[signature, ...values]`. Opaque to clients.
 */
function cursorOf(keys: SortKey[], raw: ObjectLiteral): string {
  // As PostgreSQL writes them (timestamps keep their microseconds), read back as the key's type.
  const values = keys.map((_key, i) => (raw[`cursor_${i}`] ?? null) as string | null);
  return Buffer.from(JSON.stringify([sortSignature(keys), ...values])).toString('base64url');
}

function sortSignature(keys: SortKey[]): string {
  return createHash('sha256')
    .update(keys.map((key) => `${key.expression} ${key.order}`).join(','))
    .digest('base64url')
    .slice(0, 10);
}

/**
 * The rows after a cursor in the order of `keys`: for each key, the rows equal
 * on the keys before it and beyond on it (empty values first going up, last going down).
 */
function afterCursor(keys: SortKey[], cursor: string): [string, ObjectLiteral] {
  const refused = () => new BadUserInputError({ after: "is not a cursor of this list with this sort (use a page's nextCursor)" });
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== keys.length + 1 ||
    decoded[0] !== sortSignature(keys) ||
    !decoded.slice(1).every((v) => v === null || typeof v === 'string') ||
    !/^\d{1,10}$/.test(String(decoded[keys.length]))
  )
    throw refused();
  const values = decoded.slice(1) as Array<string | null>;
  const parameters: ObjectLiteral = {};
  const param = (i: number) => {
    parameters[`cursor${i}`] = values[i];
    return `:cursor${i}`;
  };
  const equal = (i: number) => (values[i] === null ? `${keys[i].expression} IS NULL` : `${keys[i].expression} = ${param(i)}`);
  const beyond = (i: number) => {
    const { expression, order } = keys[i];
    if (order === 'ASC') return values[i] === null ? `${expression} IS NOT NULL` : `${expression} > ${param(i)}`;
    return values[i] === null ? 'FALSE' : `(${expression} < ${param(i)} OR ${expression} IS NULL)`;
  };
  // Going up past values that are all present, a row comparison says the same, and an index on the first key serves it.
  if (keys.every((key, i) => key.order === 'ASC' && values[i] !== null)) {
    return [`(${keys.map((key) => key.expression).join(', ')}) > (${keys.map((_key, i) => param(i)).join(', ')})`, parameters];
  }
  const branches = keys.map((_key, i) => [...keys.slice(0, i).map((_k, j) => equal(j)), beyond(i)].join(' AND '));
  return [`(${branches.map((b) => `(${b})`).join(' OR ')})`, parameters];
}

/**
 * A list result whose `totalItems` is counted when it is first read: GraphQL
 * reads it only when the query selects it, so a page asked for without
 * `totalItems` runs no COUNT. Read twice (or with `totalItemsIsExact`), it
 * counts once. With a `cap`, `count` counts at most cap + 1 rows: more than
 * the cap answers the cap, not exact.
 */
export function withLazyTotal<T>(
  items: T[],
  count: () => Promise<number>,
  nextCursor: string | null = null,
  cap = Number.POSITIVE_INFINITY,
): ListResult<T> {
  let counted: Promise<number> | undefined;
  const total = () => (counted ??= count());
  return {
    items,
    nextCursor,
    get totalItems() {
      return total().then((n) => Math.min(n, cap));
    },
    get totalItemsIsExact() {
      return total().then((n) => n <= cap);
    },
  };
}

/** A list's filter as conditions on its placement (alias `p`), when the placement answers the list alone. */
interface PlacedFilter {
  placement: Placement;
  conditions: string[];
  parameters: ObjectLiteral;
}

let placedCounter = 0;

/**
 * The list's filter on the kept placement, or null when the placement cannot answer it: not in id order, records
 * not valid on the day wanted too, no ancestor filter, or a filter the placement does not carry.
 */
function placedFilter<T extends ObjectLiteral>(
  reader: Reader,
  entity: ClassType<T>,
  options: ListOptions | undefined,
  config: ListQueryConfig<T>,
  read: ReadDate,
): PlacedFilter | null {
  const placement = config.placement;
  if (!placement || read.includeEnded || options?.sort?.length || !datedSpec(entity)) return null;
  const filter = (options?.filter ?? {}) as Record<string, unknown>;
  const present = Object.entries(filter).filter(([, value]) => value !== undefined && value !== null);
  const parameters: ObjectLiteral = {};
  const param = (value: unknown) => {
    const name = `p${placedCounter++ % 100_000}`;
    parameters[name] = value;
    return `:${name}`;
  };
  const conditions: string[] = [];
  let ancestors = 0;
  for (const [key, value] of present) {
    if (key === 'includeEnded') {
      if (value) return null;
      continue;
    }
    if (key === 'search') {
      const text = String(value).trim();
      if (!text) continue;
      if (!placement.search || config.searchColumns.length !== 1) return null;
      // The text's characters, all in the name (the index on ancestor and characters finds those), then the text itself
      // in order: as the list's own search, for one or two characters, and for longer text too.
      const column = `p.${placement.search}`;
      conditions.push(`cg_chars(${column}) @> cg_chars(${param(text)})`);
      if ([...text].length > 1) conditions.push(`${column} ILIKE ${param(likePattern(text))}`);
      continue;
    }
    const operators = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
    const ancestor = placement.ancestors[key];
    if (ancestor) {
      for (const [op, v] of operators) {
        if (op !== 'eq' && op !== 'in') return null;
        const ids = parseIds(op === 'eq' ? [v] : (v as unknown[]), `filter.${key}.${op}`);
        // One id is a constant: the index on (ancestor, record) then gives the records in page order.
        conditions.push(ids.length === 1 ? `p.${ancestor} = ${param(ids[0])}` : `p.${ancestor} = ANY(${param(ids)})`);
        ancestors++;
      }
      continue;
    }
    const last4 = placement.last4?.[key];
    // Exactly 4 characters (the input says so) of plain ASCII: ending with them is having them as the last 4.
    if (last4 && operators.length && operators.every(([op, v]) => op === 'last4' && /^[\x20-\x7e]{4}$/.test(String(v)))) {
      for (const [, v] of operators) conditions.push(`p.${last4} = ${param(String(v))}`);
      continue;
    }
    return null;
  }
  if (!ancestors) return null;
  if (!reader.scope.reachesAll(entity as unknown as EntityClass)) {
    const reach = reader.scope.reach!;
    conditions.push(
      reach.gridIds
        ? `p.${placement.reach.grid} = ANY(${param(reach.gridIds)})`
        : `p.${placement.reach.community} = ANY(${param(reach.communityIds)})`,
    );
  }
  return { placement, conditions, parameters };
}

function withoutSearch(options: ListOptions | undefined): ListOptions | undefined {
  if (!options?.filter) return options;
  const { search: _search, ...filter } = options.filter as Record<string, unknown>;
  return { ...options, filter };
}

/**
 * The ids of the page (the first `rows` after the cursor, a condition on `"e"."id"`) from the placement alone, in id
 * order: the planner walks the index on ancestor and record until the page is full (a common name), or takes the
 * few matches from the index on ancestor and characters and sorts them (a rare one). Only the page's records are
 * then read with their versions, through the list's own filter and reach (a kept row out of step with the
 * records would make the page short, never show a record the list does not match); joined before the cut, every
 * match would be.
 */
function placedPage(placed: PlacedFilter, after: string | null, rows: number): string {
  const column = `p.${placed.placement.key}`;
  const conditions = [`p.valid @> ${DAY}`, ...placed.conditions];
  if (after) conditions.push(after.split('"e"."id"').join(column));
  return `SELECT ${column} FROM ${placed.placement.table} p WHERE ${conditions.join(' AND ')} ORDER BY ${column} LIMIT ${rows}`;
}

/** How many records the placement finds on the day, up to `cap` + 1: from the placement alone (one row per record and day). */
async function placedCount(reader: Reader, placed: PlacedFilter, read: ReadDate, cap: number): Promise<number> {
  const qb = reader.em
    .createQueryBuilder()
    .select('1')
    .from(placed.placement.table, 'p')
    .setParameter('asOf', read.asOf)
    .where(`p.valid @> ${DAY}`)
    .setParameters(placed.parameters);
  for (const condition of placed.conditions) qb.andWhere(condition);
  const [sql, parameters] = qb.limit(cap + 1).getQueryAndParameters();
  const [row] = await reader.em.query(`SELECT COUNT(*)::int AS count FROM (${sql}) matching`, parameters);
  return Number(row?.count ?? 0);
}

/**
 * All rows a list query matches, up to `cap` + 1 of them. A plain COUNT(*), since the version join
 * gives one row per record (TypeORM's getCount counts DISTINCT ids); for a
 * dated list whose filters all lie on the version, over the version table
 * alone (a version valid on the day means its record is), which spares a
 * join over every record of the level. The rows counted are cut by a LIMIT
 * in a subquery, so a broad match stops reading after cap + 1 rows.
 */
async function countOf<T extends ObjectLiteral>(
  reader: Reader,
  entity: ClassType<T>,
  qb: SelectQueryBuilder<T>,
  options: ListOptions | undefined,
  config: ListQueryConfig<T>,
  read: ReadDate,
  cap: number,
): Promise<number> {
  const spec = datedSpec(entity);
  const filter = { ...(options?.filter ?? {}) } as Record<string, unknown>;
  const onTheDay = spec && !read.includeEnded && !filter.includeEnded;
  const counted =
    onTheDay && !needsRecord(reader.em, spec.version, filter, config as ListQueryConfig<ObjectLiteral>)
      ? versionOnlyQuery(reader, entity, spec.version, filter, config, read)
      : onTheDay &&
          reader.scope.reachesAll(entity as unknown as EntityClass) &&
          !needsVersion(reader.em, entity, filter, config as ListQueryConfig<ObjectLiteral>)
        ? recordOnlyQuery(reader, entity, filter, config, read)
        : qb.clone().orderBy().offset(undefined).limit(undefined);
  const [sql, parameters] = counted
    .select('1')
    .limit(cap + 1)
    .getQueryAndParameters();
  const [row] = await reader.em.query(`SELECT COUNT(*)::int AS count FROM (${sql}) matching`, parameters);
  return Number(row?.count ?? 0);
}

/** Whether a filter touches the record's own columns (not only its version's). */
function needsRecord(
  em: EntityManager,
  version: ClassType<ObjectLiteral>,
  filter: Record<string, unknown>,
  config: ListQueryConfig<ObjectLiteral>,
): boolean {
  const onVersion = (property: string) => Boolean(em.getRepository(version).metadata.findColumnWithPropertyName(property));
  return Object.entries(filter).some(([key, value]) => {
    if (value === undefined || value === null || key === 'includeEnded' || key === 'ids' || config.ancestorFilters?.[key]) return false;
    if (key === 'search') return String(value).trim() !== '' && !config.searchColumns.every(onVersion);
    return !onVersion(key);
  });
}

/** Whether a filter touches the record's version (its columns, or the ancestors the version names). */
function needsVersion(
  em: EntityManager,
  entity: ClassType<ObjectLiteral>,
  filter: Record<string, unknown>,
  config: ListQueryConfig<ObjectLiteral>,
): boolean {
  const onRecord = (property: string) => Boolean(em.getRepository(entity).metadata.findColumnWithPropertyName(property));
  return Object.entries(filter).some(([key, value]) => {
    if (value === undefined || value === null || key === 'includeEnded' || key === 'ids') return false;
    if (config.ancestorFilters?.[key]) return true;
    if (key === 'search') return String(value).trim() !== '' && !config.searchColumns.every(onRecord);
    return !onRecord(key);
  });
}

/**
 * The records valid on the day that the filter matches, without their versions: a record valid on a day has
 * exactly one version valid on it (its versions tile its life). For filters on the record alone (a name search)
 * of a caller who reaches every record, this spares joining a version to every match.
 */
function recordOnlyQuery<T extends ObjectLiteral>(
  reader: Reader,
  entity: ClassType<T>,
  filter: Record<string, unknown>,
  config: ListQueryConfig<T>,
  read: ReadDate,
): SelectQueryBuilder<T> {
  const qb = reader.em.createQueryBuilder(entity, 'e').setParameter('asOf', read.asOf).where(`e.valid @> ${DAY}`);
  delete filter.includeEnded;
  applyFilter(qb, filter, config);
  return qb;
}

/** The versions valid on the day, in the caller's reach, that the filter matches: one per record. */
function versionOnlyQuery<T extends ObjectLiteral>(
  reader: Reader,
  entity: ClassType<T>,
  version: ClassType<ObjectLiteral>,
  filter: Record<string, unknown>,
  config: ListQueryConfig<T>,
  read: ReadDate,
): SelectQueryBuilder<ObjectLiteral> {
  const qb = reader.em.createQueryBuilder(version, 'v').setParameter('asOf', read.asOf).where(`v.valid @> ${DAY}`);
  reader.scope.apply(qb, 'v', 'v', DAY, entity);
  delete filter.includeEnded;
  applyFilter(qb, filter, config as ListQueryConfig<ObjectLiteral>, `v.${datedSpec(entity)!.key}`);
  return qb;
}

/**
 * Pages of a nested list for many parents in one statement: the same filters
 * and sort as `findList`, run once per parent (`parent` is the SQL expression
 * of the parent key) through a LATERAL join cut to skip/take, so each parent
 * reads only its page. `totalItems` is known from a page that is not full;
 * otherwise it is counted when first read, for every parent at once (one
 * GROUP BY statement), and never when the query does not select it.
 */
export async function findPages<T extends ObjectLiteral>(
  reader: Reader,
  entity: ClassType<T>,
  parent: string,
  parentIds: readonly number[],
  options: ListOptions | undefined,
  config: ListQueryConfig<T>,
  read: ReadDate,
): Promise<Array<ListResult<T>>> {
  const skip = options?.skip ?? 0;
  const take = Math.min(options?.take ?? MAX_TAKE, MAX_TAKE);
  const qb = listQuery(reader, entity, options, config, read).andWhere(`${parent} = page_parent.id`).addSelect(parent, 'page_parent');
  for (const key of sortKeys(qb, options, config)) qb.addOrderBy(key.expression, key.order, key.nulls);
  qb.offset(skip).limit(take);
  const [sql, parameters] = qb.getQueryAndParameters();
  const raws: ObjectLiteral[] = await reader.em.query(
    `SELECT paged.* FROM unnest($${parameters.length + 1}::int[]) WITH ORDINALITY AS page_parent(id, n)
      CROSS JOIN LATERAL (SELECT page.*, ROW_NUMBER() OVER () AS page_row FROM (${sql}) page) paged ORDER BY page_parent.n, paged.page_row`,
    [...parameters, [...parentIds]],
  );
  const items = await hydrate(reader.em, entity, raws, read.asOf);
  const found = new Map<number, T[]>(parentIds.map((id) => [id, []]));
  raws.forEach((raw, i) => found.get(Number(raw.page_parent))?.push(items[i]));
  let counts: Promise<Map<number, number>> | undefined;
  const countAll = () => {
    counts ??= (async () => {
      const counted = listQuery(reader, entity, options, config, read)
        .andWhere(`${parent} = ANY(:pageParents)`, { pageParents: [...parentIds] })
        .select(parent, 'parent')
        .addSelect('COUNT(*)', 'count')
        .groupBy(parent);
      const rows = await counted.getRawMany<{ parent: number; count: string }>();
      return new Map(rows.map((row) => [Number(row.parent), Number(row.count)]));
    })();
    return counts;
  };
  return parentIds.map((id) => {
    const page = found.get(id)!;
    if (page.length > 0 && page.length < take) return { items: page, totalItems: skip + page.length, totalItemsIsExact: true };
    if (skip === 0 && page.length === 0) return { items: page, totalItems: 0, totalItemsIsExact: true };
    return withLazyTotal(page, async () => (await countAll()).get(id) ?? 0);
  });
}

function listQuery<T extends ObjectLiteral>(
  reader: Reader,
  entity: ClassType<T>,
  options: ListOptions | undefined,
  config: ListQueryConfig<T>,
  read: ReadDate,
) {
  const filter = { ...(options?.filter ?? {}) } as Record<string, unknown>;
  const includeEnded = Boolean(filter.includeEnded) || read.includeEnded;
  delete filter.includeEnded;
  const qb = readQuery(reader, entity, { ...read, includeEnded });
  applyFilter(qb, filter, config);
  return qb;
}

interface SortKey {
  expression: string;
  order: 'ASC' | 'DESC';
  nulls?: 'NULLS FIRST' | 'NULLS LAST';
}

/** Sort keys as SQL, empty values first going up and last going down; id last as the tie-breaker, plain so its index serves it. */
function sortKeys<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  options: ListOptions | undefined,
  config: ListQueryConfig<T>,
): SortKey[] {
  const expression = (field: string) => config.sortExpressions?.[field] ?? sqlColumn(qb, field, 'sort');
  const keys: SortKey[] = (options?.sort ?? []).map(({ field, order }) =>
    order === SortOrder.DESC
      ? { expression: expression(field), order: 'DESC', nulls: 'NULLS LAST' }
      : { expression: expression(field), order: 'ASC', nulls: 'NULLS FIRST' },
  );
  keys.push({ expression: '"e"."id"', order: 'ASC' });
  return keys;
}

/** Adds the filter's conditions; `idColumn` is the record's id (its version's key when counting versions alone). */
function applyFilter<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  filter: Record<string, unknown>,
  config: ListQueryConfig<T>,
  idColumn = 'e.id',
): void {
  let n = 0;
  const param = (value: unknown) => {
    const name = `f${n++}`;
    qb.setParameter(name, value);
    return `:${name}`;
  };

  for (const [key, operators] of Object.entries(filter)) {
    if (operators === undefined || operators === null) continue;
    if (key === 'ids') {
      qb.andWhere(`${idColumn} = ANY(${param(parseIds(operators as string[], 'filter.ids'))})`);
      continue;
    }
    if (key === 'search') {
      const text = String(operators).trim();
      if (!text) continue;
      if (!config.searchColumns.length) throw new BadUserInputError({ 'filter.search': 'this list has no text to search' });
      const length = [...text].length;
      const pattern = param(likePattern(text));
      const short = length < 3 ? param(text) : null;
      const columns = config.searchColumns.map((c) => sqlColumn(qb, c, 'search'));
      const indexed = (i: number) => short !== null && Boolean(config.characterIndexed?.includes(config.searchColumns[i]));
      // The rows holding the text's characters (the cg_chars index): for one character that is the match itself (both
      // lower-cased, as ILIKE compares); two characters are checked in order on those rows.
      const match = (column: string, i: number) =>
        indexed(i)
          ? length === 1
            ? `cg_chars(${column}) @> cg_chars(${short})`
            : `(cg_chars(${column}) @> cg_chars(${short}) AND ${column} ILIKE ${pattern})`
          : `${column} ILIKE ${pattern}`;
      const ancestors = Object.keys(filter).some((k) => config.ancestorFilters?.[k] && filter[k] != null);
      if (ancestors && columns.length === 1 && indexed(0) && columns[0].startsWith('"e".')) {
        // With a filter on ancestors (residents of a community found by name) the planner, reckoning the matches spread
        // evenly over ids, walks every record in id order and tests its household: a community late in the ids reads
        // nearly all of them. The records holding the characters, found first through their index, bound the work
        // by how common the characters are, wherever the community lies.
        const table = qb.expressionMap.findAliasByName('e').metadata.tablePath;
        const candidate = columns[0].replace('"e".', '"c".');
        qb.andWhere(`${idColumn} = ANY(ARRAY(SELECT "c"."id" FROM "${table}" "c" WHERE cg_chars(${candidate}) @> cg_chars(${short})))`);
        if (length > 1) qb.andWhere(`${columns[0]} ILIKE ${pattern}`);
        continue;
      }
      qb.andWhere(`(${columns.map(match).join(' OR ')})`);
      continue;
    }
    const ancestor = config.ancestorFilters?.[key];
    if (ancestor) {
      const { eq, in: within } = operators as { eq?: string | null; in?: string[] | null };
      if (eq != null) qb.andWhere(ancestor(param(parseIds([eq], `filter.${key}.eq`)), DAY));
      if (within != null) qb.andWhere(ancestor(param(parseIds(within, `filter.${key}.in`)), DAY));
      continue;
    }
    const target = sqlColumn(qb, key, 'filter');
    const isId = ID_PROPERTY.test(key);
    for (const [op, value] of Object.entries(operators as Record<string, unknown>)) {
      if (value === undefined || value === null) continue;
      const path = `filter.${key}.${op}`;
      const scalar = (v: unknown) => (isId ? parseIds([v as string], path)[0] : v);
      switch (op) {
        case 'eq':
          qb.andWhere(`${target} = ${param(scalar(value))}`);
          break;
        case 'in':
          qb.andWhere(`${target} = ANY(${param(isId ? parseIds(value as string[], path) : value)})`);
          break;
        case 'contains':
          qb.andWhere(`${target} ILIKE ${param(likePattern(String(value)))}`);
          break;
        case 'last4':
          qb.andWhere(`${target} LIKE ${param(`%${escapeLike(String(value))}`)}`);
          break;
        case 'lt':
          qb.andWhere(`${target} < ${param(value)}`);
          break;
        case 'lte':
          qb.andWhere(`${target} <= ${param(value)}`);
          break;
        case 'gt':
          qb.andWhere(`${target} > ${param(value)}`);
          break;
        case 'gte':
          qb.andWhere(`${target} >= ${param(value)}`);
          break;
        case 'isNull':
          qb.andWhere(`${target} IS ${value ? '' : 'NOT '}NULL`);
          break;
        case 'hasAll':
          qb.andWhere(`${target} @> ${param(value)}`);
          break;
        case 'hasAny':
          qb.andWhere(`${target} && ${param(value)}`);
          break;
        default:
          throw new Error(`Unknown filter operator ${op}`);
      }
    }
  }
}

/**
 * A filter or sort key as a quoted SQL column: the record's own column, or
 * its version's for dated attributes. Keys come from typed inputs, so a miss is a bug.
 */
function sqlColumn<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, property: string, use: string): string {
  for (const alias of ['e', 'v']) {
    if (!qb.expressionMap.aliases.some((a) => a.name === alias)) continue;
    const column = qb.expressionMap.findAliasByName(alias).metadata.findColumnWithPropertyName(property);
    if (column) return `"${alias}"."${column.databaseName}"`;
  }
  throw new Error(`${qb.expressionMap.mainAlias!.metadata.name} has no column "${property}" to ${use} by`);
}

/**
 * Ids travel as strings in canonical form: a positive whole number without
 * leading zeros ("07" names nothing, so it cannot pass for 7 in a comparison).
 */
export function parseId(raw: unknown): number | null {
  const text = String(raw);
  if (!/^[1-9]\d{0,14}$/.test(text)) return null;
  const id = Number(text);
  return id > 0 && id <= 2_147_483_647 ? id : null;
}

export function parseIds(raw: unknown[], path: string): number[] {
  return raw.map((value) => {
    const id = parseId(value);
    if (id === null) throw new BadUserInputError({ [path]: `"${String(value)}" is not a valid id` });
    return id;
  });
}

function likePattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
