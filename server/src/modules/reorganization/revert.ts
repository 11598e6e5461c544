import { ConflictReason } from '@community-grid/shared';
import { ConflictError } from '../../core/errors';
import type { RequestContext } from '../../core/request-context';
import { addDays, toValidity } from '../../core/time/validity';
import { AuditOperation } from '../audit/audit-event.entity';
import { auditService } from '../audit/audit.service';
import type { ReorganizationPlan } from './plan.entity';

/** The dated units a plan can touch, from the top: their table, version table, key and parent column. */
const UNITS = [
  { type: 'Office', table: 'office', version: 'office_version', key: 'office_id', parent: null, parentType: null },
  { type: 'Community', table: 'community', version: 'community_version', key: 'community_id', parent: 'office_id', parentType: 'Office' },
  { type: 'Grid', table: 'grid', version: 'grid_version', key: 'grid_id', parent: 'community_id', parentType: 'Community' },
  { type: 'Household', table: 'household', version: 'household_version', key: 'household_id', parent: 'grid_id', parentType: 'Grid' },
] as const;
const PERIODS = [
  { type: 'GridAssignment', table: 'grid_assignment', parent: 'grid_id' },
  { type: 'PostHolder', table: 'post_holder', parent: null },
] as const;

interface Touched {
  created: Map<string, number[]>;
  changed: Map<string, number[]>;
  /** Periods the plan ended: their validity before. */
  periodsBefore: Map<string, Map<number, string>>;
  staffHomes: Map<number, number>;
}

/** What the apply wrote, read back from the audit trail by its correlation id. */
async function touchedBy(ctx: RequestContext, plan: ReorganizationPlan): Promise<Touched> {
  const rows: Array<{
    entity_type: string;
    entity_id: number;
    operation: AuditOperation;
    changes: Record<string, { before: unknown; after: unknown }>;
  }> = await ctx.em.query('SELECT entity_type, entity_id, operation, changes FROM audit_event WHERE correlation_id = $1 ORDER BY id', [
    plan.appliedCorrelationId,
  ]);
  const touched: Touched = { created: new Map(), changed: new Map(), periodsBefore: new Map(), staffHomes: new Map() };
  const add = (map: Map<string, number[]>, type: string, id: number) => map.set(type, [...new Set([...(map.get(type) ?? []), Number(id)])]);
  for (const row of rows) {
    if (row.operation === AuditOperation.CREATE) add(touched.created, row.entity_type, row.entity_id);
    else add(touched.changed, row.entity_type, row.entity_id);
    if (row.operation === AuditOperation.UPDATE && PERIODS.some((p) => p.type === row.entity_type) && row.changes.valid) {
      const periods = touched.periodsBefore.get(row.entity_type) ?? new Map<number, string>();
      if (!periods.has(Number(row.entity_id))) periods.set(Number(row.entity_id), String(row.changes.valid.before));
      touched.periodsBefore.set(row.entity_type, periods);
    }
    if (row.entity_type === 'StaffMember' && row.changes.homeCommunityId && !touched.staffHomes.has(Number(row.entity_id))) {
      touched.staffHomes.set(Number(row.entity_id), Number(row.changes.homeCommunityId.before));
    }
  }
  for (const [type, ids] of touched.changed)
    touched.changed.set(
      type,
      ids.filter((id) => !(touched.created.get(type) ?? []).includes(id)),
    );
  return touched;
}

/** Refuses, naming it, when something recorded after the plan's day builds on what the plan did. */
async function requireNothingAfter(ctx: RequestContext, touched: Touched, day: string): Promise<void> {
  for (const unit of UNITS) {
    const ids = [...(touched.changed.get(unit.type) ?? []), ...(touched.created.get(unit.type) ?? [])];
    if (!ids.length) continue;
    const [later] = await ctx.em.query(
      `SELECT ${unit.key} AS id, to_char(lower(valid), 'YYYY-MM-DD') AS day FROM ${unit.version} WHERE ${unit.key} = ANY($1) AND lower(valid) > $2::date
       UNION ALL SELECT id, to_char(upper(valid), 'YYYY-MM-DD') FROM ${unit.table} WHERE id = ANY($1) AND upper(valid) > $2::date
       ORDER BY 2 LIMIT 1`,
      [ids, day],
    );
    if (later) {
      throw new ConflictError(
        ConflictReason.LATER_CHANGE,
        `${unit.type} ${later.id} has a change from ${later.day}, after the plan's day ${day}, that builds on the plan; withdraw that change first`,
      );
    }
  }
}

