import { IsBoolean, IsIn, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested, ArrayMaxSize } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AffairChannel, AffairStatus, AffairTransition, CalendarDayKind, RouteReason, VisitPurpose } from '@community-grid/shared';
import { Input, InputMode, IsLocalDate, Text, UpdateInputType } from '../../core/inputs';
import { BaseFilter, ListOptionsType, PaginatedType } from '../../core/list/list-options';
import { BooleanOperators, DateOperators, EnumOperators, IdOperators, NumberOperators, StringOperators } from '../../core/list/operators';
import { Household } from '../household/household.entity';
import { Affair, Visit } from './affair.entity';
import { CalendarDay } from './calendar-day.entity';
import { ServiceCategory } from './service-category.entity';

// --- Categories -----------------------------------------------------------------------------------

function CategoryFields(mode: InputMode) {
  @InputType(`ServiceCategoryFields${mode === 'create' ? 'ForCreate' : 'ForUpdate'}`)
  class Fields {
    @Input(mode, () => String, { description: 'Stable code of capitals and underscores.' }) @Text(40) code!: string;
    @Input(mode, () => String) @Text(100) name!: string;
    @Input(mode, () => String) @Text(100) nameEn!: string;
    @Input(mode, () => ID, { optional: true, description: 'The specialist role that handles it; null: the coordinator post.' })
    specialistRoleId?: string | null;
    @Input(mode, () => Int) @IsInt() @Min(1) @Max(60) dueWorkingDays!: number;
    @Input(mode, () => Boolean, { optional: true }) @IsBoolean() active?: boolean;
  }
  return Fields;
}
@InputType()
export class CreateServiceCategoryInput extends CategoryFields('create') {}
@InputType()
export class UpdateServiceCategoryInput extends UpdateInputType(CategoryFields('update')) {}

@InputType()
export class ServiceCategoryFilter extends BaseFilter {
  @Field({ nullable: true }) code?: StringOperators;
  @Field({ nullable: true }) specialistRoleId?: IdOperators;
  @Field({ nullable: true }) active?: BooleanOperators;
}
export enum ServiceCategorySortField {
  code = 'code',
  name = 'name',
  nameEn = 'nameEn',
  dueWorkingDays = 'dueWorkingDays',
  id = 'id',
}
registerEnumType(ServiceCategorySortField, { name: 'ServiceCategorySortField' });
export const ServiceCategoryListOptions = ListOptionsType('ServiceCategory', ServiceCategoryFilter, ServiceCategorySortField);
export const ServiceCategoryList = PaginatedType('ServiceCategory', ServiceCategory);

// --- Calendar -------------------------------------------------------------------------------------

function CalendarFields(mode: InputMode) {
  @InputType(`CalendarDayFields${mode === 'create' ? 'ForCreate' : 'ForUpdate'}`)
  class Fields {
    @Input(mode, () => LocalDateResolver) @IsLocalDate() day!: string;
    @Input(mode, () => CalendarDayKind) kind!: CalendarDayKind;
    @Input(mode, () => String, { optional: true }) @MaxLength(100) name?: string;
  }
  return Fields;
}
@InputType()
export class CreateCalendarDayInput extends CalendarFields('create') {}
@InputType()
export class UpdateCalendarDayInput extends UpdateInputType(CalendarFields('update')) {}

const CalendarDayKindOperators = EnumOperators(CalendarDayKind, 'CalendarDayKind');
@InputType()
export class CalendarDayFilter extends BaseFilter {
  @Field({ nullable: true }) day?: DateOperators;
  @Field(() => CalendarDayKindOperators, { nullable: true }) kind?: { eq?: CalendarDayKind; in?: CalendarDayKind[] };
}
export enum CalendarDaySortField {
  day = 'day',
  kind = 'kind',
}
registerEnumType(CalendarDaySortField, { name: 'CalendarDaySortField' });
export const CalendarDayListOptions = ListOptionsType('CalendarDay', CalendarDayFilter, CalendarDaySortField);
export const CalendarDayList = PaginatedType('CalendarDay', CalendarDay);

