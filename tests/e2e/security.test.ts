import type { Browser } from 'playwright-core';
import { browserSuite, newPage, screenshot } from '../support/browser';
import { ADMIN_PASSWORD } from '../support/global-setup';
import type { TestServer } from '../support/test-server';

/**
 * The security headers as Chromium applies them: the dashboard works under
 * its Content-Security-Policy (newPage counts every violation as an error),
 * refuses to be framed, and administrators revoke an account's API tokens
 * from its page.
 */
let api: TestServer;
let browser: Browser;
const suite = browserSuite();
beforeAll(() => ({ api, browser } = suite));
beforeEach(() => api.sql('DELETE FROM login_throttle'));

it('every main screen works under the Content-Security-Policy', async () => {
  const { page, errors } = await newPage(browser, 'en-US', { url: api.url, cookie: await api.login('admin', ADMIN_PASSWORD) });
  try {
    const response = await page.goto(`${api.url}/`);
    expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await page.getByText('Chengdong District at a glance').first().waitFor();
    await page.locator('.MuiChartsSurface-root, svg').first().waitFor();
    for (const [path, text] of [
      ['#/structure', 'Muslim Lane Community'],
      ['#/residents', 'of '],
      ['#/communities/1/show', '清真巷社区'],
      ['#/grids/1/show', 'G01'],
      ['#/accounts', 'coordinator'],
      ['#/my-tokens', 'Make token'],
      ['#/auditEvents', 'Audit trail'],
    ]) {
      await page.goto(`${api.url}/${path}`);
      await page.getByText(text).first().waitFor();
    }
    expect(errors).toEqual([]);
  } finally {
    await page.context().close();
  }
});

it('refuses to be framed by another page', async () => {
  const { page } = await newPage(browser);
  try {
    await page.goto('about:blank');
    await page.setContent(`<iframe src="${api.url}/" width="800" height="600"></iframe>`);
    const frame = () => page.frames().find((f) => f !== page.mainFrame());
    // Chromium replaces a frame that frame-ancestors 'none' refuses with its error page.
    for (let i = 0; i < 100 && !frame()?.url().startsWith('chrome-error:'); i++) await page.waitForTimeout(100);
    expect(frame()!.url()).toBe('chrome-error://chromewebdata/');
    expect(await frame()!.locator('#root').count()).toBe(0);
  } finally {
    await page.context().close();
  }
});

it("administrators see an account's API tokens on its page and revoke one", async () => {
  const [coordinator] = await api.sql(`SELECT id FROM account WHERE username = 'coordinator'`);
  const token = await api.tokenFor('coordinator');
  const [{ id: tokenId }] = await api.sql(`SELECT id FROM api_token WHERE account_id = $1 ORDER BY id DESC LIMIT 1`, [coordinator.id]);
  const works = async () =>
    !(
      (await (
        await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ me { id } }' }),
        })
      ).json()) as { errors?: unknown[] }
    ).errors;
  expect(await works()).toBe(true);

  const { page, errors } = await newPage(browser, 'en-US', { url: api.url, cookie: await api.login('admin', ADMIN_PASSWORD) });
  try {
    await page.goto(`${api.url}/#/accounts/${coordinator.id}`);
    const panel = page.getByTestId('account-tokens');
    await panel.getByText('API tokens of this account').waitFor();
    const row = panel.locator('tr', { hasText: token.slice(0, 10) });
    await row.waitFor();
    await screenshot(page, 'account-api-tokens');
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Revoke' }).waitFor({ state: 'detached' });
    expect(await works()).toBe(false);
    const [event] = await api.sql(`SELECT actor_name FROM audit_event WHERE entity_type = 'ApiToken' AND entity_id = $1`, [tokenId]);
    expect(event.actor_name).toBe('admin');
    expect(errors).toEqual([]);
  } finally {
    await page.context().close();
  }
});
