import { RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@hub/config';

// Anything that can carry a credential, wherever pino-http or our code logs it.
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-node-secret"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.pass',
  '*.secret',
  '*.token',
  '*.access_token',
  '*.bearer_token',
  '*.api_key',
  '*.key',
  '*.google_key',
  '*.app_secret',
  '*.page_access_token',
  '*.webhook_signing_key',
];

export const HubLoggerModule = LoggerModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => ({
    pinoHttp: {
      level: config.logLevel,
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
      genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
        const given = req.headers['x-request-id'];
        return typeof given === 'string' && given.length <= 100 ? given : randomUUID();
      },
      autoLogging: { ignore: (req: { url?: string }) => req.url === '/api/health' || req.url === '/metrics' },
      serializers: { req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }) },
    },
    // Public inbound routes store every call in the inbound log (status, headers, body, outcome); a request logger
    // on them repeated that at ~13 % of the trigger webhook's CPU (measured with the bench's profiles).
    exclude: [{ method: RequestMethod.POST, path: 'api/automation/webhook/:webhookId' }],
  }),
});
