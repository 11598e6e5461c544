import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The home page's affair counts read indexes instead of every affair. Open affairs (about 20,000 of
 * 250,000 at district scale, the rest resolved, closed or rejected) are counted from the index on
 * status and due date that affairs already have; the affairs resolved this week come from this index
 * on the day resolved, with the community and grid a caller's reach is checked against, so both are
 * index-only scans. Exact on any day: nothing is kept apart from the affairs.
 */
export class AffairCountPaths1796540000000 implements MigrationInterface {
  name = 'AffairCountPaths1796540000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "affair_resolved_on" ON "affair" ("resolved_on") INCLUDE ("community_id", "grid_id")
      WHERE "resolved_on" IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "affair_resolved_on"');
  }
}
