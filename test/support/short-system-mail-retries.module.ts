import { Global, Module } from '@nestjs/common';
import { SYSTEM_MAIL_RETRY_DELAYS_MS } from '../../libs/system-mail/src';

/** Mounted beside the hub in tests: system mail retries after 200 ms, then 400 ms, instead of 5 s, 30 s, … */
@Global()
@Module({
  providers: [{ provide: SYSTEM_MAIL_RETRY_DELAYS_MS, useValue: [200, 400] }],
  exports: [SYSTEM_MAIL_RETRY_DELAYS_MS],
})
export class ShortSystemMailRetriesModule {}
