import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditTrail1795899270180 implements MigrationInterface {
  name = 'AuditTrail1795899270180';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."audit_operation" AS ENUM('CREATE', 'UPDATE', 'DELETE')`);
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" integer, "actor_name" character varying(100) NOT NULL, "operation" "public"."audit_operation" NOT NULL, "entity_type" character varying(50) NOT NULL, "entity_id" integer NOT NULL, "changes" jsonb NOT NULL, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_806add0204f192a9f867d0515c" ON "audit_event"  ("occurred_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_f44b7e9c0d50176bc07e018f63" ON "audit_event"  ("actor_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c0ea392536b5c4cba7012b6f7b" ON "audit_event"  ("entity_type", "entity_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_c0ea392536b5c4cba7012b6f7b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f44b7e9c0d50176bc07e018f63"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_806add0204f192a9f867d0515c"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP TYPE "public"."audit_operation"`);
  }
}
