import type { EntityManager } from 'typeorm';
import {
  AffairChannel,
  AffairEventKind,
  AffairStatus,
  AffairTransition,
  ConflictReason,
  OPEN_AFFAIR_STATUSES,
  RouteReason,
} from '@community-grid/shared';
import { AuditOperation } from '../audit/audit-event.entity';
import { auditService, diff } from '../audit/audit.service';
import { BadUserInputError, ConflictError, FieldProblems, NotFoundError } from '../../core/errors';
import { Scope } from '../../core/scope';
import { findList, hydrate, parseId, readQuery } from '../../core/list/list-query-builder';
import type { ListOptions, ListResult } from '../../core/list/list-options';
import { RequestContext } from '../../core/request-context';
import { addDays } from '../../core/time/validity';
import { Household } from '../household/household.entity';
import { Resident } from '../resident/resident.entity';
import { ServiceWindow } from '../service-window/service-window.entity';
import { ancestorSql } from '../structure/structure';
import { onHouseholdsMoved } from '../structure/structure-moves';
import { Affair, AffairEvent } from './affair.entity';
import { RouteDecision, routeAffair } from './affair-routing';
import { AFFAIR_TRANSITIONS, allowedTransitions, RUNNING_STATUSES, StepContext, TransitionInput } from './affair-workflow';
import { WorkingCalendar } from './working-calendar';

export interface AcceptAffairInput {
  residentId?: string | null;
  householdId?: string | null;
  categoryId?: string | null;
  channel: AffairChannel;
  description: string;
  serviceWindowId?: string | null;
  note?: string | null;
}

export interface AffairCounts {
  open: number;
  overdue: number;
  dueSoon: number;
  resolvedThisWeek: number;
  toClassify: number;
}

/** Fields of an affair the audit trail compares (its columns, not the day it was read). */
const snapshot = (affair: Affair) => {
  const { asOf: _asOf, ...rest } = affair as Affair & { asOf?: string };
  return rest;
};

/**
 * Affairs: accepted once at any window or door, classified and routed by the
 * staffing data on the day, handled through the transition table
 * (affair-workflow.ts), escalated when overdue. Every step is a command in
 * the request's transaction: it locks the affair, writes it, adds an entry
 * to its timeline (actor, time, note) and records the change in the audit
 * trail with the request's correlation id.
 */
export class AffairService {
  readonly searchColumns: Array<keyof Affair & string> = ['description'];

  /** The affair as of today, in the caller's reach (NOT_FOUND outside it). */
  async findOne(ctx: RequestContext, rawId: string | number): Promise<Affair> {
    const id = parseId(rawId);
    const found = id === null ? undefined : await readAffair(ctx, id, ctx.today);
    if (!found) throw new NotFoundError('Affair', rawId);
    return found;
  }

  findList(ctx: RequestContext, options?: ListOptions): Promise<ListResult<Affair>> {
    return findList(ctx, Affair, options, { searchColumns: this.searchColumns }, { asOf: ctx.today });
  }