/** Inserts a copy of a row (its columns as read) valid over [from, to); returns its id. */
async function insertRow(
  ctx: RequestContext,
  table: string,
  columns: Record<string, unknown>,
  from: string,
  to: string | null,
): Promise<{ id: number }> {
  const names = Object.keys(columns);
  const values = [...names.map((_name, i) => `$${i + 1}`), `daterange($${names.length + 1}::date, $${names.length + 2}::date)`];
  const [row] = await ctx.em.query(`INSERT INTO ${table} (${[...names, 'valid'].join(', ')}) VALUES (${values.join(', ')}) RETURNING id`, [
    ...names.map((name) => columns[name]),
    from,
    to,
  ]);
  return row;
}

async function auditRows(
  ctx: RequestContext,
  operation: AuditOperation,
  type: string,
  ids: number[],
  changes: Record<string, { before: unknown; after: unknown }>,
) {
  for (const id of ids) await auditService.record(ctx, operation, type, id, changes);
}

/**
 * A plan whose day has not come: everything it planned is removed. Versions
 * it started are deleted, those it cut short run on again, units it created
 * are deleted, periods get their validity back, lineage it wrote goes.
 */
export async function withdrawPlanned(ctx: RequestContext, plan: ReorganizationPlan): Promise<void> {
  const touched = await touchedBy(ctx, plan);
  const day = plan.effectiveOn;
  await requireNothingAfter(ctx, touched, day);
  await ctx.em.query('DELETE FROM grid_lineage WHERE plan_id = $1', [plan.id]);
  const links: Array<{ entity_id: number; predecessor: number }> = await ctx.em.query(
    `SELECT entity_id, (changes->'predecessorId'->>'after')::int AS predecessor FROM audit_event WHERE correlation_id = $1 AND entity_type = 'CommunityLineage'`,
    [plan.appliedCorrelationId],
  );
  for (const link of links) {
    await ctx.em.query('DELETE FROM community_predecessor_community WHERE community_id = $1 AND predecessor_id = $2', [
      link.entity_id,
      link.predecessor,
    ]);
  }
  for (const period of PERIODS) {
    const created = touched.created.get(period.type) ?? [];
    if (created.length) await ctx.em.query(`DELETE FROM ${period.table} WHERE id = ANY($1)`, [created]);
    for (const [id, valid] of touched.periodsBefore.get(period.type) ?? []) {
      await ctx.em.query(`UPDATE ${period.table} SET valid = $2::daterange, version = version + 1, updated_at = now() WHERE id = $1`, [
        id,
        valid,
      ]);
    }
    await auditRows(ctx, AuditOperation.DELETE, period.type, created, { withdrawnPlan: { before: null, after: plan.id } });
    await auditRows(ctx, AuditOperation.UPDATE, period.type, [...(touched.periodsBefore.get(period.type)?.keys() ?? [])], {
      withdrawnPlan: { before: null, after: plan.id },
    });
  }
  // Bottom-up: members first, so that no row still points at a unit about to be deleted.
  for (const unit of [...UNITS].reverse()) {
    const changed = touched.changed.get(unit.type) ?? [];
    if (changed.length) {
      await ctx.em.query(`DELETE FROM ${unit.version} WHERE ${unit.key} = ANY($1) AND lower(valid) = $2::date`, [changed, day]);
      await ctx.em.query(
        `UPDATE ${unit.version} SET valid = daterange(lower(valid), NULL) WHERE ${unit.key} = ANY($1) AND upper(valid) = $2::date`,
        [changed, day],
      );
      await ctx.em.query(
        `UPDATE ${unit.table} SET valid = daterange(lower(valid), NULL), version = version + 1, updated_at = now() WHERE id = ANY($1)`,
        [changed],
      );
      await auditRows(ctx, AuditOperation.UPDATE, unit.type, changed, { withdrawnPlan: { before: null, after: plan.id } });
    }
  }
  for (const unit of [...UNITS].reverse()) {
    const created = touched.created.get(unit.type) ?? [];
    if (!created.length) continue;
    await ctx.em.query(`DELETE FROM ${unit.table} WHERE id = ANY($1)`, [created]);
    await auditRows(ctx, AuditOperation.DELETE, unit.type, created, { withdrawnPlan: { before: null, after: plan.id } });
  }
  for (const [staffId, home] of touched.staffHomes) {
    await ctx.em.query('UPDATE staff_member SET home_community_id = $2, version = version + 1, updated_at = now() WHERE id = $1', [
      staffId,
      home,
    ]);
    await auditService.record(ctx, AuditOperation.UPDATE, 'StaffMember', staffId, { homeCommunityId: { before: null, after: home } });
  }
}

