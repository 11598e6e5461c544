import { Client } from 'pg';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Time limits: statements stop at the statement timeout (longer for report
 * builders), transactions left open end, a request waits for a connection a
 * bounded time, statements stop when their client goes away, and health and
 * readiness answer while the pool is saturated. Slow statements are made by
 * holding a lock from a connection of the test's own; times are printed, not
 * asserted.
 */
type Server = TestServer & { databaseUrl: string };
let api: Server;
beforeAll(async () => {
  api = await startTestServer({
    poolSize: 3,
    acquireTimeoutMs: 2_000,
    statementTimeoutMs: 1_500,
    reportStatementTimeoutMs: 30_000,
    idleInTransactionTimeoutMs: 1_000,
  });
});
afterAll(() => api.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A connection outside the app's pool that holds `lock` until released. */
async function holdLock(server: Server, lock: string): Promise<{ release(): Promise<void> }> {
  const client = new Client({ connectionString: server.databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query(lock);
  return {
    async release() {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

async function waitFor<T>(what: () => Promise<T | undefined | null | false>, limitMs = 20_000): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const value = await what();
    if (value) return value;
    if (Date.now() > until) throw new Error('gave up waiting');
    await sleep(50);
  }
}

describe('statement timeout', () => {
  it('stops a statement that runs too long with TIMEOUT, and the write changes nothing', async () => {
    const official = await api.as('official');
    const lock = await holdLock(api, 'LOCK TABLE resident IN ACCESS EXCLUSIVE MODE');
    try {
      const started = Date.now();
      const read = await official.gql('{ residents(options: { take: 1 }) { totalItems } }');
      expect(read.errors![0].extensions.code).toBe('TIMEOUT');
      console.log(`read stopped after ${Date.now() - started} ms (statement timeout 1500 ms)`);
    } finally {
      await lock.release();
    }
    const row = await holdLock(api, 'SELECT * FROM community WHERE id = 1 FOR UPDATE');
    try {
      const [{ version }] = await api.sql('SELECT version FROM community WHERE id = 1');
      const write = await official.gql(`mutation { updateCommunity(input: { id: "1", version: ${version}, address: "改了" }) { id } }`);
      expect(write.errors![0].extensions.code).toBe('TIMEOUT');
    } finally {
      await row.release();
    }
    expect((await api.sql('SELECT address FROM community WHERE id = 1'))[0].address).not.toBe('改了');
  });

  it("report builders get a longer one: still waiting when another role's request has timed out", async () => {
    const [reporter, official] = [await api.as('reporter'), await api.as('official')];
    const lock = await holdLock(api, 'LOCK TABLE resident IN ACCESS EXCLUSIVE MODE');
    let reportDone = false;
    const report = reporter.gql<{ residents: { totalItems: number } }>('{ residents(options: { take: 1 }) { totalItems } }').finally(() => {
      reportDone = true;
    });
    try {
      expect((await official.gql('{ residents(options: { take: 1 }) { totalItems } }')).errors![0].extensions.code).toBe('TIMEOUT');
      expect(reportDone).toBe(false);
    } finally {
      await lock.release();
    }
    expect((await report).data?.residents.totalItems).toBeGreaterThan(3000);
    // The report builder's setting went with its request: every pooled connection is back at the pool's timeout.
    const runners = [0, 1, 2].map(() => api.dataSource.createQueryRunner());
    try {
      for (const runner of runners) expect((await runner.query('SHOW statement_timeout'))[0].statement_timeout).toBe('1500ms');
    } finally {
      for (const runner of runners) await runner.release();
    }
  });
});

it('a transaction left idle is ended by PostgreSQL (idle_in_transaction_session_timeout)', async () => {
  const runner = api.dataSource.createQueryRunner();
  await runner.startTransaction();
  const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');
  await sleep(1_500);
  const monitor = new Client({ connectionString: api.databaseUrl });
  await monitor.connect();
  try {
    expect((await monitor.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rowCount).toBe(0);
  } finally {
    await monitor.end();
  }
  await expect(runner.query('SELECT 1')).rejects.toThrow();
  await runner.release().catch(() => undefined);
});

it('statements stop when the client goes away', async () => {
  // A patient server: without the cancel, the statement would wait for the lock for a minute.
  const patient = await startTestServer({ poolSize: 2, statementTimeoutMs: 60_000 });
  const lock = await holdLock(patient, 'LOCK TABLE resident IN ACCESS EXCLUSIVE MODE');
  try {
    const token = await patient.tokenFor('official');
    const waitingOnLock = () =>
      patient.sql(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()
      AND application_name = 'community-grid' AND wait_event_type = 'Lock' AND query ILIKE '%resident%'`);
    const controller = new AbortController();
    const request = fetch(`${patient.url}/graphql`, {
      method: 'POST',
      signal: controller.signal,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ residents(options: { take: 1 }) { totalItems } }' }),
    }).then(
      () => 'answered',
      () => 'aborted',
    );
    const [{ pid }] = await waitFor(async () => {
      const rows = await waitingOnLock();
      return rows.length ? rows : undefined;
    });
    const left = Date.now();
    controller.abort();
    expect(await request).toBe('aborted');
    // The lock is still held: only a cancel can have ended the statement.
    await waitFor(
      async () => (await patient.sql("SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'", [pid])).length === 0,
    );
    console.log(`the abandoned request's statement stopped ${Date.now() - left} ms after its client left (lock still held)`);
  } finally {
    await lock.release();
    await patient.close();
  }
});

describe('a saturated pool', () => {
  let monitor: Client;
  beforeAll(async () => {
    monitor = new Client({ connectionString: api.databaseUrl });
    await monitor.connect();
  });
  afterAll(() => monitor.end());
  const waitingOnLock = async () =>
    (
      await monitor.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()
    AND application_name = 'community-grid' AND wait_event_type = 'Lock'`)
    ).rowCount ?? 0;

  it('health and readiness answer; other users are served again within the timeouts', async () => {
    const [attacker, other] = [await api.as('official'), await api.as('coordinator')];
    const lock = await holdLock(api, 'LOCK TABLE resident IN ACCESS EXCLUSIVE MODE');
    try {
      const started = Date.now();
      // Twice as many slow requests as the pool has connections.
      const attacks = Array.from({ length: 6 }, () => attacker.gql('{ residents(options: { take: 1 }) { totalItems } }'));
      await waitFor(async () => (await waitingOnLock()) >= 3, 5_000);
      const saturatedAt = Date.now() - started;

      let at = Date.now();
      expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
      const healthMs = Date.now() - at;
      at = Date.now();
      const ready = await fetch(`${api.url}/readyz`);
      const readyMs = Date.now() - at;
      expect(ready.status).toBe(200);

      const answers: string[] = [];
      for (;;) {
        const result = await other.gql('{ communities { totalItems } }');
        answers.push(result.errors ? result.errors[0].extensions.code : 'served');
        if (!result.errors) break;
      }
      const servedMs = Date.now() - started;
      const attackCodes = (await Promise.all(attacks)).map((r) => r.errors?.[0].extensions.code ?? 'served');
      expect(answers.slice(-1)).toEqual(['served']);
      for (const code of [...answers.slice(0, -1), ...attackCodes]) expect(['TIMEOUT', 'SERVICE_UNAVAILABLE']).toContain(code);
      console.log(
        [
          `pool of 3 saturated by 6 slow requests after ${saturatedAt} ms (statement timeout 1.5 s, acquire timeout 2 s)`,
          `  /healthz answered in ${healthMs} ms, /readyz in ${readyMs} ms (ready) while saturated`,
          `  another user: ${answers.join(' → ')}, served ${servedMs} ms after the attack began`,
          `  the slow requests: ${attackCodes.join(', ')}`,
        ].join('\n'),
      );
    } finally {
      await lock.release();
    }
  });

  it('twelve concurrent 900 KB searches are refused at once, and others are served meanwhile', async () => {
    const [attacker, other] = [await api.as('reporter'), await api.as('coordinator')];
    const started = Date.now();
    const attacks = Array.from({ length: 12 }, () =>
      attacker.gql('query ($s: String!) { residents(options: { filter: { search: $s } }) { totalItems } }', { s: '马'.repeat(300_000) }),
    );
    const otherStarted = Date.now();
    const served = await other.gql<{ communities: { totalItems: number } }>('{ communities { totalItems } }');
    const otherMs = Date.now() - otherStarted;
    const codes = (await Promise.all(attacks)).map((r) => r.errors?.[0].extensions.code);
    expect(codes).toEqual(Array(12).fill('BAD_USER_INPUT'));
    expect(served.data?.communities.totalItems).toBeGreaterThan(0);
    console.log(
      `12 concurrent 900 KB searches all refused within ${Date.now() - started} ms; another user's query took ${otherMs} ms meanwhile`,
    );
  });
});
