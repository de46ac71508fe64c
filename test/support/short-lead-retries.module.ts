import { Global, Module } from '@nestjs/common';
import { LEAD_RETRY_DELAYS_MS } from '../../libs/leads/src';

/** Mounted beside the hub in tests: a Graph API failure is retried after 200 ms, then 400 ms, instead of 5 s, 30 s, … */
@Global()
@Module({
  providers: [{ provide: LEAD_RETRY_DELAYS_MS, useValue: [200, 400] }],
  exports: [LEAD_RETRY_DELAYS_MS],
})
export class ShortLeadRetriesModule {}
