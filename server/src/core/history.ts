import type { ClassType } from 'type-graphql';
import { datedSpec, DatedEntity } from './dated';
import { groupBy } from './loaders';
import { hydrate } from './list/list-query-builder';
import type { RequestContext } from './request-context';

/**
 * Every version of dated records, oldest first, each read as of its own
 * first day: one statement for all the records of a level. A member's
 * periods are shown where they lay in the caller's reach at the time.
 */
export function historyOf<T extends DatedEntity>(ctx: RequestContext, entity: ClassType<T>) {
  return ctx.loaders.custom<T[]>(`history:${entity.name}`, async (ids) => {
    const spec = datedSpec(entity)!;
    const qb = ctx.em
      .createQueryBuilder(entity, 'e')
      .innerJoin(spec.version, 'v', `v.${spec.key} = e.id`)
      .addSelect('v')
      .addSelect("to_char(lower(v.valid), 'YYYY-MM-DD')", 'period_from')
      .where('e.id = ANY(:ids)', { ids: [...ids] })
      .orderBy('e.id')
      .addOrderBy('lower(v.valid)');
    ctx.scope.apply(qb, 'e', 'v', 'lower(v.valid)');
    const raws = await qb.getRawMany();
    const rows = (await Promise.all(raws.map((raw) => hydrate(ctx.em, entity, [raw], raw.period_from)))).flat();
    return groupBy(ids, rows, (row) => row.id);
  });
}
