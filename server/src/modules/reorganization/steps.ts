import { ConflictReason, PlanStepKind, UnitLevel } from '@community-grid/shared';
import type { ClassType } from 'type-graphql';
import type { ObjectLiteral } from 'typeorm';
import { BadUserInputError, ConflictError } from '../../core/errors';
import { parseId } from '../../core/list/list-query-builder';
import type { RequestContext } from '../../core/request-context';
import { addDays } from '../../core/time/validity';
import { AuditOperation } from '../audit/audit-event.entity';
import { auditService } from '../audit/audit.service';
import { Community } from '../community/community.entity';
import { communityService } from '../community/community.service';
import { Grid } from '../grid/grid.entity';
import { gridService } from '../grid/grid.service';
import { Office } from '../office/office.entity';
import { officeService } from '../office/office.service';
import { staffingService } from '../staffing/staffing.service';
import { householdsOfGrid, moveHouseholds } from '../structure/structure-moves';
import type { ReorganizationStep, StepParams } from './plan.entity';

/** What the steps of one run share: the day, the units earlier steps created, and what they touched. */
export interface Run {
  ctx: RequestContext;
  planId: number;
  /** The plan's effective day. */
  day: string;
  /** The day before: the last day of what ends. */
  lastDay: string;
  /** Unit created by each step (by step id), for `new:<step id>` references. */
  created: Map<string, number>;
  /** Units this run has already changed (`level:id`): later steps may change them again on the same day. */
  touched: Set<string>;
}

export function newRun(ctx: RequestContext, planId: number, day: string): Run {
  return { ctx, planId, day, lastDay: addDays(day, -1), created: new Map(), touched: new Set() };
}

type Level = 'office' | 'community' | 'grid';
type Touchable = Level | 'household';
const LEVELS: Record<UnitLevel, Level> = { [UnitLevel.OFFICE]: 'office', [UnitLevel.COMMUNITY]: 'community', [UnitLevel.GRID]: 'grid' };
const SERVICES = { office: officeService, community: communityService, grid: gridService };
const ENTITIES: Record<Level, ClassType<ObjectLiteral>> = { office: Office, community: Community, grid: Grid };
const VERSIONS: Record<Touchable, { table: string; key: string }> = {
  household: { table: 'household_version', key: 'household_id' },
  office: { table: 'office_version', key: 'office_id' },
  community: { table: 'community_version', key: 'community_id' },
  grid: { table: 'grid_version', key: 'grid_id' },
};
const LABEL: Record<Touchable, string> = { office: 'Office', community: 'Community', grid: 'Grid', household: 'Household' };

/** The fields each kind needs, checked when a step is saved and again before it runs. */
export const REQUIRED: Record<PlanStepKind, Array<keyof StepParams>> = {
  [PlanStepKind.CREATE_UNIT]: ['level', 'code', 'name'],
  [PlanStepKind.END_UNIT]: ['level', 'unitId'],
  [PlanStepKind.RENAME_UNIT]: ['level', 'unitId'],
  [PlanStepKind.MOVE_GRID]: ['unitId', 'communityId'],
  [PlanStepKind.SPLIT_GRID]: ['unitId', 'code', 'name'],
  [PlanStepKind.MERGE_GRIDS]: ['targetId', 'unitIds'],
  [PlanStepKind.MOVE_HOUSEHOLDS]: ['targetId'],
  [PlanStepKind.TRANSFER_STAFF]: ['staffMemberId', 'fromCommunityId'],
  [PlanStepKind.END_ASSIGNMENT]: [],
};

