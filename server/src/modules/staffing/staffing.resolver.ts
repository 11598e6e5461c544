import { DutyGapKind } from '@community-grid/shared';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../core/access';
import { CommandResultType, runCommand } from '../../core/command';
import { AS_OF, CrudResolver, dayOf } from '../../core/crud.resolver';
import { findList, hydrate, readQuery } from '../../core/list/list-query-builder';
import type { ListOptions } from '../../core/list/list-options';
import { groupBy } from '../../core/loaders';
import type { RequestContext } from '../../core/request-context';
import { addDays } from '../../core/time/validity';
import { Community } from '../community/community.entity';
import { Grid } from '../grid/grid.entity';
import { ServiceWindow } from '../service-window/service-window.entity';
import { StaffMember } from '../staff-member/staff-member.entity';
import { Absence } from './absence.entity';
import { coverageService } from './coverage.service';
import { GridAssignment } from './grid-assignment.entity';
import { Post, PostHolder, PostRotation } from './post.entity';
import { SpecialistRole } from './specialist-role.entity';
import {
  AbsenceList,
  AbsenceListOptions,
  AssignGridMemberInput,
  AssignPostHolderInput,
  CreateAbsenceInput,
  DutyGap,
  DutyRosterEntry,
  GridAssignmentList,
  GridAssignmentListOptions,
  MoveGridMemberInput,
  MovePostHolderInput,
  PostHolderList,
  PostHolderListOptions,
  PostList,
  PostListOptions,
  PostRotationList,
  PostRotationListOptions,
  RoleCoverage,
  RotatePostInput,
  UpdateAbsenceInput,
} from './staffing.inputs';
import { staffingService } from './staffing.service';
import { StaffingTemplate, TemplateAdoption } from './staffing-template.entity';
import {
  AdoptTemplateInput,
  CreateStaffingTemplateInput,
  StaffingTemplateList,
  StaffingTemplateListOptions,
  TemplateAdoptionList,
  TemplateAdoptionListOptions,
  UpdateStaffingTemplateInput,
} from './staffing-template.inputs';
import { staffingTemplateService } from './staffing-template.service';

const NO_SEARCH = { searchColumns: [] as never[] };
const DRY_RUN = 'With dryRun, nothing is kept.';

/** The periods of one kind for many parents on one day (all of them with includeEnded): one statement. */
function periodsOf<T extends object>(ctx: RequestContext, entity: new () => T, column: string, day: string, includeEnded = false) {
  return ctx.loaders.custom<T[]>(`periods:${entity.name}:${column}:${day}:${includeEnded}`, async (ids) => {
    const qb = readQuery(ctx, entity, { asOf: day, includeEnded })
      .andWhere(`e.${column} = ANY(:ids)`, { ids: [...ids] })
      .orderBy('lower(e.valid)')
      .addOrderBy('e.id');
    const rows = await hydrate(ctx.em, entity, await qb.getRawMany(), day);
    return groupBy(ids, rows, (row) => (row as Record<string, number>)[column.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase())]);
  });
}

// --- Templates ----------------------------------------------------------------------------------

const TemplateAdoptionResult = CommandResultType('TemplateAdoption', TemplateAdoption);

@Resolver(() => StaffingTemplate)
export class StaffingTemplateResolver extends CrudResolver({
  entity: StaffingTemplate,
  name: 'StaffingTemplate',
  plural: 'staffingTemplates',
  list: StaffingTemplateList,
  listOptions: StaffingTemplateListOptions,
  createInput: CreateStaffingTemplateInput,
  updateInput: UpdateStaffingTemplateInput,
  service: staffingTemplateService,
  resource: 'staffingTemplates',
}) {
  @FieldResolver(() => [SpecialistRole], { description: 'The roles the template requires, as named on the day (retired ones included).' })
  roles(
    @Root() template: StaffingTemplate & { asOf?: string },
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    const day = dayOf(ctx, template, asOf);
    return ctx.loaders
      .custom<SpecialistRole[]>(`template-roles:${day}`, async (ids) => {
        const raws = await readQuery(ctx, SpecialistRole, { asOf: day, includeEnded: true })
          .innerJoin('staffing_template_role', 'tr', 'tr.specialist_role_id = e.id')
          .addSelect('tr.template_id', 'template_id')
          .andWhere('tr.template_id = ANY(:ids)', { ids: [...ids] })
          .orderBy('e.code')
          .getRawMany();
        const roles = await hydrate(ctx.em, SpecialistRole, raws, day);
        const byTemplate = groupBy(
          ids,
          raws.map((raw, i) => ({ key: Number(raw.template_id), role: roles[i] })),
          (row) => row.key,
        );
        return byTemplate.map((rows) => rows.map((row) => row.role));
      })
      .load(template.id);
  }

  @Query(() => TemplateAdoptionList, {
    description: 'Which template each community follows on the day (every adoption with filter.includeEnded).',
  })
  @Allow('templateAdoptions', 'list')
  templateAdoptions(
    @Ctx() ctx: RequestContext,
    @Arg('options', () => TemplateAdoptionListOptions, { nullable: true }) options?: ListOptions,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    return findList(ctx, TemplateAdoption, options, NO_SEARCH, { asOf: dayOf(ctx, null, asOf) });
  }

  @Mutation(() => TemplateAdoptionResult, {
    description: `The community follows the template from effectiveOn (possibly in the future); the adoption before ends the day before, and the posts the template requires are opened. ${DRY_RUN}`,
  })
  @Allow('templateAdoptions', 'create')
  adoptTemplate(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AdoptTemplateInput) input: AdoptTemplateInput,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    return runCommand(ctx, dryRun, () => staffingService.adoptTemplate(ctx, input));
  }
}

