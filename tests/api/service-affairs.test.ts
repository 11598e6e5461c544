import { AFFAIR_TRANSITIONS } from '../../server/src/modules/service/affair-workflow';
import { HEPAN, MUSLIM_LANE, sample } from '../support/sample';
import { Client, startTestServer, TestServer } from '../support/test-server';

/**
 * The one-stop service over GraphQL: categories, the working-day calendar,
 * acceptance, every transition of the workflow (and every illegal one), each
 * routing fallback, due dates with make-up days and suspensions, re-routing
 * when a household moves, and who sees which affairs.
 */
let api: TestServer;
let window: Client;
let muslimLane: string;
let hepan: string;
let muslimResident: { id: string; householdId: string };
let windowId: string;
const categories = new Map<string, string>();

beforeAll(async () => {
  api = await startTestServer();
  window = await api.as('window');
  muslimLane = await sample.communityId(api, MUSLIM_LANE);
  hepan = await sample.communityId(api, HEPAN);
  muslimResident = await residentIn(muslimLane);
  windowId = (await sample.serviceWindowsOf(api, muslimLane))[0].id;
  const { serviceCategories } = await api.data<{ serviceCategories: { items: Array<{ id: string; code: string }> } }>(
    '{ serviceCategories(options: { take: 100 }) { items { id code } } }',
  );
  for (const c of serviceCategories.items) categories.set(c.code, c.id);
});
afterAll(() => api.close());

/** One event of an affair's timeline, as the API lists it. */
interface TimelineEvent {
  kind: string;
  transition: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  actorName: string;
  note: string;
  routeReason: string | null;
  at: string;
  day: string;
  correlationId: string;
}

const AFFAIR_FIELDS =
  'id status categoryId communityId gridId householdId assigneeId routeReason routeFallback dueOn suspendedWorkingDays escalationLevel satisfaction version allowedTransitions';

async function residentIn(communityId: string, skip = 0): Promise<{ id: string; householdId: string }> {
  const { residents } = await api.data<{ residents: { items: Array<{ id: string; householdId: string }> } }>(
    `query ($c: ID!, $skip: Int) { residents(options: { skip: $skip, take: 1, filter: { communityId: { eq: $c } } }) { items { id householdId } } }`,
    { c: communityId, skip },
  );
  return residents.items[0];
}

const ACCEPT = `mutation ($input: AcceptAffairInput!, $dryRun: Boolean) { acceptAffair(input: $input, dryRun: $dryRun) { dryRun changeCount record { ${AFFAIR_FIELDS} } } }`;
/** An affair as AFFAIR_FIELDS selects it. */
interface Affair {
  id: string;
  status: string;
  categoryId: string | null;
  communityId: string;
  gridId: string;
  householdId: string;
  assigneeId: string | null;
  routeReason: string | null;
  routeFallback: string | null;
  dueOn: string | null;
  suspendedWorkingDays: number;
  escalationLevel: number;
  satisfaction: number | null;
  version: number;
  allowedTransitions: string[];
}
interface Accepted {
  acceptAffair: { dryRun: boolean; changeCount: number; record: Affair };
}
interface Transitioned {
  transitionAffair: { dryRun: boolean; record: Affair };
}
const TRANSITION = `mutation ($input: AffairTransitionInput!, $dryRun: Boolean) { transitionAffair(input: $input, dryRun: $dryRun) { dryRun record { ${AFFAIR_FIELDS} } } }`;

async function accept(input: Record<string, unknown>, client: Client = api) {
  return (await client.data<Accepted>(ACCEPT, { input: { channel: 'PHONE', description: '申请开具居住证明', ...input } })).acceptAffair
    .record;
}
async function step(id: string, transition: string, extra: Record<string, unknown> = {}, client: Client = api) {
  return (await client.data<Transitioned>(TRANSITION, { input: { id, transition, ...extra } })).transitionAffair.record;
}
const tryStep = (id: string, transition: string, extra: Record<string, unknown> = {}, client: Client = api) =>
  client.gql(TRANSITION, { input: { id, transition, ...extra } });
const affairRow = async (id: string) =>
  (await api.sql('SELECT status, version, assignee_id, due_on::text AS due_on FROM affair WHERE id = $1', [id]))[0];
const affairCount = async () => Number((await api.sql('SELECT COUNT(*) AS n FROM affair'))[0].n);

/** The A and B holders of a community's post for a role (or the coordinator post) today. */
async function holders(communityId: string, roleCode: string | null): Promise<{ A?: string; B?: string }> {
  const { posts } = await api.data<{
    posts: {
      items: Array<{
        id: string;
        kind: string;
        specialistRole: { code: string } | null;
        holders: Array<{ slot: string; staffMemberId: string }>;
      }>;
    };
  }>(
    `query ($c: ID!) { posts(options: { filter: { communityId: { eq: $c } } }) { items { id kind specialistRole { code } holders { slot staffMemberId } } } }`,
    { c: communityId },
  );
  const post = posts.items.find((p) => (roleCode ? p.specialistRole?.code === roleCode : p.kind === 'COORDINATOR'));
  return Object.fromEntries((post?.holders ?? []).map((h) => [h.slot, h.staffMemberId]));
}

