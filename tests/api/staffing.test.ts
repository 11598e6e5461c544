import { addDays } from '../../server/src/core/time/validity';
import { staffingRules } from '../../server/src/modules/staffing/staffing.config';
import { CHENXI, HEPAN, MUSLIM_LANE, QINGHE, sample } from '../support/sample';
import { Count, dataOf, startTestServer, TestServer } from '../support/test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

const today = () => api.clock.today();

interface PostRecord {
  id: string;
  kind: string;
  communityId: string;
  specialistRole: { code: string } | null;
  serviceWindow: { kind: string } | null;
}

async function postsOf(communityId: string): Promise<PostRecord[]> {
  return (
    await api.data<{ posts: { items: PostRecord[] } }>(
      `query ($id: ID!) { posts(options: { filter: { communityId: { eq: $id } } }) { items {
    id kind communityId specialistRole { code } serviceWindow { kind } } } }`,
      { id: communityId },
    )
  ).posts.items;
}

const rolePost = async (communityId: string, code: string) => (await postsOf(communityId)).find((p) => p.specialistRole?.code === code)!;

const holdersOn = async (postId: string, asOf: string) =>
  (
    await api.data<{
      postHolders: {
        items: Array<{ id: string; slot: string; staffMemberId: string; validFrom: string; validUntil: string | null; version: number }>;
      };
    }>(
      `query ($id: ID!, $asOf: LocalDate) {
  postHolders(options: { filter: { postId: { eq: $id } } }, asOf: $asOf) { items { id slot staffMemberId validFrom validUntil version } } }`,
      { id: postId, asOf },
    )
  ).postHolders.items;

const ASSIGN = `mutation ($input: AssignPostHolderInput!, $dryRun: Boolean!) { assignPostHolder(input: $input, dryRun: $dryRun) {
  dryRun changeCount record { id slot staffMemberId validFrom validUntil } } }`;
const END_HOLDER = `mutation ($id: ID!, $lastDay: LocalDate!) { endPostHolder(id: $id, lastDay: $lastDay) { record { validUntil } } }`;

