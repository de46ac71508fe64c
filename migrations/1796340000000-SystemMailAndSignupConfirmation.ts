import { MigrationInterface, QueryRunner } from "typeorm";

/** The hub's own outgoing mail (libs/system-mail) and signups waiting for their emailed confirmation (libs/accounts). */
export class SystemMailAndSignupConfirmation1796340000000 implements MigrationInterface {
    name = 'SystemMailAndSignupConfirmation1796340000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "system_mails" ("id" uuid NOT NULL, "to_address" text NOT NULL, "template" text NOT NULL, "subject" text NOT NULL, "body_encrypted" text, "status" text NOT NULL DEFAULT 'queued', "message_id_header" text NOT NULL, "error" text, "attempt_count" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "locked_until" TIMESTAMP(3) WITH TIME ZONE, "sent_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2fea78dadb767952d35dc82c9b3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "system_mails_recipient_idx" ON "system_mails" ("to_address", "created_at") `);
        await queryRunner.query(`CREATE INDEX "system_mails_due_idx" ON "system_mails" ("next_attempt_at") WHERE status = 'queued'`);
        await queryRunner.query(`CREATE TABLE "signup_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "account_name" text NOT NULL, "password_hash" text, "token_hash" text NOT NULL, "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "confirmed_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f3de75c74453a667ae434d6a1a4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2c496cc8f951328cc2a50a86e3" ON "signup_requests" ("token_hash") `);
        await queryRunner.query(`CREATE INDEX "signup_requests_expires_idx" ON "signup_requests" ("expires_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."signup_requests_expires_idx"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_2c496cc8f951328cc2a50a86e3"`);
        await queryRunner.query(`DROP TABLE "signup_requests"`);
        await queryRunner.query(`DROP INDEX "public"."system_mails_due_idx"`);
        await queryRunner.query(`DROP INDEX "public"."system_mails_recipient_idx"`);
        await queryRunner.query(`DROP TABLE "system_mails"`);
    }

}
