import type { ClassType } from 'type-graphql';
import type { ObjectLiteral } from 'typeorm';
import { ConflictReason, PostKind, PostSlot } from '@community-grid/shared';
import { AuditOperation } from '../audit/audit-event.entity';
import { auditService, diff } from '../audit/audit.service';
import { BadUserInputError, ConflictError, FieldProblems, NotFoundError } from '../../core/errors';
import { hydrate, parseId, readQuery } from '../../core/list/list-query-builder';
import type { PeriodEntity } from '../../core/period.entity';
import type { RequestContext } from '../../core/request-context';
import { addDays, toRange, toValidity } from '../../core/time/validity';
import { Community } from '../community/community.entity';
import { Grid } from '../grid/grid.entity';
import { StaffMember } from '../staff-member/staff-member.entity';
import { requireGridInReach } from '../structure/structure-reach';
import { Absence } from './absence.entity';
import { GridAssignment } from './grid-assignment.entity';
import { Post, PostHolder, PostRotation } from './post.entity';
import { staffingRules } from './staffing.config';
import { StaffingTemplate, TemplateAdoption } from './staffing-template.entity';
import type { EntityClass } from '../../core/entity-class';

type Values = Record<string, unknown>;

/**
 * Periods of staffing: a community's template, the holders of its posts, the
 * members of its grids and the absences of its staff. Each write is a period
 * (docs/time.md): it starts on a day, may end on a last day, and a move ends
 * one period the day before another starts. PostgreSQL refuses the overlaps
 * (EXCLUDE constraints); the services check what a constraint cannot say
 * (the day lies in the unit's life, the staff member works there, the limit
 * of grids per person) and lock what they count.
 */
export class StaffingService {
  /** One record of a period entity as of a day, in the caller's reach. */
  async findOne<T extends PeriodEntity>(
    ctx: RequestContext,
    entity: ClassType<T>,
    label: string,
    rawId: string | number,
    asOf = ctx.today,
  ): Promise<T> {
    const id = parseId(rawId);
    const raws = id === null ? [] : await readQuery(ctx, entity, { asOf, includeEnded: true }).andWhere('e.id = :id', { id }).getRawMany();
    const [found] = await hydrate(ctx.em, entity, raws, asOf);
    if (!found) throw new NotFoundError(label, rawId);
    return found;
  }

  // --- Templates ------------------------------------------------------------------------------

  /**
   * From `effectiveOn` the community follows `templateId`: the adoption valid
   * then ends the day before (or, starting that very day, is replaced), and the
   * posts the template requires are opened. Refused when a later adoption exists.
   */
  async adoptTemplate(
    ctx: RequestContext,
    input: { communityId: string; templateId: string; effectiveOn: string },
  ): Promise<TemplateAdoption> {
    const { effectiveOn } = input;
    const communityId = await this.requireCommunity(ctx, input.communityId, effectiveOn, 'communityId');
    const templateId = parseId(input.templateId);
    if (templateId === null || !(await ctx.em.findOneBy(StaffingTemplate, { id: templateId }))) {
      throw new BadUserInputError({ templateId: `Staffing template ${input.templateId} does not exist` });
    }
    // Two adoptions of one community wait for each other.
    await ctx.em.query('SELECT 1 FROM community WHERE id = $1 FOR UPDATE', [communityId]);
    const [later] = await ctx.em.query(
      `SELECT to_char(lower(valid), 'YYYY-MM-DD') AS day FROM template_adoption WHERE community_id = $1 AND lower(valid) > $2::date ORDER BY 1 LIMIT 1`,
      [communityId, effectiveOn],
    );
    if (later)
      throw new ConflictError(
        ConflictReason.LATER_CHANGE,
        `Community ${communityId} already adopts a template from ${later.day}; adopt from that day or end it first`,
      );
    const [current] = await ctx.em.query('SELECT id FROM template_adoption WHERE community_id = $1 AND valid @> $2::date', [
      communityId,
      effectiveOn,
    ]);
    let until: string | null = null;
    if (current) {
      const before = await this.findOne(ctx, TemplateAdoption, 'Template adoption', current.id, effectiveOn);
      until = before.validUntil;
      if (before.validFrom === effectiveOn) {
        await ctx.em.update(TemplateAdoption, { id: before.id }, { templateId, version: () => 'version + 1' } as never);
        await this.audit(ctx, AuditOperation.UPDATE, TemplateAdoption, before.id, before, { ...before, templateId });
        await this.openPosts(ctx, String(communityId), effectiveOn);
        return this.findOne(ctx, TemplateAdoption, 'Template adoption', before.id, effectiveOn);
      }
      await this.cut(ctx, TemplateAdoption, before, addDays(effectiveOn, -1));
    }
    const adoption = await this.insert(ctx, TemplateAdoption, { communityId, templateId }, effectiveOn, until);
    await this.openPosts(ctx, String(communityId), effectiveOn);
    return adoption;
  }

