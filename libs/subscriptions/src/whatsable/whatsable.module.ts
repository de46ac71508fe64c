import { Module } from '@nestjs/common';
import { EndpointsModule } from '../endpoints/endpoints.module';
import { SubscriptionsCoreModule } from '../subscriptions-core.module';
import { WhatsableController } from './whatsable.controller';
import { WhatsableService } from './whatsable.service';

/** WhatsAble-compatible webhook API (SPEC §4) over the endpoints table. */
@Module({
  imports: [SubscriptionsCoreModule, EndpointsModule],
  controllers: [WhatsableController],
  providers: [WhatsableService],
})
export class WhatsableModule {}
