import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { RequestContext } from '../../core/request-context';
import { groupBy } from '../../core/loaders';
import { Office } from '../office/office.entity';
import { Community } from './community.entity';

interface Link {
  community_id: number;
  office_id: number;
}

const links = (ctx: RequestContext, column: keyof Link, ids: readonly number[]) =>
  ctx.em.query<Link[]>(`SELECT community_id, office_id FROM community_predecessor_office WHERE ${column} = ANY($1)`, [ids]);

/** Which offices' territory went to which communities, both ways, batched per request. */
export function lineageLoaders(ctx: RequestContext) {
  return {
    predecessors: linked<Office>(ctx, 'community_id', 'office_id', Office),
    successors: linked<Community>(ctx, 'office_id', 'community_id', Community),
  };
}

function linked<T extends ObjectLiteral>(ctx: RequestContext, from: keyof Link, to: keyof Link, target: EntityTarget<T>) {
  return ctx.loaders.custom<T[]>(`lineage.${from}`, async (ids) => {
    const rows = await links(ctx, from, ids);
    const targets = await ctx.loaders.byId(target).loadMany(rows.map((row) => row[to]));
    const pairs = rows.map((row, i) => ({ key: row[from], value: targets[i] as T }));
    return groupBy(ids, pairs, (pair) => pair.key).map((group) => group.map((pair) => pair.value));
  });
}

/** Replaces a community's predecessor offices. */
export async function setPredecessors(ctx: RequestContext, communityId: number, officeIds: number[]): Promise<void> {
  await ctx.em.query('DELETE FROM community_predecessor_office WHERE community_id = $1', [communityId]);
  if (officeIds.length) {
    await ctx.em.query(
      'INSERT INTO community_predecessor_office (community_id, office_id) SELECT $1, unnest($2::int[])', [communityId, officeIds]);
  }
}
