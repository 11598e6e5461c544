import { ConflictReason, ErrorCode, PlanStatus } from '@community-grid/shared';
import { GraphQLError } from 'graphql';
import { constraintError, BadUserInputError, ConflictError, DomainError, NotFoundError } from '../../core/errors';
import { findList, parseId } from '../../core/list/list-query-builder';
import type { ListOptions, ListResult } from '../../core/list/list-options';
import type { RequestContext } from '../../core/request-context';
import { addDays } from '../../core/time/validity';
import { AuditOperation } from '../audit/audit-event.entity';
import { auditService, diff } from '../audit/audit.service';
import { impactOf, snapshot } from './impact';
import { ReorganizationPlan, ReorganizationStep, StepParams } from './plan.entity';
import type {
  AddReorganizationStepInput,
  CreateReorganizationPlanInput,
  ReorganizationOutcome,
  StepError,
  StepOutcome,
  UpdateReorganizationPlanInput,
} from './plan.inputs';
import { revertApplied, withdrawPlanned } from './revert';
import { newRun, paramProblems, planProblems, runStep } from './steps';

/** Only one plan is applied or reverted at a time, district-wide: conflicting plans wait, then see each other's result. */
const APPLY_LOCK = 7_301_014;

function stepError(error: unknown): StepError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const domain = original instanceof DomainError ? original : constraintError(original);
  if (!domain) throw error;
  return { code: domain.code, message: domain.message, reason: domain.detail.reason, fields: domain.detail.fields ?? null };
}

/** Stored parameters: only the fields given, without nulls. */
function cleanParams(params: object): StepParams {
  return Object.fromEntries(
    Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  ) as StepParams;
}

/**
 * Plans of reorganization: drafting (plans and their ordered steps), the
 * run behind both preview and apply, and the revert. A preview is the apply
 * itself inside a savepoint, so the two cannot disagree.
 */
export class PlanService {
  findList(ctx: RequestContext, options?: ListOptions): Promise<ListResult<ReorganizationPlan>> {
    return findList(ctx, ReorganizationPlan, options, { searchColumns: ['name', 'description'] }, { asOf: ctx.today });
  }

