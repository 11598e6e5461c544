import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CrudResolver } from '../../core/crud.resolver';
import type { RequestContext } from '../../core/request-context';
import { Household } from '../household/household.entity';
import { Resident } from './resident.entity';
import { CreateResidentInput, ResidentList, ResidentListOptions, UpdateResidentInput } from './resident.inputs';
import { residentService } from './resident.service';

@Resolver(() => Resident)
export class ResidentResolver extends CrudResolver({
  entity: Resident, name: 'Resident', plural: 'residents', list: ResidentList, listOptions: ResidentListOptions,
  createInput: CreateResidentInput, updateInput: UpdateResidentInput, service: residentService,
}) {
  @FieldResolver(() => Household)
  household(@Root() resident: Resident, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Household).load(resident.householdId);
  }
}
