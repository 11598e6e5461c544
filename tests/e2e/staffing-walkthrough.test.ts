import type { Browser, Locator, Page } from 'playwright-core';
import { browserSuite, newPage, screenshot } from '../support/browser';
import { ADMIN_PASSWORD, TEST_TODAY } from '../support/global-setup';
import type { TestServer } from '../support/test-server';

/**
 * The staffing issue's "Done means", in the dashboard from start to finish:
 * an official sets up a new community (a grid, a service window, staff) and
 * adopts the 8-member template; the administrator makes an account for its
 * coordinator (only administrators manage accounts; a coordinator's account
 * names its community); the coordinator signs in,
 * fills every post's A and B, the window's and the grid's members, and sees
 * the coverage matrix and the duty calendar turn fully covered.
 */
let api: TestServer;
let browser: Browser;
let page: Page;
let errors: string[];

const suite = browserSuite();
beforeAll(() => ({ api, browser } = suite));
afterEach(async () => {
  await page.context().close();
  expect(errors).toEqual([]);
});

const CODE = 'C91';
const NAME = '新苑社区';
const GRID_CODE = 'C91-G01';
const STAFF = ['新苑甲', '新苑乙', '新苑丙', '新苑丁'];
const COORDINATOR = { username: 'xinyuan-lead', password: 'xinyuan-password-1' };
const ids = { community: '', grid: '', coordinator: '' };

const open = (route: string) => page.goto(`${api.url}/#/${route}`);
const noRawKeys = async () => expect(await page.locator('body').innerText()).not.toMatch(/\b(ra|cg|resources)\.[a-z]+\.[a-z]/);
// Each part is a whole user's session of many screens: more than the suite's 60 s default on 2 busy cores.
jest.setTimeout(180_000);

const asUser = async (username: string, password: string) => {
  ({ page, errors } = await newPage(browser, 'en-US', { url: api.url, cookie: await api.login(username, password) }));
  await allowSlowSteps();
};
/** The walkthrough is long and runs beside the whole suite on 2 cores (also on the slower embedded database): each step may wait longer than a single screen's test. */
const allowSlowSteps = async () => {
  page.setDefaultTimeout(30_000);
};
const idFromUrl = () => /\/(\d+)\/show/.exec(page.url())![1];

async function choose(scope: Page | Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
/** An autocomplete picker: type part of the name, pick the one offered. */
async function pick(scope: Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).fill(option);
  await page.getByRole('option', { name: option, exact: true }).click();
}
async function previewAndApply(dialog: Locator) {
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByTestId('command-preview').waitFor();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await dialog.waitFor({ state: 'detached' });
}
/**
 * Saves the form and waits until it is gone, not only until the address changed: on a slow
 * machine the next `open` could otherwise come before React has left the form, and the
 * same form (with the last record's values) would be reused for the next record.
 */
async function save(route: RegExp) {
  const button = page.getByRole('button', { name: 'Save' });
  await button.click();
  await page.waitForURL(route);
  await button.waitFor({ state: 'detached' });
}

