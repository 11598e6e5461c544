import { UnitLevel } from '@community-grid/shared';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../core/access';
import type { ListOptions } from '../../core/list/list-options';
import { groupBy } from '../../core/loaders';
import type { RequestContext } from '../../core/request-context';
import { addDays } from '../../core/time/validity';
import { Account } from '../auth/account.entity';
import { Grid } from '../grid/grid.entity';
import { crosswalk } from './crosswalk';
import { GridLineage, ReorganizationPlan, ReorganizationStep } from './plan.entity';
import {
  AddReorganizationStepInput,
  CreateReorganizationPlanInput,
  Crosswalk,
  ReorganizationOutcome,
  ReorganizationPlanList,
  ReorganizationPlanListOptions,
  StepParamsInput,
  UpdateReorganizationPlanInput,
  UpdateReorganizationStepInput,
} from './plan.inputs';
import { planService } from './plan.service';

@ObjectType({ description: 'A day an applied plan takes effect.' })
class PlannedDay {
  @Field(() => ID) planId!: number;
  @Field() name!: string;
  @Field(() => LocalDateResolver) effectiveOn!: string;
}

const DRY_RUN = 'With dryRun (the preview), the very same run is rolled back: nothing is kept.';

@Resolver(() => ReorganizationPlan)
export class ReorganizationPlanResolver {
  @Query(() => ReorganizationPlanList, { description: 'Reorganization plans (officials).' })
  @Allow('reorganizationPlans', 'list')
  reorganizationPlans(
    @Ctx() ctx: RequestContext,
    @Arg('options', () => ReorganizationPlanListOptions, { nullable: true }) options?: ListOptions,
  ) {
    return planService.findList(ctx, options);
  }

  @Query(() => ReorganizationPlan, { nullable: true })
  @Allow('reorganizationPlans', 'show')
  reorganizationPlan(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return planService.findOne(ctx, id);
  }

  @FieldResolver(() => [ReorganizationStep], { description: 'The steps, in order.' })
  steps(@Root() plan: ReorganizationPlan, @Ctx() ctx: RequestContext) {
    return ctx.loaders
      .custom<ReorganizationStep[]>('plan-steps', async (ids, em) => {
        const steps = await em
          .createQueryBuilder(ReorganizationStep, 's')
          .where('s.plan_id = ANY(:ids)', { ids: [...ids] })
          .orderBy('s.position')
          .getMany();
        return groupBy(ids, steps, (step) => step.planId);
      })
      .load(plan.id);
  }

  @FieldResolver(() => Int)
  async stepCount(@Root() plan: ReorganizationPlan, @Ctx() ctx: RequestContext) {
    return (await this.steps(plan, ctx)).length;
  }

  @FieldResolver(() => String, { nullable: true, description: "The author's display name." })
  async authorName(@Root() plan: ReorganizationPlan, @Ctx() ctx: RequestContext) {
    if (plan.authorId === null) return null;
    const account = await ctx.em.findOneBy(Account, { id: plan.authorId });
    return account?.displayName ?? null;
  }

