import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AbsenceReason, DutyGapKind, PostKind, PostSlot, RoleCoverageStatus } from '@community-grid/shared';
import { IsLocalDate, Text } from '../../core/inputs';
import { BaseFilter, DatedFilter, ListOptionsType, PaginatedType } from '../../core/list/list-options';
import { IdOperators } from '../../core/list/operators';
import { Absence } from './absence.entity';
import { GridAssignment } from './grid-assignment.entity';
import { Post, PostHolder, PostRotation } from './post.entity';
import { DutyStatus } from './coverage.service';

registerEnumType(RoleCoverageStatus, { name: 'RoleCoverageStatus' });
registerEnumType(DutyGapKind, { name: 'DutyGapKind' });

@InputType()
class PostKindOperators {
  @Field(() => PostKind, { nullable: true }) eq?: PostKind;
}
@InputType()
class PostSlotOperators {
  @Field(() => PostSlot, { nullable: true }) eq?: PostSlot;
}
@InputType()
class AbsenceReasonOperators {
  @Field(() => AbsenceReason, { nullable: true }) eq?: AbsenceReason;
}

// --- Posts ----------------------------------------------------------------------------------------

@InputType()
export class PostFilter extends BaseFilter {
  @Field({ nullable: true }) communityId?: IdOperators;
  @Field({ nullable: true }) kind?: PostKindOperators;
  @Field({ nullable: true }) specialistRoleId?: IdOperators;
  @Field({ nullable: true }) serviceWindowId?: IdOperators;
}
export enum PostSortField {
  communityId = 'communityId',
  kind = 'kind',
  createdAt = 'createdAt',
}
registerEnumType(PostSortField, { name: 'PostSortField' });
export const PostListOptions = ListOptionsType('Post', PostFilter, PostSortField);
export const PostList = PaginatedType('Post', Post);

@InputType()
export class PostHolderFilter extends DatedFilter {
  @Field({ nullable: true }) communityId?: IdOperators;
  @Field({ nullable: true }) postId?: IdOperators;
  @Field({ nullable: true }) staffMemberId?: IdOperators;
  @Field({ nullable: true }) slot?: PostSlotOperators;
}
export enum PostHolderSortField {
  postId = 'postId',
  slot = 'slot',
  staffMemberId = 'staffMemberId',
  createdAt = 'createdAt',
}
registerEnumType(PostHolderSortField, { name: 'PostHolderSortField' });
export const PostHolderListOptions = ListOptionsType('PostHolder', PostHolderFilter, PostHolderSortField);
export const PostHolderList = PaginatedType('PostHolder', PostHolder);

@InputType()
export class AssignPostHolderInput {
  @Field(() => ID) postId!: string;
  @Field(() => PostSlot) slot!: PostSlot;
  @Field(() => ID, { description: "A member of staff working in the post's community." }) staffMemberId!: string;
  @Field(() => LocalDateResolver, { nullable: true, description: 'First day (default today).' })
  @IsOptional()
  @IsLocalDate()
  validFrom?: string;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day (inclusive); open when left out.' })
  @IsOptional()
  @IsLocalDate()
  validUntil?: string;
}

@InputType({
  description: 'From effectiveOn the holder holds another post or slot, or hands over to another person: the period ends the day before.',
})
export class MovePostHolderInput {
  @Field(() => ID) id!: string;
  @Field(() => LocalDateResolver) @IsLocalDate() effectiveOn!: string;
  @Field(() => ID, { nullable: true }) postId?: string;
  @Field(() => PostSlot, { nullable: true }) slot?: PostSlot;
  @Field(() => ID, { nullable: true, description: 'Another person takes over the slot.' }) staffMemberId?: string;
}

@InputType()
export class PostRotationFilter extends DatedFilter {
  @Field({ nullable: true }) communityId?: IdOperators;
  @Field({ nullable: true }) postId?: IdOperators;
}
export enum PostRotationSortField {
  postId = 'postId',
  createdAt = 'createdAt',
}
registerEnumType(PostRotationSortField, { name: 'PostRotationSortField' });
export const PostRotationListOptions = ListOptionsType('PostRotation', PostRotationFilter, PostRotationSortField);
export const PostRotationList = PaginatedType('PostRotation', PostRotation);

@InputType({
  description:
    'A and B of the post swap every everyWeeks weeks: from validFrom (the first swap day) B is responsible for everyWeeks weeks, then A, and so on.',
})
export class RotatePostInput {
  @Field(() => ID) postId!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(52) everyWeeks!: number;
  @Field(() => LocalDateResolver, { nullable: true, description: 'The first swap day (default today).' })
  @IsOptional()
  @IsLocalDate()
  validFrom?: string;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day (inclusive); open when left out.' })
  @IsOptional()
  @IsLocalDate()
  validUntil?: string;
}

// --- Grid members ---------------------------------------------------------------------------------

