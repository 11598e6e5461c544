import { DutyGapKind, RoleCoverageStatus } from '@community-grid/shared';
import { registerEnumType } from 'type-graphql';
import { BadUserInputError, NotFoundError } from '../../core/errors';
import { parseId } from '../../core/list/list-query-builder';
import type { RequestContext } from '../../core/request-context';
import { addDays } from '../../core/time/validity';
import { MAX_DUTY_DAYS, staffingRules } from './staffing.config';

export interface RoleCoverageRow {
  day: string;
  communityId: number;
  specialistRoleId: number;
  status: RoleCoverageStatus;
  postId: number | null;
  holderAId: number | null;
  holderBId: number | null;
  onDutyId: number | null;
}

/** Who is at a post on a day: the one responsible, the other holder covering, or nobody. */
export enum DutyStatus {
  ON_DUTY = 'ON_DUTY',
  COVERING = 'COVERING',
  GAP = 'GAP',
}
registerEnumType(DutyStatus, {
  name: 'DutyStatus',
  description:
    "ON_DUTY: the one responsible (A, or B in a rotation's swapped weeks); COVERING: the other holder, as the responsible one is away; GAP: nobody.",
});

export interface DutyRosterRow {
  day: string;
  communityId: number;
  postId: number;
  onDutyId: number | null;
  status: DutyStatus;
  /** The one covering is also needed at another post that day. */
  doubleDuty: boolean;
}

export interface DutyGapRow {
  day: string;
  kind: DutyGapKind;
  communityId: number;
  postId: number | null;
  gridId: number | null;
  staffMemberId: number | null;
  /** Grid gaps: how many members served the grid that day. */
  memberCount: number | null;
}

/**
 * The days from $1 to $2 and, for each, every required post of the
 * communities that `communityCondition` selects with who is on duty: A, or B
 * when A is away or inactive (the other way round in a rotation's swapped
 * weeks), and whether the one on duty is covering. Shared by the roster and
 * the gaps, so both say the same thing. Ends with the CTE `duty`, followed by a comma.
 */
function dutyOnDays(communityCondition: string): string {
  return `days AS (SELECT d::date AS day FROM generate_series($1::date, $2::date, interval '1 day') d),
      communities AS (SELECT c.id, c.valid FROM community c WHERE c.valid && daterange($1::date, $2::date, '[]') AND (${communityCondition})),
      away AS (
        SELECT a.staff_member_id, a.valid, upper(a.valid) - lower(a.valid) AS length FROM absence a
        WHERE a.valid && daterange($1::date, $2::date, '[]')),
      -- Required posts on each day: the coordinator and the windows always, a specialist role while the template adopted that day names it.
      post_days AS (
        SELECT d.day, p.id AS post_id, p.community_id FROM days d
        JOIN communities c ON c.valid @> d.day
        JOIN post p ON p.community_id = c.id
        WHERE p.kind <> 'SPECIALIST' OR EXISTS (
          SELECT 1 FROM template_adoption ta JOIN staffing_template_role tr ON tr.template_id = ta.template_id
          JOIN specialist_role r ON r.id = tr.specialist_role_id AND r.valid @> d.day
          WHERE ta.community_id = p.community_id AND ta.valid @> d.day AND tr.specialist_role_id = p.specialist_role_id)),
      -- Each required post's A and B on the day, looked up by post (a handful of rows each; LIMIT 1, as the
      -- constraints allow one, keeps the lookup per post rather than a join the planner misjudges): on duty is A, else B, if there.
      -- In a rotation's swapped weeks B is the one responsible and A covers.
      duty AS (
        SELECT pd.day, pd.post_id, pd.community_id,
          CASE WHEN rot.swapped THEN
            CASE WHEN b.present THEN b.staff_member_id WHEN a.present THEN a.staff_member_id END
          ELSE
            CASE WHEN a.present THEN a.staff_member_id WHEN b.present THEN b.staff_member_id END
          END AS on_duty,
          CASE WHEN rot.swapped THEN NOT COALESCE(b.present, false) AND COALESCE(a.present, false)
            ELSE NOT COALESCE(a.present, false) AND COALESCE(b.present, false) END AS covering
        FROM post_days pd
        LEFT JOIN LATERAL (SELECT h.staff_member_id, ${PRESENT} AS present FROM post_holder h JOIN staff_member sm ON sm.id = h.staff_member_id
          WHERE h.post_id = pd.post_id AND h.slot = 'A' AND h.valid @> pd.day LIMIT 1) a ON true
        LEFT JOIN LATERAL (SELECT h.staff_member_id, ${PRESENT} AS present FROM post_holder h JOIN staff_member sm ON sm.id = h.staff_member_id
          WHERE h.post_id = pd.post_id AND h.slot = 'B' AND h.valid @> pd.day LIMIT 1) b ON true
        LEFT JOIN LATERAL (${SWAPPED('pd.post_id', 'pd.day')}) rot ON true),
`;
}

