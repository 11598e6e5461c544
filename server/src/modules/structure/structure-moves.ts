import { ConflictReason } from '@community-grid/shared';
import { BadUserInputError, ConflictError } from '../../core/errors';
import type { RequestContext } from '../../core/request-context';
import { AuditOperation } from '../audit/audit-event.entity';

/** Told when households change grid, whatever moved them (e.g. to re-route their open affairs). */
export type MembersMovedListener = (ctx: RequestContext, householdIds: number[], day: string) => Promise<void>;

const listeners: MembersMovedListener[] = [];

export function onHouseholdsMoved(listener: MembersMovedListener): void {
  listeners.push(listener);
}

export async function householdsMoved(ctx: RequestContext, householdIds: number[], day: string): Promise<void> {
  for (const listener of listeners) await listener(ctx, householdIds, day);
}

/**
 * Moves many households to one grid from `day`, as a dated change of each:
 * the version valid then ends the day before and a copy pointing at the new
 * grid starts (a version starting that very day is changed in place). A few
 * statements whatever the number of households, with one audit row each.
 * Refused, changing nothing, when a household is not valid on the day or has
 * a change after it.
 */
export async function moveHouseholds(ctx: RequestContext, householdIds: number[], gridId: number, day: string): Promise<number[]> {
  const ids = [...new Set(householdIds)];
  if (!ids.length) return [];
  await ctx.em.query('SELECT 1 FROM household WHERE id = ANY($1) ORDER BY id FOR UPDATE', [ids]);
  // Every grid the move's statements will lock, at once and in order: two moves between two grids queue instead of deadlocking.
  await ctx.em.query('SELECT cg_lock_household_grids($1::int[], ARRAY[$2::int])', [ids, gridId]);
  const current: Array<{ id: number; householdId: number; gridId: number; from: string; until: string | null }> = await ctx.em.query(
    `SELECT v.id, v.household_id AS "householdId", v.grid_id AS "gridId", to_char(lower(v.valid), 'YYYY-MM-DD') AS "from",
            to_char(upper(v.valid), 'YYYY-MM-DD') AS "until"
       FROM household_version v JOIN household h ON h.id = v.household_id AND h.valid @> $2::date
      WHERE v.household_id = ANY($1) AND v.valid @> $2::date`,
    [ids, day],
  );
  if (current.length !== ids.length) {
    const missing = ids.filter((id) => !current.some((row) => row.householdId === id));
    throw new BadUserInputError({ householdIds: `Household ${missing.slice(0, 5).join(', ')} is not valid on ${day}` });
  }
  const [later] = await ctx.em.query(
    `SELECT household_id AS id, to_char(lower(valid), 'YYYY-MM-DD') AS day FROM household_version
      WHERE household_id = ANY($1) AND lower(valid) > $2::date ORDER BY lower(valid) LIMIT 1`,
    [ids, day],
  );
  if (later)
    throw new ConflictError(ConflictReason.LATER_CHANGE, `Household ${later.id} already has a change from ${later.day}; withdraw it first`);
  const moving = current.filter((row) => row.gridId !== gridId);
  if (!moving.length) return [];
  const inPlace = moving.filter((row) => row.from === day).map((row) => row.id);
  const split = moving.filter((row) => row.from !== day);
  if (inPlace.length) await ctx.em.query('UPDATE household_version SET grid_id = $2 WHERE id = ANY($1)', [inPlace, gridId]);
  if (split.length) {
    await ctx.em.query('UPDATE household_version SET valid = daterange(lower(valid), $2::date) WHERE id = ANY($1)', [
      split.map((row) => row.id),
      day,
    ]);
    await ctx.em.query(
      `INSERT INTO household_version (household_id, grid_id, registration_type, valid)
       SELECT v.household_id, $3, v.registration_type, daterange($2::date, s.until::date)
         FROM household_version v JOIN unnest($1::int[], $4::text[]) AS s(id, until) ON s.id = v.id`,
      [split.map((row) => row.id), day, gridId, split.map((row) => row.until)],
    );
  }
  const movedIds = moving.map((row) => row.householdId);
  await ctx.em.query('UPDATE household SET version = version + 1, updated_at = now() WHERE id = ANY($1)', [movedIds]);
  const changes = moving.map((row) => ({ gridId: { before: row.gridId, after: gridId }, effectiveOn: { before: null, after: day } }));
  await ctx.em.query(
    `INSERT INTO audit_event (actor_id, actor_name, operation, entity_type, entity_id, changes, correlation_id)
     SELECT $1, $2, $3, 'Household', id, changes, $6 FROM unnest($4::int[], $5::jsonb[]) AS t(id, changes)`,
    [ctx.actor.id, ctx.actor.name, AuditOperation.UPDATE, movedIds, changes.map((c) => JSON.stringify(c)), ctx.correlationId],
  );
  moving.forEach((row, i) =>
    ctx.written.push({
      operation: AuditOperation.UPDATE,
      entityType: 'Household',
      entityId: row.householdId,
      changes: changes[i] as never,
    }),
  );
  await householdsMoved(ctx, movedIds, day);
  return movedIds;
}

/**
 * Households of a grid on a day, optionally only those at an address within
 * a courtyard or a building (addresses read "<street>N号院M号楼…").
 */
export async function householdsOfGrid(
  ctx: RequestContext,
  gridId: number,
  day: string,
  address?: { courtyard?: string | null; building?: string | null },
): Promise<number[]> {
  const prefix = address?.building ?? address?.courtyard ?? null;
  const rows: Array<{ id: number }> = await ctx.em.query(
    `SELECT h.id FROM household_version v JOIN household h ON h.id = v.household_id AND h.valid @> $2::date
      WHERE v.grid_id = $1 AND v.valid @> $2::date AND ($3::text IS NULL OR starts_with(h.address, $3)) ORDER BY h.id`,
    [gridId, day, prefix],
  );
  return rows.map((row) => Number(row.id));
}
