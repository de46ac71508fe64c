export const INBOUND_LOG_RETENTION_QUEUE = 'inbound-log-retention';
export const PURGE_JOB = 'purge';
/** Hourly, so a day's logs never pile up beyond LOG_RETENTION_DAYS by much. */
export const PURGE_EVERY_MS = 60 * 60 * 1000;
