import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadUserInputError } from '../errors';
import { Scope } from '../scope';
import { ListOptions, ListResult, MAX_TAKE } from './list-options';
import { SortOrder } from './operators';

export interface ListQueryConfig<T> {
  /** Columns (property names) that the free-text `search` matches. */
  searchColumns: Array<keyof T & string>;
  /**
   * Id filters on records further up the structure, e.g. residents by
   * communityId: each gives the SQL condition for an id-array parameter.
   */
  ancestorFilters?: Record<string, (ids: string) => string>;
}

const ID_PROPERTY = /(^id|Id)$/;

/**
 * The one list-query builder behind every `<entities>(options)` query:
 * filters by equality, membership, case-insensitive text, ranges, null checks
 * and tag sets; sorts with id as the tie-breaker; pages with skip/take; and
 * counts all matching rows.
 */
export async function findList<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  options: ListOptions | undefined,
  config: ListQueryConfig<T>,
  scope: Scope = Scope.DISTRICT,
): Promise<ListResult<T>> {
  const qb = scope.apply(em.createQueryBuilder(entity, 'e'));
  applyFilter(qb, options?.filter ?? {}, config);
  for (const { field, order } of options?.sort ?? []) {
    qb.addOrderBy(`e.${column(qb, field, 'sort')}`, order ?? SortOrder.ASC, order === SortOrder.DESC ? 'NULLS LAST' : 'NULLS FIRST');
  }
  qb.addOrderBy('e.id', 'ASC');
  qb.skip(options?.skip ?? 0).take(Math.min(options?.take ?? MAX_TAKE, MAX_TAKE));
  const [items, totalItems] = await qb.getManyAndCount();
  return { items, totalItems };
}

function applyFilter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, filter: Record<string, unknown>, config: ListQueryConfig<T>): void {
  let n = 0;
  const param = (value: unknown) => {
    const name = `f${n++}`;
    qb.setParameter(name, value);
    return `:${name}`;
  };

  for (const [key, operators] of Object.entries(filter)) {
    if (operators === undefined || operators === null) continue;
    if (key === 'ids') {
      qb.andWhere(`e.id = ANY(${param(parseIds(operators as string[], 'filter.ids'))})`);
      continue;
    }
    if (key === 'search') {
      const text = String(operators).trim();
      if (!text) continue;
      const pattern = param(likePattern(text));
      qb.andWhere(`(${config.searchColumns.map((c) => `e.${c} ILIKE ${pattern}`).join(' OR ')})`);
      continue;
    }
    const ancestor = config.ancestorFilters?.[key];
    if (ancestor) {
      const { eq, in: within } = operators as { eq?: string | null; in?: string[] | null };
      if (eq != null) qb.andWhere(ancestor(param(parseIds([eq], `filter.${key}.eq`))));
      if (within != null) qb.andWhere(ancestor(param(parseIds(within, `filter.${key}.in`))));
      continue;
    }
    const target = `e.${column(qb, key, 'filter')}`;
    const isId = ID_PROPERTY.test(key);
    for (const [op, value] of Object.entries(operators as Record<string, unknown>)) {
      if (value === undefined || value === null) continue;
      const path = `filter.${key}.${op}`;
      const scalar = (v: unknown) => (isId ? parseIds([v as string], path)[0] : v);
      switch (op) {
        case 'eq': qb.andWhere(`${target} = ${param(scalar(value))}`); break;
        case 'in': qb.andWhere(`${target} = ANY(${param(isId ? parseIds(value as string[], path) : value)})`); break;
        case 'contains': qb.andWhere(`${target} ILIKE ${param(likePattern(String(value)))}`); break;
        case 'lt': qb.andWhere(`${target} < ${param(value)}`); break;
        case 'lte': qb.andWhere(`${target} <= ${param(value)}`); break;
        case 'gt': qb.andWhere(`${target} > ${param(value)}`); break;
        case 'gte': qb.andWhere(`${target} >= ${param(value)}`); break;
        case 'isNull': qb.andWhere(`${target} IS ${value ? '' : 'NOT '}NULL`); break;
        case 'hasAll': qb.andWhere(`${target} @> ${param(value)}`); break;
        case 'hasAny': qb.andWhere(`${target} && ${param(value)}`); break;
        default: throw new Error(`Unknown filter operator ${op}`);
      }
    }
  }
}

/** Checks a filter or sort key against the entity's columns; keys come from typed inputs, so a miss is a bug. */
function column<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, property: string, use: string): string {
  const metadata = qb.expressionMap.mainAlias!.metadata;
  if (!metadata.findColumnWithPropertyName(property)) {
    throw new Error(`${metadata.name} has no column "${property}" to ${use} by`);
  }
  return property;
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

function parseIds(raw: unknown[], path: string): number[] {
  return raw.map((value) => {
    const id = parseId(value);
    if (id === null) throw new BadUserInputError({ [path]: `"${String(value)}" is not a valid id` });
    return id;
  });
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
