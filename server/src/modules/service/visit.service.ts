import { AffairChannel, ResidentTag } from '@community-grid/shared';
import { AuditOperation } from '../audit/audit-event.entity';
import { auditService, diff } from '../audit/audit.service';
import { BadUserInputError, FieldProblems, NotFoundError } from '../../core/errors';
import { findList, hydrate, parseId, readQuery } from '../../core/list/list-query-builder';
import type { ListOptions, ListResult } from '../../core/list/list-options';
import type { RequestContext } from '../../core/request-context';
import { Grid } from '../grid/grid.entity';
import { Household } from '../household/household.entity';
import { householdService } from '../household/household.service';
import { ancestorSql, under } from '../structure/structure';
import { Visit } from './affair.entity';
import { affairService } from './affair.service';
import type { GridVisitCoverage, RecordVisitInput } from './service.inputs';

/** A household is due a visit this many days after the last one. */
export const VISIT_INTERVAL_DAYS = 90;
/** Households with special-population residents, more often. */
export const SPECIAL_VISIT_INTERVAL_DAYS = 30;
export const SPECIAL_TAGS = [ResidentTag.ELDERLY_ALONE, ResidentTag.DISABLED, ResidentTag.LEFT_BEHIND_CHILD];

/**
 * Door-to-door visits: recorded by the grid member who made them (in their
 * grid on the day), possibly raising affairs on the spot and correcting the
 * household's address; coverage per grid and the households due a visit.
 */
export class VisitService {
  findList(ctx: RequestContext, options?: ListOptions): Promise<ListResult<Visit>> {
    return findList(ctx, Visit, options, { searchColumns: ['findings'] }, { asOf: ctx.today });
  }

  async findOne(ctx: RequestContext, rawId: string): Promise<Visit> {
    const id = parseId(rawId);
    const [found] =
      id === null
        ? []
        : await hydrate(
            ctx.em,
            Visit,
            await readQuery(ctx, Visit, { asOf: ctx.today }).andWhere('e.id = :id', { id }).getRawMany(),
            ctx.today,
          );
    if (!found) throw new NotFoundError('Visit', rawId);
    return found;
  }

  async record(ctx: RequestContext, input: RecordVisitInput): Promise<Visit> {
    const day = input.visitedOn ?? ctx.today;
    const problems = new FieldProblems();
    if (day > ctx.today) problems.add('visitedOn', `must not be after today, ${ctx.today}`);
    problems.throwIfAny();
    const householdId = parseId(input.householdId);
    const [household] =
      householdId === null
        ? []
        : await hydrate(
            ctx.em,
            Household,
            await readQuery(ctx, Household, { asOf: day }).andWhere('e.id = :id', { id: householdId }).getRawMany(),
            day,
          );
    if (!household)
      throw new BadUserInputError({ householdId: `Household ${input.householdId} does not exist on ${day} (or is outside your reach)` });
    const [{ community_id: communityId }] = await ctx.em.query(
      `SELECT ${ancestorSql('grid', '$1::int', 'community', '$2::date')} AS community_id`,
      [household.gridId, day],
    );
    const staffMemberId = await this.visitor(ctx, input.staffMemberId ?? null, household.gridId, day);
    const { identifiers } = await ctx.em.insert(Visit, {
      staffMemberId,
      householdId: household.id,
      gridId: household.gridId,
      communityId: Number(communityId),
      visitedOn: day,
      purpose: input.purpose,
      findings: input.findings.trim(),
      followUp: input.followUp,
    } as never);
    const id = Number(identifiers[0].id);
    const visit = await this.findOne(ctx, String(id));
    await auditService.record(ctx, AuditOperation.CREATE, Visit.name, id, diff(undefined, { ...visit, asOf: undefined }));
    for (const affair of input.affairs ?? []) {
      await affairService.accept(
        ctx,
        {
          residentId: affair.residentId ?? null,
          householdId: affair.residentId ? null : String(household.id),
          categoryId: affair.categoryId ?? null,
          channel: AffairChannel.DOOR_VISIT,
          description: affair.description,
          note: `raised during visit ${id}`,
        },
        id,
      );
    }
    if (input.address !== undefined && input.address !== household.address) {
      await householdService.update(ctx, { id: String(household.id), version: household.version, address: input.address } as never);
    }
    return visit;
  }

