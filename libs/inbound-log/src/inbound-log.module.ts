import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboundLogController } from './inbound-log.controller';
import { InboundLog } from './log/inbound-log.entity';
import { InboundLogQueryService } from './log/inbound-log-query.service';
import { InboundLogService } from './log/inbound-log.service';
import { SealedHeaders } from './log/sealed-headers';
import { InboundReplayer } from './replay/inbound-replayer';
import { ReplayMarks } from './replay/replay-marks';
import { InboundAccounts } from './route/inbound-accounts';
import { InboundLogInterceptor } from './route/inbound-log.interceptor';
import { InboundStats } from './stats/inbound-stats';

// Global: every inbound route in any module uses the interceptor and the service.
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([InboundLog])],
  controllers: [InboundLogController],
  providers: [InboundLogService, SealedHeaders, InboundLogQueryService, InboundReplayer, InboundLogInterceptor, ReplayMarks, InboundAccounts, InboundStats],
  exports: [InboundLogService, InboundLogInterceptor, InboundAccounts, InboundStats],
})
export class InboundLogModule {}
