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
    // Households and residents of the whole reach come from the counts kept per grid; a narrower reach counts its members.
    const kept = condition === null ? keptCountSql(counted, under) : null;
    const rows: Array<{ key: number; count: number }> = await em.query(
      kept ?? countUnderSql(counted, under, '$1', '$2::date', condition ? [condition] : []), kept ? parameters.slice(0, 2) : parameters);
    const counts = new Map(rows.map((row) => [Number(row.key), Number(row.count)]));
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

/**
 * Households or residents under grids, communities or districts on day $2 from grid_member_count
 * (kept by triggers, see the MemberCounts migration): one row per grid in reach of the day, never the members.
 */
function keptCountSql(counted: Exclude<Level, 'district'>, under: Exclude<Level, 'resident'>): string | null {
  if (counted !== 'household' && counted !== 'resident') return null;
  const column = counted === 'household' ? 'c.households' : 'c.residents';
  switch (under) {
    case 'grid':
      return `SELECT c.grid_id AS key, ${column} AS count FROM grid_member_count c WHERE c.grid_id = ANY($1) AND c.valid @> $2::date`;
    case 'community':
      return `SELECT g.community_id AS key, SUM(${column})::int AS count FROM grid_version g
        JOIN grid_member_count c ON c.grid_id = g.grid_id AND c.valid @> $2::date WHERE g.community_id = ANY($1) AND g.valid @> $2::date GROUP BY 1`;
    case 'district':
      return `SELECT cm.district_id AS key, SUM(${column})::int AS count FROM grid_version g JOIN community cm ON cm.id = g.community_id
        JOIN grid_member_count c ON c.grid_id = g.grid_id AND c.valid @> $2::date WHERE cm.district_id = ANY($1) AND g.valid @> $2::date GROUP BY 1`;
    default:
      return null;
  }
}
