import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelsCoreModule } from '@hub/channels';
import { InboundLogModule } from '@hub/inbound-log';
import { MessagingCoreModule } from '@hub/messaging';
import { EmailEventIntake } from './intake/email-event-intake';
import { SnsConfirmationQueueModule } from './queues/sns-confirmation/sns-confirmation-queue.module';
import { SesWebhookReader } from './ses/ses-webhook';
import { SnsCertificates } from './ses/sns-certificates';
import { SnsConfirmation } from './ses/sns-confirmation.entity';
import { SnsConfirmationIntake } from './ses/sns-confirmation-intake';
import { EmailWebhookController } from './webhook/email-webhook.controller';
import { EmailWebhookService } from './webhook/email-webhook.service';

/** The api side: POST /api/webhook/email/{provider}/{channel_id}, storing each request with its events. */
@Module({
  imports: [TypeOrmModule.forFeature([SnsConfirmation]), ChannelsCoreModule, InboundLogModule, MessagingCoreModule, SnsConfirmationQueueModule],
  controllers: [EmailWebhookController],
  providers: [EmailWebhookService, EmailEventIntake, SesWebhookReader, SnsCertificates, SnsConfirmationIntake],
})
export class EmailEventsModule {}
