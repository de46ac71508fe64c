import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (['true', '1', 'yes'].includes(value.toLowerCase()) ? true : ['false', '0', 'no'].includes(value.toLowerCase()) ? false : value) : value;
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

/**
 * Every environment variable the hub reads, with its default. Validated once at
 * boot (see loadConfig); nothing else in the codebase reads process.env.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/webhook_hub';

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Bull key, so several hubs (or test runs) can share one Redis. */
  @Matches(/^[A-Za-z0-9_.:-]{1,100}$/, { message: 'REDIS_QUEUE_PREFIX may hold letters, digits and _ . : - only' })
  REDIS_QUEUE_PREFIX = 'webhook-hub';

  @Transform(toBoolean)
  @IsBoolean()
  DB_MIGRATE = true;

  /**
   * `npm start` (the supervisor): api processes sharing PORT. 1 by
   * measurement on 2 cores (`npm run bench`, 2026-12-03, ratios to the same
   * run's ingest baseline): 1 api + 1 worker delivered 0.52–0.59×, 2 api + 1
   * worker 0.44×, whose extra process costs CPU (each batches fewer requests
   * into a statement) that the worker and PostgreSQL need; 1 api + 2 workers
   * 0.46×. Raise it with the cores.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(64)
  HUB_API_PROCESSES = 1;

  /** `npm start` (the supervisor): worker processes (queue consumers, the work sweeper, row purges). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(64)
  HUB_WORKER_PROCESSES = 1;

  /**
   * How long SIGTERM waits for in-flight requests, delivery attempts and jobs
   * before a process exits anyway (what is cut off is retried: leases expire).
   * Keep it under the orchestrator's kill timeout (Docker and Kubernetes: 10 s / 30 s).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600000)
  SHUTDOWN_TIMEOUT_MS = 10000;

  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'APP_SECRET_KEY must be at least 32 characters' })
  APP_SECRET_KEY?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL?: string;

  @Matches(/^\d+(,\d+)*$/, { message: 'WEBHOOK_RETRY_SCHEDULE must be comma-separated seconds, e.g. 0,5,300' })
  WEBHOOK_RETRY_SCHEDULE = '0,5,300,1800,7200,18000,36000,36000';

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(30000)
  WEBHOOK_TIMEOUT_MS = 10000;

  @Transform(toBoolean)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_NETWORKS = false;

  /**
   * Attempts one worker process sends at once (and workflow steps it runs at
   * once). Sending is waiting on receivers, so this is high: at 50 a fan-out
   * to fast local receivers topped out near 2,800/s in the bench, at 200 it
   * reached 4,000/s with the worker at ~190 MB.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  WEBHOOK_DELIVERY_CONCURRENCY = 200;

  /**
   * Batches (of up to 100) of stored trigger webhook requests one worker
   * process enrols at once. Low on purpose: enrolment is background work, and
   * a burst of triggers must not take the CPU the intake needs (the backlog
   * drains after the burst). Measured on 2 cores, four bench runs each: 1
   * batch at a time cost the worker and PostgreSQL ~35 µs less CPU per intake
   * request than 2 (186–203 vs 219–239 µs) and still enrolled 3,400–3,650/s
   * after the burst (2: 3,700–4,140/s).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  AUTOMATION_TRIGGER_CONCURRENCY = 1;

  /** How often a worker looks in PostgreSQL for work whose Redis job is gone. */
  @Transform(toInt)
  @IsInt()
  @Min(200)
  @Max(60000)
  WEBHOOK_SWEEP_INTERVAL_MS = 10000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOG_RETENTION_DAYS = 30;

  /**
   * Time a client has to send a whole request, headers and body; past it the
   * connection is answered 408 and closed, so a client trickling a body
   * cannot hold a connection (and its buffers) open forever. The answer's own
   * time is not counted.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600000)
  HTTP_REQUEST_TIMEOUT_MS = 30000;

  /** Time a client has to send the request line and headers (at most HTTP_REQUEST_TIMEOUT_MS). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600000)
  HTTP_HEADERS_TIMEOUT_MS = 10000;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'META_GRAPH_URL must be an http(s) URL' })
  META_GRAPH_URL = 'https://graph.facebook.com/v21.0';

  /**
   * Origins (scheme://host[:port], comma-separated) trusted besides AWS's
   * sns.<region>.amazonaws.com[.cn] to serve SNS signing certificates and
   * subscribe URLs: a local SNS stand-in's. Empty in production.
   */
  @Matches(/^$|^https?:\/\/[^/\s,]+(,https?:\/\/[^/\s,]+)*$/, { message: 'SNS_EXTRA_ORIGINS must be comma-separated origins such as https://127.0.0.1:9443' })
  SNS_EXTRA_ORIGINS = '';

  @IsOptional()
  @IsString()
  WHATSAPP_NODE_SECRET?: string;

  /** Base URL of the WhatsApp node service's HTTP send API. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'WHATSAPP_NODE_URL must be an http(s) URL' })
  WHATSAPP_NODE_URL = 'http://127.0.0.1:3100';

  @Transform(toBoolean)
  @IsBoolean()
  SIGNUP_ENABLED = true;

  /** Signups one client address may make per hour (counted in Redis, so across every api process). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  SIGNUP_LIMIT_PER_HOUR = 20;

  /**
   * The hub's own mail (signup confirmations, later operator alerts), not an
   * account's channel: smtp://user:pass@host:port, or smtps:// for TLS from
   * the first byte. Unset: no system mail, and signup answers as documented
   * in README (it then tells whether an email has an account).
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s/]+\/?$/, { message: 'SYSTEM_SMTP_URL must be smtp://[user:pass@]host[:port] or smtps://…' })
  SYSTEM_SMTP_URL?: string;

  /** The From of system mail: an address, or `Name <address>`. Default: `Webhook Hub <no-reply@PUBLIC_URL's host>`. */
  @IsOptional()
  @Matches(/^([^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, { message: 'SYSTEM_MAIL_FROM must be an email address or Name <address>' })
  SYSTEM_MAIL_FROM?: string;

  /**
   * How long an endpoint fails every attempt before the account's admins are
   * emailed that it is failing (through SYSTEM_SMTP_URL; checked when a failure
   * is recorded). 30 minutes: past the first retries (0, 5, 300 s), well before
   * the 5 days after which the endpoint is disabled. At most 4 days, so the
   * notice comes before the disabling.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(345600)
  ENDPOINT_FAILING_ALERT_SECONDS = 1800;

  /** Which proxies in front of the api may say who the client is (X-Forwarded-For); see trust-proxy.ts. */
  @IsString()
  TRUST_PROXY = 'false';

  /** Endpoints one account may have (the bench uses 52). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  MAX_ENDPOINTS_PER_ACCOUNT = 250;

  /** Fan-out: enabled endpoints one event type of an account may reach, so one event makes at most this many deliveries (the bench fans out to 50). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  MAX_ENDPOINTS_PER_EVENT = 100;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * Tracing is on only when this is set: the OTLP/HTTP collector base URL
   * (the exporter appends /v1/traces). Unset, no OpenTelemetry SDK is loaded.
   * The exporter reads it (and the other standard OTEL_* variables) itself;
   * it is validated here so a bad value stops the process like any other.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** service.name of the spans; default webhook-hub-api, webhook-hub-worker or webhook-hub (both roles in one process). */
  @IsOptional()
  @Matches(/^[^\s,=]{1,100}$/, { message: 'OTEL_SERVICE_NAME must be 1–100 characters without spaces, commas or =' })
  OTEL_SERVICE_NAME?: string;

  @IsOptional()
  @IsString()
  DEV_SECRETS_FILE?: string;
}
