import 'reflect-metadata';
import { addDays } from '../../server/src/core/time/validity';
import { MUSLIM_LANE, sample, GridRecord } from '../support/sample';
import { present } from '../support/present';
import { structureFingerprint, structureOn } from '../support/structure-dump';
import { startTestServer, TestServer } from '../support/test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

const DAY = '2026-07-01';
const OUTCOME = `dryRun ok correlationId day changeCount problems
  plan { id status version effectiveOn revertedOn }
  steps { stepId position kind ok changeCount error { code message reason fields } }
  impact { units { level code name before { grids households residents members } after { grids households residents members } }
    posts { communityCode label emptySlots } understaffedGrids { code } staffWithoutAssignment { name } reachChanges { username gains losses } }
  changes { operation entityType entityId changes }`;

interface Counts {
  grids: number;
  households: number;
  residents: number;
  members: number;
}
/** What an apply or a revert (or its preview) answers, as OUTCOME reads it. */
interface Outcome {
  dryRun: boolean;
  ok: boolean;
  correlationId: string;
  day: string;
  changeCount: number;
  problems: string[];
  plan: { id: string; status: string; version: number; effectiveOn: string; revertedOn: string | null };
  steps: Array<{
    stepId: string;
    position: number;
    kind: string;
    ok: boolean;
    changeCount: number;
    error: { code: string; message: string; reason: string | null; fields: Record<string, string> | null } | null;
  }>;
  impact: {
    units: Array<{ level: string; code: string; name: string; before: Counts | null; after: Counts | null }>;
    posts: Array<{ communityCode: string; label: string; emptySlots: string[] }>;
    understaffedGrids: Array<{ code: string }>;
    staffWithoutAssignment: Array<{ name: string }>;
    reachChanges: Array<{ username: string; gains: string[]; losses: string[] }>;
  };
  changes: Array<{ operation: string; entityType: string; entityId: string; changes: Record<string, unknown> }>;
}

interface Step {
  kind: string;
  params: Record<string, unknown>;
}

async function createPlan(steps: Step[], effectiveOn = DAY, name = `plan ${Math.random().toString(36).slice(2, 8)}`) {
  const { createReorganizationPlan: plan } = await api.data<{ createReorganizationPlan: { id: string; version: number } }>(
    `mutation ($input: CreateReorganizationPlanInput!) { createReorganizationPlan(input: $input) { id version } }`,
    { input: { name, effectiveOn } },
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
  return { id: plan.id, stepIds };
}

const planStatus = (id: string) =>
  api.data<{ reorganizationPlan: { status: string } }>('query ($id: ID!) { reorganizationPlan(id: $id) { status } }', { id });
const apply = (id: string, dryRun: boolean) =>
  api.gql<{ applyReorganizationPlan: Outcome }>(
    `mutation ($id: ID!, $dryRun: Boolean!) { applyReorganizationPlan(id: $id, dryRun: $dryRun) { ${OUTCOME} } }`,
    { id, dryRun },
  );
const revert = (id: string, dryRun = false, revertOn?: string) =>
  api.gql<{ revertReorganizationPlan: Outcome }>(
    `mutation ($id: ID!, $dryRun: Boolean!, $revertOn: LocalDate) { revertReorganizationPlan(id: $id, dryRun: $dryRun, revertOn: $revertOn) { ${OUTCOME} } }`,
    { id, dryRun, revertOn },
  );

/** An outcome as it would compare between preview and apply: ids and correlation ids aside. */
function comparable(outcome: Outcome) {
  const strip = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(strip)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([k]) => !/^(id|entityId|stepId|correlationId|dryRun|plan|version)$/.test(k) && !/Id$/.test(k))
              .map(([k, v]) => [k, strip(v)]),
          )
        : value;
  const changes = outcome.changes.map((c) => `${c.operation} ${c.entityType} ${Object.keys(c.changes).sort().join(',')}`).sort();
  return { ...(strip({ ...outcome, changes: undefined }) as Record<string, unknown>), changes };
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

    const g0 = (
      await api.sql('SELECT COUNT(*)::int AS n FROM household_version WHERE grid_id = $1 AND valid @> $2::date', [grids[0].id, DAY])
    )[0].n;
    const g1 = previewed.impact.units.find((u) => u.code === grids[1].code)!;
    const g2 = previewed.impact.units.find((u) => u.code === grids[2].code)!;
    const created = previewed.impact.units.find((u) => u.code === 'C01-G91')!;
    expect(g2.after).toBeNull();
    expect(g1.after!.households).toBe(g1.before!.households + g2.before!.households);
    expect(created.before).toBeNull();
    expect(created.after!.households + previewed.impact.units.find((u) => u.code === grids[0].code)!.after!.households).toBe(g0);
    expect(previewed.impact.understaffedGrids.map((g) => g.code)).toContain('C01-G91');

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
    expect(after.grids.map((g) => g.code)).toContain('C01-G91');
    expect(after.grids.map((g) => g.code)).not.toContain(grids[2].code);
    const { grids: asOf } = await api.data<{ grids: { items: Array<{ code: string; householdCount: number }> } }>(
      `query ($asOf: LocalDate, $id: ID!) { grids(asOf: $asOf, options: { filter: { ids: [$id] } }) { items { code householdCount } } }`,
      { asOf: DAY, id: grids[1].id },
    );
    expect(asOf.items[0].householdCount).toBe(g1.after!.households);
    const { plannedDays } = await (
      await api.as('coordinator')
    ).data<{ plannedDays: Array<{ planId: string; effectiveOn: string }> }>('{ plannedDays { planId effectiveOn } }');
    expect(plannedDays).toEqual([{ planId: id, effectiveOn: DAY }]);

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
      expect(preview.data!.revertReorganizationPlan.impact.units.find((u) => u.code === grids[2].code)).toMatchObject({
        before: null,
      });
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

