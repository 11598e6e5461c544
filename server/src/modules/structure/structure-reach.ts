import type { FieldProblems } from '../../core/errors';
import type { RequestContext } from '../../core/request-context';

/** Whether a grid is in the caller's reach today (writes need their target in reach today, whatever day was read). */
async function gridInReachToday(ctx: RequestContext, gridId: number): Promise<boolean> {
  const reach = ctx.scope.reach;
  if (!reach) return true;
  const [row] = await ctx.em.query('SELECT community_id FROM grid_version WHERE grid_id = $1 AND valid @> $2::date', [gridId, ctx.today]);
  return Boolean(row) && (reach.gridIds ? reach.gridIds.includes(gridId) : reach.communityIds.includes(row.community_id));
}

/** Where a household would land (its grid) must be in the caller's reach today. */
export async function requireGridInReach(
  ctx: RequestContext,
  gridId: number | undefined,
  field: string,
  problems: FieldProblems,
): Promise<void> {
  if (gridId != null && !(await gridInReachToday(ctx, gridId))) problems.add(field, `Grid ${gridId} does not exist`);
}

/** Where a resident would land (their household's grid today) must be in the caller's reach. */
export async function requireHouseholdInReach(
  ctx: RequestContext,
  householdId: number | undefined,
  field: string,
  problems: FieldProblems,
): Promise<void> {
  if (!ctx.scope.reach || householdId == null) return;
  const [row] = await ctx.em.query('SELECT grid_id FROM household_version WHERE household_id = $1 AND valid @> $2::date', [
    householdId,
    ctx.today,
  ]);
  if (!row || !(await gridInReachToday(ctx, row.grid_id))) problems.add(field, `Household ${householdId} does not exist`);
}
