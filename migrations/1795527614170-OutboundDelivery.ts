import { MigrationInterface, QueryRunner } from "typeorm";

export class OutboundDelivery1795527614170 implements MigrationInterface {
    name = 'OutboundDelivery1795527614170'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "endpoints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "url" text, "description" text, "event_types" text array NOT NULL DEFAULT '{}', "event_urls" jsonb NOT NULL DEFAULT '{}', "channel_id" uuid, "bearer_token_encrypted" text, "headers" jsonb NOT NULL DEFAULT '{}', "timeout_ms" integer, "enabled" boolean NOT NULL DEFAULT true, "disabled_reason" text, "disabled_at" TIMESTAMP(3) WITH TIME ZONE, "failing_since" TIMESTAMP(3) WITH TIME ZONE, "payload_format" text NOT NULL DEFAULT 'standard', "secret_encrypted" text NOT NULL, "previous_secret_encrypted" text, "previous_secret_expires_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_70835610dfa54ad5d990e02f70a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_dba7ff5747f57e29e970be8b72" ON "endpoints" ("account_id") `);
        await queryRunner.query(`CREATE INDEX "endpoints_account_enabled_idx" ON "endpoints" ("account_id", "enabled") `);
        await queryRunner.query(`CREATE TABLE "deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "event_id" text NOT NULL, "event_type" text NOT NULL, "endpoint_id" uuid NOT NULL, "url" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempt_count" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP(3) WITH TIME ZONE, "last_status_code" integer, "last_error" text, "completed_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_a6ef225c5c5f0974e503bfb731f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_bcc7cb962410f56a0aaf8c5ec2" ON "deliveries" ("account_id") `);
        await queryRunner.query(`CREATE INDEX "deliveries_endpoint_created_idx" ON "deliveries" ("endpoint_id", "created_at") `);
        await queryRunner.query(`CREATE INDEX "deliveries_account_created_idx" ON "deliveries" ("account_id", "created_at") `);
        await queryRunner.query(`CREATE INDEX "deliveries_due_idx" ON "deliveries" ("next_attempt_at") WHERE status = 'pending'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "deliveries_event_endpoint_url_key" ON "deliveries" ("event_id", "endpoint_id", "url") `);
        await queryRunner.query(`CREATE TABLE "delivery_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delivery_id" uuid NOT NULL, "account_id" uuid NOT NULL, "n" integer NOT NULL, "status_code" integer, "duration_ms" integer NOT NULL, "response_body" text, "error" text, "request_headers" jsonb NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_41eba4eb5401d72860f7cd9a7ac" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "delivery_attempts_created_idx" ON "delivery_attempts" ("created_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "delivery_attempts_delivery_n_key" ON "delivery_attempts" ("delivery_id", "n") `);
        await queryRunner.query(`ALTER TABLE "deliveries" ADD CONSTRAINT "FK_545cafb438b60f8304ef4dd6508" FOREIGN KEY ("endpoint_id") REFERENCES "endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "delivery_attempts" ADD CONSTRAINT "FK_a9d7e7212c87084249a641ab455" FOREIGN KEY ("delivery_id") REFERENCES "deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "delivery_attempts" DROP CONSTRAINT "FK_a9d7e7212c87084249a641ab455"`);
        await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "FK_545cafb438b60f8304ef4dd6508"`);
        await queryRunner.query(`DROP INDEX "public"."delivery_attempts_delivery_n_key"`);
        await queryRunner.query(`DROP INDEX "public"."delivery_attempts_created_idx"`);
        await queryRunner.query(`DROP TABLE "delivery_attempts"`);
        await queryRunner.query(`DROP INDEX "public"."deliveries_event_endpoint_url_key"`);
        await queryRunner.query(`DROP INDEX "public"."deliveries_due_idx"`);
        await queryRunner.query(`DROP INDEX "public"."deliveries_account_created_idx"`);
        await queryRunner.query(`DROP INDEX "public"."deliveries_endpoint_created_idx"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_bcc7cb962410f56a0aaf8c5ec2"`);
        await queryRunner.query(`DROP TABLE "deliveries"`);
        await queryRunner.query(`DROP INDEX "public"."endpoints_account_enabled_idx"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_dba7ff5747f57e29e970be8b72"`);
        await queryRunner.query(`DROP TABLE "endpoints"`);
    }

}