/** Ids of the sample by code, read straight from the database on the test's today. */
const community = async (code: string): Promise<string> =>
  String(
    (await api.sql(`SELECT community_id AS id FROM community_version WHERE code = $1 AND valid @> $2::date`, [code, api.clock.today()]))[0]
      .id,
  );
const gridsIn = async (code: string): Promise<string[]> =>
  (
    await api.sql(
      `SELECT g.grid_id AS id FROM grid_version g JOIN community_version c ON c.community_id = g.community_id AND c.valid @> $2::date
    WHERE c.code = $1 AND g.valid @> $2::date ORDER BY g.code`,
      [code, api.clock.today()],
    )
  ).map((row) => String(row.id));
const householdsIn = async (gridId: string): Promise<Array<{ id: string; address: string }>> =>
  (
    await api.sql<{ id: number; address: string }>(
      `SELECT household_id AS id, h.address FROM household_version v JOIN household h ON h.id = v.household_id
    WHERE grid_id = $1 AND v.valid @> $2::date ORDER BY 1`,
      [gridId, api.clock.today()],
    )
  ).map((row) => ({ id: String(row.id), address: row.address }));
const assignmentsIn = async (code: string) =>
  api.sql(
    `SELECT a.id, a.staff_member_id FROM grid_assignment a
  JOIN grid_version g ON g.grid_id = a.grid_id AND g.valid @> $2::date JOIN community_version c ON c.community_id = g.community_id AND c.valid @> $2::date
  WHERE c.code = $1 AND a.valid @> $2::date ORDER BY a.id`,
    [code, api.clock.today()],
  );
const buildingOf = (address: string) => address.slice(0, address.indexOf('号楼') + 2);

type Dump = Awaited<ReturnType<typeof structureOn>>;
interface KindCase {
  kind: string;
  steps: () => Promise<Step[]>;
  /** What the plan's day shows once applied. */
  check: (after: Dump, before: Dump) => void | Promise<void>;
  invalid: () => Promise<Step[]>;
  /** The code of the error the invalid variant's failing step reports. */
  error: string;
}

