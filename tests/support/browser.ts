import fs from 'node:fs';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { startTestServer, TestServer } from './test-server';

/** Screenshots and figures from browser tests; CI prints where they are. */
export const OUTPUT_DIR = path.resolve(__dirname, '..', 'output');
export const SCREENSHOT_DIR = path.join(OUTPUT_DIR, 'screenshots');

/** Debian's Chromium, headless, with the flags this machine needs as root and without a network. */
export function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  // `npm test` readies Chromium first (scripts/ensure-browser.js); a bare `jest` run says what to do instead.
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}: run \`node scripts/ensure-browser.js\` (or apt-get install -y chromium fonts-noto-cjk)`,
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh page; `errors` collects uncaught errors of the app, which a test should find empty. */
export async function newPage(
  browser: Browser,
  locale = 'en-US',
  session?: { url: string; cookie: string },
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  if (session) {
    // Signed in through the API's login; the browser carries the session cookie as if it had signed in itself.
    const [name, value] = session.cookie.split('=');
    await context.addCookies([{ name, value, url: session.url }]);
  }
  const page = await context.newPage();
  // CPU_THROTTLE=4 runs the page as on a machine 4× slower: how to reproduce the timing races of a busy CI machine.
  if (process.env.CPU_THROTTLE) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.CPU_THROTTLE) });
  }
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  // Whatever the Content-Security-Policy blocks is an error too: every browser test checks the policy fits the dashboard.
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  return { page, errors };
}

/** A screenshot of the window, or with `fullPage` of the whole page (long screens such as a plan's preview). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  return file;
}

/** Adds figures to tests/output/metrics.json (time to first render and the like). */
export function recordMetric(name: string, value: number | string): void {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, 'metrics.json');
  const metrics = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  metrics[name] = value;
  fs.writeFileSync(file, `${JSON.stringify(metrics, null, 2)}\n`);
}

/**
 * The hooks of a browser test file: one server over a database of its own and
 * one Chromium, both ready in beforeAll and stopped in afterAll.
 */
export function browserSuite(): { api: TestServer; browser: Browser } {
  const suite = {} as { api: TestServer; browser: Browser };
  beforeAll(async () => {
    suite.api = await startTestServer();
    suite.browser = await launchBrowser();
    // The test environment (tests/support/environment.ts) shows this browser's pages when a test fails.
    (globalThis as { __browser?: Browser }).__browser = suite.browser;
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.api?.close();
  });
  return suite;
}