  /**
   * Accepts an affair for a resident (or a household) in the caller's reach.
   * Its community and grid are the household's on the day of acceptance; a
   * window affair names its window (by default the window post the accepting
   * member of staff holds today).
   */
  async accept(ctx: RequestContext, input: AcceptAffairInput, visitId: number | null = null): Promise<Affair> {
    const today = ctx.today;
    const problems = new FieldProblems();
    if (!input.residentId && !input.householdId) problems.add('residentId', 'name the resident (or the household) the affair is for');
    problems.throwIfAny();
    let residentId: number | null = null;
    let householdId: number | null;
    if (input.residentId) {
      const id = parseId(input.residentId);
      const [resident] =
        id === null
          ? []
          : await hydrate(
              ctx.em,
              Resident,
              await readQuery(ctx, Resident, { asOf: today }).andWhere('e.id = :id', { id }).getRawMany(),
              today,
            );
      if (!resident)
        throw new BadUserInputError({ residentId: `Resident ${input.residentId} does not exist (or is not registered today)` });
      residentId = resident.id;
      householdId = resident.householdId;
      if (input.householdId && parseId(input.householdId) !== householdId) {
        throw new BadUserInputError({ householdId: `Resident ${residentId} does not belong to household ${input.householdId} today` });
      }
    } else {
      const id = parseId(input.householdId!);
      const [household] =
        id === null
          ? []
          : await hydrate(
              ctx.em,
              Household,
              await readQuery(ctx, Household, { asOf: today }).andWhere('e.id = :id', { id }).getRawMany(),
              today,
            );
      if (!household)
        throw new BadUserInputError({ householdId: `Household ${input.householdId} does not exist (or is not registered today)` });
      householdId = household.id;
    }
    const [placed] = await this.placement(ctx.em, [householdId!], today);
    const staffMemberId = await this.staffOfAccount(ctx);
    const serviceWindowId = await this.windowOf(ctx, input, staffMemberId);
    const categoryId = input.categoryId ? (await this.category(ctx, input.categoryId)).id : null;
    const { identifiers } = await ctx.em.insert(Affair, {
      residentId,
      householdId: householdId!,
      categoryId,
      channel: input.channel,
      description: input.description.trim(),
      status: AffairStatus.ACCEPTED,
      acceptedOn: today,
      acceptedByAccountId: ctx.principal?.account.id ?? null,
      acceptedById: staffMemberId,
      serviceWindowId,
      communityId: placed.communityId,
      gridId: placed.gridId,
      visitId,
    } as never);
    const id = Number(identifiers[0].id);
    const created = await this.findOne(ctx, id);
    await this.event(ctx, id, { kind: AffairEventKind.ACCEPTED, toStatus: AffairStatus.ACCEPTED, note: input.note ?? '' });
    await auditService.record(ctx, AuditOperation.CREATE, Affair.name, id, diff(undefined, snapshot(created)));
    return created;
  }

  /**
   * One step of the workflow, as the transition table says: refused with
   * CONFLICT (ILLEGAL_TRANSITION) from any other state, BAD_USER_INPUT when the
   * step's input is missing or wrong; either way nothing changes.
   */
  async transition(ctx: RequestContext, input: TransitionInput & { id: string; transition: AffairTransition }): Promise<Affair> {
    const rule = AFFAIR_TRANSITIONS[input.transition];
    const affair = await this.lock(ctx, input.id);
    if (!rule.from.includes(affair.status)) {
      throw new ConflictError(
        ConflictReason.ILLEGAL_TRANSITION,
        `Affair ${affair.id} is ${affair.status}: ${input.transition} is allowed only from ${rule.from.join(', ')} (allowed now: ${allowedTransitions(affair.status).join(', ') || 'none'})`,
      );
    }
    const problems = new FieldProblems();
    for (const field of rule.requires ?? []) {
      const value = input[field];
      if (value === null || value === undefined || (typeof value === 'string' && value.trim() === ''))
        problems.add(field, `is required to ${input.transition.toLowerCase()} an affair`);
    }
    problems.throwIfAny();
    const calendar = await WorkingCalendar.load(ctx.em);
    const step: StepContext = {
      affair,
      input,
      today: ctx.today,
      calendar,
      category: (rawId) => this.category(ctx, rawId),
      route: (roleId) => routeAffair(ctx.em, affair.communityId, roleId, ctx.today),
      staffOfCommunity: (rawId, field) => this.staffOfCommunity(ctx, affair.communityId, rawId, field),
      refuse: (field, message) => {
        throw new BadUserInputError({ [field]: message });
      },
    };
    const effect = rule.effect ? await rule.effect(step) : { changes: {} };
    const changes = { ...effect.changes, status: rule.to };
    const after = await this.write(ctx, affair, changes);
    await this.event(ctx, affair.id, {
      kind: AffairEventKind.TRANSITION,
      transition: input.transition,
      fromStatus: affair.status,
      toStatus: rule.to,
      note: input.note ?? input.reason ?? '',
      assigneeId: after.assigneeId,
    });
    if (effect.route) await this.routed(ctx, affair.id, AffairEventKind.ROUTED, effect.route, '');
    return after;
  }

