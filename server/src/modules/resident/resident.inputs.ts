import { LocalDateResolver } from 'graphql-scalars';
import { ArrayMaxSize, IsEnum, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { Gender, RelationToHead, ResidentTag } from '../../core/graphql-enums';
import {
  DatedChangeInputType,
  DatedCreateInputType,
  DatedUpdateInputType,
  Input,
  InputMode,
  IsLocalDate,
  IsPhone,
  IsResidentIdNumber,
  Text,
} from '../../core/inputs';
import { DatedFilter, ListOptionsType, PaginatedType } from '../../core/list/list-options';
import { DateOperators, EnumOperators, EnumSetOperators, IdOperators, StringOperators } from '../../core/list/operators';
import { Resident } from './resident.entity';

function ResidentFields(mode: InputMode) {
  @InputType(`ResidentFields${mode === 'create' ? 'ForCreate' : 'ForUpdate'}`)
  class Fields {
    @Input(mode, () => ID) householdId!: string;
    @Input(mode, () => String) @Text(50) name!: string;
    @Input(mode, () => Gender) gender!: Gender;
    @Input(mode, () => LocalDateResolver) @IsLocalDate() birthDate!: string;
    @Input(mode, () => String, { description: '18 characters, GB 11643 check character; must match birthDate and gender.' })
    @IsResidentIdNumber()
    idNumber!: string;
    @Input(mode, () => String, { optional: true }) @IsPhone() phone?: string | null;
    @Input(mode, () => RelationToHead) relationToHead!: RelationToHead;
    @Input(mode, () => [ResidentTag], { optional: true }) @ArrayMaxSize(10) @IsEnum(ResidentTag, { each: true }) tags?: ResidentTag[];
  }
  return Fields;
}

@InputType('ResidentFieldsForChange')
class ResidentChangeFields {
  @Field(() => ID, { nullable: true, description: 'The household the resident moves to.' }) householdId?: string;
  @Field(() => RelationToHead, { nullable: true }) relationToHead?: RelationToHead;
  @Field(() => [ResidentTag], { nullable: true }) @ArrayMaxSize(10) @IsEnum(ResidentTag, { each: true }) tags?: ResidentTag[];
}

@InputType()
export class CreateResidentInput extends DatedCreateInputType(ResidentFields('create')) {}
@InputType()
export class UpdateResidentInput extends DatedUpdateInputType(ResidentFields('update')) {}
@InputType()
export class ChangeResidentInput extends DatedChangeInputType('Resident', ResidentChangeFields) {}

const GenderOperators = EnumOperators(Gender, 'Gender');
const RelationToHeadOperators = EnumOperators(RelationToHead, 'RelationToHead');
const ResidentTagSetOperators = EnumSetOperators(ResidentTag, 'ResidentTag');

/**
 * A lookup by ID number or phone: the whole value, or the 4 trailing characters
 * the mask shows. Never a part of it (that would reveal it digit by digit); each
 * lookup is recorded in the audit trail (LOOKUP): the search, with how many it matched, and each resident shown.
 */
@InputType({
  description:
    'Lookup by personal data: the exact value, or its last 4 characters (the ones the mask shows). Only for roles that may reveal personal data; the search (with how many it matched) and every resident shown are recorded in the audit trail.',
})
export class PersonalDataOperators {
  @Field({ nullable: true }) @MaxLength(20) eq?: string;
  @Field({ nullable: true, description: 'Exactly 4 characters: matches values ending with them.' }) @Length(4, 4) last4?: string;
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType()
export class ResidentFilter extends DatedFilter {
  @Field({ nullable: true, description: 'The household on the day read.' }) householdId?: IdOperators;
  @Field({ nullable: true, description: 'Residents of households in this grid on the day read.' }) gridId?: IdOperators;
  @Field({ nullable: true, description: 'Residents of households in this community on the day read.' }) communityId?: IdOperators;
  @Field({ nullable: true }) name?: StringOperators;
  @Field(() => GenderOperators, { nullable: true }) gender?: object;
  @Field({
    nullable: true,
    description:
      'Roles without the right to reveal personal data may only use whole age bands: gte/lt on a first day (1985-01-01), lte/gt on a last day (1989-12-31).',
  })
  birthDate?: DateOperators;
  @Field({ nullable: true }) idNumber?: PersonalDataOperators;
  @Field({ nullable: true }) phone?: PersonalDataOperators;
  @Field(() => RelationToHeadOperators, { nullable: true }) relationToHead?: object;
  @Field(() => ResidentTagSetOperators, { nullable: true }) tags?: object;
}

/** birthDate sorts by age band (then id) for roles without the right to reveal personal data. */
export enum ResidentSortField {
  name = 'name',
  birthDate = 'birthDate',
  gender = 'gender',
  householdId = 'householdId',
  createdAt = 'createdAt',
}
registerEnumType(ResidentSortField, { name: 'ResidentSortField' });

export const ResidentListOptions = ListOptionsType('Resident', ResidentFilter, ResidentSortField);
export const ResidentList = PaginatedType('Resident', Resident);