async function absent(staffMemberIds: string[], from = api.clock.today(), until = from): Promise<() => Promise<void>> {
  const ids: string[] = [];
  for (const staffMemberId of staffMemberIds) {
    const { createAbsence } = await api.data<{ createAbsence: { id: string } }>(
      `mutation ($input: CreateAbsenceInput!) { createAbsence(input: $input) { id } }`,
      {
        input: { staffMemberId, validFrom: from, validUntil: until, reason: 'LEAVE' },
      },
    );
    ids.push(createAbsence.id);
  }
  return async () => {
    for (const id of ids) await api.data('mutation ($id: ID!) { deleteAbsence(id: $id) { id } }', { id });
  };
}

describe('categories and the working-day calendar', () => {
  it('seeds the eleven default categories with their roles, in both languages', async () => {
    const { serviceCategories } = await api.data<{
      serviceCategories: {
        totalItems: number;
        items: Array<{ code: string; name: string; nameEn: string; dueWorkingDays: number; specialistRole: { code: string } | null }>;
      };
    }>(
      '{ serviceCategories(options: { take: 100, sort: [{ field: id }] }) { totalItems items { code name nameEn dueWorkingDays specialistRole { code } } } }',
    );
    expect(serviceCategories.totalItems).toBe(11);
    const byCode = Object.fromEntries(serviceCategories.items.map((c) => [c.code, c]));
    expect(byCode.ELDERLY_CARE).toMatchObject({ name: '养老服务', nameEn: 'Elderly care', specialistRole: { code: 'ELDERLY_CARE' } });
    expect(byCode.DISPUTE_MEDIATION.specialistRole?.code).toBe('JUDICIAL_MEDIATOR');
    expect(byCode.HOUSING_AND_NEIGHBOURHOOD.specialistRole?.code).toBe('GRID_ASSISTANT');
    expect(byCode.OTHER.specialistRole).toBeNull();
    for (const code of ['CIVIL_AFFAIRS', 'SOCIAL_INSURANCE', 'DISABILITY_SUPPORT', 'HEALTH_AND_FAMILY', 'CERTIFICATES_AND_PROOFS']) {
      expect(byCode[code].specialistRole?.code).toBe('SERVICE_AGENT');
    }
  });

  it('officials edit categories; bad input changes nothing', async () => {
    const official = await api.as('official');
    const bad = await official.gql(
      `mutation { createServiceCategory(input: { code: "lower", name: " ", nameEn: "X", dueWorkingDays: 0 }) { id } }`,
    );
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.errors?.[0].extensions.fields ?? {})).toEqual(expect.arrayContaining(['name', 'dueWorkingDays']));
    const duplicate = await official.gql(
      `mutation { createServiceCategory(input: { code: "OTHER", name: "重复", nameEn: "Duplicate", dueWorkingDays: 3 }) { id } }`,
    );
    expect(duplicate.errors?.[0].extensions.fields).toHaveProperty('code');
    expect((await api.sql('SELECT COUNT(*)::int AS n FROM service_category'))[0].n).toBe(11);
    const forbidden = await window.gql(
      `mutation { createServiceCategory(input: { code: "WINDOW_MADE", name: "窗口", nameEn: "Window", dueWorkingDays: 3 }) { id } }`,
    );
    expect(forbidden.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('counts working days over weekends, public holidays and make-up working days, as officials keep the calendar', async () => {
    const official = await api.as('official');
    const working = async (day: string, plus: number) =>
      (
        await api.data<{ workingDay: { isWorkingDay: boolean; plusWorkingDays: string } }>(
          'query ($d: LocalDate!, $p: Int) { workingDay(day: $d, plus: $p) { isWorkingDay plusWorkingDays } }',
          {
            d: day,
            p: plus,
          },
        )
      ).workingDay;
    // Friday 2026-09-04 plus 3 working days: Mon 7, Tue 8, Wed 9.
    expect(await working('2026-09-04', 3)).toEqual({ isWorkingDay: true, plusWorkingDays: '2026-09-09' });
    const add = (day: string, kind: string, name: string) =>
      official.data(
        `mutation ($day: LocalDate!, $kind: CalendarDayKind!, $name: String) { createCalendarDay(input: { day: $day, kind: $kind, name: $name }) { id day kind } }`,
        { day, kind, name },
      );
    await add('2026-09-05', 'WORKDAY', '调休上班 make-up working day');
    await add('2026-09-08', 'HOLIDAY', '示例假日 sample holiday');
    expect((await working('2026-09-05', 0)).isWorkingDay).toBe(true);
    // Sat 5 (make-up), Mon 7, Wed 9 (Tue 8 is a holiday).
    expect(await working('2026-09-04', 3)).toEqual({ isWorkingDay: true, plusWorkingDays: '2026-09-09' });
    expect(await working('2026-09-04', 2)).toEqual({ isWorkingDay: true, plusWorkingDays: '2026-09-07' });
    const twice = await official.gql(`mutation { createCalendarDay(input: { day: "2026-09-05", kind: HOLIDAY }) { id } }`);
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { day: expect.any(String) } });
    const notADay = await official.gql(`mutation { createCalendarDay(input: { day: "2026-02-30", kind: HOLIDAY }) { id } }`);
    expect(notADay.errors?.[0].extensions.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect((await api.sql(`SELECT COUNT(*)::int AS n FROM calendar_day WHERE day BETWEEN '2026-09-01' AND '2026-09-10'`))[0].n).toBe(2);
  });
});

