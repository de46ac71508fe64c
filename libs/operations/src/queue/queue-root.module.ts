import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { AppConfig } from '@hub/config';

/** The Bull connection every queue module shares. Redis only moves work; PostgreSQL keeps the truth. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        url: config.redisUrl,
        prefix: config.redisQueuePrefix,
        // Reconnect forever: a Redis restart must not leave the worker stuck until it is restarted.
        redis: { maxRetriesPerRequest: null, enableReadyCheck: false, retryStrategy: (times: number) => Math.min(times * 200, 5000) },
      }),
    }),
  ],
  exports: [BullModule],
})
export class QueueRootModule {}
