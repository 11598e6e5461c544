import { MigrationInterface, QueryRunner } from 'typeorm';
import { ROW_COUNTING } from './1796520000000-MemberCounts';

/**
 * The kept counts per grid, recounted once per statement instead of once per row.
 *
 * The row triggers of MemberCounts called `cg_count_add` for every household
 * version and for every resident of it, each splitting the grid's stretches of
 * days: moving one building's households (a few hundred rows) made tens of
 * thousands of small writes, and a 50-step plan at district scale did not end
 * in five minutes. Now each statement's triggers read its transition tables,
 * find the grids whose memberships changed (a change of other columns counts
 * nothing) and recount those grids' whole series set-based from their
 * memberships: a grid holds a few hundred households and a few thousand
 * resident versions, so a recount costs milliseconds whatever the statement's size.
 * A statement locks its grids in a fixed order, so concurrent writers to a grid
 * take turns and each recount reads what the one before committed. Two
 * transactions moving households across the same two grids in opposite
 * directions can still wait on each other; PostgreSQL breaks that by failing
 * one, which the API answers as SERVICE_UNAVAILABLE (nothing kept, try again).
 */
export class SetBasedMemberCounts1796530000000 implements MigrationInterface {
  name = 'SetBasedMemberCounts1796530000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER household_version_counted ON household_version');
    await q.query('DROP TRIGGER resident_version_counted ON resident_version');
    await q.query('DROP FUNCTION cg_household_counted()');
    await q.query('DROP FUNCTION cg_resident_counted()');
    await q.query('DROP FUNCTION cg_count_add(integer, daterange, integer, integer)');

    // The same series as cg_rebuild_member_counts, for the given grids only.
    await q.query(`CREATE FUNCTION cg_recount_grids(grids integer[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE g integer;
      BEGIN
        IF grids IS NULL THEN RETURN; END IF;
        SELECT array_agg(DISTINCT x ORDER BY x) INTO grids FROM unnest(grids) x WHERE x IS NOT NULL;
        IF grids IS NULL THEN RETURN; END IF;
        FOREACH g IN ARRAY grids LOOP PERFORM pg_advisory_xact_lock(20260, g); END LOOP;
        DELETE FROM grid_member_count c WHERE c.grid_id = ANY (grids);
        WITH spans AS (
          SELECT h.grid_id, h.valid, 1 AS dh, 0 AS dr FROM household_version h WHERE h.grid_id = ANY (grids)
          UNION ALL
          SELECT h.grid_id, h.valid * r.valid, 0, 1 FROM household_version h
            JOIN resident_version r ON r.household_id = h.household_id AND r.valid && h.valid WHERE h.grid_id = ANY (grids)
        ), events AS (
          SELECT grid_id, lower(valid) AS day, dh, dr FROM spans
          UNION ALL
          SELECT grid_id, upper(valid), -dh, -dr FROM spans WHERE NOT upper_inf(valid)
        ), per_day AS (
          SELECT grid_id, day, SUM(dh) AS dh, SUM(dr) AS dr FROM events GROUP BY grid_id, day
        ), running AS (
          SELECT grid_id, day, LEAD(day) OVER w AS next_day, SUM(dh) OVER w AS households, SUM(dr) OVER w AS residents
          FROM per_day WINDOW w AS (PARTITION BY grid_id ORDER BY day)
        )
        INSERT INTO grid_member_count (grid_id, valid, households, residents)
        SELECT grid_id, daterange(day, next_day), households, residents FROM running WHERE households <> 0 OR residents <> 0;
      END $$`);

    // Household versions: the grids of the rows whose grid, household or days changed, before and after.
    await q.query(`CREATE FUNCTION cg_households_counted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM cg_recount_grids(ARRAY(SELECT grid_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM cg_recount_grids(ARRAY(SELECT grid_id FROM old_rows));
        ELSE
          PERFORM cg_recount_grids(ARRAY(
            SELECT grid_id FROM ((SELECT id, grid_id, household_id, valid FROM old_rows EXCEPT SELECT id, grid_id, household_id, valid FROM new_rows)
              UNION ALL (SELECT id, grid_id, household_id, valid FROM new_rows EXCEPT SELECT id, grid_id, household_id, valid FROM old_rows)) changed));
        END IF;
        RETURN NULL;
      END $$`);
    // Resident versions: the grids their households were in over the changed rows' days.
    await q.query(`CREATE FUNCTION cg_residents_counted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM cg_recount_grids(ARRAY(SELECT h.grid_id FROM new_rows r JOIN household_version h ON h.household_id = r.household_id AND h.valid && r.valid));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM cg_recount_grids(ARRAY(SELECT h.grid_id FROM old_rows r JOIN household_version h ON h.household_id = r.household_id AND h.valid && r.valid));
        ELSE
          PERFORM cg_recount_grids(ARRAY(
            SELECT h.grid_id FROM ((SELECT id, household_id, valid FROM old_rows EXCEPT SELECT id, household_id, valid FROM new_rows)
              UNION ALL (SELECT id, household_id, valid FROM new_rows EXCEPT SELECT id, household_id, valid FROM old_rows)) r
            JOIN household_version h ON h.household_id = r.household_id AND h.valid && r.valid));
        END IF;
        RETURN NULL;
      END $$`);
    // Transition tables allow one event per trigger and no column list.
    for (const [table, fn] of [['household_version', 'cg_households_counted'], ['resident_version', 'cg_residents_counted']]) {
      await q.query(`CREATE TRIGGER ${table}_counted_insert AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_counted_update AFTER UPDATE ON ${table}
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_counted_delete AFTER DELETE ON ${table}
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['household_version', 'resident_version']) {
      for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_counted_${event} ON ${table}`);
    }
    await q.query('DROP FUNCTION cg_residents_counted()');
    await q.query('DROP FUNCTION cg_households_counted()');
    await q.query('DROP FUNCTION cg_recount_grids(integer[])');
    // The row triggers of MemberCounts, as they were.
    for (const statement of ROW_COUNTING) await q.query(statement);
  }
}
