import { MigrationInterface, QueryRunner } from "typeorm";

export class ProviderEvents1796320000000 implements MigrationInterface {
    name = 'ProviderEvents1796320000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "message_provider_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "channel_id" uuid NOT NULL, "channel" text NOT NULL, "provider" text NOT NULL, "provider_event_id" text NOT NULL, "kind" text NOT NULL, "message_id" uuid, "provider_message_id" text, "message_id_header" text, "recipient" text, "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "reason" text, "url" text, "bounce_type" text, "once_token" text, "inbound_log_id" uuid, "applied_at" TIMESTAMP(3) WITH TIME ZONE, "apply_error" text, CONSTRAINT "PK_3e3e6988ffd5220128f3c2955ac" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_ce8b6c33dc7699f9be9e7512d5" ON "message_provider_events" ("account_id") `);
        await queryRunner.query(`CREATE INDEX "message_provider_events_pending_idx" ON "message_provider_events" ("created_at") WHERE applied_at IS NULL`);
        await queryRunner.query(`CREATE INDEX "message_provider_events_channel_idx" ON "message_provider_events" ("channel_id", "created_at") `);
        await queryRunner.query(`CREATE INDEX "message_provider_events_message_idx" ON "message_provider_events" ("message_id", "occurred_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "message_provider_events_once_idx" ON "message_provider_events" ("channel_id", "once_token") WHERE once_token IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "message_provider_events_dedupe_idx" ON "message_provider_events" ("channel_id", "provider_event_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."message_provider_events_dedupe_idx"`);
        await queryRunner.query(`DROP INDEX "public"."message_provider_events_once_idx"`);
        await queryRunner.query(`DROP INDEX "public"."message_provider_events_message_idx"`);
        await queryRunner.query(`DROP INDEX "public"."message_provider_events_channel_idx"`);
        await queryRunner.query(`DROP INDEX "public"."message_provider_events_pending_idx"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ce8b6c33dc7699f9be9e7512d5"`);
        await queryRunner.query(`DROP TABLE "message_provider_events"`);
    }

}
