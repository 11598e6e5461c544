import { ArrayMaxSize, IsInt, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '@community-grid/shared';
import { Input, InputMode, Text, UpdateInputType } from '../../core/inputs';
import { BaseFilter, ListOptionsType, PaginatedType } from '../../core/list/list-options';
import { BooleanOperators, EnumOperators, StringOperators } from '../../core/list/operators';
import { MIN_PASSWORD_LENGTH } from '../../core/passwords';
import { Account } from './account.entity';
import { ApiToken } from './credential.entities';

function AccountFields(mode: InputMode) {
  @InputType(`AccountFields${mode === 'create' ? 'ForCreate' : 'ForUpdate'}`)
  class Fields {
    @Input(mode, () => String) @Text(100) displayName!: string;
    @Input(mode, () => Role) role!: Role;
    @Input(mode, () => [ID], { optional: true, description: 'Required for coordinators (one or more) and window staff (exactly one).' })
    @ArrayMaxSize(20)
    communityIds?: string[];
    @Input(mode, () => [ID], { optional: true, description: 'Required for grid members.' }) @ArrayMaxSize(50) gridIds?: string[];
    @Input(mode, () => ID, { optional: true, description: 'Required for grid members.' }) staffMemberId?: string | null;
    @Input(mode, () => Boolean, { optional: true, description: 'A disabled account cannot sign in; its sessions end.' }) disabled?: boolean;
  }
  return Fields;
}

@InputType()
export class CreateAccountInput extends AccountFields('create') {
  @Field() @Text(50) username!: string;
  @Field({ description: `At least ${MIN_PASSWORD_LENGTH} characters.` })
  @MinLength(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(200)
  password!: string;
}

@InputType()
export class UpdateAccountInput extends UpdateInputType(AccountFields('update')) {}

const RoleOperators = EnumOperators(Role, 'Role');

@InputType()
export class AccountFilter extends BaseFilter {
  @Field({ nullable: true }) username?: StringOperators;
  @Field(() => RoleOperators, { nullable: true }) role?: object;
  @Field({ nullable: true }) disabled?: BooleanOperators;
}

export enum AccountSortField {
  username = 'username',
  role = 'role',
  createdAt = 'createdAt',
}
registerEnumType(AccountSortField, { name: 'AccountSortField' });

export const AccountListOptions = ListOptionsType('Account', AccountFilter, AccountSortField);
export const AccountList = PaginatedType('Account', Account);

@InputType()
export class CreateApiTokenInput {
  @Field() @Text(100) name!: string;
  @Field(() => Int, { defaultValue: 90, description: 'Days until it expires, 1 to 365.' })
  @IsInt()
  @Min(1)
  @Max(365)
  expiresInDays!: number;
}

@ObjectType({ description: 'A new API token. `token` is shown this once; keep it safe.' })
export class CreatedApiToken {
  @Field() token!: string;
  @Field(() => ApiToken) apiToken!: ApiToken;
}
