import { Module } from '@nestjs/common';
import { ContactsCoreModule } from '@hub/contacts';
import { GroupsCoreModule } from '@hub/groups';
import { MessagesController } from './messages/messages.controller';
import { MessageQueries } from './messages/message-queries.service';
import { MessagingCoreModule } from './messaging-core.module';
import { SendController } from './send/send.controller';
import { SendService } from './send/send.service';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe/unsubscribe.service';

/** The api side: POST /api/{channel}/send, GET /api/messages, and the public /u/{token} unsubscribe pages. */
@Module({
  imports: [MessagingCoreModule, ContactsCoreModule, GroupsCoreModule],
  controllers: [SendController, MessagesController, UnsubscribeController],
  providers: [SendService, MessageQueries, UnsubscribeService],
  exports: [MessagingCoreModule],
})
export class MessagingModule {}