/** Problems with a step's parameters alone (before anything runs): missing fields, wrong levels, impossible combinations. */
export function paramProblems(kind: PlanStepKind, params: StepParams): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of REQUIRED[kind]) {
    const value = params[field];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) problems[field] = 'is required';
  }
  const level = params.level;
  if (kind === PlanStepKind.CREATE_UNIT && level === UnitLevel.OFFICE) problems.level = 'a plan creates communities and grids, not offices';
  if (kind === PlanStepKind.CREATE_UNIT && level === UnitLevel.COMMUNITY && !params.nameEn) problems.nameEn = 'is required';
  if (kind === PlanStepKind.CREATE_UNIT && level === UnitLevel.GRID && !params.communityId) problems.communityId = 'is required';
  if (kind === PlanStepKind.RENAME_UNIT && !params.code && !params.name && !params.nameEn)
    problems.name = 'a rename needs a new code or name';
  if (kind === PlanStepKind.RENAME_UNIT && level === UnitLevel.OFFICE && params.code) problems.code = 'offices have no code';
  const selections = [
    params.householdIds?.length ? 'householdIds' : null,
    params.courtyard ? 'courtyard' : null,
    params.building ? 'building' : null,
  ].filter(Boolean);
  if (kind === PlanStepKind.SPLIT_GRID || kind === PlanStepKind.MOVE_HOUSEHOLDS) {
    if (selections.length !== 1) problems.householdIds = 'name the households: a list, a courtyard or a building (one of them)';
    if (kind === PlanStepKind.MOVE_HOUSEHOLDS && !params.householdIds?.length && !params.unitId)
      problems.unitId = 'the grid whose courtyard or building moves is required';
  }
  if (kind === PlanStepKind.MERGE_GRIDS && params.targetId && params.unitIds?.includes(params.targetId))
    problems.unitIds = 'a grid cannot be merged into itself';
  if (kind === PlanStepKind.END_ASSIGNMENT && !params.assignmentId === !params.postHolderId)
    problems.assignmentId = 'name one grid assignment or one post holding';
  for (const [field, value] of Object.entries(params)) {
    const ids = Array.isArray(value) ? value : [value];
    if (/Ids?$/.test(field) && ids.some((id) => typeof id === 'string' && !/^(new:\d+|\d+)$/.test(id)))
      problems[field] = 'must be ids, or "new:<step id>" for a unit an earlier step creates';
  }
  if (params.slot && !params.postId) problems.postId = 'is required with a slot';
  if (params.postId && !params.slot) problems.slot = 'is required with a post';
  return problems;
}

/** Problems across steps: the same grid moved twice, units referred to before the step that creates them. */
export function planProblems(steps: ReorganizationStep[]): Map<number, Record<string, string>> {
  const problems = new Map<number, Record<string, string>>();
  const add = (step: ReorganizationStep, field: string, message: string) =>
    problems.set(step.id, { ...problems.get(step.id), [field]: message });
  const moved = new Map<string, number>();
  const creators = new Set<string>();
  for (const step of steps) {
    const p = step.params;
    for (const [field, value] of Object.entries(p)) {
      for (const id of Array.isArray(value) ? value : [value]) {
        if (typeof id === 'string' && id.startsWith('new:') && !creators.has(id.slice(4)))
          add(step, field, `${id} is not created by an earlier step of the plan`);
      }
    }
    if (step.kind === PlanStepKind.MOVE_GRID && p.unitId) {
      if (moved.has(p.unitId)) add(step, 'unitId', `grid ${p.unitId} is already moved by step ${moved.get(p.unitId)}`);
      else moved.set(p.unitId, step.position);
    }
    if (step.kind === PlanStepKind.CREATE_UNIT || step.kind === PlanStepKind.SPLIT_GRID) creators.add(String(step.id));
  }
  return problems;
}

/** An id as the step gives it: an existing unit's, or the unit an earlier step created. */
function ref(run: Run, raw: string | null | undefined, field: string): number {
  if (raw?.startsWith('new:')) {
    const id = run.created.get(raw.slice(4));
    if (id === undefined) throw new BadUserInputError({ [field]: `${raw} is not created by an earlier step of the plan` });
    return id;
  }
  const id = raw == null ? null : parseId(raw);
  if (id === null) throw new BadUserInputError({ [field]: `"${String(raw)}" is not a valid id` });
  return id;
}