const KINDS: KindCase[] = [
  {
    kind: 'CREATE_UNIT',
    steps: async () => {
      const households = (await householdsIn((await gridsIn('C03'))[0])).slice(0, 2).map((h) => h.id);
      return [
        {
          kind: 'CREATE_UNIT',
          params: {
            level: 'COMMUNITY',
            code: 'C13',
            name: '新桥社区',
            nameEn: 'Xinqiao (New Bridge) Community',
            predecessorCommunityIds: [await community('C03')],
          },
        },
        { kind: 'CREATE_UNIT', params: { level: 'GRID', communityId: 'new:#0', code: 'C13-G01', name: '新桥第1网格' } },
        { kind: 'MOVE_HOUSEHOLDS', params: { targetId: 'new:#1', householdIds: households } },
      ];
    },
    check: (after) => {
      expect(after.communities.find((c) => c.code === 'C13')).toMatchObject({ name: '新桥社区' });
      expect(after.grids.find((g) => g.code === 'C13-G01')).toMatchObject({ community: 'C13' });
      expect(after.households.find((h) => h.grid === 'C13-G01')).toMatchObject({ households: 2 });
    },
    invalid: async () => [
      { kind: 'CREATE_UNIT', params: { level: 'GRID', communityId: await community('C03'), code: 'C03-G01', name: '重复编号网格' } },
    ],
    error: 'BAD_USER_INPUT',
  },
  {
    kind: 'END_UNIT (grid)',
    steps: async () => {
      const [ended, target] = await gridsIn('C05');
      return [{ kind: 'END_UNIT', params: { level: 'GRID', unitId: ended, targetId: target } }];
    },
    check: (after, before) => {
      expect(after.grids.map((g) => g.code)).not.toContain('C05-G01');
      const count = (dump: Dump, code: string) => dump.households.find((h) => h.grid === code)?.households ?? 0;
      expect(count(after, 'C05-G02')).toBe(count(before, 'C05-G01') + count(before, 'C05-G02'));
    },
    invalid: async () => [{ kind: 'END_UNIT', params: { level: 'GRID', unitId: (await gridsIn('C05'))[0] } }],
    error: 'BAD_USER_INPUT',
  },
  {
    kind: 'END_UNIT (community)',
    steps: async () => [
      { kind: 'END_UNIT', params: { level: 'COMMUNITY', unitId: await community('C12'), targetId: await community('C02') } },
    ],
    check: (after) => {
      expect(after.communities.map((c) => c.code)).not.toContain('C12');
      expect(after.grids.filter((g) => g.code.startsWith('C12-')).every((g) => g.community === 'C02')).toBe(true);
    },
    invalid: async () => [{ kind: 'END_UNIT', params: { level: 'COMMUNITY', unitId: await community('C12') } }],
    error: 'BAD_USER_INPUT',
  },
  {
    kind: 'END_UNIT (office)',
    steps: async () => {
      const [office] = await api.sql(`SELECT office_id AS id FROM office_version WHERE name = '丁香街道办事处' AND valid @> $1::date`, [
        api.clock.today(),
      ]);
      return [{ kind: 'END_UNIT', params: { level: 'OFFICE', unitId: String(office.id) } }];
    },
    check: (after) => expect(after.communities.find((c) => c.code === 'C10')?.office).toBeNull(),
    invalid: async () => [
      {
        kind: 'END_UNIT',
        params: {
          level: 'OFFICE',
          unitId: String((await api.sql(`SELECT id FROM office WHERE NOT upper_inf(valid) ORDER BY id LIMIT 1`))[0].id),
        },
      },
    ],
    error: 'CONFLICT',
  },
  {
    kind: 'RENAME_UNIT',
    steps: async () => [
      {
        kind: 'RENAME_UNIT',
        params: { level: 'COMMUNITY', unitId: await community('C04'), name: '柳荫新村社区', nameEn: 'Liuyin New Village Community' },
      },
    ],
    check: (after) =>
      expect(after.communities.find((c) => c.code === 'C04')).toMatchObject({
        name: '柳荫新村社区',
        name_en: 'Liuyin New Village Community',
      }),
    invalid: async () => [{ kind: 'RENAME_UNIT', params: { level: 'COMMUNITY', unitId: await community('C04'), name: '清真巷社区' } }],
    error: 'BAD_USER_INPUT',
  },
  {
    kind: 'MOVE_GRID',
    steps: async () => [
      {
        kind: 'MOVE_GRID',
        params: { unitId: (await gridsIn('C01'))[3], communityId: await community('C02'), code: 'C02-G41', name: '晨曦第41网格' },
      },
    ],
    check: (after) => expect(after.grids.find((g) => g.code === 'C02-G41')).toMatchObject({ community: 'C02' }),
    invalid: async () => {
      const grid = (await gridsIn('C01'))[3];
      return [
        { kind: 'MOVE_GRID', params: { unitId: grid, communityId: await community('C02') } },
        { kind: 'MOVE_GRID', params: { unitId: grid, communityId: await community('C03') } },
      ];
    },
    error: 'BAD_USER_INPUT',
  },
  {
    kind: 'SPLIT_GRID',
    steps: async () => {
      const source = (await gridsIn('C01'))[4];
      return [
        {
          kind: 'SPLIT_GRID',
          params: {
            unitId: source,
            householdIds: (await householdsIn(source)).slice(0, 3).map((h) => h.id),
            code: 'C01-G95',
            name: '清真巷第95网格',
          },
        },
      ];
    },
    check: (after) => expect(after.households.find((h) => h.grid === 'C01-G95')).toMatchObject({ households: 3 }),
    invalid: async () => {
      const [other, source] = [(await gridsIn('C01'))[5], (await gridsIn('C01'))[4]];
      return [
        {
          kind: 'SPLIT_GRID',
          params: { unitId: source, householdIds: [(await householdsIn(other))[0].id], code: 'C01-G95', name: '清真巷第95网格' },
        },
      ];
    },
    error: 'BAD_USER_INPUT',
  },
  {
    kind: 'MERGE_GRIDS',
    steps: async () => {
      const [merged, target] = await gridsIn('C06');
      return [{ kind: 'MERGE_GRIDS', params: { targetId: target, unitIds: [merged] } }];
    },
    check: (after) => expect(after.grids.map((g) => g.code)).not.toContain('C06-G01'),
    invalid: async () => [{ kind: 'MERGE_GRIDS', params: { targetId: '999999', unitIds: [(await gridsIn('C06'))[0]] } }],
    error: 'BAD_USER_INPUT',
  },
  {
    kind: 'MOVE_HOUSEHOLDS',
    steps: async () => {
      const [, , from, to] = await gridsIn('C05');
      const households = await householdsIn(from);
      return [{ kind: 'MOVE_HOUSEHOLDS', params: { unitId: from, building: buildingOf(households[0].address), targetId: to } }];
    },
    check: (after, before) => {
      const count = (dump: Dump, code: string) => dump.households.find((h) => h.grid === code)?.households ?? 0;
      expect(count(after, 'C05-G03')).toBeLessThan(count(before, 'C05-G03'));
      expect(count(after, 'C05-G03') + count(after, 'C05-G04')).toBe(count(before, 'C05-G03') + count(before, 'C05-G04'));
    },
    invalid: async () => {
      const [, , from, to] = await gridsIn('C05');
      return [{ kind: 'MOVE_HOUSEHOLDS', params: { unitId: from, building: '无此地址1号院9号楼', targetId: to } }];
    },
    error: 'BAD_USER_INPUT',
  },
  {
    kind: 'TRANSFER_STAFF',
    steps: async () => {
      const [assignment] = await assignmentsIn('C07');
      return [
        {
          kind: 'TRANSFER_STAFF',
          params: {
            staffMemberId: String(assignment.staff_member_id),
            fromCommunityId: await community('C07'),
            gridIds: [(await gridsIn('C08'))[0]],
          },
        },
      ];
    },
    check: async (after) => {
      const [assignment] = await assignmentsIn('C07');
      const c08 = after.members.find((m) => m.grid === 'C08-G01');
      expect(c08!.staff.map(String)).toContain(String(assignment.staff_member_id));
    },
    invalid: async () => {
      const [assignment] = await assignmentsIn('C07');
      return [
        {
          kind: 'TRANSFER_STAFF',
          params: {
            staffMemberId: String(assignment.staff_member_id),
            fromCommunityId: await community('C11'),
            gridIds: [(await gridsIn('C08'))[0]],
          },
        },
      ];
    },
    error: 'BAD_USER_INPUT',
  },
  {
    kind: 'END_ASSIGNMENT',
    steps: async () => [{ kind: 'END_ASSIGNMENT', params: { assignmentId: String((await assignmentsIn('C09'))[0].id) } }],
    check: async (after, before) => {
      const members = (dump: Dump) => dump.members.filter((m) => m.grid.startsWith('C09-')).reduce((n: number, m) => n + m.staff.length, 0);
      expect(members(after)).toBe(members(before) - 1);
    },
    invalid: async () => [{ kind: 'END_ASSIGNMENT', params: { assignmentId: '999999' } }],
    error: 'NOT_FOUND',
  },
];

