import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1795527161259 implements MigrationInterface {
    name = 'Foundation1795527161259'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "channels" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "type" text NOT NULL, "from_address" text, "provider" text, "smtp" jsonb, "sendgrid_public_key" text, "basic_auth_user" text, "sns_topic_arn" text, "session_id" text, "session_status" text, "phone" text, "from_number" text, "provider_url" text, "secrets" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "CHK_ff7e0fc703c9289333ce2995ad" CHECK ("type" IN ('email', 'whatsapp', 'sms')), CONSTRAINT "PK_bc603823f3f741359c2339389f9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_2504341d9e5966d73fa04f6321" ON "channels" ("account_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e7f8f437dae1087c5d0869ed47" ON "channels" ("session_id") `);
        await queryRunner.query(`CREATE TABLE "inbound_logs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid, "source" text NOT NULL, "method" text NOT NULL, "url" text NOT NULL, "headers" jsonb NOT NULL, "headers_encrypted" text, "content_type" text, "raw_body" text, "status_code" integer NOT NULL, "outcome" text NOT NULL, "verification" text, "error" text, "replay_of" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_29da2f49b622576013df20e212b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "inbound_logs_created_idx" ON "inbound_logs" ("created_at") `);
        await queryRunner.query(`CREATE INDEX "inbound_logs_account_created_idx" ON "inbound_logs" ("account_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "events" ("id" text NOT NULL, "account_id" uuid NOT NULL, "type" text NOT NULL, "channel" text, "channel_id" uuid, "data" jsonb NOT NULL, "idempotency_key" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "events_idempotency_idx" ON "events" ("account_id", "idempotency_key") WHERE idempotency_key IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "events_account_created_idx" ON "events" ("account_id", "created_at") `);
        await queryRunner.query(`CREATE INDEX "events_pending_idx" ON "events" ("created_at") WHERE dispatched_at IS NULL`);
        await queryRunner.query(`CREATE TABLE "accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "email" text NOT NULL, "password_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_17a709b8b6146c491e6615c29d" ON "users" ("account_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email") `);
        await queryRunner.query(`CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "prefix" text NOT NULL, "key_hash" text NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_decaf331589778e33441b2a8d9" ON "api_keys" ("account_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_57384430aa1959f4578046c9b8" ON "api_keys" ("key_hash") `);
        await queryRunner.query(`CREATE TABLE "contact_sources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, CONSTRAINT "PK_2c19f0b945105d17662143818fd" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_350e815abb31ec83e0857edcb3" ON "contact_sources" ("account_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "contact_sources_account_name_key" ON "contact_sources" ("account_id", "name") `);
        await queryRunner.query(`CREATE TABLE "contact_statuses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, CONSTRAINT "PK_d1d0715f36992c64d88cf1ec82a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_71a0d60b3d9532f9face554949" ON "contact_statuses" ("account_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "contact_statuses_account_name_key" ON "contact_statuses" ("account_id", "name") `);
        await queryRunner.query(`CREATE TABLE "contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "email" text, "phone" text, "first_name" text, "last_name" text, "custom_fields" jsonb NOT NULL DEFAULT '{}', "status_id" uuid, "source_id" uuid, "email_undeliverable" boolean NOT NULL DEFAULT false, "phone_undeliverable" boolean NOT NULL DEFAULT false, "unsubscribed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_85bbf0f254d76347a346a8cbb1" ON "contacts" ("account_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_540f03b1ff3d0602e445d7748d" ON "contacts" ("status_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_50c16d3ee605f981a45f7425d7" ON "contacts" ("source_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "contacts_account_phone_key" ON "contacts" ("account_id", "phone") WHERE phone IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "contacts_account_email_key" ON "contacts" ("account_id", "email") WHERE email IS NOT NULL`);
        await queryRunner.query(`CREATE TABLE "groups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "description" text, CONSTRAINT "PK_659d1483316afb28afd3a90646e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_33f4916947d4e8a8f52a164727" ON "groups" ("account_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "groups_account_name_key" ON "groups" ("account_id", "name") `);
        await queryRunner.query(`CREATE TABLE "group_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "group_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "subscribed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "unsubscribed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_86446139b2c96bfd0f3b8638852" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_bd0aa85b15d50648f1bee9e2f6" ON "group_members" ("account_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_fcb3d9d5ae5242c869a2619d81" ON "group_members" ("contact_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "group_members_group_contact_key" ON "group_members" ("group_id", "contact_id") `);
        await queryRunner.query(`ALTER TABLE "contacts" ADD CONSTRAINT "FK_540f03b1ff3d0602e445d7748de" FOREIGN KEY ("status_id") REFERENCES "contact_statuses"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "contacts" ADD CONSTRAINT "FK_50c16d3ee605f981a45f7425d78" FOREIGN KEY ("source_id") REFERENCES "contact_sources"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "group_members" ADD CONSTRAINT "FK_2c840df5db52dc6b4a1b0b69c6e" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "group_members" ADD CONSTRAINT "FK_fcb3d9d5ae5242c869a2619d818" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "group_members" DROP CONSTRAINT "FK_fcb3d9d5ae5242c869a2619d818"`);
        await queryRunner.query(`ALTER TABLE "group_members" DROP CONSTRAINT "FK_2c840df5db52dc6b4a1b0b69c6e"`);
        await queryRunner.query(`ALTER TABLE "contacts" DROP CONSTRAINT "FK_50c16d3ee605f981a45f7425d78"`);
        await queryRunner.query(`ALTER TABLE "contacts" DROP CONSTRAINT "FK_540f03b1ff3d0602e445d7748de"`);
        await queryRunner.query(`DROP INDEX "public"."group_members_group_contact_key"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_fcb3d9d5ae5242c869a2619d81"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_bd0aa85b15d50648f1bee9e2f6"`);
        await queryRunner.query(`DROP TABLE "group_members"`);
        await queryRunner.query(`DROP INDEX "public"."groups_account_name_key"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_33f4916947d4e8a8f52a164727"`);
        await queryRunner.query(`DROP TABLE "groups"`);
        await queryRunner.query(`DROP INDEX "public"."contacts_account_email_key"`);
        await queryRunner.query(`DROP INDEX "public"."contacts_account_phone_key"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_50c16d3ee605f981a45f7425d7"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_540f03b1ff3d0602e445d7748d"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_85bbf0f254d76347a346a8cbb1"`);
        await queryRunner.query(`DROP TABLE "contacts"`);
        await queryRunner.query(`DROP INDEX "public"."contact_statuses_account_name_key"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_71a0d60b3d9532f9face554949"`);
        await queryRunner.query(`DROP TABLE "contact_statuses"`);
        await queryRunner.query(`DROP INDEX "public"."contact_sources_account_name_key"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_350e815abb31ec83e0857edcb3"`);
        await queryRunner.query(`DROP TABLE "contact_sources"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_57384430aa1959f4578046c9b8"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_decaf331589778e33441b2a8d9"`);
        await queryRunner.query(`DROP TABLE "api_keys"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_17a709b8b6146c491e6615c29d"`);
        await queryRunner.query(`DROP TABLE "users"`);
        await queryRunner.query(`DROP TABLE "accounts"`);
        await queryRunner.query(`DROP INDEX "public"."events_pending_idx"`);
        await queryRunner.query(`DROP INDEX "public"."events_account_created_idx"`);
        await queryRunner.query(`DROP INDEX "public"."events_idempotency_idx"`);
        await queryRunner.query(`DROP TABLE "events"`);
        await queryRunner.query(`DROP INDEX "public"."inbound_logs_account_created_idx"`);
        await queryRunner.query(`DROP INDEX "public"."inbound_logs_created_idx"`);
        await queryRunner.query(`DROP TABLE "inbound_logs"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e7f8f437dae1087c5d0869ed47"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_2504341d9e5966d73fa04f6321"`);
        await queryRunner.query(`DROP TABLE "channels"`);
    }

}
