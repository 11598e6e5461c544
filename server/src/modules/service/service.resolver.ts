import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AffairTransition } from '@community-grid/shared';
import { Allow } from '../../core/access';
import { CommandResultType, runCommand } from '../../core/command';
import { AS_OF, CrudResolver, dayOf } from '../../core/crud.resolver';
import type { ListOptions } from '../../core/list/list-options';
import { hydrate, readQuery } from '../../core/list/list-query-builder';
import { groupBy } from '../../core/loaders';
import type { RequestContext } from '../../core/request-context';
import { BadUserInputError } from '../../core/errors';
import { Community } from '../community/community.entity';
import { Grid } from '../grid/grid.entity';
import { Household } from '../household/household.entity';
import { Resident } from '../resident/resident.entity';
import { ServiceWindow } from '../service-window/service-window.entity';
import { StaffMember } from '../staff-member/staff-member.entity';
import { SpecialistRole } from '../staffing/specialist-role.entity';
import { Affair, AffairEvent, Visit } from './affair.entity';
import { affairService } from './affair.service';
import { allowedTransitions } from './affair-workflow';
import { CalendarDay } from './calendar-day.entity';
import { ServiceCategory } from './service-category.entity';
import { calendarDayService, serviceCategoryService } from './service-catalog.service';
import {
  AcceptAffairInput,
  AffairCounts,
  AffairList,
  AffairListOptions,
  AffairTransitionInput,
  CalendarDayList,
  CalendarDayListOptions,
  CreateCalendarDayInput,
  CreateServiceCategoryInput,
  GridVisitCoverage,
  HouseholdVisitDueList,
  RecordVisitInput,
  ServiceCategoryList,
  ServiceCategoryListOptions,
  UpdateCalendarDayInput,
  UpdateServiceCategoryInput,
  VisitList,
  VisitListOptions,
  WorkingDayAnswer,
} from './service.inputs';
import { visitService } from './visit.service';
import { WorkingCalendar } from './working-calendar';

const DRY_RUN = 'With dryRun, nothing is kept.';
const AffairResult = CommandResultType('Affair', Affair);
const VisitResult = CommandResultType('Visit', Visit);

@Resolver(() => ServiceCategory)
export class ServiceCategoryResolver extends CrudResolver({
  entity: ServiceCategory,
  name: 'ServiceCategory',
  plural: 'serviceCategories',
  list: ServiceCategoryList,
  listOptions: ServiceCategoryListOptions,
  createInput: CreateServiceCategoryInput,
  updateInput: UpdateServiceCategoryInput,
  service: serviceCategoryService,
  resource: 'serviceCategories',
}) {
  @FieldResolver(() => SpecialistRole, {
    nullable: true,
    description: 'The role that handles the category, as named today; null: the coordinator post.',
  })
  specialistRole(@Root() category: ServiceCategory, @Ctx() ctx: RequestContext) {
    return category.specialistRoleId === null ? null : ctx.loaders.byId(SpecialistRole, ctx.today).load(category.specialistRoleId);
  }
}

@Resolver(() => CalendarDay)
export class CalendarDayResolver extends CrudResolver({
  entity: CalendarDay,
  name: 'CalendarDay',
  plural: 'calendarDays',
  list: CalendarDayList,
  listOptions: CalendarDayListOptions,
  createInput: CreateCalendarDayInput,
  updateInput: UpdateCalendarDayInput,
  service: calendarDayService,
  resource: 'calendarDays',
}) {
  @Query(() => WorkingDayAnswer, {
    description: 'Whether a day is a working day by the calendar, and the N-th working day after it (what due dates count).',
  })
  @Allow('calendarDays', 'workingDay')
  async workingDay(
    @Ctx() ctx: RequestContext,
    @Arg('day', () => LocalDateResolver) day: string,
    @Arg('plus', () => Int, { defaultValue: 0 }) plus: number,
  ): Promise<WorkingDayAnswer> {
    if (!Number.isInteger(plus) || plus < 0 || plus > 366) throw new BadUserInputError({ plus: 'must be a whole number from 0 to 366' });
    const calendar = await WorkingCalendar.load(ctx.em);
    return { day, isWorkingDay: calendar.isWorkingDay(day), plusWorkingDays: calendar.addWorkingDays(day, plus) };
  }
}

