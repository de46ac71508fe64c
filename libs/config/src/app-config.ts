import type { TrustProxy } from './trust-proxy';

/** The typed, validated configuration every module injects. */
export class AppConfig {
  readonly env!: 'development' | 'production' | 'test';
  readonly port!: number;
  readonly databaseUrl!: string;
  readonly redisUrl!: string;
  readonly redisQueuePrefix!: string;
  readonly dbMigrate!: boolean;
  readonly hubApiProcesses!: number;
  readonly hubWorkerProcesses!: number;
  readonly shutdownTimeoutMs!: number;
  readonly adminEmail?: string;
  readonly adminPassword?: string;
  readonly jwtSecret!: string;
  readonly appSecretKey!: string;
  readonly publicUrl!: string;
  readonly webhookRetryScheduleSeconds!: number[];
  readonly webhookTimeoutMs!: number;
  readonly webhookAllowPrivateNetworks!: boolean;
  readonly webhookDeliveryConcurrency!: number;
  readonly automationTriggerConcurrency!: number;
  readonly webhookSweepIntervalMs!: number;
  readonly logRetentionDays!: number;
  readonly httpRequestTimeoutMs!: number;
  readonly httpHeadersTimeoutMs!: number;
  readonly metaGraphUrl!: string;
  /** Origins trusted besides AWS's for SNS certificates and subscribe URLs (a local stand-in's). */
  readonly snsExtraOrigins!: readonly string[];
  readonly whatsappNodeSecret?: string;
  readonly whatsappNodeUrl!: string;
  readonly signupEnabled!: boolean;
  readonly signupLimitPerHour!: number;
  readonly trustProxy!: TrustProxy;
  /** The system mailer's SMTP URL (credentials inside: never log it); null when system mail is off. */
  readonly systemSmtpUrl!: string | null;
  readonly systemMailFrom!: string;
  /** Seconds of failing before an endpoint's admins are emailed (ENDPOINT_FAILING_ALERT_SECONDS). */
  readonly endpointFailingAlertSeconds!: number;
  readonly maxEndpointsPerAccount!: number;
  readonly maxEndpointsPerEvent!: number;
  readonly logLevel!: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: tracing is on (spans exported over OTLP/HTTP) only when set. */
  readonly otlpEndpoint!: string | null;
  readonly otelServiceName!: string | null;

  constructor(values: AppConfig) {
    Object.assign(this, values);
    Object.freeze(this);
  }
}