  /**
   * Opens the posts a community needs on `day` and does not have yet: its
   * coordinator post, one per service window, and one per role its template
   * requires. Posts already there stay as they are.
   */
  async openPosts(ctx: RequestContext, rawCommunityId: string, day = ctx.today): Promise<Post[]> {
    const communityId = await this.requireCommunity(ctx, rawCommunityId, day, 'communityId');
    const opened: Array<{ id: number }> = await ctx.em.query(
      `INSERT INTO post (community_id, kind, specialist_role_id, service_window_id)
      SELECT $1, 'COORDINATOR'::post_kind, NULL::int, NULL::int WHERE NOT EXISTS (SELECT 1 FROM post WHERE community_id = $1 AND kind = 'COORDINATOR')
      UNION ALL
      SELECT $1, 'WINDOW', NULL, w.id FROM service_window w WHERE w.community_id = $1 AND NOT EXISTS (SELECT 1 FROM post p WHERE p.service_window_id = w.id)
      UNION ALL
      SELECT $1, 'SPECIALIST', tr.specialist_role_id, NULL FROM template_adoption ta JOIN staffing_template_role tr ON tr.template_id = ta.template_id
        WHERE ta.community_id = $1 AND ta.valid @> $2::date AND NOT EXISTS (SELECT 1 FROM post p WHERE p.community_id = $1 AND p.specialist_role_id = tr.specialist_role_id)
      RETURNING id`,
      [communityId, day],
    );
    for (const { id } of opened) {
      const [post] = await ctx.em.query('SELECT community_id, kind, specialist_role_id, service_window_id FROM post WHERE id = $1', [id]);
      await auditService.record(ctx, AuditOperation.CREATE, Post.name, id, diff(undefined, post));
    }
    return ctx.em.find(Post, { where: { communityId }, order: { id: 'ASC' } });
  }

  // --- Post holders ---------------------------------------------------------------------------

  /** `staffMemberId` holds the A or B slot of `postId` from `validFrom` (default today) to `validUntil` (open when null). */
  async assignPostHolder(
    ctx: RequestContext,
    input: { postId: string; slot: PostSlot; staffMemberId: string; validFrom?: string | null; validUntil?: string | null },
  ): Promise<PostHolder> {
    const from = input.validFrom ?? ctx.today;
    this.checkPeriod(from, input.validUntil);
    const post = await this.requirePost(ctx, input.postId);
    const staff = await this.requireStaff(ctx, input.staffMemberId, 'staffMemberId');
    if (staff.homeCommunityId !== post.communityId) {
      throw new BadUserInputError({ staffMemberId: `Staff member ${staff.id} works in another community than the post's` });
    }
    // Assignments to one post wait for each other; the EXCLUDE constraints decide.
    await ctx.em.query('SELECT 1 FROM post WHERE id = $1 FOR UPDATE', [post.id]);
    return this.insert(
      ctx,
      PostHolder,
      { postId: post.id, communityId: post.communityId, slot: input.slot, staffMemberId: staff.id },
      from,
      input.validUntil ?? null,
    );
  }

  /** The holder's last day; nothing is deleted. */
  async endPostHolder(ctx: RequestContext, rawId: string, lastDay: string): Promise<PostHolder> {
    return this.end(ctx, PostHolder, 'Post holder', rawId, lastDay);
  }

