import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { browserSuite, newPage, recordMetric, screenshot } from '../support/browser';
import type { TestServer } from '../support/test-server';
import { ADMIN_PASSWORD, TEST_TODAY } from '../support/global-setup';
import { CHENGUANG_OFFICE, CHENXI, GridRecord, MUSLIM_LANE, sample } from '../support/sample';
import { present } from '../support/present';

/**
 * The dashboard in a real Chromium against the real server and database,
 * used as an official or coordinator would use it.
 */
let api: TestServer;
let browser: Browser;
let page: Page;
let errors: string[];
let muslimLane: string;
/** Muslim Lane's grids, sorted by code. */
let muslimLaneGrids: GridRecord[];

const suite = browserSuite();
beforeAll(async () => {
  ({ api, browser } = suite);
  muslimLane = await sample.communityId(api, MUSLIM_LANE);
  muslimLaneGrids = await sample.gridsOf(api, muslimLane);
});
beforeEach(async () => {
  ({ page, errors } = await newPage(browser, 'en-US', { url: api.url, cookie: await api.login('admin', ADMIN_PASSWORD) }));
});
afterEach(async () => {
  await page.context().close();
  expect(errors).toEqual([]);
});

const one = async <T = Record<string, unknown>>(sql: string, params?: unknown[]) => (await api.sql<T>(sql, params))[0];
const open = (route: string) => page.goto(`${api.url}/#/${route}`);
const residentTotal = async (filter = '{}') =>
  (await api.data<{ residents: { totalItems: number } }>(`{ residents(options: { take: 1, filter: ${filter} }) { totalItems } }`)).residents
    .totalItems;

/** Sets the as-of day in the picker of the page shown. */
const showAsOf = (day: string) => page.getByLabel('As of', { exact: true }).fill(day);

