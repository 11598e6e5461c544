import { PlanStatus, PlanStepKind, UnitLevel } from '@community-grid/shared';
import type { EntityManager } from 'typeorm';
import { addDays } from '../core/time/validity';
import type { StepParams } from '../modules/reorganization/plan.entity';
import { REFORM_DATE, reformLayout, SampleSize, SAMPLE_SIZE } from './sample-district';

/** A step as written before the plan exists: `new:#<index>` names the unit the step at that index creates. */
export interface PlannedStep {
  kind: PlanStepKind;
  params: StepParams;
}

/**
 * The 7 → 12 reform written as a plan over the structure as it stood on
 * 28 September 2014: found the 12 communities (with their lineage), move
 * and renumber every grid, end the 31 old communities and the 7 offices.
 * Built from the sample's definition of the reform, with ids looked up by code.
 */
export async function reformPlanSteps(em: EntityManager, size: SampleSize = SAMPLE_SIZE): Promise<PlannedStep[]> {
  const layout = reformLayout(size);
  const day = addDays(REFORM_DATE, -1);
  const ids = async (sql: string) =>
    new Map<string, string>((await em.query(sql, [day])).map((row: { code: string; id: number }) => [row.code, String(row.id)]));
  const oldCommunities = await ids('SELECT code, community_id AS id FROM community_version WHERE valid @> $1::date');
  const grids = await ids('SELECT code, grid_id AS id FROM grid_version WHERE valid @> $1::date');
  const offices = [
    ...(
      await ids('SELECT office_id::text AS code, office_id AS id FROM office_version WHERE valid @> $1::date ORDER BY office_id')
    ).values(),
  ];
  const steps: PlannedStep[] = layout.communities.map((c, ci) => ({
    kind: PlanStepKind.CREATE_UNIT,
    params: {
      level: UnitLevel.COMMUNITY,
      code: c.code,
      name: c.name,
      nameEn: c.nameEn,
      address: c.address,
      phone: c.phone,
      predecessorOfficeIds: c.offices.map((o) => offices[o]),
      predecessorCommunityIds: layout.old.filter((o) => o.newIndex === ci).map((o) => oldCommunities.get(o.code)!),
    },
  }));
  for (const grid of layout.grids) {
    steps.push({
      kind: PlanStepKind.MOVE_GRID,
      params: { unitId: grids.get(grid.oldCode)!, communityId: `new:#${grid.newIndex}`, code: grid.newCode, name: grid.newName },
    });
  }
  for (const old of layout.old)
    steps.push({ kind: PlanStepKind.END_UNIT, params: { level: UnitLevel.COMMUNITY, unitId: oldCommunities.get(old.code)! } });
  for (const office of offices) steps.push({ kind: PlanStepKind.END_UNIT, params: { level: UnitLevel.OFFICE, unitId: office } });
  return steps;
}

/** Saves a plan with its steps, turning `new:#<index>` into `new:<step id>`; returns its id. */
export async function savePlan(
  em: EntityManager,
  plan: { name: string; description: string; effectiveOn: string; authorId: number | null },
  steps: PlannedStep[],
): Promise<number> {
  const [{ id }] = await em.query(
    'INSERT INTO reorganization_plan (name, description, effective_on, status, author_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [plan.name, plan.description, plan.effectiveOn, PlanStatus.DRAFT, plan.authorId],
  );
  const stepIds: number[] = [];
  for (const [i, step] of steps.entries()) {
    const params = JSON.parse(
      JSON.stringify(step.params).replace(/"new:#(\d+)"/g, (_m, index: string) => `"new:${stepIds[Number(index)]}"`),
    );
    const [row] = await em.query('INSERT INTO reorganization_step (plan_id, position, kind, params) VALUES ($1, $2, $3, $4) RETURNING id', [
      id,
      i + 1,
      step.kind,
      params,
    ]);
    stepIds.push(Number(row.id));
  }
  return Number(id);
}