  /**
   * From `effectiveOn` the holder holds another post or slot (or hands over to
   * another person): the period ends the day before and a new one starts, with
   * the same last day.
   */
  async movePostHolder(
    ctx: RequestContext,
    input: { id: string; effectiveOn: string; postId?: string | null; slot?: PostSlot | null; staffMemberId?: string | null },
  ): Promise<PostHolder> {
    const existing = await this.lockForWrite(ctx, PostHolder, 'Post holder', input.id, input.effectiveOn);
    if (!input.postId && !input.slot && !input.staffMemberId) throw new BadUserInputError({ input: 'names nothing to change' });
    this.requireInside(existing, input.effectiveOn, 'effectiveOn');
    await this.cutOrRemove(ctx, PostHolder, existing, input.effectiveOn);
    return this.assignPostHolder(ctx, {
      postId: input.postId ?? String(existing.postId),
      slot: input.slot ?? existing.slot,
      staffMemberId: input.staffMemberId ?? String(existing.staffMemberId),
      validFrom: input.effectiveOn,
      validUntil: existing.validUntil,
    });
  }

  /** From `validFrom` (default today, the first swap day) A and B of the post swap every `everyWeeks` weeks; one rotation per post at a time (OVERLAP). */
  async rotatePost(
    ctx: RequestContext,
    input: { postId: string; everyWeeks: number; validFrom?: string | null; validUntil?: string | null },
  ): Promise<PostRotation> {
    const from = input.validFrom ?? ctx.today;
    this.checkPeriod(from, input.validUntil);
    const post = await this.requirePost(ctx, input.postId);
    await ctx.em.query('SELECT 1 FROM post WHERE id = $1 FOR UPDATE', [post.id]);
    return this.insert(
      ctx,
      PostRotation,
      { postId: post.id, communityId: post.communityId, everyWeeks: input.everyWeeks },
      from,
      input.validUntil ?? null,
    );
  }

  /** The rotation's last day: from the day after, A is responsible again. */
  async endPostRotation(ctx: RequestContext, rawId: string, lastDay: string): Promise<PostRotation> {
    return this.end(ctx, PostRotation, 'Post rotation', rawId, lastDay);
  }

  // --- Grid members ---------------------------------------------------------------------------

  /** `staffMemberId` serves `gridId` from `validFrom` (default today); refused beyond the configured number of grids a person serves at once. */
  async assignGridMember(
    ctx: RequestContext,
    input: { gridId: string; staffMemberId: string; validFrom?: string | null; validUntil?: string | null },
  ): Promise<GridAssignment> {
    const from = input.validFrom ?? ctx.today;
    this.checkPeriod(from, input.validUntil);
    const problems = new FieldProblems();
    const gridId = parseId(input.gridId);
    const grid = gridId === null ? undefined : await readQuery(ctx, Grid, { asOf: from }).andWhere('e.id = :gridId', { gridId }).getOne();
    if (!grid || gridId === null) problems.add('gridId', `Grid ${input.gridId} does not exist on ${from}`);
    else await requireGridInReach(ctx, gridId, 'gridId', problems);
    problems.throwIfAny();
    const staff = await this.requireStaff(ctx, input.staffMemberId, 'staffMemberId');
    // The person's row is held so that two assignments cannot both slip under the limit.
    await ctx.em.query('SELECT 1 FROM staff_member WHERE id = $1 FOR UPDATE', [staff.id]);
    const range = toRange(from, input.validUntil ?? null);
    // The most grids served on one day of the new period: counts change only where an assignment starts.
    const [{ most }] = await ctx.em.query(
      `SELECT COALESCE(MAX((SELECT COUNT(*) FROM grid_assignment o WHERE o.staff_member_id = $1 AND o.valid @> d.day)), 0)::int AS most
      FROM (SELECT $2::date AS day UNION SELECT lower(a.valid) FROM grid_assignment a WHERE a.staff_member_id = $1 AND a.valid && $3::daterange AND lower(a.valid) > $2::date) d`,
      [staff.id, from, range],
    );
    if (most >= staffingRules.maxGridsPerStaff) {
      throw new ConflictError(
        ConflictReason.LIMIT_REACHED,
        `Staff member ${staff.id} would serve more than ${staffingRules.maxGridsPerStaff} grids at once`,
      );
    }
    return this.insert(ctx, GridAssignment, { gridId, staffMemberId: staff.id }, from, input.validUntil ?? null);
  }

  async endGridMember(ctx: RequestContext, rawId: string, lastDay: string): Promise<GridAssignment> {
    return this.end(ctx, GridAssignment, 'Grid assignment', rawId, lastDay);
  }