  /**
   * Coverage of every grid in reach on `day` (or of one community's grids): the grids, then their
   * figures in one set-based statement. Each household's last visit comes from one pass over the
   * visits up to the day (grouped by household), and the special-population households from one
   * pass over the residents' versions on the day whose tags meet the special tags (their GIN index),
   * both hashed against the grids' households: no subquery runs per household.
   */
  async coverage(ctx: RequestContext, day: string, rawCommunityId?: string | null): Promise<GridVisitCoverage[]> {
    const communityId = rawCommunityId == null ? null : parseId(rawCommunityId);
    if (rawCommunityId != null && communityId === null) throw new BadUserInputError({ communityId: 'is not an id' });
    const reach = ctx.scope.reach;
    const grids = readQuery(ctx, Grid, { asOf: day }).select('e.id', 'id');
    if (reach?.gridIds) grids.andWhere('e.id = ANY(:reachGrids)', { reachGrids: reach.gridIds });
    else if (reach) grids.andWhere('v.community_id = ANY(:reachCommunities)', { reachCommunities: reach.communityIds });
    if (communityId !== null) grids.andWhere('v.community_id = :communityId', { communityId });
    const gridIds = (await grids.getRawMany<{ id: number }>()).map((row) => Number(row.id));
    const rows: Array<Record<string, string>> = await ctx.em.query(
      `
      WITH last AS (
        SELECT vi.household_id, MAX(vi.visited_on) AS last_visit FROM visit vi WHERE vi.visited_on <= $2::date GROUP BY vi.household_id
      ), special AS (
        SELECT DISTINCT rv.household_id FROM resident_version rv WHERE rv.valid @> $2::date AND rv.tags && $3::text[]
      ), hh AS (
        SELECT hv.household_id, hv.grid_id, last.last_visit, special.household_id IS NOT NULL AS special
        FROM household_version hv
          LEFT JOIN last ON last.household_id = hv.household_id
          LEFT JOIN special ON special.household_id = hv.household_id
        WHERE hv.valid @> $2::date AND ${under('household', 'hv', 'grid', '$1::int[]', '$2::date')})
      SELECT g.id AS grid_id, ${ancestorSql('grid', 'g.id', 'community', '$2::date')} AS community_id,
        COUNT(hh.household_id) AS households,
        COUNT(hh.household_id) FILTER (WHERE hh.last_visit > $2::date - ${VISIT_INTERVAL_DAYS}) AS visited,
        COUNT(hh.household_id) FILTER (WHERE hh.last_visit IS NULL) AS never_visited,
        COUNT(hh.household_id) FILTER (WHERE hh.special AND (hh.last_visit IS NULL OR hh.last_visit <= $2::date - ${SPECIAL_VISIT_INTERVAL_DAYS})) AS special_due
      FROM unnest($1::int[]) AS g(id) LEFT JOIN hh ON hh.grid_id = g.id
      GROUP BY g.id ORDER BY g.id`,
      [gridIds, day, SPECIAL_TAGS],
    );
    return rows.map((row) => {
      const households = Number(row.households);
      const visited = Number(row.visited);
      return {
        gridId: Number(row.grid_id),
        communityId: Number(row.community_id),
        households,
        visited,
        share: households ? Math.round((visited / households) * 1000) / 1000 : 0,
        neverVisited: Number(row.never_visited),
        specialDue: Number(row.special_due),
      };
    });
  }

  /**
   * Households of the caller's grids (or one grid) in order of their visit due
   * date: never visited first (due since they joined), then by last visit plus
   * the interval (shorter for special-population households).
   */
  async dueList(ctx: RequestContext, rawGridId: string | null | undefined, skip: number, take: number) {
    const day = ctx.today;
    const reach = ctx.scope.reach;
    let gridIds: number[] | null = reach?.gridIds ?? null;
    if (rawGridId != null) {
      const gridId = parseId(rawGridId);
      if (gridId === null || (gridIds && !gridIds.includes(gridId))) throw new NotFoundError('Grid', rawGridId);
      gridIds = [gridId];
    }
    const communityIds = gridIds ? null : (reach?.communityIds ?? null);
    const rows: Array<Record<string, string | boolean | null>> = await ctx.em.query(
      `
      WITH hh AS (
        SELECT hv.household_id, lower(hv.valid) AS joined,
          (SELECT MAX(vi.visited_on) FROM visit vi WHERE vi.household_id = hv.household_id AND vi.visited_on <= $1::date) AS last_visit,
          EXISTS (SELECT 1 FROM resident_version rv WHERE rv.household_id = hv.household_id AND rv.valid @> $1::date AND rv.tags && $4::text[]) AS special
        FROM household_version hv WHERE hv.valid @> $1::date
          AND ($2::int[] IS NULL OR hv.grid_id = ANY($2::int[]))
          AND ($3::int[] IS NULL OR ${under('household', 'hv', 'community', '$3::int[]', '$1::date')}))
      SELECT household_id, last_visit::text AS last_visit, special,
        (CASE WHEN last_visit IS NULL THEN joined ELSE last_visit + CASE WHEN special THEN ${SPECIAL_VISIT_INTERVAL_DAYS} ELSE ${VISIT_INTERVAL_DAYS} END END)::text AS due_on,
        COUNT(*) OVER () AS total
      FROM hh ORDER BY due_on, household_id OFFSET $5 LIMIT $6`,
      [day, gridIds, communityIds, SPECIAL_TAGS, skip, take],
    );
    const households = await Promise.all(rows.map((row) => ctx.loaders.byId(Household, day).load(Number(row.household_id))));
    return {
      totalItems: rows.length ? Number(rows[0].total) : 0,
      items: rows.map((row, i) => ({
        household: households[i]!,
        lastVisitedOn: row.last_visit as string | null,
        dueOn: String(row.due_on),
        special: Boolean(row.special),
      })),
    };
  }

  /** The member of staff who visited: named, or the caller's own staff record; they must serve the grid that day. */
  private async visitor(ctx: RequestContext, rawId: string | null, gridId: number, day: string): Promise<number> {
    let staffMemberId: number | null;
    if (rawId !== null) {
      staffMemberId = parseId(rawId);
      if (staffMemberId === null) throw new BadUserInputError({ staffMemberId: 'is not an id' });
    } else {
      const [row] = ctx.principal
        ? await ctx.em.query('SELECT staff_member_id FROM account WHERE id = $1', [ctx.principal.account.id])
        : [];
      staffMemberId = row?.staff_member_id == null ? null : Number(row.staff_member_id);
      if (staffMemberId === null)
        throw new BadUserInputError({ staffMemberId: 'name the grid member who visited (your account has no staff record)' });
    }
    const [serves] = await ctx.em.query('SELECT 1 FROM grid_assignment WHERE staff_member_id = $1 AND grid_id = $2 AND valid @> $3::date', [
      staffMemberId,
      gridId,
      day,
    ]);
    if (!serves) throw new BadUserInputError({ staffMemberId: `Staff member ${staffMemberId} does not serve grid ${gridId} on ${day}` });
    return staffMemberId;
  }
}

export const visitService = new VisitService();
