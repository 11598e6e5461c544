import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { PlanStepKind, UnitLevel } from '@community-grid/shared';
import { createApp } from '../app';
import { createDataSource } from '../database/data-source';
import { dropDatabase, ensureDatabase, withDatabase } from '../database/databases';
import { ensureAdministrator } from '../modules/auth/bootstrap';
import { buildApiSchema } from '../schema/build-schema';
import { FixedClock } from '../core/time/clock';
import { addDays } from '../core/time/validity';
import { loadSampleDistrict, SAMPLE_SIZE } from './sample-district';
import { cutHistoryAt, PlannedStep, reformPlanSteps, savePlan } from './sample-reform';

/**
 * How long a plan takes to preview and to apply, through the API:
 * the 7 → 12 reform replayed on the sample cut at 28 September 2014, and a
 * 50-step plan over the district at full scale (552 grids, ~165,600
 * households). Prints a table; `BENCH_GRID_FACTOR` and `BENCH_HOUSEHOLDS`
 * change the scale. Needs DATABASE_URL (a server where it may create databases).
 */
const PASSWORD = 'bench-plans-password';
const TODAY = '2026-06-15';

async function serve(url: string, today: string) {
  const dataSource = createDataSource({ url, poolSize: 4 });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await ensureAdministrator(dataSource, PASSWORD);
  const clock = new FixedClock(today);
  const app = await createApp({ dataSource, schema: await buildApiSchema(), isDevelopment: false, isProduction: false, clock });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
  const post = async <T>(query: string, variables: object, cookie?: string) => {
    const response = await fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return {
      body: (await response.json()) as { data?: T; errors?: Array<{ message: string }> },
      cookie: response.headers.get('set-cookie')?.split(';')[0],
    };
  };
  const { cookie } = await post<unknown>('mutation { login(username: "admin", password: "' + PASSWORD + '") { role } }', {});
  return {
    dataSource,
    clock,
    /** Sends `query`; its data is of the shape T the caller names. */
    gql: <T>(query: string, variables: object = {}) => post<T>(query, variables, cookie).then((r) => r.body),
    close: async () => {
      await app.stop();
      await new Promise((resolve) => app.server.close(resolve));
      await dataSource.destroy();
    },
  };
}

type Server = Awaited<ReturnType<typeof serve>>;

async function time(server: Server, planId: number, dryRun: boolean): Promise<{ ms: number; writes: number; failed: number }> {
  const started = performance.now();
  const result = await server.gql<{ applyReorganizationPlan: { ok: boolean; changeCount: number; steps: Array<{ ok: boolean }> } }>(
    `mutation ($id: ID!, $dryRun: Boolean!) { applyReorganizationPlan(id: $id, dryRun: $dryRun) { ok changeCount steps { ok error { message } } } }`,
    { id: String(planId), dryRun },
  );
  const ms = performance.now() - started;
  if (result.errors) throw new Error(`plan ${planId}: ${result.errors[0].message}`);
  const outcome = result.data!.applyReorganizationPlan;
  return { ms, writes: outcome.changeCount, failed: outcome.steps.filter((s) => !s.ok).length };
}

/** Fifty steps over the whole district, next month: splits, merges, moves of grids and households, renames, new grids, staff transfers. */
async function fiftySteps(server: Server, day: string): Promise<PlannedStep[]> {
  const rows: Array<{ grid: number; community: number; code: string; ccode: string }> = await server.dataSource.query(
    `SELECT g.grid_id AS grid, g.community_id AS community, g.code, c.code AS ccode FROM grid_version g
       JOIN community_version c ON c.community_id = g.community_id AND c.valid @> $1::date WHERE g.valid @> $1::date ORDER BY g.code`,
    [day],
  );
  const byCommunity = new Map<string, typeof rows>();
  rows.forEach((row) => byCommunity.set(row.ccode, [...(byCommunity.get(row.ccode) ?? []), row]));
  const communities = [...byCommunity.keys()].sort();
  const buildingOf = async (grid: number) =>
    (
      await server.dataSource.query(
        `SELECT substring(h.address from '^(.*?号楼)') AS b FROM household_version v JOIN household h ON h.id = v.household_id
      WHERE v.grid_id = $1 AND v.valid @> $2::date ORDER BY h.id DESC LIMIT 1`,
        [grid, day],
      )
    )[0].b as string;
  const steps: PlannedStep[] = [];
  for (const [i, code] of communities.entries()) {
    const grids = byCommunity.get(code)!;
    if (steps.length >= 50) break;
    // Per community: split the first grid by a building, merge the last into the one before, move households of the third by building into the second.
    steps.push({
      kind: PlanStepKind.SPLIT_GRID,
      params: {
        unitId: String(grids[0].grid),
        building: await buildingOf(grids[0].grid),
        code: `${code}-G9${i % 10}`,
        name: `${code} 拆分网格`,
      },
    });
    steps.push({ kind: PlanStepKind.MERGE_GRIDS, params: { targetId: String(grids.at(-2)!.grid), unitIds: [String(grids.at(-1)!.grid)] } });
    steps.push({
      kind: PlanStepKind.MOVE_HOUSEHOLDS,
      params: { unitId: String(grids[2].grid), building: await buildingOf(grids[2].grid), targetId: String(grids[1].grid) },
    });
    steps.push({
      kind: PlanStepKind.RENAME_UNIT,
      params: { level: UnitLevel.GRID, unitId: String(grids[1].grid), name: `${code} 更名网格` },
    });
  }
  // And two grids moved across communities.
  for (const [i, code] of communities.slice(0, 2).entries()) {
    const grid = byCommunity.get(code)![4];
    const target = byCommunity.get(communities[communities.length - 1 - i])![0];
    steps.push({
      kind: PlanStepKind.MOVE_GRID,
      params: {
        unitId: String(grid.grid),
        communityId: String(target.community),
        code: `${communities[communities.length - 1 - i]}-G8${i}`,
        name: '迁入网格',
      },
    });
  }
  return steps.slice(0, 50);
}

