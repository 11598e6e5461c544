import type { Browser, Page } from 'playwright-core';
import { addDays } from '../../server/src/core/time/validity';
import { browserSuite, newPage, screenshot } from '../support/browser';
import { ADMIN_PASSWORD, TEST_TODAY } from '../support/global-setup';
import { HEPAN, MUSLIM_LANE, sample } from '../support/sample';
import type { TestServer } from '../support/test-server';

/**
 * Staffing in the dashboard: the coverage matrix with its vacant role, the
 * assign dialog (preview, then apply), a community's posts and duty calendar,
 * a person's assignments and absences, and the gaps on the home page.
 */
let api: TestServer;
let browser: Browser;
let page: Page;
let errors: string[];
let muslimLane: string;
let hepan: string;

const suite = browserSuite();
beforeAll(async () => {
  ({ api, browser } = suite);
  muslimLane = await sample.communityId(api, MUSLIM_LANE);
  hepan = await sample.communityId(api, HEPAN);
});
const signIn = async (locale = 'en-US', username = 'admin', password = ADMIN_PASSWORD) =>
  ({ page, errors } = await newPage(browser, locale, { url: api.url, cookie: await api.login(username, password) }));
afterEach(async () => {
  await page.context().close();
  expect(errors).toEqual([]);
});

