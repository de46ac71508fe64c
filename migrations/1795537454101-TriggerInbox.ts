import { MigrationInterface, QueryRunner } from "typeorm";

export class TriggerInbox1795537454101 implements MigrationInterface {
    name = 'TriggerInbox1795537454101'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Hand-edited from the generated one so existing rows (Idempotency-Keys with their answers) survive as processed requests.
        await queryRunner.query(`ALTER TABLE "workflow_trigger_requests" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`);
        await queryRunner.query(`ALTER TABLE "workflow_trigger_requests" ALTER COLUMN "id" DROP DEFAULT`);
        await queryRunner.query(`ALTER TABLE "workflow_trigger_requests" DROP CONSTRAINT "PK_ee94e6f41ff5e7c0997857733d3"`);
        await queryRunner.query(`ALTER TABLE "workflow_trigger_requests" ADD CONSTRAINT "PK_96981334819c8101a2994364007" PRIMARY KEY ("id")`);
        await queryRunner.query(`ALTER TABLE "workflow_trigger_requests" ALTER COLUMN "idempotency_key" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "workflow_trigger_requests" ADD "input" jsonb NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "workflow_trigger_requests" ALTER COLUMN "input" DROP DEFAULT`);
        await queryRunner.query(`ALTER TABLE "workflow_trigger_requests" ADD "inbound_log_id" uuid`);
        await queryRunner.query(`ALTER TABLE "workflow_trigger_requests" ADD "status" text NOT NULL DEFAULT 'processed'`);
        await queryRunner.query(`ALTER TABLE "workflow_trigger_requests" ALTER COLUMN "status" SET DEFAULT 'pending'`);
        await queryRunner.query(`ALTER TABLE "workflow_trigger_requests" ADD "attempt_count" integer NOT NULL DEFAULT '0'`);
        await queryRunner.query(`ALTER TABLE "workflow_trigger_requests" ADD "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now()`);
        await queryRunner.query(`ALTER TABLE "workflow_trigger_requests" ADD "error" text`);
        await queryRunner.query(`ALTER TABLE "workflow_trigger_requests" ADD "processed_at" TIMESTAMP(3) WITH TIME ZONE`);
        await queryRunner.query(`UPDATE "workflow_trigger_requests" SET "processed_at" = "created_at"`);
        await queryRunner.query(`CREATE INDEX "workflow_trigger_requests_pending_idx" ON "workflow_trigger_requests" ("next_attempt_at") WHERE status = 'pending'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "workflow_trigger_requests_idempotency_key" ON "workflow_trigger_requests" ("webhook_id", "idempotency_key") WHERE idempotency_key IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."workflow_trigger_requests_idempotency_key"`);
        await queryRunner.query(`DROP INDEX "public"."workflow_trigger_requests_pending_idx"`);
        await queryRunner.query(`DELETE FROM "workflow_trigger_requests" WHERE "idempotency_key" IS NULL`);
        await queryRunner.query(`ALTER TABLE "workflow_trigger_requests" DROP CONSTRAINT "PK_96981334819c8101a2994364007"`);
        await queryRunner.query(`ALTER TABLE "workflow_trigger_requests" ALTER COLUMN "idempotency_key" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "workflow_trigger_requests" ADD CONSTRAINT "PK_ee94e6f41ff5e7c0997857733d3" PRIMARY KEY ("idempotency_key", "webhook_id")`);
        for (const column of ['processed_at', 'error', 'next_attempt_at', 'attempt_count', 'status', 'inbound_log_id', 'input', 'id']) {
            await queryRunner.query(`ALTER TABLE "workflow_trigger_requests" DROP COLUMN "${column}"`);
        }
    }

}
