import { MigrationInterface, QueryRunner } from "typeorm";

/** How many times a provider sent a stored lead again (shown as "duplicate" in the admin app). */
export class LeadRepeats1796310000000 implements MigrationInterface {
    name = 'LeadRepeats1796310000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "leads" ADD "repeats" integer NOT NULL DEFAULT '0'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "leads" DROP COLUMN "repeats"`);
    }

}
