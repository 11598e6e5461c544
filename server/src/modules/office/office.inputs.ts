import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { Input, InputMode, IsLocalDate, Text, UpdateInputType } from '../../core/inputs';
import { BaseFilter, ListOptionsType, PaginatedType } from '../../core/list/list-options';
import { DateOperators, IdOperators, StringOperators } from '../../core/list/operators';
import { Office } from './office.entity';

function OfficeFields(mode: InputMode) {
  @InputType(`OfficeFields${mode === 'create' ? 'ForCreate' : 'ForUpdate'}`)
  class Fields {
    @Input(mode, () => ID) districtId!: string;
    @Input(mode, () => String) @Text(100) name!: string;
    @Input(mode, () => String) @Text(100) nameEn!: string;
    @Input(mode, () => LocalDateResolver, { optional: true }) @IsLocalDate() withdrawnOn?: string | null;
  }
  return Fields;
}

@InputType() export class CreateOfficeInput extends OfficeFields('create') {}
@InputType() export class UpdateOfficeInput extends UpdateInputType(OfficeFields('update')) {}

@InputType()
export class OfficeFilter extends BaseFilter {
  @Field({ nullable: true }) districtId?: IdOperators;
  @Field({ nullable: true }) name?: StringOperators;
  @Field({ nullable: true }) nameEn?: StringOperators;
  @Field({ nullable: true }) withdrawnOn?: DateOperators;
}

export enum OfficeSortField { name = 'name', nameEn = 'nameEn', withdrawnOn = 'withdrawnOn', createdAt = 'createdAt' }
registerEnumType(OfficeSortField, { name: 'OfficeSortField' });

export const OfficeListOptions = ListOptionsType('Office', OfficeFilter, OfficeSortField);
export const OfficeList = PaginatedType('Office', Office);
