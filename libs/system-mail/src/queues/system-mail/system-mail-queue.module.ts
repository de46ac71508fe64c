import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QueueRootModule } from '@hub/operations';
import { SystemMailProducer } from './system-mail.producer';
import { SYSTEM_MAIL_QUEUE, SYSTEM_MAIL_QUEUE_SETTINGS } from './system-mail.queue';

/** The `system-mail` queue and its producer; the worker adds the folder's consumer and sweep. */
@Module({
  imports: [QueueRootModule, BullModule.registerQueue({ name: SYSTEM_MAIL_QUEUE, settings: SYSTEM_MAIL_QUEUE_SETTINGS })],
  providers: [SystemMailProducer],
  exports: [BullModule, SystemMailProducer],
})
export class SystemMailQueueModule {}
