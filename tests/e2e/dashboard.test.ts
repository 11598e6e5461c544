import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { browserSuite, newPage, recordMetric, screenshot } from '../support/browser';
import type { TestServer } from '../support/test-server';
import { ADMIN_PASSWORD } from '../support/global-setup';
import { GridRecord, MUSLIM_LANE, sample } from '../support/sample';

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
beforeEach(async () => { ({ page, errors } = await newPage(browser, 'en-US', { url: api.url, cookie: await api.login('admin', ADMIN_PASSWORD) })); });
afterEach(async () => {
  await page.context().close();
  expect(errors).toEqual([]);
});

const one = async <T = any>(sql: string, params?: unknown[]) => (await api.sql<T>(sql, params))[0];
const open = (route: string) => page.goto(`${api.url}/#/${route}`);

/** Picks an option of a MUI select (react-admin SelectInput) by its visible text. */
async function choose(label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

it('renders the home dashboard with the district figures and the chart', async () => {
  const started = Date.now();
  await open('');
  const residents = (await one<{ n: number }>('SELECT COUNT(*)::int AS n FROM resident')).n;
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
  await page.getByText(MUSLIM_LANE).waitFor();
  await page.getByText(`${households} households · ${residents} residents`).first().waitFor();
  await screenshot(page, 'structure-tree');

  // Muslim Lane's third grid by code: found by its name, shown with its code.
  const grid = muslimLaneGrids[2];
  await page.getByLabel('Find a community or grid').fill(grid.name);
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
  const all = (await one('SELECT COUNT(*)::int AS n FROM resident')).n;
  await page.getByText(`1-10 of ${all}`).waitFor();
  await choose('Community', '晨曦社区');
  const inCommunity = (await one(`SELECT COUNT(*)::int AS n FROM resident r JOIN household h ON h.id = r.household_id
    JOIN grid g ON g.id = h.grid_id JOIN community c ON c.id = g.community_id WHERE c.name = '晨曦社区'`)).n;
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
  const csv = fs.readFileSync((await download.path())!, 'utf8').trim().split('\n');
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
  const row = await one(`SELECT g.name, c.name AS community FROM grid g JOIN community c ON c.id = g.community_id WHERE g.code = 'E2E1'`);
  expect(row).toEqual({ name: '星桥试验网格', community: '星桥社区' });
  await screenshot(page, 'grid-show');
});

it("shows the server's validation error on its field", async () => {
  await open('grids/create');
  await choose('Community *', '清真巷社区');
  await page.getByLabel('Code *').fill(muslimLaneGrids[0].code);
  await page.getByLabel('Name *').fill('重复编码');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('is already used by another grid of the community').waitFor();
  expect((await one(`SELECT COUNT(*)::int AS n FROM grid WHERE name = '重复编码'`)).n).toBe(0);
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
  expect(await one('SELECT address, version FROM household WHERE id = $1', [edited.id])).toEqual({ address: '清真巷1号院1号楼102室（已修缮）', version: edited.version + 1 });

  await open(`households/${stale.id}`);
  await address.waitFor();
  await api.data('mutation ($id: ID!, $version: Int!) { updateHousehold(input: { id: $id, version: $version, registrationType: FLOATING }) { version } }', { id: stale.id, version: stale.version });
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
  await page.getByText('成立日期').waitFor();
  // No message key may show through untranslated.
  expect(await page.locator('body').innerText()).not.toMatch(/\b(ra|cg|resources)\.[a-z]/);
  await screenshot(page, 'communities-list-zh');
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.getByRole('menuitem', { name: 'Residents' }).waitFor();
  await page.getByText('Established on').waitFor();
});

it('shows a community with its grids, windows and staff', async () => {
  await open(`communities/${muslimLane}/show`);
  await page.getByText(MUSLIM_LANE).waitFor();
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
  const remaining = async () => (await one('SELECT COUNT(*)::int AS n FROM staff_member WHERE id = ANY($1)', [ids.map((r) => r.id)])).n;
  for (let waited = 0; waited < 15_000 && (await remaining()) > 0; waited += 250) await page.waitForTimeout(250);
  expect(await remaining()).toBe(0);
});