describe('acceptance', () => {
  it('accepts at a window: community and grid come from the resident on the day, the timeline starts', async () => {
    const { acceptAffair } = await window.data<Accepted>(ACCEPT, {
      input: {
        residentId: muslimResident.id,
        channel: 'WINDOW',
        serviceWindowId: windowId,
        description: '办理高龄津贴',
        categoryId: categories.get('ELDERLY_CARE'),
      },
    });
    expect(acceptAffair.record).toMatchObject({
      status: 'ACCEPTED',
      communityId: muslimLane,
      householdId: muslimResident.householdId,
      assigneeId: null,
      dueOn: null,
      allowedTransitions: ['CLASSIFY', 'REJECT'],
    });
    const { affair } = await window.data<{ affair: Record<string, unknown> }>(
      `query ($id: ID!) { affair(id: $id) { serviceWindow { id } household { id } resident { id }
      timeline { kind toStatus actorName } } }`,
      { id: acceptAffair.record.id },
    );
    expect(affair).toMatchObject({
      serviceWindow: { id: windowId },
      resident: { id: muslimResident.id },
      timeline: [{ kind: 'ACCEPTED', toStatus: 'ACCEPTED', actorName: 'window' }],
    });
    const [grid] = await api.sql(`SELECT grid_id FROM household_version WHERE household_id = $1 AND valid @> '2026-06-15'::date`, [
      muslimResident.householdId,
    ]);
    expect(acceptAffair.record.gridId).toBe(String(grid.grid_id));
  });

  it('refuses bad input with a coded error naming the field, and keeps nothing', async () => {
    const before = await affairCount();
    const other = await residentIn(hepan);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ channel: 'PHONE', description: 'x' }, 'residentId'],
      [{ residentId: '99999999', channel: 'PHONE', description: 'x' }, 'residentId'],
      [{ residentId: muslimResident.id, channel: 'PHONE', description: '   ' }, 'description'],
      [{ residentId: muslimResident.id, channel: 'PHONE', description: 'x', categoryId: '99999' }, 'categoryId'],
      [{ residentId: muslimResident.id, channel: 'WINDOW', description: 'x' }, 'serviceWindowId'],
      [{ residentId: muslimResident.id, channel: 'PHONE', description: 'x', serviceWindowId: windowId }, 'serviceWindowId'],
      [
        { residentId: muslimResident.id, householdId: (await residentIn(muslimLane, 40)).householdId, channel: 'PHONE', description: 'x' },
        'householdId',
      ],
      // A resident outside the window's community is out of reach: as if there were none.
      [{ residentId: other.id, channel: 'PHONE', description: 'x' }, 'residentId'],
    ];
    for (const [input, field] of cases) {
      const result = await window.gql(ACCEPT, { input });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { [field]: expect.any(String) } });
    }
    const dry = await window.data<Accepted>(ACCEPT, {
      input: { residentId: muslimResident.id, channel: 'PHONE', description: '预演' },
      dryRun: true,
    });
    expect(dry.acceptAffair).toMatchObject({ dryRun: true, record: { status: 'ACCEPTED' } });
    expect(await affairCount()).toBe(before);
  });
});