@Resolver(() => TemplateAdoption)
export class TemplateAdoptionResolver {
  @FieldResolver(() => StaffingTemplate)
  template(@Root() adoption: TemplateAdoption, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(StaffingTemplate, adoption.asOf).load(adoption.templateId);
  }

  @FieldResolver(() => Community)
  community(@Root() adoption: TemplateAdoption, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Community, adoption.asOf).load(adoption.communityId);
  }
}

/** What staffing adds to a community. */
@Resolver(() => Community)
export class CommunityStaffingResolver {
  @FieldResolver(() => TemplateAdoption, { nullable: true, description: 'The staffing template the community follows on the day.' })
  async templateAdoption(
    @Root() community: Community,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    const [adoption] = await periodsOf(ctx, TemplateAdoption, 'community_id', dayOf(ctx, community, asOf)).load(community.id);
    return adoption ?? null;
  }
}

// --- Posts and holders -----------------------------------------------------------------------

const PostHolderResult = CommandResultType('PostHolder', PostHolder);

@Resolver(() => Post)
export class PostResolver {
  @Query(() => PostList, {
    description: "Posts: a community's coordinator post, its service windows and the specialist roles its templates required.",
  })
  @Allow('posts', 'list')
  posts(@Ctx() ctx: RequestContext, @Arg('options', () => PostListOptions, { nullable: true }) options?: ListOptions) {
    return findList(ctx, Post, options, NO_SEARCH, { asOf: ctx.today });
  }

  @Mutation(() => [Post], {
    description:
      'Opens the posts the community needs today and lacks (coordinator, one per service window, one per role of its template); returns all its posts.',
  })
  @Allow('posts', 'create')
  openPosts(@Ctx() ctx: RequestContext, @Arg('communityId', () => ID) communityId: string) {
    return staffingService.openPosts(ctx, communityId);
  }

  @FieldResolver(() => Community)
  community(@Root() post: Post & { asOf: string }, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Community, post.asOf).load(post.communityId);
  }

  @FieldResolver(() => SpecialistRole, { nullable: true })
  specialistRole(
    @Root() post: Post & { asOf: string },
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    return post.specialistRoleId === null ? null : ctx.loaders.byId(SpecialistRole, dayOf(ctx, post, asOf)).load(post.specialistRoleId);
  }

  @FieldResolver(() => ServiceWindow, { nullable: true })
  serviceWindow(@Root() post: Post & { asOf: string }, @Ctx() ctx: RequestContext) {
    return post.serviceWindowId === null ? null : ctx.loaders.byId(ServiceWindow, post.asOf).load(post.serviceWindowId);
  }

  @FieldResolver(() => [PostHolder], {
    description: 'Who held the post on the day (A first), or every holder ever with includeEnded, oldest first.',
  })
  holders(
    @Root() post: Post & { asOf: string },
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
    @Arg('includeEnded', { defaultValue: false }) includeEnded?: boolean,
  ) {
    return periodsOf(ctx, PostHolder, 'post_id', dayOf(ctx, post, asOf), includeEnded)
      .load(post.id)
      .then((holders) => (includeEnded ? holders : [...holders].sort((a, b) => a.slot.localeCompare(b.slot))));
  }
}

