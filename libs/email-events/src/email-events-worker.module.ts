import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkModule } from '@hub/operations';
import { SnsConfirmationConsumer } from './queues/sns-confirmation/sns-confirmation.consumer';
import { SnsConfirmationQueueModule } from './queues/sns-confirmation/sns-confirmation-queue.module';
import { SnsConfirmationSweep } from './queues/sns-confirmation/sns-confirmation.sweep';
import { SnsCertificates } from './ses/sns-certificates';
import { SnsConfirmation } from './ses/sns-confirmation.entity';
import { SnsConfirmationRunner } from './ses/sns-confirmation-runner';

/** The worker side: confirms SNS subscriptions (the provider events themselves are applied by @hub/messaging's worker). */
@Module({
  imports: [TypeOrmModule.forFeature([SnsConfirmation]), WorkModule, SnsConfirmationQueueModule],
  providers: [SnsCertificates, SnsConfirmationRunner, SnsConfirmationConsumer, SnsConfirmationSweep],
})
export class EmailEventsWorkerModule {}
