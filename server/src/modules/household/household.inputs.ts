import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { RegistrationType } from '../../core/graphql-enums';
import { DatedChangeInputType, DatedCreateInputType, DatedUpdateInputType, Input, InputMode, Text } from '../../core/inputs';
import { DatedFilter, ListOptionsType, PaginatedType } from '../../core/list/list-options';
import { EnumOperators, IdOperators, StringOperators } from '../../core/list/operators';
import { Household } from './household.entity';

function HouseholdFields(mode: InputMode) {
  @InputType(`HouseholdFields${mode === 'create' ? 'ForCreate' : 'ForUpdate'}`)
  class Fields {
    @Input(mode, () => ID) gridId!: string;
    @Input(mode, () => String) @Text(200) address!: string;
    @Input(mode, () => RegistrationType) registrationType!: RegistrationType;
    @Input(mode, () => ID, { optional: true, description: 'Must be a resident of this household.' })
    headResidentId?: string | null;
  }
  return Fields;
}

@InputType('HouseholdFieldsForChange')
class HouseholdChangeFields {
  @Field(() => ID, { nullable: true, description: 'The grid the household moves to.' }) gridId?: string;
  @Field(() => RegistrationType, { nullable: true }) registrationType?: RegistrationType;
}

@InputType()
export class CreateHouseholdInput extends DatedCreateInputType(HouseholdFields('create')) {}
@InputType()
export class UpdateHouseholdInput extends DatedUpdateInputType(HouseholdFields('update')) {}
@InputType()
export class ChangeHouseholdInput extends DatedChangeInputType('Household', HouseholdChangeFields) {}

const RegistrationTypeOperators = EnumOperators(RegistrationType, 'RegistrationType');

@InputType()
export class HouseholdFilter extends DatedFilter {
  @Field({ nullable: true, description: 'The grid on the day read.' }) gridId?: IdOperators;
  @Field({ nullable: true, description: 'Households in grids of this community on the day read.' }) communityId?: IdOperators;
  @Field({ nullable: true }) address?: StringOperators;
  @Field(() => RegistrationTypeOperators, { nullable: true }) registrationType?: object;
}

export enum HouseholdSortField {
  address = 'address',
  gridId = 'gridId',
  registrationType = 'registrationType',
  createdAt = 'createdAt',
}
registerEnumType(HouseholdSortField, { name: 'HouseholdSortField' });

export const HouseholdListOptions = ListOptionsType('Household', HouseholdFilter, HouseholdSortField);
export const HouseholdList = PaginatedType('Household', Household);
