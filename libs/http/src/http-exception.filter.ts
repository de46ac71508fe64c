import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { interruptedRequestBody } from './client-errors';
import { errorBody, ErrorBody } from './error-body';

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001', '08003']);
const DB_DOWN = 'The database is unavailable; nothing was stored. Retry later.';

/** Fastify rejects these before any handler runs; Nest hands them over as plain HttpExceptions. */
function bodyParsingMessage(status: number, message: string): string {
  if (status === 413) return 'Request body is larger than the 1 MiB limit';
  if (status === 415) return 'Unsupported Content-Type; send application/json or application/x-www-form-urlencoded';
  if (status === 400 && /JSON|Unexpected token|Unexpected end|position \d+/i.test(message)) return `Malformed JSON body: ${message}`;
  return message;
}

/** Maps any thrown error to the uniform body; database outages answer 503, never a false 2xx. */
export function toErrorBody(exception: unknown, requestId: string): ErrorBody {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'string') return errorBody(status, bodyParsingMessage(status, response));
    const { message, details, error, statusCode: _status, ...extra } = response as Record<string, unknown>;
    const text = Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
    // 422 bodies name a machine-readable error (SPEC: endpoint_verification_failed) plus extra fields (url, status).
    const body = errorBody(status, text, details, typeof error === 'string' ? error : undefined) as ErrorBody & Record<string, unknown>;
    for (const [key, value] of Object.entries(extra)) body[key] = value;
    return body;
  }
  const driverCode =
    (exception as { code?: string })?.code ?? (exception as { driverError?: { code?: string } })?.driverError?.code;
  if (driverCode && CONNECTION_ERRORS.has(driverCode)) return errorBody(503, DB_DOWN);
  if (exception instanceof Error && /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Cannot use a pool after calling end/i.test(exception.message)) {
    return errorBody(503, DB_DOWN);
  }
  if (exception instanceof QueryFailedError && driverCode === '23505') return errorBody(409, 'A record with the same unique value already exists');
  return errorBody(500, `Internal error (request id ${requestId})`);
}

export interface HttpExceptionFilterOptions {
  /** Runs before an error answer is sent (the inbound log stores rejected requests here). */
  beforeReply?: (request: FastifyRequest, body: ErrorBody) => Promise<void>;
  /** Answers a 404 some other way (the admin app's client-side routes); returns true when it did. */
  notFound?: (request: FastifyRequest, reply: FastifyReply) => boolean;
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(private readonly options: HttpExceptionFilterOptions = {}) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const body = interruptedRequestBody(request.raw) ?? toErrorBody(exception, String(request.id));
    if (body.statusCode === 404 && !request.routeOptions?.url && this.options.notFound?.(request, reply)) return;
    if (!request.routeOptions?.url && body.statusCode === 404) body.message = `Route ${request.method} ${request.url.split('?')[0]} not found`;
    if (body.statusCode >= 500) {
      // Never the error object itself: a TypeORM QueryFailedError carries the query's
      // parameters (raw inbound bodies, tokens). Nor the query string (verify tokens).
      const err = exception as { name?: string; message?: string; code?: string; stack?: string };
      const route = request.routeOptions?.url ?? request.url.split('?')[0];
      this.logger.error({ error: { name: err?.name, message: err?.message, code: err?.code, stack: err?.stack }, reqId: request.id }, `Unhandled error on ${request.method} ${route}`);
    }
    if (this.options.beforeReply) {
      await this.options.beforeReply(request, body).catch((error: unknown) => this.logger.warn(`beforeReply failed: ${(error as Error).message}`));
    }
    // A client that is gone (or that Node cut off) cannot be answered; the log above has what it would have read.
    if (reply.sent || request.raw.socket?.destroyed) return;
    await reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
