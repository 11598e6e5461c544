import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * `npm test` readies its browser first (scripts/ensure-browser.js, its pretest). Where it cannot install
 * Chromium it stops at once with the one command to run, rather than letting every browser test fail.
 */
const SCRIPT = path.resolve(__dirname, '../../scripts/ensure-browser.js');

function ensureBrowser(env: Record<string, string>) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [SCRIPT], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, ms: Date.now() - started };
}

describe('readying the browser for the tests', () => {
  it('stops at once with the command to run when Chromium is missing and installing is off', () => {
    const run = ensureBrowser({ CHROMIUM_PATH: '/nonexistent/chromium', BROWSER_INSTALL: 'never' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('/nonexistent/chromium');
    expect(run.stderr).toMatch(/apt-get install -y chromium fonts-noto-cjk/);
    expect(run.stdout).not.toMatch(/installing/);
    expect(run.ms).toBeLessThan(10_000);
  });

  it('never installs anything for a Chromium named by CHROMIUM_PATH: apt-get could not put it there', () => {
    const run = ensureBrowser({ CHROMIUM_PATH: '/nonexistent/chromium', BROWSER_INSTALL: 'apt' });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(/installing/);
    expect(run.stderr).toMatch(/apt-get install -y chromium fonts-noto-cjk/);
  });

  it('passes quietly when the Chromium it is given exists', () => {
    const run = ensureBrowser({ CHROMIUM_PATH: process.execPath, BROWSER_INSTALL: 'never' });
    expect(run).toMatchObject({ status: 0, stderr: '' });
  });
});