describe('every step kind', () => {
  beforeAll(async () => {
    // An office to end: 丁香 (C10) is put under a new office from today.
    const { createOffice } = await api.data<{ createOffice: { id: string } }>(
      `mutation ($input: CreateOfficeInput!) { createOffice(input: $input) { id } }`,
      {
        input: { districtId: await sample.districtId(api), name: '丁香街道办事处', nameEn: 'Dingxiang Sub-district Office' },
      },
    );
    await api.data(`mutation ($input: ChangeCommunityInput!) { changeCommunity(input: $input) { record { id } } }`, {
      input: { id: await community('C10'), effectiveOn: api.clock.today(), officeId: createOffice.id },
    });
  });

  it.each(KINDS.map((c) => [c.kind, c] as const))(
    '%s: refused with a coded error that changes nothing, applied, shown as of its day, withdrawn, and reverted',
    async (_kind, c) => {
      const untouched = await structureFingerprint(api);
      const bad = await createPlan(await c.invalid());
      const preview = (await apply(bad.id, true)).data!.applyReorganizationPlan;
      expect(preview.ok).toBe(false);
      expect(preview.steps.find((s) => !s.ok)!.error!.code).toBe(c.error);
      const refused = await apply(bad.id, false);
      expect(refused.errors?.[0].extensions.code).toBe(c.error);
      expect(await structureFingerprint(api)).toEqual(untouched);

      const dayBefore = await structureOn(api, addDays(DAY, -1));
      const { id } = await createPlan(await c.steps());
      const previewed = (await apply(id, true)).data!.applyReorganizationPlan;
      expect(previewed.steps.filter((s) => !s.ok)).toEqual([]);
      const applied = await apply(id, false);
      expect(applied.errors).toBeUndefined();
      expect(comparable(applied.data!.applyReorganizationPlan)).toEqual(comparable(previewed));
      const after = await structureOn(api, DAY);
      await c.check(after, dayBefore);
      expect(await structureOn(api, api.clock.today())).toEqual(await structureOn(api, addDays(DAY, -1)));

      expect((await revert(id)).errors).toBeUndefined();
      expect(await structureFingerprint(api)).toEqual(untouched);
      expect((await apply(id, false)).errors).toBeUndefined();
      api.clock.set('2026-07-10');
      try {
        const reverted = await revert(id);
        expect(reverted.errors).toBeUndefined();
        expect(await structureOn(api, '2026-07-10')).toEqual(dayBefore);
        expect(await structureOn(api, DAY)).toEqual(after);
      } finally {
        api.clock.set('2026-06-15');
      }
    },
  );
});