/**
 * The sample's draft for next month: split the district's largest grid by
 * building (the one nearest half its households), and move the last two grids of 河畔 (Hepan) to 晨曦 (Chenxi),
 * renumbered. Ready to preview.
 */
export async function loadSamplePlans(em: EntityManager, today: string): Promise<number> {
  const nextMonth = addDays(`${today.slice(0, 7)}-01`, 40).slice(0, 7) + '-01';
  const [largest] = await em.query(
    `SELECT v.grid_id AS id, g.code, g.community_id, COUNT(*)::int AS n FROM household_version v
       JOIN grid_version g ON g.grid_id = v.grid_id AND g.valid @> $1::date WHERE v.valid @> $1::date GROUP BY 1, 2, 3 ORDER BY n DESC, g.code LIMIT 1`,
    [today],
  );
  const [building] = await em.query(
    `SELECT substring(h.address from '^(.*?号楼)') AS building, COUNT(*) AS n FROM household_version v JOIN household h ON h.id = v.household_id
      WHERE v.grid_id = $1 AND v.valid @> $2::date GROUP BY 1
      ORDER BY COUNT(*) = $3 ASC, abs(2 * COUNT(*) - $3) ASC, 1 LIMIT 1`,
    [largest.id, today, largest.n],
  );
  const communities = new Map<string, string>(
    (await em.query('SELECT code, community_id AS id FROM community_version WHERE valid @> $1::date', [today])).map(
      (row: { code: string; id: number }) => [row.code, String(row.id)],
    ),
  );
  const hepan: Array<{ id: number; code: string }> = await em.query(
    'SELECT grid_id AS id, code FROM grid_version WHERE community_id = $1 AND valid @> $2::date ORDER BY code DESC LIMIT 2',
    [communities.get('C03'), today],
  );
  const [official] = await em.query(`SELECT id FROM account WHERE username = 'official'`);
  const steps: PlannedStep[] = [
    {
      kind: PlanStepKind.SPLIT_GRID,
      params: { unitId: String(largest.id), building: building.building, code: `${largest.code.slice(0, 3)}-G90`, name: '新拆分网格' },
    },
    ...hepan.reverse().map((grid, i) => ({
      kind: PlanStepKind.MOVE_GRID,
      params: {
        unitId: String(grid.id),
        communityId: communities.get('C02')!,
        code: `C02-G${String(21 + i)}`,
        name: `晨曦第${21 + i}网格`,
      },
    })),
  ];
  return savePlan(
    em,
    {
      name: "下月网格调整 Next month's grid changes",
      description: `Split ${largest.code} (the largest grid) at ${building.building}; move ${hepan.map((g) => g.code).join(' and ')} from 河畔 to 晨曦.`,
      effectiveOn: nextMonth,
      authorId: official ? Number(official.id) : null,
    },
    steps,
  );
}

/**
 * The database as it was known on the eve of `day`: everything dated from
 * then on never happened (staffing, service, plans and reach are cleared, as
 * they all came after the 2014 reform). For replaying the reform as a plan.
 */
export async function cutHistoryAt(query: (sql: string, params?: unknown[]) => Promise<unknown>, day: string): Promise<void> {
  await query(
    'TRUNCATE affair, visit, absence, post_rotation, post_holder, grid_assignment, template_adoption, post, service_window, reorganization_plan, grid_lineage CASCADE',
  );
  await query('UPDATE staff_member SET home_community_id = NULL');
  await query(`UPDATE account SET community_ids = '{}', grid_ids = '{}'`);
  const levels = ['resident', 'household', 'grid', 'community', 'office'];
  for (const level of levels) {
    await query(`DELETE FROM ${level}_version WHERE lower(valid) >= $1::date`, [day]);
    await query(`DELETE FROM ${level} WHERE lower(valid) >= $1::date`, [day]);
  }
  for (const level of levels) {
    for (const table of [level, `${level}_version`]) {
      await query(`UPDATE ${table} SET valid = daterange(lower(valid), NULL) WHERE NOT upper_inf(valid) AND upper(valid) >= $1::date`, [
        day,
      ]);
    }
  }
}
