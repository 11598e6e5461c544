import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { ServiceWindowKind } from '../../core/graphql-enums';
import { Input, InputMode, Text, UpdateInputType } from '../../core/inputs';
import { BaseFilter, ListOptionsType, PaginatedType } from '../../core/list/list-options';
import { EnumOperators, IdOperators, StringOperators } from '../../core/list/operators';
import { ServiceWindow } from './service-window.entity';

function ServiceWindowFields(mode: InputMode) {
  @InputType(`ServiceWindowFields${mode === 'create' ? 'ForCreate' : 'ForUpdate'}`)
  class Fields {
    @Input(mode, () => ID) communityId!: string;
    @Input(mode, () => ServiceWindowKind) kind!: ServiceWindowKind;
    @Input(mode, () => String) @Text(100) name!: string;
    @Input(mode, () => String, { optional: true }) @MaxLength(200) openingHours?: string;
  }
  return Fields;
}

@InputType()
export class CreateServiceWindowInput extends ServiceWindowFields('create') {}
@InputType()
export class UpdateServiceWindowInput extends UpdateInputType(ServiceWindowFields('update')) {}

const ServiceWindowKindOperators = EnumOperators(ServiceWindowKind, 'ServiceWindowKind');

@InputType()
export class ServiceWindowFilter extends BaseFilter {
  @Field({ nullable: true }) communityId?: IdOperators;
  @Field(() => ServiceWindowKindOperators, { nullable: true }) kind?: object;
  @Field({ nullable: true }) name?: StringOperators;
}

export enum ServiceWindowSortField {
  name = 'name',
  kind = 'kind',
  communityId = 'communityId',
  createdAt = 'createdAt',
}
registerEnumType(ServiceWindowSortField, { name: 'ServiceWindowSortField' });

export const ServiceWindowListOptions = ListOptionsType('ServiceWindow', ServiceWindowFilter, ServiceWindowSortField);
export const ServiceWindowList = PaginatedType('ServiceWindow', ServiceWindow);
