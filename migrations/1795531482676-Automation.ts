import { MigrationInterface, QueryRunner } from "typeorm";

export class Automation1795531482676 implements MigrationInterface {
    name = 'Automation1795531482676'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "workflows" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "description" text, "active" boolean NOT NULL DEFAULT true, "webhook_id" text NOT NULL, "steps" jsonb NOT NULL, "secret_encrypted" text NOT NULL, CONSTRAINT "PK_5b5757cc1cd86268019fef52e0c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_e08ccfe1f1268f5c27c9f71068" ON "workflows" ("account_id") `);
        await queryRunner.query(`CREATE INDEX "workflows_account_created_idx" ON "workflows" ("account_id", "created_at") `);
        await queryRunner.query(`CREATE INDEX "workflows_webhook_id_idx" ON "workflows" ("webhook_id") `);
        await queryRunner.query(`CREATE TABLE "workflow_trigger_requests" ("webhook_id" text NOT NULL, "idempotency_key" text NOT NULL, "account_id" uuid NOT NULL, "response" jsonb NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ee94e6f41ff5e7c0997857733d3" PRIMARY KEY ("webhook_id", "idempotency_key"))`);
        await queryRunner.query(`CREATE INDEX "workflow_trigger_requests_created_idx" ON "workflow_trigger_requests" ("created_at") `);
        await queryRunner.query(`CREATE TABLE "workflow_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "workflow_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'running', "steps" jsonb NOT NULL, "variables" jsonb NOT NULL, "current_step" integer NOT NULL DEFAULT '0', "resume_at" TIMESTAMP(3) WITH TIME ZONE, "locked_until" TIMESTAMP(3) WITH TIME ZONE, "attempt_count" integer NOT NULL DEFAULT '0', "error" text, "started_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "completed_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_eea9f8d0a660b3f48114c313233" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_20b501505da9cc3c72d76e9028" ON "workflow_runs" ("account_id") `);
        await queryRunner.query(`CREATE INDEX "workflow_runs_due_idx" ON "workflow_runs" ("resume_at") WHERE status IN ('running', 'waiting')`);
        await queryRunner.query(`CREATE INDEX "workflow_runs_workflow_created_idx" ON "workflow_runs" ("workflow_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "workflow_step_states" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "run_id" uuid NOT NULL, "index" integer NOT NULL, "type" text NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "output" jsonb, "error" text, "started_at" TIMESTAMP(3) WITH TIME ZONE, "finished_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_12e2d01f98819dfc3e7e356b4a9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "workflow_step_states_run_index_key" ON "workflow_step_states" ("run_id", "index") `);
        await queryRunner.query(`ALTER TABLE "workflow_runs" ADD CONSTRAINT "FK_a2995918456c0a612cf1e5ba22a" FOREIGN KEY ("workflow_id") REFERENCES "workflows"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "workflow_step_states" ADD CONSTRAINT "FK_3a9b28f914d3a8ae3f73b5b0c83" FOREIGN KEY ("run_id") REFERENCES "workflow_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "workflow_step_states" DROP CONSTRAINT "FK_3a9b28f914d3a8ae3f73b5b0c83"`);
        await queryRunner.query(`ALTER TABLE "workflow_runs" DROP CONSTRAINT "FK_a2995918456c0a612cf1e5ba22a"`);
        await queryRunner.query(`DROP INDEX "public"."workflow_step_states_run_index_key"`);
        await queryRunner.query(`DROP TABLE "workflow_step_states"`);
        await queryRunner.query(`DROP INDEX "public"."workflow_runs_workflow_created_idx"`);
        await queryRunner.query(`DROP INDEX "public"."workflow_runs_due_idx"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_20b501505da9cc3c72d76e9028"`);
        await queryRunner.query(`DROP TABLE "workflow_runs"`);
        await queryRunner.query(`DROP INDEX "public"."workflow_trigger_requests_created_idx"`);
        await queryRunner.query(`DROP TABLE "workflow_trigger_requests"`);
        await queryRunner.query(`DROP INDEX "public"."workflows_webhook_id_idx"`);
        await queryRunner.query(`DROP INDEX "public"."workflows_account_created_idx"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e08ccfe1f1268f5c27c9f71068"`);
        await queryRunner.query(`DROP TABLE "workflows"`);
    }

}
