import type { Browser, Locator, Page } from 'playwright-core';
import { addDays } from '../../server/src/core/time/validity';
import { browserSuite, newPage, screenshot } from '../support/browser';
import { TEST_TODAY } from '../support/global-setup';
import type { TestServer } from '../support/test-server';

/**
 * The reorganization issue's "Done means", in the dashboard: an official
 * builds a plan that splits a grid and merges two others (a step that cannot
 * go through is shown failing with its message, and removed), previews it,
 * applies it after a confirmation that restates the impact, browses the
 * structure before and on the plan's day (a quick pick of the as-of picker),
 * and withdraws it; a plan in effect today is reverted on a later day. Both
 * languages render the plan page.
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
// Each part is a user's session over several screens, beside the whole suite on 2 busy cores.
jest.setTimeout(180_000);

const PLAN_DAY = addDays(TEST_TODAY, 16);
const REVERT_DAY = addDays(TEST_TODAY, 7);
const state = { planUrl: '', todayPlanUrl: '' };

const asOfficial = async (locale = 'en-US') => {
  ({ page, errors } = await newPage(browser, locale, { url: api.url, cookie: await api.login('official', 'demo') }));
  page.setDefaultTimeout(30_000);
};
const open = (route: string) => page.goto(`${api.url}/#/${route}`);
/** Before a screenshot: no hover or focus left on a button (its tooltip would cover the screen). */
const settle = async () => {
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
};
/** Waits until the element shows the text (unit names are read after the steps). */
const says = (testId: string, text: string | RegExp) => page.getByTestId(testId).getByText(text).first().waitFor();
const noRawKeys = async () => expect(await page.locator('body').innerText()).not.toMatch(/\b(ra|cg|resources)\.[a-z_]+\.[a-zA-Z_]/);

/** A unit picker: type its code, pick the unit offered (by its code and name, never an id). */
async function pick(dialog: Locator, label: string, code: string) {
  await dialog.getByRole('combobox', { name: label, exact: true }).fill(code);
  await page.getByRole('option', { name: new RegExp(`^${code} `) }).click();
}
async function addStep(kind: string, fill: (dialog: Locator) => Promise<void>) {
  await page.getByRole('button', { name: 'Add a step' }).click();
  const dialog = page.getByTestId('step-dialog');
  await dialog.getByRole('combobox', { name: 'Kind of step' }).click();
  await page.getByRole('option', { name: kind, exact: true }).click();
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
}
async function createPlan(name: string, day: string) {
  await open('reorganizationPlans/create');
  await page.getByLabel('Name *').fill(name);
  await page.getByLabel('Effective on *').fill(day);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/#\/reorganizationPlans\/\d+\/show$/);
  return page.url();
}
/** The structure tree's text (every node expanded) once it shows `shown`: the tree of the day picked has loaded. */
async function treeText(shown: string) {
  await page.getByRole('tree').waitFor();
  await page.getByRole('button', { name: 'Expand all' }).click();
  await page.getByRole('tree').getByText(shown).first().waitFor();
  return page.getByRole('tree').innerText();
}

