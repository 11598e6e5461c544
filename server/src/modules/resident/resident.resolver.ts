import type { GraphQLResolveInfo } from 'graphql';
import { agesOn, ageBandOf, maskIdNumber, maskIdNumberToCity, maskPhone, ACCESS } from '@community-grid/shared';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Allow } from '../../core/access';
import { AS_OF, DatedCrudResolver, dayOf, parentOn } from '../../core/crud.resolver';
import { Reads } from '../../core/reads';
import type { RequestContext } from '../../core/request-context';
import { Household } from '../household/household.entity';
import { Resident } from './resident.entity';
import { ChangeResidentInput, CreateResidentInput, ResidentList, ResidentListOptions, UpdateResidentInput } from './resident.inputs';
import { residentService } from './resident.service';

@ObjectType({
  description:
    'A 5-year birth cohort (1985-01-01 to 1989-12-31), and the ages it spans on the day read. Fixed by the birth year, so reading other days tells nothing more.',
})
export class AgeBand {
  @Field(() => LocalDateResolver) bornFrom!: string;
  @Field(() => LocalDateResolver, { description: 'Inclusive.' }) bornUntil!: string;
  @Field(() => Int, { description: 'Age on the day read of someone born on bornUntil (0 when not yet born).' }) minAge!: number;
  @Field(() => Int, { description: 'Age on the day read of someone born on bornFrom.' }) maxAge!: number;
}

@Resolver(() => Resident)
export class ResidentResolver extends DatedCrudResolver({
  entity: Resident,
  name: 'Resident',
  plural: 'residents',
  list: ResidentList,
  listOptions: ResidentListOptions,
  createInput: CreateResidentInput,
  updateInput: UpdateResidentInput,
  changeInput: ChangeResidentInput,
  service: residentService,
  resource: 'residents',
  changeDescription: 'Moves the resident to another household, or changes their relation to its head or their tags.',
}) {
  // Personal data is masked in every answer (lists, lookups, nested fields, history);
  // revealResidentPersonalData shows one record's, and is audited. Roles without
  // that right see less still, so that what they read cannot be put back together.
  @FieldResolver(() => String, {
    description: 'Masked: 6301**********1234 for roles that may reveal it, 6301************** for the others.',
  })
  @Reads('idNumber')
  idNumber(@Root() resident: Resident, @Ctx() ctx: RequestContext) {
    return ctx.can(ACCESS.residents.birthDates) ? maskIdNumber(resident.idNumber) : maskIdNumberToCity(resident.idNumber);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Masked, e.g. 138****5678.' })
  @Reads('phone')
  phone(@Root() resident: Resident) {
    return maskPhone(resident.phone);
  }

  @FieldResolver(() => LocalDateResolver, {
    nullable: true,
    description: 'Null for roles without the right to reveal personal data: they read ageBand instead.',
  })
  @Reads('birthDate')
  birthDate(@Root() resident: Resident, @Ctx() ctx: RequestContext) {
    return ctx.can(ACCESS.residents.birthDates) ? resident.birthDate : null;
  }

  @FieldResolver(() => AgeBand)
  @Reads('birthDate')
  ageBand(
    @Root() resident: Resident,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ): AgeBand {
    const band = ageBandOf(resident.birthDate);
    return { ...band, ...agesOn(band, dayOf(ctx, resident, asOf)) };
  }

  @Mutation(() => ResidentPersonalData, {
    description: 'The full ID number and phone of one resident in your reach today. Recorded in the audit trail.',
  })
  @Allow('residents', 'reveal')
  revealResidentPersonalData(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return residentService.reveal(ctx, id);
  }

  @FieldResolver(() => Household, { description: 'The household the resident belonged to on the day.' })
  @Reads('householdId')
  household(
    @Root() resident: Resident,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    return parentOn(ctx, Resident, resident, asOf, Household, 'householdId', info);
  }
}

@ObjectType()
export class ResidentPersonalData {
  @Field(() => ID) residentId!: number;
  @Field() idNumber!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
}

export { ResidentList, ResidentListOptions };
