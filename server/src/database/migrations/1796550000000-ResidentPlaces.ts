import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where each resident lives over time, kept: a row per stretch of days with the same household, grid and
 * community (a resident version, cut by its household's versions and their grid's versions), with copies of
 * what the window searches by (the name, the last 4 characters of the ID number and of the phone).
 *
 * The window finds residents of a community (or grid) by a name or the last 4 of an ID number. Read through
 * the versions, the database has to find every resident holding the text across the district, then walk up to
 * each one's household and grid on the day: thousands of probes for a page of 10. Here a B-tree holds the
 * community (grid), the resident in page order and the copied text, so a page of a common name is the first
 * matching entries of the community's stretch of it; a GIN index on community (grid) and the name's characters
 * gives the matches of a rare name, and counts any name, without a walk; a B-tree on community, last 4 and
 * resident gives a last 4's matches in page order. At full scale (552 grids, 450,508 residents, 771,310 rows
 * here), residents of a community whose name holds 马 (969): page 21.7 → 1.2 ms, count 247.8 → 1.3 ms (4,267
 * and 101,707 buffers before); that community's last 4 "0028" (1,038): page 30.5 → 0.2 ms, count 35.0 → 0.3 ms.
 * Built in about 11 s at that scale; the triggers add nothing measurable to a household's move (the kept
 * counts' recount, about 40 ms a statement, dominates).
 *
 * Kept exact on every day, the future included: the rows carry their dates, so a move dated tomorrow shows
 * from tomorrow without a write. Statement-level triggers with transition tables (as the kept counts per grid)
 * replace the rows of the residents a statement touched, in the same transaction: changes of resident
 * versions, of household versions (their residents), of grid versions (the residents of their households)
 * and of residents' names, ID numbers and phones. Each statement first locks the grids it touches, in order,
 * under the kept counts' keys, so two writers to a grid take turns and each reads what the other committed; placing
 * residents afresh also locks every grid they were ever in, so two writers re-placing one resident take turns too.
 * Where a household's grid has no version (a gap), the community is empty (NULL) over those days.
 */
