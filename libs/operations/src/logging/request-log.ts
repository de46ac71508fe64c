import type { FastifyInstance } from 'fastify';
import type { Logger as Pino } from 'pino';

/**
 * One "request completed" line per answered request, written from Fastify's
 * onResponse hook (no Express-style middleware layer, no per-request async
 * context). Only id, method, path, status and time: never headers or bodies.
 */
export function installRequestLog(fastify: FastifyInstance, logger: Pino, options: { skipRoutes: string[] }): void {
  const skipped = new Set(options.skipRoutes);
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url;
    if (route !== undefined && skipped.has(`${request.method} ${route}`)) return done();
    const statusCode = reply.statusCode;
    const line = {
      req: { id: request.id, method: request.method, url: request.url.split('?')[0] },
      res: { statusCode },
      responseTime: Math.round(reply.elapsedTime),
    };
    if (statusCode >= 500) logger.error(line, 'request errored');
    else logger.info(line, 'request completed');
    done();
  });
}

/** The request id: the caller's X-Request-Id when it is a short string, else a new UUID. */
export function requestIdOf(headers: Record<string, string | string[] | undefined>, newId: () => string): string {
  const given = headers['x-request-id'];
  return typeof given === 'string' && given.length > 0 && given.length <= 100 ? given : newId();
}
