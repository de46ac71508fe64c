import { Global, Module } from '@nestjs/common';
import { MESSAGE_RETRY_DELAYS_MS } from '../../libs/messaging/src';

/** Mounted beside the hub in tests: message retries after 200 ms and 400 ms instead of 5 s and 30 s. */
@Global()
@Module({
  providers: [{ provide: MESSAGE_RETRY_DELAYS_MS, useValue: [200, 400] }],
  exports: [MESSAGE_RETRY_DELAYS_MS],
})
export class ShortMessageRetriesModule {}