/**
 * A unit a step changes must have nothing recorded on or after the plan's day
 * (a change, an end), unless this run put it there: otherwise the plan would
 * silently fold into another change, and could not be reverted on its own.
 */
async function requireNothingLater(run: Run, level: Touchable, ids: number[]): Promise<void> {
  const fresh = ids.filter((id) => !run.touched.has(`${level}:${id}`));
  ids.forEach((id) => run.touched.add(`${level}:${id}`));
  if (!fresh.length) return;
  const { table, key } = VERSIONS[level];
  const [later] = await run.ctx.em.query(
    `SELECT ${key} AS id, to_char(lower(valid), 'YYYY-MM-DD') AS day FROM ${table} WHERE ${key} = ANY($1) AND lower(valid) >= $2::date
     UNION ALL SELECT id, to_char(upper(valid) - 1, 'YYYY-MM-DD') FROM ${level} WHERE id = ANY($1) AND NOT upper_inf(valid) AND upper(valid) > $2::date
     LIMIT 1`,
    [fresh, run.day],
  );
  if (later) {
    throw new ConflictError(
      ConflictReason.LATER_CHANGE,
      `${LABEL[level]} ${later.id} already has a change or an end recorded from ${later.day}; the plan cannot change it on ${run.day}`,
    );
  }
}

/** Moves households on the plan's day, once each is known to have nothing recorded from then on. */
async function move(run: Run, householdIds: number[], gridId: number): Promise<number[]> {
  await requireNothingLater(run, 'household', householdIds);
  return moveHouseholds(run.ctx, householdIds, gridId, run.day);
}

async function lineage(run: Run, predecessorId: number, successorId: number, reason: 'SPLIT' | 'MERGE') {
  const [row] = await run.ctx.em.query(
    'INSERT INTO grid_lineage (predecessor_id, successor_id, day, reason, plan_id, correlation_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [predecessorId, successorId, run.day, reason, run.planId, run.ctx.correlationId],
  );
  await auditService.record(run.ctx, AuditOperation.CREATE, 'GridLineage', row.id, {
    predecessorId: { before: null, after: predecessorId },
    successorId: { before: null, after: successorId },
    reason: { before: null, after: reason },
  });
}

async function gridsOf(run: Run, communityId: number): Promise<number[]> {
  const rows: Array<{ id: number }> = await run.ctx.em.query(
    'SELECT v.grid_id AS id FROM grid_version v JOIN grid g ON g.id = v.grid_id AND g.valid @> $2::date WHERE v.community_id = $1 AND v.valid @> $2::date ORDER BY 1',
    [communityId, run.day],
  );
  return rows.map((row) => Number(row.id));
}

/** Ends the grid's member assignments the day before (a grid that ends keeps no members). */
async function endAssignmentsOfGrid(run: Run, gridId: number): Promise<void> {
  const rows: Array<{ id: number }> = await run.ctx.em.query('SELECT id FROM grid_assignment WHERE grid_id = $1 AND valid @> $2::date', [
    gridId,
    run.day,
  ]);
  for (const row of rows) await staffingService.endGridMember(run.ctx, String(row.id), run.lastDay);
}

async function endGrid(run: Run, gridId: number, targetId: number | null): Promise<void> {
  await requireNothingLater(run, 'grid', [gridId]);
  const households = await householdsOfGrid(run.ctx, gridId, run.day);
  if (households.length) {
    if (targetId === null)
      throw new BadUserInputError({
        targetId: `Grid ${gridId} still has ${households.length} households on ${run.day}: name the grid they go to`,
      });
    await move(run, households, targetId);
  }
  await endAssignmentsOfGrid(run, gridId);
  await gridService.end(run.ctx, String(gridId), run.lastDay);
  if (targetId !== null) await lineage(run, gridId, targetId, 'MERGE');
}