  /**
   * Re-routes the open affairs of households that moved: each takes the
   * household's grid and community on `day`, and an affair already routed is
   * routed again in its new community (recorded in its timeline). Called by
   * the household move and by reorganizations; a move dated after today is
   * left to the scheduled sweep, which re-routes when the day comes.
   */
  async rerouteOpenAffairs(ctxOrEm: RequestContext | EntityManager, householdIds: number[], day: string): Promise<number[]> {
    const ctx = ctxOrEm instanceof RequestContext ? ctxOrEm : systemContext(ctxOrEm);
    if (!householdIds.length || day > ctx.today) return [];
    const placements = new Map((await this.placement(ctx.em, householdIds, day)).map((p) => [p.householdId, p]));
    const rows: Array<{ id: number; household_id: number }> = await ctx.em.query(
      `SELECT id, household_id FROM affair WHERE household_id = ANY($1::int[]) AND status = ANY($2::affair_status[]) ORDER BY id FOR UPDATE`,
      [householdIds, OPEN_AFFAIR_STATUSES],
    );
    const moved: number[] = [];
    for (const row of rows) {
      const placed = placements.get(Number(row.household_id));
      const affair = await readAffair({ em: ctx.em, scope: Scope.SYSTEM }, Number(row.id), ctx.today);
      if (!placed || !affair || (affair.gridId === placed.gridId && affair.communityId === placed.communityId)) continue;
      const changes: Partial<Affair> = { gridId: placed.gridId, communityId: placed.communityId };
      let route: RouteDecision | undefined;
      if (affair.communityId !== placed.communityId && affair.categoryId !== null && affair.status !== AffairStatus.ACCEPTED) {
        const [category] = await ctx.em.query('SELECT specialist_role_id FROM service_category WHERE id = $1', [affair.categoryId]);
        route = await routeAffair(ctx.em, placed.communityId, category?.specialist_role_id ?? null, day, {
          skipRole: affair.escalationLevel > 0,
        });
        Object.assign(changes, { assigneeId: route.assigneeId, routeReason: route.reason, routeFallback: route.fallback });
      }
      await this.write(ctx, affair, changes);
      await this.event(ctx, affair.id, {
        kind: AffairEventKind.REROUTED,
        assigneeId: route ? route.assigneeId : affair.assigneeId,
        routeReason: route?.reason ?? null,
        routeFallback: route?.fallback ?? null,
        note: `household moved to grid ${placed.gridId} of community ${placed.communityId} on ${day}`,
      });
      moved.push(affair.id);
    }
    return moved;
  }

  /**
   * Escalation of an overdue affair to `level` (1: the coordinator post of its
   * community, A then B, else the district; 2: the district). Run by the job
   * queue; it locks the affair and does nothing when the affair is no longer
   * due for that level, so a job run twice (two instances) escalates once.
   */
  async escalate(ctx: RequestContext, affairId: number, level: 1 | 2): Promise<boolean> {
    await ctx.em.query('SELECT 1 FROM affair WHERE id = $1 FOR UPDATE', [affairId]);
    const affair = await readAffair(ctx, affairId, ctx.today);
    if (!affair || !(await this.escalationDue(ctx, affair, level))) return false;
    const route: RouteDecision =
      level === 1
        ? await routeAffair(ctx.em, affair.communityId, null, ctx.today, { skipRole: true })
        : { assigneeId: null, reason: RouteReason.DISTRICT, fallback: null };
    await this.write(ctx, affair, {
      escalationLevel: level,
      assigneeId: route.assigneeId,
      routeReason: route.reason,
      routeFallback: route.fallback,
    });
    await this.event(ctx, affair.id, {
      kind: AffairEventKind.ESCALATED,
      escalationLevel: level,
      assigneeId: route.assigneeId,
      routeReason: route.reason,
      routeFallback: route.fallback,
      note:
        level === 1
          ? `overdue since ${affair.dueOn}: escalated to the coordinator post`
          : `overdue for a second period: escalated to the district`,
    });
    return true;
  }

  /** Reminds the owner of an affair due within a working day, once a day. */
  async remind(ctx: RequestContext, affairId: number): Promise<boolean> {
    await ctx.em.query('SELECT 1 FROM affair WHERE id = $1 FOR UPDATE', [affairId]);
    const affair = await readAffair(ctx, affairId, ctx.today);
    if (!affair || !RUNNING_STATUSES.includes(affair.status) || affair.dueOn === null || affair.remindedOn === ctx.today) return false;
    const calendar = await WorkingCalendar.load(ctx.em);
    if (affair.dueOn < ctx.today || affair.dueOn > calendar.addWorkingDays(ctx.today, 1)) return false;
    await this.write(ctx, affair, { remindedOn: ctx.today });
    await this.event(ctx, affair.id, { kind: AffairEventKind.REMINDED, assigneeId: affair.assigneeId, note: `due on ${affair.dueOn}` });
    return true;
  }