describe('the workflow', () => {
  it('walks every transition from acceptance to closure, each recorded with actor, time and note', async () => {
    const affair = await accept({ residentId: muslimResident.id, categoryId: categories.get('CERTIFICATES_AND_PROOFS') }, window);
    const classified = await step(affair.id, 'CLASSIFY', { note: '材料齐全' }, window);
    const agent = await holders(muslimLane, 'SERVICE_AGENT');
    expect(classified).toMatchObject({
      status: 'CLASSIFIED',
      assigneeId: agent.A,
      routeReason: 'ROLE_A_HOLDER',
      routeFallback: null,
      dueOn: '2026-06-18',
    });
    const returned = await step(affair.id, 'RETURN', { note: '缺少户口簿复印件' }, window);
    expect(returned.status).toBe('RETURNED');
    expect((await step(affair.id, 'CLASSIFY', {}, window)).status).toBe('CLASSIFIED');
    const coordinator = await api.as('coordinator');
    expect(await step(affair.id, 'ASSIGN', {}, coordinator)).toMatchObject({ status: 'ASSIGNED', assigneeId: agent.A });
    expect((await step(affair.id, 'START', { note: '开始办理' }, coordinator)).status).toBe('IN_PROGRESS');
    expect((await step(affair.id, 'SUSPEND', { note: '等待派出所回函' }, coordinator)).status).toBe('SUSPENDED');
    expect((await step(affair.id, 'RESUME', {}, coordinator)).status).toBe('IN_PROGRESS');
    expect((await step(affair.id, 'RESOLVE', { note: '证明已开具' }, coordinator)).status).toBe('RESOLVED');
    const closed = await step(affair.id, 'CLOSE', { satisfaction: 5 }, window);
    expect(closed).toMatchObject({ status: 'CLOSED', satisfaction: 5, allowedTransitions: [] });
    const { affair: read } = await api.data<{ affair: { timeline: TimelineEvent[] } }>(
      `query ($id: ID!) { affair(id: $id) { timeline { kind transition fromStatus toStatus actorName note routeReason at day correlationId } } }`,
      { id: affair.id },
    );
    const transitions = read.timeline.filter((e) => e.kind === 'TRANSITION');
    expect(transitions.map((e) => [e.transition, e.fromStatus, e.toStatus, e.actorName])).toEqual([
      ['CLASSIFY', 'ACCEPTED', 'CLASSIFIED', 'window'],
      ['RETURN', 'CLASSIFIED', 'RETURNED', 'window'],
      ['CLASSIFY', 'RETURNED', 'CLASSIFIED', 'window'],
      ['ASSIGN', 'CLASSIFIED', 'ASSIGNED', 'coordinator'],
      ['START', 'ASSIGNED', 'IN_PROGRESS', 'coordinator'],
      ['SUSPEND', 'IN_PROGRESS', 'SUSPENDED', 'coordinator'],
      ['RESUME', 'SUSPENDED', 'IN_PROGRESS', 'coordinator'],
      ['RESOLVE', 'IN_PROGRESS', 'RESOLVED', 'coordinator'],
      ['CLOSE', 'RESOLVED', 'CLOSED', 'window'],
    ]);
    expect(transitions[1].note).toBe('缺少户口簿复印件');
    expect(read.timeline.filter((e) => e.kind === 'ROUTED').map((e) => e.routeReason)).toEqual(['ROLE_A_HOLDER', 'ROLE_A_HOLDER']);
    expect(read.timeline.every((e) => e.day === '2026-06-15' && e.at && e.correlationId)).toBe(true);
    // Each step is audited with its request's correlation id.
    const audit = await api.sql(
      `SELECT COUNT(DISTINCT correlation_id)::int AS n FROM audit_event WHERE entity_type = 'Affair' AND entity_id = $1`,
      [affair.id],
    );
    expect(audit[0].n).toBe(10);
  });

  it('rejects with a reason, from any open state before the work is done', async () => {
    const affair = await accept({ residentId: muslimResident.id });
    const missing = await tryStep(affair.id, 'REJECT');
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { reason: expect.any(String) } });
    expect(await step(affair.id, 'REJECT', { reason: '不属于社区受理范围' })).toMatchObject({ status: 'REJECTED', allowedTransitions: [] });
  });

  it('refuses every transition the table does not allow from each state with ILLEGAL_TRANSITION, changing nothing', async () => {
    const affair = await accept({ residentId: muslimResident.id, categoryId: categories.get('OTHER') });
    const statuses = ['ACCEPTED', 'CLASSIFIED', 'ASSIGNED', 'IN_PROGRESS', 'RETURNED', 'SUSPENDED', 'RESOLVED', 'CLOSED', 'REJECTED'];
    let refused = 0;
    for (const status of statuses) {
      await api.sql(`UPDATE affair SET status = $2, assignee_id = NULL WHERE id = $1`, [affair.id, status]);
      for (const [transition, rule] of Object.entries(AFFAIR_TRANSITIONS)) {
        if (rule.from.includes(status as never)) continue;
        const before = await affairRow(affair.id);
        const result = await tryStep(affair.id, transition, {
          note: 'n',
          reason: 'r',
          satisfaction: 3,
          categoryId: categories.get('OTHER'),
        });
        expect(result.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
        expect(await affairRow(affair.id)).toEqual(before);
        refused++;
      }
    }
    // 9 states × 9 transitions, less the 16 allowed pairs of the table.
    const allowed = Object.values(AFFAIR_TRANSITIONS).reduce((n, rule) => n + rule.from.length, 0);
    expect(refused).toBe(81 - allowed);
  });

  it('refuses bad input per transition and keeps nothing; a dry run changes nothing', async () => {
    const affair = await accept({ residentId: muslimResident.id });
    const noCategory = await tryStep(affair.id, 'CLASSIFY');
    expect(noCategory.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { categoryId: expect.any(String) } });
    const unknown = await tryStep(affair.id, 'CLASSIFY', { categoryId: '424242' });
    expect(unknown.errors?.[0].extensions.fields).toHaveProperty('categoryId');
    const dry = await api.data<Transitioned>(TRANSITION, {
      input: { id: affair.id, transition: 'CLASSIFY', categoryId: categories.get('OTHER') },
      dryRun: true,
    });
    expect(dry.transitionAffair).toMatchObject({ dryRun: true, record: { status: 'CLASSIFIED' } });
    expect((await affairRow(affair.id)).status).toBe('ACCEPTED');
    await step(affair.id, 'CLASSIFY', { categoryId: categories.get('OTHER') });
    const otherCommunity = (await sample.staffOf(api, hepan))[0].id;
    const wrongStaff = await tryStep(affair.id, 'ASSIGN', { staffMemberId: otherCommunity });
    expect(wrongStaff.errors?.[0].extensions.fields).toHaveProperty('staffMemberId');
    await step(affair.id, 'ASSIGN');
    await step(affair.id, 'START');
    expect((await tryStep(affair.id, 'SUSPEND')).errors?.[0].extensions.fields).toHaveProperty('note');
    expect((await tryStep(affair.id, 'RETURN', { note: '  ' })).errors?.[0].extensions.fields).toHaveProperty('note');
    await step(affair.id, 'RESOLVE');
    for (const satisfaction of [0, 6]) {
      expect((await tryStep(affair.id, 'CLOSE', { satisfaction })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    expect((await tryStep(affair.id, 'CLOSE')).errors?.[0].extensions.fields).toHaveProperty('satisfaction');
    expect((await tryStep('99999999', 'START')).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await affairRow(affair.id)).status).toBe('RESOLVED');
  });
});

