import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Failing endpoints tell their owner (issue 21, point 4): when the account's
 * admins were emailed that an endpoint is failing and that it was disabled
 * (each set once per state change, by the statement that records it), and
 * the HTML alternative of a system mail, encrypted like its text.
 */
export class EndpointAlerts1796384210000 implements MigrationInterface {
    name = 'EndpointAlerts1796384210000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "system_mails" ADD "html_encrypted" text`);
        await queryRunner.query(`ALTER TABLE "endpoints" ADD "failing_notified_at" TIMESTAMP(3) WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "endpoints" ADD "disabled_notified_at" TIMESTAMP(3) WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "endpoints" DROP COLUMN "disabled_notified_at"`);
        await queryRunner.query(`ALTER TABLE "endpoints" DROP COLUMN "failing_notified_at"`);
        await queryRunner.query(`ALTER TABLE "system_mails" DROP COLUMN "html_encrypted"`);
    }
}
