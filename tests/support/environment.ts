import fs from 'node:fs';
import path from 'node:path';
import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';
import type { Browser } from 'playwright-core';
import { watchWorkerExit } from './exit-watch';

// Loaded once per worker: if Jest has to kill the worker at the end, tests/output/open-handles says what held it.
watchWorkerExit();

const FAILURE_DIR = path.resolve(__dirname, '..', 'output', 'failures');

/**
 * Node's test environment, plus evidence when a browser test fails: every open
 * page's address, a screenshot and its accessibility tree (what `getByRole` sees)
 * go to tests/output/failures, and the address and tree are printed with the
 * failure, so a failure on a CI machine says what the screen showed.
 */
export default class TestEnvironmentWithEvidence extends TestEnvironment {
  async handleTestEvent(event: Circus.AsyncEvent | Circus.SyncEvent): Promise<void> {
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const browser = (this.global as { __browser?: Browser }).__browser;
    if (!browser?.isConnected()) return;
    const test = event.name === 'test_fn_failure' ? event.test.name : `${event.hook.type} hook`;
    const name = test.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
    fs.mkdirSync(FAILURE_DIR, { recursive: true });
    for (const [i, page] of browser
      .contexts()
      .flatMap((context) => context.pages())
      .entries()) {
      try {
        const file = path.join(FAILURE_DIR, `${name}-${i}`);
        await page.screenshot({ path: `${file}.png`, timeout: 5_000 });
        const tree = await page.locator('body').ariaSnapshot({ timeout: 5_000 });
        fs.writeFileSync(`${file}.txt`, `${page.url()}\n\n${tree}\n`);
        console.error(`The page when "${test}" failed (${file}.png):\n${page.url()}\n${tree.slice(0, 4_000)}`);
      } catch (error) {
        console.error(`No evidence from a page of "${test}": ${String(error)}`);
      }
    }
  }
}
