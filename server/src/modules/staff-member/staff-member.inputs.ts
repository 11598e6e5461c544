import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { Input, InputMode, IsPhone, Text, UpdateInputType } from '../../core/inputs';
import { BaseFilter, ListOptionsType, PaginatedType } from '../../core/list/list-options';
import { BooleanOperators, IdOperators, StringOperators } from '../../core/list/operators';
import { StaffMember } from './staff-member.entity';

function StaffMemberFields(mode: InputMode) {
  @InputType(`StaffMemberFields${mode === 'create' ? 'ForCreate' : 'ForUpdate'}`)
  class Fields {
    @Input(mode, () => String) @Text(50) name!: string;
    @Input(mode, () => String, { optional: true }) @IsPhone() phone?: string | null;
    @Input(mode, () => ID, { optional: true }) homeCommunityId?: string | null;
    @Input(mode, () => Boolean, { optional: true }) active?: boolean;
  }
  return Fields;
}

@InputType()
export class CreateStaffMemberInput extends StaffMemberFields('create') {}
@InputType()
export class UpdateStaffMemberInput extends UpdateInputType(StaffMemberFields('update')) {}

@InputType()
export class StaffMemberFilter extends BaseFilter {
  @Field({ nullable: true }) name?: StringOperators;
  @Field({ nullable: true }) homeCommunityId?: IdOperators;
  @Field({ nullable: true }) active?: BooleanOperators;
}

export enum StaffMemberSortField {
  name = 'name',
  homeCommunityId = 'homeCommunityId',
  active = 'active',
  createdAt = 'createdAt',
}
registerEnumType(StaffMemberSortField, { name: 'StaffMemberSortField' });

export const StaffMemberListOptions = ListOptionsType('StaffMember', StaffMemberFilter, StaffMemberSortField);
export const StaffMemberList = PaginatedType('StaffMember', StaffMember);
