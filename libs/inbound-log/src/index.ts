export { InboundLogModule } from './inbound-log.module';
export { InboundLog, InboundOutcome, InboundVerification } from './log/inbound-log.entity';
export { InboundLogService } from './log/inbound-log.service';
export { InboundLogSql, markInboundLogFailed } from './log/inbound-log-sql';
export { inboundSourceOf, inboundState } from './log/inbound-request';
export { InboundRoute } from './route/inbound-route.decorator';
export { InboundAccounts, InboundAccountOf } from './route/inbound-accounts';
export { InboundLogRetentionModule } from './retention/inbound-log-retention.module';
export { InboundLogRetention } from './retention/inbound-log-retention';