async function householdSelection(run: Run, p: StepParams, sourceId: number | null): Promise<number[]> {
  if (p.householdIds?.length) {
    const ids = p.householdIds.map((raw) => ref(run, raw, 'householdIds'));
    if (sourceId !== null) {
      const inSource = new Set(await householdsOfGrid(run.ctx, sourceId, run.day));
      const stray = ids.filter((id) => !inSource.has(id));
      if (stray.length)
        throw new BadUserInputError({ householdIds: `Household ${stray.slice(0, 5).join(', ')} is not in grid ${sourceId} on ${run.day}` });
    }
    return ids;
  }
  if (sourceId === null) throw new BadUserInputError({ unitId: 'is required to choose households by courtyard or building' });
  const ids = await householdsOfGrid(run.ctx, sourceId, run.day, { courtyard: p.courtyard, building: p.building });
  if (!ids.length)
    throw new BadUserInputError({
      [p.building ? 'building' : 'courtyard']: `no household of grid ${sourceId} is at "${p.building ?? p.courtyard}" on ${run.day}`,
    });
  return ids;
}

type Runner = (run: Run, p: StepParams, step: ReorganizationStep) => Promise<void>;

const RUNNERS: Record<PlanStepKind, Runner> = {
  async [PlanStepKind.CREATE_UNIT](run, p, step) {
    const { ctx, day } = run;
    if (p.level === UnitLevel.COMMUNITY) {
      const [district] = await ctx.em.query('SELECT id FROM district ORDER BY id LIMIT 1');
      const community = await communityService.create(ctx, {
        districtId: String(district.id),
        code: p.code!,
        name: p.name!,
        nameEn: p.nameEn!,
        address: p.address,
        phone: p.phone,
        validFrom: day,
        predecessorOfficeIds: p.predecessorOfficeIds,
        predecessorCommunityIds: p.predecessorCommunityIds,
      } as never);
      run.created.set(String(step.id), community.id);
      run.touched.add(`community:${community.id}`);
    } else {
      const communityId = ref(run, p.communityId, 'communityId');
      const grid = await gridService.create(ctx, {
        communityId: String(communityId),
        code: p.code!,
        name: p.name!,
        validFrom: day,
      } as never);
      run.created.set(String(step.id), grid.id);
      run.touched.add(`grid:${grid.id}`);
    }
  },

  async [PlanStepKind.END_UNIT](run, p) {
    const level = LEVELS[p.level!];
    const id = ref(run, p.unitId, 'unitId');
    const targetId = p.targetId ? ref(run, p.targetId, 'targetId') : null;
    if (level === 'grid') return endGrid(run, id, targetId);
    await requireNothingLater(run, level, [id]);
    if (level === 'community') {
      const grids = await gridsOf(run, id);
      if (grids.length && targetId === null)
        throw new BadUserInputError({
          targetId: `Community ${id} still has ${grids.length} grids on ${run.day}: name the community they go to`,
        });
      await requireNothingLater(run, 'grid', grids);
      for (const gridId of grids)
        await gridService.change(run.ctx, { id: String(gridId), effectiveOn: run.day, communityId: String(targetId) });
      await communityService.end(run.ctx, String(id), run.lastDay);
      if (targetId !== null) {
        const [link] = await run.ctx.em.query(
          'INSERT INTO community_predecessor_community (community_id, predecessor_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING community_id',
          [targetId, id],
        );
        if (link)
          await auditService.record(run.ctx, AuditOperation.CREATE, 'CommunityLineage', targetId, {
            predecessorId: { before: null, after: id },
          });
      }
    } else {
      const rows: Array<{ id: number }> = await run.ctx.em.query(
        'SELECT community_id AS id FROM community_version WHERE office_id = $1 AND valid @> $2::date ORDER BY 1',
        [id, run.day],
      );
      await requireNothingLater(
        run,
        'community',
        rows.map((row) => Number(row.id)),
      );
      for (const row of rows)
        await communityService.change(run.ctx, {
          id: String(row.id),
          effectiveOn: run.day,
          officeId: targetId === null ? null : String(targetId),
        });
      await officeService.end(run.ctx, String(id), run.lastDay);
    }
  },

  async [PlanStepKind.RENAME_UNIT](run, p) {
    const level = LEVELS[p.level!];
    const id = ref(run, p.unitId, 'unitId');
    await requireNothingLater(run, level, [id]);
    const names =
      level === 'office'
        ? { name: p.name, nameEn: p.nameEn }
        : level === 'grid'
          ? { code: p.code, name: p.name }
          : { code: p.code, name: p.name, nameEn: p.nameEn };
    await SERVICES[level].change(run.ctx, { id: String(id), effectiveOn: run.day, ...names });
  },

  async [PlanStepKind.MOVE_GRID](run, p) {
    const id = ref(run, p.unitId, 'unitId');
    const communityId = ref(run, p.communityId, 'communityId');
    await requireNothingLater(run, 'grid', [id]);
    await gridService.change(run.ctx, {
      id: String(id),
      effectiveOn: run.day,
      communityId: String(communityId),
      code: p.code,
      name: p.name,
    });
  },

  async [PlanStepKind.SPLIT_GRID](run, p, step) {
    const sourceId = ref(run, p.unitId, 'unitId');
    await requireNothingLater(run, 'grid', [sourceId]);
    const [source] = await run.ctx.em.query('SELECT community_id FROM grid_version WHERE grid_id = $1 AND valid @> $2::date', [
      sourceId,
      run.day,
    ]);
    if (!source) throw new BadUserInputError({ unitId: `Grid ${sourceId} does not exist on ${run.day}` });
    const households = await householdSelection(run, p, sourceId);
    const communityId = p.communityId ? ref(run, p.communityId, 'communityId') : Number(source.community_id);
    const grid = await gridService.create(run.ctx, {
      communityId: String(communityId),
      code: p.code!,
      name: p.name!,
      validFrom: run.day,
    } as never);
    run.created.set(String(step.id), grid.id);
    run.touched.add(`grid:${grid.id}`);
    await move(run, households, grid.id);
    await lineage(run, sourceId, grid.id, 'SPLIT');
  },

  async [PlanStepKind.MERGE_GRIDS](run, p) {
    const targetId = ref(run, p.targetId, 'targetId');
    const [target] = await run.ctx.em.query('SELECT 1 FROM grid_version WHERE grid_id = $1 AND valid @> $2::date', [targetId, run.day]);
    if (!target) throw new BadUserInputError({ targetId: `Grid ${targetId} does not exist on ${run.day}` });
    for (const raw of p.unitIds ?? []) await endGrid(run, ref(run, raw, 'unitIds'), targetId);
  },

  async [PlanStepKind.MOVE_HOUSEHOLDS](run, p) {
    const targetId = ref(run, p.targetId, 'targetId');
    const sourceId = p.unitId ? ref(run, p.unitId, 'unitId') : null;
    const households = await householdSelection(run, p, sourceId);
    const moved = await move(run, households, targetId);
    if (!moved.length) throw new BadUserInputError({ householdIds: `the households are already in grid ${targetId}` });
  },

  async [PlanStepKind.TRANSFER_STAFF](run, p) {
    const { ctx, day, lastDay } = run;
    const staffId = ref(run, p.staffMemberId, 'staffMemberId');
    const fromId = ref(run, p.fromCommunityId, 'fromCommunityId');
    const [staff] = await ctx.em.query('SELECT home_community_id FROM staff_member WHERE id = $1 FOR UPDATE', [staffId]);
    if (!staff) throw new BadUserInputError({ staffMemberId: `Staff member ${staffId} does not exist` });
    const ended: Array<{ id: number; kind: string }> = await ctx.em.query(
      `SELECT a.id, 'grid' AS kind FROM grid_assignment a JOIN grid_version v ON v.grid_id = a.grid_id AND v.valid @> $3::date
        WHERE a.staff_member_id = $1 AND a.valid @> $3::date AND v.community_id = $2
       UNION ALL SELECT h.id, 'post' FROM post_holder h WHERE h.staff_member_id = $1 AND h.valid @> $3::date AND h.community_id = $2 ORDER BY 2, 1`,
      [staffId, fromId, day],
    );
    if (!ended.length && Number(staff.home_community_id) !== fromId) {
      throw new BadUserInputError({ fromCommunityId: `Staff member ${staffId} has no assignment in community ${fromId} on ${day}` });
    }
    for (const row of ended) {
      if (row.kind === 'grid') await staffingService.endGridMember(ctx, String(row.id), lastDay);
      else await staffingService.endPostHolder(ctx, String(row.id), lastDay);
    }
    const gridIds = (p.gridIds ?? []).map((raw) => ref(run, raw, 'gridIds'));
    const [post] = p.postId ? await ctx.em.query('SELECT community_id FROM post WHERE id = $1', [ref(run, p.postId, 'postId')]) : [];
    if (p.postId && !post) throw new BadUserInputError({ postId: `Post ${p.postId} does not exist` });
    const [grid] = gridIds.length
      ? await ctx.em.query('SELECT community_id FROM grid_version WHERE grid_id = $1 AND valid @> $2::date', [gridIds[0], day])
      : [];
    // The person now works where the new post or grids are (the home community is not dated: see the note in docs).
    const home = post ? Number(post.community_id) : grid ? Number(grid.community_id) : null;
    if (home !== null && home !== Number(staff.home_community_id)) {
      await ctx.em.query('UPDATE staff_member SET home_community_id = $2, version = version + 1, updated_at = now() WHERE id = $1', [
        staffId,
        home,
      ]);
      await auditService.record(ctx, AuditOperation.UPDATE, 'StaffMember', staffId, {
        homeCommunityId: { before: Number(staff.home_community_id), after: home },
      });
    }
    for (const gridId of gridIds)
      await staffingService.assignGridMember(ctx, { gridId: String(gridId), staffMemberId: String(staffId), validFrom: day });
    if (p.postId)
      await staffingService.assignPostHolder(ctx, { postId: p.postId, slot: p.slot!, staffMemberId: String(staffId), validFrom: day });
  },

  async [PlanStepKind.END_ASSIGNMENT](run, p) {
    if (p.assignmentId) await staffingService.endGridMember(run.ctx, p.assignmentId, run.lastDay);
    else await staffingService.endPostHolder(run.ctx, p.postHolderId!, run.lastDay);
  },
};

/** Runs one step: its parameters are checked again (the data may have changed since it was saved), then its commands run on the plan's day. */
export async function runStep(run: Run, step: ReorganizationStep): Promise<void> {
  const problems = paramProblems(step.kind, step.params);
  if (Object.keys(problems).length) throw new BadUserInputError(problems);
  if (step.params.level && step.kind !== PlanStepKind.CREATE_UNIT) {
    const level = LEVELS[step.params.level];
    const id = ref(run, step.params.unitId, 'unitId');
    const [unit] = await run.ctx.em.query(
      `SELECT to_char(upper(valid) - 1, 'YYYY-MM-DD') AS until, valid @> $2::date AS valid FROM ${level} WHERE id = $1`,
      [id, run.day],
    );
    if (!unit) throw new BadUserInputError({ unitId: `${LABEL[level]} ${id} does not exist` });
    if (!unit.valid)
      throw new ConflictError(
        ConflictReason.ENDED,
        `${LABEL[level]} ${id} is not valid on ${run.day}${unit.until ? ` (it ended on ${unit.until})` : ''}`,
      );
  }
  await RUNNERS[step.kind](run, step.params, step);
}

export { ENTITIES as UNIT_ENTITIES };
