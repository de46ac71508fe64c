import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load-config';

const devSecrets = () => join(mkdtempSync(join(tmpdir(), 'hub-config-')), 'dev-secrets.json');

describe('loadConfig', () => {
  it('applies the SPEC defaults', () => {
    const config = loadConfig({ DEV_SECRETS_FILE: devSecrets() });
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/webhook_hub',
      redisUrl: 'redis://127.0.0.1:6379',
      publicUrl: 'http://localhost:3000',
      webhookRetryScheduleSeconds: [0, 5, 300, 1800, 7200, 18000, 36000, 36000],
      webhookTimeoutMs: 10000,
      webhookAllowPrivateNetworks: false,
      logRetentionDays: 30,
      httpRequestTimeoutMs: 30000,
      httpHeadersTimeoutMs: 10000,
      metaGraphUrl: 'https://graph.facebook.com/v21.0',
      snsExtraOrigins: [],
      signupEnabled: true,
      dbMigrate: true,
      trustProxy: false,
      signupLimitPerHour: 20,
      endpointFailingAlertSeconds: 1800,
    });
  });

  it('reads the system mailer settings, with a From on PUBLIC_URL\'s host by default', () => {
    expect(loadConfig({ DEV_SECRETS_FILE: devSecrets() })).toMatchObject({ systemSmtpUrl: null, systemMailFrom: 'Webhook Hub <no-reply@localhost>' });
    const config = loadConfig({ DEV_SECRETS_FILE: devSecrets(), SYSTEM_SMTP_URL: 'smtps://hub:p%40ss@smtp.example.com:465', SYSTEM_MAIL_FROM: 'Ops <ops@example.com>' });
    expect(config).toMatchObject({ systemSmtpUrl: 'smtps://hub:p%40ss@smtp.example.com:465', systemMailFrom: 'Ops <ops@example.com>' });
  });

  it('never echoes the SMTP password when SYSTEM_SMTP_URL is refused', () => {
    expect(() => loadConfig({ DEV_SECRETS_FILE: devSecrets(), SYSTEM_SMTP_URL: 'smtp://hub:hunter2-secret@mail host' })).toThrow(/^Invalid configuration: SYSTEM_SMTP_URL(?!.*hunter2)/);
  });

  it.each([
    ['PORT', 'eighty', /^Invalid configuration: PORT — PORT must be an integer number$/],
    ['WEBHOOK_TIMEOUT_MS', '50', /^Invalid configuration: WEBHOOK_TIMEOUT_MS/],
    ['WEBHOOK_RETRY_SCHEDULE', '0,five', /^Invalid configuration: WEBHOOK_RETRY_SCHEDULE — .*comma-separated/],
    ['DATABASE_URL', 'mysql://x', /^Invalid configuration: DATABASE_URL — .*must be a postgres:\/\/ URL/],
    ['SIGNUP_ENABLED', 'maybe', /^Invalid configuration: SIGNUP_ENABLED/],
    ['APP_SECRET_KEY', 'short', /^Invalid configuration: APP_SECRET_KEY — .*32 characters/],
    ['TRUST_PROXY', 'true', /^Invalid configuration: TRUST_PROXY — true would trust any X-Forwarded-For/],
    ['TRUST_PROXY', 'my-proxy', /^Invalid configuration: TRUST_PROXY — my-proxy is not an IP address/],
    ['MAX_ENDPOINTS_PER_ACCOUNT', '0', /^Invalid configuration: MAX_ENDPOINTS_PER_ACCOUNT/],
    ['SYSTEM_SMTP_URL', 'http://user:secret-pass@mail.example.com', /^Invalid configuration: SYSTEM_SMTP_URL — SYSTEM_SMTP_URL must be smtp:\/\//],
    ['ENDPOINT_FAILING_ALERT_SECONDS', '400000', /^Invalid configuration: ENDPOINT_FAILING_ALERT_SECONDS — .*must not be greater than 345600/],
    ['SYSTEM_MAIL_FROM', 'not an address', /^Invalid configuration: SYSTEM_MAIL_FROM — .*email address/],
  ])('stops on a bad %s with one line naming it', (name, value, message) => {
    expect(() => loadConfig({ DEV_SECRETS_FILE: devSecrets(), [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ DEV_SECRETS_FILE: devSecrets(), [name]: value })).toThrow(message);
  });

  it('refuses request and header timeouts that are unbounded or out of order', () => {
    expect(() => loadConfig({ DEV_SECRETS_FILE: devSecrets(), HTTP_REQUEST_TIMEOUT_MS: '0' })).toThrow(/^Invalid configuration: HTTP_REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ DEV_SECRETS_FILE: devSecrets(), HTTP_HEADERS_TIMEOUT_MS: 'soon' })).toThrow(/^Invalid configuration: HTTP_HEADERS_TIMEOUT_MS/);
    expect(() => loadConfig({ DEV_SECRETS_FILE: devSecrets(), HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '6000' })).toThrow(
      'Invalid configuration: HTTP_HEADERS_TIMEOUT_MS must not be longer than HTTP_REQUEST_TIMEOUT_MS',
    );
  });

  it('requires the secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('JWT_SECRET is required when NODE_ENV=production');
  });

  it('keeps generated dev secrets in a file so every process agrees', () => {
    const file = devSecrets();
    const first = loadConfig({ DEV_SECRETS_FILE: file });
    const second = loadConfig({ DEV_SECRETS_FILE: file });
    expect(second.appSecretKey).toBe(first.appSecretKey);
    expect(JSON.parse(readFileSync(file, 'utf8')).JWT_SECRET).toBe(first.jwtSecret);
  });

  it('parses booleans and numbers from strings', () => {
    const config = loadConfig({ DEV_SECRETS_FILE: devSecrets(), WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', PORT: '8080', DB_MIGRATE: 'false' });
    expect(config).toMatchObject({ webhookAllowPrivateNetworks: true, port: 8080, dbMigrate: false, publicUrl: 'http://localhost:8080' });
  });
});
