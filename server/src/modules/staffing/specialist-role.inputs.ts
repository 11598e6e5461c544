import { Field, InputType, registerEnumType } from 'type-graphql';
import { Matches } from 'class-validator';
import { DatedChangeInputType, DatedCreateInputType, DatedUpdateInputType, Input, InputMode, Text } from '../../core/inputs';
import { DatedFilter, ListOptionsType, PaginatedType } from '../../core/list/list-options';
import { StringOperators } from '../../core/list/operators';
import { SpecialistRole } from './specialist-role.entity';

type Mode = InputMode | 'change';

function RoleFields(mode: Mode, withCode: boolean) {
  const input = mode === 'change' ? 'update' : mode;
  @InputType(`SpecialistRoleVersionFields${{ create: 'ForCreate', update: 'ForUpdate', change: 'ForChange' }[mode]}`)
  class VersionFields {
    @Input(input, () => String, { description: 'Name in Chinese, unique among the roles of the same day.' }) @Text(100) name!: string;
    @Input(input, () => String) @Text(100) nameEn!: string;
    @Input(input, () => String, { optional: true }) @Text(500) description?: string;
  }
  if (!withCode) return VersionFields;
  @InputType('SpecialistRoleFieldsForCreate')
  class Fields extends VersionFields {
    @Field({ description: 'Stable code of capitals and underscores, e.g. "PARTY_LIAISON".' })
    @Text(40)
    @Matches(/^[A-Z][A-Z0-9_]*$/, { message: 'must be capitals, digits and underscores, starting with a capital' })
    code!: string;
  }
  return Fields;
}

@InputType()
export class CreateSpecialistRoleInput extends DatedCreateInputType(RoleFields('create', true)) {}
@InputType()
export class UpdateSpecialistRoleInput extends DatedUpdateInputType(RoleFields('update', false)) {}
@InputType()
export class ChangeSpecialistRoleInput extends DatedChangeInputType('SpecialistRole', RoleFields('change', false)) {}

@InputType()
export class SpecialistRoleFilter extends DatedFilter {
  @Field({ nullable: true }) code?: StringOperators;
  @Field({ nullable: true }) name?: StringOperators;
  @Field({ nullable: true }) nameEn?: StringOperators;
}

export enum SpecialistRoleSortField {
  code = 'code',
  name = 'name',
  nameEn = 'nameEn',
  createdAt = 'createdAt',
}
registerEnumType(SpecialistRoleSortField, { name: 'SpecialistRoleSortField' });

export const SpecialistRoleListOptions = ListOptionsType('SpecialistRole', SpecialistRoleFilter, SpecialistRoleSortField);
export const SpecialistRoleList = PaginatedType('SpecialistRole', SpecialistRole);