@Resolver(() => Affair)
export class AffairResolver {
  @Query(() => Affair, { description: 'One affair in your reach; NOT_FOUND otherwise.' })
  @Allow('affairs', 'show')
  affair(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return affairService.findOne(ctx, id);
  }

  @Query(() => AffairList, {
    description:
      'Affairs in your reach (worklists are filters: status in [ACCEPTED, RETURNED] to classify; assigneeId; running statuses with dueOn lt today for overdue).',
  })
  @Allow('affairs', 'list')
  affairs(@Ctx() ctx: RequestContext, @Arg('options', () => AffairListOptions, { nullable: true }) options?: ListOptions) {
    return affairService.findList(ctx, options);
  }

  @Query(() => AffairCounts, { description: 'Open, overdue, due soon, resolved this week and to classify, in your reach (figures only).' })
  @Allow('affairs', 'count')
  affairCounts(@Ctx() ctx: RequestContext) {
    return affairService.counts(ctx);
  }

  @Mutation(() => AffairResult, {
    description: `Accepts an affair for a resident or a household in your reach; its community and grid are the household's today. ${DRY_RUN}`,
  })
  @Allow('affairs', 'accept')
  acceptAffair(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AcceptAffairInput) input: AcceptAffairInput,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    return runCommand(ctx, dryRun, () => affairService.accept(ctx, input));
  }

  @Mutation(() => AffairResult, {
    description: `One step of the workflow (see allowedTransitions); any other is a CONFLICT (ILLEGAL_TRANSITION) and changes nothing. ${DRY_RUN}`,
  })
  @Allow('affairs', 'handle')
  transitionAffair(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AffairTransitionInput) input: AffairTransitionInput,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    return runCommand(ctx, dryRun, () => affairService.transition(ctx, input));
  }

  @FieldResolver(() => [AffairTransition], { description: "The steps the workflow allows from the affair's status." })
  allowedTransitions(@Root() affair: Affair) {
    return allowedTransitions(affair.status);
  }

  @FieldResolver(() => [AffairEvent], {
    description: 'Acceptance, transitions, routing decisions, escalations and reminders, oldest first.',
  })
  timeline(@Root() affair: Affair, @Ctx() ctx: RequestContext) {
    return ctx.loaders.custom<AffairEvent[]>('affair-timelines', (ids, em) => affairService.timelines(em, ids)).load(affair.id);
  }

  @FieldResolver(() => Boolean, { description: 'Running and past its due date today.' })
  overdue(@Root() affair: Affair, @Ctx() ctx: RequestContext) {
    return (
      affair.dueOn !== null && affair.dueOn < ctx.today && ['CLASSIFIED', 'ASSIGNED', 'IN_PROGRESS', 'RETURNED'].includes(affair.status)
    );
  }

  @FieldResolver(() => ServiceCategory, { nullable: true })
  category(@Root() affair: Affair, @Ctx() ctx: RequestContext) {
    return affair.categoryId === null ? null : ctx.loaders.byId(ServiceCategory, ctx.today).load(affair.categoryId);
  }

  @FieldResolver(() => Resident, { nullable: true })
  resident(@Root() affair: Affair, @Ctx() ctx: RequestContext) {
    return affair.residentId === null ? null : ctx.loaders.byId(Resident, ctx.today).load(affair.residentId);
  }

  @FieldResolver(() => Household, { nullable: true })
  household(@Root() affair: Affair, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Household, ctx.today).load(affair.householdId);
  }

  @FieldResolver(() => Community, { nullable: true })
  community(@Root() affair: Affair, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Community, ctx.today).load(affair.communityId);
  }

  @FieldResolver(() => Grid, { nullable: true })
  grid(@Root() affair: Affair, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Grid, ctx.today).load(affair.gridId);
  }

  @FieldResolver(() => StaffMember, { nullable: true, description: 'Who owns it now (null: unrouted, or the district holds it).' })
  assignee(@Root() affair: Affair, @Ctx() ctx: RequestContext) {
    return affair.assigneeId === null ? null : ctx.loaders.byId(StaffMember, ctx.today).load(affair.assigneeId);
  }

  @FieldResolver(() => StaffMember, { nullable: true })
  acceptedBy(@Root() affair: Affair, @Ctx() ctx: RequestContext) {
    return affair.acceptedById === null ? null : ctx.loaders.byId(StaffMember, ctx.today).load(affair.acceptedById);
  }

  @FieldResolver(() => ServiceWindow, { nullable: true })
  serviceWindow(@Root() affair: Affair, @Ctx() ctx: RequestContext) {
    return affair.serviceWindowId === null ? null : ctx.loaders.byId(ServiceWindow, ctx.today).load(affair.serviceWindowId);
  }
}