/**
 * Who is there, per day: posts with their A and B holders (A on duty, B when
 * A is away or inactive), and grids with their members. Everything is
 * computed from the periods (adoptions, holders, assignments, absences) for
 * the days asked, so a leave recorded for next week shows as next week's gap
 * today, and nothing is stored about "today".
 */
export class CoverageService {
  /**
   * Community × role on a day: FILLED, COVERED_BY_B, VACANT or NOT_REQUIRED,
   * for every role of the catalogue valid that day. One statement.
   */
  async roleCoverage(ctx: RequestContext, rawCommunityId: string | null | undefined, day: string): Promise<RoleCoverageRow[]> {
    const communities = this.communities(ctx, rawCommunityId);
    const rows: Array<Record<string, unknown>> = await ctx.em.query(
      `
      SELECT $1::date::text AS day, c.id AS community_id, r.id AS specialist_role_id, p.id AS post_id,
        a.staff_member_id AS holder_a_id, b.staff_member_id AS holder_b_id,
        CASE WHEN req.template_id IS NULL THEN 'NOT_REQUIRED' WHEN first.present THEN 'FILLED' WHEN second.present THEN 'COVERED_BY_B' ELSE 'VACANT' END AS status,
        CASE WHEN req.template_id IS NULL THEN NULL WHEN first.present THEN first.staff_member_id WHEN second.present THEN second.staff_member_id END AS on_duty_id
      FROM community c
      CROSS JOIN specialist_role r
      LEFT JOIN template_adoption ta ON ta.community_id = c.id AND ta.valid @> $1::date
      LEFT JOIN staffing_template_role req ON req.template_id = ta.template_id AND req.specialist_role_id = r.id
      LEFT JOIN post p ON p.community_id = c.id AND p.specialist_role_id = r.id
      LEFT JOIN LATERAL (SELECT h.staff_member_id, (sm.active AND NOT EXISTS (SELECT 1 FROM absence ab WHERE ab.staff_member_id = h.staff_member_id AND ab.valid @> $1::date)) AS present FROM post_holder h
        JOIN staff_member sm ON sm.id = h.staff_member_id
        WHERE h.post_id = p.id AND h.slot = 'A' AND h.valid @> $1::date) a ON true
      LEFT JOIN LATERAL (SELECT h.staff_member_id, (sm.active AND NOT EXISTS (SELECT 1 FROM absence ab WHERE ab.staff_member_id = h.staff_member_id AND ab.valid @> $1::date)) AS present FROM post_holder h
        JOIN staff_member sm ON sm.id = h.staff_member_id
        WHERE h.post_id = p.id AND h.slot = 'B' AND h.valid @> $1::date) b ON true
      LEFT JOIN LATERAL (${SWAPPED('p.id', '$1::date')}) rot ON true
      -- The one responsible (A, or B in a rotation's swapped weeks) and the one who covers.
      CROSS JOIN LATERAL (SELECT CASE WHEN rot.swapped THEN b.staff_member_id ELSE a.staff_member_id END AS staff_member_id,
        CASE WHEN rot.swapped THEN b.present ELSE a.present END AS present) first
      CROSS JOIN LATERAL (SELECT CASE WHEN rot.swapped THEN a.staff_member_id ELSE b.staff_member_id END AS staff_member_id,
        CASE WHEN rot.swapped THEN a.present ELSE b.present END AS present) second
      WHERE c.valid @> $1::date AND r.valid @> $1::date AND (${communities.sql('c.id', 2)})
      ORDER BY c.id, r.code`,
      [day, communities.value],
    );
    return rows.map((row) => ({
      day,
      communityId: Number(row.community_id),
      specialistRoleId: Number(row.specialist_role_id),
      status: row.status as RoleCoverageStatus,
      postId: num(row.post_id),
      holderAId: num(row.holder_a_id),
      holderBId: num(row.holder_b_id),
      onDutyId: num(row.on_duty_id),
    }));
  }

