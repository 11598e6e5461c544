import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Jest's workers end a run by exiting on their own. One held open by something a test left (a server,
 * a socket, a timer) fails the run, naming what holds it and where it was made, instead of Jest's
 * anonymous "a worker process has failed to exit gracefully" (tests/support/exit-watch.ts).
 */
const JEST = path.resolve(__dirname, '../../node_modules/jest/bin/jest.js');
const CONFIG = path.resolve(__dirname, 'fixtures/worker-exit/jest.config.js');

function jest(...patterns: string[]) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-worker-exit-'));
  try {
    const run = spawnSync(process.execPath, [JEST, '--config', CONFIG, '--cacheDirectory', path.join(scratch, 'cache'), ...patterns], {
      env: { ...process.env, OPEN_HANDLES_DIR: path.join(scratch, 'open-handles') },
      encoding: 'utf8',
      timeout: 50_000,
    });
    return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

describe("Jest's workers at the end of a run", () => {
  it('fail the run when a test left one held open, saying by what and where it was made', () => {
    const run = jest('/leaves-a-server', '/cleans-up');
    expect(run.output).toMatch(/Tests: +2 passed, 2 total/);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/was still running 250 ms after Jest asked it to end/);
    expect(run.output).toMatch(/Server \{"address":"127\.0\.0\.1"/);
    expect(run.output).toMatch(/Timer setTimeout\(20000 ms\)\n +at .*leaves-a-server\.fixture\.ts:8/);
    expect(run.output).toMatch(/1 test worker\(s\) were held open after the tests ended/);
  });

  it('pass when every test closed what it opened, or left only what ends by itself in time, and say how long the workers took to exit', () => {
    const run = jest('/cleans-up', '/also-cleans-up', '/waits-a-little');
    expect(run.output).toMatch(/Tests: +3 passed, 3 total/);
    expect(run.output).not.toMatch(/held open|failed to exit gracefully/);
    expect(run.output).toMatch(/Jest's workers exited within \d+ ms of being asked to, handing back \d+ and \d+ MB/);
    expect(run.status).toBe(0);
  });
});
