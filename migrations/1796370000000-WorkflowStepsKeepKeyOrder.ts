import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Workflow steps as json, not jsonb: jsonb sorts object keys, so an
 * http_request body lost the key order the admin typed. json keeps the text
 * as written. Rows stored before keep jsonb's order (it is already lost).
 */
export class WorkflowStepsKeepKeyOrder1796370000000 implements MigrationInterface {
    name = 'WorkflowStepsKeepKeyOrder1796370000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "workflows" ALTER COLUMN "steps" TYPE json USING "steps"::json`);
        await queryRunner.query(`ALTER TABLE "workflow_runs" ALTER COLUMN "steps" TYPE json USING "steps"::json`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "workflow_runs" ALTER COLUMN "steps" TYPE jsonb USING "steps"::jsonb`);
        await queryRunner.query(`ALTER TABLE "workflows" ALTER COLUMN "steps" TYPE jsonb USING "steps"::jsonb`);
    }
}
