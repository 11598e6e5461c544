import 'reflect-metadata';
import { cutHistoryAt, reformPlanSteps } from '../../server/src/seed/sample-reform';
import { recordMetric } from '../support/browser';
import { present } from '../support/present';
import { structureOn } from '../support/structure-dump';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * The sample records the 7 → 12 reform as history. Written as a plan and
 * applied to the sample as it stood before the reform, it must give the same
 * structure on 29 September 2014.
 */
let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

const REFORM = '2014-09-29';

const lineage = () =>
  api.sql(
    `SELECT v.code, array_agg(pv.code ORDER BY pv.code) AS predecessors
  FROM community_predecessor_community l JOIN community_version v ON v.community_id = l.community_id AND v.valid @> $1::date
  JOIN community_version pv ON pv.community_id = l.predecessor_id AND upper(pv.valid) = $1::date GROUP BY 1 ORDER BY 1`,
    [REFORM],
  );

it('replays the 7 → 12 reform as a plan and gets the recorded structure of 29 September 2014', async () => {
  const recorded = await structureOn(api, REFORM);
  const recordedLineage = await lineage();
  expect(recorded.communities).toHaveLength(12);

  await cutHistoryAt((sql, params) => api.sql(sql, params), REFORM);
  api.clock.set('2014-09-28');
  const eve = await structureOn(api, REFORM);
  expect(eve.communities).toHaveLength(31);

  const steps = await reformPlanSteps(api.dataSource.manager);
  const { createReorganizationPlan: plan } = await api.data<{ createReorganizationPlan: { id: string } }>(
    `mutation { createReorganizationPlan(input: { name: "撤街设社 7 → 12", effectiveOn: "${REFORM}" }) { id } }`,
  );
  const stepIds: string[] = [];
  for (const step of steps) {
    const params = JSON.parse(JSON.stringify(step.params).replace(/"new:#(\d+)"/g, (_m, i) => `"new:${stepIds[Number(i)]}"`));
    const { addReorganizationStep } = await api.data<{ addReorganizationStep: { steps: Array<{ id: string }> } }>(
      `mutation ($input: AddReorganizationStepInput!) { addReorganizationStep(input: $input) { steps { id } } }`,
      { input: { planId: plan.id, kind: step.kind, params } },
    );
    stepIds.push(present(addReorganizationStep.steps.at(-1), 'the step just added').id);
  }
  const run = async (dryRun: boolean) => {
    const started = Date.now();
    const result = await api.gql<{
      applyReorganizationPlan: {
        ok: boolean;
        changeCount: number;
        steps: Array<{ ok: boolean; error: { message: string } | null }>;
        problems: string[];
        impact: { units: Array<{ code: string }> };
      };
    }>(
      `mutation ($id: ID!, $dryRun: Boolean!) { applyReorganizationPlan(id: $id, dryRun: $dryRun) {
      ok changeCount steps { ok error { message } } problems impact { units { code } } } }`,
      { id: plan.id, dryRun },
    );
    return { result, ms: Date.now() - started };
  };
  const preview = await run(true);
  expect(preview.result.errors).toBeUndefined();
  expect(preview.result.data!.applyReorganizationPlan.steps.filter((s) => !s.ok)).toEqual([]);
  expect(preview.result.data!.applyReorganizationPlan.problems).toEqual([]);
  const applied = await run(false);
  expect(applied.result.errors).toBeUndefined();
  expect(applied.result.data!.applyReorganizationPlan.changeCount).toBe(preview.result.data!.applyReorganizationPlan.changeCount);
  recordMetric(
    'reformReplay',
    `${steps.length} steps; preview ${preview.ms} ms, apply ${applied.ms} ms (${applied.result.data!.applyReorganizationPlan.changeCount} writes)`,
  );

  const replayed = await structureOn(api, REFORM);
  expect(replayed.communities).toEqual(recorded.communities);
  expect(replayed.grids).toEqual(recorded.grids);
  expect(replayed.households).toEqual(recorded.households);
  expect(await lineage()).toEqual(recordedLineage);
  // The eve keeps its structure.
  expect(await structureOn(api, '2014-09-28')).toEqual(eve);
});