@ObjectType({ description: 'Whether a day is a working day, and the due date N working days after it.' })
export class WorkingDayAnswer {
  @Field(() => LocalDateResolver) day!: string;
  @Field() isWorkingDay!: boolean;
  @Field(() => LocalDateResolver, { description: 'The N-th working day after the day (the day itself not counted).' })
  plusWorkingDays!: string;
}

// --- Affairs --------------------------------------------------------------------------------------

const AffairStatusOperators = EnumOperators(AffairStatus, 'AffairStatus');
const AffairChannelOperators = EnumOperators(AffairChannel, 'AffairChannel');
const RouteReasonOperators = EnumOperators(RouteReason, 'RouteReason');

@InputType()
export class AffairFilter extends BaseFilter {
  @Field(() => AffairStatusOperators, { nullable: true }) status?: { eq?: AffairStatus; in?: AffairStatus[] };
  @Field(() => AffairChannelOperators, { nullable: true }) channel?: { eq?: AffairChannel; in?: AffairChannel[] };
  @Field(() => RouteReasonOperators, { nullable: true, description: 'DISTRICT: affairs the district holds.' }) routeReason?: {
    eq?: RouteReason;
    in?: RouteReason[];
  };
  @Field({ nullable: true }) categoryId?: IdOperators;
  @Field({ nullable: true }) communityId?: IdOperators;
  @Field({ nullable: true }) gridId?: IdOperators;
  @Field({ nullable: true }) householdId?: IdOperators;
  @Field({ nullable: true }) residentId?: IdOperators;
  @Field({ nullable: true }) assigneeId?: IdOperators;
  @Field({ nullable: true }) acceptedById?: IdOperators;
  @Field({ nullable: true }) serviceWindowId?: IdOperators;
  @Field({ nullable: true }) acceptedOn?: DateOperators;
  @Field({ nullable: true, description: 'Overdue: status running (CLASSIFIED, ASSIGNED, IN_PROGRESS, RETURNED) and dueOn lt today.' })
  dueOn?: DateOperators;
  @Field({ nullable: true }) resolvedOn?: DateOperators;
  @Field({ nullable: true }) escalationLevel?: NumberOperators;
}
export enum AffairSortField {
  id = 'id',
  acceptedOn = 'acceptedOn',
  dueOn = 'dueOn',
  status = 'status',
  categoryId = 'categoryId',
  communityId = 'communityId',
  escalationLevel = 'escalationLevel',
  updatedAt = 'updatedAt',
}
registerEnumType(AffairSortField, { name: 'AffairSortField' });
export const AffairListOptions = ListOptionsType('Affair', AffairFilter, AffairSortField);
export const AffairList = PaginatedType('Affair', Affair);

@InputType({ description: 'An affair accepted for a resident (or a household), at a window, at the door, by phone or online.' })
export class AcceptAffairInput {
  @Field(() => ID, { nullable: true, description: 'The resident; their household is the one they belong to today.' }) residentId?: string;
  @Field(() => ID, { nullable: true, description: 'The household, when the affair is for the household as a whole.' }) householdId?: string;
  @Field(() => ID, { nullable: true, description: 'The category proposed at acceptance; confirmed when classified.' }) categoryId?: string;
  @Field(() => AffairChannel) channel!: AffairChannel;
  @Field() @Text(2000) description!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The window (channel WINDOW); default: the window post the accepting member of staff holds today.',
  })
  serviceWindowId?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(1000) note?: string;
}

@InputType({
  description:
    "One step of an affair's workflow. CLASSIFY reads categoryId; ASSIGN staffMemberId (default: the one routing chose); RETURN and SUSPEND need a note; CLOSE needs satisfaction (1–5); REJECT needs a reason.",
})
export class AffairTransitionInput {
  @Field(() => ID) id!: string;
  @Field(() => AffairTransition) transition!: AffairTransition;
  @Field({ nullable: true }) @IsOptional() @MaxLength(1000) note?: string;
  @Field(() => ID, { nullable: true }) categoryId?: string;
  @Field(() => ID, { nullable: true }) staffMemberId?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(5) satisfaction?: number;
  @Field({ nullable: true }) @IsOptional() @MaxLength(500) reason?: string;
}

