import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@hub/config';
import { HubLogger } from './hub-logger';

@Global()
@Module({
  providers: [{ provide: HubLogger, inject: [AppConfig], useFactory: (config: AppConfig) => new HubLogger(config.logLevel) }],
  exports: [HubLogger],
})
export class HubLoggerModule {}
