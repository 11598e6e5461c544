import type { ObjectLiteral } from 'typeorm';
import type { ClassType } from 'type-graphql';
import type { RequestContext } from '../../core/request-context';
import { Community } from '../community/community.entity';
import { Grid } from '../grid/grid.entity';
import { Household } from '../household/household.entity';
import { Resident } from '../resident/resident.entity';

/** The structure from the bottom up: each level and the key pointing at its parent. */
const LEVELS: Array<{ name: Level; entity: ClassType<ObjectLiteral>; parentKey: string }> = [
  { name: 'resident', entity: Resident, parentKey: 'householdId' },
  { name: 'household', entity: Household, parentKey: 'gridId' },
  { name: 'grid', entity: Grid, parentKey: 'communityId' },
  { name: 'community', entity: Community, parentKey: 'districtId' },
];

export type Level = 'resident' | 'household' | 'grid' | 'community' | 'district';
const ORDER: Level[] = ['resident', 'household', 'grid', 'community', 'district'];

/**
 * A DataLoader counting `counted` records under each `under` id, e.g.
 * residents per community: one GROUP BY statement joining only the levels in between.
 */
export function countUnder(ctx: RequestContext, counted: Exclude<Level, 'district'>, under: Exclude<Level, 'resident'>) {
  const from = ORDER.indexOf(counted);
  const to = ORDER.indexOf(under);
  if (to <= from) throw new Error(`cannot count ${counted} under ${under}`);
  const alias = (level: number) => (level === from ? 'e' : `l${level}`);
  const key = `${alias(to - 1)}.${LEVELS[to - 1].parentKey}`;
  return ctx.loaders.countBy(`${counted}-under-${under}`, LEVELS[from].entity, key, (qb) => {
    for (let level = from + 1; level < to; level++) {
      qb.innerJoin(LEVELS[level].entity, alias(level), `${alias(level)}.id = ${alias(level - 1)}.${LEVELS[level - 1].parentKey}`);
    }
    return qb;
  });
}