describe('specialist roles and templates', () => {
  it('has the ten roles of the district and the 8- and 10-member templates', async () => {
    const { specialistRoles, staffingTemplates } = await api.data<{
      specialistRoles: { totalItems: number; items: Array<{ code: string; name: string; nameEn: string }> };
      staffingTemplates: { items: Array<{ code: string; nameEn: string; roles: Array<{ code: string }> }> };
    }>(`{ specialistRoles { totalItems items { code name nameEn } }
      staffingTemplates(options: { sort: [{ field: code }] }) { items { code nameEn roles { code } } } }`);
    expect(specialistRoles.totalItems).toBe(10);
    expect(specialistRoles.items.map((r) => r.nameEn)).toContain('Judicial mediator');
    expect(staffingTemplates.items.map((t) => [t.code, t.roles.length])).toEqual([
      ['MEMBERS_10', 10],
      ['MEMBERS_8', 8],
    ]);
  });

  it('renames a role from a day and retires it, keeping its history; templates still name it for its days', async () => {
    const { createSpecialistRole: role } = await api.data<{
      createSpecialistRole: { id: string };
    }>(`mutation { createSpecialistRole(input: {
      code: "VOLUNTEER_COORDINATOR", name: "志愿者协调员", nameEn: "Volunteer coordinator", validFrom: "2020-01-01" }) { id } }`);
    await api.data(
      `mutation ($id: ID!) { changeSpecialistRole(input: { id: $id, effectiveOn: "2023-01-01", nameEn: "Volunteer organiser" }) { record { nameEn } } }`,
      { id: role.id },
    );
    await api.data(`mutation ($id: ID!) { endSpecialistRole(id: $id, lastDay: "2025-12-31") { record { validUntil } } }`, { id: role.id });
    const read = async (asOf: string) =>
      (
        await api.data<{
          specialistRole: {
            nameEn: string;
            validOnAsOf: boolean;
            history: Array<{ nameEn: string; versionFrom: string; versionUntil: string | null }>;
          };
        }>(
          `query ($id: ID!, $asOf: LocalDate) { specialistRole(id: $id, asOf: $asOf) {
      nameEn validOnAsOf history { nameEn versionFrom versionUntil } } }`,
          { id: role.id, asOf },
        )
      ).specialistRole;
    expect(await read('2022-12-31')).toMatchObject({ nameEn: 'Volunteer coordinator', validOnAsOf: true });
    expect(await read('2025-12-31')).toMatchObject({ nameEn: 'Volunteer organiser', validOnAsOf: true });
    const retired = await read(today());
    expect(retired.validOnAsOf).toBe(false);
    expect(retired.history.map((v) => [v.nameEn, v.versionUntil])).toEqual([
      ['Volunteer coordinator', '2022-12-31'],
      ['Volunteer organiser', '2025-12-31'],
    ]);
    expect((await api.data<Count<'specialistRoles'>>('{ specialistRoles { totalItems } }')).specialistRoles.totalItems).toBe(10);
    expect(
      (await api.data<Count<'specialistRoles'>>('{ specialistRoles(asOf: "2024-01-01") { totalItems } }')).specialistRoles.totalItems,
    ).toBe(11);
    // Its code is never reused, and no two roles share a name on one day.
    const again = await api.gql(
      `mutation { createSpecialistRole(input: { code: "VOLUNTEER_COORDINATOR", name: "另一个", nameEn: "Other" }) { id } }`,
    );
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { code: expect.any(String) } });
    const sameName = await api.gql(
      `mutation { createSpecialistRole(input: { code: "MEDIATOR_TWO", name: "司法调解员", nameEn: "Mediator two" }) { id } }`,
    );
    expect(sameName.errors?.[0].extensions.fields).toHaveProperty('name');
  });

  it('a community adopts another template from a day: a dry run changes nothing, the past keeps its template, posts open', async () => {
    const qinghe = await sample.communityId(api, QINGHE);
    const templates = (
      await api.data<{ staffingTemplates: { items: Array<{ id: string; code: string }> } }>('{ staffingTemplates { items { id code } } }')
    ).staffingTemplates.items;
    const ten = templates.find((t) => t.code === 'MEMBERS_10')!.id;
    const adoption = async (asOf: string) =>
      (
        await api.data<{ community: { templateAdoption: { template: { code: string }; validFrom: string; validUntil: string | null } } }>(
          `query ($id: ID!, $asOf: LocalDate) { community(id: $id, asOf: $asOf) {
      templateAdoption { template { code } validFrom validUntil } } }`,
          { id: qinghe, asOf },
        )
      ).community.templateAdoption;
    const before = await adoption(today());
    expect(before.template.code).toBe('MEMBERS_10');
    const eight = templates.find((t) => t.code === 'MEMBERS_8')!.id;
    const adopt = (templateId: string, effectiveOn: string, dryRun: boolean) =>
      api.gql<{ adoptTemplate: { dryRun: boolean; changeCount: number; record: { validFrom: string; template: { code: string } } } }>(
        `mutation ($input: AdoptTemplateInput!, $dryRun: Boolean!) {
      adoptTemplate(input: $input, dryRun: $dryRun) { dryRun changeCount record { validFrom template { code } } } }`,
        { input: { communityId: qinghe, templateId, effectiveOn }, dryRun },
      );
    const postsBefore = (await postsOf(qinghe)).length;
    const preview = await adopt(eight, addDays(today(), 10), true);
    expect(preview.data?.adoptTemplate).toMatchObject({ dryRun: true, changeCount: 2, record: { template: { code: 'MEMBERS_8' } } });
    expect(await adoption(addDays(today(), 10))).toMatchObject({ template: { code: 'MEMBERS_10' }, validUntil: null });
    const done = await adopt(eight, addDays(today(), 10), false);
    expect(done.errors).toBeUndefined();
    expect(await adoption(addDays(today(), 9))).toMatchObject({ template: { code: 'MEMBERS_10' }, validUntil: addDays(today(), 9) });
    expect(await adoption(addDays(today(), 10))).toMatchObject({ template: { code: 'MEMBERS_8' }, validFrom: addDays(today(), 10) });
    // Posts of roles the new template does not require stay (with their holders' history): none are removed, none added.
    expect((await postsOf(qinghe)).length).toBe(postsBefore);
    const coverage = await api.data<{ roleCoverage: Array<{ status: string; specialistRole: { code: string } }> }>(
      `query ($id: ID!, $asOf: LocalDate) { roleCoverage(communityId: $id, asOf: $asOf) { status specialistRole { code } } }`,
      { id: qinghe, asOf: addDays(today(), 10) },
    );
    expect(coverage.roleCoverage.find((r) => r.specialistRole.code === 'SPORTS_INSTRUCTOR')?.status).toBe('NOT_REQUIRED');
    // An earlier adoption cannot slip in before the later one.
    const earlier = await adopt(ten, addDays(today(), 5), false);
    expect(earlier.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LATER_CHANGE' });
  });
});