describe('routing on the day', () => {
  const classifyIn = async (communityId: string, category: string, skip = 0) => {
    const resident = await residentIn(communityId, skip);
    const affair = await accept({ residentId: resident.id, categoryId: categories.get(category) });
    return step(affair.id, 'CLASSIFY');
  };

  it("goes to the role's A holder, and to B while A is away", async () => {
    const agent = await holders(muslimLane, 'SERVICE_AGENT');
    expect(await classifyIn(muslimLane, 'CIVIL_AFFAIRS')).toMatchObject({
      assigneeId: agent.A,
      routeReason: 'ROLE_A_HOLDER',
      routeFallback: null,
    });
    // The sample's elderly-care attendant of Muslim Lane is off sick today.
    const care = await holders(muslimLane, 'ELDERLY_CARE');
    expect(await classifyIn(muslimLane, 'ELDERLY_CARE')).toMatchObject({
      assigneeId: care.B,
      routeReason: 'ROLE_B_COVERS',
      routeFallback: null,
    });
  });

  it("falls back to the coordinator post's A when the role is vacant, both holders are away, or the category has no role", async () => {
    const hepanCoordinator = await holders(hepan, null);
    // One role of Hepan has nobody: the grid-management assistant, who handles housing and neighbourhood affairs.
    expect(await holders(hepan, 'GRID_ASSISTANT')).toEqual({});
    expect(await classifyIn(hepan, 'HOUSING_AND_NEIGHBOURHOOD')).toMatchObject({
      assigneeId: hepanCoordinator.A,
      routeReason: 'COORDINATOR_A',
      routeFallback: 'ROLE_VACANT',
    });
    const coordinator = await holders(muslimLane, null);
    expect(await classifyIn(muslimLane, 'OTHER')).toMatchObject({
      assigneeId: coordinator.A,
      routeReason: 'COORDINATOR_A',
      routeFallback: 'CATEGORY_HAS_NO_ROLE',
    });
    const mediator = await holders(muslimLane, 'JUDICIAL_MEDIATOR');
    const back = await absent([mediator.A!, mediator.B!]);
    expect(await classifyIn(muslimLane, 'DISPUTE_MEDIATION')).toMatchObject({
      assigneeId: coordinator.A,
      routeReason: 'COORDINATOR_A',
      routeFallback: 'ROLE_HOLDERS_ABSENT',
    });
    await back();
  });

  it("falls back when the community's template does not require the role", async () => {
    const official = await api.as('official');
    const { specialistRoles } = await api.data<{ specialistRoles: { items: Array<{ id: string }> } }>(
      '{ specialistRoles(options: { filter: { code: { eq: "SPORTS_INSTRUCTOR" } } }) { items { id } } }',
    );
    await official.data(
      `mutation ($role: ID!) { createServiceCategory(input: { code: "SPORTS_VENUES", name: "文体场地", nameEn: "Sports venues", specialistRoleId: $role, dueWorkingDays: 5 }) { id } }`,
      { role: specialistRoles.items[0].id },
    );
    const { serviceCategories } = await api.data<{ serviceCategories: { items: Array<{ id: string }> } }>(
      '{ serviceCategories(options: { filter: { code: { eq: "SPORTS_VENUES" } } }) { items { id } } }',
    );
    categories.set('SPORTS_VENUES', serviceCategories.items[0].id);
    const { templateAdoptions } = await api.data<{
      templateAdoptions: { items: Array<{ communityId: string; template: { code: string } }> };
    }>('{ templateAdoptions(options: { take: 100 }) { items { communityId template { code } } } }');
    const eightMember = templateAdoptions.items.find((a) => a.template.code === 'MEMBERS_8')!.communityId;
    const coordinator = await holders(eightMember, null);
    expect(await classifyIn(eightMember, 'SPORTS_VENUES')).toMatchObject({
      assigneeId: coordinator.A,
      routeReason: 'COORDINATOR_A',
      routeFallback: 'ROLE_NOT_IN_TEMPLATE',
    });
  });

  it("goes to the coordinator post's B when its A is away, and to the district when both are", async () => {
    const coordinator = await holders(muslimLane, null);
    const backA = await absent([coordinator.A!]);
    expect(await classifyIn(muslimLane, 'OTHER')).toMatchObject({
      assigneeId: coordinator.B,
      routeReason: 'COORDINATOR_B',
      routeFallback: 'CATEGORY_HAS_NO_ROLE',
    });
    const backB = await absent([coordinator.B!]);
    const district = await classifyIn(muslimLane, 'OTHER');
    expect(district).toMatchObject({ assigneeId: null, routeReason: 'DISTRICT' });
    // The district names who takes it on.
    expect((await tryStep(district.id, 'ASSIGN')).errors?.[0].extensions.fields).toHaveProperty('staffMemberId');
    const agent = await holders(muslimLane, 'SERVICE_AGENT');
    expect(await step(district.id, 'ASSIGN', { staffMemberId: agent.A })).toMatchObject({ status: 'ASSIGNED', assigneeId: agent.A });
    await backA();
    await backB();
  });
});

