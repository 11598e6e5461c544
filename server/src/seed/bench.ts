import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { createDataSource } from '../database/data-source';
import { dropDatabase, ensureDatabase, withDatabase } from '../database/databases';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { buildApiSchema } from '../schema/build-schema';
import { loadSampleDistrict } from './sample-district';
import { addDays } from '../core/time/validity';
import { systemClock } from '../core/time/clock';
import { ensureAdministrator } from '../modules/auth/bootstrap';
import { authService } from '../modules/auth/auth.service';
import { findServiceTargets, serviceQueries } from './bench-service';

/**
 * `npm run bench`: loads a district at the scale MISSION.md designs for
 * (default ~550 grids, ~165,000 households, ~450,000 residents) into a scratch
 * database and prints how long typical API reads take over real HTTP.
 * Options: --grid-factor N (grids = 69 × N), --households-per-grid N, --runs N.
 */
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};

/** The records the queries read, found by what they are rather than by id. */
interface Targets { muslimLane: string; hepan: string; memberGrid: string }

async function findTargets(dataSource: DataSource): Promise<Targets> {
  const id = async (what: string, sql: string, params: unknown[] = []) => {
    const rows: Array<{ id: number }> = await dataSource.query(sql, params);
    if (rows.length !== 1) throw new Error(`Expected one ${what} in the sample, found ${rows.length}`);
    return String(rows[0].id);
  };
  const community = (nameEn: string) => id(`community "${nameEn}"`, 'SELECT community_id AS id FROM community_version WHERE name_en = $1 AND upper_inf(valid)', [nameEn]);
  return {
    muslimLane: await community('Muslim Lane Community'),
    hepan: await community('Hepan (Riverside) Community'),
    // The first (by code) of the grids the demo grid member serves.
    memberGrid: await id('grid of the gridmember account', `SELECT g.grid_id AS id FROM account a JOIN grid_version g ON g.grid_id = ANY(a.grid_ids)
      AND upper_inf(g.valid) WHERE a.username = 'gridmember' ORDER BY g.code LIMIT 1`),
  };
}

/**
 * The reads timed, for a day (`at` is empty for today, or `asOf: "…", ` for a past day). Nested lists
 * are pages of at most 100: the grid member's day reads its 300 households as three pages, the same rows as before.
 */
const queries = ({ muslimLane, hepan, memberGrid }: Targets, at: string): Array<[string, string]> => [
  ['one page of residents in a community, sorted by birth date',
    `{ residents(${at}options: { take: 100, sort: [{ field: birthDate, order: DESC }], filter: { communityId: { eq: "${hepan}" } } }) { totalItems items { id name birthDate household { address grid { name } } } } }`],
  ['residents found by free text (trigram index)',
    `{ residents(${at}options: { take: 20, filter: { search: "马晓" } }) { totalItems items { id name } } }`],
  ['elderly living alone in the district (tag index)',
    `{ residents(${at}options: { take: 100, filter: { tags: { hasAll: [ELDERLY_ALONE] } } }) { totalItems items { id name } } }`],
  ['12 communities with grid, household and resident counts',
    `{ communities(${at}) { items { name gridCount householdCount residentCount } } }`.replace('()', '')],
  ['a community\'s grids with their household and resident counts',
    `{ community(${at}id: "${muslimLane}") { grids { items { code householdCount residentCount } } } }`],
  ['one grid → households → residents (a grid member\'s day)',
    `{ grid(${at}id: "${memberGrid}") { ${[0, 100, 200].map((skip) => `p${skip}: households(options: { skip: ${skip}, take: 100 }) { items { address residents { items { name tags } } } }`).join(' ')} } }`],
  ['a page of households with head and grid',
    `{ households(${at}options: { skip: 50000, take: 100 }) { totalItems items { address headResident { name } grid { code } } } }`],
  // Staffing: every gap of the whole district over 14 days from the day read.
  ['duty gaps of the district, 14 days',
    `{ dutyGaps${at ? `(from: ${at.slice(6, -2)}, to: "${addDays(JSON.parse(at.slice(6, -2)), 13)}")` : ''} { day kind communityId postId gridId } }`],
];

async function main(): Promise<void> {
  const gridFactor = arg('grid-factor', 8);
  const householdsPerGrid = arg('households-per-grid', 300);
  const runs = arg('runs', 20);
  const config = loadConfig();

  let stopEmbedded: (() => Promise<void>) | undefined;
  let serverUrl = config.databaseUrl;
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'community-grid-bench-'));
  if (!serverUrl) {
    fs.chmodSync(tempDir, 0o755);
    const embedded = await startEmbeddedPostgres(tempDir, 54398);
    serverUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const url = withDatabase(serverUrl, `cg_bench_${process.pid}`);
  await ensureDatabase(url);
  const dataSource = createDataSource({ url, poolSize: 10 });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    let started = Date.now();
    const summary = await dataSource.transaction((em) => loadSampleDistrict(em, { gridFactor, householdsPerGrid, affairsPerHousehold: 1.5 }));
    await dataSource.query('ANALYZE');
    console.log(`Loaded ${summary.grids} grids, ${summary.households} households, ${summary.residents} residents, ${summary.staffMembers} staff, ${summary.affairs} affairs, ${summary.visits} visits in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // The benchmark reads as a district administrator, through an API token like a report script.
    await ensureAdministrator(dataSource, randomBytes(16).toString('hex'));
    const [admin] = await dataSource.query(`SELECT id FROM account WHERE username = 'admin'`);
    const { token } = await authService.issueToken(dataSource.manager, admin.id, 'bench', 1);
    const targets = await findTargets(dataSource);
    const service = serviceQueries(await findServiceTargets(dataSource), systemClock.today());
    const app = await createApp({ dataSource, schema: await buildApiSchema(), isDevelopment: false, exposeQueryStats: true });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;

    // Today, and the same reads as of a past day (after the reform, before the sample's later moves).
    for (const [label, at] of [['today', ''], ['as of 2018-06-01', 'asOf: "2018-06-01", ']]) {
      console.log(`\n${label}: ${runs} runs each, sequential, over HTTP (ms):`);
      console.log(`${'query'.padEnd(62)} ${'median'.padStart(7)} ${'p95'.padStart(7)} ${'SQL'.padStart(4)}`);
      for (const [name, query] of [...queries(targets, at), ...(at ? [] : service)]) {
        const times: number[] = [];
        let statements = 0;
        for (let i = 0; i < runs + 2; i++) {
          started = performance.now();
          const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
          const body = (await response.json()) as { errors?: unknown; extensions?: { sqlStatements: number } };
          if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
          if (i >= 2) times.push(performance.now() - started); // the first two warm caches and plans
          statements = body.extensions?.sqlStatements ?? 0;
        }
        times.sort((a, b) => a - b);
        const percentile = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
        console.log(`${name.padEnd(62)} ${percentile(0.5).padStart(7)} ${percentile(0.95).padStart(7)} ${String(statements).padStart(4)}`);
      }
    }
    await app.apollo.stop();
  } finally {
    await dataSource.destroy();
    await dropDatabase(url);
    await stopEmbedded?.();
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error('Benchmark failed:', error);
  process.exit(1);
});
