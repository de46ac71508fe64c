import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fewer index entries per ESP event stored: no query reads provider events
 * by channel and time (the channel page shows its inbound log), and only
 * matched events are read by message, so unmatched ones (every event when
 * stored, before the worker matches it) stay out of that index.
 */
export class ProviderEventsLeanerIndexes1796375000000 implements MigrationInterface {
  name = 'ProviderEventsLeanerIndexes1796375000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."message_provider_events_channel_idx"`);
    await queryRunner.query(`DROP INDEX "public"."message_provider_events_message_idx"`);
    await queryRunner.query(`CREATE INDEX "message_provider_events_message_idx" ON "message_provider_events" ("message_id", "occurred_at") WHERE message_id IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."message_provider_events_message_idx"`);
    await queryRunner.query(`CREATE INDEX "message_provider_events_message_idx" ON "message_provider_events" ("message_id", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "message_provider_events_channel_idx" ON "message_provider_events" ("channel_id", "created_at") `);
  }
}