describe('due dates', () => {
  it('counts a make-up working day and skips a public holiday', async () => {
    const official = await api.as('official');
    api.clock.set('2026-06-19'); // a Friday
    try {
      await official.data(
        `mutation { a: createCalendarDay(input: { day: "2026-06-20", kind: WORKDAY, name: "调休" }) { id } b: createCalendarDay(input: { day: "2026-06-23", kind: HOLIDAY, name: "示例" }) { id } }`,
      );
      const affair = await accept({ residentId: muslimResident.id, categoryId: categories.get('CERTIFICATES_AND_PROOFS') });
      // 3 working days after Friday: Saturday (make-up), Monday, (Tuesday a holiday) Wednesday.
      expect((await step(affair.id, 'CLASSIFY')).dueOn).toBe('2026-06-24');
    } finally {
      api.clock.set('2026-06-15');
    }
  });

  it('pauses while suspended: the working days suspended are added to the due time, and a suspended affair is not overdue', async () => {
    api.clock.set('2026-07-06'); // a Monday, with no calendar exceptions around it
    try {
      const affair = await accept({ residentId: muslimResident.id, categoryId: categories.get('CERTIFICATES_AND_PROOFS') });
      expect((await step(affair.id, 'CLASSIFY')).dueOn).toBe('2026-07-09');
      await step(affair.id, 'ASSIGN');
      await step(affair.id, 'START');
      api.clock.set('2026-07-07');
      await step(affair.id, 'SUSPEND', { note: '等待材料' });
      api.clock.set('2026-07-13'); // past the due date, but suspended
      const { affairs } = await api.data<{ affairs: { items: Array<{ overdue: boolean; status: string }> } }>(
        `query ($id: ID!) { affairs(options: { filter: { ids: [$id] } }) { items { overdue status } } }`,
        {
          id: affair.id,
        },
      );
      expect(affairs.items[0]).toEqual({ overdue: false, status: 'SUSPENDED' });
      // Suspended Tue 7 to Mon 13: Tue, Wed, Thu, Fri = 4 working days; 3 + 4 working days after Mon 6 is Wed 15.
      const resumed = await step(affair.id, 'RESUME');
      expect(resumed).toMatchObject({ status: 'IN_PROGRESS', suspendedWorkingDays: 4, dueOn: '2026-07-15' });
    } finally {
      api.clock.set('2026-06-15');
    }
  });

  it('lists overdue and due-soon affairs, and counts them for the home dashboard', async () => {
    const counts = async () =>
      (
        await api.data<{ affairCounts: { open: number; overdue: number; dueSoon: number; resolvedThisWeek: number; toClassify: number } }>(
          '{ affairCounts { open overdue dueSoon resolvedThisWeek toClassify } }',
        )
      ).affairCounts;
    const before = await counts();
    const affair = await accept({ residentId: muslimResident.id, categoryId: categories.get('PSYCHOLOGICAL_SUPPORT') });
    expect((await counts()).toClassify).toBe(before.toClassify + 1);
    await step(affair.id, 'CLASSIFY');
    api.clock.set('2026-06-19');
    try {
      type Overdue = { affairs: { totalItems: number; items: Array<{ id: string; overdue: boolean }> } };
      const overdue = `query ($ids: [ID!]) { affairs(options: { filter: { ids: $ids, status: { in: [CLASSIFIED, ASSIGNED, IN_PROGRESS, RETURNED] }, dueOn: { lt: "2026-06-19" } } }) { totalItems items { id overdue } } }`;
      expect((await api.data<Overdue>(overdue, { ids: [affair.id] })).affairs.items).toEqual([{ id: affair.id, overdue: true }]);
      // The sample district has overdue affairs of its own, older ones escalated.
      expect((await api.data<Overdue>(overdue, {})).affairs.totalItems).toBeGreaterThan(10);
      expect((await counts()).overdue).toBeGreaterThan(0);
    } finally {
      api.clock.set('2026-06-15');
    }
  });
});