  @Mutation(() => ReorganizationPlan)
  @Allow('reorganizationPlans', 'create')
  createReorganizationPlan(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateReorganizationPlanInput) input: CreateReorganizationPlanInput,
  ) {
    return planService.create(ctx, input);
  }

  @Mutation(() => ReorganizationPlan, { description: 'Edits a draft (send the version you read).' })
  @Allow('reorganizationPlans', 'edit')
  updateReorganizationPlan(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateReorganizationPlanInput) input: UpdateReorganizationPlanInput,
  ) {
    return planService.update(ctx, input);
  }

  @Mutation(() => ReorganizationPlan, { description: 'Deletes a draft.' })
  @Allow('reorganizationPlans', 'delete')
  deleteReorganizationPlan(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return planService.delete(ctx, id);
  }

  @Mutation(() => ReorganizationPlan, { description: 'Adds a step to a draft (its parameters checked for its kind); returns the plan.' })
  @Allow('reorganizationPlans', 'editSteps')
  addReorganizationStep(@Ctx() ctx: RequestContext, @Arg('input', () => AddReorganizationStepInput) input: AddReorganizationStepInput) {
    return planService.addStep(ctx, input);
  }

  @Mutation(() => ReorganizationPlan, { description: "Replaces a step's parameters; returns the plan." })
  @Allow('reorganizationPlans', 'editSteps')
  updateReorganizationStep(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateReorganizationStepInput) input: UpdateReorganizationStepInput,
  ) {
    return planService.updateStep(ctx, input.id, input.params);
  }

  @Mutation(() => ReorganizationPlan, { description: 'Moves a step to another position (from 1); returns the plan.' })
  @Allow('reorganizationPlans', 'editSteps')
  moveReorganizationStep(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('position', () => Int) position: number) {
    return planService.moveStep(ctx, id, position);
  }

  @Mutation(() => ReorganizationPlan, { description: 'Removes a step; returns the plan.' })
  @Allow('reorganizationPlans', 'editSteps')
  removeReorganizationStep(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return planService.removeStep(ctx, id);
  }

  @Mutation(() => ReorganizationOutcome, {
    description: `Applies a draft on its day, all or nothing: per step what it did, and the impact (figures before → after, posts left short, grids under two members, staff left without an assignment, accounts whose reach changes). A real run with any failing step is an error and changes nothing. ${DRY_RUN}`,
  })
  @Allow('reorganizationPlans', 'apply')
  applyReorganizationPlan(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    return planService.apply(ctx, id, dryRun);
  }

  @Mutation(() => ReorganizationOutcome, {
    description: `Undoes an applied plan. Before its day: withdrawn (what it planned is removed; it is a draft again). From its day: reverted by a change on revertOn (default today) restoring the structure as it was before; history keeps both. Refused while a later change builds on it. ${DRY_RUN}`,
  })
  @Allow('reorganizationPlans', 'revert')
  revertReorganizationPlan(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('revertOn', () => LocalDateResolver, { nullable: true }) revertOn: string | null,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
  ) {
    return planService.revert(ctx, id, revertOn, dryRun);
  }

  @Query(() => Crosswalk, {
    description: 'For each unit on `from`, which units on `to` hold its households and residents (counts within your reach), also as CSV.',
  })
  @Allow('structure', 'crosswalk')
  crosswalk(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Arg('level', () => UnitLevel, { defaultValue: UnitLevel.COMMUNITY }) level: UnitLevel,
  ) {
    return crosswalk(ctx, from, to, level);
  }

  @Query(() => [PlannedDay], {
    description: 'Applied plans whose day is still to come: the days worth looking at as of (their steps stay with officials).',
  })
  @Allow('structure', 'plannedDays')
  async plannedDays(@Ctx() ctx: RequestContext): Promise<PlannedDay[]> {
    const plans = await ctx.em
      .createQueryBuilder(ReorganizationPlan, 'p')
      .where("p.status = 'APPLIED' AND p.effective_on > :today", { today: ctx.today })
      .orderBy('p.effective_on')
      .getMany();
    return plans.map((plan) => ({ planId: plan.id, name: plan.name, effectiveOn: plan.effectiveOn }));
  }
}

@Resolver(() => ReorganizationStep)
export class ReorganizationStepResolver {
  @FieldResolver(() => StepParamsInput)
  params(@Root() step: ReorganizationStep) {
    return step.params;
  }
}

@Resolver(() => Grid)
export class GridLineageResolver {
  @FieldResolver(() => [GridLineage], {
    description: 'Lineage: grids whose households this grid took (split from, merged in, restored), and grids that took its households.',
  })
  lineage(@Root() grid: Grid, @Ctx() ctx: RequestContext) {
    return ctx.loaders
      .custom<GridLineage[]>('grid-lineage', async (ids, em) => {
        const rows = await em
          .createQueryBuilder(GridLineage, 'l')
          .where('l.predecessor_id = ANY(:ids) OR l.successor_id = ANY(:ids)', { ids: [...ids] })
          .orderBy('l.day')
          .addOrderBy('l.id')
          .getMany();
        return ids.map((id) => rows.filter((row) => row.predecessorId === Number(id) || row.successorId === Number(id)));
      })
      .load(grid.id);
  }
}

@Resolver(() => GridLineage)
export class GridLineageFieldsResolver {
  @FieldResolver(() => Grid, { nullable: true, description: 'As of its last day before the link.' })
  predecessor(@Root() link: GridLineage, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Grid, addDays(link.day, -1)).load(link.predecessorId);
  }

  @FieldResolver(() => Grid, { nullable: true, description: 'As of the day of the link.' })
  successor(@Root() link: GridLineage, @Ctx() ctx: RequestContext) {
    return ctx.loaders.byId(Grid, link.day).load(link.successorId);
  }
}

export const reorganizationResolvers = [
  ReorganizationPlanResolver,
  ReorganizationStepResolver,
  GridLineageResolver,
  GridLineageFieldsResolver,
] as const;