  /**
   * What the sweep finds due on the clock's today: escalations (level 1 once
   * the due date has passed, level 2 once a second period of the category's
   * working days has passed too), reminders, and open affairs whose household
   * has moved since (a move dated in the future takes effect today).
   */
  async dueWork(
    em: EntityManager,
    today: string,
  ): Promise<{ escalations: Array<{ id: number; level: 1 | 2 }>; reminders: number[]; moved: number[] }> {
    const calendar = await WorkingCalendar.load(em);
    const overdue: Array<{ id: number; due_on: string; escalation_level: number; due_working_days: number }> = await em.query(
      `
      SELECT a.id, a.due_on::text AS due_on, a.escalation_level, c.due_working_days FROM affair a JOIN service_category c ON c.id = a.category_id
      WHERE a.status = ANY($1::affair_status[]) AND a.due_on < $2::date AND a.escalation_level < 2 ORDER BY a.id`,
      [RUNNING_STATUSES, today],
    );
    const escalations: Array<{ id: number; level: 1 | 2 }> = [];
    for (const row of overdue) {
      if (row.escalation_level === 0) escalations.push({ id: row.id, level: 1 });
      else if (calendar.addWorkingDays(row.due_on, row.due_working_days) < today) escalations.push({ id: row.id, level: 2 });
    }
    const soon = calendar.addWorkingDays(today, 1);
    const reminders: Array<{ id: number }> = await em.query(
      `
      SELECT id FROM affair WHERE status = ANY($1::affair_status[]) AND due_on BETWEEN $2::date AND $3::date AND (reminded_on IS NULL OR reminded_on < $2::date) ORDER BY id`,
      [RUNNING_STATUSES, today, soon],
    );
    const moved: Array<{ household_id: number }> = await em.query(
      `
      SELECT DISTINCT a.household_id FROM affair a
      WHERE a.status = ANY($1::affair_status[]) AND (a.grid_id IS DISTINCT FROM ${ancestorSql('household', 'a.household_id', 'grid', '$2::date')}
        OR a.community_id IS DISTINCT FROM ${ancestorSql('household', 'a.household_id', 'community', '$2::date')})`,
      [OPEN_AFFAIR_STATUSES, today],
    );
    return { escalations, reminders: reminders.map((r) => Number(r.id)), moved: moved.map((m) => Number(m.household_id)) };
  }

  /** Open, overdue, due within a working day, resolved this week (from Monday) and waiting to be classified, in the caller's reach. */
  async counts(ctx: RequestContext): Promise<AffairCounts> {
    const today = ctx.today;
    const calendar = await WorkingCalendar.load(ctx.em);
    const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
    // Open affairs from the index on status and due date, those resolved this week from the index on the day
    // resolved: two index scans in one statement instead of reading every affair (AffairCountPaths).
    const open = readQuery(ctx, Affair, { asOf: today })
      .select([])
      .andWhere('e.status = ANY(:open)', { open: OPEN_AFFAIR_STATUSES })
      .addSelect('COUNT(*)', 'open')
      .addSelect('COUNT(*) FILTER (WHERE e.status = ANY(:running) AND e.due_on < :today)', 'overdue')
      .addSelect('COUNT(*) FILTER (WHERE e.status = ANY(:running) AND e.due_on BETWEEN :today AND :soon)', 'due_soon')
      .addSelect(`COUNT(*) FILTER (WHERE e.status IN ('ACCEPTED', 'RETURNED'))`, 'to_classify')
      .setParameters({ running: RUNNING_STATUSES, today, soon: calendar.addWorkingDays(today, 1) });
    const resolved = readQuery(ctx, Affair, { asOf: today })
      .select([])
      .andWhere('e.resolved_on >= :monday AND e.resolved_on <= :today', { monday: addDays(today, -weekday), today })
      .addSelect('COUNT(*)', 'resolved_this_week');
    const [openSql, openParameters] = open.getQueryAndParameters();
    const [resolvedSql, resolvedParameters] = resolved.getQueryAndParameters();
    const shifted = resolvedSql.replace(/\$(\d+)/g, (_all, n: string) => `$${Number(n) + openParameters.length}`);
    const [row] = await ctx.em.query<Array<Record<string, string>>>(`SELECT * FROM (${openSql}) o, (${shifted}) r`, [
      ...openParameters,
      ...resolvedParameters,
    ]);
    return {
      open: Number(row?.open ?? 0),
      overdue: Number(row?.overdue ?? 0),
      dueSoon: Number(row?.due_soon ?? 0),
      resolvedThisWeek: Number(row?.resolved_this_week ?? 0),
      toClassify: Number(row?.to_classify ?? 0),
    };
  }

