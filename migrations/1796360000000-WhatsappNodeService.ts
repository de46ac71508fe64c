import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The WhatsApp node service's receiving half: its stored events (whatsapp_events), the session's QR and last report on the
 * channel, and inbound / phone-sent messages (direction, sender, media kind; one per channel and WhatsApp id).
 */
export class WhatsappNodeService1796360000000 implements MigrationInterface {
    name = 'WhatsappNodeService1796360000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "whatsapp_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "channel_id" uuid NOT NULL, "event" text NOT NULL, "kind" text NOT NULL, "dedupe_key" text, "data" jsonb NOT NULL, "repeats" integer NOT NULL DEFAULT '0', "status" text NOT NULL DEFAULT 'pending', "attempt_count" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "locked_until" TIMESTAMP(3) WITH TIME ZONE, "last_error" text, "inbound_log_id" uuid, "applied_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "CHK_27cb4c4eaffa024cf758f4d66b" CHECK ("status" IN ('pending', 'applied', 'failed')), CONSTRAINT "PK_b3d886b191252bc145b69bb0e7f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_cf8ebcdd4ef0e751be5e69ddca" ON "whatsapp_events" ("account_id") `);
        await queryRunner.query(`CREATE INDEX "whatsapp_events_due_idx" ON "whatsapp_events" ("next_attempt_at") WHERE status = 'pending'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "whatsapp_events_channel_dedupe_key" ON "whatsapp_events" ("channel_id", "dedupe_key") WHERE dedupe_key IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "channels" ADD "session_qr" text`);
        await queryRunner.query(`ALTER TABLE "channels" ADD "session_seen_at" TIMESTAMP(3) WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "messages" ADD "direction" text NOT NULL DEFAULT 'outbound'`);
        await queryRunner.query(`ALTER TABLE "messages" ADD "from" text`);
        await queryRunner.query(`ALTER TABLE "messages" ADD "media_type" text`);
        await queryRunner.query(`CREATE UNIQUE INDEX "messages_reported_provider_id_key" ON "messages" ("channel_id", "provider_message_id") WHERE source = 'node'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."messages_reported_provider_id_key"`);
        await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "media_type"`);
        await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "from"`);
        await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "direction"`);
        await queryRunner.query(`ALTER TABLE "channels" DROP COLUMN "session_seen_at"`);
        await queryRunner.query(`ALTER TABLE "channels" DROP COLUMN "session_qr"`);
        await queryRunner.query(`DROP INDEX "public"."whatsapp_events_channel_dedupe_key"`);
        await queryRunner.query(`DROP INDEX "public"."whatsapp_events_due_idx"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_cf8ebcdd4ef0e751be5e69ddca"`);
        await queryRunner.query(`DROP TABLE "whatsapp_events"`);
    }

}
