import { Module } from '@nestjs/common';
import { WorkModule } from '@hub/operations';
import { SystemMailQueueModule } from './queues/system-mail/system-mail-queue.module';
import { SystemMailConsumer } from './queues/system-mail/system-mail.consumer';
import { SystemMailSweep } from './queues/system-mail/system-mail.sweep';
import { SystemMailRetention } from './retention/system-mail-retention';
import { SystemMailRunner } from './sending/system-mail-runner';
import { SystemSmtpTransport } from './sending/system-smtp.transport';

/** The worker side: the `system-mail` queue's consumer and sweep, the SMTP transport, and the purge of old rows. */
@Module({
  imports: [SystemMailQueueModule, WorkModule],
  providers: [SystemSmtpTransport, SystemMailRunner, SystemMailConsumer, SystemMailSweep, SystemMailRetention],
})
export class SystemMailWorkerModule {}
