import DataLoader from 'dataloader';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Scope } from './scope';

type Id = number;

/**
 * Per-request DataLoaders: every nested field is answered by one SQL
 * statement per level, whatever the number of parent rows. Ids travel as one
 * array parameter (`= ANY($1)`), so no statement hits PostgreSQL's bind limit.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<Id, unknown>>();

  constructor(private readonly em: () => EntityManager, private readonly scope: () => Scope) {}

  /** Rows by primary key; missing ids resolve to null. */
  byId<T extends ObjectLiteral>(entity: EntityTarget<T>): DataLoader<Id, T | null> {
    return this.get(`byId:${this.name(entity)}`, async (ids) => {
      const rows = await this.scope().apply(this.em().createQueryBuilder(entity, 'e').where('e.id = ANY(:ids)', { ids })).getMany();
      const byId = new Map(rows.map((row) => [row.id as Id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /** Rows whose `foreignKey` property points at the given parent id, ordered by `orderBy`. */
  childrenOf<T extends ObjectLiteral>(entity: EntityTarget<T>, foreignKey: keyof T & string, orderBy: keyof T & string = 'id'): DataLoader<Id, T[]> {
    return this.get(`children:${this.name(entity)}.${foreignKey}:${orderBy}`, async (ids) => {
      const rows = await this.scope().apply(this.em().createQueryBuilder(entity, 'e')
        .where(`e.${foreignKey} = ANY(:ids)`, { ids }))
        .orderBy(`e.${orderBy}`, 'ASC').addOrderBy('e.id', 'ASC')
        .getMany();
      return groupBy(ids, rows, (row) => row[foreignKey] as Id);
    });
  }

  /**
   * A count per parent id. `query` selects from the counted entity, joins
   * what it needs, and names the parent id expression `key`; for example
   * residents per community joins household and grid and keys on grid.communityId.
   */
  countBy<T extends ObjectLiteral>(
    name: string,
    entity: EntityTarget<T>,
    key: string,
    joins: (qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T> = (qb) => qb,
  ): DataLoader<Id, number> {
    return this.get(`count:${name}`, async (ids) => {
      const qb = joins(this.em().createQueryBuilder(entity, 'e'))
        .select(key, 'key').addSelect('COUNT(*)', 'count')
        .where(`${key} = ANY(:ids)`, { ids });
      const rows: Array<{ key: Id; count: string }> = await this.scope().apply(qb, 'e')
        .groupBy(key)
        .getRawMany();
      const counts = new Map(rows.map((row) => [Number(row.key), Number(row.count)]));
      return ids.map((id) => counts.get(id) ?? 0);
    });
  }

  /** Any other batch: `load` receives the ids and returns one value per id, in order. */
  custom<V>(name: string, load: (ids: readonly Id[], em: EntityManager) => Promise<V[]>): DataLoader<Id, V> {
    return this.get(`custom:${name}`, (ids) => load(ids, this.em()));
  }

  clearAll(): void {
    for (const loader of this.loaders.values()) loader.clearAll();
  }

  private get<V>(key: string, batch: (ids: readonly Id[]) => Promise<V[]>): DataLoader<Id, V> {
    let loader = this.loaders.get(key) as DataLoader<Id, V> | undefined;
    if (!loader) {
      loader = new DataLoader<Id, V>(async (ids) => batch(ids.map(Number)));
      this.loaders.set(key, loader as DataLoader<Id, unknown>);
    }
    return loader;
  }

  private name(entity: EntityTarget<ObjectLiteral>): string {
    return this.em().getRepository(entity).metadata.name;
  }
}

export function groupBy<T>(ids: readonly Id[], rows: T[], keyOf: (row: T) => Id): T[][] {
  const groups = new Map<Id, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(Number(keyOf(row)))?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}