describe('all or nothing', () => {
  it('a step that fails in the middle of the apply leaves nothing changed, and says which', async () => {
    const [a, b, c] = await gridsIn('C11');
    const untouched = await structureFingerprint(api);
    const { id } = await createPlan([
      { kind: 'RENAME_UNIT', params: { level: 'GRID', unitId: a, name: '槐花更名网格' } },
      // Taken on the day by another grid of the district: fails when it runs.
      { kind: 'RENAME_UNIT', params: { level: 'GRID', unitId: b, code: 'C01-G01' } },
      { kind: 'MERGE_GRIDS', params: { targetId: a, unitIds: [c] } },
    ]);
    const audit = (await api.sql('SELECT COUNT(*)::int AS n FROM audit_event'))[0].n;
    const preview = (await apply(id, true)).data!.applyReorganizationPlan;
    expect(preview.steps.map((s) => s.ok)).toEqual([true, false, true]);
    const refused = await apply(id, false);
    expect(refused.errors?.[0].message).toMatch(/^Step 2 \(RENAME_UNIT\) failed/);
    expect(await structureFingerprint(api)).toEqual(untouched);
    expect((await api.sql('SELECT COUNT(*)::int AS n FROM audit_event'))[0].n).toBe(audit);
    expect((await planStatus(id)).reorganizationPlan.status).toBe('DRAFT');
  });

  it('refuses a second apply of the same plan, or of a plan in conflict with it, made at the same moment', async () => {
    const [a, b, c] = await gridsIn('C11');
    const same = await createPlan([{ kind: 'MOVE_GRID', params: { unitId: c, communityId: await community('C10') } }]);
    const results = await Promise.all([apply(same.id, false), apply(same.id, false)]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)!.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLAN_STATE' });

    const one = await createPlan([{ kind: 'MERGE_GRIDS', params: { targetId: a, unitIds: [b] } }]);
    const other = await createPlan([{ kind: 'RENAME_UNIT', params: { level: 'GRID', unitId: b, name: '槐花冲突网格' } }]);
    const both = await Promise.all([apply(one.id, false), apply(other.id, false)]);
    expect(both.filter((r) => !r.errors)).toHaveLength(1);
    expect(both.find((r) => r.errors)!.errors![0].extensions.code).toBe('CONFLICT');
    for (const plan of [same, one, other]) {
      const { reorganizationPlan } = await planStatus(plan.id);
      if (reorganizationPlan.status === 'APPLIED') expect((await revert(plan.id)).errors).toBeUndefined();
    }
  });

  it('refuses to revert while a later change builds on the plan, naming it', async () => {
    const [, , , d] = await gridsIn('C11');
    const { id } = await createPlan([{ kind: 'RENAME_UNIT', params: { level: 'GRID', unitId: d, name: '槐花改名网格' } }]);
    expect((await apply(id, false)).errors).toBeUndefined();
    await api.data(`mutation ($input: ChangeGridInput!) { changeGrid(input: $input) { record { id } } }`, {
      input: { id: d, effectiveOn: '2026-08-01', name: '槐花再改名网格' },
    });
    const refused = await revert(id);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LATER_CHANGE' });
    expect(refused.errors?.[0].message).toContain(`Grid ${d} has a change from 2026-08-01`);
  });
});