describe('when a household moves', () => {
  it('re-routes its open affairs in the new community, recorded in their timelines', async () => {
    const resident = await residentIn(muslimLane, 80);
    const affair = await step((await accept({ residentId: resident.id, categoryId: categories.get('CIVIL_AFFAIRS') })).id, 'CLASSIFY');
    const closed = await accept({ residentId: resident.id });
    await step(closed.id, 'REJECT', { reason: '重复' });
    const hepanGrid = await sample.firstGridOf(api, hepan);
    const { households } = await api.data<{ households: { items: Array<{ id: string }> } }>(
      `query ($id: ID!) { households(options: { filter: { ids: [$id] } }) { items { id } } }`,
      {
        id: resident.householdId,
      },
    );
    expect(households.items).toHaveLength(1);
    await api.data(
      `mutation ($id: ID!, $grid: ID!) { changeHousehold(input: { id: $id, effectiveOn: "2026-06-15", gridId: $grid }) { record { gridId } } }`,
      { id: resident.householdId, grid: hepanGrid.id },
    );
    const agent = await holders(hepan, 'SERVICE_AGENT');
    const { affair: moved } = await api.data<{
      affair: {
        communityId: string;
        gridId: string;
        assigneeId: string | null;
        routeReason: string | null;
        timeline: Array<{ kind: string; note: string | null; assigneeId: string | null }>;
      };
    }>(`query ($id: ID!) { affair(id: $id) { communityId gridId assigneeId routeReason timeline { kind note assigneeId } } }`, {
      id: affair.id,
    });
    expect(moved).toMatchObject({ communityId: hepan, gridId: hepanGrid.id, assigneeId: agent.A, routeReason: 'ROLE_A_HOLDER' });
    expect(moved.timeline.at(-1)).toMatchObject({ kind: 'REROUTED', assigneeId: agent.A });
    // Closed affairs stay where they were handled.
    expect((await api.sql('SELECT community_id FROM affair WHERE id = $1', [closed.id]))[0].community_id).toBe(Number(muslimLane));
    // The window of Muslim Lane no longer sees the moved affair.
    expect((await window.gql('query ($id: ID!) { affair(id: $id) { id } }', { id: affair.id })).errors?.[0].extensions.code).toBe(
      'NOT_FOUND',
    );
  });

  it('a reorganization that moves households re-routes their open affairs too', async () => {
    const resident = await residentIn(muslimLane, 120);
    const affair = await step((await accept({ residentId: resident.id, categoryId: categories.get('DISPUTE_MEDIATION') })).id, 'CLASSIFY');
    const [{ grid_id: fromGrid }] = await api.sql<{ grid_id: number }>(
      `SELECT grid_id FROM household_version WHERE household_id = $1 AND valid @> '2026-06-15'::date`,
      [resident.householdId],
    );
    const target = await sample.firstGridOf(api, hepan);
    const { createReorganizationPlan: plan } = await api.data<{ createReorganizationPlan: { id: string } }>(
      `mutation { createReorganizationPlan(input: { name: "示例迁移", effectiveOn: "2026-06-15" }) { id } }`,
    );
    await api.data(`mutation ($input: AddReorganizationStepInput!) { addReorganizationStep(input: $input) { steps { id } } }`, {
      input: {
        planId: plan.id,
        kind: 'MOVE_HOUSEHOLDS',
        params: { unitId: String(fromGrid), householdIds: [resident.householdId], targetId: target.id },
      },
    });
    await api.data('mutation ($id: ID!) { applyReorganizationPlan(id: $id) { dryRun } }', { id: plan.id });
    const mediator = await holders(hepan, 'JUDICIAL_MEDIATOR');
    const { affair: moved } = await api.data<{
      affair: { communityId: string; gridId: string; assigneeId: string | null; timeline: Array<Pick<TimelineEvent, 'kind'>> };
    }>(`query ($id: ID!) { affair(id: $id) { communityId gridId assigneeId timeline { kind } } }`, {
      id: affair.id,
    });
    expect(moved).toMatchObject({ communityId: hepan, gridId: target.id, assigneeId: mediator.A });
    expect(moved.timeline.filter((e) => e.kind === 'REROUTED')).toHaveLength(1);
  });
});

