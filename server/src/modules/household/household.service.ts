import { CrudService } from '../../core/crud.service';
import { FieldProblems } from '../../core/errors';
import type { RequestContext } from '../../core/request-context';
import { Grid } from '../grid/grid.entity';
import { Resident } from '../resident/resident.entity';
import { under } from '../structure/structure';
import { Household } from './household.entity';
import type { CreateHouseholdInput, UpdateHouseholdInput } from './household.inputs';
import { requireGridInReach } from '../structure/structure-reach';
import { affairService } from '../service/affair.service';

export class HouseholdService extends CrudService<Household, CreateHouseholdInput, UpdateHouseholdInput> {
  constructor() {
    super({
      entity: Household,
      label: 'Household',
      searchColumns: ['address'],
      ancestorFilters: {
        communityId: (ids, day) => under('household', 'v', 'community', ids, day),
      },
      // Kept by the HouseholdPlaces migration's triggers; no search or last 4: a list with one takes the usual path.
      placement: {
        table: 'household_place',
        key: 'household_id',
        ancestors: { communityId: 'community_id', gridId: 'grid_id' },
        reach: { grid: 'grid_id', community: 'community_id' },
      },
      references: {
        gridId: { entity: Grid, label: 'Grid' },
        headResidentId: { entity: Resident, label: 'Resident' },
      },
      dependants: [{ countSql: 'SELECT COUNT(*) AS count FROM resident_version WHERE household_id = $1', label: 'resident memberships' }],
      members: [
        {
          countSql:
            'SELECT COUNT(*) AS count FROM resident_version WHERE household_id = $1 AND (upper_inf(valid) OR upper(valid) > $2::date)',
          label: 'residents',
        },
      ],
    });
  }

  /** The grids of the household and of everyone who lived in it, and the grid it moves to (WriteGridLocks migration). */
  protected override async lockGrids(ctx: RequestContext, id: number | null, values: { gridId?: unknown }): Promise<void> {
    await ctx.em.query('SELECT cg_lock_household_grids($1::int[], $2::int[])', [
      id === null ? [] : [id],
      values.gridId == null ? [] : [Number(values.gridId)],
    ]);
  }

  protected override async validate(
    ctx: RequestContext,
    household: Partial<Household>,
    problems: FieldProblems,
    existing: Household | undefined,
    day: string,
  ): Promise<void> {
    if (household.headResidentId == null || household.headResidentId === existing?.headResidentId) return;
    const [member] = existing
      ? await ctx.em.query('SELECT 1 FROM resident_version WHERE resident_id = $1 AND household_id = $2 AND valid @> $3::date', [
          household.headResidentId,
          existing.id,
          day,
        ])
      : [];
    if (!member) problems.add('headResidentId', 'must be a resident of this household');
  }

  /** A move to another grid re-routes the household's open affairs from the day it takes effect (a later day: the scheduled sweep does it then). */
  override async change(ctx: RequestContext, input: Record<string, unknown> & { id: string; effectiveOn: string }): Promise<Household> {
    const after = await super.change(ctx, input);
    if (input.gridId != null) await affairService.rerouteOpenAffairs(ctx, [after.id], input.effectiveOn);
    return after;
  }

  protected override async checkWrite(ctx: RequestContext, household: Partial<Household>, problems: FieldProblems): Promise<void> {
    await requireGridInReach(ctx, household.gridId, 'gridId', problems);
  }
}

export const householdService = new HouseholdService();
