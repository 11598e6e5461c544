import { PlanStatus, PlanStepKind, PostSlot, UnitLevel } from '@community-grid/shared';
import { ArrayMaxSize, MaxLength } from 'class-validator';
import { GraphQLJSONObject, LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CommandChange } from '../../core/command';
import { BaseFilter, ListOptionsType, PaginatedType } from '../../core/list/list-options';
import { DateOperators, EnumOperators, IdOperators, StringOperators } from '../../core/list/operators';
import { Text } from '../../core/inputs';
import { ReorganizationImpact } from './impact';
import { ReorganizationPlan } from './plan.entity';

const UNIT = 'An id, or "new:<step id>" for the unit an earlier step of the plan creates.';

@InputType()
export class CreateReorganizationPlanInput {
  @Field() @Text(100) name!: string;
  @Field({ nullable: true }) @MaxLength(2000) description?: string;
  @Field(() => LocalDateResolver) effectiveOn!: string;
}

@InputType()
export class UpdateReorganizationPlanInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field({ nullable: true }) @Text(100) name?: string;
  @Field({ nullable: true }) @MaxLength(2000) description?: string;
  @Field(() => LocalDateResolver, { nullable: true }) effectiveOn?: string;
}

/** The parameters of a step; which apply depends on its kind (the API refuses missing or stray ones with field messages). */
@InputType('StepParamsInput')
@ObjectType('ReorganizationStepParams')
export class StepParamsInput {
  @Field(() => UnitLevel, {
    nullable: true,
    description: 'CREATE_UNIT (COMMUNITY, GRID), END_UNIT and RENAME_UNIT (OFFICE, COMMUNITY, GRID).',
  })
  level?: UnitLevel;
  @Field({ nullable: true, description: `The unit the step acts on. ${UNIT}` }) @MaxLength(20) unitId?: string;
  @Field(() => [String], { nullable: true, description: 'MERGE_GRIDS: the grids merged (they end).' })
  @ArrayMaxSize(100)
  unitIds?: string[];
  @Field({ nullable: true, description: `END_UNIT: where its members go; MERGE_GRIDS, MOVE_HOUSEHOLDS: the grid they go to. ${UNIT}` })
  @MaxLength(20)
  targetId?: string;
  @Field({ nullable: true, description: `CREATE_UNIT GRID, MOVE_GRID, SPLIT_GRID: the community. ${UNIT}` })
  @MaxLength(20)
  communityId?: string;
  @Field({ nullable: true }) @MaxLength(20) code?: string;
  @Field({ nullable: true }) @MaxLength(100) name?: string;
  @Field({ nullable: true }) @MaxLength(100) nameEn?: string;
  @Field({ nullable: true }) @MaxLength(200) address?: string;
  @Field({ nullable: true }) @MaxLength(30) phone?: string;
  @Field(() => [String], { nullable: true, description: 'CREATE_UNIT COMMUNITY: offices whose territory it takes over.' })
  @ArrayMaxSize(50)
  predecessorOfficeIds?: string[];
  @Field(() => [String], { nullable: true, description: 'CREATE_UNIT COMMUNITY: communities whose territory it takes over.' })
  @ArrayMaxSize(50)
  predecessorCommunityIds?: string[];
  @Field(() => [String], { nullable: true, description: 'SPLIT_GRID, MOVE_HOUSEHOLDS: the households, listed.' })
  @ArrayMaxSize(5000)
  householdIds?: string[];
  @Field({
    nullable: true,
    description: 'SPLIT_GRID, MOVE_HOUSEHOLDS: every household of the grid in this courtyard (address prefix, e.g. "建国路3号院").',
  })
  @MaxLength(100)
  courtyard?: string;
  @Field({
    nullable: true,
    description: 'SPLIT_GRID, MOVE_HOUSEHOLDS: every household of the grid in this building (e.g. "建国路3号院2号楼").',
  })
  @MaxLength(100)
  building?: string;
  @Field({ nullable: true }) @MaxLength(20) staffMemberId?: string;
  @Field({ nullable: true, description: 'TRANSFER_STAFF: the community whose assignments end.' }) @MaxLength(20) fromCommunityId?: string;
  @Field(() => [String], { nullable: true, description: 'TRANSFER_STAFF: grids served from the day.' })
  @ArrayMaxSize(10)
  gridIds?: string[];
  @Field({ nullable: true, description: 'TRANSFER_STAFF: a post held from the day (with slot).' }) @MaxLength(20) postId?: string;
  @Field(() => PostSlot, { nullable: true }) slot?: PostSlot;
  @Field({ nullable: true, description: 'END_ASSIGNMENT: a grid assignment.' }) @MaxLength(20) assignmentId?: string;
  @Field({ nullable: true, description: 'END_ASSIGNMENT: a post holding.' }) @MaxLength(20) postHolderId?: string;
}