it('an official builds a plan that splits a grid and merges two others; a failing step is marked with its message', async () => {
  await asOfficial();
  await open('reorganizationPlans');
  await noRawKeys();
  state.planUrl = await createPlan('Muslim Lane: split G01, merge G03 into G02', PLAN_DAY);

  await addStep('Split a grid', async (dialog) => {
    await pick(dialog, 'Grid split', 'C01-G01');
    // The household chooser offers the grid's buildings, read from its households' addresses.
    await dialog.getByRole('combobox', { name: 'Building' }).click();
    await page.getByRole('option', { name: /^清真巷1号院2号楼 \(\d+ households\)$/ }).click();
    await dialog.getByLabel('Code').fill('C01-G91');
    await dialog.getByLabel('Name', { exact: true }).fill('清真巷第91网格');
  });
  await addStep('Merge grids', async (dialog) => {
    await pick(dialog, 'Merged into grid', 'C01-G02');
    await pick(dialog, 'Grids merged (they end)', 'C01-G03');
  });
  // A unit created by an earlier step is offered as "new: <code>".
  await addStep('Move households', async (dialog) => {
    await pick(dialog, 'From grid', 'C01-G04');
    await dialog.getByRole('radio', { name: 'Choose households' }).check();
    await dialog.getByTestId('household-chooser').getByRole('checkbox').first().check();
    await dialog.getByRole('combobox', { name: 'To grid', exact: true }).fill('new');
    await page.getByRole('option', { name: 'new: C01-G91' }).click();
  });
  // A step that cannot go through: the code is another grid's on that day.
  await addStep('Rename a unit', async (dialog) => {
    await dialog.getByRole('combobox', { name: 'Level' }).click();
    await page.getByRole('option', { name: 'grid', exact: true }).click();
    await pick(dialog, 'Unit', 'C01-G05');
    await dialog.getByLabel('Code').fill('C01-G02');
  });

  await says('step-1', 'Split grid C01-G01 (清真巷第1网格): building 清真巷1号院2号楼 → new grid C01-G91 (清真巷第91网格)');
  await says('step-2', 'Merge grid C01-G03 (清真巷第3网格) into grid C01-G02 (清真巷第2网格)');
  await says('step-3', 'Move 1 household of grid C01-G04 (清真巷第4网格) to grid new: C01-G91');
  await says('step-4', 'Rename grid C01-G05 (清真巷第5网格) to C01-G02');

  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByTestId('preview-failed').waitFor();
  expect(await page.getByTestId('step-4').getAttribute('data-failed')).toBe('true');
  expect(await page.getByTestId('step-error-4').innerText()).toMatch(/code.*used by another grid/);
  expect(await page.getByTestId('step-1').getAttribute('data-failed')).toBeNull();
  expect(await page.getByRole('button', { name: 'Apply the plan' }).isDisabled()).toBe(true);
  await settle();
  await screenshot(page, 'reorganization-preview-failed', { fullPage: true });

  // Reorder: the move of households goes last, then the failing rename is removed.
  await page.getByTestId('step-3').getByRole('button', { name: 'Move down' }).click();
  await says('step-4', 'Move 1 household of grid C01-G04');
  await page.getByTestId('step-3').getByRole('button', { name: 'Delete' }).click();
  await page.getByTestId('step-4').waitFor({ state: 'detached' });
  await says('step-3', 'Move 1 household');
  await noRawKeys();
  await settle();
  await screenshot(page, 'reorganization-editor', { fullPage: true });

  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByTestId('preview-ok').waitFor();
  const units = await page.getByTestId('impact-units').innerText();
  expect(units).toMatch(/C01-G03 清真巷第3网格\s+\d+ → —/);
  expect(units).toMatch(/C01-G91 清真巷第91网格\s+— → \d+/);
  expect(await page.getByTestId('impact-understaffed').innerText()).toContain('C01-G91');
  expect(await page.getByTestId('impact-reach').innerText()).toMatch(/coordinator\s+C01-G91\s+C01-G03/);
  await noRawKeys();
  await settle();
  await screenshot(page, 'reorganization-preview', { fullPage: true });
});

it('applies the plan after a confirmation that restates the impact, and the structure as of its day is the planned one', async () => {
  await asOfficial();
  await page.goto(state.planUrl);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByTestId('preview-ok').waitFor();
  await page.getByRole('button', { name: 'Apply the plan' }).click();
  const confirm = page.getByTestId('confirm-dialog');
  const summary = await confirm.innerText();
  expect(summary).toContain('5 units change (1 new, 1 ended)');
  expect(summary).toContain('1 grid left with fewer than two members');
  expect(summary).toContain('accounts whose reach changes');
  // Shot once the dialog has faded in.
  await page.waitForFunction(
    () => getComputedStyle(document.querySelector('[data-testid="confirm-dialog"] .MuiDialog-paper')!).opacity === '1',
  );
  await screenshot(page, 'reorganization-confirm');
  await confirm.getByRole('button', { name: 'Apply the plan' }).click();
  await page.getByTestId('plan-applied').waitFor();
  expect(await page.getByTestId('plan-status').innerText()).toBe('Applied');
  // Its day is to come: it can be withdrawn, not edited.
  await page.getByRole('button', { name: 'Preview withdrawing' }).waitFor();
  expect(await page.getByRole('button', { name: 'Add a step' }).count()).toBe(0);

  // Today the structure is unchanged; the plan's day is offered as a quick pick and shows the planned structure.
  await open('structure');
  const today = await treeText('C01-G03');
  expect(today).toContain('C01-G03 清真巷第3网格');
  expect(today).not.toContain('C01-G91');
  await page.getByTestId('planned-day').click();
  expect(await page.getByTestId('as-of').getByLabel('As of').inputValue()).toBe(PLAN_DAY);
  const planned = await treeText('C01-G91');
  expect(planned).toContain('C01-G91 清真巷第91网格');
  expect(planned).not.toContain('C01-G03');
  await settle();
  await screenshot(page, 'reorganization-structure-planned');

  // The split grid's timeline names the grid its households went to, on the plan's day.
  await page.getByTestId('as-of').getByRole('button', { name: 'Today' }).click();
  const [grid] = await api.sql(`SELECT grid_id AS id FROM grid_version WHERE code = 'C01-G01' AND valid @> $1::date`, [TEST_TODAY]);
  await open(`grids/${grid.id}/show`);
  const timeline = page.getByTestId('unit-timeline');
  await timeline.locator('[data-kind="split"]').waitFor();
  expect(await timeline.locator('[data-kind="split"]').innerText()).toContain('Households split off to grid C01-G91');

  // A community's timeline: founded in the 2014 reform, taking over from the offices and old communities before it.
  const [community] = await api.sql(`SELECT community_id AS id FROM community_version WHERE code = 'C01' AND valid @> $1::date`, [
    TEST_TODAY,
  ]);
  await open(`communities/${community.id}/show`);
  const story = page.getByTestId('unit-timeline');
  await story.locator('[data-kind="took_over"]').first().waitFor();
  expect(await story.locator('[data-kind="created"]').innerText()).toMatch(/2014.*Community founded/s);
});

