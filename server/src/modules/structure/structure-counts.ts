import type { RequestContext } from '../../core/request-context';
import { scopeRule } from '../../core/scope';
import { Community } from '../community/community.entity';
import { Grid } from '../grid/grid.entity';
import { Household } from '../household/household.entity';
import { Resident } from '../resident/resident.entity';
import { countUnderSql, Level } from './structure';

const ENTITIES = { resident: Resident, household: Household, grid: Grid, community: Community };

/**
 * A DataLoader counting `counted` members under each `under` id on a day,
 * within the caller's reach: one GROUP BY statement joining only the levels in between.
 */
export function countUnder(ctx: RequestContext, counted: Exclude<Level, 'district'>, under: Exclude<Level, 'resident'>, day: string) {
  return ctx.loaders.custom<number>(`count:${counted}:${under}:${day}`, async (ids, em) => {
    const parameters: unknown[] = [[...ids], day];
    const param = (value: unknown) => `$${parameters.push(value)}`;
    const rule = scopeRule(ENTITIES[counted]);
    const condition = rule ? ctx.scope.condition(rule, 'm', 'm', '$2::date', param) : (ctx.scope.isSystem ? null : '1 = 0');
    const rows: Array<{ key: number; count: number }> = await em.query(
      countUnderSql(counted, under, '$1', '$2::date', condition ? [condition] : []), parameters);
    const counts = new Map(rows.map((row) => [Number(row.key), Number(row.count)]));
    return ids.map((id) => counts.get(id) ?? 0);
  });
}