@InputType()
export class AddReorganizationStepInput {
  @Field(() => ID) planId!: string;
  @Field(() => PlanStepKind) kind!: PlanStepKind;
  @Field(() => StepParamsInput) params!: StepParamsInput;
  @Field(() => Int, { nullable: true, description: 'Where to insert it (from 1); default last.' }) position?: number;
}

@InputType()
export class UpdateReorganizationStepInput {
  @Field(() => ID) id!: string;
  @Field(() => StepParamsInput) params!: StepParamsInput;
}

@ObjectType({ description: 'Why a step failed (the code and fields of the error its commands raised).' })
export class StepError {
  @Field() code!: string;
  @Field() message!: string;
  @Field(() => String, { nullable: true }) reason?: string;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Input field → message.' }) fields?: Record<string, string> | null;
}

@ObjectType({ description: 'One step of a run: whether it went through, and what it wrote.' })
export class StepOutcome {
  @Field(() => ID) stepId!: number;
  @Field(() => Int) position!: number;
  @Field(() => PlanStepKind) kind!: PlanStepKind;
  @Field() ok!: boolean;
  @Field(() => StepError, { nullable: true }) error!: StepError | null;
  @Field(() => Int) changeCount!: number;
}

@ObjectType({ description: 'What applying (or reverting) a plan did, or with dryRun would do: per step, the impact, and every write.' })
export class ReorganizationOutcome {
  @Field() dryRun!: boolean;
  @Field({ description: 'Whether every step went through (a real run that is not ok changes nothing and is an error).' }) ok!: boolean;
  @Field() correlationId!: string;
  @Field(() => LocalDateResolver, { description: "The day the figures are for: the plan's day, or the revert's." }) day!: string;
  @Field(() => ReorganizationPlan) plan!: ReorganizationPlan;
  @Field(() => [StepOutcome]) steps!: StepOutcome[];
  @Field(() => [String], { description: 'Problems of the plan as a whole (e.g. a community left with no grids).' }) problems!: string[];
  @Field(() => ReorganizationImpact) impact!: ReorganizationImpact;
  @Field(() => Int) changeCount!: number;
  @Field(() => [CommandChange]) changes!: CommandChange[];
}

const PlanStatusOperators = EnumOperators(PlanStatus, 'PlanStatus');

@InputType()
export class ReorganizationPlanFilter extends BaseFilter {
  @Field({ nullable: true }) name?: StringOperators;
  @Field({ nullable: true }) authorId?: IdOperators;
  @Field(() => PlanStatusOperators, { nullable: true }) status?: object;
  @Field({ nullable: true }) effectiveOn?: DateOperators;
}

export enum ReorganizationPlanSortField {
  name = 'name',
  effectiveOn = 'effectiveOn',
  status = 'status',
  createdAt = 'createdAt',
}
registerEnumType(ReorganizationPlanSortField, { name: 'ReorganizationPlanSortField' });

export const ReorganizationPlanListOptions = ListOptionsType('ReorganizationPlan', ReorganizationPlanFilter, ReorganizationPlanSortField);
export const ReorganizationPlanList = PaginatedType('ReorganizationPlan', ReorganizationPlan);

@ObjectType({ description: 'Households and residents of an earlier unit that a later unit holds (restating figures across a reform).' })
export class CrosswalkRow {
  @Field(() => ID) fromId!: number;
  @Field() fromCode!: string;
  @Field() fromName!: string;
  @Field(() => ID, { nullable: true, description: 'Null for households that no longer exist on the later day.' }) toId!: number | null;
  @Field(() => String, { nullable: true }) toCode!: string | null;
  @Field(() => String, { nullable: true }) toName!: string | null;
  @Field(() => Int) households!: number;
  @Field(() => Int) residents!: number;
}

@ObjectType()
export class Crosswalk {
  @Field(() => LocalDateResolver) from!: string;
  @Field(() => LocalDateResolver) to!: string;
  @Field(() => UnitLevel) level!: UnitLevel;
  @Field(() => [CrosswalkRow]) rows!: CrosswalkRow[];
  @Field({ description: 'The same rows as CSV (UTF-8, header line first).' }) csv!: string;
}
