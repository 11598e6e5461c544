import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { Input, InputMode, IsLocalDate, IsPhone, Text, UpdateInputType } from '../../core/inputs';
import { BaseFilter, ListOptionsType, PaginatedType } from '../../core/list/list-options';
import { DateOperators, IdOperators, StringOperators } from '../../core/list/operators';
import { Community } from './community.entity';

function CommunityFields(mode: InputMode) {
  @InputType(`CommunityFields${mode === 'create' ? 'ForCreate' : 'ForUpdate'}`)
  class Fields {
    @Input(mode, () => ID) districtId!: string;
    @Input(mode, () => String) @Text(100) name!: string;
    @Input(mode, () => String) @Text(100) nameEn!: string;
    @Input(mode, () => LocalDateResolver) @IsLocalDate() establishedOn!: string;
    @Input(mode, () => LocalDateResolver, { optional: true }) @IsLocalDate() dissolvedOn?: string | null;
    @Input(mode, () => String, { optional: true }) @MaxLength(200) address?: string;
    @Input(mode, () => String, { optional: true }) @IsPhone() phone?: string;
    @Input(mode, () => [ID], { optional: true, description: 'Offices whose territory the community took over.' })
    predecessorOfficeIds?: string[];
  }
  return Fields;
}

@InputType() export class CreateCommunityInput extends CommunityFields('create') {}
@InputType() export class UpdateCommunityInput extends UpdateInputType(CommunityFields('update')) {}

@InputType()
export class CommunityFilter extends BaseFilter {
  @Field({ nullable: true }) districtId?: IdOperators;
  @Field({ nullable: true }) name?: StringOperators;
  @Field({ nullable: true }) nameEn?: StringOperators;
  @Field({ nullable: true }) establishedOn?: DateOperators;
  @Field({ nullable: true }) dissolvedOn?: DateOperators;
  @Field({ nullable: true }) address?: StringOperators;
}

export enum CommunitySortField { name = 'name', nameEn = 'nameEn', establishedOn = 'establishedOn', dissolvedOn = 'dissolvedOn', createdAt = 'createdAt' }
registerEnumType(CommunitySortField, { name: 'CommunitySortField' });

export const CommunityListOptions = ListOptionsType('Community', CommunityFilter, CommunitySortField);
export const CommunityList = PaginatedType('Community', Community);
