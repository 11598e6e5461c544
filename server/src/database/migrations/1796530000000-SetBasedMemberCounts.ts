import { MigrationInterface, QueryRunner } from 'typeorm';
import { REBUILD_MEMBER_COUNTS, ROW_COUNTING } from './1796520000000-MemberCounts';

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

    await q.query(`CREATE TABLE grid_tag_count (
      grid_id integer NOT NULL,
      tag text NOT NULL,
      valid daterange NOT NULL,
      residents integer NOT NULL,
      CONSTRAINT grid_tag_count_one_at_a_time EXCLUDE USING gist (grid_id WITH =, tag WITH =, valid WITH &&))`);
    await q.query(`CREATE OR REPLACE FUNCTION cg_rebuild_member_counts() RETURNS void LANGUAGE sql AS $$ ${recount(() => 'TRUE')} $$`);
    await q.query(`CREATE FUNCTION cg_recount_grids(grids integer[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE g integer;
      BEGIN
        IF grids IS NULL THEN RETURN; END IF;
        SELECT array_agg(DISTINCT x ORDER BY x) INTO grids FROM unnest(grids) x WHERE x IS NOT NULL;
        IF grids IS NULL THEN RETURN; END IF;
        FOREACH g IN ARRAY grids LOOP PERFORM pg_advisory_xact_lock(20260, g); END LOOP;
        ${recount((column) => `${column} = ANY (grids)`)}
      END $$`);
    await q.query('SELECT cg_rebuild_member_counts()');

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
    // Resident versions: the grids their households were in over the changed rows' days (tags count too).
    await q.query(`CREATE FUNCTION cg_residents_counted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM cg_recount_grids(ARRAY(SELECT h.grid_id FROM new_rows r JOIN household_version h ON h.household_id = r.household_id AND h.valid && r.valid));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM cg_recount_grids(ARRAY(SELECT h.grid_id FROM old_rows r JOIN household_version h ON h.household_id = r.household_id AND h.valid && r.valid));
        ELSE
          PERFORM cg_recount_grids(ARRAY(
            SELECT h.grid_id FROM ((SELECT id, household_id, valid, tags FROM old_rows EXCEPT SELECT id, household_id, valid, tags FROM new_rows)
              UNION ALL (SELECT id, household_id, valid, tags FROM new_rows EXCEPT SELECT id, household_id, valid, tags FROM old_rows)) r
            JOIN household_version h ON h.household_id = r.household_id AND h.valid && r.valid));
        END IF;
        RETURN NULL;
      END $$`);
    // Transition tables allow one event per trigger and no column list.
    for (const [table, fn] of [
      ['household_version', 'cg_households_counted'],
      ['resident_version', 'cg_residents_counted'],
    ]) {
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
    await q.query('DROP TABLE grid_tag_count');
    await q.query(REBUILD_MEMBER_COUNTS.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
    // The row triggers of MemberCounts, as they were.
    for (const statement of ROW_COUNTING) await q.query(statement);
  }
}

/**
 * The series of the grids `grids` picks (an SQL condition on the grid id column it is given)
 * recomputed from their memberships: households and residents per grid, and
 * residents per grid and tag, each a row per stretch of days with the same count.
 * A resident counts in the grid their household is in, over the days both hold.
 */
function recount(grids: (column: string) => string): string {
  const series = (table: string, keys: string[], spans: string, counts: string[]) => {
    const key = keys.join(', ');
    return `DELETE FROM ${table} WHERE ${grids('grid_id')};
      WITH spans AS (${spans}), events AS (
        SELECT ${key}, lower(valid) AS day, ${counts.join(', ')} FROM spans
        UNION ALL
        SELECT ${key}, upper(valid), ${counts.map((c) => `-${c}`).join(', ')} FROM spans WHERE NOT upper_inf(valid)
      ), per_day AS (
        SELECT ${key}, day, ${counts.map((c) => `SUM(${c}) AS ${c}`).join(', ')} FROM events GROUP BY ${key}, day
      ), running AS (
        SELECT ${key}, day, LEAD(day) OVER w AS next_day, ${counts.map((c) => `SUM(${c}) OVER w AS ${c}`).join(', ')}
        FROM per_day WINDOW w AS (PARTITION BY ${key} ORDER BY day)
      )
      INSERT INTO ${table} (${key}, valid, ${counts.join(', ')})
      SELECT ${key}, daterange(day, next_day), ${counts.join(', ')} FROM running WHERE ${counts.map((c) => `${c} <> 0`).join(' OR ')};`;
  };
  const members = `FROM household_version h JOIN resident_version r ON r.household_id = h.household_id AND r.valid && h.valid WHERE ${grids('h.grid_id')}`;
  return (
    series(
      'grid_member_count',
      ['grid_id'],
      `
      SELECT grid_id, valid, 1 AS households, 0 AS residents FROM household_version WHERE ${grids('grid_id')}
      UNION ALL
      SELECT h.grid_id, h.valid * r.valid, 0, 1 ${members}`,
      ['households', 'residents'],
    ) +
    series(
      'grid_tag_count',
      ['grid_id', 'tag'],
      `SELECT h.grid_id, t.tag, h.valid * r.valid AS valid, 1 AS residents ${members.replace(' WHERE', ' CROSS JOIN unnest(r.tags) AS t(tag) WHERE')}`,
      ['residents'],
    )
  );
}
