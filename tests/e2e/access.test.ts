import type { Browser, Page } from 'playwright-core';
import { browserSuite, newPage, screenshot } from '../support/browser';
import { ADMIN_PASSWORD } from '../support/global-setup';
import { MUSLIM_LANE, sample } from '../support/sample';
import type { TestServer } from '../support/test-server';

/** Each demo account sees its slice of the district in the dashboard, and only the buttons its role may use. */
let api: TestServer;
let browser: Browser;
let page: Page;
let errors: string[];
let muslimLane: string;

const suite = browserSuite();
beforeAll(async () => {
  ({ api, browser } = suite);
  muslimLane = await sample.communityId(api, MUSLIM_LANE);
});
beforeEach(async () => {
  await api.sql('DELETE FROM login_throttle');
  ({ page, errors } = await newPage(browser));
});
afterEach(async () => {
  await page.context().close();
  expect(errors).toEqual([]);
});

async function signIn(username: string, password: string) {
  await page.goto(`${api.url}/#/login`);
  await page.getByLabel('Username *').fill(username);
  await page.getByLabel('Password *').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

it('names the product on the sign-in page and offers English and Chinese before signing in', async () => {
  await page.goto(`${api.url}/#/login`);
  await page.getByRole('heading', { name: 'Community Grid' }).waitFor();
  await page.getByText('Neighbourhood administration of Chengdong District').waitFor();
  const languages = page.getByRole('group', { name: 'Language' });
  await languages.getByRole('button', { name: '中文' }).click();
  await page.getByRole('heading', { name: '社区网格' }).waitFor();
  await page.getByText('城东区社区网格化管理').waitFor();
  await screenshot(page, 'login-zh');
  await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Community Grid' }).waitFor();
  await page.getByLabel('Username *').waitFor();
  // The choice holds after signing in, in the dashboard too.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  await page.getByLabel('用户名 *').fill('coordinator');
  await page.getByLabel('密码 *').fill('demo');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('menuitem', { name: '组织结构' }).waitFor();
  expect(await page.getByRole('menuitem', { name: 'Structure' }).count()).toBe(0);
});

it('asks for a sign-in, says clearly when it fails, and lets a coordinator work on their community only', async () => {
  await page.goto(`${api.url}/#/residents`);
  await page.waitForURL(/#\/login/);
  await screenshot(page, 'login');
  await signIn('coordinator', 'wrong-password');
  await page.getByText('Wrong username or password').waitFor();

  await signIn('coordinator', 'demo');
  await page.getByText('Chengdong District at a glance').first().waitFor();
  await page.goto(`${api.url}/#/residents`);
  await page.getByText(`of ${await sample.residentCountIn(api, muslimLane)}`).waitFor();
  // Structure is read-only for a coordinator: no create button on grids, no accounts or audit trail at all.
  await page.goto(`${api.url}/#/grids`);
  await page.locator('table tbody tr').first().waitFor();
  expect(await page.getByRole('link', { name: 'Create' }).count()).toBe(0);
  expect(await page.getByRole('menuitem', { name: 'Accounts' }).count()).toBe(0);
  expect(await page.getByRole('menuitem', { name: 'Audit trail' }).count()).toBe(0);

  // The head of Muslim Lane's first household, with the ID number the database keeps unmasked.
  const household = await sample.firstHouseholdOf(api, (await sample.firstGridOf(api, muslimLane)).id);
  const [head] = await sample.residentsOf(api, household.id);
  const [resident] = await api.sql<{ id: string; id_number: string }>('SELECT id, id_number FROM resident WHERE id = $1', [head.id]);
  await page.goto(`${api.url}/#/residents/${resident.id}/show`);
  await page.getByText(`${resident.id_number.slice(0, 4)}**********${resident.id_number.slice(-4)}`).waitFor();
  await page.getByRole('button', { name: /Show full ID number/ }).click();
  await page.getByTestId('revealed').getByText(resident.id_number, { exact: false }).waitFor();
  await screenshot(page, 'resident-revealed');

  await page.getByRole('button', { name: 'Profile' }).click();
  await page.getByRole('menuitem', { name: 'Logout' }).click();
  await page.waitForURL(/#\/login/);
});

it('shows a report builder everything, read-only and masked', async () => {
  await signIn('reporter', 'demo');
  await page.getByText('Chengdong District at a glance').first().waitFor();
  await page.goto(`${api.url}/#/residents`);
  const [{ n }] = await api.sql('SELECT COUNT(*)::int AS n FROM resident');
  await page.getByText(`of ${n}`).waitFor();
  expect(await page.getByRole('link', { name: 'Create' }).count()).toBe(0);
  expect(await page.getByRole('checkbox', { name: 'Select all' }).count()).toBe(0);
  const text = await page.locator('table').innerText();
  // ID numbers to the city part only, and age bands instead of birth dates.
  expect(text).toMatch(/\d{4}\*{14}/);
  expect(text).not.toMatch(/\d{5}/);
  expect(text).toMatch(/\d{4}–\d{4} \(aged \d+–\d+\)/);
  expect(await page.getByRole('columnheader', { name: 'Age band' }).count()).toBe(1);
  expect(await page.getByRole('columnheader', { name: 'Birth date' }).count()).toBe(0);
  await screenshot(page, 'residents-report-builder');

  // Filtering by whole bands (the filter shows the bands), sorting by band.
  const filter = encodeURIComponent(JSON.stringify({ birthDate_gte: '1950-01-01', birthDate_lte: '1959-12-31' }));
  await page.goto(`${api.url}/#/residents?filter=${filter}&sort=birthDate&order=DESC`);
  await page.getByText('1950–1954').first().waitFor();
  await page.getByText('1955–1959').first().waitFor();
  await page
    .locator('table tbody tr')
    .first()
    .getByText(/^1955–1959 \(aged/)
    .waitFor();
  const [{ n: inBands }] = await api.sql(`SELECT COUNT(*)::int AS n FROM resident WHERE birth_date BETWEEN '1950-01-01' AND '1959-12-31'`);
  await page.getByText(`of ${inBands}`).waitFor();
  expect(await page.getByText('Born in band from').count()).toBeGreaterThan(0);
});

it("gives administrators accounts, the audit trail with each record's history, and their API tokens", async () => {
  const { page: admin, errors: adminErrors } = await newPage(browser, 'en-US', {
    url: api.url,
    cookie: await api.login('admin', ADMIN_PASSWORD),
  });
  try {
    const grid = (await sample.gridsOf(api, muslimLane))[1];
    await api.data(
      'mutation ($id: ID!, $version: Int!) { updateGrid(input: { id: $id, version: $version, name: "改过名的网格" }) { id } }',
      { id: grid.id, version: grid.version },
    );
    const change = `name: "${grid.name}" → "改过名的网格"`;
    await admin.goto(`${api.url}/#/accounts`);
    await admin.getByText('coordinator', { exact: true }).waitFor();
    await screenshot(admin, 'accounts');
    await admin.goto(`${api.url}/#/auditEvents`);
    await admin.getByText(change).waitFor();
    await screenshot(admin, 'audit-trail');
    await admin.goto(`${api.url}/#/grids/${grid.id}/show`);
    await admin.getByText('History').waitFor();
    await admin.getByText(change).waitFor();

    await admin.goto(`${api.url}/#/my-tokens`);
    await admin.getByLabel('Name').fill('weekly export');
    await admin.getByRole('button', { name: 'Make token' }).click();
    const token = await admin.getByTestId('new-token').innerText();
    expect(token).toMatch(/^cg_/);
    await admin.getByText('weekly export').waitFor();
    await screenshot(admin, 'my-api-tokens');
    const check = (await (
      await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { username } }' }),
      })
    ).json()) as { data: { me: { username: string } } };
    expect(check.data.me.username).toBe('admin');
    expect(adminErrors).toEqual([]);
  } finally {
    await admin.context().close();
  }
});