/** The bench's databases are scratch: each is dropped after its server stops, even when stopping fails. */
async function dropAfter(url: string, stop: () => Promise<void>): Promise<void> {
  try {
    await stop();
  } finally {
    await dropDatabase(url).catch((error) => console.error(`Could not drop ${url}: ${String(error)}`));
  }
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server where the bench may create databases');
  const results: Array<{ plan: string; steps: number; households: number; preview: string; apply: string; writes: number }> = [];

  // The 7 → 12 reform on the sample as it stood on 28 September 2014.
  {
    const url = withDatabase(serverUrl, 'cg_bench_plans_reform');
    await dropDatabase(url);
    await ensureDatabase(url);
    const server = await serve(url, '2014-09-28');
    try {
      await server.dataSource.transaction((em) => loadSampleDistrict(em, SAMPLE_SIZE, TODAY));
      await cutHistoryAt((sql, params) => server.dataSource.query(sql, params), '2014-09-29');
      await server.dataSource.query('ANALYZE');
      const steps = await reformPlanSteps(server.dataSource.manager);
      const id = await savePlan(
        server.dataSource.manager,
        { name: 'reform', description: '', effectiveOn: '2014-09-29', authorId: null },
        steps,
      );
      const preview = await time(server, id, true);
      const applied = await time(server, id, false);
      const [{ n }] = await server.dataSource.query(`SELECT COUNT(*)::int AS n FROM household_version WHERE valid @> '2014-09-29'::date`);
      results.push({
        plan: '7 → 12 reform (sample)',
        steps: steps.length,
        households: n,
        preview: `${preview.ms.toFixed(0)} ms`,
        apply: `${applied.ms.toFixed(0)} ms`,
        writes: applied.writes,
      });
    } finally {
      await dropAfter(url, () => server.close());
    }
  }

  // Fifty steps at district scale.
  {
    const size = {
      householdsPerGrid: Number(process.env.BENCH_HOUSEHOLDS ?? 300),
      gridFactor: Number(process.env.BENCH_GRID_FACTOR ?? 8),
      affairsPerHousehold: 0,
    };
    const url = withDatabase(serverUrl, 'cg_bench_plans_district');
    await dropDatabase(url);
    await ensureDatabase(url);
    const server = await serve(url, TODAY);
    try {
      const started = performance.now();
      await server.dataSource.transaction((em) => loadSampleDistrict(em, size, TODAY));
      await server.dataSource.query('ANALYZE');
      console.log(
        `loaded the district (${size.gridFactor} × grids, ${size.householdsPerGrid} households a grid) in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
      const day = addDays(TODAY, 16);
      const steps = await fiftySteps(server, day);
      const id = await savePlan(
        server.dataSource.manager,
        { name: 'fifty steps', description: '', effectiveOn: day, authorId: null },
        steps,
      );
      const preview = await time(server, id, true);
      if (preview.failed) console.log(`${preview.failed} steps failed in the preview`);
      const applied = await time(server, id, false);
      const [{ n }] = await server.dataSource.query('SELECT COUNT(*)::int AS n FROM household_version WHERE valid @> $1::date', [day]);
      results.push({
        plan: '50 steps (district scale)',
        steps: steps.length,
        households: n,
        preview: `${preview.ms.toFixed(0)} ms`,
        apply: `${applied.ms.toFixed(0)} ms`,
        writes: applied.writes,
      });
    } finally {
      await dropAfter(url, () => server.close());
    }
  }
  console.table(results);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
