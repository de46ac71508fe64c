import { Module } from '@nestjs/common';
import { AccountsModule } from '@hub/accounts';
import { AutomationModule } from '@hub/automation';
import { ChannelsModule } from '@hub/channels';
import { ContactsModule } from '@hub/contacts';
import { DatabaseModule } from '@hub/database';
import { EmailEventsModule } from '@hub/email-events';
import { EventsApiModule, EventsModule } from '@hub/events';
import { GroupsModule } from '@hub/groups';
import { InboundLogModule } from '@hub/inbound-log';
import { LeadsModule } from '@hub/leads';
import { WhatsappModule } from '@hub/whatsapp';
import { MessagingModule } from '@hub/messaging';
import { HubLoggerModule, OperationsModule } from '@hub/operations';
import { DeliveryLogsModule, EndpointsModule, SubscriptionsCoreModule, WhatsableModule } from '@hub/subscriptions';
import { StatsModule } from './stats/stats.module';

/** Everything the HTTP process serves: admin API, public inbound routes, operations. */
@Module({
  imports: [
    HubLoggerModule,
    DatabaseModule,
    OperationsModule,
    AccountsModule,
    EventsModule,
    EventsApiModule,
    InboundLogModule,
    ContactsModule,
    GroupsModule,
    ChannelsModule,
    SubscriptionsCoreModule,
    EndpointsModule,
    DeliveryLogsModule,
    WhatsableModule,
    MessagingModule,
    AutomationModule,
    LeadsModule,
    EmailEventsModule,
    WhatsappModule,
    StatsModule,
  ],
})
export class ApiModule {}