it('an official creates the community, its grid, window and staff, adopts the 8-member template and gives the coordinator their post', async () => {
  await asUser('official', 'demo');
  await open('communities/create');
  await page.getByLabel('Valid from').fill(TEST_TODAY);
  await page.getByRole('combobox', { name: 'District', exact: true }).click();
  await page.getByRole('option').first().click();
  await page.getByLabel('Code *').fill(CODE);
  await page.getByLabel('Name *', { exact: true }).fill(NAME);
  await page.getByLabel('English name *').fill('Xinyuan Community');
  await save(/#\/communities\/\d+\/show$/);
  ids.community = idFromUrl();

  await open('grids/create');
  await page.getByLabel('Valid from').fill(TEST_TODAY);
  await choose(page, 'Community', NAME);
  await page.getByLabel('Code *').fill(GRID_CODE);
  await page.getByLabel('Name *', { exact: true }).fill('新苑第1网格');
  await save(/#\/grids\/\d+\/show$/);
  ids.grid = idFromUrl();

  // The new community has no service window yet: it gets one, whose post the template adoption opens.
  await open('serviceWindows/create');
  await choose(page, 'Community', NAME);
  await page.getByLabel('Name *', { exact: true }).fill('新苑综合窗口');
  await choose(page, 'Kind', 'Comprehensive');
  await save(/#\/serviceWindows\/\d+\/show$/);

  for (const name of STAFF) {
    await open('staffMembers/create');
    await page.getByLabel('Name *', { exact: true }).fill(name);
    await choose(page, 'Home community', NAME);
    await save(/#\/staffMembers\/\d+\/show$/);
    if (name === STAFF[0]) ids.coordinator = idFromUrl();
  }

  await open(`communities/${ids.community}/show/posts`);
  await page.getByTestId('template-adoption').getByRole('button', { name: 'Adopt a template' }).click();
  const adopt = page.getByTestId('adopt-template-dialog');
  await choose(adopt, 'Template', '8-member system');
  await previewAndApply(adopt);
  await page.locator('[data-testid="template-adopted"][data-template="MEMBERS_8"]').waitFor();
  // Coordinator, the window and the eight roles.
  const slotsA = page.locator('[data-testid^="post-"][data-testid$="-A"]');
  await slotsA.nth(9).waitFor();
  expect(await slotsA.count()).toBe(10);

  // Access follows assignments: holding the coordinator post is what gives the coordinator the community.
  await slotsA.first().getByRole('button', { name: 'Assign' }).click();
  const assign = page.getByTestId('holder-dialog-assign');
  await pick(assign, 'Person', STAFF[0]);
  await previewAndApply(assign);
  await slotsA.first().getByRole('link', { name: STAFF[0] }).waitFor();
  await noRawKeys();
});

it("the administrator makes the coordinator's account, linked to their staff record", async () => {
  await asUser('admin', ADMIN_PASSWORD);
  await open('accounts/create');
  await page.getByLabel('Username *').fill(COORDINATOR.username);
  await page.getByLabel('Password *').fill(COORDINATOR.password);
  await page.getByLabel('Display name *').fill(`${STAFF[0]}（${NAME}）`);
  await choose(page, 'Role', 'Community coordinator');
  // A coordinator's account names its community explicitly (the server asks for one); the post gives it too.
  await page.getByRole('combobox', { name: 'Communities' }).fill(NAME);
  await page.getByRole('option', { name: NAME, exact: true }).click();
  await page.getByRole('combobox', { name: 'Staff record' }).fill(STAFF[0]);
  await page.getByRole('option', { name: STAFF[0], exact: true }).click();
  await save(/#\/accounts$/);
  const { accounts } = await api.data<{
    accounts: { items: Array<{ role: string; staffMemberId: string | null; communityIds: string[] }> };
  }>('query ($u: String!) { accounts(options: { filter: { username: { eq: $u } } }) { items { role staffMemberId communityIds } } }', {
    u: COORDINATOR.username,
  });
  expect(accounts.items).toEqual([{ role: 'COMMUNITY_COORDINATOR', staffMemberId: ids.coordinator, communityIds: [ids.community] }]);
});

it('the coordinator signs in, fills every post, the window and the grid, and sees coverage and duty turn fully covered', async () => {
  ({ page, errors } = await newPage(browser, 'en-US'));
  await allowSlowSteps();
  await page.goto(`${api.url}/#/login`);
  await page.getByLabel('Username *').fill(COORDINATOR.username);
  await page.getByLabel('Password *').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Staffing gaps in the next 14 days').waitFor();

  await open(`communities/${ids.community}/show/posts`);
  const cellsA = page.locator('[data-testid^="post-"][data-testid$="-A"]');
  await cellsA.nth(9).waitFor();
  const posts = (await cellsA.evaluateAll((cells) => cells.map((c) => (c as HTMLElement).dataset.testid!))).map((id) => id.slice(0, -2));
  // Four people share the posts: A and B of each one are two different people.
  for (const [i, post] of posts.entries()) {
    for (const [slot, person] of [
      ['A', STAFF[i % 4]],
      ['B', STAFF[(i + 1) % 4]],
    ] as const) {
      const cell = page.getByTestId(`${post}-${slot}`);
      if (await cell.getByRole('link').count()) continue;
      await cell.getByRole('button', { name: 'Assign' }).click();
      const dialog = page.getByTestId('holder-dialog-assign');
      await pick(dialog, 'Person', person);
      await previewAndApply(dialog);
      await cell.getByRole('link', { name: person }).waitFor();
    }
  }
  expect(await page.getByTestId('community-posts').getByText('Nobody').count()).toBe(0);
  await screenshot(page, 'walkthrough-posts');

  await open(`grids/${ids.grid}/show`);
  await page.locator('[data-testid="grid-members"][data-gap="true"]').waitFor();
  for (const person of [STAFF[2], STAFF[3]]) {
    await page.getByRole('button', { name: 'Add a grid member' }).click();
    const dialog = page.getByTestId('grid-member-dialog-assign');
    await pick(dialog, 'Person', person);
    await previewAndApply(dialog);
    await page.getByTestId('grid-members').getByRole('link', { name: person }).waitFor();
  }
  await page.locator('[data-testid="grid-members"][data-gap="false"]').waitFor();

  await open('coverage');
  const row = page.locator(`[data-testid^="coverage-${CODE}-"]`);
  await row.first().waitFor();
  const statuses = await row.evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status')));
  expect(statuses.filter((s) => s === 'FILLED')).toHaveLength(8);
  expect(statuses.every((s) => s === 'FILLED' || s === 'NOT_REQUIRED')).toBe(true);
  await noRawKeys();
  await screenshot(page, 'walkthrough-coverage');

  await open(`communities/${ids.community}/show/duty`);
  await page.getByTestId('duty-calendar').waitFor();
  await page
    .getByTestId(`duty-${posts[0].slice('post-'.length)}-${TEST_TODAY}`)
    .getByText(STAFF[0])
    .waitFor();
  expect(await page.locator('[data-gap="true"], [data-conflict="true"]').count()).toBe(0);
  expect(await page.getByTestId('duty-calendar').getByText('Gap').count()).toBe(0);
  await noRawKeys();
  await screenshot(page, 'walkthrough-duty-calendar');
  const { dutyGaps } = await api.data<{ dutyGaps: Array<{ kind: string }> }>('query ($c: ID!) { dutyGaps(communityId: $c) { kind } }', {
    c: ids.community,
  });
  expect(dutyGaps).toEqual([]);
});