  /**
   * The duty view: for each day from `from` to `to` (both inclusive) and each
   * required post of the communities asked, who is on duty (the one
   * responsible, or the other holder covering), or nobody (a gap), and whether
   * the one covering is also needed at another post that day. One statement.
   */
  async dutyRoster(ctx: RequestContext, from: string, to: string, rawCommunityId?: string | null): Promise<DutyRosterRow[]> {
    if (to < from) throw new BadUserInputError({ to: `must not be before from, ${from}` });
    if (addDays(from, MAX_DUTY_DAYS - 1) < to) throw new BadUserInputError({ to: `spans at most ${MAX_DUTY_DAYS} days` });
    const communities = this.communities(ctx, rawCommunityId);
    const rows: Array<Record<string, unknown>> = await ctx.em.query(
      `
      WITH ${dutyOnDays(communities.sql('c.id', 3))}
      counted AS (SELECT duty.*, COUNT(on_duty) OVER (PARTITION BY day, on_duty) AS posts FROM duty)
      SELECT day::text AS day, community_id, post_id, on_duty, covering, (on_duty IS NOT NULL AND covering AND posts > 1) AS double_duty
      FROM counted ORDER BY day, community_id, post_id`,
      [from, to, communities.value],
    );
    return rows.map((row) => ({
      day: String(row.day),
      communityId: Number(row.community_id),
      postId: Number(row.post_id),
      onDutyId: num(row.on_duty),
      status: row.on_duty === null ? DutyStatus.GAP : row.covering ? DutyStatus.COVERING : DutyStatus.ON_DUTY,
      doubleDuty: Boolean(row.double_duty),
    }));
  }