it('withdraws the plan before its day: the structure of that day is as before again', async () => {
  await asOfficial();
  await page.goto(state.planUrl);
  await page.getByRole('button', { name: 'Preview withdrawing' }).click();
  await page.getByTestId('plan-preview').waitFor();
  await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Withdraw' }).click();
  await page.getByTestId('plan-status').filter({ hasText: 'Draft' }).waitFor();

  await open('structure');
  expect(await page.getByTestId('planned-day').count()).toBe(0);
  await page.getByTestId('as-of').getByLabel('As of').fill(PLAN_DAY);
  const after = await treeText('C01-G03');
  expect(after).toContain('C01-G03 清真巷第3网格');
  expect(after).not.toContain('C01-G91');
});

it('a plan in effect today is reverted on a later day, previewed the same way', async () => {
  await asOfficial();
  state.todayPlanUrl = await createPlan('Chenxi: C02-G06 to Hepan', TEST_TODAY);
  await addStep('Move a grid', async (dialog) => {
    await pick(dialog, 'Grid', 'C02-G06');
    await pick(dialog, 'To community', 'C03');
  });
  await says('step-1', /Move grid C02-G06 \(晨曦第6网格\) to community C03 \(.+\)/);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByTestId('preview-ok').waitFor();
  await page.getByRole('button', { name: 'Apply the plan' }).click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Apply the plan' }).click();
  await page.getByTestId('plan-applied').waitFor();

  await page.getByLabel('Revert on').fill(REVERT_DAY);
  await page.getByRole('button', { name: 'Preview the revert' }).click();
  await page.getByTestId('preview-ok').waitFor();
  expect(await page.getByTestId('impact-units').innerText()).toContain('C02-G06');
  await page.getByRole('button', { name: 'Revert', exact: true }).click();
  const confirm = page.getByTestId('confirm-dialog');
  expect(await confirm.innerText()).toContain('restored as it was before the plan');
  await confirm.getByRole('button', { name: 'Revert' }).click();
  await page.getByTestId('plan-reverted').waitFor();
  expect(await page.getByTestId('plan-status').innerText()).toBe('Reverted');

  // The grid's timeline: moved to Hepan today, back to Chenxi on the revert day.
  const [grid] = await api.sql(`SELECT grid_id AS id FROM grid_version WHERE code = 'C02-G06' AND valid @> $1::date`, [TEST_TODAY]);
  await open(`grids/${grid.id}/show`);
  const moves = page.getByTestId('unit-timeline').locator('[data-kind="moved"]');
  await moves.filter({ hasText: 'C03' }).waitFor();
  const days = await moves.allInnerTexts();
  expect(days.at(-2)).toMatch(/C03 Hepan/);
  expect(days.at(-1)).toMatch(/C02 Chenxi/);
});

it('the plan page speaks Chinese', async () => {
  await asOfficial('zh-CN');
  await page.goto(state.planUrl);
  await says('step-1', '拆分网格 C01-G01（清真巷第1网格）：楼栋 清真巷1号院2号楼 → 新网格 C01-G91');
  await says('step-2', '网格 C01-G03（清真巷第3网格）并入网格 C01-G02（清真巷第2网格）');
  await page.getByRole('button', { name: '预览', exact: true }).click();
  await page.getByTestId('preview-ok').waitFor();
  expect(await page.getByTestId('impact-units').innerText()).toContain('单位变化前 → 后');
  await noRawKeys();
  await settle();
  await screenshot(page, 'reorganization-preview-zh', { fullPage: true });
});

it('only roles that plan reorganizations have the menu entry', async () => {
  await asOfficial();
  await open('');
  await page.getByText('Chengdong District at a glance').first().waitFor();
  expect(await page.getByRole('menuitem', { name: 'Reorganization' }).count()).toBe(1);
  expect(errors).toEqual([]);
  await page.context().close();

  ({ page, errors } = await newPage(browser, 'en-US', { url: api.url, cookie: await api.login('coordinator', 'demo') }));
  await open('');
  await page.getByText('Chengdong District at a glance').first().waitFor();
  await page.getByRole('menuitem', { name: 'Structure' }).waitFor();
  expect(await page.getByRole('menuitem', { name: 'Reorganization' }).count()).toBe(0);
});
