import { MigrationInterface, QueryRunner } from "typeorm";

export class SnsConfirmations1796330000000 implements MigrationInterface {
    name = 'SnsConfirmations1796330000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "sns_confirmations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "channel_id" uuid NOT NULL, "topic_arn" text NOT NULL, "sns_message_id" text NOT NULL, "subscribe_url" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempt_count" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "locked_until" TIMESTAMP(3) WITH TIME ZONE, "last_error" text, "confirmed_at" TIMESTAMP(3) WITH TIME ZONE, "inbound_log_id" uuid, CONSTRAINT "PK_7ad5b4742bb61af7cdc41aada59" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_ff3a286de219fdfefb6b0c6cab" ON "sns_confirmations" ("account_id") `);
        await queryRunner.query(`CREATE INDEX "sns_confirmations_due_idx" ON "sns_confirmations" ("next_attempt_at") WHERE status = 'pending'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "sns_confirmations_message_idx" ON "sns_confirmations" ("channel_id", "sns_message_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."sns_confirmations_message_idx"`);
        await queryRunner.query(`DROP INDEX "public"."sns_confirmations_due_idx"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ff3a286de219fdfefb6b0c6cab"`);
        await queryRunner.query(`DROP TABLE "sns_confirmations"`);
    }

}
