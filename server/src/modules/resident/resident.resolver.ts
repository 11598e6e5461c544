import { Permission } from '@community-grid/shared';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { maskIdNumber, maskPhone } from '@community-grid/shared';
import { Allow } from '../../core/access';
import { AS_OF, DatedCrudResolver, parentOn } from '../../core/crud.resolver';
import type { RequestContext } from '../../core/request-context';
import { Household } from '../household/household.entity';
import { Resident } from './resident.entity';
import { ChangeResidentInput, CreateResidentInput, ResidentList, ResidentListOptions, UpdateResidentInput } from './resident.inputs';
import { residentService } from './resident.service';

@Resolver(() => Resident)
export class ResidentResolver extends DatedCrudResolver({
  entity: Resident, name: 'Resident', plural: 'residents', list: ResidentList, listOptions: ResidentListOptions,
  createInput: CreateResidentInput, updateInput: UpdateResidentInput, changeInput: ChangeResidentInput, service: residentService,
  permissions: { read: Permission.READ_PEOPLE, write: Permission.WRITE_RESIDENTS },
  changeDescription: 'Moves the resident to another household, or changes their relation to its head or their tags.',
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

  @Mutation(() => ResidentPersonalData, { description: 'The full ID number and phone of one resident in your reach today. Recorded in the audit trail.' })
  @Allow(Permission.REVEAL_PERSONAL_DATA)
  revealResidentPersonalData(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return residentService.reveal(ctx, id);
  }

  @FieldResolver(() => Household, { description: 'The household the resident belonged to on the day.' })
  household(@Root() resident: Resident, @Ctx() ctx: RequestContext, @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string) {
    return parentOn(ctx, Resident, resident, asOf, Household, 'householdId');
  }
}

@ObjectType()
export class ResidentPersonalData {
  @Field(() => ID) residentId!: number;
  @Field() idNumber!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
}

export { ResidentList, ResidentListOptions };
