import type { EntityManager } from 'typeorm';
import { RouteFallback, RouteReason } from '@community-grid/shared';

/** Whom an affair goes to on a day, and why. */
export interface RouteDecision {
  /** Null: the district holds it. */
  assigneeId: number | null;
  reason: RouteReason;
  /** Why the category's role was passed over, if it was. */
  fallback: RouteFallback | null;
}

interface HolderRow {
  kind: 'COORDINATOR' | 'SPECIALIST';
  slot: 'A' | 'B' | null;
  staff_member_id: number | null;
  present: boolean | null;
  role_required: boolean;
}

/**
 * Routing on the day it happens, from the staffing data: the category's role
 * in the community → its A holder; B when A is away; the coordinator post's
 * A, then B, when the role is vacant, not in the community's template that
 * day, or both its holders are away; the district when even that fails.
 * "Away" is what the staffing module counts: inactive, or absent that day.
 * One statement reads the role's post and the coordinator post with their holders.
 */
export async function routeAffair(
  em: EntityManager,
  communityId: number,
  specialistRoleId: number | null,
  day: string,
  options: { /** Escalation: the coordinator post, whatever the category. */ skipRole?: boolean } = {},
): Promise<RouteDecision> {
  const rows: HolderRow[] = await em.query(
    `
    SELECT p.kind, h.slot, h.staff_member_id,
      (sm.active AND NOT EXISTS (SELECT 1 FROM absence ab WHERE ab.staff_member_id = h.staff_member_id AND ab.valid @> $3::date)) AS present,
      EXISTS (SELECT 1 FROM template_adoption ta JOIN staffing_template_role tr ON tr.template_id = ta.template_id
        JOIN specialist_role r ON r.id = tr.specialist_role_id AND r.valid @> $3::date
        WHERE ta.community_id = $1 AND ta.valid @> $3::date AND tr.specialist_role_id = $2) AS role_required
    FROM (SELECT 1) one
    LEFT JOIN post p ON p.community_id = $1 AND (p.kind = 'COORDINATOR' OR p.specialist_role_id = $2)
    LEFT JOIN post_holder h ON h.post_id = p.id AND h.valid @> $3::date
    LEFT JOIN staff_member sm ON sm.id = h.staff_member_id`,
    [communityId, specialistRoleId, day],
  );
  const holder = (kind: HolderRow['kind'], slot: 'A' | 'B') => rows.find((row) => row.kind === kind && row.slot === slot);
  const roleRequired = rows.some((row) => row.role_required);

  let fallback: RouteFallback | null;
  if (options.skipRole) {
    // An escalation: straight to the coordinator post.
    fallback = null;
  } else if (specialistRoleId === null) {
    fallback = RouteFallback.CATEGORY_HAS_NO_ROLE;
  } else if (!roleRequired) {
    fallback = RouteFallback.ROLE_NOT_IN_TEMPLATE;
  } else {
    const a = holder('SPECIALIST', 'A');
    const b = holder('SPECIALIST', 'B');
    if (a?.present) return { assigneeId: Number(a.staff_member_id), reason: RouteReason.ROLE_A_HOLDER, fallback: null };
    if (b?.present) return { assigneeId: Number(b.staff_member_id), reason: RouteReason.ROLE_B_COVERS, fallback: null };
    fallback = a || b ? RouteFallback.ROLE_HOLDERS_ABSENT : RouteFallback.ROLE_VACANT;
  }
  const a = holder('COORDINATOR', 'A');
  const b = holder('COORDINATOR', 'B');
  if (a?.present) return { assigneeId: Number(a.staff_member_id), reason: RouteReason.COORDINATOR_A, fallback };
  if (b?.present) return { assigneeId: Number(b.staff_member_id), reason: RouteReason.COORDINATOR_B, fallback };
  return { assigneeId: null, reason: RouteReason.DISTRICT, fallback: fallback ?? RouteFallback.COORDINATOR_UNAVAILABLE };
}
