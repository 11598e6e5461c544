import type { ClassType } from 'type-graphql';
import type { ObjectLiteral } from 'typeorm';
import type { RequestContext } from '../../core/request-context';
import { groupBy } from '../../core/loaders';
import { Office } from '../office/office.entity';
import { Community } from './community.entity';

/** Lineage tables: which offices' and which older communities' territory went to which community. */
const TABLES = {
  office: { table: 'community_predecessor_office', predecessor: 'office_id' },
  community: { table: 'community_predecessor_community', predecessor: 'predecessor_id' },
} as const;

type Kind = keyof typeof TABLES;

/**
 * Lineage both ways, batched per request. Predecessors are read as of their
 * last day and successors as of their first, so each shows the names it had
 * at the hand-over.
 */
export function lineageLoaders(ctx: RequestContext) {
  return {
    predecessorOffices: linked<Office>(ctx, 'office', 'successor', Office),
    predecessorCommunities: linked<Community>(ctx, 'community', 'successor', Community),
    successorsOfOffice: linked<Community>(ctx, 'office', 'predecessor', Community),
    successorsOfCommunity: linked<Community>(ctx, 'community', 'predecessor', Community),
  };
}

function linked<T extends ObjectLiteral>(ctx: RequestContext, kind: Kind, from: 'successor' | 'predecessor', target: ClassType<T>) {
  const { table, predecessor } = TABLES[kind];
  const [mine, theirs] = from === 'successor' ? ['community_id', predecessor] : [predecessor, 'community_id'];
  const targetTable = target === (Office as unknown) ? 'office' : 'community';
  const day = from === 'successor' ? 'upper(t.valid) - 1' : 'lower(t.valid)';
  return ctx.loaders.custom<T[]>(`lineage.${kind}.${from}`, async (ids) => {
    const rows: Array<{ key: number; id: number; day: string }> = await ctx.em.query(
      `SELECT l.${mine} AS key, l.${theirs} AS id, to_char(COALESCE(${day}, lower(t.valid)), 'YYYY-MM-DD') AS day
         FROM ${table} l JOIN ${targetTable} t ON t.id = l.${theirs} WHERE l.${mine} = ANY($1) ORDER BY l.${theirs}`,
      [[...ids]],
    );
    const targets = await Promise.all(rows.map((row) => ctx.loaders.byId(target, row.day).load(row.id)));
    const pairs = rows.map((row, i) => ({ key: row.key, value: targets[i] as T })).filter((pair) => pair.value);
    return groupBy(ids, pairs, (pair) => pair.key).map((group) => group.map((pair) => pair.value));
  });
}

/** Replaces a community's predecessors of one kind. */
export async function setPredecessors(ctx: RequestContext, kind: Kind, communityId: number, ids: number[]): Promise<void> {
  const { table, predecessor } = TABLES[kind];
  await ctx.em.query(`DELETE FROM ${table} WHERE community_id = $1`, [communityId]);
  if (ids.length)
    await ctx.em.query(`INSERT INTO ${table} (community_id, ${predecessor}) SELECT $1, unnest($2::int[])`, [communityId, ids]);
}
