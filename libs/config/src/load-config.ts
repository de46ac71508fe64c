import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { resolve } from 'node:path';
import { AppConfig } from './app-config';
import { loadOrCreateDevSecrets } from './dev-secrets';
import { Environment } from './environment';
import { parseTrustProxy } from './trust-proxy';

export class ConfigError extends Error {}

/**
 * Validates the environment once. Throws ConfigError whose message is one line
 * naming the variable, so the entrypoint can print it and exit.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const first = errors[0];
    const constraints = first.constraints ?? {};
    // A value of the wrong kind is best described by its kind ("must be an integer"), not a range.
    const kind = ['isInt', 'isBoolean', 'isIn', 'matches', 'isUrl', 'isEmail'].find((name) => constraints[name]);
    const message = (kind ? constraints[kind] : Object.values(constraints)[0]) ?? 'is invalid';
    throw new ConfigError(`Invalid configuration: ${first.property} — ${message}`);
  }
  if (env.NODE_ENV === 'production') {
    for (const key of ['JWT_SECRET', 'APP_SECRET_KEY'] as const) {
      if (!env[key]) throw new ConfigError(`Invalid configuration: ${key} is required when NODE_ENV=production`);
    }
  }
  let jwtSecret = env.JWT_SECRET;
  let appSecretKey = env.APP_SECRET_KEY;
  if (!jwtSecret || !appSecretKey) {
    const dev = loadOrCreateDevSecrets(resolve(env.DEV_SECRETS_FILE ?? '.webhook-hub/dev-secrets.json'));
    jwtSecret ??= dev.JWT_SECRET;
    appSecretKey ??= dev.APP_SECRET_KEY;
  }
  if (env.HUB_API_PROCESSES + env.HUB_WORKER_PROCESSES === 0) {
    throw new ConfigError('Invalid configuration: HUB_API_PROCESSES and HUB_WORKER_PROCESSES cannot both be 0');
  }
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  if (typeof trustProxy === 'object' && !Array.isArray(trustProxy)) throw new ConfigError(`Invalid configuration: TRUST_PROXY — ${trustProxy.problem}`);
  if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError('Invalid configuration: HTTP_HEADERS_TIMEOUT_MS must not be longer than HTTP_REQUEST_TIMEOUT_MS');
  }
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    throw new ConfigError('Invalid configuration: ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  if (env.SYSTEM_SMTP_URL) {
    try {
      new URL(env.SYSTEM_SMTP_URL);
    } catch {
      throw new ConfigError('Invalid configuration: SYSTEM_SMTP_URL — not a URL (percent-encode special characters in the user and password)');
    }
  }
  return new AppConfig({
    env: env.NODE_ENV,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisQueuePrefix: env.REDIS_QUEUE_PREFIX,
    dbMigrate: env.DB_MIGRATE,
    hubApiProcesses: env.HUB_API_PROCESSES,
    hubWorkerProcesses: env.HUB_WORKER_PROCESSES,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    adminEmail: env.ADMIN_EMAIL?.toLowerCase(),
    adminPassword: env.ADMIN_PASSWORD,
    jwtSecret,
    appSecretKey,
    publicUrl,
    webhookRetryScheduleSeconds: env.WEBHOOK_RETRY_SCHEDULE.split(',').map(Number),
    webhookTimeoutMs: env.WEBHOOK_TIMEOUT_MS,
    webhookAllowPrivateNetworks: env.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    webhookDeliveryConcurrency: env.WEBHOOK_DELIVERY_CONCURRENCY,
    automationTriggerConcurrency: env.AUTOMATION_TRIGGER_CONCURRENCY,
    webhookSweepIntervalMs: env.WEBHOOK_SWEEP_INTERVAL_MS,
    logRetentionDays: env.LOG_RETENTION_DAYS,
    httpRequestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
    httpHeadersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
    metaGraphUrl: env.META_GRAPH_URL.replace(/\/+$/, ''),
    snsExtraOrigins: env.SNS_EXTRA_ORIGINS ? env.SNS_EXTRA_ORIGINS.split(',').map((origin) => new URL(origin).origin) : [],
    whatsappNodeSecret: env.WHATSAPP_NODE_SECRET,
    whatsappNodeUrl: env.WHATSAPP_NODE_URL.replace(/\/+$/, ''),
    signupEnabled: env.SIGNUP_ENABLED,
    signupLimitPerHour: env.SIGNUP_LIMIT_PER_HOUR,
    trustProxy,
    systemSmtpUrl: env.SYSTEM_SMTP_URL ?? null,
    systemMailFrom: env.SYSTEM_MAIL_FROM ?? `Webhook Hub <no-reply@${new URL(publicUrl).hostname}>`,
    endpointFailingAlertSeconds: env.ENDPOINT_FAILING_ALERT_SECONDS,
    maxEndpointsPerAccount: env.MAX_ENDPOINTS_PER_ACCOUNT,
    maxEndpointsPerEvent: env.MAX_ENDPOINTS_PER_EVENT,
    logLevel: env.LOG_LEVEL,
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT ?? null,
    otelServiceName: env.OTEL_SERVICE_NAME ?? null,
  });
}
