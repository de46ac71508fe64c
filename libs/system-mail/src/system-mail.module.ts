import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SystemMailRow } from './mails/system-mail.entity';
import { SystemMail } from './mails/system-mail';
import { SystemMailQueueModule } from './queues/system-mail/system-mail-queue.module';
import { SystemMailRenderer } from './templates/system-mail-renderer';

/**
 * What every process that sends the hub's own email needs: SystemMail (store
 * and enqueue, in the caller's transaction) and the queue's producer. No
 * controllers and no SMTP: the worker sends (SystemMailWorkerModule).
 */
@Module({
  imports: [TypeOrmModule.forFeature([SystemMailRow]), SystemMailQueueModule],
  providers: [SystemMail, SystemMailRenderer],
  exports: [SystemMail],
})
export class SystemMailModule {}