@InputType()
export class GridAssignmentFilter extends DatedFilter {
  @Field({ nullable: true }) gridId?: IdOperators;
  @Field({ nullable: true }) staffMemberId?: IdOperators;
}
export enum GridAssignmentSortField {
  gridId = 'gridId',
  staffMemberId = 'staffMemberId',
  createdAt = 'createdAt',
}
registerEnumType(GridAssignmentSortField, { name: 'GridAssignmentSortField' });
export const GridAssignmentListOptions = ListOptionsType('GridAssignment', GridAssignmentFilter, GridAssignmentSortField);
export const GridAssignmentList = PaginatedType('GridAssignment', GridAssignment);

@InputType()
export class AssignGridMemberInput {
  @Field(() => ID) gridId!: string;
  @Field(() => ID) staffMemberId!: string;
  @Field(() => LocalDateResolver, { nullable: true, description: 'First day (default today).' })
  @IsOptional()
  @IsLocalDate()
  validFrom?: string;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day (inclusive); open when left out.' })
  @IsOptional()
  @IsLocalDate()
  validUntil?: string;
}

@InputType({ description: 'From effectiveOn the member serves another grid; the assignment ends the day before.' })
export class MoveGridMemberInput {
  @Field(() => ID) id!: string;
  @Field(() => LocalDateResolver) @IsLocalDate() effectiveOn!: string;
  @Field(() => ID) gridId!: string;
}

// --- Absences -------------------------------------------------------------------------------------

@InputType()
export class AbsenceFilter extends DatedFilter {
  @Field({ nullable: true }) staffMemberId?: IdOperators;
  @Field({ nullable: true }) reason?: AbsenceReasonOperators;
}
export enum AbsenceSortField {
  staffMemberId = 'staffMemberId',
  reason = 'reason',
  createdAt = 'createdAt',
}
registerEnumType(AbsenceSortField, { name: 'AbsenceSortField' });
export const AbsenceListOptions = ListOptionsType('Absence', AbsenceFilter, AbsenceSortField);
export const AbsenceList = PaginatedType('Absence', Absence);

@InputType()
export class CreateAbsenceInput {
  @Field(() => ID) staffMemberId!: string;
  @Field(() => LocalDateResolver, { description: 'First day away.' }) @IsLocalDate() validFrom!: string;
  @Field(() => LocalDateResolver, { description: 'Last day away (inclusive).' }) @IsLocalDate() validUntil!: string;
  @Field(() => AbsenceReason) reason!: AbsenceReason;
  @Field({ nullable: true }) @IsOptional() @Text(200) note?: string;
}

@InputType()
export class UpdateAbsenceInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The version you read.' }) version!: number;
  @Field(() => LocalDateResolver, { nullable: true }) @IsOptional() @IsLocalDate() validFrom?: string;
  @Field(() => LocalDateResolver, { nullable: true }) @IsOptional() @IsLocalDate() validUntil?: string;
  @Field(() => AbsenceReason, { nullable: true }) reason?: AbsenceReason;
  @Field({ nullable: true }) @IsOptional() @Text(200) note?: string;
}

// --- Coverage and duty ----------------------------------------------------------------------------

@ObjectType({ description: "A community's specialist role on a day." })
export class RoleCoverage {
  @Field(() => LocalDateResolver) day!: string;
  @Field(() => ID) communityId!: number;
  @Field(() => ID) specialistRoleId!: number;
  @Field(() => RoleCoverageStatus) status!: RoleCoverageStatus;
  @Field(() => ID, { nullable: true, description: "The community's post for the role, if it has one." }) postId!: number | null;
  @Field(() => ID, { nullable: true }) holderAId!: number | null;
  @Field(() => ID, { nullable: true }) holderBId!: number | null;
  @Field(() => ID, { nullable: true, description: 'Who is on duty: A, or B covering; null when VACANT or NOT_REQUIRED.' }) onDutyId!:
    number | null;
}

@ObjectType({ description: 'Who is at one required post on one day.' })
export class DutyRosterEntry {
  @Field(() => LocalDateResolver) day!: string;
  @Field(() => ID) communityId!: number;
  @Field(() => ID) postId!: number;
  @Field(() => DutyStatus) status!: DutyStatus;
  @Field(() => ID, { nullable: true, description: 'Who is on duty; null for a gap.' }) onDutyId!: number | null;
  @Field({ description: 'The one covering is also needed at another post the same day.' }) doubleDuty!: boolean;
}

@ObjectType({ description: "A gap in a community's staffing on one day." })
export class DutyGap {
  @Field(() => LocalDateResolver) day!: string;
  @Field(() => DutyGapKind) kind!: DutyGapKind;
  @Field(() => ID) communityId!: number;
  @Field(() => ID, { nullable: true, description: 'The post, for post gaps.' }) postId!: number | null;
  @Field(() => ID, { nullable: true, description: 'The grid, for grid gaps.' }) gridId!: number | null;
  @Field(() => ID, { nullable: true, description: 'Who: the B needed twice, or the unavailable grid member.' }) staffMemberId!:
    number | null;
  @Field(() => Int, { nullable: true, description: 'For grids below or above two: how many members served it.' }) memberCount!:
    number | null;
}