describe('plans as records', () => {
  it('refuses bad input with field messages and keeps nothing', async () => {
    const count = async () =>
      (await api.sql('SELECT (SELECT COUNT(*) FROM reorganization_plan) + (SELECT COUNT(*) FROM reorganization_step) AS n'))[0].n;
    const before = await count();
    const past = await api.gql(`mutation { createReorganizationPlan(input: { name: "过去的计划", effectiveOn: "2026-06-01" }) { id } }`);
    expect(past.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { effectiveOn: expect.stringContaining('before today') },
    });
    const blank = await api.gql(`mutation { createReorganizationPlan(input: { name: "", effectiveOn: "2026-07-01" }) { id } }`);
    expect(blank.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const { id } = await createPlan([]);
    const missing = await api.gql(
      `mutation ($id: ID!) { addReorganizationStep(input: { planId: $id, kind: SPLIT_GRID, params: { unitId: "1" } }) { id } }`,
      { id },
    );
    expect(missing.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'params.code': 'is required', 'params.name': 'is required' },
    });
    const rawId = await api.gql(
      `mutation ($id: ID!) { addReorganizationStep(input: { planId: $id, kind: MOVE_GRID, params: { unitId: "grid one", communityId: "2" } }) { id } }`,
      { id },
    );
    expect(Object.keys(rawId.errors?.[0].extensions.fields ?? {})).toEqual(['params.unitId']);
    const forward = await api.gql(
      `mutation ($id: ID!) { addReorganizationStep(input: { planId: $id, kind: MOVE_GRID, params: { unitId: "1", communityId: "2" }, position: 5 }) { id } }`,
      { id },
    );
    expect(forward.errors?.[0].extensions.fields).toHaveProperty('position');
    const stale = await api.gql(`mutation ($id: ID!) { updateReorganizationPlan(input: { id: $id, version: 99, name: "改名" }) { id } }`, {
      id,
    });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const unknown = await api.gql(`mutation { removeReorganizationStep(id: "999999") { id } }`);
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await count()).toBe(String(Number(before) + 1));
    // An empty plan is not applied.
    expect((await apply(id, false)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { steps: 'the plan has no steps' },
    });
  });

  it('orders, edits and removes steps, and keeps an applied plan from being edited', async () => {
    const [a, b, c] = await gridsIn('C08');
    const { id, stepIds } = await createPlan([
      { kind: 'RENAME_UNIT', params: { level: 'GRID', unitId: a, name: '云杉甲网格' } },
      { kind: 'RENAME_UNIT', params: { level: 'GRID', unitId: b, name: '云杉乙网格' } },
      { kind: 'RENAME_UNIT', params: { level: 'GRID', unitId: c, name: '云杉丙网格' } },
    ]);
    const moved = await api.data<{ moveReorganizationStep: { version: number; steps: Array<{ id: string; position: number }> } }>(
      `mutation ($id: ID!) { moveReorganizationStep(id: $id, position: 1) { version steps { id position } } }`,
      {
        id: stepIds[2],
      },
    );
    expect(moved.moveReorganizationStep.steps.map((s) => s.id)).toEqual([stepIds[2], stepIds[0], stepIds[1]]);
    const edited = await api.data<{ updateReorganizationStep: { steps: Array<{ params: { name: string } }> } }>(
      `mutation ($id: ID!) { updateReorganizationStep(input: { id: $id, params: { level: GRID, unitId: "${c}", name: "云杉丁网格" } }) { steps { params { name } } } }`,
      { id: stepIds[2] },
    );
    expect(edited.updateReorganizationStep.steps[0].params.name).toBe('云杉丁网格');
    const removed = await api.data<{ removeReorganizationStep: { steps: Array<{ id: string; position: number }> } }>(
      `mutation ($id: ID!) { removeReorganizationStep(id: $id) { steps { id position } } }`,
      {
        id: stepIds[0],
      },
    );
    expect(removed.removeReorganizationStep.steps).toEqual([
      { id: stepIds[2], position: 1 },
      { id: stepIds[1], position: 2 },
    ]);
    expect((await apply(id, false)).errors).toBeUndefined();
    const locked = await api.gql(`mutation ($id: ID!) { removeReorganizationStep(id: $id) { id } }`, { id: stepIds[1] });
    expect(locked.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLAN_STATE' });
    const audit = await api.sql(
      `SELECT COUNT(*)::int AS n FROM audit_event WHERE entity_type IN ('ReorganizationPlan', 'ReorganizationStep') AND (entity_id = $1 OR entity_id = ANY($2))`,
      [id, stepIds],
    );
    expect(audit[0].n).toBeGreaterThanOrEqual(9);
    expect((await revert(id)).errors).toBeUndefined();
  });

  it('is for officials: a coordinator may not see plans', async () => {
    const coordinator = await api.as('coordinator');
    expect((await coordinator.gql('{ reorganizationPlans { totalItems } }')).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const official = await api.as('official');
    expect(
      (await official.data<{ reorganizationPlans: { totalItems: number } }>('{ reorganizationPlans { totalItems } }')).reorganizationPlans
        .totalItems,
    ).toBeGreaterThan(0);
  });
});

