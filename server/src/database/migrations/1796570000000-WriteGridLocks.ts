import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Locks, before a write, every grid its triggers will lock, at once and in order.
 *
 * The kept counts and placements (MemberCounts, ResidentPlaces, HouseholdPlaces) lock the grids each statement
 * touches, in order (cg_lock_grids). A move is several statements: ending the household's version locks its old
 * grid, inserting the new one its new grid. Two moves in opposite directions then each held one grid and waited for
 * the other: PostgreSQL broke the deadlock by refusing one (SERVICE_UNAVAILABLE, "try again"), about half of a burst
 * of concurrent moves between two grids. A writer now first takes every grid the write will touch in one ordered
 * call; its statements' triggers find them held already, and concurrent writers queue instead of deadlocking.
 */
export class WriteGridLocks1796570000000 implements MigrationInterface {
  name = 'WriteGridLocks1796570000000';

  public async up(q: QueryRunner): Promise<void> {
    // Households changing (or moving to `grids`): the grids they were ever in, and for anyone who ever lived in them
    // what cg_place_residents locks: the grids they were placed in and those of every household they were ever in.
    await q.query(`CREATE FUNCTION cg_lock_household_grids(households integer[], grids integer[]) RETURNS void LANGUAGE sql AS $$
      WITH residents AS (SELECT DISTINCT resident_id FROM resident_version WHERE household_id = ANY (households))
      SELECT cg_lock_grids(ARRAY(
        SELECT grid_id FROM household_place WHERE household_id = ANY (households)
        UNION SELECT grid_id FROM household_version WHERE household_id = ANY (households)
        UNION SELECT p.grid_id FROM resident_place p WHERE p.resident_id IN (SELECT resident_id FROM residents)
        UNION SELECT hv.grid_id FROM resident_version r JOIN household_version hv ON hv.household_id = r.household_id
          WHERE r.resident_id IN (SELECT resident_id FROM residents)
        UNION SELECT unnest(grids)))
    $$`);
    // Residents changing (or moving to `households`): the grids they were ever placed in, and those of the households.
    await q.query(`CREATE FUNCTION cg_lock_resident_grids(residents integer[], households integer[]) RETURNS void LANGUAGE sql AS $$
      SELECT cg_lock_grids(ARRAY(
        SELECT grid_id FROM resident_place WHERE resident_id = ANY (residents)
        UNION SELECT hv.grid_id FROM household_version hv
          WHERE hv.household_id IN (SELECT household_id FROM resident_version WHERE resident_id = ANY (residents))
        UNION SELECT grid_id FROM household_version WHERE household_id = ANY (households)))
    $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION cg_lock_resident_grids(integer[], integer[])');
    await q.query('DROP FUNCTION cg_lock_household_grids(integer[], integer[])');
  }
}