  async findOne(ctx: RequestContext, rawId: string | number, lock = false): Promise<ReorganizationPlan> {
    const id = parseId(rawId);
    const plan =
      id === null
        ? null
        : await ctx.em.findOne(ReorganizationPlan, { where: { id }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
    if (!plan) throw new NotFoundError('Reorganization plan', rawId);
    return plan;
  }

  steps(ctx: RequestContext, planId: number): Promise<ReorganizationStep[]> {
    return ctx.em.find(ReorganizationStep, { where: { planId }, order: { position: 'ASC' } });
  }

  async create(ctx: RequestContext, input: CreateReorganizationPlanInput): Promise<ReorganizationPlan> {
    this.checkDay(ctx, input.effectiveOn, 'effectiveOn');
    const { identifiers } = await ctx.em.insert(ReorganizationPlan, {
      name: input.name,
      description: input.description ?? '',
      effectiveOn: input.effectiveOn,
      status: PlanStatus.DRAFT,
      authorId: ctx.actor.id,
    });
    const plan = await this.findOne(ctx, identifiers[0].id);
    await this.audit(ctx, AuditOperation.CREATE, plan.id, undefined, plan);
    return plan;
  }

  async update(ctx: RequestContext, input: UpdateReorganizationPlanInput): Promise<ReorganizationPlan> {
    const plan = await this.draft(ctx, input.id);
    if (plan.version !== input.version) {
      throw new ConflictError(
        ConflictReason.STALE_VERSION,
        `Reorganization plan ${plan.id} was changed by someone else (now version ${plan.version}); reload it`,
      );
    }
    if (input.effectiveOn) this.checkDay(ctx, input.effectiveOn, 'effectiveOn');
    const changes = {
      name: input.name ?? plan.name,
      description: input.description ?? plan.description,
      effectiveOn: input.effectiveOn ?? plan.effectiveOn,
    };
    await ctx.em.update(ReorganizationPlan, plan.id, changes);
    return this.touched(ctx, plan);
  }

  async delete(ctx: RequestContext, rawId: string): Promise<ReorganizationPlan> {
    const plan = await this.draft(ctx, rawId);
    await ctx.em.delete(ReorganizationPlan, plan.id);
    await this.audit(ctx, AuditOperation.DELETE, plan.id, plan, undefined);
    return plan;
  }

  async addStep(ctx: RequestContext, input: AddReorganizationStepInput): Promise<ReorganizationPlan> {
    const plan = await this.draft(ctx, input.planId);
    const params = cleanParams(input.params);
    const problems = paramProblems(input.kind, params);
    if (Object.keys(problems).length)
      throw new BadUserInputError(Object.fromEntries(Object.entries(problems).map(([field, message]) => [`params.${field}`, message])));
    const steps = await this.steps(ctx, plan.id);
    const position = input.position ?? steps.length + 1;
    if (position < 1 || position > steps.length + 1) throw new BadUserInputError({ position: `must be between 1 and ${steps.length + 1}` });
    await ctx.em.query('UPDATE reorganization_step SET position = position + 1 WHERE plan_id = $1 AND position >= $2', [plan.id, position]);
    const { identifiers } = await ctx.em.insert(ReorganizationStep, { planId: plan.id, position, kind: input.kind, params });
    await this.audit(
      ctx,
      AuditOperation.CREATE,
      identifiers[0].id,
      undefined,
      { planId: plan.id, position, kind: input.kind, params },
      'ReorganizationStep',
    );
    return this.touched(ctx, plan);
  }

  async updateStep(ctx: RequestContext, rawId: string, rawParams: object): Promise<ReorganizationPlan> {
    const step = await this.step(ctx, rawId);
    const plan = await this.draft(ctx, step.planId);
    const params = cleanParams(rawParams);
    const problems = paramProblems(step.kind, params);
    if (Object.keys(problems).length)
      throw new BadUserInputError(Object.fromEntries(Object.entries(problems).map(([field, message]) => [`params.${field}`, message])));
    await ctx.em.update(ReorganizationStep, step.id, { params });
    await this.audit(ctx, AuditOperation.UPDATE, step.id, { params: step.params }, { params }, 'ReorganizationStep');
    return this.touched(ctx, plan);
  }

  async moveStep(ctx: RequestContext, rawId: string, position: number): Promise<ReorganizationPlan> {
    const step = await this.step(ctx, rawId);
    const plan = await this.draft(ctx, step.planId);
    const steps = await this.steps(ctx, plan.id);
    if (position < 1 || position > steps.length) throw new BadUserInputError({ position: `must be between 1 and ${steps.length}` });
    const order = steps.filter((s) => s.id !== step.id);
    order.splice(position - 1, 0, step);
    // Positions are renumbered in one statement: no two steps share one, even for a moment that matters.
    await ctx.em.query(
      'UPDATE reorganization_step s SET position = o.position FROM unnest($1::int[], $2::int[]) AS o(id, position) WHERE s.id = o.id',
      [order.map((s) => s.id), order.map((_s, i) => i + 1)],
    );
    await this.audit(ctx, AuditOperation.UPDATE, step.id, { position: step.position }, { position }, 'ReorganizationStep');
    return this.touched(ctx, plan);
  }

  async removeStep(ctx: RequestContext, rawId: string): Promise<ReorganizationPlan> {
    const step = await this.step(ctx, rawId);
    const plan = await this.draft(ctx, step.planId);
    await ctx.em.delete(ReorganizationStep, step.id);
    await ctx.em.query('UPDATE reorganization_step SET position = position - 1 WHERE plan_id = $1 AND position > $2', [
      plan.id,
      step.position,
    ]);
    await this.audit(
      ctx,
      AuditOperation.DELETE,
      step.id,
      { planId: plan.id, position: step.position, kind: step.kind, params: step.params },
      undefined,
      'ReorganizationStep',
    );
    return this.touched(ctx, plan);
  }

  /**
   * Runs the plan's steps on its day, each in a savepoint of its own so that
   * one failing step is reported and the rest still run. With `dryRun` the
   * whole run is rolled back (the preview); a real run that is not clean
   * throws, and the request's transaction leaves nothing changed.
   */
  async apply(ctx: RequestContext, rawId: string, dryRun: boolean): Promise<ReorganizationOutcome> {
    return ctx.transaction(async () => {
      if (!dryRun) await ctx.em.query('SELECT pg_advisory_xact_lock($1)', [APPLY_LOCK]);
      const plan = await this.findOne(ctx, rawId, !dryRun);
      if (plan.status !== PlanStatus.DRAFT)
        throw new ConflictError(ConflictReason.PLAN_STATE, `Reorganization plan ${plan.id} is ${plan.status}, not a draft`);
      this.checkDay(ctx, plan.effectiveOn, 'effectiveOn');
      const steps = await this.steps(ctx, plan.id);
      if (!steps.length) throw new BadUserInputError({ steps: 'the plan has no steps' });
      const start = ctx.written.length;
      const outcome = await ctx.rehearsable(dryRun, async () => {
        const before = await snapshot(ctx.em, plan.effectiveOn);
        const run = newRun(ctx, plan.id, plan.effectiveOn);
        const crossStep = planProblems(steps);
        const results: StepOutcome[] = [];
        for (const step of steps) {
          const mark = ctx.written.length;
          const problems = crossStep.get(step.id);
          let error: StepError | null = problems
            ? { code: ErrorCode.BAD_USER_INPUT, message: Object.values(problems).join('; '), fields: problems }
            : null;
          if (!error) {
            await ctx.em.query('SAVEPOINT plan_step');
            try {
              await runStep(run, step);
              await ctx.em.query('RELEASE SAVEPOINT plan_step');
            } catch (caught) {
              await ctx.em.query('ROLLBACK TO SAVEPOINT plan_step');
              await ctx.em.query('RELEASE SAVEPOINT plan_step');
              error = stepError(caught);
              ctx.written.splice(mark);
            }
          }
          results.push({
            stepId: step.id,
            position: step.position,
            kind: step.kind,
            ok: !error,
            error,
            changeCount: ctx.written.length - mark,
          });
        }
        const after = await snapshot(ctx.em, plan.effectiveOn);
        const impact = impactOf(before, after);
        const problems = [...after.communities.values()]
          .filter((c) => c.grids === 0 && (before.communities.get(c.id)?.grids ?? 1) > 0)
          .map((c) => `Community ${c.code} (${c.name}) is left with no grids on ${plan.effectiveOn}`);
        const ok = results.every((r) => r.ok) && !problems.length;
        // Also in the preview (then rolled back), so that the two list the same writes.
        if (ok) {
          await ctx.em.update(ReorganizationPlan, plan.id, {
            status: PlanStatus.APPLIED,
            appliedAt: new Date(),
            appliedCorrelationId: ctx.correlationId,
          });
          await this.audit(ctx, AuditOperation.UPDATE, plan.id, { status: plan.status }, { status: PlanStatus.APPLIED });
        }
        return { ok, results, impact, problems };
      });
      const changes = ctx.written.slice(start);
      if (!outcome.ok && !dryRun) {
        const failed = outcome.results.find((r) => !r.ok);
        throw new DomainError(
          (failed?.error?.code as ErrorCode) ?? ErrorCode.BAD_USER_INPUT,
          failed
            ? `Step ${failed.position} (${failed.kind}) failed: ${failed.error!.message}; nothing was applied`
            : `${outcome.problems.join('; ')}; nothing was applied`,
          { reason: failed?.error?.reason as ConflictReason | undefined, fields: failed?.error?.fields ?? undefined },
        );
      }
      return {
        dryRun,
        ok: outcome.ok,
        correlationId: ctx.correlationId,
        day: plan.effectiveOn,
        plan: await this.findOne(ctx, plan.id),
        steps: outcome.results,
        problems: outcome.problems,
        impact: outcome.impact,
        changeCount: changes.length,
        changes,
      };
    });
  }

  /**
   * Undoes an applied plan. Before its day it is withdrawn: what it planned
   * is removed and it is a draft again. From its day on it is reverted by a
   * new change on `revertOn` that restores the structure as it was before
   * the plan; history keeps both. Refused, naming it, when a later change
   * builds on what the plan did.
   */
  async revert(ctx: RequestContext, rawId: string, revertOn: string | null | undefined, dryRun: boolean): Promise<ReorganizationOutcome> {
    return ctx.transaction(async () => {
      if (!dryRun) await ctx.em.query('SELECT pg_advisory_xact_lock($1)', [APPLY_LOCK]);
      const plan = await this.findOne(ctx, rawId, !dryRun);
      if (plan.status !== PlanStatus.APPLIED || !plan.appliedCorrelationId) {
        throw new ConflictError(
          ConflictReason.PLAN_STATE,
          `Reorganization plan ${plan.id} is ${plan.status}: only an applied plan is reverted`,
        );
      }
      const planned = plan.effectiveOn > ctx.today;
      if (planned && revertOn)
        throw new BadUserInputError({ revertOn: `the plan takes effect on ${plan.effectiveOn}: it is withdrawn, with no revert day` });
      const day = planned ? plan.effectiveOn : (revertOn ?? ctx.today);
      if (!planned && day <= plan.effectiveOn)
        throw new BadUserInputError({ revertOn: `must be after the plan's day, ${plan.effectiveOn}` });
      if (!planned && day < ctx.today) throw new BadUserInputError({ revertOn: `must not be before today, ${ctx.today}` });
      const start = ctx.written.length;
      const impact = await ctx.rehearsable(dryRun, async () => {
        const before = await snapshot(ctx.em, day);
        if (planned) await withdrawPlanned(ctx, plan);
        else await revertApplied(ctx, plan, day);
        const after = await snapshot(ctx.em, day);
        {
          const changes = planned
            ? { status: PlanStatus.DRAFT, appliedAt: null, appliedCorrelationId: null }
            : { status: PlanStatus.REVERTED, revertedOn: day, revertCorrelationId: ctx.correlationId };
          await ctx.em.update(ReorganizationPlan, plan.id, changes);
          await this.audit(
            ctx,
            AuditOperation.UPDATE,
            plan.id,
            { status: plan.status },
            { status: changes.status, ...(planned ? { withdrawn: true } : { revertedOn: day }) },
          );
        }
        return impactOf(before, after);
      });
      const changes = ctx.written.slice(start);
      return {
        dryRun,
        ok: true,
        correlationId: ctx.correlationId,
        day,
        plan: await this.findOne(ctx, plan.id),
        steps: [],
        problems: [],
        impact,
        changeCount: changes.length,
        changes,
      };
    });
  }

  private checkDay(ctx: RequestContext, day: string, field: string): void {
    if (day < ctx.today)
      throw new BadUserInputError({
        [field]: `must not be before today, ${ctx.today}: a plan changes the structure from a day to come (or today)`,
      });
    if (day > addDays(ctx.today, 3 * 366)) throw new BadUserInputError({ [field]: 'must be within three years' });
  }

  private async step(ctx: RequestContext, rawId: string): Promise<ReorganizationStep> {
    const id = parseId(rawId);
    const step = id === null ? null : await ctx.em.findOneBy(ReorganizationStep, { id });
    if (!step) throw new NotFoundError('Reorganization step', rawId);
    return step;
  }

  /** A plan that may still be edited, locked until the request ends. */
  private async draft(ctx: RequestContext, rawId: string | number): Promise<ReorganizationPlan> {
    const plan = await this.findOne(ctx, rawId, true);
    if (plan.status !== PlanStatus.DRAFT)
      throw new ConflictError(ConflictReason.PLAN_STATE, `Reorganization plan ${plan.id} is ${plan.status}: only a draft is edited`);
    return plan;
  }

  /** Bumps the plan's version after any edit of it or its steps, and returns it afresh. */
  private async touched(ctx: RequestContext, plan: ReorganizationPlan): Promise<ReorganizationPlan> {
    await ctx.em.query('UPDATE reorganization_plan SET version = version + 1, updated_at = now() WHERE id = $1', [plan.id]);
    const updated = await this.findOne(ctx, plan.id);
    await this.audit(ctx, AuditOperation.UPDATE, plan.id, plan, updated);
    return updated;
  }

  private audit(
    ctx: RequestContext,
    operation: AuditOperation,
    id: number,
    before: object | undefined,
    after: object | undefined,
    type = 'ReorganizationPlan',
  ) {
    return auditService.record(ctx, operation, type, id, diff(before as never, after as never));
  }
}

export const planService = new PlanService();