describe('the crosswalk', () => {
  it('says which of the 12 communities hold the households and residents of each old community, with the same totals, also as CSV', async () => {
    const { crosswalk } = await api.data<{
      crosswalk: { rows: Array<{ fromCode: string; toCode: string; households: number; residents: number }>; csv: string };
    }>(`{ crosswalk(from: "2014-09-28", to: "2014-09-29", level: COMMUNITY) { rows { fromCode toCode households residents } csv } }`);
    expect(crosswalk.rows.every((row) => row.fromCode.startsWith('L') && row.toCode.startsWith('C'))).toBe(true);
    // Each old community went whole to one new one.
    const targets = new Map<string, Set<string>>();
    crosswalk.rows.forEach((row) => targets.set(row.fromCode, new Set([...(targets.get(row.fromCode) ?? []), row.toCode])));
    expect(targets.size).toBe(31);
    expect([...targets.values()].every((set) => set.size === 1)).toBe(true);
    const [counted] = await api.sql(`SELECT COUNT(*)::int AS n FROM household_version WHERE valid @> '2014-09-28'::date`);
    expect(crosswalk.rows.reduce((n: number, row) => n + row.households, 0)).toBe(counted.n);
    expect(crosswalk.csv.split('\n')[0]).toBe('from_code,from_name,to_code,to_name,households,residents');
    expect(crosswalk.csv.trim().split('\n')).toHaveLength(crosswalk.rows.length + 1);

    // Within reach: a coordinator sees only the households of their community.
    const coordinator = await api.as('coordinator');
    const mine = (
      await coordinator.data<{ crosswalk: { rows: Array<{ toCode: string; households: number }> } }>(
        `{ crosswalk(from: "2014-09-28", to: "${api.clock.today()}", level: COMMUNITY) { rows { toCode households } } }`,
      )
    ).crosswalk;
    expect(new Set(mine.rows.map((row) => row.toCode))).toEqual(new Set(['C01']));
  });
});

