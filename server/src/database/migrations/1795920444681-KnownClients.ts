import { MigrationInterface, QueryRunner } from 'typeorm';

export class KnownClients1795920444681 implements MigrationInterface {
  name = 'KnownClients1795920444681';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "known_client" ("token_hash" character varying(64) NOT NULL, "account_id" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_082b8a7f83a91b3ad35f0973b5c" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8d6f7386af667331acb2fd6ae2" ON "known_client"  ("account_id") `);
    await queryRunner.query(
      `ALTER TABLE "known_client" ADD CONSTRAINT "FK_8d6f7386af667331acb2fd6ae2d" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "known_client" DROP CONSTRAINT "FK_8d6f7386af667331acb2fd6ae2d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8d6f7386af667331acb2fd6ae2"`);
    await queryRunner.query(`DROP TABLE "known_client"`);
  }
}