@Resolver(() => PostHolder)
export class PostHolderResolver {
  @Query(() => PostHolderList, {
    description:
      'Who held which post on the day (filter by communityId, postId, staffMemberId, slot); every period with filter.includeEnded.',
  })
  @Allow('postHolders', 'list')
  postHolders(
    @Ctx() ctx: RequestContext,
    @Arg('options', () => PostHolderListOptions, { nullable: true }) options?: ListOptions,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    return findList(ctx, PostHolder, options, NO_SEARCH, { asOf: dayOf(ctx, null, asOf) });
  }

  @Mutation(() => PostHolderResult, {
    description: `A member of staff holds the A or B slot of a post from validFrom to validUntil. Two A (or two B) holders at once, or one person as A and B, are a CONFLICT (OVERLAP). ${DRY_RUN}`,
  })
  @Allow('postHolders', 'assign')
  assignPostHolder(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AssignPostHolderInput) input: AssignPostHolderInput,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    return runCommand(ctx, dryRun, () => staffingService.assignPostHolder(ctx, input));
  }

  @Mutation(() => PostHolderResult, { description: `The holder's last day. ${DRY_RUN}` })
  @Allow('postHolders', 'end')
  endPostHolder(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('lastDay', () => LocalDateResolver) lastDay: string,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    return runCommand(ctx, dryRun, () => staffingService.endPostHolder(ctx, id, lastDay));
  }

  @Mutation(() => PostHolderResult, {
    description: `Another post, slot or person from effectiveOn; the period before ends the day before. ${DRY_RUN}`,
  })
  @Allow('postHolders', 'move')
  movePostHolder(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => MovePostHolderInput) input: MovePostHolderInput,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    return runCommand(ctx, dryRun, () => staffingService.movePostHolder(ctx, input));
  }

  @FieldResolver(() => Post)
  post(@Root() holder: PostHolder, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Post, holder.asOf).load(holder.postId);
  }

  @FieldResolver(() => StaffMember, { nullable: true })
  staffMember(@Root() holder: PostHolder, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(StaffMember, holder.asOf).load(holder.staffMemberId);
  }
}

const PostRotationResult = CommandResultType('PostRotation', PostRotation);

@Resolver(() => PostRotation)
export class PostRotationResolver {
  @Query(() => PostRotationList, {
    description:
      'Posts whose A and B swap every N weeks, on the day (filter by communityId, postId); every period with filter.includeEnded.',
  })
  @Allow('postRotations', 'list')
  postRotations(
    @Ctx() ctx: RequestContext,
    @Arg('options', () => PostRotationListOptions, { nullable: true }) options?: ListOptions,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    return findList(ctx, PostRotation, options, NO_SEARCH, { asOf: dayOf(ctx, null, asOf) });
  }

  @Mutation(() => PostRotationResult, {
    description: `A and B of a post swap every everyWeeks weeks from validFrom, the first swap day; one rotation per post at a time (CONFLICT, OVERLAP). ${DRY_RUN}`,
  })
  @Allow('postRotations', 'create')
  rotatePost(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RotatePostInput) input: RotatePostInput,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    return runCommand(ctx, dryRun, () => staffingService.rotatePost(ctx, input));
  }

  @Mutation(() => PostRotationResult, { description: `The rotation's last day; A is responsible again from the day after. ${DRY_RUN}` })
  @Allow('postRotations', 'end')
  endPostRotation(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('lastDay', () => LocalDateResolver) lastDay: string,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    return runCommand(ctx, dryRun, () => staffingService.endPostRotation(ctx, id, lastDay));
  }

  @FieldResolver(() => Post)
  post(@Root() rotation: PostRotation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Post, rotation.asOf).load(rotation.postId);
  }
}

// --- Grid members ---------------------------------------------------------------------------------

const GridAssignmentResult = CommandResultType('GridAssignment', GridAssignment);

@Resolver(() => GridAssignment)
export class GridAssignmentResolver {
  @Query(() => GridAssignmentList, {
    description: 'Grid members on the day (filter by gridId, staffMemberId); every period with filter.includeEnded.',
  })
  @Allow('gridAssignments', 'list')
  gridAssignments(
    @Ctx() ctx: RequestContext,
    @Arg('options', () => GridAssignmentListOptions, { nullable: true }) options?: ListOptions,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    return findList(ctx, GridAssignment, options, NO_SEARCH, { asOf: dayOf(ctx, null, asOf) });
  }

