import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The exact bytes of an inbound request body that text cannot hold (a NUL
 * byte, bytes that are not UTF-8). PostgreSQL text refuses NUL, and decoding
 * invalid UTF-8 replaces bytes, so such bodies were lost or altered. Null for
 * every other body: raw_body holds those exactly, and the hot trigger route
 * writes no extra bytes.
 */
export class InboundRawBodyBytes1795560000000 implements MigrationInterface {
    name = 'InboundRawBodyBytes1795560000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "inbound_logs" ADD "raw_body_bytes" bytea`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "inbound_logs" DROP COLUMN "raw_body_bytes"`);
    }
}
