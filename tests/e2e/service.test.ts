import type { Browser, Page } from 'playwright-core';
import { browserSuite, newPage, screenshot } from '../support/browser';
import { MUSLIM_LANE, sample } from '../support/sample';
import type { TestServer } from '../support/test-server';

/**
 * The one-stop service in the dashboard: an affair goes from acceptance at a
 * window to closure by the right people — the window accepts and classifies
 * it, routing hands it to the service agent on duty, who handles it from
 * "My affairs", and the window closes it with the resident's satisfaction —
 * without anyone typing an id.
 */
let api: TestServer;
let browser: Browser;
let page: Page;
let errors: string[];

const suite = browserSuite();
beforeAll(async () => {
  ({ api, browser } = suite);
});
afterEach(async () => {
  await page.context().close();
  expect(errors).toEqual([]);
});

const signIn = async (username: string, password: string, locale = 'en-US') =>
  ({ page, errors } = await newPage(browser, locale, { url: api.url, cookie: await api.login(username, password) }));
const open = (route: string) => page.goto(`${api.url}/#/${route}`);
const noRawKeys = async () => expect(await page.locator('body').innerText()).not.toMatch(/\b(ra|cg|resources)\.[a-z]+\.[a-z]|%\{/);

async function step(name: string, fill?: () => Promise<void>) {
  await page.getByTestId(`transition-${name}`).click();
  const dialog = page.getByTestId('transition-dialog');
  await dialog.waitFor();
  if (fill) await fill();
  await page.getByTestId('transition-apply').click();
  await dialog.waitFor({ state: 'detached' });
}

it('an affair goes from acceptance at a window to closure by the right people, without typing an id', async () => {
  const muslimLane = await sample.communityId(api, MUSLIM_LANE);
  // The service agent of Muslim Lane on duty today gets an account of their own (set up by the administrator).
  const { posts } = await api.data<{
    posts: {
      items: Array<{ specialistRole: { code: string }; holders: Array<{ slot: string; staffMember: { id: string; name: string } }> }>;
    };
  }>(
    `query ($c: ID!) { posts(options: { take: 100, filter: { communityId: { eq: $c }, kind: { eq: SPECIALIST } } }) {
    items { specialistRole { code } holders { slot staffMember { id name } } } } }`,
    { c: muslimLane },
  );
  const agent = posts.items.find((p) => p.specialistRole.code === 'SERVICE_AGENT')!.holders.find((h) => h.slot === 'A')!.staffMember;
  await api.data(
    `mutation ($c: ID!, $s: ID!) { createAccount(input: { username: "agent", password: "agent-password", displayName: "服务代办员（演示）",
    role: WINDOW_STAFF, communityIds: [$c], staffMemberId: $s }) { id } }`,
    { c: muslimLane, s: agent.id },
  );
  const { residents } = await api.data<{ residents: { items: Array<{ name: string; household: { address: string } }> } }>(
    `query ($c: ID!) { residents(options: { take: 1, skip: 7, filter: { communityId: { eq: $c } } }) { items { name household { address } } } }`,
    { c: muslimLane },
  );
  const resident = residents.items[0];
  const description = `申请开具居住证明 ${Date.now()}`;

  // At the window: find the resident by name, pick them, say what they need.
  await signIn('window', 'demo');
  await open('service');
  await page.getByTestId('resident-search').fill(resident.name);
  await page.getByTestId('resident-find').click();
  await page.getByTestId('resident-pick').filter({ hasText: resident.household.address }).first().click();
  await page.getByTestId('accept-window').click();
  await page.getByTestId('accept-window-option').first().click();
  await page.getByTestId('accept-category').click();
  await page.getByTestId('category-CERTIFICATES_AND_PROOFS').click();
  await page.getByTestId('accept-description').fill(description);
  await noRawKeys();
  await screenshot(page, 'service-accept');
  await page.getByTestId('accept-submit').click();
  await page.getByTestId('affair-status').filter({ hasText: 'Accepted' }).waitFor();
  // The back office confirms the category: routed on the day to the service agent's A holder.
  await step('CLASSIFY');
  await page.getByTestId('affair-status').filter({ hasText: 'Classified' }).waitFor();
  await page.getByTestId('affair-timeline').filter({ hasText: agent.name }).waitFor();
  expect(await page.getByTestId('affair-timeline').innerText()).toContain("the role's A holder");
  await noRawKeys();
  await page.context().close();
  expect(errors).toEqual([]);

  // The service agent finds it under "My affairs" and handles it.
  await signIn('agent', 'agent-password', 'zh-CN');
  await open('service');
  await page.getByTestId('service-tab-mine').click();
  await page.getByTestId('worklist-mine').getByText(description).click();
  await step('ASSIGN');
  await step('START');
  await step('RESOLVE', () => page.getByTestId('transition-note').fill('证明已开具，请居民来取'));
  await page.getByTestId('affair-status').filter({ hasText: '已办结' }).waitFor();
  await noRawKeys();
  await screenshot(page, 'service-affair-resolved-zh');
  await page.context().close();
  expect(errors).toEqual([]);

  // Back at the window: closed with the resident's satisfaction.
  await signIn('window', 'demo');
  await open('service');
  await page.getByTestId('service-tab-resolved').click();
  await page.getByTestId('worklist-resolved').getByText(description).click();
  await step('CLOSE', async () => {
    await page.getByTestId('transition-satisfaction').click();
    await page.getByTestId('satisfaction-5').click();
  });
  await page.getByTestId('affair-status').filter({ hasText: 'Closed' }).waitFor();
  await screenshot(page, 'service-affair-closed');
  const [row] = await api.sql(
    `SELECT a.status, a.satisfaction, a.assignee_id,
      ARRAY(SELECT e.actor_name || ':' || COALESCE(e.transition, e.kind) FROM affair_event e WHERE e.affair_id = a.id ORDER BY e.id) AS steps
    FROM affair a WHERE a.description = $1`,
    [description],
  );
  expect(row).toMatchObject({ status: 'CLOSED', satisfaction: 5, assignee_id: Number(agent.id) });
  expect(row.steps).toEqual([
    'window:ACCEPTED',
    'window:CLASSIFY',
    'window:ROUTED',
    'agent:ASSIGN',
    'agent:START',
    'agent:RESOLVE',
    'window:CLOSE',
  ]);
});

it('the home dashboard counts open, overdue and resolved-this-week affairs, in both languages', async () => {
  await signIn('coordinator', 'demo', 'zh-CN');
  await open('');
  await page.getByTestId('service-counts').waitFor();
  const counts = (
    await api.data<{ affairCounts: { open: number; overdue: number; resolvedThisWeek: number } }>(
      '{ affairCounts { open overdue resolvedThisWeek } }',
    )
  ).affairCounts;
  expect(Number((await page.getByTestId('service-count-overdue').innerText()).replace(/,/g, ''))).toBeGreaterThan(0);
  expect(counts.open).toBeGreaterThan(0);
  await noRawKeys();
  await screenshot(page, 'service-home-counts-zh');
});
