import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { DatedChangeInputType, DatedCreateInputType, DatedUpdateInputType, Input, InputMode, IsPhone, Text } from '../../core/inputs';
import { DatedFilter, ListOptionsType, PaginatedType } from '../../core/list/list-options';
import { IdOperators, StringOperators } from '../../core/list/operators';
import { Community } from './community.entity';

function CommunityFields(mode: InputMode) {
  @InputType(`CommunityFields${mode === 'create' ? 'ForCreate' : 'ForUpdate'}`)
  class Fields {
    @Input(mode, () => ID) districtId!: string;
    @Input(mode, () => String, { description: 'Unique among the communities valid on the same day, e.g. "C01".' }) @Text(20) code!: string;
    @Input(mode, () => String) @Text(100) name!: string;
    @Input(mode, () => String) @Text(100) nameEn!: string;
    @Input(mode, () => ID, { optional: true, description: 'The sub-district office it belongs to, if any.' }) officeId?: string | null;
    @Input(mode, () => String, { optional: true }) @MaxLength(200) address?: string;
    @Input(mode, () => String, { optional: true }) @IsPhone() phone?: string;
    @Input(mode, () => [ID], { optional: true, description: 'Offices whose territory the community took over.' })
    predecessorOfficeIds?: string[];
    @Input(mode, () => [ID], { optional: true, description: 'Communities whose territory the community took over.' })
    predecessorCommunityIds?: string[];
  }
  return Fields;
}

@InputType('CommunityFieldsForChange')
class CommunityChangeFields {
  @Field({ nullable: true }) @Text(20) code?: string;
  @Field({ nullable: true }) @Text(100) name?: string;
  @Field({ nullable: true }) @Text(100) nameEn?: string;
  @Field(() => ID, { nullable: true, description: 'The sub-district office it belongs to from that day.' }) officeId?: string;
}

@InputType()
export class CreateCommunityInput extends DatedCreateInputType(CommunityFields('create')) {}
@InputType()
export class UpdateCommunityInput extends DatedUpdateInputType(CommunityFields('update')) {}
@InputType()
export class ChangeCommunityInput extends DatedChangeInputType('Community', CommunityChangeFields) {}

@InputType()
export class CommunityFilter extends DatedFilter {
  @Field({ nullable: true }) districtId?: IdOperators;
  @Field({ nullable: true, description: 'The office on the day read.' }) officeId?: IdOperators;
  @Field({ nullable: true }) code?: StringOperators;
  @Field({ nullable: true }) name?: StringOperators;
  @Field({ nullable: true }) nameEn?: StringOperators;
  @Field({ nullable: true }) address?: StringOperators;
}

export enum CommunitySortField {
  code = 'code',
  name = 'name',
  nameEn = 'nameEn',
  createdAt = 'createdAt',
}
registerEnumType(CommunitySortField, { name: 'CommunitySortField' });

export const CommunityListOptions = ListOptionsType('Community', CommunityFilter, CommunitySortField);
export const CommunityList = PaginatedType('Community', Community);
