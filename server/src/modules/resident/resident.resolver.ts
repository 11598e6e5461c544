import { Permission } from '@community-grid/shared';
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { maskIdNumber, maskPhone } from '@community-grid/shared';
import { Allow } from '../../core/access';
import { Transactional } from '../../core/transactional';
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
  permissions: { read: Permission.READ_PEOPLE, write: Permission.WRITE_RESIDENTS },
}) {
  // Personal data is masked in every answer; revealResidentPersonalData shows one record's, and is audited.
  @FieldResolver(() => String, { description: 'Masked, e.g. 6301**********1234.' })
  idNumber(@Root() resident: Resident) {
    return maskIdNumber(resident.idNumber);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Masked, e.g. 138****5678.' })
  phone(@Root() resident: Resident) {
    return maskPhone(resident.phone);
  }

  @Mutation(() => ResidentPersonalData, { description: 'The full ID number and phone of one resident in your reach. Recorded in the audit trail.' })
  @Allow(Permission.REVEAL_PERSONAL_DATA)
  @Transactional()
  revealResidentPersonalData(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return residentService.reveal(ctx, id);
  }

  @FieldResolver(() => Household)
  household(@Root() resident: Resident, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Household).load(resident.householdId);
  }
}

@ObjectType()
export class ResidentPersonalData {
  @Field(() => ID) residentId!: number;
  @Field() idNumber!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
}
