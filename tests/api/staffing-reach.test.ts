import { addDays } from '../../server/src/core/time/validity';
import { CHENXI, sample } from '../support/sample';
import { startTestServer, TestServer } from '../support/test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

describe('access follows assignments', () => {
  it('a grid member reaches a grid from the day they are assigned to it, and no longer the day after their last day', async () => {
    const account = await sample.account(api, 'gridmember');
    expect(account.staffMemberId).not.toBeNull();
    const grid = await sample.firstGridOf(api, await sample.communityId(api, CHENXI));
    const households = (await sample.householdsOf(api, grid.id)).length;
    expect(households).toBeGreaterThan(0);
    const reached = async () =>
      (
        await (
          await api.as('gridmember')
        ).data<{ households: { totalItems: number } }>(
          'query ($g: ID) { households(options: { filter: { gridId: { eq: $g } } }) { totalItems } }',
          { g: grid.id },
        )
      ).households.totalItems;

    expect(await reached()).toBe(0);
    const { assignGridMember } = await api.data<{ assignGridMember: { record: { id: string } } }>(
      `mutation ($input: AssignGridMemberInput!) { assignGridMember(input: $input) { record { id } } }`,
      { input: { gridId: grid.id, staffMemberId: account.staffMemberId } },
    );
    expect(await reached()).toBe(households);

    const today = api.clock.today();
    await api.data('mutation ($id: ID!, $lastDay: LocalDate!) { endGridMember(id: $id, lastDay: $lastDay) { record { id } } }', {
      id: assignGridMember.record.id,
      lastDay: today,
    });
    // The last day is still theirs; the next day the grid is out of reach, with no write in between.
    expect(await reached()).toBe(households);
    try {
      api.clock.set(addDays(today, 1));
      expect(await reached()).toBe(0);
    } finally {
      api.clock.set(today);
    }
  });

  it('a coordinator reaches the community where they hold a post today, besides the one set on their account', async () => {
    const chenxi = await sample.communityId(api, CHENXI);
    const coordinator = await sample.account(api, 'coordinator');
    const residents = async () =>
      (
        await (
          await api.as('coordinator')
        ).data<{ residents: { totalItems: number } }>(
          'query ($c: ID) { residents(options: { filter: { communityId: { eq: $c } } }) { totalItems } }',
          { c: chenxi },
        )
      ).residents.totalItems;
    expect(await residents()).toBe(0);
    // Give the coordinator account a staff record holding Chenxi's coordinator post from today.
    const [post] = await api.sql(`SELECT id FROM post WHERE community_id = $1 AND kind = 'COORDINATOR'`, [chenxi]);
    const { createStaffMember: staff } = await api.data<{ createStaffMember: { id: string } }>(
      `mutation ($c: ID) { createStaffMember(input: { name: "兼任协调员", homeCommunityId: $c }) { id } }`,
      { c: chenxi },
    );
    const { updateAccount } = await api.data<{ updateAccount: { id: string } }>(
      `mutation ($id: ID!, $v: Int!, $s: ID) { updateAccount(input: { id: $id, version: $v, staffMemberId: $s }) { id } }`,
      { id: coordinator.id, v: coordinator.version, s: staff.id },
    );
    expect(updateAccount.id).toBe(coordinator.id);
    const [holder] = await api.sql(`SELECT id FROM post_holder WHERE post_id = $1 AND slot = 'B' AND valid @> $2::date`, [
      post.id,
      api.clock.today(),
    ]);
    if (holder) {
      await api.data('mutation ($id: ID!, $lastDay: LocalDate!) { endPostHolder(id: $id, lastDay: $lastDay) { record { id } } }', {
        id: String(holder.id),
        lastDay: addDays(api.clock.today(), -1),
      });
    }
    await api.data(`mutation ($input: AssignPostHolderInput!) { assignPostHolder(input: $input) { record { id } } }`, {
      input: { postId: String(post.id), slot: 'B', staffMemberId: staff.id },
    });
    expect(await residents()).toBe(await sample.residentCountIn(api, chenxi));
  });
});
