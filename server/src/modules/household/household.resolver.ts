import type { GraphQLResolveInfo } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import { AS_OF, DatedCrudResolver, dayOf, parentOn } from '../../core/crud.resolver';
import type { ListOptions } from '../../core/list/list-options';
import { listFields, recordFields } from '../../core/list/columns';
import { Reads } from '../../core/reads';
import type { RequestContext } from '../../core/request-context';
import { Grid } from '../grid/grid.entity';
import { Resident } from '../resident/resident.entity';
import { ResidentList, ResidentListOptions } from '../resident/resident.inputs';
import { residentService } from '../resident/resident.service';
import { countUnder } from '../structure/structure-counts';
import { Household } from './household.entity';
import { ChangeHouseholdInput, CreateHouseholdInput, HouseholdList, HouseholdListOptions, UpdateHouseholdInput } from './household.inputs';
import { householdService } from './household.service';

@Resolver(() => Household)
export class HouseholdResolver extends DatedCrudResolver({
  entity: Household,
  name: 'Household',
  plural: 'households',
  list: HouseholdList,
  listOptions: HouseholdListOptions,
  createInput: CreateHouseholdInput,
  updateInput: UpdateHouseholdInput,
  changeInput: ChangeHouseholdInput,
  service: householdService,
  resource: 'households',
  changeDescription: 'Moves the household to another grid, or changes its registration type.',
}) {
  @FieldResolver(() => Grid, { description: 'The grid the household belonged to on the day.' })
  @Reads('gridId')
  grid(
    @Root() household: Household,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    return parentOn(ctx, Household, household, asOf, Grid, 'gridId', info);
  }

  @FieldResolver(() => Resident, { nullable: true })
  @Reads('headResidentId')
  headResident(
    @Root() household: Household,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    return household.headResidentId === null
      ? null
      : ctx.loaders.byId(Resident, dayOf(ctx, household, asOf), recordFields(ctx.em, info, Resident)).load(household.headResidentId);
  }

  @FieldResolver(() => ResidentList, { description: 'Residents of the household on the day.' })
  @Reads()
  residents(
    @Root() household: Household,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('options', () => ResidentListOptions, { nullable: true }) options?: ListOptions,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    return residentService.findPage(ctx, household.id, options, {
      asOf: dayOf(ctx, household, asOf),
      fields: listFields(ctx.em, info, Resident),
    });
  }

  @FieldResolver(() => Int)
  @Reads()
  residentCount(
    @Root() household: Household,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    return countUnder(ctx, 'resident', 'household', dayOf(ctx, household, asOf)).load(household.id);
  }
}
