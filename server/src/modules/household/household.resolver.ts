import { Permission } from '@community-grid/shared';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { CrudResolver } from '../../core/crud.resolver';
import type { RequestContext } from '../../core/request-context';
import { Grid } from '../grid/grid.entity';
import { Resident } from '../resident/resident.entity';
import { countUnder } from '../structure/structure-counts';
import { Household } from './household.entity';
import { CreateHouseholdInput, HouseholdList, HouseholdListOptions, UpdateHouseholdInput } from './household.inputs';
import { householdService } from './household.service';

@Resolver(() => Household)
export class HouseholdResolver extends CrudResolver({
  entity: Household, name: 'Household', plural: 'households', list: HouseholdList, listOptions: HouseholdListOptions,
  createInput: CreateHouseholdInput, updateInput: UpdateHouseholdInput, service: householdService,
  permissions: { read: Permission.READ_PEOPLE, write: Permission.WRITE_HOUSEHOLDS },
}) {
  @FieldResolver(() => Grid)
  grid(@Root() household: Household, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Grid).load(household.gridId);
  }

  @FieldResolver(() => Resident, { nullable: true })
  headResident(@Root() household: Household, @Ctx() ctx: RequestContext) {
    return household.headResidentId === null ? null : ctx.loaders.byId(Resident).load(household.headResidentId);
  }

  @FieldResolver(() => [Resident])
  residents(@Root() household: Household, @Ctx() ctx: RequestContext) {
    return ctx.loaders.childrenOf(Resident, 'householdId', 'birthDate').load(household.id);
  }

  @FieldResolver(() => Int)
  residentCount(@Root() household: Household, @Ctx() ctx: RequestContext) {
    return countUnder(ctx, 'resident', 'household').load(household.id);
  }
}
