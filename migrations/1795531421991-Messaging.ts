import { MigrationInterface, QueryRunner } from "typeorm";

export class Messaging1795531421991 implements MigrationInterface {
    name = 'Messaging1795531421991'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "channel_id" uuid NOT NULL, "channel" text NOT NULL, "contact_id" uuid, "to" text NOT NULL, "subject" text, "body" text NOT NULL, "status" text NOT NULL DEFAULT 'queued', "status_history" jsonb NOT NULL DEFAULT '[]', "message_id_header" text, "provider_message_id" text, "error" text, "source" text NOT NULL, "workflow_run_id" uuid, "attempt_count" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "locked_until" TIMESTAMP(3) WITH TIME ZONE, "sent_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_d61d1bec4a104d044b6e5abd84" ON "messages" ("account_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_d109211ed510ef10617c5e7592" ON "messages" ("contact_id") `);
        await queryRunner.query(`CREATE INDEX "messages_due_idx" ON "messages" ("next_attempt_at") WHERE status = 'queued'`);
        await queryRunner.query(`CREATE INDEX "messages_message_id_header_idx" ON "messages" ("message_id_header") `);
        await queryRunner.query(`CREATE INDEX "messages_provider_message_id_idx" ON "messages" ("provider_message_id") `);
        await queryRunner.query(`CREATE INDEX "messages_account_created_idx" ON "messages" ("account_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "messages" ADD CONSTRAINT "FK_d109211ed510ef10617c5e75927" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "FK_d109211ed510ef10617c5e75927"`);
        await queryRunner.query(`DROP INDEX "public"."messages_account_created_idx"`);
        await queryRunner.query(`DROP INDEX "public"."messages_provider_message_id_idx"`);
        await queryRunner.query(`DROP INDEX "public"."messages_message_id_header_idx"`);
        await queryRunner.query(`DROP INDEX "public"."messages_due_idx"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d109211ed510ef10617c5e7592"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d61d1bec4a104d044b6e5abd84"`);
        await queryRunner.query(`DROP TABLE "messages"`);
    }

}