/**
 * A plan in effect, reverted from `day`: a new change that restores the
 * structure as it was the day before the plan. Units the plan created end
 * the day before; units it changed get their earlier attributes back; units
 * it ended come back as new units with the same codes and names (the gap in
 * between is history: they did not exist then), linked by lineage; periods it
 * ended start again, those it started end. Nothing is deleted.
 */
export async function revertApplied(ctx: RequestContext, plan: ReorganizationPlan, day: string): Promise<void> {
  const touched = await touchedBy(ctx, plan);
  const effective = plan.effectiveOn;
  await requireNothingAfter(ctx, touched, effective);
  const note = { revertedPlan: { before: null, after: plan.id } };
  // 1. Cut at the revert day everything the plan started: created units, and the versions it began.
  for (const unit of UNITS) {
    const created = touched.created.get(unit.type) ?? [];
    const changed = touched.changed.get(unit.type) ?? [];
    if (created.length) {
      await ctx.em.query(
        `UPDATE ${unit.table} SET valid = daterange(lower(valid), $2::date), version = version + 1, updated_at = now() WHERE id = ANY($1)`,
        [created, day],
      );
      await ctx.em.query(
        `UPDATE ${unit.version} SET valid = daterange(lower(valid), $2::date) WHERE ${unit.key} = ANY($1) AND upper_inf(valid)`,
        [created, day],
      );
      await auditRows(ctx, AuditOperation.UPDATE, unit.type, created, { ...note, validUntil: { before: null, after: day } });
    }
    if (changed.length) {
      await ctx.em.query(
        `UPDATE ${unit.version} SET valid = daterange(lower(valid), $2::date) WHERE ${unit.key} = ANY($1) AND lower(valid) = $3::date AND upper_inf(valid)`,
        [changed, day, effective],
      );
    }
  }
  // 2. Units the plan ended come back as new ones (top-down, so children point at revived parents).
  const revived = new Map<string, Map<number, number>>();
  const remap = (type: string | null, id: number | null) => (type && id !== null ? (revived.get(type)?.get(Number(id)) ?? id) : id);
  for (const unit of UNITS) {
    const changed = touched.changed.get(unit.type) ?? [];
    if (!changed.length) continue;
    const ended: Array<{ id: number; district_id?: number; address?: string; phone?: string; head_resident_id?: number }> =
      await ctx.em.query(`SELECT * FROM ${unit.table} WHERE id = ANY($1) AND upper(valid) = $2::date`, [changed, effective]);
    const map = new Map<number, number>();
    for (const old of ended) {
      const { id: _id, valid: _valid, created_at: _c, updated_at: _u, version: _v, ...columns } = old as Record<string, unknown>;
      const row = await insertRow(ctx, unit.table, columns, day, null);
      map.set(Number(old.id), Number(row.id));
      await auditService.record(ctx, AuditOperation.CREATE, unit.type, Number(row.id), {
        ...note,
        restores: { before: null, after: Number(old.id) },
      });
      if (unit.type === 'Grid') {
        await ctx.em.query(
          'INSERT INTO grid_lineage (predecessor_id, successor_id, day, reason, plan_id, correlation_id) VALUES ($1, $2, $3, $4, $5, $6)',
          [old.id, row.id, day, 'RESTORED', plan.id, ctx.correlationId],
        );
      }
      if (unit.type === 'Community') {
        await ctx.em.query('INSERT INTO community_predecessor_community (community_id, predecessor_id) VALUES ($1, $2)', [row.id, old.id]);
      }
    }
    revived.set(unit.type, map);
  }
  // 3. Every unit the plan changed (or ended) gets the attributes it had the day before the plan, from the revert day.
  for (const unit of UNITS) {
    const changed = touched.changed.get(unit.type) ?? [];
    if (!changed.length) continue;
    const previous: Array<Record<string, unknown>> = await ctx.em.query(
      `SELECT * FROM ${unit.version} WHERE ${unit.key} = ANY($1) AND upper(valid) = $2::date`,
      [changed, effective],
    );
    const map = revived.get(unit.type) ?? new Map<number, number>();
    for (const version of previous) {
      const { id: _id, valid: _valid, ...columns } = version;
      const owner = Number(columns[unit.key]);
      columns[unit.key] = map.get(owner) ?? owner;
      if (unit.parent) columns[unit.parent] = remap(unit.parentType, columns[unit.parent] as number | null);
      await insertRow(ctx, unit.version, columns, day, null);
    }
    const stayed = changed.filter((id) => !map.has(id));
    if (stayed.length) {
      await ctx.em.query(`UPDATE ${unit.table} SET version = version + 1, updated_at = now() WHERE id = ANY($1)`, [stayed]);
      await auditRows(ctx, AuditOperation.UPDATE, unit.type, stayed, { ...note, effectiveOn: { before: null, after: day } });
    }
  }
  // 4. Periods: those the plan started end the day before; those it ended start again (on revived grids).
  for (const period of PERIODS) {
    const created = touched.created.get(period.type) ?? [];
    if (created.length) {
      await ctx.em.query(
        `UPDATE ${period.table} SET valid = daterange(lower(valid), $2::date), version = version + 1, updated_at = now() WHERE id = ANY($1) AND (upper_inf(valid) OR upper(valid) > $2::date)`,
        [created, day],
      );
      await auditRows(ctx, AuditOperation.UPDATE, period.type, created, { ...note, validUntil: { before: null, after: day } });
    }
    for (const [id, valid] of touched.periodsBefore.get(period.type) ?? []) {
      const until = toValidity(valid).until;
      if (until !== null && until < day) continue;
      const [old] = await ctx.em.query(`SELECT * FROM ${period.table} WHERE id = $1`, [id]);
      const { id: _id, valid: _valid, created_at: _c, updated_at: _u, version: _v, ...columns } = old as Record<string, unknown>;
      if (period.parent) columns[period.parent] = remap('Grid', columns[period.parent] as number);
      const row = await insertRow(ctx, period.table, columns, day, until === null ? null : addDays(until, 1));
      await auditService.record(ctx, AuditOperation.CREATE, period.type, Number(row.id), {
        ...note,
        restores: { before: null, after: id },
      });
    }
  }
  for (const [staffId, home] of touched.staffHomes) {
    await ctx.em.query('UPDATE staff_member SET home_community_id = $2, version = version + 1, updated_at = now() WHERE id = $1', [
      staffId,
      home,
    ]);
    await auditService.record(ctx, AuditOperation.UPDATE, 'StaffMember', staffId, {
      ...note,
      homeCommunityId: { before: null, after: home },
    });
  }
  await requireNoOrphans(ctx, touched, day);
}