@ObjectType({
  description:
    "Affairs in the caller's reach: open, overdue, due within a working day, resolved this week (from Monday), waiting to be classified.",
})
export class AffairCounts {
  @Field(() => Int) open!: number;
  @Field(() => Int) overdue!: number;
  @Field(() => Int) dueSoon!: number;
  @Field(() => Int) resolvedThisWeek!: number;
  @Field(() => Int) toClassify!: number;
}

// --- Visits ---------------------------------------------------------------------------------------

@InputType({ description: 'An affair raised during a visit (channel DOOR_VISIT).' })
export class VisitAffairInput {
  @Field(() => ID, { nullable: true, description: 'A resident of the household; null: the household.' }) residentId?: string;
  @Field(() => ID, { nullable: true }) categoryId?: string;
  @Field() @Text(2000) description!: string;
}

@InputType()
export class RecordVisitInput {
  @Field(() => ID) householdId!: string;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Default today; never after today.' })
  @IsOptional()
  @IsLocalDate()
  visitedOn?: string;
  @Field(() => ID, { nullable: true, description: "The grid member who visited; default the caller's staff record." })
  staffMemberId?: string;
  @Field(() => VisitPurpose) @IsIn(Object.values(VisitPurpose)) purpose!: VisitPurpose;
  @Field({ defaultValue: '' }) @MaxLength(2000) findings!: string;
  @Field({ defaultValue: false }) followUp!: boolean;
  @Field(() => [VisitAffairInput], { nullable: true, description: 'Affairs raised on the spot.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  affairs?: VisitAffairInput[];
  @Field({ nullable: true, description: "A correction of the household's address seen at the door (audited)." })
  @IsOptional()
  @Text(200)
  address?: string;
}

const VisitPurposeOperators = EnumOperators(VisitPurpose, 'VisitPurpose');
@InputType()
export class VisitFilter extends BaseFilter {
  @Field({ nullable: true }) householdId?: IdOperators;
  @Field({ nullable: true }) gridId?: IdOperators;
  @Field({ nullable: true }) communityId?: IdOperators;
  @Field({ nullable: true }) staffMemberId?: IdOperators;
  @Field({ nullable: true }) visitedOn?: DateOperators;
  @Field(() => VisitPurposeOperators, { nullable: true }) purpose?: { eq?: VisitPurpose; in?: VisitPurpose[] };
  @Field({ nullable: true }) followUp?: BooleanOperators;
}
export enum VisitSortField {
  id = 'id',
  visitedOn = 'visitedOn',
  gridId = 'gridId',
}
registerEnumType(VisitSortField, { name: 'VisitSortField' });
export const VisitListOptions = ListOptionsType('Visit', VisitFilter, VisitSortField);
export const VisitList = PaginatedType('Visit', Visit);

@ObjectType({ description: 'Visit coverage of a grid on a day: households visited in the last 90 days.' })
export class GridVisitCoverage {
  @Field(() => ID) gridId!: number;
  @Field(() => ID) communityId!: number;
  @Field(() => Int) households!: number;
  @Field(() => Int, { description: 'Households visited in the 90 days up to the day.' }) visited!: number;
  @Field({ description: 'visited / households (0 for a grid without households).' }) share!: number;
  @Field(() => Int) neverVisited!: number;
  @Field(() => Int, {
    description: 'Households with a special-population resident (elderly alone, disabled, left-behind child) not visited in 30 days.',
  })
  specialDue!: number;
}

@ObjectType({
  description:
    'A household with its visit due date: 90 days after its last visit (30 for special-population households); never visited: due since it joined.',
})
export class HouseholdVisitDue {
  @Field(() => Household) household!: Household;
  @Field(() => LocalDateResolver, { nullable: true }) lastVisitedOn!: string | null;
  @Field(() => LocalDateResolver) dueOn!: string;
  @Field({ description: 'Has a special-population resident.' }) special!: boolean;
}
@ObjectType()
export class HouseholdVisitDueList {
  @Field(() => [HouseholdVisitDue]) items!: HouseholdVisitDue[];
  @Field(() => Int) totalItems!: number;
}
