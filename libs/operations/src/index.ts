export { HubMetrics } from './metrics/hub-metrics';
export { HubLoggerModule } from './logging/logger.module';
export { HubLogger, REDACTED_LOG_PATHS } from './logging/hub-logger';
export { installRequestLog, requestIdOf } from './logging/request-log';
export { installLeanAsyncResourceBind } from './runtime/lean-async-resource-bind';
export { RedisProbe } from './health/redis-probe';
export { preflight } from './startup/preflight';
export { QueueRootModule } from './queue/queue-root.module';
export { PeriodicTask } from './periodic/periodic-task';
export { addJobs, QueuedWork, workJobs } from './queue/work-jobs';
export { EnqueueBacklog } from './queue/enqueue-backlog';
export { QueueDrain } from './shutdown/queue-drain';
export { exitGracefullyOnSignals } from './shutdown/graceful-shutdown';
export { serveClusterMetrics, isSupervised } from './metrics/cluster-metrics';
export { WorkModule } from './work/work.module';
export { SweptKind, SWEEP_GRACE_SECONDS, WorkSweeper } from './work/work-sweeper';
export { deleteInBatches, RowPurge, RowPurges } from './work/row-purges';
export { QueueConsumers } from './work/queue-consumers';
export { promoteDelayedJob } from './work/delayed-jobs';
export { afterFailedAttempt, FailedAttempt, RetryDecision, RetrySchedule, scheduledDelayMs, scheduleFromSeconds } from './work/retry-policy';
export { leaseExpired, leaseIsFree, RELEASE_LEASE, takeLease } from './work/lease';
// Last on purpose: OperationsModule's controllers import @hub/accounts, which
// imports @hub/system-mail, which imports this index. Loaded last, everything
// above is already exported when that cycle comes back here.
export { OperationsModule } from './operations.module';
