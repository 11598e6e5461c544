import path from 'node:path';

/**
 * Every setting the server reads, validated once at start. Defaults run out of
 * the box: no DATABASE_URL means an embedded PostgreSQL under DATA_DIR.
 */
export interface Config {
  port: number;
  /** When unset, an embedded PostgreSQL is started. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPostgresPort: number;
  databasePoolSize: number;
  /** How long a request waits for a free database connection before SERVICE_UNAVAILABLE. */
  databaseAcquireTimeoutMs: number;
  /** PostgreSQL's statement_timeout for the API's statements; report builders get `reportStatementTimeoutMs`. */
  statementTimeoutMs: number;
  reportStatementTimeoutMs: number;
  /** PostgreSQL's idle_in_transaction_session_timeout: a transaction left open this long is ended. */
  idleInTransactionTimeoutMs: number;
  /** development exposes stack traces in errors; anything else hides them. */
  isDevelopment: boolean;
  /** production hides schema hints in errors and the per-request statement count. */
  isProduction: boolean;
  /** Load the sample district into an empty database on start. */
  loadSampleOnEmpty: boolean;
  /** Password of the first `admin` account; generated and printed once when unset. */
  adminPassword: string | undefined;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Express's trust proxy setting, so the client address behind a load balancer is the real one. */
  trustProxy: string | undefined;
  /** Run the one-stop service's scheduled work (escalations, reminders) in this instance. */
  serviceJobs: boolean;
  /** A top-level list's `totalItems` counts at most this many rows (more answers `totalItemsIsExact: false`). */
  listCountCap: number;
}

const repoRoot = path.resolve(__dirname, '..', '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(repoRoot, env.DATA_DIR || '.data'),
    embeddedPostgresPort: integer(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    databaseAcquireTimeoutMs: integer(env, 'DATABASE_ACQUIRE_TIMEOUT_SECONDS', 5, 1, 600) * 1000,
    statementTimeoutMs: integer(env, 'STATEMENT_TIMEOUT_SECONDS', 10, 1, 3600) * 1000,
    reportStatementTimeoutMs: integer(env, 'REPORT_STATEMENT_TIMEOUT_SECONDS', 60, 1, 3600) * 1000,
    idleInTransactionTimeoutMs: integer(env, 'IDLE_IN_TRANSACTION_TIMEOUT_SECONDS', 30, 1, 3600) * 1000,
    isDevelopment: env.NODE_ENV === 'development',
    isProduction: env.NODE_ENV === 'production',
    loadSampleOnEmpty: (env.SAMPLE_DATA ?? 'true') !== 'false',
    adminPassword: env.ADMIN_PASSWORD || undefined,
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 120, 1, 24 * 60),
    sessionMaxHours: integer(env, 'SESSION_MAX_HOURS', 12, 1, 24 * 30),
    trustProxy: env.TRUST_PROXY || undefined,
    serviceJobs: (env.SERVICE_JOBS ?? 'true') !== 'false',
    listCountCap: integer(env, 'LIST_COUNT_CAP', 10_000, 100, 10_000_000),
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}