export class ResidentPlaces1796550000000 implements MigrationInterface {
  name = 'ResidentPlaces1796550000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE resident_place (
      resident_id integer NOT NULL,
      household_id integer NOT NULL,
      grid_id integer NOT NULL,
      community_id integer,
      valid daterange NOT NULL,
      name varchar(50) NOT NULL,
      id_last4 text NOT NULL,
      phone_last4 text)`);
    // Places the residents given (all of them for NULL, after a bulk load) afresh from their versions.
    await q.query(`CREATE FUNCTION cg_place_residents(residents integer[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF residents IS NULL THEN
          DELETE FROM resident_place;
          ${place('TRUE')}
        ELSIF cardinality(residents) > 0 THEN
          -- Every grid these residents were ever placed in or have a version in, so that two writers re-placing one
          -- resident always share a lock (whichever grids their own statements touched), and the second reads the
          -- first's rows once it has them: its DELETE below then removes them rather than leaving both.
          PERFORM cg_lock_grids(ARRAY(
            SELECT grid_id FROM resident_place WHERE resident_id = ANY (residents)
            UNION SELECT h.grid_id FROM resident_version r JOIN household_version h ON h.household_id = r.household_id
              WHERE r.resident_id = ANY (residents)));
          DELETE FROM resident_place WHERE resident_id = ANY (residents);
          ${place('r.resident_id = ANY (residents)')}
        END IF;
      END $$`);
    // The grids a statement touches, locked in order under the kept counts' keys.
    await q.query(`CREATE FUNCTION cg_lock_grids(grids integer[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE g integer;
      BEGIN
        FOR g IN SELECT DISTINCT x FROM unnest(grids) x WHERE x IS NOT NULL ORDER BY x LOOP
          PERFORM pg_advisory_xact_lock(20260, g);
        END LOOP;
      END $$`);
    // Resident versions: the residents of the rows whose household or days changed, in the grids they were and are in.
    await q.query(
      placing(
        'cg_resident_versions_placed',
        'id, resident_id, household_id, valid',
        (
          rows,
        ) => `SELECT h.grid_id FROM resident_version r JOIN household_version h ON h.household_id = r.household_id AND h.valid && r.valid
          WHERE r.resident_id IN (SELECT resident_id FROM ${rows} c) UNION SELECT grid_id FROM resident_place WHERE resident_id IN (SELECT resident_id FROM ${rows} c)`,
        (rows) => `SELECT resident_id FROM ${rows} c`,
      ),
    );
    // Household versions: the residents of the households whose grid or days changed.
    await q.query(
      placing(
        'cg_household_versions_placed',
        'id, household_id, grid_id, valid',
        (rows) => `SELECT grid_id FROM ${rows} c`,
        (rows) => `SELECT resident_id FROM resident_version WHERE household_id IN (SELECT household_id FROM ${rows} c)`,
      ),
    );
    // Grid versions: the residents of every household ever in the grids whose community or days changed.
    await q.query(
      placing(
        'cg_grid_versions_placed',
        'id, grid_id, community_id, valid',
        (rows) => `SELECT grid_id FROM ${rows} c`,
        (rows) => `SELECT r.resident_id FROM household_version h JOIN resident_version r ON r.household_id = h.household_id
          WHERE h.grid_id IN (SELECT grid_id FROM ${rows} c)`,
      ),
    );
    // A resident's copied columns follow the resident: the residents whose name, ID number or phone changed are placed
    // afresh, under the same locks as a move (a statement that changes none of them changes nothing here).
    await q.query(`CREATE FUNCTION cg_residents_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM cg_place_residents(ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE (n.name, n.id_number, n.phone) IS DISTINCT FROM (o.name, o.id_number, o.phone)));
        RETURN NULL;
      END $$`);
    for (const [table, fn] of [
      ['resident_version', 'cg_resident_versions_placed'],
      ['household_version', 'cg_household_versions_placed'],
      ['grid_version', 'cg_grid_versions_placed'],
    ]) {
      await q.query(`CREATE TRIGGER ${table}_placed_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_placed_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_placed_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    await q.query(`CREATE TRIGGER resident_placed_update AFTER UPDATE ON resident
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cg_residents_renamed()`);
    await q.query('SELECT cg_place_residents(NULL)');
    await q.query('CREATE INDEX resident_place_resident ON resident_place (resident_id)');
    // A community's (a grid's) residents in page order, with what a search tests: an index-only walk.
    await q.query(`CREATE INDEX resident_place_community_page ON resident_place (community_id, resident_id)
      INCLUDE (valid, name, id_last4, phone_last4)`);
    await q.query(`CREATE INDEX resident_place_grid_page ON resident_place (grid_id, resident_id)
      INCLUDE (valid, name, id_last4, phone_last4)`);
    // A name within a community (a grid): the residents holding its characters, however few, from the index alone.
    await q.query('CREATE EXTENSION IF NOT EXISTS btree_gin');
    await q.query('CREATE INDEX resident_place_community_chars ON resident_place USING gin (community_id, cg_chars(name))');
    await q.query('CREATE INDEX resident_place_grid_chars ON resident_place USING gin (grid_id, cg_chars(name))');
    // The last 4 of an ID number within a community: the matches themselves, in page order.
    await q.query('CREATE INDEX resident_place_community_id_last4 ON resident_place (community_id, id_last4, resident_id) INCLUDE (valid)');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER resident_placed_update ON resident');
    for (const table of ['resident_version', 'household_version', 'grid_version']) {
      for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_placed_${event} ON ${table}`);
    }
    await q.query('DROP FUNCTION cg_residents_renamed()');
    await q.query('DROP FUNCTION cg_grid_versions_placed()');
    await q.query('DROP FUNCTION cg_household_versions_placed()');
    await q.query('DROP FUNCTION cg_resident_versions_placed()');
    await q.query('DROP FUNCTION cg_lock_grids(integer[])');
    await q.query('DROP FUNCTION cg_place_residents(integer[])');
    await q.query('DROP TABLE resident_place');
  }
}

/**
 * A statement-level trigger function placing afresh the residents a statement touched: the changed rows are the
 * new rows of an INSERT, the old rows of a DELETE, and of an UPDATE the rows whose `columns` differ, before and
 * after. It locks their `grids` first, then reads their `residents`: after the locks, so that what another writer to
 * those grids committed meanwhile (a household moved in) is read too.
 */
function placing(name: string, columns: string, grids: (rows: string) => string, residents: (rows: string) => string): string {
  const updated = `((SELECT ${columns} FROM old_rows EXCEPT SELECT ${columns} FROM new_rows)
    UNION ALL (SELECT ${columns} FROM new_rows EXCEPT SELECT ${columns} FROM old_rows))`;
  const place = (rows: string) => `PERFORM cg_lock_grids(ARRAY(${grids(rows)}));
          PERFORM cg_place_residents(ARRAY(SELECT DISTINCT x FROM (${residents(rows)}) AS placed(x)));`;
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

/** Inserts the places of the resident versions `which` picks (alias r): cut by their households' versions and their grids'. */
function place(which: string): string {
  return `WITH lived AS (
            SELECT r.resident_id, r.household_id, h.grid_id, r.valid * h.valid AS valid
            FROM resident_version r JOIN household_version h ON h.household_id = r.household_id AND h.valid && r.valid WHERE ${which}
          ), placed AS (
            SELECT l.resident_id, l.household_id, l.grid_id, g.community_id, l.valid * g.valid AS valid
            FROM lived l JOIN grid_version g ON g.grid_id = l.grid_id AND g.valid && l.valid
            UNION ALL
            SELECT l.resident_id, l.household_id, l.grid_id, NULL, gap FROM lived l
            CROSS JOIN LATERAL unnest(datemultirange(l.valid) - COALESCE(
              (SELECT range_agg(g.valid) FROM grid_version g WHERE g.grid_id = l.grid_id AND g.valid && l.valid), '{}'::datemultirange)) AS gap
          )
          INSERT INTO resident_place (resident_id, household_id, grid_id, community_id, valid, name, id_last4, phone_last4)
          SELECT p.resident_id, p.household_id, p.grid_id, p.community_id, p.valid, e.name, right(e.id_number, 4), right(e.phone, 4)
          FROM placed p JOIN resident e ON e.id = p.resident_id;`;
}
