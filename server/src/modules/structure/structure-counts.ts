import type { ResidentTag } from '@community-grid/shared';
import type { RequestContext } from '../../core/request-context';
import { scopeRule } from '../../core/scope';
import { Community } from '../community/community.entity';
import { Grid } from '../grid/grid.entity';
import { Household } from '../household/household.entity';
import { Resident } from '../resident/resident.entity';
import { countUnderSql, Level } from './structure';

/** What `residentCount(tag:)` says in the schema. */
export const TAGGED =
  'Only residents with this tag (elderly living alone, veterans…): counts kept per grid and tag, as cheap as the total.';

const ENTITIES = { resident: Resident, household: Household, grid: Grid, community: Community };

/**
 * A DataLoader counting `counted` members under each `under` id on a day,
 * within the caller's reach: one GROUP BY statement joining only the levels in between.
 */
export function countUnder(
  ctx: RequestContext,
  counted: Exclude<Level, 'district'>,
  under: Exclude<Level, 'resident'>,
  day: string,
  tag?: ResidentTag,
) {
  if (tag && counted !== 'resident') throw new Error(`only residents carry tags (counting ${counted})`);
  return ctx.loaders.custom<number>(`count:${counted}:${under}:${day}:${tag ?? ''}`, async (ids, em) => {
    // $1 the ids, $2 the day, $3 the tag when one is asked for; the scope's own parameters follow.
    const parameters: unknown[] = tag ? [[...ids], day, tag] : [[...ids], day];
    const param = (value: unknown) => `$${parameters.push(value)}`;
    const rule = scopeRule(ENTITIES[counted]);
    const condition = rule ? ctx.scope.condition(rule, 'm', 'm', '$2::date', param) : ctx.scope.isSystem ? null : '1 = 0';
    // Households and residents of the whole reach come from the counts kept per grid; a narrower reach counts its members.
    const kept = condition === null ? keptCountSql(counted, under, Boolean(tag)) : null;
    const extra = [...(condition ? [condition] : []), ...(tag ? ['m.tags @> ARRAY[$3::text]'] : [])];
    const rows: Array<{ key: number; count: number }> = await em.query(
      kept ?? countUnderSql(counted, under, '$1', '$2::date', extra),
      kept ? parameters.slice(0, tag ? 3 : 2) : parameters,
    );
    const counts = new Map(rows.map((row) => [Number(row.key), Number(row.count)]));
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

/**
 * Households or residents (with tag $3: residents with it) under grids, communities or districts on day $2
 * from grid_member_count or grid_tag_count (kept by triggers, see the SetBasedMemberCounts migration):
 * one row per grid in reach of the day, never the members.
 */
function keptCountSql(counted: Exclude<Level, 'district'>, under: Exclude<Level, 'resident'>, tagged: boolean): string | null {
  if (counted !== 'household' && counted !== 'resident') return null;
  const column = counted === 'household' ? 'c.households' : 'c.residents';
  const kept = tagged ? 'grid_tag_count c' : 'grid_member_count c';
  const on = `c.valid @> $2::date${tagged ? ' AND c.tag = $3' : ''}`;
  switch (under) {
    case 'grid':
      return `SELECT c.grid_id AS key, ${column} AS count FROM ${kept} WHERE c.grid_id = ANY($1) AND ${on}`;
    case 'community':
      return `SELECT g.community_id AS key, SUM(${column})::int AS count FROM grid_version g
        JOIN ${kept} ON c.grid_id = g.grid_id AND ${on} WHERE g.community_id = ANY($1) AND g.valid @> $2::date GROUP BY 1`;
    case 'district':
      return `SELECT cm.district_id AS key, SUM(${column})::int AS count FROM grid_version g JOIN community cm ON cm.id = g.community_id
        JOIN ${kept} ON c.grid_id = g.grid_id AND ${on} WHERE cm.district_id = ANY($1) AND g.valid @> $2::date GROUP BY 1`;
    default:
      return null;
  }
}
