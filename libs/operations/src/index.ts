export { OperationsModule } from './operations.module';
export { HubMetrics } from './metrics/hub-metrics';
export { HubLoggerModule, REDACTED_LOG_PATHS } from './logging/logger.module';
export { RedisProbe } from './health/redis-probe';
export { preflight } from './startup/preflight';
export { QueueRootModule } from './queue/queue-root.module';
export { PeriodicTask } from './periodic/periodic-task';
export { addJobs, QueuedWork, workJobs } from './queue/work-jobs';