  /** The timelines of many affairs: one statement. */
  async timelines(em: EntityManager, affairIds: readonly number[]): Promise<AffairEvent[][]> {
    const events = await em
      .getRepository(AffairEvent)
      .createQueryBuilder('t')
      .where('t.affair_id = ANY(:ids)', { ids: [...affairIds] })
      .orderBy('t.affair_id')
      .addOrderBy('t.id')
      .getMany();
    const byAffair = new Map<number, AffairEvent[]>(affairIds.map((id) => [id, []]));
    for (const event of events) byAffair.get(event.affairId)?.push(event);
    return affairIds.map((id) => byAffair.get(id)!);
  }

  // --- Helpers --------------------------------------------------------------------------------

  private async escalationDue(ctx: RequestContext, affair: Affair, level: 1 | 2): Promise<boolean> {
    if (
      !RUNNING_STATUSES.includes(affair.status) ||
      affair.dueOn === null ||
      affair.dueOn >= ctx.today ||
      affair.escalationLevel !== level - 1
    )
      return false;
    if (level === 1) return true;
    const [category] = await ctx.em.query('SELECT due_working_days FROM service_category WHERE id = $1', [affair.categoryId]);
    const calendar = await WorkingCalendar.load(ctx.em);
    return calendar.addWorkingDays(affair.dueOn, Number(category.due_working_days)) < ctx.today;
  }

  /** The affair locked for the step, in the caller's reach today. */
  private async lock(ctx: RequestContext, rawId: string): Promise<Affair> {
    const id = parseId(rawId);
    if (id !== null) await ctx.em.query('SELECT 1 FROM affair WHERE id = $1 FOR UPDATE', [id]);
    return this.findOne(ctx, rawId);
  }

  private async write(ctx: RequestContext, affair: Affair, changes: Partial<Affair>): Promise<Affair> {
    await ctx.em.update(Affair, { id: affair.id }, { ...changes, version: () => 'version + 1' } as never);
    // Read back as the system: a re-routed affair may have left the caller's reach.
    const after = (await readAffair({ em: ctx.em, scope: Scope.SYSTEM }, affair.id, ctx.today))!;
    await auditService.record(ctx, AuditOperation.UPDATE, Affair.name, affair.id, diff(snapshot(affair), snapshot(after)));
    return after;
  }

  private async event(ctx: RequestContext, affairId: number, values: Partial<AffairEvent>): Promise<void> {
    await ctx.em.insert(AffairEvent, {
      affairId,
      day: ctx.today,
      actorAccountId: ctx.actor.id,
      actorName: ctx.actor.name,
      correlationId: ctx.correlationId,
      note: '',
      ...values,
    } as never);
  }

  private routed(ctx: RequestContext, affairId: number, kind: AffairEventKind, route: RouteDecision, note: string) {
    return this.event(ctx, affairId, {
      kind,
      assigneeId: route.assigneeId,
      routeReason: route.reason,
      routeFallback: route.fallback,
      note,
    });
  }

  /** Where households are on a day: their grid and its community (from the structure module). */
  private async placement(
    em: EntityManager,
    householdIds: number[],
    day: string,
  ): Promise<Array<{ householdId: number; gridId: number; communityId: number }>> {
    const rows: Array<{ id: number; grid_id: number | null; community_id: number | null }> = await em.query(
      `
      SELECT h.id, ${ancestorSql('household', 'h.id', 'grid', '$2::date')} AS grid_id, ${ancestorSql('household', 'h.id', 'community', '$2::date')} AS community_id
      FROM unnest($1::int[]) AS h(id)`,
      [householdIds, day],
    );
    for (const row of rows) {
      if (row.grid_id === null || row.community_id === null)
        throw new BadUserInputError({ householdId: `Household ${row.id} belongs to no grid on ${day}` });
    }
    return rows.map((row) => ({ householdId: Number(row.id), gridId: Number(row.grid_id), communityId: Number(row.community_id) }));
  }

