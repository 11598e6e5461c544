import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The row triggers: `cg_count_add` over each membership's days (splitting the
 * stretches it cuts, filling days not yet counted). SetBasedMemberCounts replaced
 * them and restores them on its way down.
 */
/** The whole series from the memberships, set-based: for loads that switch the triggers off. */
export const REBUILD_MEMBER_COUNTS = `CREATE FUNCTION cg_rebuild_member_counts() RETURNS void LANGUAGE sql AS $$
      DELETE FROM grid_member_count;
      WITH spans AS (
        SELECT grid_id, valid, 1 AS dh, 0 AS dr FROM household_version
        UNION ALL
        SELECT h.grid_id, h.valid * r.valid, 0, 1 FROM resident_version r JOIN household_version h ON h.household_id = r.household_id AND h.valid && r.valid
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
    $$`;

export const ROW_COUNTING = [
  `CREATE FUNCTION cg_count_add(g integer, r daterange, dh integer, dr integer) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE seg record;
      BEGIN
        IF g IS NULL OR r IS NULL OR isempty(r) OR (dh = 0 AND dr = 0) THEN RETURN; END IF;
        PERFORM pg_advisory_xact_lock(20260, g);
        FOR seg IN SELECT * FROM grid_member_count c WHERE c.grid_id = g AND c.valid && r AND NOT c.valid <@ r LOOP
          DELETE FROM grid_member_count c WHERE c.grid_id = g AND c.valid = seg.valid;
          INSERT INTO grid_member_count (grid_id, valid, households, residents)
          SELECT g, p, seg.households, seg.residents FROM unnest(ARRAY[
            seg.valid * (CASE WHEN lower_inf(r) THEN 'empty'::daterange ELSE daterange(NULL, lower(r)) END),
            seg.valid * r,
            seg.valid * (CASE WHEN upper_inf(r) THEN 'empty'::daterange ELSE daterange(upper(r), NULL) END)]) AS p
          WHERE NOT isempty(p);
        END LOOP;
        UPDATE grid_member_count c SET households = households + dh, residents = residents + dr WHERE c.grid_id = g AND c.valid <@ r;
        INSERT INTO grid_member_count (grid_id, valid, households, residents)
        SELECT g, gap, dh, dr FROM unnest(datemultirange(r) - COALESCE(
          (SELECT range_agg(c.valid) FROM grid_member_count c WHERE c.grid_id = g AND c.valid <@ r), '{}'::datemultirange)) AS gap;
        DELETE FROM grid_member_count c WHERE c.grid_id = g AND c.valid <@ r AND c.households = 0 AND c.residents = 0;
      END $$`,
  `CREATE FUNCTION cg_household_counted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM cg_count_add(OLD.grid_id, OLD.valid, -1, 0);
          PERFORM cg_count_add(OLD.grid_id, r.valid * OLD.valid, 0, -1) FROM resident_version r WHERE r.household_id = OLD.household_id AND r.valid && OLD.valid;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM cg_count_add(NEW.grid_id, NEW.valid, 1, 0);
          PERFORM cg_count_add(NEW.grid_id, r.valid * NEW.valid, 0, 1) FROM resident_version r WHERE r.household_id = NEW.household_id AND r.valid && NEW.valid;
        END IF;
        RETURN NULL;
      END $$`,
  `CREATE FUNCTION cg_resident_counted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM cg_count_add(h.grid_id, h.valid * OLD.valid, 0, -1) FROM household_version h WHERE h.household_id = OLD.household_id AND h.valid && OLD.valid;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM cg_count_add(h.grid_id, h.valid * NEW.valid, 0, 1) FROM household_version h WHERE h.household_id = NEW.household_id AND h.valid && NEW.valid;
        END IF;
        RETURN NULL;
      END $$`,
  `CREATE TRIGGER household_version_counted AFTER INSERT OR DELETE OR UPDATE OF grid_id, household_id, valid ON household_version
      FOR EACH ROW EXECUTE FUNCTION cg_household_counted()`,
  `CREATE TRIGGER resident_version_counted AFTER INSERT OR DELETE OR UPDATE OF household_id, valid ON resident_version
      FOR EACH ROW EXECUTE FUNCTION cg_resident_counted()`,
];

/**
 * Households and residents per grid, for every day, kept exact by triggers in
 * the same transaction as the writes that change them: a piecewise-constant
 * series per grid (one row per stretch of days with the same counts). Each
 * household membership adds one household over its validity; each resident
 * membership adds one resident to the grid its household is in, over the days
 * both hold. A dated change that takes effect tomorrow is already in the
 * series, so today's and any past day's counts are exact without a job at midnight.
 * Counts per community or district add up their grids valid on the day.
 */
export class MemberCounts1796520000000 implements MigrationInterface {
  name = 'MemberCounts1796520000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE grid_member_count (
      grid_id integer NOT NULL,
      valid daterange NOT NULL,
      households integer NOT NULL,
      residents integer NOT NULL,
      CONSTRAINT grid_member_count_one_at_a_time EXCLUDE USING gist (grid_id WITH =, valid WITH &&))`);
    for (const statement of ROW_COUNTING) await q.query(statement);
    // The whole series from the memberships, set-based: for loads that switch the triggers off, and for this migration.
    await q.query(REBUILD_MEMBER_COUNTS);
    await q.query('SELECT cg_rebuild_member_counts()');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER resident_version_counted ON resident_version');
    await q.query('DROP TRIGGER household_version_counted ON household_version');
    await q.query('DROP FUNCTION cg_rebuild_member_counts()');
    await q.query('DROP FUNCTION cg_resident_counted()');
    await q.query('DROP FUNCTION cg_household_counted()');
    await q.query('DROP FUNCTION cg_count_add(integer, daterange, integer, integer)');
    await q.query('DROP TABLE grid_member_count');
  }
}
