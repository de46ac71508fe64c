import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelsCoreModule } from '@hub/channels';
import { NodeEvent } from './events/node-event.entity';
import { NodeEventIntake } from './events/node-event-intake';
import { NodeWebhookController } from './events/node-webhook.controller';
import { NodeWebhookService } from './events/node-webhook.service';
import { SessionLookup } from './events/session-lookup';
import { NodeSecretGuard } from './node-auth/node-secret.guard';
import { WhatsappEventQueueModule } from './queues/whatsapp-event/whatsapp-event-queue.module';
import { SessionReportsService } from './sessions/session-reports.service';
import { SessionsController } from './sessions/sessions.controller';

/** The api side of the WhatsApp node service: session reports (recorded at once) and the events webhook (stored for the worker). */
@Module({
  imports: [TypeOrmModule.forFeature([NodeEvent]), ChannelsCoreModule, WhatsappEventQueueModule],
  controllers: [SessionsController, NodeWebhookController],
  providers: [NodeSecretGuard, SessionReportsService, SessionLookup, NodeEventIntake, NodeWebhookService],
})
export class WhatsappModule {}
