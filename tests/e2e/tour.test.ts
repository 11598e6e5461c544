import type { Browser } from 'playwright-core';
import { browserSuite, newPage } from '../support/browser';
import type { TestServer } from '../support/test-server';
import { ADMIN_PASSWORD } from '../support/global-setup';

/**
 * Every screen of every resource (list, show, edit, create) in both
 * languages: each renders its data, shows no untranslated message key, and
 * throws no error in the browser.
 */
let api: TestServer;
let browser: Browser;

const suite = browserSuite();
beforeAll(() => ({ api, browser } = suite));

const RESOURCES: Array<[string, string]> = [
  ['districts', 'name'], ['offices', 'name'], ['communities', 'name'], ['serviceWindows', 'name'],
  ['grids', 'name'], ['households', 'address'], ['residents', 'name'], ['staffMembers', 'name'],
];
const TABLES: Record<string, string> = {
  districts: 'district', offices: 'office', communities: 'community', serviceWindows: 'service_window',
  grids: 'grid', households: 'household', residents: 'resident', staffMembers: 'staff_member',
};

describe.each([['en-US', 'Save'], ['zh-CN', '保存']])('in %s', (locale, save) => {
  test.each(RESOURCES)('%s: list, show, edit and create', async (resource, textColumn) => {
    const { page, errors } = await newPage(browser, locale, { url: api.url, cookie: await api.login('admin', ADMIN_PASSWORD) });
    try {
      // Dated units keep their names in versions: the one shown is today's.
      const versioned = ['offices', 'communities', 'grids'].includes(resource);
      const [first] = await api.sql(versioned
        ? `SELECT e.id, v.name AS text FROM ${TABLES[resource]} e JOIN ${TABLES[resource]}_version v ON v.${TABLES[resource]}_id = e.id
            AND v.valid @> $1::date WHERE e.valid @> $1::date ORDER BY e.id LIMIT 1`
        : `SELECT id, ${textColumn === 'address' ? 'address' : 'name'} AS text FROM ${TABLES[resource]} ORDER BY id LIMIT 1`,
      versioned ? [api.clock.today()] : []);
      const noRawKeys = async () => expect(await page.locator('body').innerText()).not.toMatch(/\b(ra|cg|resources)\.[a-z]+\.[a-z]/);

      await page.goto(`${api.url}/#/${resource}`);
      await page.locator('table tbody tr').first().waitFor();
      await noRawKeys();

      await page.goto(`${api.url}/#/${resource}/${first.id}/show`);
      await page.getByText(first.text, { exact: true }).first().waitFor();
      await noRawKeys();

      await page.goto(`${api.url}/#/${resource}/${first.id}`);
      await page.getByRole('button', { name: save }).waitFor();
      await page.locator(`input[value="${first.text}"]`).first().waitFor();
      await noRawKeys();

      await page.goto(`${api.url}/#/${resource}/create`);
      await page.getByRole('button', { name: save }).waitFor();
      await noRawKeys();
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
