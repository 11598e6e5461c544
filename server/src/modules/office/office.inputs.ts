import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DatedChangeInputType, DatedCreateInputType, DatedUpdateInputType, Input, InputMode, Text } from '../../core/inputs';
import { DatedFilter, ListOptionsType, PaginatedType } from '../../core/list/list-options';
import { IdOperators, StringOperators } from '../../core/list/operators';
import { Office } from './office.entity';

function OfficeFields(mode: InputMode) {
  @InputType(`OfficeFields${mode === 'create' ? 'ForCreate' : 'ForUpdate'}`)
  class Fields {
    @Input(mode, () => ID) districtId!: string;
    @Input(mode, () => String) @Text(100) name!: string;
    @Input(mode, () => String) @Text(100) nameEn!: string;
  }
  return Fields;
}

@InputType('OfficeFieldsForChange')
class OfficeChangeFields {
  @Field({ nullable: true }) @Text(100) name?: string;
  @Field({ nullable: true }) @Text(100) nameEn?: string;
}

@InputType()
export class CreateOfficeInput extends DatedCreateInputType(OfficeFields('create')) {}
@InputType()
export class UpdateOfficeInput extends DatedUpdateInputType(OfficeFields('update')) {}
@InputType()
export class ChangeOfficeInput extends DatedChangeInputType('Office', OfficeChangeFields) {}

@InputType()
export class OfficeFilter extends DatedFilter {
  @Field({ nullable: true }) districtId?: IdOperators;
  @Field({ nullable: true }) name?: StringOperators;
  @Field({ nullable: true }) nameEn?: StringOperators;
}

export enum OfficeSortField {
  name = 'name',
  nameEn = 'nameEn',
  createdAt = 'createdAt',
}
registerEnumType(OfficeSortField, { name: 'OfficeSortField' });

export const OfficeListOptions = ListOptionsType('Office', OfficeFilter, OfficeSortField);
export const OfficeList = PaginatedType('Office', Office);