describe('scope', () => {
  it("window staff see their community's affairs, a grid member their grids', a report builder none", async () => {
    const inHepan = await accept({ residentId: (await residentIn(hepan, 3)).id });
    const gridmember = await api.as('gridmember');
    const account = await sample.account(api, 'gridmember');
    const mine = await api.data<{ residents: { items: Array<{ id: string }> } }>(
      `query ($g: ID!) { residents(options: { take: 1, filter: { gridId: { eq: $g } } }) { items { id } } }`,
      {
        g: account.gridIds[0],
      },
    );
    const inMyGrid = await accept({ residentId: mine.residents.items[0].id });
    const { affairs: windowSees } = await window.data<{ affairs: { totalItems: number; items: Array<{ communityId: string }> } }>(
      '{ affairs(options: { take: 100 }) { totalItems items { communityId } } }',
    );
    expect(windowSees.totalItems).toBeGreaterThan(0);
    expect(windowSees.items.every((a) => a.communityId === muslimLane)).toBe(true);
    expect((await window.gql('query ($id: ID!) { affair(id: $id) { id } }', { id: inHepan.id })).errors?.[0].extensions.code).toBe(
      'NOT_FOUND',
    );
    const { affairs: memberSees } = await gridmember.data<{
      affairs: { totalItems: number; items: Array<{ id: string; gridId: string }> };
    }>('{ affairs(options: { take: 100 }) { totalItems items { id gridId } } }');
    expect(memberSees.items.map((a) => a.id)).toContain(inMyGrid.id);
    expect(memberSees.items.every((a) => account.gridIds.includes(a.gridId))).toBe(true);
    const outside = await accept({ residentId: muslimResident.id });
    if (!account.gridIds.includes(await affairRowGrid(outside.id))) {
      expect((await gridmember.gql('query ($id: ID!) { affair(id: $id) { id } }', { id: outside.id })).errors?.[0].extensions.code).toBe(
        'NOT_FOUND',
      );
    }
    // A grid member accepts at the door but does not handle affairs in the back office.
    expect((await gridmember.gql(TRANSITION, { input: { id: inMyGrid.id, transition: 'CLASSIFY' } })).errors?.[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    const reporter = await api.as('reporter');
    expect((await reporter.gql('{ affairs { totalItems } }')).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await reporter.data<{ affairCounts: { open: number } }>('{ affairCounts { open } }')).affairCounts.open).toBeGreaterThan(0);
    // Window staff cannot handle an affair out of their reach.
    expect(
      (await window.gql(TRANSITION, { input: { id: inHepan.id, transition: 'REJECT', reason: 'x' } })).errors?.[0].extensions.code,
    ).toBe('NOT_FOUND');
  });
});

const affairRowGrid = async (id: string) => String((await api.sql('SELECT grid_id FROM affair WHERE id = $1', [id]))[0].grid_id);

describe('visits', () => {
  const RECORD = `mutation ($input: RecordVisitInput!, $dryRun: Boolean) { recordVisit(input: $input, dryRun: $dryRun) { dryRun record { id gridId visitedOn purpose followUp
    staffMember { id } affairs { id channel status communityId } household { address } } } }`;
  interface Visited {
    recordVisit: {
      dryRun: boolean;
      record: {
        id: string;
        gridId: string;
        visitedOn: string;
        purpose: string;
        followUp: boolean;
        staffMember: { id: string };
        affairs: Array<{ id: string; channel: string; status: string; communityId: string }>;
        household: { address: string };
      };
    };
  }

  it('a grid member records a visit in their grid, raising an affair on the spot and correcting the address; coverage and the due list follow', async () => {
    const gridmember = await api.as('gridmember');
    const account = await sample.account(api, 'gridmember');
    const gridId = account.gridIds[0];
    const coverage = async () =>
      (
        await gridmember.data<{
          visitCoverage: Array<{ gridId: string; households: number; visited: number; share: number; neverVisited: number }>;
        }>('{ visitCoverage { gridId households visited share neverVisited } }')
      ).visitCoverage.find((c) => c.gridId === gridId)!;
    const before = await coverage();
    const { householdsDueForVisit: due } = await gridmember.data<{
      householdsDueForVisit: {
        totalItems: number;
        items: Array<{ household: { id: string }; lastVisitedOn: string | null; dueOn: string; special: boolean }>;
      };
    }>(
      'query ($g: ID) { householdsDueForVisit(gridId: $g, take: 100) { totalItems items { household { id } lastVisitedOn dueOn special } } }',
      { g: gridId },
    );
    expect(due.totalItems).toBe(before.households);
    const dueOns = due.items.map((i) => i.dueOn);
    expect([...dueOns].sort()).toEqual(dueOns);
    const household = due.items[0].household.id;
    const { recordVisit } = await gridmember.data<Visited>(RECORD, {
      input: {
        householdId: household,
        purpose: 'ROUTINE',
        findings: '老人独居，需要助餐服务',
        followUp: true,
        address: '清真巷示例路1号',
        affairs: [{ description: '申请社区助餐', categoryId: categories.get('ELDERLY_CARE') }],
      },
    });
    expect(recordVisit.record).toMatchObject({
      gridId,
      visitedOn: '2026-06-15',
      followUp: true,
      staffMember: { id: account.staffMemberId },
      household: { address: '清真巷示例路1号' },
    });
    expect(recordVisit.record.affairs).toEqual([
      expect.objectContaining({ channel: 'DOOR_VISIT', status: 'ACCEPTED', communityId: muslimLane }),
    ]);
    const after = await coverage();
    expect(after.visited).toBe(before.visited + (due.items[0].lastVisitedOn && due.items[0].lastVisitedOn > '2026-03-17' ? 0 : 1));
    const audit = await api.sql<{ entity_type: string }>(
      `SELECT entity_type FROM audit_event WHERE correlation_id = (SELECT correlation_id FROM audit_event WHERE entity_type = 'Visit' AND entity_id = $1)`,
      [recordVisit.record.id],
    );
    expect(audit.map((a) => a.entity_type).sort()).toEqual(['Affair', 'Household', 'Visit']);
  });

  it('refuses bad visits and keeps nothing', async () => {
    const gridmember = await api.as('gridmember');
    const account = await sample.account(api, 'gridmember');
    const { households } = await api.data<{ households: { items: Array<{ id: string }> } }>(
      'query ($g: ID!) { households(options: { take: 1, filter: { gridId: { eq: $g } } }) { items { id } } }',
      { g: account.gridIds[0] },
    );
    const visits = async () => (await api.sql('SELECT COUNT(*)::int AS n FROM visit'))[0].n;
    const before = await visits();
    const hepanHousehold = (await sample.householdsOf(api, (await sample.firstGridOf(api, hepan)).id))[0].id;
    const cases: Array<[Client, Record<string, unknown>, string]> = [
      [gridmember, { householdId: households.items[0].id, purpose: 'ROUTINE', visitedOn: '2026-06-16' }, 'visitedOn'],
      [gridmember, { householdId: hepanHousehold, purpose: 'ROUTINE' }, 'householdId'],
      // An official has no staff record: they name the grid member, who must serve the grid that day.
      [await api.as('official'), { householdId: hepanHousehold, purpose: 'SURVEY' }, 'staffMemberId'],
      [await api.as('official'), { householdId: hepanHousehold, purpose: 'SURVEY', staffMemberId: account.staffMemberId }, 'staffMemberId'],
      [gridmember, { householdId: households.items[0].id, purpose: 'ROUTINE', affairs: [{ description: ' ' }] }, 'affairs.0.description'],
    ];
    for (const [client, input, field] of cases) {
      const result = await client.gql(RECORD, { input });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { [field]: expect.any(String) } });
    }
    const dry = await gridmember.data<Visited>(RECORD, {
      input: { householdId: households.items[0].id, purpose: 'FOLLOW_UP' },
      dryRun: true,
    });
    expect(dry.recordVisit.dryRun).toBe(true);
    expect(await visits()).toBe(before);
    expect(
      (await (await api.as('window')).gql(RECORD, { input: { householdId: households.items[0].id, purpose: 'ROUTINE' } })).errors?.[0]
        .extensions.code,
    ).toBe('FORBIDDEN');
  });
});
