import { CrudService } from '../../core/crud.service';
import { FieldProblems } from '../../core/errors';
import type { RequestContext } from '../../core/request-context';
import { Grid } from '../grid/grid.entity';
import { Resident } from '../resident/resident.entity';
import { Household } from './household.entity';
import type { CreateHouseholdInput, UpdateHouseholdInput } from './household.inputs';

export class HouseholdService extends CrudService<Household, CreateHouseholdInput, UpdateHouseholdInput> {
  constructor() {
    super({
      entity: Household,
      label: 'Household',
      searchColumns: ['address'],
      ancestorFilters: {
        communityId: (ids) => `e.gridId IN (SELECT g.id FROM grid g WHERE g.community_id = ANY(${ids}))`,
      },
      references: {
        gridId: { entity: Grid, label: 'Grid' },
        headResidentId: { entity: Resident, label: 'Resident' },
      },
      dependants: [{ entity: Resident, foreignKey: 'householdId', label: 'residents' }],
    });
  }

  protected override async validate(ctx: RequestContext, household: Partial<Household>, problems: FieldProblems, existing?: Household): Promise<void> {
    if (household.headResidentId == null || household.headResidentId === existing?.headResidentId) return;
    const isMember = existing && await ctx.em.exists(Resident, { where: { id: household.headResidentId, householdId: existing.id } });
    if (!isMember) problems.add('headResidentId', 'must be a resident of this household');
  }
}

export const householdService = new HouseholdService();