/** Picks an option of a MUI select (react-admin SelectInput) by its visible text. */
async function choose(label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

it('renders the home dashboard with the district figures and the chart', async () => {
  const started = Date.now();
  await open('');
  // Residents living in the district today (not those who have left).
  const residents = await residentTotal();
  await page.getByText(residents.toLocaleString('en-US'), { exact: true }).waitFor();
  recordMetric('dashboardFirstRenderMs', Date.now() - started);
  await page.getByText('Residents per community').waitFor();
  await page.locator('svg rect').first().waitFor();
  await screenshot(page, 'home-dashboard');
});

it('loads the structure tree with counts, searches it, and clicks through to a grid', async () => {
  await open('structure');
  const households = await sample.householdCountIn(api, muslimLane);
  const residents = await sample.residentCountIn(api, muslimLane);
  await page.getByText(`C01 ${MUSLIM_LANE}`).waitFor();
  await page.getByText(`${households} households · ${residents} residents`).first().waitFor();
  await screenshot(page, 'structure-tree');

  // Muslim Lane's third grid by code: found by its name, shown with its code.
  const grid = muslimLaneGrids[2];
  await page.getByLabel('Find an office, community or grid').fill(grid.name);
  await page.getByText(`${grid.code} ${grid.name}`).waitFor();
  expect(await page.getByText('Hepan (Riverside) Community').count()).toBe(0);
  await page.getByTestId(`tree-g${grid.id}`).getByLabel('Open').click();
  await page.waitForURL(new RegExp(`#/grids/${grid.id}/show$`));
  await page.getByText(grid.name).first().waitFor();
  // The boundary is drawn from its GeoJSON.
  await page.getByRole('img', { name: 'Boundary (GeoJSON)' }).locator('path').waitFor();
  await screenshot(page, 'grid-show-boundary');
});

it('lists residents, filters them by community, and pages through', async () => {
  await open('residents');
  const all = await residentTotal();
  await page.getByText(`1-10 of ${all}`).waitFor();
  await choose('Community', '晨曦社区');
  const inCommunity = await sample.residentCountIn(api, await sample.communityId(api, '晨曦社区'));
  await page.getByText(`1-10 of ${inCommunity}`).waitFor();
  await page.getByRole('button', { name: 'Go to next page' }).click();
  await page.getByText(`11-20 of ${inCommunity}`).waitFor();
  await screenshot(page, 'residents-list-filtered');
});

it('exports the filtered list as CSV with readable column names', async () => {
  await open('households');
  await choose('Community', '清真巷社区');
  const expected = await sample.householdCountIn(api, muslimLane);
  expect(expected).toBeGreaterThan(0);
  await page.getByText(`of ${expected}`).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const csv = fs
    .readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\n');
  expect(csv[0]).toBe('ID,Grid,Address,Registration,Residents');
  expect(csv).toHaveLength(expected + 1);
  expect(csv.slice(1).every((line) => /,(Registered here|Floating),\d+$/.test(line))).toBe(true);
});

it('creates a grid in a community', async () => {
  await open('grids/create');
  await choose('Community *', '星桥社区');
  await page.getByLabel('Code *').fill('E2E1');
  await page.getByLabel('Name *').fill('星桥试验网格');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/#\/grids\/\d+\/show$/);
  const { grids } = await api.data<{ grids: { items: Array<{ name: string; validUntil: string | null; community: { name: string } }> } }>(
    '{ grids(options: { filter: { code: { eq: "E2E1" } } }) { items { name validUntil community { name } } } }',
  );
  expect(grids.items).toEqual([{ name: '星桥试验网格', validUntil: null, community: { name: '星桥社区' } }]);
  await screenshot(page, 'grid-show');
});

it("shows the server's validation error on its field", async () => {
  await open('grids/create');
  await choose('Community *', '清真巷社区');
  await page.getByLabel('Code *').fill(muslimLaneGrids[0].code);
  await page.getByLabel('Name *').fill('重复编码');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText(/is used by another grid on/).waitFor();
  expect((await one(`SELECT COUNT(*)::int AS n FROM grid_version WHERE name = '重复编码'`)).n).toBe(0);
  await screenshot(page, 'grid-create-server-error');
});

it('edits a household, and explains a stale edit instead of failing', async () => {
  // The second and third households of Muslim Lane's first grid.
  const [, edited, stale] = await sample.householdsOf(api, muslimLaneGrids[0].id);
  await open(`households/${edited.id}`);
  const address = page.getByLabel('Address *');
  await address.waitFor();
  await screenshot(page, 'household-edit');
  await address.fill('清真巷1号院1号楼102室（已修缮）');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/#\/households$/);
  expect(await one('SELECT address, version FROM household WHERE id = $1', [edited.id])).toEqual({
    address: '清真巷1号院1号楼102室（已修缮）',
    version: edited.version + 1,
  });

  await open(`households/${stale.id}`);
  await address.waitFor();
  await api.data(
    'mutation ($id: ID!, $version: Int!) { updateHousehold(input: { id: $id, version: $version, registrationType: FLOATING }) { version } }',
    { id: stale.id, version: stale.version },
  );
  await address.fill('有人先改了');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Someone else saved this record after you opened it').waitFor();
  expect((await one('SELECT address FROM household WHERE id = $1', [stale.id])).address).not.toBe('有人先改了');
});

it('switches to Chinese and back', async () => {
  await open('communities');
  await page.getByRole('menuitem', { name: 'Residents' }).waitFor();
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.getByRole('menuitem', { name: '中文' }).click();
  await page.getByRole('menuitem', { name: '居民' }).waitFor();
  await page.getByText('生效日期').first().waitFor();
  // No message key may show through untranslated.
  expect(await page.locator('body').innerText()).not.toMatch(/\b(ra|cg|resources)\.[a-z]/);
  await screenshot(page, 'communities-list-zh');
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.getByRole('menuitem', { name: 'Residents' }).waitFor();
  await page.getByText('Valid from').first().waitFor();
});

it('shows a community with its grids, windows and staff', async () => {
  await open(`communities/${muslimLane}/show`);
  await page.getByText(MUSLIM_LANE).first().waitFor();
  await page.getByRole('tab', { name: 'Grids' }).click();
  await page.getByText(muslimLaneGrids.at(-1)!.name).waitFor();
  await screenshot(page, 'community-show-grids');
  await page.getByRole('tab', { name: 'Service windows' }).click();
  await page.getByText('代办服务窗口').waitFor();
});

it('deletes several records at once from a list', async () => {
  const ids = await api.sql<{ id: number }>(`INSERT INTO staff_member (name) VALUES ('待删甲'), ('待删乙') RETURNING id`);
  await open('staffMembers');
  await page.getByPlaceholder('Search').fill('待删');
  await page.getByText('1-2 of 2').waitFor();
  await page.getByRole('checkbox', { name: 'Select all' }).check();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByText('2 elements deleted').waitFor();
  await screenshot(page, 'staff-after-bulk-delete');
  // Deletion is undoable: it reaches the server once the notification's undo window closes.
  const remaining = async () =>
    (await one<{ n: number }>('SELECT COUNT(*)::int AS n FROM staff_member WHERE id = ANY($1)', [ids.map((r) => r.id)])).n;
  for (let waited = 0; waited < 15_000 && (await remaining()) > 0; waited += 250) await page.waitForTimeout(250);
  expect(await remaining()).toBe(0);
});

/** A day as the dashboard shows it in English (en-US). */
const shown = (day: string) => new Date(`${day}T00:00:00`).toLocaleDateString('en-US');

it('redraws the tree as of another day: the 7 offices and their old communities before the reform, the 12 communities after', async () => {
  await open('structure');
  await page.getByText(`C01 ${MUSLIM_LANE}`).waitFor();
  expect(await page.locator('[data-testid^="tree-o"]').count()).toBe(0);

  await showAsOf('2014-09-28');
  await page.getByText(CHENGUANG_OFFICE).waitFor();
  expect(await page.locator('[data-testid^="tree-o"]').count()).toBe(7);
  expect(await page.getByText(MUSLIM_LANE).count()).toBe(0);
  await page.getByRole('button', { name: 'Expand all' }).click();
  const oldCommunities = await api.data<{
    communities: {
      totalItems: number;
      items: Array<{ code: string; nameEn: string; grids: { items: Array<{ code: string; name: string }> } }>;
    };
  }>(
    '{ communities(asOf: "2014-09-28", options: { sort: [{ field: code }] }) { totalItems items { code nameEn grids { items { code name } } } } }',
  );
  const [firstOld] = oldCommunities.communities.items;
  await page.getByText(`${firstOld.code} ${firstOld.nameEn}`).waitFor();
  await page.getByText(`${firstOld.grids.items[0].code} ${firstOld.grids.items[0].name}`).waitFor();
  await screenshot(page, 'structure-tree-2014-09-28');

  // The day survives navigation: the communities list reads the same day.
  await page.getByRole('menuitem', { name: 'Communities' }).click();
  await page.getByText(firstOld.code, { exact: true }).waitFor();
  await page.getByText(`1-10 of ${oldCommunities.communities.totalItems}`).waitFor();
  await screenshot(page, 'communities-list-2014-09-28');

  await open('structure');
  await showAsOf('2014-09-29');
  await page.getByText(`C01 ${MUSLIM_LANE}`).waitFor();
  expect(await page.locator('[data-testid^="tree-o"]').count()).toBe(0);
  expect(await page.locator('[data-testid^="tree-c"]').count()).toBe(12);

  await page.getByRole('button', { name: 'Today' }).click();
  await page.getByText(`C01 ${MUSLIM_LANE}`).waitFor();
  expect(await page.locator('[data-testid^="tree-c"]').count()).toBe(12);
  expect(await page.getByRole('button', { name: 'Today' }).isDisabled()).toBe(true);
  // "Today" is the server's (a fixed day in tests), not the browser's clock.
  expect(await page.getByLabel('As of', { exact: true }).inputValue()).toBe(TEST_TODAY);
});

it("shows a grid's history: its old community before the reform and its new one after, with the lineage", async () => {
  const grid = muslimLaneGrids[2];
  const { grid: read } = await api.data<{
    grid: {
      validFrom: string;
      history: Array<{
        versionFrom: string;
        code: string;
        community: { id: string; code: string; name: string; validUntil: string | null };
      }>;
    };
  }>(`{ grid(id: "${grid.id}") { validFrom history { versionFrom code community { id code name validUntil } } } }`);
  const [before, after] = [read.history[0], present(read.history.at(-1), "the grid's latest version")];
  expect(before.community.id).not.toBe(after.community.id);
  await open(`grids/${grid.id}/show`);
  const versions = page.getByTestId('version-history');
  await versions.getByText(before.code, { exact: true }).waitFor();
  await versions.getByText(`${before.community.code} ${before.community.name}`).waitFor();
  await versions.getByText(`${after.community.code} ${after.community.name}`).waitFor();
  await page.getByText(`Valid from ${shown(read.validFrom)} until still valid`).waitFor();
  await screenshot(page, 'grid-history');

  // The old community ended at the reform; its page names the community that took over its territory.
  await versions.getByText(`${before.community.code} ${before.community.name}`).click();
  await page
    .getByText(`until ${shown(present(before.community.validUntil, 'the end of the old community'))}`)
    .first()
    .waitFor();
  await page
    .getByTestId('lineage')
    .getByText(new RegExp(`C01 ${MUSLIM_LANE}`))
    .waitFor();
  await page.getByText('Not valid on this day').waitFor();
  await screenshot(page, 'community-lineage');
});

it('moves a grid to another community from a date: preview first, then apply; Edit stays a correction', async () => {
  const grid = muslimLaneGrids.at(-1)!;
  const chenxi = (
    await api.data<{ community: { id: string; code: string; name: string } }>(
      `{ community(id: "${await sample.communityId(api, CHENXI)}") { id code name } }`,
    )
  ).community;
  const communityOf = async (asOf = TEST_TODAY) =>
    (await api.data<{ grid: { community: { name: string } } }>(`{ grid(id: "${grid.id}", asOf: "${asOf}") { community { name } } }`)).grid
      .community.name;
  await open(`grids/${grid.id}/show`);
  await page.getByRole('button', { name: 'Move / change from a date' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Records a change that takes effect on the effective date').waitFor();
  // The change takes effect today by default.
  expect(await dialog.getByLabel('Effective from').inputValue()).toBe(TEST_TODAY);
  await dialog.getByLabel('Community').click();
  await page.getByRole('option', { name: `${chenxi.code} ${chenxi.name}` }).click();
  expect(await dialog.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
  // The grid's households take their open affairs along: each is re-routed in Chenxi (one change each).
  const openAffairs = (
    await api.data<{ affairs: { totalItems: number } }>(
      `{ affairs(options: { filter: { gridId: { eq: "${grid.id}" }, status: { in: [ACCEPTED, CLASSIFIED, ASSIGNED, IN_PROGRESS, RETURNED, SUSPENDED] } } }) { totalItems } }`,
    )
  ).affairs.totalItems;
  const changes = 1 + openAffairs;
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.getByTestId('command-preview');
  await preview.getByText(new RegExp(`this would make ${changes} changes?\\b`)).waitFor();
  await preview.getByText(`communityId: ${grid.communityId} → ${chenxi.id}`).filter({ hasText: 'effectiveOn' }).waitFor();
  await screenshot(page, 'grid-move-preview');
  // The preview was rolled back.
  expect(await communityOf()).toBe('清真巷社区');

  await dialog.getByRole('button', { name: 'Apply' }).click();
  await page.getByText(new RegExp(`Done: ${changes} changes? recorded`)).waitFor();
  await page.getByTestId('version-history').getByText(`${chenxi.code} ${chenxi.name}`).waitFor();
  expect(await communityOf()).toBe(chenxi.name);
  const yesterday = new Date(Date.parse(`${TEST_TODAY}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  expect(await communityOf(yesterday)).toBe('清真巷社区');
  await screenshot(page, 'grid-after-move');

  await page.getByRole('link', { name: 'Edit' }).click();
  await page
    .getByTestId('correction-note')
    .getByText(/corrects the version valid from/)
    .waitFor();
});