  @Mutation(() => GridAssignmentResult, {
    description: `A member of staff serves a grid from validFrom to validUntil; refused (LIMIT_REACHED) beyond the grids one person may serve at once. ${DRY_RUN}`,
  })
  @Allow('gridAssignments', 'assign')
  assignGridMember(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AssignGridMemberInput) input: AssignGridMemberInput,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    return runCommand(ctx, dryRun, () => staffingService.assignGridMember(ctx, input));
  }

  @Mutation(() => GridAssignmentResult, { description: `The grid member's last day in the grid. ${DRY_RUN}` })
  @Allow('gridAssignments', 'end')
  endGridMember(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('lastDay', () => LocalDateResolver) lastDay: string,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    return runCommand(ctx, dryRun, () => staffingService.endGridMember(ctx, id, lastDay));
  }

  @Mutation(() => GridAssignmentResult, { description: `The member serves another grid from effectiveOn. ${DRY_RUN}` })
  @Allow('gridAssignments', 'move')
  moveGridMember(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => MoveGridMemberInput) input: MoveGridMemberInput,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    return runCommand(ctx, dryRun, () => staffingService.moveGridMember(ctx, input));
  }

  @FieldResolver(() => Grid, { nullable: true })
  grid(@Root() assignment: GridAssignment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Grid, assignment.asOf).load(assignment.gridId);
  }

  @FieldResolver(() => StaffMember, { nullable: true })
  staffMember(@Root() assignment: GridAssignment, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(StaffMember, assignment.asOf).load(assignment.staffMemberId);
  }
}

// --- Absences -------------------------------------------------------------------------------------

@Resolver(() => Absence)
export class AbsenceResolver {
  @Query(() => AbsenceList, { description: 'Staff away on the day (all absences with filter.includeEnded).' })
  @Allow('absences', 'list')
  absences(
    @Ctx() ctx: RequestContext,
    @Arg('options', () => AbsenceListOptions, { nullable: true }) options?: ListOptions,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    return findList(ctx, Absence, options, NO_SEARCH, { asOf: dayOf(ctx, null, asOf) });
  }

  @Mutation(() => Absence, {
    description:
      'Records a member of staff away from validFrom to validUntil (both inclusive); overlapping absences of one person are a CONFLICT (OVERLAP).',
  })
  @Allow('absences', 'create')
  createAbsence(@Ctx() ctx: RequestContext, @Arg('input', () => CreateAbsenceInput) input: CreateAbsenceInput) {
    return staffingService.createAbsence(ctx, input);
  }

  @Mutation(() => Absence, { description: 'Corrects an absence; send the version you read.' })
  @Allow('absences', 'edit')
  updateAbsence(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateAbsenceInput) input: UpdateAbsenceInput) {
    return staffingService.updateAbsence(ctx, input);
  }

  @Mutation(() => Absence, { description: 'Removes an absence recorded by mistake or called off.' })
  @Allow('absences', 'delete')
  deleteAbsence(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return staffingService.deleteAbsence(ctx, id);
  }

  @FieldResolver(() => StaffMember, { nullable: true })
  staffMember(@Root() absence: Absence, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(StaffMember, absence.asOf).load(absence.staffMemberId);
  }
}

// --- Coverage and duty ----------------------------------------------------------------------------

@Resolver(() => RoleCoverage)
export class RoleCoverageResolver {
  @Query(() => [RoleCoverage], {
    description:
      'Community × specialist role on the day: FILLED, COVERED_BY_B, VACANT or NOT_REQUIRED; every community in reach when communityId is left out.',
  })
  @Allow('staffing', 'coverage')
  roleCoverage(
    @Ctx() ctx: RequestContext,
    @Arg('communityId', () => ID, { nullable: true }) communityId?: string,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    return coverageService.roleCoverage(ctx, communityId, dayOf(ctx, null, asOf));
  }

  @FieldResolver(() => SpecialistRole, { nullable: true })
  specialistRole(@Root() row: RoleCoverage, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(SpecialistRole, row.day).load(row.specialistRoleId);
  }

  @FieldResolver(() => Community, { nullable: true })
  community(@Root() row: RoleCoverage, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Community, row.day).load(row.communityId);
  }

  @FieldResolver(() => StaffMember, { nullable: true })
  holderA(@Root() row: RoleCoverage, @Ctx() ctx: RequestContext) {
    return row.holderAId === null ? null : ctx.loaders.byId(StaffMember, row.day).load(row.holderAId);
  }

  @FieldResolver(() => StaffMember, { nullable: true })
  holderB(@Root() row: RoleCoverage, @Ctx() ctx: RequestContext) {
    return row.holderBId === null ? null : ctx.loaders.byId(StaffMember, row.day).load(row.holderBId);
  }
}

