import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where each household is over time, kept: a row per stretch of days with the same grid and community (a household
 * version cut by its grid's versions; the community is empty, NULL, where the grid has no version), as resident_place
 * keeps residents (see the ResidentPlaces migration).
 *
 * A page of households of a community in id order walked the household versions in id order and tested each one's
 * grid on the day: at full scale (552 grids, 165,600 households) 33,625 versions read for a page of 25. Here a B-tree
 * on community (grid) and household gives the page's households in order from the index alone; the page is then read
 * through the list's own filter and the caller's reach.
 *
 * Kept by statement-level triggers with transition tables on household versions and grid versions, in the same
 * transaction, under the same grid locks as resident_place (cg_lock_grids): each statement first locks the grids it
 * touches, and placing households afresh also locks every grid they were ever in, before reading.
 */
export class HouseholdPlaces1796560000000 implements MigrationInterface {
  name = 'HouseholdPlaces1796560000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE household_place (
      household_id integer NOT NULL,
      grid_id integer NOT NULL,
      community_id integer,
      valid daterange NOT NULL)`);
    // Places the households given (all of them for NULL, after a bulk load) afresh from their versions.
    await q.query(`CREATE FUNCTION cg_place_households(households integer[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF households IS NULL THEN
          DELETE FROM household_place;
          ${place('TRUE')}
        ELSIF cardinality(households) > 0 THEN
          PERFORM cg_lock_grids(ARRAY(
            SELECT grid_id FROM household_place WHERE household_id = ANY (households)
            UNION SELECT grid_id FROM household_version WHERE household_id = ANY (households)));
          DELETE FROM household_place WHERE household_id = ANY (households);
          ${place('h.household_id = ANY (households)')}
        END IF;
      END $$`);
    // Household versions: the households whose grid or days changed.
    await q.query(
      placing('cg_household_versions_housed', 'id, household_id, grid_id, valid', (rows) => `SELECT household_id FROM ${rows} c`),
    );
    // Grid versions: every household ever in the grids whose community or days changed.
    await q.query(
      placing(
        'cg_grid_versions_housed',
        'id, grid_id, community_id, valid',
        (rows) => `SELECT household_id FROM household_version WHERE grid_id IN (SELECT grid_id FROM ${rows} c)`,
      ),
    );
    for (const [table, fn] of [
      ['household_version', 'cg_household_versions_housed'],
      ['grid_version', 'cg_grid_versions_housed'],
    ]) {
      await q.query(`CREATE TRIGGER ${table}_housed_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_housed_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_housed_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    await q.query('SELECT cg_place_households(NULL)');
    await q.query('CREATE INDEX household_place_household ON household_place (household_id)');
    // A community's (a grid's) households in page order: an index-only walk.
    await q.query('CREATE INDEX household_place_community_page ON household_place (community_id, household_id) INCLUDE (valid)');
    await q.query('CREATE INDEX household_place_grid_page ON household_place (grid_id, household_id) INCLUDE (valid)');
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['household_version', 'grid_version']) {
      for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_housed_${event} ON ${table}`);
    }
    await q.query('DROP FUNCTION cg_grid_versions_housed()');
    await q.query('DROP FUNCTION cg_household_versions_housed()');
    await q.query('DROP FUNCTION cg_place_households(integer[])');
    await q.query('DROP TABLE household_place');
  }
}

/**
 * A statement-level trigger function placing afresh the households a statement touched (the changed rows: the new
 * rows of an INSERT, the old of a DELETE, of an UPDATE those whose `columns` differ), after locking the grids of the
 * changed rows, as the ResidentPlaces migration's triggers do.
 */
function placing(name: string, columns: string, households: (rows: string) => string): string {
  const updated = `((SELECT ${columns} FROM old_rows EXCEPT SELECT ${columns} FROM new_rows)
    UNION ALL (SELECT ${columns} FROM new_rows EXCEPT SELECT ${columns} FROM old_rows))`;
  const place = (rows: string) => `PERFORM cg_lock_grids(ARRAY(SELECT grid_id FROM ${rows} c));
          PERFORM cg_place_households(ARRAY(SELECT DISTINCT x FROM (${households(rows)}) AS placed(x)));`;
  return `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${place('new_rows')}
        ELSIF TG_OP = 'DELETE' THEN
          ${place('old_rows')}
        ELSIF EXISTS (SELECT 1 FROM ${updated} c) THEN
          ${place(updated)}
        END IF;
        RETURN NULL;
      END $$`;
}

/** Inserts the places of the household versions `which` picks (alias h): cut by their grids' versions. */
function place(which: string): string {
  return `INSERT INTO household_place (household_id, grid_id, community_id, valid)
          SELECT h.household_id, h.grid_id, g.community_id, h.valid * g.valid
          FROM household_version h JOIN grid_version g ON g.grid_id = h.grid_id AND g.valid && h.valid WHERE ${which}
          UNION ALL
          SELECT h.household_id, h.grid_id, NULL, gap FROM household_version h
          CROSS JOIN LATERAL unnest(datemultirange(h.valid) - COALESCE(
            (SELECT range_agg(g.valid) FROM grid_version g WHERE g.grid_id = h.grid_id AND g.valid && h.valid), '{}'::datemultirange)) AS gap
          WHERE ${which};`;
}
