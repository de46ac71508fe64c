import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The stats charts' rollup: delivery attempts per endpoint and 5-minute
 * bucket by outcome, with a latency histogram and the bucket's last error,
 * and the one progress row the rollup job leases and advances (null: nothing
 * rolled up yet, so its first pass counts the last 8 days).
 */
export class DeliveryRollups1796390000000 implements MigrationInterface {
    name = 'DeliveryRollups1796390000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "delivery_rollups" ("endpoint_id" uuid NOT NULL, "bucket_start" TIMESTAMP WITH TIME ZONE NOT NULL, "account_id" uuid NOT NULL, "succeeded" integer NOT NULL, "failed" integer NOT NULL, "retrying" integer NOT NULL, "latency_counts" integer array NOT NULL, "last_error" text, "last_error_status" integer, "last_error_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_aa312988ad273111da6a69fdc1a" PRIMARY KEY ("endpoint_id", "bucket_start"))`);
        await queryRunner.query(`CREATE INDEX "delivery_rollups_account_bucket_idx" ON "delivery_rollups" ("account_id", "bucket_start") `);
        await queryRunner.query(`CREATE TABLE "delivery_rollup_progress" ("id" smallint NOT NULL, "rolled_up_to" TIMESTAMP WITH TIME ZONE, "locked_until" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_f243876f046ba895196d2ae2eb2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "delivery_rollups" ADD CONSTRAINT "FK_2e180ef0dd5ca31d5fa136959ba" FOREIGN KEY ("endpoint_id") REFERENCES "endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`INSERT INTO "delivery_rollup_progress" ("id") VALUES (1)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "delivery_rollups" DROP CONSTRAINT "FK_2e180ef0dd5ca31d5fa136959ba"`);
        await queryRunner.query(`DROP TABLE "delivery_rollup_progress"`);
        await queryRunner.query(`DROP INDEX "public"."delivery_rollups_account_bucket_idx"`);
        await queryRunner.query(`DROP TABLE "delivery_rollups"`);
    }

}
