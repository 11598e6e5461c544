import { MigrationInterface, QueryRunner } from 'typeorm';

/** Lookups of residents by ID number or phone are audited as LOOKUP events. */
export class ResidentLookups1796000000000 implements MigrationInterface {
  name = 'ResidentLookups1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."audit_operation" ADD VALUE 'LOOKUP'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Lookup events cannot be kept once the value is gone from the enum.
    await queryRunner.query(`DELETE FROM "audit_event" WHERE "operation" = 'LOOKUP'`);
    await queryRunner.query(`CREATE TYPE "public"."audit_operation_old" AS ENUM('CREATE', 'UPDATE', 'DELETE', 'REVEAL')`);
    await queryRunner.query(
      `ALTER TABLE "audit_event" ALTER COLUMN "operation" TYPE "public"."audit_operation_old" USING "operation"::"text"::"public"."audit_operation_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."audit_operation"`);
    await queryRunner.query(`ALTER TYPE "public"."audit_operation_old" RENAME TO "audit_operation"`);
  }
}