  /** From `effectiveOn` the member serves another grid: the assignment ends the day before and a new one starts. */
  async moveGridMember(ctx: RequestContext, input: { id: string; effectiveOn: string; gridId: string }): Promise<GridAssignment> {
    const existing = await this.lockForWrite(ctx, GridAssignment, 'Grid assignment', input.id, input.effectiveOn);
    this.requireInside(existing, input.effectiveOn, 'effectiveOn');
    await this.cutOrRemove(ctx, GridAssignment, existing, input.effectiveOn);
    return this.assignGridMember(ctx, {
      gridId: input.gridId,
      staffMemberId: String(existing.staffMemberId),
      validFrom: input.effectiveOn,
      validUntil: existing.validUntil,
    });
  }

  // --- Absences -------------------------------------------------------------------------------

  async createAbsence(
    ctx: RequestContext,
    input: { staffMemberId: string; validFrom: string; validUntil: string; reason: string; note?: string | null },
  ): Promise<Absence> {
    this.checkPeriod(input.validFrom, input.validUntil);
    const staff = await this.requireStaff(ctx, input.staffMemberId, 'staffMemberId');
    return this.insert(
      ctx,
      Absence,
      { staffMemberId: staff.id, reason: input.reason, note: input.note ?? '' },
      input.validFrom,
      input.validUntil,
    );
  }

  /** A correction of an absence: its days, reason or note. */
  async updateAbsence(
    ctx: RequestContext,
    input: {
      id: string;
      version: number;
      validFrom?: string | null;
      validUntil?: string | null;
      reason?: string | null;
      note?: string | null;
    },
  ): Promise<Absence> {
    const existing = await this.lockForWrite(ctx, Absence, 'Absence', input.id, ctx.today);
    if (existing.version !== input.version) {
      throw new ConflictError(
        ConflictReason.STALE_VERSION,
        `Absence ${existing.id} was changed by someone else (now version ${existing.version}); reload it and apply your change again`,
      );
    }
    const from = input.validFrom ?? existing.validFrom;
    const until = input.validUntil ?? existing.validUntil!;
    this.checkPeriod(from, until);
    await ctx.em.update(Absence, { id: existing.id }, {
      valid: toRange(from, until),
      reason: (input.reason ?? existing.reason) as never,
      note: input.note ?? existing.note,
      version: () => 'version + 1',
    } as never);
    const updated = await this.findOne(ctx, Absence, 'Absence', existing.id, from);
    await this.audit(ctx, AuditOperation.UPDATE, Absence, existing.id, existing, updated);
    return updated;
  }

  /** Removes an absence recorded by mistake (or one called off). */
  async deleteAbsence(ctx: RequestContext, rawId: string): Promise<Absence> {
    const existing = await this.lockForWrite(ctx, Absence, 'Absence', rawId, ctx.today);
    await ctx.em.delete(Absence, existing.id);
    await this.audit(ctx, AuditOperation.DELETE, Absence, existing.id, existing, undefined);
    return existing;
  }

  // --- Shared steps ---------------------------------------------------------------------------

  private checkPeriod(from: string, until: string | null | undefined): void {
    if (until != null && until < from) throw new BadUserInputError({ validUntil: `must not be before the first day, ${from}` });
  }

  private async requireCommunity(ctx: RequestContext, rawId: string, day: string, field: string): Promise<number> {
    const id = parseId(rawId);
    const found = id === null ? 0 : await readQuery(ctx, Community, { asOf: day }).andWhere('e.id = :id', { id }).getCount();
    if (!found || id === null) throw new BadUserInputError({ [field]: `Community ${rawId} does not exist on ${day}` });
    // Writers other than the district's reach only their own communities, today.
    if (ctx.scope.reach && !ctx.scope.reach.communityIds.includes(id)) throw new NotFoundError('Community', rawId);
    return id;
  }

  private async requirePost(ctx: RequestContext, rawId: string): Promise<Post> {
    const id = parseId(rawId);
    const post = id === null ? null : await readQuery(ctx, Post, { asOf: ctx.today }).andWhere('e.id = :id', { id }).getOne();
    if (!post) throw new NotFoundError('Post', rawId);
    return post;
  }

