import { addDays } from '../../server/src/core/time/validity';
import { MUSLIM_LANE, sample } from '../support/sample';
import { dataOf, startTestServer, TestServer } from '../support/test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

interface Entry {
  day: string;
  communityId: string;
  postId: string;
  status: 'ON_DUTY' | 'COVERING' | 'GAP';
  onDutyId: string | null;
  doubleDuty: boolean;
}

describe('the duty view', () => {
  it('names who is on duty at every required post each day, and its gaps are exactly the gaps dutyGaps lists', async () => {
    const from = api.clock.today();
    const to = addDays(from, 13);
    // Finds the caller once; the server then knows the token and the roster's own statement is all that runs.
    await api.gql('{ __typename }');
    const roster = await api.gql<{ dutyRoster: Entry[] }>(
      `query ($from: LocalDate, $to: LocalDate) { dutyRoster(from: $from, to: $to) { day communityId postId status onDutyId doubleDuty } }`,
      { from, to },
    );
    expect(roster.errors).toBeUndefined();
    // One statement for the whole district over 14 days, whatever the number of posts.
    expect(roster.extensions!.sqlStatements).toBe(1);
    const entries = dataOf(roster).dutyRoster;
    const days = new Set(entries.map((e) => e.day));
    expect(days.size).toBe(14);
    expect(entries.every((e) => (e.status === 'GAP') === (e.onDutyId === null))).toBe(true);
    expect(entries.some((e) => e.status === 'COVERING')).toBe(true);

    const { dutyGaps } = await api.data<{ dutyGaps: Array<{ day: string; kind: string; postId: string; staffMemberId: string | null }> }>(
      `query ($from: LocalDate, $to: LocalDate) { dutyGaps(from: $from, to: $to, kinds: [POST_UNCOVERED, DOUBLE_DUTY]) { day kind postId staffMemberId } }`,
      { from, to },
    );
    const key = (day: string, postId: string) => `${day}/${postId}`;
    const gaps = entries
      .filter((e) => e.status === 'GAP')
      .map((e) => key(e.day, e.postId))
      .sort();
    const uncovered = dutyGaps
      .filter((g) => g.kind === 'POST_UNCOVERED')
      .map((g) => key(g.day, g.postId))
      .sort();
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps).toEqual(uncovered);
    const doubles = entries
      .filter((e) => e.doubleDuty)
      .map((e) => key(e.day, e.postId))
      .sort();
    expect(doubles).toEqual(
      dutyGaps
        .filter((g) => g.kind === 'DOUBLE_DUTY')
        .map((g) => key(g.day, g.postId))
        .sort(),
    );
  });

  it("follows an absence: the A holder away, B is on duty covering; both away, a gap; and it stays in the caller's reach", async () => {
    const muslimLane = await sample.communityId(api, MUSLIM_LANE);
    const [post] = await api.sql<{ id: number }>(`SELECT p.id FROM post p WHERE p.community_id = $1 AND p.kind = 'COORDINATOR'`, [
      muslimLane,
    ]);
    const [a] = await api.sql<{ staff_member_id: number }>(
      `SELECT staff_member_id FROM post_holder WHERE post_id = $1 AND slot = 'A' AND valid @> $2::date`,
      [post.id, api.clock.today()],
    );
    const [b] = await api.sql<{ staff_member_id: number }>(
      `SELECT staff_member_id FROM post_holder WHERE post_id = $1 AND slot = 'B' AND valid @> $2::date`,
      [post.id, api.clock.today()],
    );
    const day = addDays(api.clock.today(), 20);
    const at = async () =>
      (
        await api.data<{ dutyRoster: Array<Entry & { onDuty: { id: string } | null }> }>(
          `query ($c: ID, $d: LocalDate) { dutyRoster(communityId: $c, from: $d, to: $d) { postId status onDutyId onDuty { id } } }`,
          { c: muslimLane, d: day },
        )
      ).dutyRoster.find((e) => e.postId === String(post.id))!;
    expect(await at()).toMatchObject({ status: 'ON_DUTY', onDutyId: String(a.staff_member_id) });
    const away = async (staffMemberId: number) =>
      api.data(`mutation ($input: CreateAbsenceInput!) { createAbsence(input: $input) { id } }`, {
        input: { staffMemberId: String(staffMemberId), validFrom: day, validUntil: day, reason: 'TRAINING' },
      });
    await away(a.staff_member_id);
    expect(await at()).toMatchObject({
      status: 'COVERING',
      onDutyId: String(b.staff_member_id),
      onDuty: { id: String(b.staff_member_id) },
    });
    await away(b.staff_member_id);
    expect(await at()).toMatchObject({ status: 'GAP', onDutyId: null, onDuty: null });

    // The coordinator of Muslim Lane sees Muslim Lane's roster only.
    const coordinator = await api.as('coordinator');
    const { dutyRoster } = await coordinator.data<{ dutyRoster: Array<Pick<Entry, 'communityId'>> }>('{ dutyRoster { communityId } }');
    expect(dutyRoster.length).toBeGreaterThan(0);
    expect(new Set(dutyRoster.map((e) => e.communityId))).toEqual(new Set([muslimLane]));
    const other = await sample.communityId(api, 'Chenxi (Morning Light) Community');
    expect((await coordinator.gql('query ($c: ID) { dutyRoster(communityId: $c) { day } }', { c: other })).errors![0].extensions.code).toBe(
      'NOT_FOUND',
    );
  });
});
