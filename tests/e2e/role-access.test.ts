import type { Browser, Locator, Page } from 'playwright-core';
import { canAccess, Role, ROLE_PERMISSIONS } from '@community-grid/shared';
import { app } from '../../admin/src/i18n/app.en';
import { browserSuite, newPage, screenshot } from '../support/browser';
import { ADMIN_PASSWORD } from '../support/global-setup';
import { present } from '../support/present';
import { MUSLIM_LANE, sample } from '../support/sample';
import type { TestServer } from '../support/test-server';

/**
 * Each demo account sees the menus and buttons its role's permissions allow,
 * and none of the others. What to expect is read from the permission table
 * (`ACCESS` in shared) for the role, so the test follows the table: a
 * permission changed there moves the buttons here, and the server with them.
 */
let api: TestServer;
let browser: Browser;
let muslimLane: string;
let grid: { id: string; code: string };
let resident: { id: string; name: string };
let draftPlan: { id: string; name: string };

const suite = browserSuite();
beforeAll(async () => {
  ({ api, browser } = suite);
  muslimLane = await sample.communityId(api, MUSLIM_LANE);
  grid = await sample.firstGridOf(api, muslimLane);
  const household = await sample.firstHouseholdOf(api, grid.id);
  [resident] = await sample.residentsOf(api, household.id);
  const plans = await api.data<{ reorganizationPlans: { items: Array<{ id: string; name: string; status: string }> } }>(
    '{ reorganizationPlans { items { id name status } } }',
  );
  draftPlan = present(
    plans.reorganizationPlans.items.find((plan) => plan.status === 'DRAFT'),
    'a draft plan in the sample',
  );
});

const ACCOUNTS: Array<[Role, string, () => string]> = [
  [Role.DISTRICT_ADMIN, 'admin', () => ADMIN_PASSWORD],
  [Role.DISTRICT_OFFICIAL, 'official', () => 'demo'],
  [Role.COMMUNITY_COORDINATOR, 'coordinator', () => 'demo'],
  [Role.GRID_MEMBER, 'gridmember', () => 'demo'],
  [Role.WINDOW_STAFF, 'window', () => 'demo'],
  [Role.REPORT_BUILDER, 'reporter', () => 'demo'],
];

/** The menu's entries: the resources (by their plural names) and the pages of their own, each with the action it needs. */
const plural = (resource: keyof typeof app.resources) => app.resources[resource].name.split('||||').pop()!.trim();
const MENU: Array<[string, string, string]> = [
  ...(
    [
      'communities',
      'grids',
      'households',
      'residents',
      'staffMembers',
      'absences',
      'specialistRoles',
      'staffingTemplates',
      'serviceWindows',
      'offices',
      'districts',
      'accounts',
      'auditEvents',
      'reorganizationPlans',
    ] as const
  ).map((resource): [string, string, string] => [plural(resource), resource, 'list']),
  [app.cg.menu.service, 'affairs', 'list'],
  [app.cg.menu.structure, 'structure', 'list'],
  [app.cg.menu.coverage, 'staffing', 'coverage'],
  [app.cg.menu.tokens, 'apiTokens', 'list'],
];
/**
 * Lists with rows for every role that may open them, and what each offers at
 * most (accounts and plans are deleted one by one, on their own pages, and not exported).
 */
const LISTS: Array<{ resource: string; bulk: boolean; export: boolean }> = [
  ...['communities', 'grids', 'households', 'residents', 'staffMembers'].map((resource) => ({ resource, bulk: true, export: true })),
  { resource: 'accounts', bulk: false, export: false },
  { resource: 'reorganizationPlans', bulk: false, export: false },
];

/**
 * Present where the role may, absent where it may not. The allowed ones are
 * waited for first: the dashboard asks all its questions of one answer about
 * the account, so by then the refusals are rendered (as nothing) too.
 */
async function expectShown(checks: Array<[string, Locator, boolean]>) {
  for (const [, locator, allowed] of checks) if (allowed) await locator.first().waitFor();
  const wrong: string[] = [];
  for (const [what, locator, allowed] of checks) {
    const count = await locator.count();
    if (count > 0 !== allowed) wrong.push(`${what}: expected ${allowed ? 'shown' : 'hidden'}, ${count} shown`);
  }
  expect(wrong).toEqual([]);
}

