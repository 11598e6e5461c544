import DataLoader from 'dataloader';
import type { ClassType } from 'type-graphql';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { findPages, hydrate, ListQueryConfig, ReadDate, Reader, readQuery } from './list/list-query-builder';
import type { ListOptions, ListResult } from './list/list-options';

type Id = number;

/**
 * Per-request DataLoaders: every nested field is answered by one SQL
 * statement per level, whatever the number of parent rows. Loaders are keyed
 * by the day read (and a nested list's options), so records of different days
 * never mix. Ids travel as one array parameter (`= ANY($1)`), so no statement
 * hits PostgreSQL's bind limit.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<Id, unknown>>();

  constructor(private readonly reader: () => Reader) {}

  /**
   * Records by id as of a day (a record outside its validity comes with its nearest version); missing ids resolve to null.
   * With `fields` (see `recordFields`), only their columns and the keys are read: reads of other fields are other statements.
   */
  byId<T extends ObjectLiteral>(entity: ClassType<T>, asOf: string, fields?: readonly string[]): DataLoader<Id, T | null> {
    return this.get(`byId:${entity.name}:${asOf}${fields ? `:${fields.join(',')}` : ''}`, async (ids) => {
      const reader = this.reader();
      const read: ReadDate = { asOf, includeEnded: true, fields };
      const raws = await readQuery(reader, entity, read).andWhere('e.id = ANY(:ids)', { ids }).getRawMany();
      const rows = await hydrate(reader.em, entity, raws, asOf);
      const byId = new Map(rows.map((row) => [row.id as Id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /**
   * One page of a nested list per parent: `parent` is the SQL expression of
   * the key pointing at the parent (e.g. `"v"."community_id"` for a grid's community on the day).
   * Pages reading different fields (`read.fields`) are different statements.
   */
  page<T extends ObjectLiteral>(
    entity: ClassType<T>,
    parent: string,
    config: ListQueryConfig<T>,
    options: ListOptions | undefined,
    read: ReadDate,
  ): DataLoader<Id, ListResult<T>> {
    return this.get(
      `page:${entity.name}:${parent}:${read.asOf}:${read.includeEnded ?? false}:${read.fields?.join(',') ?? '*'}:${JSON.stringify(options ?? {})}`,
      (ids) => findPages(this.reader(), entity, parent, ids, options, config, read),
    );
  }

  /** Any other batch: `load` receives the ids and returns one value per id, in order. */
  custom<V>(name: string, load: (ids: readonly Id[], em: EntityManager) => Promise<V[]>): DataLoader<Id, V> {
    return this.get(`custom:${name}`, (ids) => load(ids, this.reader().em));
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
}

export function groupBy<T>(ids: readonly Id[], rows: T[], keyOf: (row: T) => Id): T[][] {
  const groups = new Map<Id, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(Number(keyOf(row)))?.push(row);
  return ids.map((id) => groups.get(id) ?? []);
}