  /**
   * Every day's gaps from `from` to `to` (both inclusive), district-wide or for
   * one community: required posts with nobody on duty, B holders needed at two
   * posts the same day, grids with other than two members, and grids served by
   * someone inactive or absent longer than the configured number of days.
   * One statement: the days (generate_series) joined to the periods valid on them.
   */
  async dutyGaps(
    ctx: RequestContext,
    from: string,
    to: string,
    rawCommunityId?: string | null,
    kinds?: DutyGapKind[] | null,
  ): Promise<DutyGapRow[]> {
    if (to < from) throw new BadUserInputError({ to: `must not be before from, ${from}` });
    if (addDays(from, MAX_DUTY_DAYS - 1) < to) throw new BadUserInputError({ to: `spans at most ${MAX_DUTY_DAYS} days` });
    const communities = this.communities(ctx, rawCommunityId);
    const rows: Array<Record<string, unknown>> = await ctx.em.query(
      `
      WITH ${dutyOnDays(communities.sql('c.id', 3))}
      busy AS (
        SELECT duty.*, COUNT(*) OVER (PARTITION BY day, on_duty) AS posts FROM duty WHERE on_duty IS NOT NULL),
      grid_days AS (
        SELECT d.day, gv.grid_id, gv.community_id FROM days d
        JOIN grid_version gv ON gv.valid @> d.day WHERE gv.community_id IN (SELECT id FROM communities)),
      members AS (
        SELECT gd.day, gd.grid_id, gd.community_id, ga.staff_member_id, sm.active,
          (SELECT MAX(w.length) FROM away w WHERE w.staff_member_id = ga.staff_member_id AND w.valid @> gd.day) AS away_for
        FROM grid_days gd JOIN grid_assignment ga ON ga.grid_id = gd.grid_id AND ga.valid @> gd.day
        JOIN staff_member sm ON sm.id = ga.staff_member_id)
      SELECT gaps.day::text AS day, kind, community_id, post_id, grid_id, staff_member_id, member_count FROM (
        SELECT day, 'POST_UNCOVERED' AS kind, community_id, post_id, NULL::int AS grid_id, NULL::int AS staff_member_id, NULL::int AS member_count
          FROM duty WHERE on_duty IS NULL
        UNION ALL
        SELECT day, 'DOUBLE_DUTY', community_id, post_id, NULL, on_duty, NULL FROM busy WHERE posts > 1 AND covering
        UNION ALL
        SELECT gd.day, CASE WHEN COUNT(m.staff_member_id) < 2 THEN 'GRID_UNDERSTAFFED' ELSE 'GRID_OVERSTAFFED' END, gd.community_id, NULL, gd.grid_id, NULL,
            COUNT(m.staff_member_id)::int
          FROM grid_days gd LEFT JOIN members m ON m.day = gd.day AND m.grid_id = gd.grid_id
          GROUP BY gd.day, gd.grid_id, gd.community_id HAVING COUNT(m.staff_member_id) <> 2
        UNION ALL
        SELECT day, 'GRID_MEMBER_UNAVAILABLE', community_id, NULL, grid_id, staff_member_id, NULL FROM members
          WHERE NOT active OR away_for > $4::int
      ) gaps
      WHERE $5::text[] IS NULL OR kind = ANY($5::text[])
      ORDER BY day, community_id, kind, post_id, grid_id, staff_member_id`,
      [from, to, communities.value, staffingRules.absenceGapDays, kinds?.length ? kinds : null],
    );
    return rows.map((row) => ({
      day: String(row.day),
      kind: row.kind as DutyGapKind,
      communityId: Number(row.community_id),
      postId: num(row.post_id),
      gridId: num(row.grid_id),
      staffMemberId: num(row.staff_member_id),
      memberCount: num(row.member_count),
    }));
  }

  /**
   * The communities a question covers: one asked for (NOT_FOUND outside the
   * caller's reach), else all those in reach. An SQL condition on `$n`.
   */
  private communities(
    ctx: RequestContext,
    rawCommunityId: string | null | undefined,
  ): { value: number[] | null; sql: (column: string, n: number) => string } {
    const reach = ctx.scope.reach?.communityIds ?? null;
    let ids = reach;
    if (rawCommunityId != null) {
      const id = parseId(rawCommunityId);
      if (id === null || (reach && !reach.includes(id))) throw new NotFoundError('Community', rawCommunityId);
      ids = [id];
    }
    return { value: ids, sql: (column, n) => `$${n}::int[] IS NULL OR ${column} = ANY($${n}::int[])` };
  }
}

/** A holder `h` (with their staff row `sm`) is there on `pd.day`: active and not absent. */
const PRESENT = 'sm.active AND NOT EXISTS (SELECT 1 FROM away w WHERE w.staff_member_id = h.staff_member_id AND w.valid @> pd.day)';
/**
 * Whether the post's rotation has A and B swapped on the day: counted from the
 * rotation's first day (a swap day), every other span of `every_weeks` weeks.
 * No row when the post has no rotation that day.
 */
const SWAPPED = (post: string, day: string) => `SELECT ((${day} - lower(r.valid)) / (7 * r.every_weeks)) % 2 = 0 AS swapped
  FROM post_rotation r WHERE r.post_id = ${post} AND r.valid @> ${day} LIMIT 1`;
const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

export const coverageService = new CoverageService();