@Resolver(() => AffairEvent)
export class AffairEventResolver {
  @FieldResolver(() => StaffMember, { nullable: true, description: 'The owner after this entry.' })
  assignee(@Root() event: AffairEvent, @Ctx() ctx: RequestContext) {
    return event.assigneeId === null ? null : ctx.loaders.byId(StaffMember, ctx.today).load(event.assigneeId);
  }
}

@Resolver(() => Visit)
export class VisitResolver {
  @Query(() => VisitList, { description: 'Visits in your reach.' })
  @Allow('visits', 'list')
  visits(@Ctx() ctx: RequestContext, @Arg('options', () => VisitListOptions, { nullable: true }) options?: ListOptions) {
    return visitService.findList(ctx, options);
  }

  @Mutation(() => VisitResult, {
    description: `Records a visit by a grid member of the household's grid; affairs raised on the spot are accepted with it, and an address seen at the door corrects the household's (audited). ${DRY_RUN}`,
  })
  @Allow('visits', 'create')
  recordVisit(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordVisitInput) input: RecordVisitInput,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    return runCommand(ctx, dryRun, () => visitService.record(ctx, input));
  }

  @Query(() => [GridVisitCoverage], {
    description:
      'Per grid in your reach (or of one community): households visited in the 90 days up to the day, never visited, special-population households due.',
  })
  @Allow('visits', 'coverage')
  visitCoverage(
    @Ctx() ctx: RequestContext,
    @Arg('communityId', () => ID, { nullable: true }) communityId?: string,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: AS_OF }) asOf?: string,
  ) {
    return visitService.coverage(ctx, dayOf(ctx, null, asOf), communityId);
  }

  @Query(() => HouseholdVisitDueList, { description: 'Households of your grids (or one grid) by visit due date, most overdue first.' })
  @Allow('visits', 'due')
  householdsDueForVisit(
    @Ctx() ctx: RequestContext,
    @Arg('gridId', () => ID, { nullable: true }) gridId?: string,
    @Arg('skip', () => Int, { defaultValue: 0 }) skip = 0,
    @Arg('take', () => Int, { defaultValue: 50 }) take = 50,
  ) {
    if (!Number.isInteger(skip) || skip < 0) throw new BadUserInputError({ skip: 'must be 0 or more' });
    if (!Number.isInteger(take) || take < 1 || take > 100) throw new BadUserInputError({ take: 'must be from 1 to 100' });
    return visitService.dueList(ctx, gridId, skip, take);
  }

  @FieldResolver(() => Household, { nullable: true })
  household(@Root() visit: Visit, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Household, visit.visitedOn).load(visit.householdId);
  }

  @FieldResolver(() => StaffMember, { nullable: true })
  staffMember(@Root() visit: Visit, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(StaffMember, ctx.today).load(visit.staffMemberId);
  }

  @FieldResolver(() => Grid, { nullable: true })
  grid(@Root() visit: Visit, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Grid, visit.visitedOn).load(visit.gridId);
  }

  @FieldResolver(() => [Affair], { description: 'Affairs raised during the visit.' })
  affairs(@Root() visit: Visit, @Ctx() ctx: RequestContext) {
    return ctx.loaders
      .custom<Affair[]>('visit-affairs', async (ids) => {
        const raws = await readQuery(ctx, Affair, { asOf: ctx.today })
          .andWhere('e.visit_id = ANY(:ids)', { ids: [...ids] })
          .orderBy('e.id')
          .getRawMany();
        const rows = await hydrate(ctx.em, Affair, raws, ctx.today);
        return groupBy(ids, rows, (row) => row.visitId!);
      })
      .load(visit.id);
  }
}

export const serviceResolvers = [ServiceCategoryResolver, CalendarDayResolver, AffairResolver, AffairEventResolver, VisitResolver] as const;