/** Members that joined a unit the plan created, after the plan, would be left in a unit that no longer exists: refused, naming one. */
async function requireNoOrphans(ctx: RequestContext, touched: Touched, day: string): Promise<void> {
  const checks = [
    {
      parentType: 'Grid',
      sql: 'SELECT household_id AS id, grid_id AS parent FROM household_version WHERE grid_id = ANY($1) AND valid @> $2::date LIMIT 1',
      member: 'Household',
    },
    {
      parentType: 'Community',
      sql: 'SELECT grid_id AS id, community_id AS parent FROM grid_version WHERE community_id = ANY($1) AND valid @> $2::date LIMIT 1',
      member: 'Grid',
    },
    {
      parentType: 'Grid',
      sql: 'SELECT id, grid_id AS parent FROM grid_assignment WHERE grid_id = ANY($1) AND valid @> $2::date LIMIT 1',
      member: 'Grid assignment',
    },
  ];
  for (const check of checks) {
    const created = touched.created.get(check.parentType) ?? [];
    if (!created.length) continue;
    const [orphan] = await ctx.em.query(check.sql, [created, day]);
    if (orphan) {
      throw new ConflictError(
        ConflictReason.HAS_DEPENDANTS,
        `${check.member} ${orphan.id} belongs to ${check.parentType} ${orphan.parent}, which the plan created, after ${day}: move it first, then revert`,
      );
    }
  }
}
