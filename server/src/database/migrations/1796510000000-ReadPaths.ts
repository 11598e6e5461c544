import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for reads at district scale.
 *
 * One- and two-character name search (a surname, a given name): trigrams need
 * three characters, so names are also indexed by the set of their characters
 * (lower-cased). A search of one or two characters asks this index for names
 * holding them all and checks the exact text on those rows only.
 *
 * Residents sorted by birth date (the newest first, id breaking ties, as the
 * list sorts them) walk an index in page order and stop after the page,
 * instead of sorting every resident the filter matches.
 */
export class ReadPaths1796510000000 implements MigrationInterface {
  name = 'ReadPaths1796510000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION cg_chars(text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT string_to_array(lower($1), NULL) $$`);
    await q.query('CREATE INDEX "resident_name_chars" ON "resident" USING gin (cg_chars("name"))');
    await q.query('CREATE INDEX "staff_member_name_chars" ON "staff_member" USING gin (cg_chars("name"))');
    await q.query('CREATE INDEX "resident_birth_date_page" ON "resident" ("birth_date" DESC NULLS LAST, "id")');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "resident_birth_date_page"');
    await q.query('DROP INDEX "staff_member_name_chars"');
    await q.query('DROP INDEX "resident_name_chars"');
    await q.query('DROP FUNCTION cg_chars(text)');
  }
}
