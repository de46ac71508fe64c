import { MigrationInterface, QueryRunner } from 'typeorm';

/** No query reads provider events by channel and time (the channel page shows its inbound log): one index less on every ESP event stored. */
export class ProviderEventsDropChannelIndex1796375000000 implements MigrationInterface {
  name = 'ProviderEventsDropChannelIndex1796375000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."message_provider_events_channel_idx"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "message_provider_events_channel_idx" ON "message_provider_events" ("channel_id", "created_at") `);
  }
}