  private async category(
    ctx: RequestContext,
    rawId: string,
  ): Promise<{ id: number; specialistRoleId: number | null; dueWorkingDays: number }> {
    const id = parseId(rawId);
    const [row] =
      id === null
        ? []
        : await ctx.em.query('SELECT id, specialist_role_id, due_working_days, active FROM service_category WHERE id = $1', [id]);
    if (!row) throw new BadUserInputError({ categoryId: `Service category ${rawId} does not exist` });
    if (!row.active) throw new BadUserInputError({ categoryId: `Service category ${rawId} is no longer in use` });
    return {
      id: Number(row.id),
      specialistRoleId: row.specialist_role_id === null ? null : Number(row.specialist_role_id),
      dueWorkingDays: Number(row.due_working_days),
    };
  }

  private async staffOfCommunity(ctx: RequestContext, communityId: number, rawId: string, field: string): Promise<number> {
    const id = parseId(rawId);
    const [row] =
      id === null
        ? []
        : await ctx.em.query('SELECT id FROM staff_member WHERE id = $1 AND home_community_id = $2 AND active', [id, communityId]);
    if (!row)
      throw new BadUserInputError({ [field]: `Staff member ${rawId} is not an active member of staff of community ${communityId}` });
    return Number(row.id);
  }

  private async staffOfAccount(ctx: RequestContext): Promise<number | null> {
    if (!ctx.principal) return null;
    const [row] = await ctx.em.query('SELECT staff_member_id FROM account WHERE id = $1', [ctx.principal.account.id]);
    return row?.staff_member_id == null ? null : Number(row.staff_member_id);
  }

  private async windowOf(ctx: RequestContext, input: AcceptAffairInput, staffMemberId: number | null): Promise<number | null> {
    if (input.channel !== AffairChannel.WINDOW) {
      if (input.serviceWindowId)
        throw new BadUserInputError({ serviceWindowId: `only an affair accepted at a window (channel WINDOW) names one` });
      return null;
    }
    if (input.serviceWindowId) {
      const id = parseId(input.serviceWindowId);
      const window = id === null ? null : await ctx.loaders.byId(ServiceWindow, ctx.today).load(id);
      if (!window) throw new BadUserInputError({ serviceWindowId: `Service window ${input.serviceWindowId} does not exist` });
      return window.id;
    }
    const [held] =
      staffMemberId === null
        ? []
        : await ctx.em.query(
            `SELECT p.service_window_id FROM post_holder h JOIN post p ON p.id = h.post_id
      WHERE h.staff_member_id = $1 AND h.valid @> $2::date AND p.kind = 'WINDOW' ORDER BY h.slot LIMIT 1`,
            [staffMemberId, ctx.today],
          );
    if (!held)
      throw new BadUserInputError({ serviceWindowId: 'name the window the affair was accepted at (you hold no window post today)' });
    return Number(held.service_window_id);
  }
}

/** The affair as of today through `reader`'s scope (the system's reads everything), or undefined. */
async function readAffair(reader: { em: EntityManager; scope: Scope }, id: number, today: string): Promise<Affair | undefined> {
  const [found] = await hydrate(
    reader.em,
    Affair,
    await readQuery(reader, Affair, { asOf: today }).andWhere('e.id = :id', { id }).getRawMany(),
    today,
  );
  return found;
}

/** Work outside a request (the job queue, another module's command on a bare EntityManager): the system acts, on today's clock. */
function systemContext(em: EntityManager): RequestContext {
  const ctx = new RequestContext(em.connection);
  ctx.em = em;
  return ctx;
}

export const affairService = new AffairService();

// Households moved in bulk (a reorganization's steps) take their open affairs along.
onHouseholdsMoved(async (ctx, householdIds, day) => {
  await affairService.rerouteOpenAffairs(ctx, householdIds, day);
});
