import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { RegistrationType } from '../../core/graphql-enums';
import { Input, InputMode, Text, UpdateInputType } from '../../core/inputs';
import { BaseFilter, ListOptionsType, PaginatedType } from '../../core/list/list-options';
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

@InputType() export class CreateHouseholdInput extends HouseholdFields('create') {}
@InputType() export class UpdateHouseholdInput extends UpdateInputType(HouseholdFields('update')) {}

const RegistrationTypeOperators = EnumOperators(RegistrationType, 'RegistrationType');

@InputType()
export class HouseholdFilter extends BaseFilter {
  @Field({ nullable: true }) gridId?: IdOperators;
  @Field({ nullable: true, description: 'Households in grids of this community.' }) communityId?: IdOperators;
  @Field({ nullable: true }) address?: StringOperators;
  @Field(() => RegistrationTypeOperators, { nullable: true }) registrationType?: object;
}

export enum HouseholdSortField { address = 'address', gridId = 'gridId', registrationType = 'registrationType', createdAt = 'createdAt' }
registerEnumType(HouseholdSortField, { name: 'HouseholdSortField' });

export const HouseholdListOptions = ListOptionsType('Household', HouseholdFilter, HouseholdSortField);
export const HouseholdList = PaginatedType('Household', Household);
