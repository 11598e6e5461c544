import { Field, InputType, registerEnumType } from 'type-graphql';
import { Input, InputMode, Text, UpdateInputType } from '../../core/inputs';
import { ListOptionsType, BaseFilter, PaginatedType } from '../../core/list/list-options';
import { StringOperators } from '../../core/list/operators';
import { District } from './district.entity';

function DistrictFields(mode: InputMode) {
  @InputType(`DistrictFields${mode === 'create' ? 'ForCreate' : 'ForUpdate'}`)
  class Fields {
    @Input(mode, () => String) @Text(100) name!: string;
    @Input(mode, () => String) @Text(100) nameEn!: string;
    @Input(mode, () => String) @Text(12) code!: string;
    @Input(mode, () => String) @Text(100) city!: string;
  }
  return Fields;
}

@InputType()
export class CreateDistrictInput extends DistrictFields('create') {}
@InputType()
export class UpdateDistrictInput extends UpdateInputType(DistrictFields('update')) {}

@InputType()
export class DistrictFilter extends BaseFilter {
  @Field({ nullable: true }) name?: StringOperators;
  @Field({ nullable: true }) nameEn?: StringOperators;
  @Field({ nullable: true }) code?: StringOperators;
  @Field({ nullable: true }) city?: StringOperators;
}

export enum DistrictSortField {
  name = 'name',
  code = 'code',
  city = 'city',
  createdAt = 'createdAt',
}
registerEnumType(DistrictSortField, { name: 'DistrictSortField' });

export const DistrictListOptions = ListOptionsType('District', DistrictFilter, DistrictSortField);
export const DistrictList = PaginatedType('District', District);
