import 'reflect-metadata';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { residentIdProblem, parseResidentId } from '@community-grid/shared';
import { createDataSource } from '../../server/src/database/data-source';
import { dropDatabase, ensureDatabase, withDatabase } from '../../server/src/database/databases';
import { MUSLIM_LANE } from '../support/sample';

const run = promisify(execFile);
const scratch = (name: string) => withDatabase(process.env.TEST_DATABASE_SERVER!, `cg_${name}_${process.pid}_${Date.now()}`);

describe('migrations', () => {
  it('go down to nothing and up again to the same schema', async () => {
    const url = scratch('migrations');
    await ensureDatabase(url);
    const dataSource = createDataSource({ url, poolSize: 2 });
    await dataSource.initialize();
    try {
      const tables = async () =>
        (
          (await dataSource.query(
            `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
          )) as Array<{ table_name: string }>
        ).map((r) => r.table_name);
      await dataSource.runMigrations();
      const up = await tables();
      expect(up).toEqual([
        'absence',
        'account',
        'affair',
        'affair_event',
        'api_token',
        'audit_event',
        'calendar_day',
        'community',
        'community_predecessor_community',
        'community_predecessor_office',
        'community_version',
        'district',
        'grid',
        'grid_assignment',
        'grid_lineage',
        'grid_member_count',
        'grid_tag_count',
        'grid_version',
        'household',
        'household_place',
        'household_version',
        'known_client',
        'login_throttle',
        'office',
        'office_version',
        'post',
        'post_holder',
        'post_rotation',
        'reorganization_plan',
        'reorganization_step',
        'resident',
        'resident_place',
        'resident_version',
        'service_category',
        'service_window',
        'session',
        'specialist_role',
        'specialist_role_version',
        'staff_member',
        'staffing_template',
        'staffing_template_role',
        'template_adoption',
        'visit',
      ]);
      while ((await dataSource.query('SELECT COUNT(*)::int AS n FROM migrations'))[0].n > 0) await dataSource.undoLastMigration();
      expect(await tables()).toEqual([]);
      await dataSource.runMigrations();
      expect(await tables()).toEqual(up);
      // The entities and the migrations agree: nothing is left for a new migration to do.
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
      await dropDatabase(url);
    }
  });
});

describe('the sample district and `npm run seed -- --reset`', () => {
  const url = scratch('seed');
  const seed = (...args: string[]) =>
    run(process.execPath, [path.resolve(__dirname, '../../server/dist/seed/seed.cli.js'), ...args], {
      env: { ...process.env, DATABASE_URL: url },
    });
  const dataSource = createDataSource({ url, poolSize: 2 });

  beforeAll(async () => {
    await ensureDatabase(url);
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await dropDatabase(url);
  });

  it('loads an empty database, refuses to load twice, and --reset restores it after changes', async () => {
    expect((await seed()).stdout).toMatch(/Loaded the sample district/);
    const counts = async () =>
      (
        await dataSource.query(`SELECT
      (SELECT COUNT(*)::int FROM office) AS offices, (SELECT COUNT(*)::int FROM community) AS communities,
      (SELECT COUNT(*)::int FROM community WHERE upper_inf(valid)) AS current_communities,
      (SELECT COUNT(*)::int FROM grid) AS grids, (SELECT COUNT(*)::int FROM resident) AS residents`)
      )[0];
    const loaded = await counts();
    expect(loaded.offices).toBe(7);
    // 12 communities since the reform, and the 31 old ones before it.
    expect(loaded.current_communities).toBe(12);
    expect(loaded.communities).toBe(43);
    const muslimLane = async () =>
      dataSource.query('SELECT community_id AS id, name FROM community_version WHERE name_en = $1', [MUSLIM_LANE]);
    const [before] = await muslimLane();
    expect(before.name).toBe('清真巷社区');

    expect((await seed()).stdout).toMatch(/already has data/);
    await dataSource.query(
      `DELETE FROM resident WHERE id IN (SELECT id FROM resident r WHERE NOT EXISTS (SELECT 1 FROM affair a WHERE a.resident_id = r.id) ORDER BY id DESC LIMIT 5)`,
    );
    await dataSource.query(`UPDATE community_version SET name = '改名' WHERE community_id = $1`, [before.id]);

    await dataSource.query(
      `INSERT INTO account (username, password_hash, display_name, role) VALUES ('admin', 'x', 'Admin', 'DISTRICT_ADMIN')`,
    );
    expect((await seed('--reset')).stdout).toMatch(/Loaded the sample district/);
    expect(await counts()).toEqual(loaded);
    // Administrators survive a reset; the demo accounts are loaded afresh, once each.
    const accounts = await dataSource.query('SELECT username FROM account ORDER BY username');
    expect(accounts.map((a: { username: string }) => a.username)).toEqual([
      'admin',
      'coordinator',
      'gridmember',
      'official',
      'reporter',
      'window',
    ]);
    // The reloaded sample is the same as a first load, ids included.
    expect(await muslimLane()).toEqual([before]);
    expect((await dataSource.query(`SELECT COUNT(*)::int AS n FROM community_version WHERE name = '改名'`))[0].n).toBe(0);
  });

  it('is invented and plausible: valid ID numbers in an unassigned region code, phones no network uses, one household an address', async () => {
    const residents: Array<{ id_number: string; birth: string; gender: string; phone: string | null }> = await dataSource.query(
      `SELECT id_number, to_char(birth_date, 'YYYY-MM-DD') AS birth, gender, phone FROM resident`,
    );
    expect(residents.length).toBeGreaterThan(2000);
    for (const r of residents) {
      expect(residentIdProblem(r.id_number)).toBeNull();
      expect(r.id_number.startsWith('630199')).toBe(true);
      expect(parseResidentId(r.id_number)).toMatchObject({ birthDate: r.birth, gender: r.gender });
      if (r.phone) expect(r.phone).toMatch(/^100\d{8}$/);
    }
    const [{ repeated }] = await dataSource.query(
      'SELECT COUNT(*)::int AS repeated FROM (SELECT address FROM household GROUP BY 1 HAVING COUNT(*) > 1) a',
    );
    expect(repeated).toBe(0);
    const grids: Array<{ community_id: number; n: number }> = await dataSource.query(
      'SELECT community_id, COUNT(*)::int AS n FROM grid_version WHERE upper_inf(valid) GROUP BY 1',
    );
    expect(grids).toHaveLength(12);
    expect(grids.length).toBeGreaterThan(0);
    expect(grids.every((g) => g.n >= 4 && g.n <= 8)).toBe(true);
  });
});
