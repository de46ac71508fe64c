import { LoggerService } from '@nestjs/common';
import pino, { Logger as Pino, LevelWithSilent } from 'pino';

// Anything that can carry a credential, wherever our code logs it.
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

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

// Nest's boot narration (~100 lines per process, one per module and route): debug, so `npm start`'s
// several processes print what an operator needs at info.
const BOOT_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/**
 * Nest's logger, written as pino JSON lines. It holds no per-request context:
 * binding one (AsyncLocalStorage) puts a hook on every promise the process
 * makes, which on Node 20 cost the api about a fifth of its CPU per request.
 * Request lines come from `installRequestLog` instead.
 */
export class HubLogger implements LoggerService {
  readonly pino: Pino;

  constructor(level: LevelWithSilent | string, destination?: pino.DestinationStream) {
    this.pino = pino({ level, redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' } }, destination);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write(BOOT_CONTEXTS.has(params[params.length - 1] as string) ? 'debug' : 'info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest passes the logger's context as the last argument; error() may pass a stack before it. */
  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    let text: string | undefined;
    if (message instanceof Error) {
      fields.err = message;
      text = message.message;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(fields, message);
    } else {
      text = String(message);
    }
    if (level === 'error' && typeof rest[0] === 'string') fields.stack = rest[0];
    this.pino[level](fields, text);
  }
}