describe("the sample's draft for next month", () => {
  let own: TestServer;
  beforeAll(async () => {
    own = await startTestServer();
  });
  afterAll(() => own.close());

  it('splits the largest grid near half its households and moves two grids, previewing exactly what it applies', async () => {
    const { reorganizationPlans } = await own.data<{
      reorganizationPlans: { items: Array<{ id: string; status: string; effectiveOn: string; steps: Array<{ kind: string }> }> };
    }>('{ reorganizationPlans { items { id status effectiveOn steps { kind } } } }');
    const draft = present(
      reorganizationPlans.items.find((p) => p.status === 'DRAFT'),
      'the sample draft plan',
    );
    expect(draft.steps.map((s) => s.kind)).toEqual(['SPLIT_GRID', 'MOVE_GRID', 'MOVE_GRID']);
    const run = (dryRun: boolean) =>
      own.gql<{ applyReorganizationPlan: Outcome }>(
        `mutation ($id: ID!, $dryRun: Boolean!) { applyReorganizationPlan(id: $id, dryRun: $dryRun) { ${OUTCOME} } }`,
        {
          id: draft.id,
          dryRun,
        },
      );
    const preview = (await run(true)).data!.applyReorganizationPlan;
    expect(preview.ok).toBe(true);
    const created = preview.impact.units.find((u) => u.before === null && u.level === 'GRID')!;
    const split = preview.impact.units.find(
      (u) => u.level === 'GRID' && u.before && u.after && u.before.households === u.after.households + created.after!.households,
    )!;
    // Neither half is a token: the new grid takes between a quarter and three quarters of the households.
    expect(created.after!.households / split.before!.households).toBeGreaterThan(0.25);
    expect(created.after!.households / split.before!.households).toBeLessThan(0.75);
    const applied = (await run(false)).data!.applyReorganizationPlan;
    expect(applied.plan.status).toBe('APPLIED');
    expect(comparable(applied)).toEqual(comparable(preview));
  });
});
