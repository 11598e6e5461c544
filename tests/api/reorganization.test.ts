import 'reflect-metadata';
import { addDays } from '../../server/src/core/time/validity';
import { MUSLIM_LANE, CHENXI, sample, GridRecord } from '../support/sample';
import { structureFingerprint, structureOn } from '../support/structure-dump';
import { startTestServer, TestServer } from '../support/test-server';

let api: TestServer;
beforeAll(async () => { api = await startTestServer(); });
afterAll(() => api.close());

const DAY = '2026-07-01';
const OUTCOME = `dryRun ok correlationId day changeCount problems
  plan { id status version effectiveOn revertedOn }
  steps { stepId position kind ok changeCount error { code message reason fields } }
  impact { units { level code name before { grids households residents members } after { grids households residents members } }
    posts { communityCode label emptySlots } understaffedGrids { code } staffWithoutAssignment { name } reachChanges { username gains losses } }
  changes { operation entityType entityId changes }`;

interface Step { kind: string; params: Record<string, unknown> }

async function createPlan(steps: Step[], effectiveOn = DAY, name = `plan ${Math.random().toString(36).slice(2, 8)}`) {
  const { createReorganizationPlan: plan } = await api.data(`mutation ($input: CreateReorganizationPlanInput!) { createReorganizationPlan(input: $input) { id version } }`,
    { input: { name, effectiveOn } });
  const stepIds: string[] = [];
  for (const step of steps) {
    const params = JSON.parse(JSON.stringify(step.params).replace(/"new:#(\d+)"/g, (_m, i) => `"new:${stepIds[Number(i)]}"`));
    const { addReorganizationStep } = await api.data(`mutation ($input: AddReorganizationStepInput!) { addReorganizationStep(input: $input) { steps { id } } }`,
      { input: { planId: plan.id, kind: step.kind, params } });
    stepIds.push(addReorganizationStep.steps.at(-1).id);
  }
  return { id: plan.id as string, stepIds };
}

const apply = (id: string, dryRun: boolean) => api.gql(`mutation ($id: ID!, $dryRun: Boolean!) { applyReorganizationPlan(id: $id, dryRun: $dryRun) { ${OUTCOME} } }`, { id, dryRun });
const revert = (id: string, dryRun = false, revertOn?: string) =>
  api.gql(`mutation ($id: ID!, $dryRun: Boolean!, $revertOn: LocalDate) { revertReorganizationPlan(id: $id, dryRun: $dryRun, revertOn: $revertOn) { ${OUTCOME} } }`, { id, dryRun, revertOn });

/** An outcome as it would compare between preview and apply: ids and correlation ids aside. */
function comparable(outcome: any) {
  const strip = (value: any): any => Array.isArray(value) ? value.map(strip)
    : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([k]) => !/^(id|entityId|stepId|correlationId|dryRun|plan|version)$/.test(k) && !/Id$/.test(k)).map(([k, v]) => [k, strip(v)]))
    : value;
  const changes = outcome.changes.map((c: any) => `${c.operation} ${c.entityType} ${Object.keys(c.changes).sort().join(',')}`).sort();
  return { ...strip({ ...outcome, changes: undefined }), changes };
}

let grids: GridRecord[];
let building: string;
beforeAll(async () => {
  grids = await sample.gridsOf(api, await sample.communityId(api, MUSLIM_LANE));
  const households = await sample.householdsOf(api, grids[0].id);
  const second = households.find((h) => h.address.includes('2号楼'))!;
  building = second.address.slice(0, second.address.indexOf('2号楼') + 3);
});

