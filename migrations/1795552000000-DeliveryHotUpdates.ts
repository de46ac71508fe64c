import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Room on each page of `deliveries` for the new version of a row: claiming a
 * delivery (attempt_count, locked_until, updated_at — no indexed column) then
 * is a HOT update, which writes none of the table's six indexes. At fillfactor
 * 100 the freshly inserted rows fill their pages and every claim rewrote every
 * index. Applies to pages written from now on.
 */
export class DeliveryHotUpdates1795552000000 implements MigrationInterface {
    name = 'DeliveryHotUpdates1795552000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "deliveries" SET (fillfactor = 70)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "deliveries" RESET (fillfactor)`);
    }
}