describe('posts and their A and B holders', () => {
  it('answers who held a post on a day, with the last day inclusive', async () => {
    const muslimLane = await sample.communityId(api, MUSLIM_LANE);
    const post = await rolePost(muslimLane, 'PARTY_LIAISON');
    const before = await holdersOn(post.id, '2020-12-31');
    const after = await holdersOn(post.id, '2021-01-01');
    const a = (holders: typeof before) => holders.find((h) => h.slot === 'A')!;
    expect(a(before).validUntil).toBe('2020-12-31');
    expect(a(after).validFrom).toBe('2021-01-01');
    expect(a(before).staffMemberId).not.toBe(a(after).staffMemberId);
    expect(before.find((h) => h.slot === 'B')!.staffMemberId).toBe(after.find((h) => h.slot === 'B')!.staffMemberId);
    const nested = await api.data<{ community: { id: string }; posts: { items: Array<{ id: string }> } }>(
      `query ($id: ID!) { community(id: $id, asOf: "2020-06-01") { id } posts(options: { filter: { ids: [$id] } }) { items { id } } }`,
      { id: muslimLane },
    );
    expect(nested.community.id).toBe(muslimLane);
    const { posts } = await api.data<{ posts: { items: Array<{ holders: Array<{ slot: string; staffMember: { id: string } }> }> } }>(
      `query ($c: ID!) { posts(options: { filter: { communityId: { eq: $c }, kind: { eq: COORDINATOR } } }) {
      items { holders(asOf: "2020-06-01") { slot staffMember { id } } all: holders(includeEnded: true) { slot } } } }`,
      { c: muslimLane },
    );
    expect(posts.items).toHaveLength(1);
    expect(posts.items[0].holders.map((h) => h.slot)).toEqual(['A', 'B']);
  });

  it("the day after a holder's last day another may start; on the same day the database refuses (CONFLICT, OVERLAP)", async () => {
    const hepan = await sample.communityId(api, HEPAN);
    const post = await rolePost(hepan, 'SERVICE_AGENT');
    const holders = await holdersOn(post.id, today());
    const holderA = holders.find((h) => h.slot === 'A')!;
    const holderB = holders.find((h) => h.slot === 'B')!;
    const staff = (await sample.staffOf(api, hepan)).filter(
      (s) => s.active && s.id !== holderA.staffMemberId && s.id !== holderB.staffMemberId,
    );
    const lastDay = addDays(today(), 30);
    expect((await api.gql(END_HOLDER, { id: holderA.id, lastDay })).errors).toBeUndefined();

    const assign = (staffMemberId: string, validFrom: string, slot = 'A', dryRun = false) =>
      api.gql<{ assignPostHolder: { dryRun: boolean; changeCount: number; record: { id: string; slot: string; staffMemberId: string } } }>(
        ASSIGN,
        {
          input: { postId: post.id, slot, staffMemberId, validFrom },
          dryRun,
        },
      );
    const sameDay = await assign(staff[0].id, lastDay);
    expect(sameDay.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OVERLAP' });
    expect(sameDay.errors?.[0].message).toMatch(/already has a holder in that slot/);
    // One person cannot be A and B of one post at once.
    const alsoB = await assign(holderB.staffMemberId, addDays(lastDay, 1));
    expect(alsoB.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OVERLAP' });
    expect(alsoB.errors?.[0].message).toMatch(/A and B must be two people/);
    // A dry run says what it would do and keeps nothing.
    const preview = await assign(staff[0].id, addDays(lastDay, 1), 'A', true);
    expect(preview.data?.assignPostHolder).toMatchObject({
      dryRun: true,
      changeCount: 1,
      record: { validFrom: addDays(lastDay, 1), validUntil: null },
    });
    expect(await holdersOn(post.id, addDays(lastDay, 1))).toHaveLength(1);
    const next = await assign(staff[0].id, addDays(lastDay, 1));
    expect(next.errors).toBeUndefined();
    expect((await holdersOn(post.id, lastDay)).find((h) => h.slot === 'A')!.staffMemberId).toBe(holderA.staffMemberId);
    expect((await holdersOn(post.id, addDays(lastDay, 1))).find((h) => h.slot === 'A')!.staffMemberId).toBe(staff[0].id);
    // Someone from another community does not work there.
    const outsider = (await sample.staffOf(api, await sample.communityId(api, CHENXI)))[0];
    const foreign = await assign(outsider.id, addDays(lastDay, 100), 'A');
    expect(foreign.errors?.[0].extensions.fields).toHaveProperty('staffMemberId');
  });

  it('moves a holder to the other slot from a day: the period ends the day before', async () => {
    const hepan = await sample.communityId(api, HEPAN);
    const post = await rolePost(hepan, 'ELDERLY_CARE');
    const holders = await holdersOn(post.id, today());
    const holderB = holders.find((h) => h.slot === 'B')!;
    const holderA = holders.find((h) => h.slot === 'A')!;
    const day = addDays(today(), 7);
    // A must leave first: the move of B into A on a day A still holds it is refused.
    const refused = await api.gql(`mutation ($input: MovePostHolderInput!) { movePostHolder(input: $input) { record { id } } }`, {
      input: { id: holderB.id, effectiveOn: day, slot: 'A' },
    });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OVERLAP' });
    expect((await holdersOn(post.id, day)).find((h) => h.slot === 'B')!.validUntil).toBeNull();
    await api.data(END_HOLDER, { id: holderA.id, lastDay: addDays(day, -1) });
    const moved = await api.data<{ movePostHolder: { changeCount: number; record: { slot: string; validFrom: string } } }>(
      `mutation ($input: MovePostHolderInput!) { movePostHolder(input: $input) { changeCount record { slot validFrom } } }`,
      { input: { id: holderB.id, effectiveOn: day, slot: 'A' } },
    );
    expect(moved.movePostHolder).toMatchObject({ changeCount: 2, record: { slot: 'A', validFrom: day } });
    expect((await holdersOn(post.id, addDays(day, -1))).map((h) => [h.slot, h.staffMemberId]).sort()).toEqual([
      ['A', holderA.staffMemberId],
      ['B', holderB.staffMemberId],
    ]);
    expect((await holdersOn(post.id, day)).map((h) => [h.slot, h.staffMemberId])).toEqual([['A', holderB.staffMemberId]]);
  });
});

describe('absences', () => {
  it('are dated with the last day inclusive, and one person cannot be away twice on one day', async () => {
    const hepan = await sample.communityId(api, HEPAN);
    const [person] = (await sample.staffOf(api, hepan)).filter((s) => s.active);
    const create = (validFrom: string, validUntil: string) =>
      api.gql<{ createAbsence: { id: string; version: number; validFrom: string; validUntil: string } }>(
        `mutation ($input: CreateAbsenceInput!) { createAbsence(input: $input) { id version validFrom validUntil } }`,
        {
          input: { staffMemberId: person.id, validFrom, validUntil, reason: 'TRAINING' },
        },
      );
    const { createAbsence: absence } = dataOf(await create('2026-07-01', '2026-07-03'));
    expect(absence).toMatchObject({ validFrom: '2026-07-01', validUntil: '2026-07-03' });
    const away = async (asOf: string) =>
      (
        await api.data<Count<'absences'>>(
          `query ($id: ID!, $asOf: LocalDate) { absences(options: { filter: { staffMemberId: { eq: $id } } }, asOf: $asOf) { totalItems } }`,
          { id: person.id, asOf },
        )
      ).absences.totalItems;
    expect(await away('2026-07-03')).toBe(1);
    expect(await away('2026-07-04')).toBe(0);
    expect((await create('2026-07-03', '2026-07-05')).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OVERLAP' });
    expect((await create('2026-07-04', '2026-07-05')).errors).toBeUndefined();
    expect((await create('2026-07-10', '2026-07-09')).errors?.[0].extensions.fields).toHaveProperty('validUntil');
    const { updateAbsence } = await api.data<{ updateAbsence: { validUntil: string; reason: string; version: number } }>(
      `mutation ($input: UpdateAbsenceInput!) { updateAbsence(input: $input) { validUntil reason version } }`,
      { input: { id: absence.id, version: absence.version, validUntil: '2026-07-02', reason: 'SICK' } },
    );
    expect(updateAbsence).toMatchObject({ validUntil: '2026-07-02', reason: 'SICK', version: 2 });
    const stale = await api.gql(`mutation ($input: UpdateAbsenceInput!) { updateAbsence(input: $input) { id } }`, {
      input: { id: absence.id, version: 1, note: 'x' },
    });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
  });
});

describe('coverage and duty', () => {
  it('roleCoverage: FILLED, COVERED_BY_B while A is off sick, VACANT where nobody holds the post, NOT_REQUIRED outside the template', async () => {
    const muslimLane = await sample.communityId(api, MUSLIM_LANE);
    const query = `query ($c: ID, $asOf: LocalDate) { roleCoverage(communityId: $c, asOf: $asOf) { communityId status specialistRole { code } holderA { id } holderB { id } } }`;
    type Rows = { roleCoverage: Array<{ communityId: string; status: string; specialistRole: { code: string } }> };
    const rows = (await api.data<Rows>(query, { c: muslimLane, asOf: today() })).roleCoverage;
    expect(rows).toHaveLength(10);
    const statuses = rows.map((r) => r.status);
    expect(statuses.filter((s: string) => s === 'COVERED_BY_B')).toHaveLength(1);
    expect(statuses.filter((s: string) => s === 'FILLED')).toHaveLength(9);
    // Before 2020 Muslim Lane followed the 8-member system.
    const old = (await api.data<Rows>(query, { c: muslimLane, asOf: '2019-06-01' })).roleCoverage;
    expect(
      old
        .filter((r) => r.status === 'NOT_REQUIRED')
        .map((r) => r.specialistRole.code)
        .sort(),
    ).toEqual(['SPORTS_INSTRUCTOR', 'TUTORING_INSTRUCTOR']);
    const hepan = await sample.communityId(api, HEPAN);
    const hepanRows = (await api.data<Rows>(query, { c: hepan, asOf: '2026-01-01' })).roleCoverage;
    expect(hepanRows.filter((r) => r.status === 'VACANT')).toHaveLength(1);
    // District-wide: every community × role.
    const all = await api.data<{ roleCoverage: Array<{ status: string }> }>(`{ roleCoverage { status } }`);
    expect(all.roleCoverage).toHaveLength(120);
  });

  it("dutyGaps: the week both holders of Muslim Lane's intermediary window are on leave, found ahead of time, in one statement", async () => {
    const muslimLane = await sample.communityId(api, MUSLIM_LANE);
    await api.gql('{ __typename }'); // the caller is looked up once, then known to the server
    const started = Date.now();
    const result = await api.gql<{
      dutyGaps: Array<{
        day: string;
        kind: string;
        communityId: string;
        postId: string | null;
        gridId: string | null;
        staffMemberId: string | null;
      }>;
    }>(`{ dutyGaps { day kind communityId postId gridId staffMemberId } }`);
    const elapsed = Date.now() - started;
    expect(result.errors).toBeUndefined();
    const gaps = result.data!.dutyGaps;
    const window = gaps.filter((g) => g.kind === 'POST_UNCOVERED' && g.communityId === muslimLane);
    expect(window.map((g) => g.day)).toEqual(Array.from({ length: 7 }, (_, i) => addDays(today(), 2 + i)));
    expect(new Set(window.map((g) => g.postId)).size).toBe(1);
    const { posts } = await api.data<{ posts: { items: Array<{ kind: string; serviceWindow: { kind: string } | null }> } }>(
      `query ($ids: [ID!]) { posts(options: { filter: { ids: $ids } }) { items { kind serviceWindow { kind } } } }`,
      { ids: [window[0].postId] },
    );
    expect(posts.items[0]).toEqual({ kind: 'WINDOW', serviceWindow: { kind: 'INTERMEDIARY' } });
    // Chenxi's grid with one member, every day (the tests below change it); the B covering the sick specialist also holds a post of their own.
    expect(gaps.filter((g) => g.kind === 'GRID_UNDERSTAFFED')).toHaveLength(14);
    expect(gaps.filter((g) => g.kind === 'DOUBLE_DUTY').map((g) => g.day)).toEqual([
      today(),
      addDays(today(), 1),
      addDays(today(), 2),
      addDays(today(), 3),
    ]);
    // The whole district over 14 days in one statement.
    expect(result.extensions!.sqlStatements).toBe(1);
    console.log(`dutyGaps, sample district, 14 days: ${gaps.length} gaps, ${result.extensions!.sqlStatements} statement, ${elapsed} ms`);
    // Nested fields come from loaders keyed by day: at most one statement per kind of record and day, whatever the number of gaps.
    const nested = await api.gql(`{ dutyGaps { day community { name } post { kind } grid { code } staffMember { name } } }`);
    expect(nested.errors).toBeUndefined();
    expect(nested.extensions!.sqlStatements).toBeLessThanOrEqual(1 + 4 * 14);
    expect((await api.gql(`{ dutyGaps(from: "2026-01-01", to: "2026-06-01") { day } }`)).errors?.[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('grid members', () => {
  const ASSIGN_MEMBER = `mutation ($input: AssignGridMemberInput!) { assignGridMember(input: $input) { record { id gridId staffMemberId validFrom } } }`;
  const gridGaps = async (communityId: string, asOf: string) =>
    (
      await api.data<{
        gridStaffingGaps: Array<{ kind: string; gridId: string; staffMemberId: string | null; memberCount: number | null }>;
      }>(
        `query ($c: ID!, $asOf: LocalDate) {
    gridStaffingGaps(communityId: $c, asOf: $asOf) { kind gridId staffMemberId memberCount } }`,
        { c: communityId, asOf },
      )
    ).gridStaffingGaps;

  it('lists a grid with a single member, and one above two, as gaps; a member whose assignment ends today is gone tomorrow', async () => {
    const chenxi = await sample.communityId(api, CHENXI);
    const [first] = await sample.gridsOf(api, chenxi);
    expect(await gridGaps(chenxi, today())).toEqual([{ kind: 'GRID_UNDERSTAFFED', gridId: first.id, staffMemberId: null, memberCount: 1 }]);
    // Three weeks ago the grid still had its two members.
    expect(await gridGaps(chenxi, addDays(today(), -21))).toEqual([]);
    const spare = (await sample.staffOf(api, chenxi)).filter((s) => s.active).slice(-1)[0];
    const { assignGridMember } = await api.data<{ assignGridMember: { record: { id: string } } }>(ASSIGN_MEMBER, {
      input: { gridId: first.id, staffMemberId: spare.id },
    });
    expect(await gridGaps(chenxi, today())).toEqual([]);
    const [, second] = await sample.gridsOf(api, chenxi);
    await api.data(ASSIGN_MEMBER, { input: { gridId: second.id, staffMemberId: spare.id, validFrom: addDays(today(), 1) } });
    expect(await gridGaps(chenxi, addDays(today(), 1))).toEqual([
      { kind: 'GRID_OVERSTAFFED', gridId: second.id, staffMemberId: null, memberCount: 3 },
    ]);
    await api.data(`mutation ($id: ID!, $lastDay: LocalDate!) { endGridMember(id: $id, lastDay: $lastDay) { record { validUntil } } }`, {
      id: assignGridMember.record.id,
      lastDay: today(),
    });
    expect(await gridGaps(chenxi, today())).toEqual([]);
    expect((await gridGaps(chenxi, addDays(today(), 1))).map((g) => g.kind)).toEqual(['GRID_OVERSTAFFED', 'GRID_UNDERSTAFFED']);
  });

  it('refuses a person on more grids at once than the limit, and the same person twice on one grid', async () => {
    const hepan = await sample.communityId(api, HEPAN);
    const grids = await sample.gridsOf(api, hepan);
    const person = (await sample.staffOf(api, hepan)).filter((s) => s.active).slice(-1)[0];
    const limit = staffingRules.maxGridsPerStaff;
    const from = addDays(today(), 40);
    for (let i = 0; i < limit; i++) {
      expect(
        (await api.gql(ASSIGN_MEMBER, { input: { gridId: grids[i].id, staffMemberId: person.id, validFrom: from } })).errors,
      ).toBeUndefined();
      if (i > 0) continue;
      const twice = await api.gql(ASSIGN_MEMBER, { input: { gridId: grids[0].id, staffMemberId: person.id, validFrom: addDays(from, 3) } });
      expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OVERLAP' });
    }
    const over = await api.gql(ASSIGN_MEMBER, {
      input: { gridId: grids[limit].id, staffMemberId: person.id, validFrom: addDays(from, 5) },
    });
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LIMIT_REACHED' });
    // Before the other assignments start, the person is free.
    const earlier = await api.gql(`mutation ($input: AssignGridMemberInput!) { assignGridMember(input: $input) { record { id } } }`, {
      input: { gridId: grids[limit].id, staffMemberId: person.id, validFrom: today(), validUntil: addDays(from, -1) },
    });
    expect(earlier.errors).toBeUndefined();
  });

  it('a grid served by someone absent longer than the configured days, or inactive, is a gap', async () => {
    const hepan = await sample.communityId(api, HEPAN);
    const grids = await sample.gridsOf(api, hepan);
    const grid = grids[grids.length - 1];
    const [member] = (
      await api.data<{ gridAssignments: { items: Array<{ staffMemberId: string }> } }>(
        `query ($g: ID!) { gridAssignments(options: { filter: { gridId: { eq: $g } } }) { items { staffMemberId } } }`,
        {
          g: grid.id,
        },
      )
    ).gridAssignments.items;
    const days = staffingRules.absenceGapDays;
    const from = addDays(today(), 60);
    // Away exactly the allowed number of days: no gap; one more: a gap on each of those days.
    await api.data(`mutation ($input: CreateAbsenceInput!) { createAbsence(input: $input) { id } }`, {
      input: { staffMemberId: member.staffMemberId, validFrom: from, validUntil: addDays(from, days - 1), reason: 'LEAVE' },
    });
    expect((await gridGaps(hepan, from)).filter((g) => g.gridId === grid.id)).toEqual([]);
    const later = addDays(from, 30);
    await api.data(`mutation ($input: CreateAbsenceInput!) { createAbsence(input: $input) { id } }`, {
      input: { staffMemberId: member.staffMemberId, validFrom: later, validUntil: addDays(later, days), reason: 'SICK' },
    });
    expect((await gridGaps(hepan, addDays(later, days))).filter((g) => g.gridId === grid.id)).toEqual([
      { kind: 'GRID_MEMBER_UNAVAILABLE', gridId: grid.id, staffMemberId: member.staffMemberId, memberCount: null },
    ]);
    expect((await gridGaps(hepan, addDays(later, days + 1))).filter((g) => g.gridId === grid.id)).toEqual([]);
  });
});

describe('scope', () => {
  it('a coordinator reads and staffs their own community only', async () => {
    const coordinator = await api.as('coordinator');
    const muslimLane = await sample.communityId(api, MUSLIM_LANE);
    const chenxi = await sample.communityId(api, CHENXI);
    const { postHolders } = await coordinator.data<{ postHolders: { items: Array<{ communityId: string }> } }>(
      '{ postHolders { items { communityId } } }',
    );
    expect(postHolders.items.length).toBeGreaterThan(0);
    expect(new Set(postHolders.items.map((h) => h.communityId))).toEqual(new Set([muslimLane]));
    const gaps = (await coordinator.data<{ dutyGaps: Array<{ communityId: string }> }>('{ dutyGaps { communityId } }')).dutyGaps;
    expect(new Set(gaps.map((g) => g.communityId))).toEqual(new Set([muslimLane]));
    expect(
      (await coordinator.gql(`query ($c: ID!) { roleCoverage(communityId: $c) { status } }`, { c: chenxi })).errors?.[0].extensions.code,
    ).toBe('NOT_FOUND');
    const chenxiPost = (await postsOf(chenxi))[0];
    const [chenxiStaff] = await sample.staffOf(api, chenxi);
    const foreign = await coordinator.gql(ASSIGN, {
      input: { postId: chenxiPost.id, slot: 'A', staffMemberId: chenxiStaff.id, validFrom: '2030-01-01' },
      dryRun: true,
    });
    expect(foreign.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const own = (await postsOf(muslimLane)).find((p) => p.kind === 'COORDINATOR')!;
    const [mine] = (await sample.staffOf(api, muslimLane)).slice(-1);
    const preview = await coordinator.gql(ASSIGN, {
      input: { postId: own.id, slot: 'A', staffMemberId: mine.id, validFrom: '2030-01-01' },
      dryRun: true,
    });
    expect(preview.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OVERLAP' });
  });

  it("grid members read the gaps of their grids' community; window staff and report builders read, only officials edit the catalogue", async () => {
    const reporter = await api.as('reporter');
    expect((await reporter.gql('{ dutyGaps(kinds: [POST_UNCOVERED]) { day } }')).errors).toBeUndefined();
    const refused = await reporter.gql(
      `mutation { createAbsence(input: { staffMemberId: "1", validFrom: "2030-01-01", validUntil: "2030-01-02", reason: LEAVE }) { id } }`,
    );
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const coordinator = await api.as('coordinator');
    expect(
      (await coordinator.gql(`mutation { createSpecialistRole(input: { code: "X", name: "X", nameEn: "X" }) { id } }`)).errors?.[0]
        .extensions.code,
    ).toBe('FORBIDDEN');
  });
});

describe('rotation', () => {
  const ROTATE = `mutation ($input: RotatePostInput!, $dryRun: Boolean!) { rotatePost(input: $input, dryRun: $dryRun) {
    dryRun changeCount record { id postId everyWeeks validFrom validUntil } } }`;
  interface Rotated {
    rotatePost: {
      dryRun: boolean;
      changeCount: number;
      record: { id: string; postId: string; everyWeeks: number; validFrom: string; validUntil: string | null };
    };
  }
  const ABSENT = `mutation ($s: ID!, $day: LocalDate!) { createAbsence(input: { staffMemberId: $s, validFrom: $day, validUntil: $day, reason: LEAVE }) { id } }`;

  it('swaps A and B every N weeks from its first day; an absence on a swap day is covered by the other, both away is a gap', async () => {
    const chenxi = await sample.communityId(api, CHENXI);
    const post = await rolePost(chenxi, 'PARTY_LIAISON');
    // A swap day far enough ahead that the sample has no absence near it.
    const swap = addDays(today(), 100);
    const holders = await holdersOn(post.id, swap);
    const a = holders.find((h) => h.slot === 'A')!.staffMemberId;
    const b = holders.find((h) => h.slot === 'B')!.staffMemberId;
    const coverage = async (asOf: string) =>
      (
        await api.data<{ roleCoverage: Array<{ status: string; onDutyId: string | null; specialistRole: { code: string } }> }>(
          `query ($c: ID, $asOf: LocalDate) { roleCoverage(communityId: $c, asOf: $asOf) {
      status onDutyId specialistRole { code } } }`,
          { c: chenxi, asOf },
        )
      ).roleCoverage.find((r) => r.specialistRole.code === 'PARTY_LIAISON');
    const gaps = async (from: string, to: string) =>
      (
        await api.data<{ dutyGaps: Array<{ day: string; kind: string; postId: string | null; staffMemberId: string | null }> }>(
          `query ($c: ID!, $from: LocalDate!, $to: LocalDate!) {
      dutyGaps(communityId: $c, from: $from, to: $to, kinds: [POST_UNCOVERED, DOUBLE_DUTY]) { day kind postId staffMemberId } }`,
          { c: chenxi, from, to },
        )
      ).dutyGaps.filter((g) => g.postId === post.id);
    const uncovered = async (from: string, to: string) =>
      (await gaps(from, to)).filter((g) => g.kind === 'POST_UNCOVERED').map((g) => g.day);

    const input = { postId: post.id, everyWeeks: 2, validFrom: swap };
    const preview = await api.data<Rotated>(ROTATE, { input, dryRun: true });
    expect(preview.rotatePost).toMatchObject({
      dryRun: true,
      changeCount: 1,
      record: { everyWeeks: 2, validFrom: swap, validUntil: null },
    });
    expect(
      (
        await api.data<Count<'postRotations'>>(
          'query ($p: ID!, $asOf: LocalDate) { postRotations(asOf: $asOf, options: { filter: { postId: { eq: $p } } }) { totalItems } }',
          { p: post.id, asOf: swap },
        )
      ).postRotations.totalItems,
    ).toBe(0);
    const {
      rotatePost: { record: rotation },
    } = await api.data<Rotated>(ROTATE, { input, dryRun: false });

    // A until the day before, B for two weeks from the swap day, A again from the next swap day, B two weeks later.
    expect(await coverage(addDays(swap, -1))).toMatchObject({ status: 'FILLED', onDutyId: a });
    expect(await coverage(swap)).toMatchObject({ status: 'FILLED', onDutyId: b });
    expect(await coverage(addDays(swap, 13))).toMatchObject({ status: 'FILLED', onDutyId: b });
    expect(await coverage(addDays(swap, 14))).toMatchObject({ status: 'FILLED', onDutyId: a });
    expect(await coverage(addDays(swap, 28))).toMatchObject({ status: 'FILLED', onDutyId: b });

    // B, responsible from the swap day, is away on it: A covers, no gap.
    await api.data(ABSENT, { s: b, day: swap });
    expect(await coverage(swap)).toMatchObject({ status: 'COVERED_BY_B', onDutyId: a });
    expect(await coverage(addDays(swap, 1))).toMatchObject({ status: 'FILLED', onDutyId: b });
    expect(await uncovered(addDays(swap, -1), addDays(swap, 1))).toEqual([]);
    // A covers that day while holding another post of Chenxi: needed at two posts, a conflict.
    expect((await gaps(addDays(swap, -1), addDays(swap, 1))).filter((g) => g.kind === 'DOUBLE_DUTY')).toEqual([
      expect.objectContaining({ day: swap, staffMemberId: a }),
    ]);
    // A away on the swap day too: nobody on duty that day only.
    await api.data(ABSENT, { s: a, day: swap });
    expect(await coverage(swap)).toMatchObject({ status: 'VACANT', onDutyId: null });
    expect(await uncovered(addDays(swap, -1), addDays(swap, 1))).toEqual([swap]);
    // A away on the swap-back day: B covers.
    await api.data(ABSENT, { s: a, day: addDays(swap, 14) });
    expect(await coverage(addDays(swap, 14))).toMatchObject({ status: 'COVERED_BY_B', onDutyId: b });

    // One rotation per post at a time.
    const twice = await api.gql(ROTATE, { input: { postId: post.id, everyWeeks: 1, validFrom: addDays(swap, 7) }, dryRun: false });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OVERLAP' });
    expect(await api.gql(ROTATE, { input: { postId: post.id, everyWeeks: 0 }, dryRun: false })).toMatchObject({
      errors: [expect.objectContaining({})],
    });

    // Ended, A is responsible again from the day after.
    await api.data('mutation ($id: ID!, $lastDay: LocalDate!) { endPostRotation(id: $id, lastDay: $lastDay) { record { validUntil } } }', {
      id: rotation.id,
      lastDay: addDays(swap, 27),
    });
    expect(await coverage(addDays(swap, 28))).toMatchObject({ status: 'FILLED', onDutyId: a });
  });
});
