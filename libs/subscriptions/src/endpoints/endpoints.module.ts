import { Module } from '@nestjs/common';
import { SubscriptionsCoreModule } from '../subscriptions-core.module';
import { EndpointDestinations } from './endpoint-destinations';
import { EndpointProbe } from './endpoint-probe';
import { EndpointQuotas } from './endpoint-quotas';
import { EndpointTestsService } from './endpoint-tests.service';
import { EndpointsController } from './endpoints.controller';
import { EndpointsService } from './endpoints.service';

/** The admin API of endpoints: CRUD, verification before save, secret rotation, test sends. */
@Module({
  imports: [SubscriptionsCoreModule],
  controllers: [EndpointsController],
  providers: [EndpointsService, EndpointTestsService, EndpointProbe, EndpointDestinations, EndpointQuotas],
  exports: [EndpointDestinations, EndpointQuotas],
})
export class EndpointsModule {}
