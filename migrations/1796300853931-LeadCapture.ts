import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Lead capture: lead sources (Meta lead ads pages, Google Ads lead forms) and
 * the leads they receive. The public routes find a source by page id, verify
 * token hash or Google key hash (a Google key names one source only); a lead
 * is stored once per source and provider lead id.
 */
export class LeadCapture1796300853931 implements MigrationInterface {
    name = 'LeadCapture1796300853931'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "lead_sources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "provider" text NOT NULL, "name" text NOT NULL, "page_id" text, "verify_token_hash" text, "google_key_hash" text, "secrets" jsonb NOT NULL DEFAULT '{}', "field_mapping" jsonb, "workflow_id" uuid, "last_lead_at" TIMESTAMP(3) WITH TIME ZONE, "last_error" text, "last_error_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "CHK_4f255baf67d66f32faf8bc97ef" CHECK ("provider" IN ('meta', 'google')), CONSTRAINT "PK_bc885a4409ec70ee5a810dbbd6f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_c0ef55dffbb8f760a3bed9b4fc" ON "lead_sources" ("account_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_d550a7e098794949ea74ce1afb" ON "lead_sources" ("page_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_03b5fc1fd1979b9d5b85aaed6b" ON "lead_sources" ("verify_token_hash") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "lead_sources_google_key_hash_key" ON "lead_sources" ("google_key_hash") `);
        await queryRunner.query(`CREATE TABLE "leads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "lead_source_id" uuid NOT NULL, "provider" text NOT NULL, "lead_id" text NOT NULL, "form_id" text, "campaign_id" text, "ad_id" text, "adgroup_id" text, "is_test" boolean NOT NULL DEFAULT false, "fields" jsonb, "status" text NOT NULL DEFAULT 'pending', "attempt_count" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "locked_until" TIMESTAMP(3) WITH TIME ZONE, "last_error" text, "contact_id" uuid, "inbound_log_id" uuid, "captured_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "CHK_36f1a8d62766ce3d52c25bce89" CHECK ("status" IN ('pending', 'captured', 'failed')), CONSTRAINT "PK_cd102ed7a9a4ca7d4d8bfeba406" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_3728102565dda29554f1661657" ON "leads" ("account_id") `);
        await queryRunner.query(`CREATE INDEX "leads_due_idx" ON "leads" ("next_attempt_at") WHERE status = 'pending'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "leads_source_lead_id_key" ON "leads" ("lead_source_id", "lead_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."leads_source_lead_id_key"`);
        await queryRunner.query(`DROP INDEX "public"."leads_due_idx"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3728102565dda29554f1661657"`);
        await queryRunner.query(`DROP TABLE "leads"`);
        await queryRunner.query(`DROP INDEX "public"."lead_sources_google_key_hash_key"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_03b5fc1fd1979b9d5b85aaed6b"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d550a7e098794949ea74ce1afb"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c0ef55dffbb8f760a3bed9b4fc"`);
        await queryRunner.query(`DROP TABLE "lead_sources"`);
    }

}
