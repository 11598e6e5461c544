import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Says what holds a test worker open when Jest ends it, and how long workers take to exit.
 *
 * Jest asks each worker to end and waits for it to exit by itself; after the
 * wait it kills the worker and warns "A worker process has failed to exit
 * gracefully", without saying why. This runs in each worker (the test
 * environment loads it once per worker): 250 ms after Jest's end message,
 * if the worker is still alive, it writes what keeps its event loop busy
 * (sockets with their addresses, child processes, servers, and the timers
 * the test files and their modules set, with where they were set) to
 * tests/output/open-handles/. If Jest then has to kill it, the global
 * teardown prints the report and fails the run: a worker held open is a test
 * that leaks. (A worker that still exits by itself in time drops its report.)
 *
 * A worker with nothing left open still takes time to exit: it hands back its
 * memory. Ours end a full run holding 1.3–1.7 GB, and took up to 470 ms to
 * exit on a quiet machine, against the 500 ms Jest waits by default; hence
 * the longer wait in jest.config.js. The teardown prints the time each run.
 */
export const OPEN_HANDLES_DIR = process.env.OPEN_HANDLES_DIR ?? path.resolve(__dirname, '..', 'output', 'open-handles');

/** jest-worker's message asking a child to end (CHILD_MESSAGE_END). */
const END = 2;
const REPORT_AFTER_MS = 250;

const original = { setTimeout: globalThis.setTimeout, setInterval: globalThis.setInterval };
/** Timers set and not yet fired or cleared, with the stack that set them. */
const liveTimers = new Map<NodeJS.Timeout, string>();

function track(kind: 'setTimeout' | 'setInterval') {
  const set = original[kind] as (...args: unknown[]) => NodeJS.Timeout;
  const tracked = (callback: (...args: unknown[]) => void, ...rest: unknown[]) => {
    const stack = new Error().stack?.split('\n').slice(2, 10).join('\n') ?? '';
    const timer: NodeJS.Timeout = set(
      typeof callback === 'function' && kind === 'setTimeout'
        ? function (this: unknown, ...args: unknown[]) {
            liveTimers.delete(timer);
            callback.apply(this, args);
          }
        : callback,
      ...rest,
    );
    liveTimers.set(timer, `${kind}(${String(rest[0] ?? 0)} ms)\n${stack}`);
    return timer;
  };
  // `promisify(setTimeout)` keeps working (timers/promises' version).
  return Object.assign(tracked, { [promisify.custom]: (set as unknown as Record<symbol, unknown>)[promisify.custom] });
}

function untrack(clear: (timer?: NodeJS.Timeout | string | number) => void) {
  return (timer?: NodeJS.Timeout | string | number) => {
    if (timer && typeof timer === 'object') liveTimers.delete(timer);
    clear(timer);
  };
}

interface Described {
  constructor: { name: string };
  [key: string]: unknown;
}

function describeHandle(handle: Described): string | null {
  const own: unknown[] = [process.stdout, process.stderr, process.stdin, (process as { channel?: unknown }).channel];
  if (own.includes(handle)) return null;
  const name = handle.constructor?.name ?? typeof handle;
  if (name === 'Socket') {
    const local = handle.localPort ? `${String(handle.localAddress)}:${String(handle.localPort)}` : 'a pipe';
    const remote = handle.remotePort ? `${String(handle.remoteAddress)}:${String(handle.remotePort)}` : '';
    return `Socket ${local}${remote ? ` → ${remote}` : ''}${handle.destroyed ? ' (destroyed)' : ''}`;
  }
  if (name === 'ChildProcess') return `ChildProcess ${String(handle.pid)}: ${String(handle.spawnargs)}`;
  if (name === 'Server') {
    const address = (handle as unknown as { address(): unknown }).address();
    return `Server ${JSON.stringify(address)}`;
  }
  return name;
}

function report(): void {
  const handles = (process as unknown as { _getActiveHandles(): Described[] })._getActiveHandles();
  const lines = [
    `Worker ${process.pid} was still running ${REPORT_AFTER_MS} ms after Jest asked it to end.`,
    `Resources keeping it alive: ${process.getActiveResourcesInfo().join(', ')}`,
    ...handles.map(describeHandle).filter((line): line is string => line !== null),
    ...[...liveTimers].filter(([timer]) => timer.hasRef()).map(([, stack]) => `Timer ${stack}`),
  ];
  fs.mkdirSync(OPEN_HANDLES_DIR, { recursive: true });
  const file = path.join(OPEN_HANDLES_DIR, `held-${process.pid}.txt`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  // A worker that still exits by itself within Jest's wait was only slow: the report goes. One Jest kills never gets here.
  process.once('exit', () => fs.rmSync(file, { force: true }));
}

/** What the workers left: reports of those held open, and how long they took to exit. */
export function workerExits(): { held: string[]; summary: string | null } {
  const files = fs.existsSync(OPEN_HANDLES_DIR) ? fs.readdirSync(OPEN_HANDLES_DIR) : [];
  const read = (name: string) => fs.readFileSync(path.join(OPEN_HANDLES_DIR, name), 'utf8');
  const ended = files
    .filter((name) => name.startsWith('ended-'))
    .map((name) => JSON.parse(read(name)) as { endedAt: number; rssMB: number });
  const slowest = Date.now() - Math.min(...ended.map((worker) => worker.endedAt));
  return {
    held: files.filter((name) => name.startsWith('held-')).map(read),
    summary: ended.length
      ? `Jest's workers exited within ${slowest} ms of being asked to, handing back ${ended.map((worker) => worker.rssMB).join(' and ')} MB`
      : null,
  };
}

/** For the global teardown, once Jest has ended its workers: prints how they exited, and fails if any was held open. */
export function assertNoWorkerHeld(): void {
  const exits = workerExits();
  if (exits.summary) console.log(exits.summary);
  if (!exits.held.length) return;
  for (const report of exits.held) console.error(report);
  throw new Error(`${exits.held.length} test worker(s) were held open after the tests ended: see above, or ${OPEN_HANDLES_DIR}`);
}

/** Installs the watch once per worker process. */
export function watchWorkerExit(): void {
  const marked = globalThis as { __exitWatch?: boolean };
  // Only in jest-worker's children: a Jest run in its own process (in band) is never sent the end message.
  if (marked.__exitWatch || !process.send || !/jest-worker[\\/]build[\\/]processChild\.js$/.test(process.argv[1] ?? '')) return;
  marked.__exitWatch = true;
  globalThis.setTimeout = track('setTimeout') as unknown as typeof setTimeout;
  globalThis.setInterval = track('setInterval') as unknown as typeof setInterval;
  globalThis.clearTimeout = untrack(globalThis.clearTimeout);
  globalThis.clearInterval = untrack(globalThis.clearInterval);
  const onMessage = (message: unknown) => {
    if (!Array.isArray(message) || message[0] !== END) return;
    // A 'message' listener keeps the IPC channel, and so the worker, alive: this one goes with Jest's own.
    process.removeListener('message', onMessage);
    // When, and how much memory the worker gives back on exiting: its exit takes longer the larger it is.
    fs.mkdirSync(OPEN_HANDLES_DIR, { recursive: true });
    fs.writeFileSync(
      path.join(OPEN_HANDLES_DIR, `ended-${process.pid}.json`),
      JSON.stringify({ endedAt: Date.now(), rssMB: Math.round(process.memoryUsage().rss / 1e6) }),
    );
    original.setTimeout(report, REPORT_AFTER_MS).unref();
  };
  process.on('message', onMessage);
}