  /** An active member of staff in the caller's reach. */
  private async requireStaff(ctx: RequestContext, rawId: string, field: string): Promise<StaffMember> {
    const id = parseId(rawId);
    const staff = id === null ? null : await readQuery(ctx, StaffMember, { asOf: ctx.today }).andWhere('e.id = :id', { id }).getOne();
    if (!staff) throw new BadUserInputError({ [field]: `Staff member ${rawId} does not exist` });
    if (!staff.active) throw new BadUserInputError({ [field]: `Staff member ${rawId} is not active` });
    return staff;
  }

  /** The record, its row held until the transaction ends, in the caller's reach today. */
  private async lockForWrite<T extends PeriodEntity>(
    ctx: RequestContext,
    entity: ClassType<T>,
    label: string,
    rawId: string,
    day: string,
  ): Promise<T> {
    const id = parseId(rawId);
    if (id !== null) await ctx.em.query(`SELECT 1 FROM ${ctx.em.getRepository(entity).metadata.tableName} WHERE id = $1 FOR UPDATE`, [id]);
    await this.findOne(ctx, entity, label, rawId, ctx.today);
    return this.findOne(ctx, entity, label, rawId, day);
  }

  private requireInside(existing: PeriodEntity, day: string, field: string): void {
    const { from, until } = toValidity(existing.valid);
    if (day < from || (until !== null && day > until))
      throw new BadUserInputError({ [field]: `must lie between ${from} and ${until ?? 'its open end'}` });
  }

  private async end<T extends PeriodEntity>(
    ctx: RequestContext,
    entity: ClassType<T>,
    label: string,
    rawId: string,
    lastDay: string,
  ): Promise<T> {
    const existing = await this.lockForWrite(ctx, entity, label, rawId, lastDay);
    const { from, until } = toValidity(existing.valid);
    if (lastDay < from) throw new BadUserInputError({ lastDay: `must not be before the first day, ${from}` });
    if (until !== null && until <= lastDay)
      throw new ConflictError(ConflictReason.ENDED, `${label} ${existing.id} already ends on ${until}`);
    return this.cut(ctx, entity, existing, lastDay);
  }

  /** Ends the period on `lastDay`. */
  private async cut<T extends PeriodEntity>(ctx: RequestContext, entity: ClassType<T>, existing: T, lastDay: string): Promise<T> {
    await ctx.em.query(
      `UPDATE ${ctx.em.getRepository(entity).metadata.tableName} SET valid = daterange(lower(valid), $2::date), version = version + 1, updated_at = now() WHERE id = $1`,
      [existing.id, addDays(lastDay, 1)],
    );
    const ended = await this.findOne(ctx, entity, entity.name, existing.id, lastDay);
    await this.audit(ctx, AuditOperation.UPDATE, entity, existing.id, existing, ended);
    return ended;
  }

  /** Ends the period the day before `day`; a period starting on `day` itself is replaced, so it is removed. */
  private async cutOrRemove<T extends PeriodEntity>(ctx: RequestContext, entity: ClassType<T>, existing: T, day: string): Promise<void> {
    if (toValidity(existing.valid).from < day) {
      await this.cut(ctx, entity, existing, addDays(day, -1));
      return;
    }
    await ctx.em.delete(entity, existing.id);
    await this.audit(ctx, AuditOperation.DELETE, entity, existing.id, existing, undefined);
  }

  private async insert<T extends PeriodEntity>(
    ctx: RequestContext,
    entity: ClassType<T>,
    values: Values,
    from: string,
    until: string | null,
  ): Promise<T> {
    const { identifiers } = await ctx.em.insert(entity, { ...values, valid: toRange(from, until) } as never);
    const id = identifiers[0].id as number;
    const created = await this.findOne(ctx, entity, entity.name, id, from);
    await this.audit(ctx, AuditOperation.CREATE, entity, id, undefined, created);
    return created;
  }

  private audit(
    ctx: RequestContext,
    operation: AuditOperation,
    entity: EntityClass,
    id: number,
    before: ObjectLiteral | undefined,
    after: ObjectLiteral | undefined,
  ) {
    const shown = (record: ObjectLiteral | undefined) =>
      record && { ...record, validFrom: record.validFrom, validUntil: record.validUntil, asOf: undefined };
    return auditService.record(ctx, operation, entity.name, id, diff(shown(before), shown(after)));
  }
}

export const staffingService = new StaffingService();

export { PostKind };