describe('a plan that splits a grid and merges two others', () => {
  const steps = (): Step[] => [
    { kind: 'SPLIT_GRID', params: { unitId: grids[0].id, building, code: 'C01-G91', name: '清真巷第91网格' } },
    { kind: 'MERGE_GRIDS', params: { targetId: grids[1].id, unitIds: [grids[2].id] } },
  ];

  it('previews exactly what it applies, changes nothing today, shows the new structure as of its day, and is withdrawn to nothing', async () => {
    const before = await structureFingerprint(api);
    const today = await structureOn(api, api.clock.today());
    const planned = await structureOn(api, DAY);
    const { id } = await createPlan(steps());
    const preview = await apply(id, true);
    expect(preview.errors).toBeUndefined();
    const previewed = preview.data!.applyReorganizationPlan;
    expect(previewed).toMatchObject({ dryRun: true, ok: true, plan: { status: 'DRAFT' } });
    // The preview is repeatable and kept nothing.
    expect(comparable((await apply(id, true)).data!.applyReorganizationPlan)).toEqual(comparable(previewed));
    expect(await structureFingerprint(api)).toEqual(before);

    const g0 = (await api.sql('SELECT COUNT(*)::int AS n FROM household_version WHERE grid_id = $1 AND valid @> $2::date', [grids[0].id, DAY]))[0].n;
    const g1 = previewed.impact.units.find((u: any) => u.code === grids[1].code);
    const g2 = previewed.impact.units.find((u: any) => u.code === grids[2].code);
    const created = previewed.impact.units.find((u: any) => u.code === 'C01-G91');
    expect(g2.after).toBeNull();
    expect(g1.after.households).toBe(g1.before.households + g2.before.households);
    expect(created.before).toBeNull();
    expect(created.after.households + previewed.impact.units.find((u: any) => u.code === grids[0].code).after.households).toBe(g0);
    expect(previewed.impact.understaffedGrids.map((g: any) => g.code)).toContain('C01-G91');

    const applied = await apply(id, false);
    expect(applied.errors).toBeUndefined();
    const outcome = applied.data!.applyReorganizationPlan;
    expect(outcome).toMatchObject({ dryRun: false, ok: true, plan: { status: 'APPLIED' } });
    expect(comparable(outcome)).toEqual(comparable(previewed));
    // Every audit row of the apply carries its correlation id, and so does the lineage.
    const audited = await api.sql('SELECT COUNT(*)::int AS n FROM audit_event WHERE correlation_id = $1', [outcome.correlationId]);
    expect(audited[0].n).toBe(outcome.changeCount);
    const lineage = await api.sql('SELECT reason FROM grid_lineage WHERE correlation_id = $1 ORDER BY reason', [outcome.correlationId]);
    expect(lineage.map((row) => row.reason)).toEqual(['MERGE', 'SPLIT']);

    // Today is unchanged until the day comes; as of the day, the planned structure.
    expect(await structureOn(api, api.clock.today())).toEqual(today);
    const after = await structureOn(api, DAY);
    expect(after.grids.map((g: any) => g.code)).toContain('C01-G91');
    expect(after.grids.map((g: any) => g.code)).not.toContain(grids[2].code);
    const { grids: asOf } = await api.data(`query ($asOf: LocalDate, $id: ID!) { grids(asOf: $asOf, options: { filter: { ids: [$id] } }) { items { code householdCount } } }`,
      { asOf: DAY, id: grids[1].id });
    expect(asOf.items[0].householdCount).toBe(g1.after.households);
    const { plannedDays } = await api.data('{ plannedDays { id effectiveOn } }');
    expect(plannedDays).toEqual([{ id, effectiveOn: DAY }]);

    // Applied twice: refused.
    const again = await apply(id, false);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLAN_STATE' });

    // Before its day, a revert withdraws it: the history is as it was, and the plan is a draft again.
    const withdrawn = await revert(id);
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data!.revertReorganizationPlan.plan.status).toBe('DRAFT');
    expect(await structureFingerprint(api)).toEqual(before);
    expect(await structureOn(api, DAY)).toEqual(planned);
    expect(await api.sql('SELECT 1 FROM grid_lineage')).toEqual([]);
  });

  it('in effect, is reverted by a change on the revert day that restores the structure as it was, keeping both in history', async () => {
    const { id } = await createPlan(steps());
    const dayBefore = await structureOn(api, addDays(DAY, -1));
    expect((await apply(id, false)).errors).toBeUndefined();
    const applied = await structureOn(api, DAY);
    api.clock.set('2026-07-10');
    try {
      const preview = await revert(id, true);
      expect(preview.errors).toBeUndefined();
      expect(preview.data!.revertReorganizationPlan.impact.units.find((u: any) => u.code === grids[2].code)).toMatchObject({ before: null });
      const reverted = await revert(id);
      expect(reverted.errors).toBeUndefined();
      expect(reverted.data!.revertReorganizationPlan.plan).toMatchObject({ status: 'REVERTED', revertedOn: '2026-07-10' });
      // From the revert day, the structure of the day before the plan; the plan's days keep what they had.
      expect(await structureOn(api, '2026-07-10')).toEqual(dayBefore);
      expect(await structureOn(api, '2026-07-09')).toEqual(applied);
      expect(await structureOn(api, addDays(DAY, -1))).toEqual(dayBefore);
      const restored = await api.sql(`SELECT l.reason, l.predecessor_id FROM grid_lineage l WHERE l.reason = 'RESTORED'`);
      expect(restored.map((row) => String(row.predecessor_id))).toEqual([grids[2].id]);
      // A reverted plan is not reverted twice.
      expect((await revert(id)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLAN_STATE' });
    } finally {
      api.clock.set('2026-06-15');
    }
  });
});
