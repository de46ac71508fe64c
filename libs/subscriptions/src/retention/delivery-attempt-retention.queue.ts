export const DELIVERY_ATTEMPT_RETENTION_QUEUE = 'delivery-attempt-retention';
export const PURGE_JOB = 'purge';
/** Hourly, so attempts never pile up beyond LOG_RETENTION_DAYS by much. */
export const PURGE_EVERY_MS = 60 * 60 * 1000;