describe.each(ACCOUNTS)('%s', (role, username, password) => {
  let page: Page;
  let errors: string[];
  const may = (resource: string, action: string) => canAccess(ROLE_PERMISSIONS[role], resource, action);

  beforeAll(async () => {
    await api.sql('DELETE FROM login_throttle');
    ({ page, errors } = await newPage(browser, 'en-US', { url: api.url, cookie: await api.login(username, password()) }));
  });
  afterAll(async () => {
    await page.context().close();
    expect(errors).toEqual([]);
  });

  it('sees the menu entries its permissions allow, and no others', async () => {
    await page.goto(`${api.url}/#/`);
    await page.getByRole('menuitem', { name: 'Dashboard' }).waitFor();
    await expectShown(
      MENU.map(([label, resource, action]) => [
        `menu ${label}`,
        page.getByRole('menuitem', { name: label, exact: true }),
        may(resource, action),
      ]),
    );
    await screenshot(page, `menu-${username}`);
  });

  it('sees create, bulk delete and export on the lists only where its permissions allow', async () => {
    for (const { resource, ...offers } of LISTS.filter((list) => may(list.resource, 'list'))) {
      await page.goto(`${api.url}/#/${resource}`);
      await page.locator('table tbody tr').first().waitFor();
      await expectShown([
        [`${resource} create`, page.getByRole('link', { name: 'Create', exact: true }), may(resource, 'create')],
        [`${resource} bulk delete`, page.getByRole('checkbox', { name: 'Select all' }), offers.bulk && may(resource, 'delete')],
        [`${resource} export`, page.getByRole('button', { name: 'Export', exact: true }), offers.export && may(resource, 'export')],
      ]);
    }
    // A list the role may not open says so instead of showing it.
    for (const { resource } of LISTS.filter((list) => !may(list.resource, 'list'))) {
      await page.goto(`${api.url}/#/${resource}`);
      await page
        .getByText('Access denied', { exact: false })
        .or(page.getByText('not authorized', { exact: false }))
        .first()
        .waitFor();
      expect(await page.locator('table tbody tr').count()).toBe(0);
    }
  });

  it("sees edit, dated commands and staffing commands on a grid's page only where its permissions allow", async () => {
    await page.goto(`${api.url}/#/grids/${grid.id}/show`);
    await page.getByText(grid.code).first().waitFor();
    await page.getByText(app.cg.grid_members.title).first().waitFor();
    const toolbar = page.getByTestId('record-actions');
    await expectShown([
      ['grid edit', toolbar.getByRole('link', { name: 'Edit', exact: true }), may('grids', 'edit')],
      ['grid change', toolbar.getByRole('button', { name: app.cg.commands.change, exact: true }), may('grids', 'change')],
      ['grid end', toolbar.getByRole('button', { name: app.cg.commands.end, exact: true }), may('grids', 'end')],
      ['grid member assign', page.getByRole('button', { name: app.cg.grid_members.add }), may('gridAssignments', 'assign')],
    ]);
  });

  it("sees edit and reveal on a resident's page only where its permissions allow", async () => {
    await page.goto(`${api.url}/#/residents/${resident.id}/show`);
    await page.getByText(resident.name).first().waitFor();
    const toolbar = page.getByTestId('record-actions');
    await expectShown([
      ['resident edit', toolbar.getByRole('link', { name: 'Edit', exact: true }), may('residents', 'edit')],
      ['resident reveal', page.getByRole('button', { name: app.cg.reveal.button }), may('residents', 'reveal')],
      ['resident change', toolbar.getByRole('button', { name: app.cg.commands.change, exact: true }), may('residents', 'change')],
    ]);
  });

  it("sees the one-stop service's worklists for the service actions it may take", async () => {
    if (!may('affairs', 'list')) {
      await page.goto(`${api.url}/#/service`);
      await page
        .getByText('Access denied', { exact: false })
        .or(page.getByText('not authorized', { exact: false }))
        .first()
        .waitFor();
      expect(await page.getByRole('tab').count()).toBe(0);
      return;
    }
    await page.goto(`${api.url}/#/service`);
    await page.getByRole('tab', { name: app.cg.service.tabs.open, exact: true }).waitFor();
    await expectShown([
      ['accept tab', page.getByRole('tab', { name: app.cg.service.tabs.accept, exact: true }), may('affairs', 'accept')],
      ['classify tab', page.getByRole('tab', { name: app.cg.service.tabs.classify, exact: true }), may('affairs', 'handle')],
      ['visits tab', page.getByRole('tab', { name: app.cg.service.tabs.visits, exact: true }), may('visits', 'create')],
    ]);
  });

  it('applies a reorganization plan only where its permissions allow', async () => {
    await page.goto(`${api.url}/#/reorganizationPlans/${draftPlan.id}/show`);
    if (!may('reorganizationPlans', 'show')) {
      await page
        .getByText('Access denied', { exact: false })
        .or(page.getByText('not authorized', { exact: false }))
        .first()
        .waitFor();
      expect(await page.getByText(draftPlan.name).count()).toBe(0);
      return;
    }
    await page.getByText(draftPlan.name).first().waitFor();
    await expectShown([
      ['plan apply', page.getByRole('button', { name: app.cg.reorg.apply, exact: true }), may('reorganizationPlans', 'apply')],
      ['plan edit', page.getByRole('link', { name: 'Edit', exact: true }), may('reorganizationPlans', 'edit')],
      ['plan delete', page.getByRole('button', { name: 'Delete', exact: true }), may('reorganizationPlans', 'delete')],
    ]);
  });
});