@Resolver(() => DutyRosterEntry)
export class DutyRosterResolver {
  @Query(() => [DutyRosterEntry], {
    description:
      'The duty view of one community (or every community in reach): for each day from `from` (default today) to `to` (default 14 days on, at most 92 days in all) and each required post, who is on duty — the one responsible, the other holder covering, or nobody — following absences and rotations, and whether the one covering is needed at two posts that day.',
  })
  @Allow('staffing', 'roster')
  dutyRoster(
    @Ctx() ctx: RequestContext,
    @Arg('communityId', () => ID, { nullable: true }) communityId?: string,
    @Arg('from', () => LocalDateResolver, { nullable: true }) from?: string,
    @Arg('to', () => LocalDateResolver, { nullable: true }) to?: string,
  ) {
    const first = from ?? ctx.today;
    return coverageService.dutyRoster(ctx, first, to ?? addDays(first, 13), communityId);
  }

  @FieldResolver(() => Post)
  post(@Root() entry: DutyRosterEntry, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Post, entry.day).load(entry.postId);
  }

  @FieldResolver(() => StaffMember, { nullable: true })
  onDuty(@Root() entry: DutyRosterEntry, @Ctx() ctx: RequestContext) {
    return entry.onDutyId === null ? null : ctx.loaders.byId(StaffMember, entry.day).load(entry.onDutyId);
  }
}

@Resolver(() => DutyGap)
export class DutyGapResolver {
  @Query(() => [DutyGap], {
    description:
      "Every day's gaps from `from` (default today) to `to` (default 14 days on, at most 92 days in all): posts with nobody on duty, a B needed at two posts, grids with other than two members or served by someone inactive or long absent. District-wide (in reach), or for one community.",
  })
  @Allow('staffing', 'gaps')
  dutyGaps(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => LocalDateResolver, { nullable: true }) from?: string,
    @Arg('to', () => LocalDateResolver, { nullable: true }) to?: string,
    @Arg('communityId', () => ID, { nullable: true }) communityId?: string,
    @Arg('kinds', () => [DutyGapKind], { nullable: true }) kinds?: DutyGapKind[],
  ) {
    const first = from ?? ctx.today;
    return coverageService.dutyGaps(ctx, first, to ?? addDays(first, 13), communityId, kinds);
  }

  @Query(() => [DutyGap], {
    description: 'The grid-member gaps on the day: grids below or above two members, or served by someone inactive or long absent.',
  })
  @Allow('staffing', 'gridGaps')
  gridStaffingGaps(
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
    @Arg('communityId', () => ID, { nullable: true }) communityId?: string,
  ) {
    const day = dayOf(ctx, null, asOf);
    return coverageService.dutyGaps(ctx, day, day, communityId, [
      DutyGapKind.GRID_UNDERSTAFFED,
      DutyGapKind.GRID_OVERSTAFFED,
      DutyGapKind.GRID_MEMBER_UNAVAILABLE,
    ]);
  }

  @FieldResolver(() => Community, { nullable: true })
  community(@Root() gap: DutyGap, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Community, gap.day).load(gap.communityId);
  }

  @FieldResolver(() => Post, { nullable: true })
  post(@Root() gap: DutyGap, @Ctx() ctx: RequestContext) {
    return gap.postId === null ? null : ctx.loaders.byId(Post, gap.day).load(gap.postId);
  }

  @FieldResolver(() => Grid, { nullable: true })
  grid(@Root() gap: DutyGap, @Ctx() ctx: RequestContext) {
    return gap.gridId === null ? null : ctx.loaders.byId(Grid, gap.day).load(gap.gridId);
  }

  @FieldResolver(() => StaffMember, { nullable: true })
  staffMember(@Root() gap: DutyGap, @Ctx() ctx: RequestContext) {
    return gap.staffMemberId === null ? null : ctx.loaders.byId(StaffMember, gap.day).load(gap.staffMemberId);
  }
}

export const staffingResolvers = [
  StaffingTemplateResolver,
  TemplateAdoptionResolver,
  CommunityStaffingResolver,
  PostResolver,
  PostHolderResolver,
  PostRotationResolver,
  GridAssignmentResolver,
  AbsenceResolver,
  RoleCoverageResolver,
  DutyRosterResolver,
  DutyGapResolver,
] as const;