const open = (route: string) => page.goto(`${api.url}/#/${route}`);
// No untranslated key, and no message whose placeholders were left unfilled.
const noRawKeys = async () => expect(await page.locator('body').innerText()).not.toMatch(/\b(ra|cg|resources)\.[a-z]+\.[a-z]|%\{/);

/** Each community × specialist role's coverage, as the API reports it. */
type Coverage = { roleCoverage: Array<{ status: string; specialistRole: { code: string } }> };

/** The post of Muslim Lane's intermediary window, whose A and B are both on leave from the day after tomorrow for a week. */
async function intermediaryWindowPost(): Promise<string> {
  const { posts } = await api.data<{ posts: { items: Array<{ id: string; serviceWindow: { kind: string } }> } }>(
    `query ($c: ID!) { posts(options: { take: 100, filter: { communityId: { eq: $c }, kind: { eq: WINDOW } } }) {
    items { id serviceWindow { kind } } } }`,
    { c: muslimLane },
  );
  return posts.items.find((p) => p.serviceWindow.kind === 'INTERMEDIARY')!.id;
}

it("shows the coverage matrix with Hepan's vacant role; assigning a holder through the dialog fills it", async () => {
  await signIn();
  const { community } = await api.data<{ community: { code: string } }>('query ($id: ID!) { community(id: $id) { code } }', { id: hepan });
  const vacant = (
    await api.data<Coverage>('query ($c: ID) { roleCoverage(communityId: $c) { status specialistRole { code } } }', { c: hepan })
  ).roleCoverage.find((c) => c.status === 'VACANT')!.specialistRole.code;
  await open('coverage');
  const cell = page.getByTestId(`coverage-${community.code}-${vacant}`);
  await cell.waitFor();
  expect(await cell.getAttribute('data-status')).toBe('VACANT');
  expect(await page.locator('[data-status="FILLED"]').count()).toBeGreaterThan(50);
  // The sample's specialist off sick today: their B covers, named with the slot.
  expect(await page.locator('[data-status="COVERED_BY_B"]').count()).toBeGreaterThan(0);
  await noRawKeys();
  await screenshot(page, 'coverage-matrix');

  await cell.click();
  const dialog = page.getByTestId('holder-dialog-assign');
  await dialog.waitFor();
  // Nobody types an id: the person is picked among Hepan's active staff.
  await dialog.getByLabel('Person').click();
  await page.getByRole('option').first().click();
  expect(await dialog.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByTestId('command-preview').waitFor();
  await screenshot(page, 'coverage-assign-dialog');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator(`[data-testid="coverage-${community.code}-${vacant}"][data-status="FILLED"]`).waitFor();
  const after = (
    await api.data<Coverage>('query ($c: ID) { roleCoverage(communityId: $c) { status specialistRole { code } } }', { c: hepan })
  ).roleCoverage.find((c) => c.specialistRole.code === vacant);
  expect(after?.status).toBe('FILLED');
});

it('a report builder sees the matrix but no way to assign', async () => {
  await signIn('en-US', 'reporter', 'demo');
  await open('coverage');
  const vacant = page.locator('[data-status="VACANT"]').first();
  await page.getByTestId('coverage-matrix').waitFor();
  if (await vacant.count()) {
    await vacant.click();
    expect(await page.getByTestId('holder-dialog-assign').count()).toBe(0);
  }
  await open(`communities/${muslimLane}/show/posts`);
  await page.getByTestId('community-posts').waitFor();
  expect(await page.getByRole('button', { name: 'Move' }).count()).toBe(0);
});

it("lists a community's posts with A and B; moving a holder previews, then applies", async () => {
  await signIn();
  const post = await intermediaryWindowPost();
  await open(`communities/${muslimLane}/show/posts`);
  const row = page.getByTestId(`post-${post}`);
  await row.waitFor();
  const holderB = (await page.getByTestId(`post-${post}-B`).locator('a').innerText()).trim();
  await noRawKeys();
  await screenshot(page, 'community-posts');

  // B hands over to someone else from next month.
  await page.getByTestId(`post-${post}-B`).getByRole('button', { name: 'Move' }).click();
  const dialog = page.getByTestId('holder-dialog-move');
  await dialog.getByLabel('Hand over to (optional)').click();
  await page.getByRole('option').filter({ hasNotText: holderB }).first().click();
  await dialog.getByLabel('From').fill(addDays(TEST_TODAY, 30));
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByTestId('command-preview').waitFor();
  await screenshot(page, 'post-move-dialog');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await dialog.waitFor({ state: 'detached' });
  const holders = async (asOf: string) =>
    (
      await api.data<{ postHolders: { items: Array<{ staffMember: { name: string }; validUntil: string | null }> } }>(
        'query ($p: ID!, $asOf: LocalDate) { postHolders(asOf: $asOf, options: { filter: { postId: { eq: $p }, slot: { eq: B } } }) { items { staffMember { name } validUntil } } }',
        { p: post, asOf },
      )
    ).postHolders.items;
  expect((await holders(addDays(TEST_TODAY, 29)))[0]).toMatchObject({
    staffMember: { name: holderB },
    validUntil: addDays(TEST_TODAY, 29),
  });
  expect((await holders(addDays(TEST_TODAY, 30)))[0].staffMember.name).not.toBe(holderB);
});

it('shows the duty calendar of Muslim Lane with the leave week of its intermediary window in red', async () => {
  await signIn();
  const post = await intermediaryWindowPost();
  await open(`communities/${muslimLane}/show/duty`);
  await page.getByTestId('duty-calendar').waitFor();
  await page
    .getByTestId(`duty-${post}-${addDays(TEST_TODAY, 2)}`)
    .and(page.locator('[data-gap="true"]'))
    .waitFor();
  expect(await page.getByTestId(`duty-${post}-${addDays(TEST_TODAY, 1)}`).getAttribute('data-gap')).toBeNull();
  // The B off sick today covers one post while holding another: a conflict is marked.
  expect(await page.locator('[data-conflict="true"]').count()).toBeGreaterThan(0);
  await noRawKeys();
  await screenshot(page, 'duty-calendar');
  await page.getByRole('button', { name: 'Next week' }).click();
  await page.getByText(/Week from/).waitFor();
});

it('shows the duty calendar and the coverage matrix in Chinese', async () => {
  await signIn('zh-CN');
  await open(`communities/${muslimLane}/show/duty`);
  await page.getByTestId('duty-calendar').waitFor();
  await page.getByText('缺岗').first().waitFor();
  await noRawKeys();
  await screenshot(page, 'duty-calendar-zh');
  await open('coverage');
  await page.getByTestId('coverage-matrix').waitFor();
  await noRawKeys();
  await screenshot(page, 'coverage-matrix-zh');
});

it("lists the next 14 days' gaps on the home dashboard", async () => {
  await signIn();
  await open('');
  const panel = page.getByTestId('gaps-panel');
  await panel.getByTestId('gap-row').first().waitFor();
  await panel.getByText('Nobody on duty').first().waitFor();
  await panel.getByText('Grid below two members').first().waitFor();
  // The window's week of leave is one row of 7 days.
  await panel.getByTestId('gap-row').filter({ hasText: '7 days' }).first().waitFor();
  await noRawKeys();
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, 'home-gaps');
});

it("a staff member's page lists their posts and absences; an absence is recorded for them", async () => {
  await signIn();
  const { postHolders } = await api.data<{ postHolders: { items: Array<{ staffMemberId: string }> } }>(
    `query ($p: ID!) { postHolders(options: { filter: { postId: { eq: $p }, slot: { eq: A } } }) { items { staffMemberId } } }`,
    { p: await intermediaryWindowPost() },
  );
  const person = postHolders.items[0].staffMemberId;
  await open(`staffMembers/${person}/show/assignments`);
  await page.getByTestId('staff-assignments').getByText('A (responsible)').first().waitFor();
  await noRawKeys();
  await screenshot(page, 'staff-assignments');
  await open(`staffMembers/${person}/show/absences`);
  await page.getByTestId('staff-absences').getByText('Leave').first().waitFor();
  await screenshot(page, 'staff-absences');
  await page.getByRole('link', { name: 'Record an absence' }).click();
  await page.getByLabel('Reason').click();
  await page.getByRole('option', { name: 'Training' }).click();
  await page.getByLabel('First day').fill(addDays(TEST_TODAY, 40));
  await page.getByLabel('Last day').fill(addDays(TEST_TODAY, 41));
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/#\/absences\/\d+\/show$/);
  const { absences } = await api.data<{ absences: { items: Array<{ validFrom: string }> } }>(
    `query ($s: ID!) { absences(options: { filter: { staffMemberId: { eq: $s }, includeEnded: true, reason: { eq: TRAINING } } }) { items { validFrom } } }`,
    { s: person },
  );
  expect(absences.items.map((a) => a.validFrom)).toContain(addDays(TEST_TODAY, 40));
});

/** An active member of the community's staff who serves no grid. */
async function freeStaff(communityId: string): Promise<{ id: string; name: string }> {
  const { staffMembers } = await api.data<{ staffMembers: { items: Array<{ id: string; name: string }> } }>(
    `query ($c: ID!) {
    staffMembers(options: { take: 100, filter: { homeCommunityId: { eq: $c }, active: { eq: true } } }) { items { id name } } }`,
    { c: communityId },
  );
  const { gridAssignments } = await api.data<{ gridAssignments: { items: Array<{ staffMemberId: string }> } }>(
    `query ($ids: [ID!]!) {
    gridAssignments(options: { take: 100, filter: { staffMemberId: { in: $ids }, includeEnded: true } }) { items { staffMemberId } } }`,
    { ids: staffMembers.items.map((s) => s.id) },
  );
  const busy = new Set(gridAssignments.items.map((a) => a.staffMemberId));
  return staffMembers.items.find((s) => !busy.has(s.id))!;
}

async function previewAndApply(testId: string) {
  const dialog = page.getByTestId(testId);
  expect(await dialog.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByTestId('command-preview').waitFor();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await dialog.waitFor({ state: 'detached' });
}

it("a grid's page shows its members and its gap; adding a second member through the dialog closes the gap", async () => {
  await signIn();
  const { gridStaffingGaps } = await api.data<{ gridStaffingGaps: Array<{ kind: string; gridId: string; communityId: string }> }>(
    '{ gridStaffingGaps { kind gridId communityId } }',
  );
  const { gridId, communityId } = gridStaffingGaps.find((g) => g.kind === 'GRID_UNDERSTAFFED')!;
  const person = await freeStaff(communityId);
  await open(`grids/${gridId}/show`);
  const members = page.getByTestId('grid-members');
  await page.locator('[data-testid="grid-members"][data-gap="true"]').waitFor();
  await members.getByText('Grid below two members').waitFor();
  await members.getByRole('button', { name: 'Add a grid member' }).click();
  const dialog = page.getByTestId('grid-member-dialog-assign');
  await dialog.getByLabel('Person').fill(person.name);
  await page.getByRole('option', { name: person.name }).click();
  await screenshot(page, 'grid-member-assign-dialog');
  await previewAndApply('grid-member-dialog-assign');
  await page.locator('[data-testid="grid-members"][data-gap="false"]').waitFor();
  await members.getByText('Two members: no gap').waitFor();
  await members.getByTestId(`grid-member-${person.id}`).waitFor();
  await noRawKeys();
  await screenshot(page, 'grid-members');
});

it("a staff member's page assigns them to a grid, moves them to another and ends it", async () => {
  await signIn();
  const communityId = muslimLane;
  const person = await freeStaff(communityId);
  const { grids } = await api.data<{ grids: { items: Array<{ id: string; code: string; name: string }> } }>(
    'query ($c: ID!) { grids(options: { take: 2, filter: { communityId: { eq: $c } }, sort: [{ field: code, order: ASC }] }) { items { id code name } } }',
    { c: communityId },
  );
  const [first, second] = grids.items;
  const memberships = async () =>
    (
      await api.data<{ gridAssignments: { items: Array<{ gridId: string; validFrom: string; validUntil: string | null }> } }>(
        'query ($s: ID!) { gridAssignments(options: { filter: { staffMemberId: { eq: $s }, includeEnded: true } }) { items { gridId validFrom validUntil } } }',
        { s: person.id },
      )
    ).gridAssignments.items;

  await open(`staffMembers/${person.id}/show/assignments`);
  await page.getByRole('button', { name: 'Assign to a grid' }).click();
  let dialog = page.getByTestId('grid-member-dialog-assign');
  await dialog.getByRole('combobox', { name: 'Grid' }).fill(first.code);
  await page.getByRole('option', { name: `${first.code} ${first.name}` }).click();
  await previewAndApply('grid-member-dialog-assign');
  const row = page.getByTestId(`grid-assignment-${first.id}`);
  await row.waitFor();

  await row.getByRole('button', { name: 'Move' }).click();
  dialog = page.getByTestId('grid-member-dialog-move');
  await dialog.getByLabel('From').fill(addDays(TEST_TODAY, 7));
  await dialog.getByRole('combobox', { name: 'Grid' }).fill(second.code);
  await page.getByRole('option', { name: `${second.code} ${second.name}` }).click();
  await previewAndApply('grid-member-dialog-move');
  await page.getByTestId(`grid-assignment-${second.id}`).waitFor();

  await page.getByTestId(`grid-assignment-${second.id}`).getByRole('button', { name: 'End' }).click();
  dialog = page.getByTestId('grid-member-dialog-end');
  await dialog.getByLabel('Last day').fill(addDays(TEST_TODAY, 20));
  await previewAndApply('grid-member-dialog-end');
  await noRawKeys();
  await screenshot(page, 'staff-grid-assignments');
  expect(await memberships()).toEqual(
    expect.arrayContaining([
      { gridId: first.id, validFrom: TEST_TODAY, validUntil: addDays(TEST_TODAY, 6) },
      { gridId: second.id, validFrom: addDays(TEST_TODAY, 7), validUntil: addDays(TEST_TODAY, 20) },
    ]),
  );
});

it('a new community adopts the 8-member template from its posts tab, and its posts appear', async () => {
  await signIn();
  const district = await sample.districtId(api);
  const { createCommunity } = await api.data<{ createCommunity: { id: string } }>(
    'mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }',
    {
      input: { districtId: district, code: 'C90', name: '新苑社区', nameEn: 'Xinyuan Community', validFrom: TEST_TODAY },
    },
  );
  await open(`communities/${createCommunity.id}/show/posts`);
  const adoption = page.getByTestId('template-adoption');
  await adoption.getByText('Follows no staffing template on this day').waitFor();
  await adoption.getByRole('button', { name: 'Adopt a template' }).click();
  const dialog = page.getByTestId('adopt-template-dialog');
  await dialog.getByRole('combobox', { name: 'Template' }).click();
  await page.getByRole('option', { name: '8-member system' }).click();
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByTestId('command-preview').waitFor();
  await screenshot(page, 'adopt-template-dialog');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('[data-testid="template-adopted"][data-template="MEMBERS_8"]').waitFor();
  // The coordinator's post and the eight roles', all vacant.
  const slotsA = page.locator('[data-testid^="post-"][data-testid$="-A"]');
  await slotsA.nth(8).waitFor();
  expect(await slotsA.count()).toBe(9);
  await noRawKeys();
  await screenshot(page, 'adopted-template-posts');
});

it("a post's A and B rotate from tomorrow, and the duty calendar follows: B is on duty from the swap day", async () => {
  await signIn();
  const { posts } = await api.data<{
    posts: { items: Array<{ id: string; holders: Array<{ slot: string; staffMemberId: string; staffMember: { name: string } }> }> };
  }>(
    `query ($c: ID!) { posts(options: { take: 100, filter: { communityId: { eq: $c }, kind: { eq: SPECIALIST } } }) {
    items { id holders { slot staffMemberId staffMember { name } } } } }`,
    { c: muslimLane },
  );
  const { absences } = await api.data<{ absences: { items: Array<{ staffMemberId: string; validUntil: string }> } }>(
    `query ($from: LocalDate!) { absences(asOf: $from, options: { take: 100, filter: { includeEnded: true } }) { items { staffMemberId validUntil } } }`,
    { from: TEST_TODAY },
  );
  const away = new Set(absences.items.filter((a) => a.validUntil >= TEST_TODAY).map((a) => a.staffMemberId));
  // A post whose A and B are both there all week.
  const post = posts.items.find((p) => p.holders.length === 2 && p.holders.every((h) => !away.has(h.staffMemberId)))!;
  const holder = (slot: string) => post.holders.find((h) => h.slot === slot)!.staffMember.name;
  const tomorrow = addDays(TEST_TODAY, 1);

  await open(`communities/${muslimLane}/show/posts`);
  await page.getByTestId(`post-${post.id}-rotation`).getByRole('button', { name: 'Rotate' }).click();
  const dialog = page.getByTestId('rotation-dialog-start');
  await dialog.getByLabel('Swap every (weeks)').fill('1');
  await dialog.getByLabel('First swap day').fill(tomorrow);
  await previewAndApply('rotation-dialog-start');
  await page.getByTestId(`post-${post.id}-rotation`).getByText('A and B swap every 1 week').waitFor();
  await noRawKeys();
  await screenshot(page, 'post-rotation');

  await open(`communities/${muslimLane}/show/duty`);
  await page.getByTestId('duty-calendar').waitFor();
  expect((await page.getByTestId(`duty-${post.id}-${TEST_TODAY}`).innerText()).trim()).toBe(holder('A'));
  expect((await page.getByTestId(`duty-${post.id}-${tomorrow}`).innerText()).trim()).toBe(holder('B'));
  expect((await page.getByTestId(`duty-${post.id}-${addDays(TEST_TODAY, 6)}`).innerText()).trim()).toBe(holder('B'));
});
